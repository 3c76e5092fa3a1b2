// Copyright workos-cpp authors. Handwritten.
// Runs the five tasks of docs/from-python.md against the fake transport: each sends what the
// Python SDK sends and reads the answer back.

#include "tasks.h"

#include <workos/auth/session.h>
#include <workos/testing/fake_transport.h>
#include <workos/testing/sign_webhook.h>

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "support/auth_test_keys.h"

namespace {

using workos::testing::FakeTransport;

constexpr char kCookiePassword[] = "a-cookie-password-of-at-least-32-characters";
constexpr char kUser[] = R"({"object":"user","id":"user_01","email":"ada@example.com",)"
                         R"("email_verified":true,"external_id":null,)"
                         R"("created_at":"2026-01-15T12:00:00.000Z",)"
                         R"("updated_at":"2026-01-15T12:00:00.000Z"})";

struct FiveTasks : ::testing::Test {
  std::shared_ptr<const workos::test::auth::TestRsaKey> key =
      workos::test::auth::TestRsaKey::shared("key_from_python");
  std::shared_ptr<FakeTransport> fake = std::make_shared<FakeTransport>();
  workos::Client client = [this] {
    workos::ClientOptions o;
    o.api_key = "sk_test_from_python";
    o.client_id = "client_from_python";
    o.transport = fake;
    o.max_retries = 0;
    return workos::Client(o);
  }();

  std::string last_body() { return fake->request(fake->request_count() - 1).body; }
};

TEST_F(FiveTasks, CreateAnOrganization) {
  fake->enqueue_json(201, R"({"object":"organization","id":"org_01","name":"Acme"})");
  EXPECT_EQ(from_python::create_organization(client), "org_01");
  EXPECT_NE(last_body().find(R"("name":"Acme")"), std::string::npos);
}

TEST_F(FiveTasks, AddAMemberWithARole) {
  fake->enqueue_json(201, R"({"object":"organization_membership","id":"om_01"})");
  from_python::add_member(client, "user_01", "org_01");
  EXPECT_NE(last_body().find(R"("role_slug":"admin")"), std::string::npos) << last_body();
  EXPECT_NE(last_body().find(R"("user_id":"user_01")"), std::string::npos);
}

TEST_F(FiveTasks, SignInWithAPassword) {
  fake->enqueue_json(
      200, std::string(R"({"user":)") + kUser + R"(,"access_token":"at","refresh_token":"rt"})");
  EXPECT_EQ(from_python::sign_in(client, "ada@example.com", "pw"), "user_01");
  EXPECT_NE(last_body().find(R"("grant_type":"password")"), std::string::npos);
}

TEST_F(FiveTasks, VerifyASession) {
  fake->set_handler([this](const workos::HttpRequest& r) -> workos::Result<workos::HttpResponse> {
    if (r.url.find("/sso/jwks/client_from_python") != std::string::npos)
      return FakeTransport::json(200, workos::test::auth::jwks_json({key}));
    return FakeTransport::json(404, "{}");
  });
  workos::test::auth::TestClaims claims;
  claims.sub = "user_01";
  workos::AuthenticateResponse signed_in;
  signed_in.access_token = workos::test::auth::mint_access_token(*key, claims);
  signed_in.refresh_token = "rt";
  signed_in.user.id = "user_01";
  const std::string cookie =
      workos::auth::seal_session_from_auth_response(signed_in, kCookiePassword).value();
  EXPECT_EQ(from_python::verify_session(client, cookie, kCookiePassword), "user_01");
  // A tampered cookie or another password: not authenticated.
  std::string tampered = cookie;
  tampered[tampered.size() / 2] = tampered[tampered.size() / 2] == 'A' ? 'B' : 'A';
  EXPECT_EQ(from_python::verify_session(client, tampered, kCookiePassword), "");
  EXPECT_EQ(from_python::verify_session(client, cookie, std::string(kCookiePassword) + "!"), "");
}

TEST_F(FiveTasks, CheckAWebhook) {
  const std::string body = R"({"object":"event","id":"event_01","event":"user.created","data":)" +
                           std::string(kUser) + R"(,"created_at":"2026-01-15T12:00:01.000Z"})";
  const std::string header = workos::testing::sign_webhook(body, "whsec_from_python");
  EXPECT_EQ(from_python::check_webhook(client, body, header, "whsec_from_python"), "user.created");
}

}  // namespace
