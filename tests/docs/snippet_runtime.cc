// Copyright workos-cpp authors. Handwritten.
// The placeholders of tests/docs/snippet_prelude.h with values, for the guides' runnable blocks:
// clients over a fake transport (no network), a signed webhook, a vault data key.

#include <workos/signing/webhooks.h>
#include <workos/testing/fake_transport.h>

#include <memory>
#include <string>

#include "snippet_prelude.h"

namespace snippet_placeholders {

namespace {

std::shared_ptr<workos::testing::FakeTransport> fake() {
  static auto transport = std::make_shared<workos::testing::FakeTransport>();
  return transport;
}

}  // namespace

workos::ClientOptions options = [] {
  workos::ClientOptions o;
  o.api_key = "sk_test_snippets";
  o.client_id = "client_snippets";
  o.transport = fake();
  o.max_retries = 0;
  return o;
}();
workos::Client client(options);
workos::AsyncClient async(client);

std::string id = "org_01SNIPPET", cookie, cookie_password = "snippet-cookie-password-32-chars!!",
            cookie_header, secret = "whsec_snippets",
            body = R"({"object":"event","id":"event_01SNIPPET","event":"user.created",)"
                   R"("data":{"object":"user","id":"user_01SNIPPET","email":"ada@example.com",)"
                   R"("email_verified":true,"created_at":"2026-01-15T12:00:00.000Z",)"
                   R"("updated_at":"2026-01-15T12:00:00.000Z"},)"
                   R"("created_at":"2026-01-15T12:00:01.000Z"})",
            payload = body, signature_header = workos::webhooks::sign(body, secret),
            sig_header = signature_header, email = "ada@example.com", password, request_code,
            stored_verifier, client_ip, client_user_agent, bearer, staging_key, user_id, org_id,
            data = "4242 4242 4242 4242", aad = "user_123";
std::vector<std::string> ids;
std::chrono::system_clock::time_point some_time_point = std::chrono::system_clock::now();
std::shared_ptr<const workos::CancellationToken> cancel_token;
workos::DeviceAuthorizationResponse device;
workos::Organization acme;
workos::organizations::CreateOrganizationParams params;
// A 32-byte data key and what WorkOS would hand back encrypted (opaque bytes here).
DataKey key{"MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=", "ZW5jcnlwdGVkLWRhdGEta2V5"};
Request req;
Pool pool;

std::string Request::get_header_value(const char*) const {
  return signature_header;
}
void Pool::submit(std::function<void()> task) {
  task();
}

}  // namespace snippet_placeholders
