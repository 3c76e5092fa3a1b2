// Copyright workos-cpp authors. Handwritten.
// Passwordless sessions: the exact request (method, URL, headers, body) and the decoded answer,
// checked through FakeTransport like the generated operations.

#include <workos/client.h>
#include <workos/passwordless/passwordless.h>
#include <workos/testing/fake_transport.h>

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "core/call.h"
#include "core/core_access.h"

namespace {

using workos::testing::FakeTransport;

struct Fixture {
  std::shared_ptr<FakeTransport> fake = std::make_shared<FakeTransport>();
  std::shared_ptr<workos::detail::ClientCore> core;
  std::unique_ptr<workos::passwordless::PasswordlessService> service;

  Fixture() {
    workos::ClientOptions o;
    o.api_key = "sk_test_passwordless";
    o.base_url = "https://api.workos.test";
    o.transport = fake;
    o.max_retries = 0;
    core = workos::detail::ClientCore::create(o).value();
    service = std::make_unique<workos::passwordless::PasswordlessService>(
        workos::detail::CoreAccess::make<workos::passwordless::PasswordlessService>(core));
  }
};

constexpr char kSession[] = R"({
  "object": "passwordless_session",
  "id": "passwordless_session_01EHDAK2BFGWCSZXP9HGZ3VK8C",
  "email": "marcelina@example.com",
  "expires_at": "2020-08-13T05:50:00.000Z",
  "link": "https://auth.workos.com/passwordless/4TeRexuejWCKs9rrFOIuLRYEr/confirm",
  "new_field": {"ignored": true}
})";

TEST(Passwordless, CreateSessionSendsTheOfficialBodyAndDecodesTheSession) {
  Fixture f;
  f.fake->enqueue_json(201, kSession, {{"X-Request-ID", "req_pl_1"}});
  workos::passwordless::CreateSessionParams p;
  p.email = "marcelina@example.com";
  p.redirect_uri = "https://example.com/callback";
  p.state = "s t&a=te";
  p.expires_in = 900;
  auto r = f.service->create_session(p);
  ASSERT_TRUE(r) << r.error().to_string();

  ASSERT_EQ(f.fake->request_count(), 1u);
  const workos::HttpRequest req = f.fake->last_request();
  EXPECT_EQ(req.method, "POST");
  EXPECT_EQ(req.url, "https://api.workos.test/passwordless/sessions");
  EXPECT_EQ(workos::testing::header_value(req.headers, "Authorization"),
            "Bearer sk_test_passwordless");
  EXPECT_EQ(workos::testing::header_value(req.headers, "Content-Type"), "application/json");
  EXPECT_FALSE(workos::testing::header_value(req.headers, "Idempotency-Key").empty());
  EXPECT_TRUE(req.has_body);
  EXPECT_EQ(
      req.body,
      R"({"type":"MagicLink","email":"marcelina@example.com",)"
      R"("redirect_uri":"https://example.com/callback","state":"s t&a=te","expires_in":900})");

  EXPECT_EQ(r->object, "passwordless_session");
  EXPECT_EQ(r->id, "passwordless_session_01EHDAK2BFGWCSZXP9HGZ3VK8C");
  EXPECT_EQ(r->email, "marcelina@example.com");
  EXPECT_EQ(r->expires_at.text(), "2020-08-13T05:50:00.000Z");
  EXPECT_EQ(r->link, "https://auth.workos.com/passwordless/4TeRexuejWCKs9rrFOIuLRYEr/confirm");
  ASSERT_NE(r.response(), nullptr);
  EXPECT_EQ(r.response()->request_id(), "req_pl_1");
}

TEST(Passwordless, CreateSessionOmitsUnsetOptionalFields) {
  Fixture f;
  f.fake->enqueue_json(201, kSession);
  workos::passwordless::CreateSessionParams p;
  p.email = "a@example.com";
  p.connection_id = "conn_123";
  ASSERT_TRUE(f.service->create_session(p));
  EXPECT_EQ(f.fake->last_request().body,
            R"({"type":"MagicLink","email":"a@example.com","connection":"conn_123"})");
}

TEST(Passwordless, SendSessionPostsAnEmptyObjectToTheEncodedPath) {
  Fixture f;
  f.fake->enqueue_json(200, R"({"success":true})");
  auto r = f.service->send_session("passwordless_session_01/../x y");
  ASSERT_TRUE(r) << r.error().to_string();
  const workos::HttpRequest req = f.fake->last_request();
  EXPECT_EQ(req.method, "POST");
  EXPECT_EQ(
      req.url,
      "https://api.workos.test/passwordless/sessions/passwordless_session_01%2F..%2Fx%20y/send");
  EXPECT_EQ(req.body, "{}");
  EXPECT_EQ(r->success, true);
  EXPECT_FALSE(r->message.has_value());
}

TEST(Passwordless, SendSessionRejectsAnEmptyIdLocally) {
  Fixture f;
  auto r = f.service->send_session("");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), workos::ErrorKind::kInvalidArgument);
  EXPECT_EQ(f.fake->request_count(), 0u);
}

TEST(Passwordless, ApiErrorsAreMapped) {
  Fixture f;
  f.fake->enqueue_json(422, R"({"code":"invalid_email","message":"Email is invalid"})",
                       {{"X-Request-ID", "req_pl_2"}});
  workos::passwordless::CreateSessionParams p;
  p.email = "nope";
  auto r = f.service->create_session(p);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), workos::ErrorKind::kApi);
  EXPECT_EQ(r.error().status(), 422);
  EXPECT_EQ(r.error().code(), "invalid_email");
  EXPECT_EQ(r.error().request_id(), "req_pl_2");
}

TEST(Passwordless, AWrongTypeInTheAnswerIsADecodeError) {
  Fixture f;
  f.fake->enqueue_json(201, R"({"object":"passwordless_session","id":42})");
  workos::passwordless::CreateSessionParams p;
  p.email = "a@example.com";
  auto r = f.service->create_session(p);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), workos::ErrorKind::kDecode);
  EXPECT_NE(r.error().message().find("PasswordlessSession.id"), std::string::npos)
      << r.error().message();
}

TEST(Passwordless, ClientPasswordlessReachesTheService) {
  auto fake = std::make_shared<FakeTransport>();
  workos::ClientOptions o;
  o.api_key = "sk_test_passwordless";
  o.transport = fake;
  workos::Client client(o);
  fake->enqueue_json(201, kSession);
  workos::passwordless::CreateSessionParams p;
  p.email = "marcelina@example.com";
  auto session = client.passwordless().create_session(p);
  ASSERT_TRUE(session) << session.error().to_string();
  EXPECT_EQ(session->id, "passwordless_session_01EHDAK2BFGWCSZXP9HGZ3VK8C");
  EXPECT_EQ(fake->last_request().url, "https://api.workos.com/passwordless/sessions");
}

}  // namespace
