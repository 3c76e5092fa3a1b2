// examples/consumer — a program built against an INSTALLED workos-cpp (find_package(workos) or
// pkg-config). It never touches the network: the client talks to a FakeTransport.
//
// It checks what a packaging mistake would break: headers and library of the same version,
// the generated API and its decoding linked in, the testing kit installed, and error handling
// with or without exceptions (scripts/test also builds it with -fno-exceptions).
#include <workos/async_client.h>
#include <workos/client.h>
#include <workos/organizations/async_service.h>
#include <workos/organizations/service.h>
#include <workos/testing/fake_transport.h>
#include <workos/version.h>

#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

namespace {

int check(bool ok, const char* what) {
  if (!ok) std::fprintf(stderr, "consumer check failed: %s\n", what);
  return ok ? 0 : 1;
}

}  // namespace

int main() {
  int failures = 0;
  failures += check(std::strcmp(workos::version(), WORKOS_VERSION_STRING) == 0,
                    "library version matches the installed headers");

  auto fake = std::make_shared<workos::testing::FakeTransport>();
  fake->enqueue_json(200,
                     R"({"object":"organization","id":"org_123","name":"Acme",)"
                     R"("domains":[],"metadata":{},"external_id":null,)"
                     R"("created_at":"2026-01-15T12:00:00.000Z",)"
                     R"("updated_at":"2026-01-15T12:00:00.000Z"})",
                     {{"X-Request-ID", "req_1"}});
  fake->enqueue_json(404, R"({"message":"Organization not found","code":"entity_not_found"})");

  workos::ClientOptions options;
  options.api_key = "sk_test_consumer";
  options.base_url = "https://api.workos.com";  // independent of WORKOS_BASE_URL in the env
  options.transport = fake;
  auto created = workos::Client::create(options);
  failures += check(created.has_value(), "client created");
  if (!created) return 1;
  const workos::Client& client = *created;

  auto org = client.organizations().get_organization("org_123");
  failures += check(org.has_value() && org->name == "Acme", "organization decoded");
  failures += check(fake->last_request().method == "GET" &&
                        fake->last_request().url == "https://api.workos.com/organizations/org_123",
                    "request method and URL");

  auto missing = client.organizations().get_organization("org_missing");
  failures += check(!missing && missing.error().status() == 404, "404 reported as an error");

  // The async client on its event loop (the fake transport is called on the loop thread).
  fake->enqueue_json(200, R"({"object":"organization","id":"org_456","name":"Async",)"
                          R"("domains":[],"created_at":"2026-01-15T12:00:00.000Z",)"
                          R"("updated_at":"2026-01-15T12:00:00.000Z"})");
  {
    workos::AsyncClient async_client(client);
    workos::Result<workos::Organization> async_org =
        async_client.organizations().get_organization("org_456").get();
    failures += check(async_org.has_value() && async_org->name == "Async",
                      "organization decoded by the AsyncClient");
  }

#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
  bool thrown = false;
  try {
    (void)client.organizations().get_organization("org_none").value();  // queue empty: error
  } catch (const workos::WorkOSError&) {
    thrown = true;
  }
  failures += check(thrown, "value() throws a WorkOSError");
  const char* mode = "exceptions";
#else
  const char* mode = "no exceptions";
#endif

  if (failures) return 1;
  std::printf("workos-cpp %s: consumer OK (C++%ld, %s, %zu requests)\n", workos::version(),
              static_cast<long>(__cplusplus), mode, fake->request_count());
  return 0;
}
