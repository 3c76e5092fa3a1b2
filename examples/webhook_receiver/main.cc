// Copyright workos-cpp authors. Handwritten.
// A WorkOS webhook endpoint. Run:
//   WORKOS_WEBHOOK_SECRET=whsec_... ./webhook_receiver [port]
// then point a WorkOS webhook endpoint (or `workos::testing::sign_webhook` + curl) at
// http://<host>:<port>/webhooks.

#include "receiver.h"

#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
  const char* secret = std::getenv("WORKOS_WEBHOOK_SECRET");
  if (secret == nullptr || *secret == '\0') {
    std::fprintf(stderr, "set WORKOS_WEBHOOK_SECRET to the endpoint's signing secret\n");
    return 2;
  }
  const int port = argc > 1 ? std::atoi(argv[1]) : 8080;

  webhook_receiver::Receiver receiver(secret);
  receiver.on("user.created", [](const workos::Event& event) {
    const workos::EventUserCreated* e = event.as_user_created();
    std::printf("user.created %s <%s>\n", e->data.id.c_str(), e->data.email.c_str());
  });
  receiver.on("dsync.user.updated", [](const workos::Event& event) {
    const workos::EventDsyncUserUpdated* e = event.as_dsync_user_updated();
    std::printf("dsync.user.updated %s\n", e->id.c_str());
  });
  receiver.on_other([](const workos::Event& event) {
    std::printf("%s (%s)\n", std::string(event.tag()).c_str(),
                event.is_unknown() ? "unknown to this SDK version" : "not handled");
  });

  httplib::Server server;
  receiver.mount(server);
  std::printf("listening on 0.0.0.0:%d/webhooks\n", port);
  return server.listen("0.0.0.0", port) ? 0 : 1;
}
