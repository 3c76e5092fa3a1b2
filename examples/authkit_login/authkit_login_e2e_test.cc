// Copyright workos-cpp authors. Handwritten.
// End-to-end: the AuthKit login example served in-process, driven by an HTTP client through
// the whole flow against a fake of the WorkOS endpoints it uses (authorize, authenticate,
// JWKS, logout) that checks PKCE and issues real RS256 tokens.

#include "authkit_login_app.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>

#include "support/authkit_fake.h"

namespace {

using workos::test::authkit::FakeWorkOS;
using workos::test::authkit::kApiKey;
using workos::test::authkit::kClientId;
using workos::test::authkit::kPassword;

TEST(AuthKitLoginExample, SignsInRefreshesAndSignsOut) {
  FakeWorkOS workos_fake;
  workos::ClientOptions o;
  o.api_key = kApiKey;
  o.client_id = kClientId;
  o.base_url = workos_fake.server.base_url();
  o.max_retries = 0;
  workos::Client client(o);

  httplib::Server app;
  const int port = app.bind_to_any_port("127.0.0.1");
  const std::string app_url = "http://127.0.0.1:" + std::to_string(port);
  authkit_login::AppConfig config;
  config.cookie_password = kPassword;
  config.redirect_uri = app_url + "/callback";
  config.home_url = app_url + "/";
  config.secure_cookies = false;
  authkit_login::register_routes(app, client, config);
  std::thread app_thread([&] { app.listen_after_bind(); });
  struct StopServer {
    httplib::Server& server;
    std::thread& thread;
    ~StopServer() {
      server.stop();
      if (thread.joinable()) thread.join();
    }
  } stop_server{app, app_thread};
  // listen_after_bind() flips is_running() as it starts accepting (bounded wait, no sleep).
  for (int i = 0; i < 1000000 && !app.is_running(); ++i) std::this_thread::yield();
  ASSERT_TRUE(app.is_running());

  workos::test::authkit::expect_the_whole_flow(workos_fake, app_url);
}

}  // namespace
