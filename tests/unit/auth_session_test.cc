// Copyright workos-cpp authors. Handwritten.
// Sealed sessions: authenticate, refresh (single flight, failure reasons), logout URL, codecs
// and payload layouts.

#include <workos/auth/session.h>
#include <workos/testing/fake_transport.h>
#include <workos/user_management/user_management_client.h>

#include <gtest/gtest.h>

#include <workos/async/event_loop.h>
#include <workos/async/future.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <iterator>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <utility>

#include "auth/session_payload.h"
#include "core/core_access.h"
#include "core/json.h"
#include "support/auth_test_client.h"
#include "support/auth_test_keys.h"
#include "support/core_test_helpers.h"
#include "user_management/models_json.h"

namespace {

using workos::auth::SessionFailure;
using workos::auth::TokenFailure;
using workos::test::auth::mint_access_token;
using workos::test::auth::TestClaims;
using workos::test::auth::TestClient;
using workos::test::auth::TestRsaKey;
using workos::testing::FakeTransport;

const std::string kPassword = "session-test-cookie-password-32-chars!";

std::string json_quoted(const std::string& s) {
  workos::detail::json::Writer w;
  w.string(s);
  return w.take();
}

std::map<std::string, std::string> members(const std::string& body) {
  std::map<std::string, std::string> out;
  workos::detail::json::Value root;
  if (!workos::detail::json::parse(workos::detail::json::JsonText(body), "test", root)) return out;
  simdjson::dom::object obj;
  if (root.get_object().get(obj) != simdjson::SUCCESS) return out;
  for (auto f : obj) {
    std::string_view s;
    if (f.value.get_string().get(s) == simdjson::SUCCESS)
      out[std::string(f.key)] = std::string(s);
    else
      out[std::string(f.key)] = simdjson::minify(f.value);
  }
  return out;
}

class AuthSession : public ::testing::Test {
 protected:
  std::shared_ptr<const TestRsaKey> key = TestRsaKey::shared("key_a");
  std::shared_ptr<FakeTransport> fake = std::make_shared<FakeTransport>();
  workos::test::FakeClock clock;
  std::atomic<int> authenticate_calls{0};
  std::function<workos::Result<workos::HttpResponse>(const workos::HttpRequest&)> on_authenticate;

  void SetUp() override {
    fake->set_handler([this](const workos::HttpRequest& r) -> workos::Result<workos::HttpResponse> {
      if (r.url.find("/sso/jwks/") != std::string::npos) {
        return FakeTransport::json(200, workos::test::auth::jwks_json({key}));
      }
      if (r.url.find("/user_management/authenticate") != std::string::npos) {
        ++authenticate_calls;
        if (on_authenticate) return on_authenticate(r);
        return FakeTransport::json(200, auth_response(token(), "rt_rotated"));
      }
      return FakeTransport::json(404, "{}");
    });
  }
  workos::ClientOptions options() {
    workos::ClientOptions o;
    o.api_key = "sk_test_session";
    o.client_id = "client_123";
    o.transport = fake;
    o.clock = clock.clock();
    o.max_retries = 0;
    return o;
  }
  std::chrono::system_clock::time_point now() { return clock.clock().wall_now(); }
  std::string token(TestClaims c = {}) { return mint_access_token(*key, c, now()); }
  std::string expired_token() {
    TestClaims c;
    c.issued_ago = std::chrono::hours(1);
    return token(c);
  }
  static std::string user_json() {
    return R"({"object":"user","id":"user_01TEST","email":"ada@example.com","first_name":"Ada",)"
           R"("last_name":"Lovelace","profile_picture_url":null,"email_verified":true,)"
           R"("external_id":null,"last_sign_in_at":null,"created_at":"2024-01-01T00:00:00.000Z",)"
           R"("updated_at":"2024-01-02T00:00:00.000Z","metadata":{"plan":"pro"}})";
  }
  static std::string auth_response(const std::string& access, const std::string& refresh) {
    return "{\"user\":" + user_json() + ",\"access_token\":" + json_quoted(access) +
           ",\"refresh_token\":" + json_quoted(refresh) +
           ",\"authentication_method\":\"Password\",\"impersonator\":{\"email\":"
           "\"admin@example.com\",\"reason\":\"support\"}}";
  }
  workos::AuthenticateResponse response(const std::string& access, const std::string& refresh) {
    workos::AuthenticateResponse r;
    EXPECT_TRUE(workos::detail::json::decode_document(auth_response(access, refresh),
                                                      "AuthenticateResponse", r));
    return r;
  }
  std::string cookie(const std::string& access, const std::string& refresh = "rt_1") {
    return workos::auth::seal_session_from_auth_response(response(access, refresh), kPassword)
        .value();
  }
};

TEST_F(AuthSession, AuthenticatesAValidCookie) {
  TestClient client(options());
  auto session = workos::auth::load_sealed_session(client, cookie(token()), kPassword);
  auto auth = session.authenticate();
  ASSERT_TRUE(auth) << workos::auth::to_string(auth.reason)
                    << (auth.error ? " " + auth.error->message() : "");
  EXPECT_EQ(auth.session_id(), "session_01TEST");
  EXPECT_EQ(auth.organization_id().value(), "org_01TEST");
  EXPECT_EQ(auth.claims.role.value(), "admin");
  EXPECT_EQ(auth.claims.permissions, (std::vector<std::string>{"posts:read", "posts:write"}));
  ASSERT_TRUE(auth.user);
  EXPECT_EQ(auth.user->email, "ada@example.com");
  EXPECT_EQ(auth.user->first_name.value(), "Ada");
  EXPECT_TRUE(auth.user->email_verified);
  EXPECT_EQ(auth.authentication_method.value(), "Password");
  ASSERT_TRUE(auth.impersonator);
  EXPECT_EQ(auth.impersonator->email, "admin@example.com");
  EXPECT_FALSE(auth.access_token.empty());
  // JWKS fetched once for many authentications.
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(session.authenticate());
  EXPECT_EQ(fake->request_count(), 1u);
}

TEST_F(AuthSession, FailureReasons) {
  TestClient client(options());
  EXPECT_EQ(workos::auth::load_sealed_session(client, "", kPassword).authenticate().reason,
            SessionFailure::kNoSessionCookieProvided);
  EXPECT_EQ(workos::auth::load_sealed_session(client, "garbage", kPassword).authenticate().reason,
            SessionFailure::kInvalidSessionCookie);
  EXPECT_EQ(workos::auth::load_sealed_session(client, cookie(token()), kPassword + "x")
                .authenticate()
                .reason,
            SessionFailure::kInvalidSessionCookie);
  auto config = workos::auth::load_sealed_session(client, cookie(token()), "short").authenticate();
  EXPECT_EQ(config.reason, SessionFailure::kConfiguration);
  ASSERT_TRUE(config.error);
  EXPECT_EQ(config.error->kind(), workos::ErrorKind::kConfiguration);

  auto expired =
      workos::auth::load_sealed_session(client, cookie(expired_token()), kPassword).authenticate();
  EXPECT_EQ(expired.reason, SessionFailure::kInvalidJwt);
  EXPECT_EQ(expired.token_failure, TokenFailure::kExpired);
  EXPECT_STREQ(workos::auth::to_string(expired.reason), "invalid_jwt");

  auto other = TestRsaKey::shared("key_b");
  auto forged = other->sign_jwt(R"({"alg":"RS256","kid":"key_a"})", TestClaims{}.to_json(now()));
  auto bad = workos::auth::load_sealed_session(client, cookie(forged), kPassword).authenticate();
  EXPECT_EQ(bad.reason, SessionFailure::kInvalidJwt);
  EXPECT_EQ(bad.token_failure, TokenFailure::kInvalidSignature);

  auto no_token = workos::auth::seal_data(R"({"refreshToken":"rt"})", kPassword).value();
  EXPECT_EQ(workos::auth::load_sealed_session(client, no_token, kPassword).authenticate().reason,
            SessionFailure::kInvalidSessionCookie);
}

TEST_F(AuthSession, JwksOutageIsNotAnInvalidJwt) {
  fake->set_handler([](const workos::HttpRequest&) -> workos::Result<workos::HttpResponse> {
    return workos::Error(workos::ErrorKind::kConnection, "connection refused");
  });
  TestClient client(options());
  auto auth = workos::auth::load_sealed_session(client, cookie(token()), kPassword).authenticate();
  EXPECT_EQ(auth.reason, SessionFailure::kJwksUnavailable);
  EXPECT_EQ(auth.token_failure, TokenFailure::kJwksUnavailable);
}

TEST_F(AuthSession, RefreshRotatesTokensAndReseals) {
  TestClient client(options());
  const std::string old_cookie = cookie(expired_token(), "rt_old");
  auto session = workos::auth::load_sealed_session(client, old_cookie, kPassword);
  ASSERT_EQ(session.authenticate().reason, SessionFailure::kInvalidJwt);
  workos::auth::RefreshOptions ro;
  ro.ip_address = "203.0.113.9";
  auto refreshed = session.refresh(ro);
  ASSERT_TRUE(refreshed) << workos::auth::to_string(refreshed.reason)
                         << (refreshed.error ? " " + refreshed.error->message() : "");
  EXPECT_FALSE(refreshed.shared);
  EXPECT_EQ(refreshed.session_id(), "session_01TEST");
  EXPECT_EQ(refreshed.user->email, "ada@example.com");
  ASSERT_TRUE(refreshed.response);
  EXPECT_EQ(refreshed.response->refresh_token, "rt_rotated");
  EXPECT_NE(refreshed.sealed_session, old_cookie);
  EXPECT_EQ(session.sealed_data(), refreshed.sealed_session);
  EXPECT_TRUE(session.authenticate());
  auto data = session.data().value();
  EXPECT_EQ(data.refresh_token, "rt_rotated");
  EXPECT_EQ(data.organization_id.value(), "org_01TEST");

  // The grant: refresh token, client credentials, org from the old token, Radar context.
  for (const auto& r : fake->requests()) {
    if (r.url.find("/user_management/authenticate") == std::string::npos) continue;
    auto b = members(r.body);
    EXPECT_EQ(b["grant_type"], "refresh_token");
    EXPECT_EQ(b["refresh_token"], "rt_old");
    EXPECT_EQ(b["client_id"], "client_123");
    EXPECT_EQ(b["client_secret"], "sk_test_session");
    EXPECT_EQ(b["organization_id"], "org_01TEST");
    EXPECT_EQ(b["ip_address"], "203.0.113.9");
  }
  EXPECT_EQ(authenticate_calls.load(), 1);
}

TEST_F(AuthSession, RefreshKeepsTheNewTokensWhenTheJwksIsUnreachable) {
  bool jwks_down = true;
  fake->set_handler([&](const workos::HttpRequest& r) -> workos::Result<workos::HttpResponse> {
    if (r.url.find("/sso/jwks/") != std::string::npos) {
      if (jwks_down) return workos::Error(workos::ErrorKind::kConnection, "connection reset");
      return FakeTransport::json(200, workos::test::auth::jwks_json({key}));
    }
    if (r.url.find("/user_management/authenticate") != std::string::npos) {
      ++authenticate_calls;
      return FakeTransport::json(200, auth_response(token(), "rt_rotated"));
    }
    return FakeTransport::json(404, "{}");
  });
  TestClient client(options());
  const std::string old_cookie = cookie(expired_token(), "rt_old");
  auto session = workos::auth::load_sealed_session(client, old_cookie, kPassword);
  auto refreshed = session.refresh();
  EXPECT_FALSE(refreshed);
  EXPECT_EQ(refreshed.reason, SessionFailure::kJwksUnavailable);
  EXPECT_TRUE(refreshed.retryable);
  EXPECT_EQ(authenticate_calls.load(), 1);
  // The spent refresh token is gone: the cookie to store holds the rotated one.
  ASSERT_FALSE(refreshed.sealed_session.empty());
  EXPECT_EQ(session.sealed_data(), refreshed.sealed_session);
  EXPECT_EQ(session.data().value().refresh_token, "rt_rotated");
  jwks_down = false;
  clock.advance(std::chrono::seconds(10));  // past the JWKS failure cooldown
  auto later = workos::auth::load_sealed_session(client, refreshed.sealed_session, kPassword);
  EXPECT_TRUE(later.authenticate());
}

TEST_F(AuthSession, ABlockingRefreshOnALoopThreadFailsInsteadOfWaitingForAnother) {
  // A refresh of the session is in flight on another thread, held until the loop-thread
  // refresh has answered: a refresh that waited for it there would never return.
  std::mutex mu;
  std::condition_variable cv;
  bool grant_started = false;
  bool release_grant = false;
  on_authenticate = [&](const workos::HttpRequest&) -> workos::Result<workos::HttpResponse> {
    std::unique_lock<std::mutex> lock(mu);
    grant_started = true;
    cv.notify_all();
    cv.wait(lock, [&] { return release_grant; });
    return FakeTransport::json(200, auth_response(token(), "rt_rotated"));
  };
  TestClient client(options());
  auto session =
      workos::auth::load_sealed_session(client, cookie(expired_token(), "rt_old"), kPassword);
  std::thread first([&] { EXPECT_TRUE(session.refresh()); });
  {
    std::unique_lock<std::mutex> lock(mu);
    ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(20), [&] { return grant_started; }));
  }
  workos::EventLoop loop;
  workos::Promise<std::string> on_loop;
  workos::Future<std::string> answer = on_loop.get_future();
  loop.post([&] {
    auto r = session.refresh();
    on_loop.set_value(r ? std::string("ok")
                        : std::string(workos::auth::to_string(r.reason)) + ": " +
                              (r.error ? r.error->message() : std::string()));
  });
  const bool answered = answer.wait_for(std::chrono::seconds(20));
  {
    std::lock_guard<std::mutex> lock(mu);
    release_grant = true;
    cv.notify_all();
  }
  first.join();
  ASSERT_TRUE(answered) << "the loop-thread refresh waited for the other one";
  const std::string got = answer.get().value();
  EXPECT_NE(got.find("event-loop thread"), std::string::npos) << got;
  EXPECT_EQ(authenticate_calls.load(), 1);
}

TEST_F(AuthSession, RefreshFailureReasons) {
  TestClient client(options());
  struct Case {
    int status;
    std::string body;
    SessionFailure reason;
    bool retryable;
  };
  std::vector<Case> cases = {
      {400, R"({"error":"invalid_grant","error_description":"Refresh token already used"})",
       SessionFailure::kRefreshDenied, false},
      {403, R"({"code":"mfa_enrollment","message":"enroll","pending_authentication_token":"p"})",
       SessionFailure::kMfaEnrollment, false},
      {403, R"({"code":"sso_required","message":"sso","connection_ids":["conn_1"]})",
       SessionFailure::kSsoRequired, false},
      {429, R"({"message":"slow down"})", SessionFailure::kRateLimited, true},
      {503, R"({"message":"unavailable"})", SessionFailure::kServerError, true},
      {422, R"({"code":"invalid_request_parameters","message":"bad"})",
       SessionFailure::kRefreshFailed, false},
  };
  int n = 0;
  for (const auto& c : cases) {
    on_authenticate = [&c](const workos::HttpRequest&) -> workos::Result<workos::HttpResponse> {
      return FakeTransport::json(c.status, c.body, {{"Retry-After", "7"}});
    };
    auto session = workos::auth::load_sealed_session(
        client, cookie(expired_token(), "rt_case_" + std::to_string(n++)), kPassword);
    auto r = session.refresh();
    EXPECT_FALSE(r);
    EXPECT_EQ(r.reason, c.reason) << c.body;
    EXPECT_EQ(r.retryable, c.retryable) << c.body;
    EXPECT_TRUE(r.error.has_value());
    if (c.reason == SessionFailure::kRateLimited) {
      EXPECT_EQ(r.retry_after.value().count(), 7);
    }
  }
  EXPECT_STREQ(workos::auth::to_string(SessionFailure::kRefreshDenied), "refresh_denied");
  on_authenticate = [](const workos::HttpRequest&) -> workos::Result<workos::HttpResponse> {
    return workos::Error(workos::ErrorKind::kConnection, "reset");
  };
  auto net = workos::auth::load_sealed_session(client, cookie(expired_token(), "rt_net"), kPassword)
                 .refresh();
  EXPECT_EQ(net.reason, SessionFailure::kNetworkError);
  EXPECT_TRUE(net.retryable);

  // A cookie without a refresh token cannot be refreshed; nothing is sent.
  const std::size_t sent = fake->request_count();
  auto no_refresh = workos::auth::seal_data(R"({"accessToken":"at"})", kPassword).value();
  auto cannot = workos::auth::load_sealed_session(client, no_refresh, kPassword).refresh();
  EXPECT_EQ(cannot.reason, SessionFailure::kInvalidSessionCookie);
  ASSERT_TRUE(cannot.error.has_value());
  EXPECT_EQ(cannot.error->message(), "the session has no refresh token");
  EXPECT_EQ(fake->request_count(), sent);
}

// Holds every refresh-token grant until `open()` (at most 10 s), then answers it.
struct AuthenticateGate {
  std::mutex mu;
  std::condition_variable cv;
  bool released = false;
  std::function<workos::Result<workos::HttpResponse>(const workos::HttpRequest&)> handler(
      std::function<std::string()> answer) {
    return [this, answer](const workos::HttpRequest&) -> workos::Result<workos::HttpResponse> {
      std::unique_lock<std::mutex> lock(mu);
      cv.wait_for(lock, std::chrono::seconds(10), [&] { return released; });
      return FakeTransport::json(200, answer());
    };
  }
  // Releases the held grants; true when they were still held.
  bool open() {
    bool was_held = false;
    {
      std::lock_guard<std::mutex> lock(mu);
      was_held = !released;
      released = true;
    }
    cv.notify_all();
    return was_held;
  }
};

TEST_F(AuthSession, ConcurrentRefreshesOfOneSessionShareOneCall) {
  AuthenticateGate gate;
  on_authenticate = gate.handler([this] { return auth_response(token(), "rt_rotated"); });
  TestClient client(options());
  const std::string shared_cookie = cookie(expired_token(), "rt_shared");
  constexpr int kThreads = 8;
  std::vector<workos::auth::SessionRefresh> results(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      // One SealedSession per "request", all from the same cookie.
      auto s = workos::auth::load_sealed_session(client, shared_cookie, kPassword);
      results[i] = s.refresh();
    });
  }
  for (int i = 0; i < 2000 && authenticate_calls.load() == 0; ++i) std::this_thread::yield();
  gate.open();
  for (auto& t : threads) t.join();
  EXPECT_EQ(authenticate_calls.load(), 1);
  int shared = 0;
  for (const auto& r : results) {
    EXPECT_TRUE(r) << workos::auth::to_string(r.reason);
    EXPECT_EQ(r.response->refresh_token, "rt_rotated");
    shared += r.shared ? 1 : 0;
  }
  EXPECT_EQ(shared, kThreads - 1);
}

TEST_F(AuthSession, WaitingForAnotherRefreshOfTheSessionKeepsToTheCallersDeadline) {
  AuthenticateGate gate;
  on_authenticate = gate.handler([this] { return auth_response(token(), "rt_rotated"); });
  TestClient client(options());
  const std::string c = cookie(expired_token(), "rt_deadline");
  workos::auth::SessionRefresh first;
  std::thread slow(
      [&] { first = workos::auth::load_sealed_session(client, c, kPassword).refresh(); });
  for (int i = 0; i < 200000 && authenticate_calls.load() == 0; ++i) std::this_thread::yield();
  ASSERT_EQ(authenticate_calls.load(), 1);

  // The first refresh is held; this one may wait 50 ms for it, so it gives up while it is held.
  workos::auth::RefreshOptions hurried;
  hurried.request.deadline = std::chrono::milliseconds(50);
  auto second = workos::auth::load_sealed_session(client, c, kPassword).refresh(hurried);
  const bool still_held = gate.open();
  slow.join();
  EXPECT_TRUE(still_held);
  ASSERT_FALSE(second);
  EXPECT_EQ(second.reason, SessionFailure::kRefreshFailed);
  ASSERT_TRUE(second.error.has_value());
  EXPECT_EQ(second.error->kind(), workos::ErrorKind::kTimeout);
  EXPECT_TRUE(second.retryable);
  EXPECT_FALSE(second.shared);
  EXPECT_TRUE(first) << workos::auth::to_string(first.reason);
  EXPECT_EQ(authenticate_calls.load(), 1);
}

TEST_F(AuthSession, ARecentRefreshIsReusedWithinTheWindowOnly) {
  TestClient client(options());
  const std::string c = cookie(expired_token(), "rt_window");
  workos::auth::SessionOptions so;
  so.refresh_reuse_window = std::chrono::seconds(10);
  EXPECT_TRUE(workos::auth::load_sealed_session(client, c, kPassword, so).refresh());
  auto again = workos::auth::load_sealed_session(client, c, kPassword, so).refresh();
  EXPECT_TRUE(again);
  EXPECT_TRUE(again.shared);
  EXPECT_EQ(authenticate_calls.load(), 1);
  clock.advance(std::chrono::seconds(11));
  EXPECT_TRUE(workos::auth::load_sealed_session(client, c, kPassword, so).refresh());
  EXPECT_EQ(authenticate_calls.load(), 2);
}

TEST_F(AuthSession, LogoutUrlWorksForAnExpiredButValidToken) {
  TestClient client(options());
  auto session = workos::auth::load_sealed_session(client, cookie(expired_token()), kPassword);
  auto url = session.get_logout_url(std::string("https://app.example.com/bye"));
  ASSERT_TRUE(url) << url.error().message();
  EXPECT_EQ(*url,
            "https://api.workos.com/user_management/sessions/logout?session_id=session_01TEST"
            "&return_to=https%3A%2F%2Fapp.example.com%2Fbye");
  auto other = TestRsaKey::shared("key_b");
  auto forged = other->sign_jwt(R"({"alg":"RS256","kid":"key_a"})", TestClaims{}.to_json(now()));
  auto bad = workos::auth::load_sealed_session(client, cookie(forged), kPassword).get_logout_url();
  ASSERT_FALSE(bad);
  EXPECT_EQ(workos::auth::token_failure(bad.error()), TokenFailure::kInvalidSignature);
  EXPECT_FALSE(workos::auth::load_sealed_session(client, "junk", kPassword).get_logout_url());
}

TEST_F(AuthSession, NodeLayoutByDefault) {
  auto plain = workos::auth::unseal_data(cookie(token()), kPassword).value();
  auto m = members(plain);
  EXPECT_EQ(m.count("accessToken"), 1u);
  EXPECT_EQ(m["refreshToken"], "rt_1");
  EXPECT_EQ(m["organizationId"], "org_01TEST");
  EXPECT_EQ(m["authenticationMethod"], "Password");
  auto user = members(m["user"]);
  EXPECT_EQ(user["firstName"], "Ada");
  EXPECT_EQ(user["emailVerified"], "true");
  EXPECT_EQ(user["createdAt"], "2024-01-01T00:00:00.000Z");
  EXPECT_EQ(user["externalId"], "null");
  EXPECT_EQ(user["metadata"], R"({"plan":"pro"})");
}

TEST_F(AuthSession, FernetCodecWritesThePythonLayoutAndAuthenticates) {
  auto codec = workos::auth::make_fernet_codec(workos::auth::generate_fernet_key().value()).value();
  const std::string c =
      workos::auth::seal_session_from_auth_response(response(token(), "rt_py"), *codec).value();
  auto m = members(codec->unseal(c).value());
  EXPECT_EQ(m["refresh_token"], "rt_py");
  EXPECT_EQ(members(m["user"])["first_name"], "Ada");
  TestClient client(options());
  auto auth = workos::auth::load_sealed_session(client, c, codec).authenticate();
  ASSERT_TRUE(auth);
  EXPECT_EQ(auth.user->first_name.value(), "Ada");
  // Refresh keeps the codec.
  auto session = workos::auth::load_sealed_session(client, c, codec);
  auto r = session.refresh();
  ASSERT_TRUE(r);
  EXPECT_EQ(members(codec->unseal(r.sealed_session).value())["refresh_token"], "rt_rotated");
}

TEST_F(AuthSession, RefreshCanMoveToANewCodec) {
  TestClient client(options());
  auto session = workos::auth::load_sealed_session(client, cookie(expired_token()), kPassword);
  workos::auth::RefreshOptions ro;
  const std::string new_password = kPassword + "-rotated";
  ro.codec = workos::auth::make_iron_codec(new_password).value();
  auto r = session.refresh(ro);
  ASSERT_TRUE(r);
  EXPECT_TRUE(workos::auth::unseal_data(r.sealed_session, new_password));
  EXPECT_FALSE(workos::auth::unseal_data(r.sealed_session, kPassword));
  EXPECT_TRUE(session.authenticate());
}

TEST_F(AuthSession, ParsesBothPayloadLayouts) {
  auto node = workos::auth::parse_session_data(
      R"({"accessToken":"a","refreshToken":"r","organizationId":"o","user":{"id":"u",)"
      R"("email":"e@x","emailVerified":true,"firstName":"F"},"impersonator":{"email":"i",)"
      R"("reason":null}})");
  ASSERT_TRUE(node);
  EXPECT_EQ(node->access_token, "a");
  EXPECT_EQ(node->user->first_name.value(), "F");
  EXPECT_TRUE(node->user->email_verified);
  EXPECT_EQ(node->impersonator->email, "i");
  auto py = workos::auth::parse_session_data(
      R"({"access_token":"a","refresh_token":"r","user":{"id":"u","first_name":"P"}})");
  ASSERT_TRUE(py);
  EXPECT_EQ(py->refresh_token, "r");
  EXPECT_EQ(py->user->first_name.value(), "P");
  EXPECT_FALSE(workos::auth::parse_session_data("[1]"));
  EXPECT_FALSE(workos::auth::parse_session_data(R"({"accessToken":5})"));
}

TEST_F(AuthSession, AnImpersonatorItCannotReadFailsTheSession) {
  // Dropped or emptied, it would show an impersonated session as the user's own.
  for (const char* impersonator : {R"("x")", R"({"email":5})", R"({"email":"i","reason":7})"}) {
    auto parsed = workos::auth::parse_session_data(
        std::string(R"({"accessToken":"a","refreshToken":"r","impersonator":)") + impersonator +
        "}");
    ASSERT_FALSE(parsed) << impersonator;
    EXPECT_EQ(parsed.error().kind(), workos::ErrorKind::kDecode);
    EXPECT_NE(parsed.error().message().find("SessionData.impersonator"), std::string::npos)
        << parsed.error().message();
  }
  auto none = workos::auth::parse_session_data(
      R"({"accessToken":"a","refreshToken":"r","impersonator":null})");
  ASSERT_TRUE(none);
  EXPECT_FALSE(none->impersonator);
}

// JSON.stringify writes a lone UTF-16 surrogate (here after "Ada") as the escape \udd26, which
// the Node SDK reads back; simdjson refuses it. It decodes here as U+FFFD (lenient UTF-16).
// Sealed by @workos-inc/node 11.0.0 (sealSessionDataFromAuthenticationResponse) with a user
// {"firstName":"Ada\udd26","lastName":"\ud83d\ude00"} and the password below.
TEST_F(AuthSession, ReadsANodeCookieWithAnUnpairedSurrogateEscape) {
  const std::string seal =
      "Fe26.2*1*09c89fe7e86a53fc725b2923820a1e3ffc46b69861371a7d32289313973275c2*o8eO-"
      "GHq5IUX5CJX1PFfmA*gonTMgFyS4ZCaRkw5_4lxgcRJBs3PXowRfdYqK7cXPp4Dp-FKPTfGZRmyvwgbFCRKCNdyN6-"
      "xT-Y7UzeYqkAKnhTw1Tvur6Y-oWW9Uqt2RFfVwDp4FS529BnjWwCUhZhUltOHHaGE9D_"
      "mgI9OnBSn36cghCgx4gNotaeLslCiGgxgq5Rj7cCO6YkthDCGl1ccKS1Qob8vUBLjoo14vCBZ9B5AjMigWc2jzoFq4b"
      "HtXYOAztWaBtOQ9YqicnhuVaMkKcBf4MvouondPdflL_DkpNTtH5ZCI2mEfRqRnGBrf80Zr-2n177j0TeJJ38E4rG**"
      "6eaa69ca8b1b05a29f7a5dc4610b585648665bcfc312d2072ec95a3b8127c17f*"
      "xaFFXwzdTlC6VYL9n4i4rZzkHo3o9sh-3tKKRsqGaV4~2";
  const std::string plain =
      workos::auth::unseal_data(seal, "this-is-a-test-cookie-password-of-32+chars").value();
  ASSERT_NE(plain.find(R"("firstName":"Ada\udd26")"), std::string::npos) << plain;
  auto data = workos::auth::parse_session_data(plain);
  ASSERT_TRUE(data) << data.error().message();
  ASSERT_TRUE(data->user);
  EXPECT_EQ(data->user->first_name.value(), "Ada\xEF\xBF\xBD");  // U+FFFD
  EXPECT_EQ(data->user->last_name.value(), "\xF0\x9F\x98\x80");  // a pair is kept
  EXPECT_EQ(data->refresh_token, "rt_1");

  // The same user JSON in a cookie with a valid token: authenticate() succeeds.
  const std::string with_token = "{\"accessToken\":" + json_quoted(token()) +
                                 R"(,"refreshToken":"rt_1","user":{"object":"user","id":"u",)"
                                 R"("email":"a@b.c","firstName":"Ada\udd26"}})";
  TestClient client(options());
  auto auth = workos::auth::load_sealed_session(
                  client, workos::auth::seal_data(with_token, kPassword).value(), kPassword)
                  .authenticate();
  ASSERT_TRUE(auth) << workos::auth::to_string(auth.reason)
                    << (auth.error ? " " + auth.error->message() : "");
  EXPECT_EQ(auth.user.value().first_name.value(), "Ada\xEF\xBF\xBD");
}

TEST(AuthSessionPayload, ReplacesOnlyUnpairedSurrogateEscapes) {
  using workos::auth::detail::replace_unpaired_surrogate_escapes;
  std::string out = "untouched";
  // Nothing to do: no copy, `out` untouched.
  EXPECT_FALSE(
      replace_unpaired_surrogate_escapes(R"({"a":"\ud83d\ude00 \u00e9 \\udd26 \n"})", out));
  EXPECT_EQ(out, "untouched");
  EXPECT_TRUE(replace_unpaired_surrogate_escapes(R"(["\udd26"])", out));
  EXPECT_EQ(out, R"(["\ufffd"])");
  EXPECT_TRUE(replace_unpaired_surrogate_escapes(R"(["x\uD83D"])", out));  // high at the end
  EXPECT_EQ(out, R"(["x\ufffd"])");
  EXPECT_TRUE(replace_unpaired_surrogate_escapes(R"(["\ud83d\u0041\ud83d\ud83d\ude00"])", out));
  EXPECT_EQ(out, R"(["\ufffd\u0041\ufffd\ud83d\ude00"])");
  EXPECT_TRUE(replace_unpaired_surrogate_escapes(R"(["\\\udc00"])", out));  // `\\` then `\udc00`
  EXPECT_EQ(out, R"(["\\\ufffd"])");
  EXPECT_FALSE(
      replace_unpaired_surrogate_escapes(R"(["\ud8"])", out));  // not an escape: parser's job
}

// Sealed by Python's cryptography (Fernet, key below) from json.dumps of a session whose user
// metadata holds a number, a boolean, an object and a null. The user is kept: values that are
// not strings become their compact JSON text, null values are dropped.
TEST_F(AuthSession, KeepsAPythonSessionUserWithNonStringMetadata) {
  auto codec =
      workos::auth::make_fernet_codec("cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=").value();
  const std::string token =
      "gAAAAABrFI24lbay3WCVl6UkWIWGajxrS-5LzV03dHso7MqkyJEUQSCrsmdWRn8VAA1fNfcs_"
      "R8kaAlmq6kkCWlv_-lyuUtvYjAKUaNV940Ob3EKfp-vuFkcOqJNTfpK0iCAzRmT66Pqjj-G3A_"
      "aH7PzN1M1Jre7KugCrgd9c6tMS4KkGNspc_RdWeNzb1GzVEiO6OdvJylp1xqdG1LXgY48aKBorvpSh6sy_"
      "CumRjoXoXO1aOe3qS5M2dLV0cQioEQcLkC0EpRrC7V4CgUbUcpBpdTRq7Tq42RgiwKxq-PiFRCL3GzxGn9p-"
      "GlTV9vEgCvv0_7wLzR4No2410vK4RaWpEXHwcI653vzwmdZ9LMjqDSBltrrd3pWiuL1fQIRGNthfpDZ01ilxKLAD6y"
      "iFNObFq276Se36zRMSCJxvwGBmSMQvCv6pn5i5EzQ4iFN9RLHtJaqvZORl1KYUt8aR-"
      "NQVlaG2FjOBRAK-8Aoj0cQKGhFN29MIe_VfRQPSBq0HE9aAFclAyT1BBO2TcOlM4ATuOAAmqLt6TILtrIdYiNku1su"
      "PNIhwx2InAepue5Bkx2aEWsOPxqk-rEkCITPu559AP7iA1jpVnMwxM52gV4FIgpoh6mknCi61T-"
      "uburjVVvGhWtf7oI0vwCXiT3WdynizIt3hB3FkeEseVYwcXm3dnE5yMnlhjFrUiE0esSZKtwdqxMW2Sxn3SupY9ImKM"
      "UwZzM9CR4ZCQ==";
  auto data = workos::auth::parse_session_data(codec->unseal(token).value());
  ASSERT_TRUE(data) << data.error().message();
  EXPECT_EQ(data->access_token, "at_py");
  ASSERT_TRUE(data->user);
  EXPECT_EQ(data->user->first_name.value(), "Ada");
  EXPECT_FALSE(data->user->locale);
  const std::map<std::string, std::string> expected{
      {"plan", "pro"}, {"seats", "5"}, {"beta", "true"}, {"limits", R"({"a":[1,2]})"}};
  EXPECT_EQ(data->user->metadata.value(), expected);
  // A `metadata` that is not an object still makes the user unreadable.
  auto bad = workos::auth::parse_session_data(
      R"({"access_token":"a","refresh_token":"r","user":{"id":"u","metadata":[1]}})");
  ASSERT_TRUE(bad);
  EXPECT_FALSE(bad->user);
}

// deserializeUser() of the Node SDK writes these keys, in this order, with the API's nulls kept
// (`locale: user.locale`); a missing `locale` read back in Node as undefined.
TEST_F(AuthSession, NodeLayoutWritesTheUserKeysOfTheNodeSdkWithNulls) {
  auto plain = workos::auth::unseal_data(cookie(token()), kPassword).value();
  auto user = members(members(plain)["user"]);
  std::vector<std::string> keys;
  for (const auto& [k, v] : user) keys.push_back(k);
  std::vector<std::string> node_keys{"object",
                                     "id",
                                     "email",
                                     "emailVerified",
                                     "name",
                                     "firstName",
                                     "profilePictureUrl",
                                     "lastName",
                                     "lastSignInAt",
                                     "locale",
                                     "createdAt",
                                     "updatedAt",
                                     "externalId",
                                     "metadata"};
  std::sort(node_keys.begin(), node_keys.end());
  EXPECT_EQ(keys, node_keys);
  EXPECT_EQ(user["locale"], "null");
  EXPECT_EQ(user["name"], "null");
  EXPECT_EQ(user["lastSignInAt"], "null");
  EXPECT_NE(plain.find(R"("lastSignInAt":null,"locale":null,"createdAt")"), std::string::npos)
      << plain;
}

TEST_F(AuthSession, SealDataRoundTrips) {
  auto sealed = workos::auth::seal_data(R"({"anything":[1,2,3]})", kPassword).value();
  EXPECT_EQ(workos::auth::unseal_data(sealed, kPassword).value(), R"({"anything":[1,2,3]})");
  EXPECT_EQ(workos::auth::seal_data("{}", "short").error().kind(),
            workos::ErrorKind::kConfiguration);
  EXPECT_EQ(workos::auth::unseal_data(sealed, kPassword + "!").error().kind(),
            workos::ErrorKind::kCrypto);
}

TEST_F(AuthSession, UserManagementClientHelpers) {
  TestClient client(options());
  const auto& users = client.user_management();
  EXPECT_EQ(users.get_jwks_url(), "https://api.workos.com/sso/jwks/client_123");
  auto auth = users.load_sealed_session(cookie(token()), kPassword).authenticate();
  EXPECT_TRUE(auth);
  EXPECT_TRUE(users.access_token_verifier().verify(token()));
  auto sealed = users.seal_session_from_auth_response(response(token(), "rt_x"), kPassword);
  ASSERT_TRUE(sealed);
  EXPECT_TRUE(users.load_sealed_session(*sealed, kPassword).authenticate());
}

// Every failure has its own snake_case code (the one the official SDKs report); only success has
// none.
TEST(SessionFailureNames, EveryFailureHasItsOwnSnakeCaseCode) {
  std::set<std::string> seen;
  const auto last = static_cast<int>(SessionFailure::kConfiguration);
  for (int i = 0; i <= last; ++i) {
    const std::string code = workos::auth::to_string(static_cast<SessionFailure>(i));
    if (i == static_cast<int>(SessionFailure::kNone)) {
      EXPECT_EQ(code, "");
      continue;
    }
    EXPECT_FALSE(code.empty()) << i;
    EXPECT_TRUE(std::all_of(code.begin(), code.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || c == '_';
    })) << code;
    EXPECT_TRUE(seen.insert(code).second) << code << " named twice";
  }
  // Each code as <workos/auth/session.h> documents it, so two swapped codes fail here too.
  const std::pair<SessionFailure, const char*> documented[] = {
      {SessionFailure::kNoSessionCookieProvided, "no_session_cookie_provided"},
      {SessionFailure::kInvalidSessionCookie, "invalid_session_cookie"},
      {SessionFailure::kInvalidJwt, "invalid_jwt"},
      {SessionFailure::kJwksUnavailable, "jwks_unavailable"},
      {SessionFailure::kRefreshDenied, "refresh_denied"},
      {SessionFailure::kMfaEnrollment, "mfa_enrollment"},
      {SessionFailure::kSsoRequired, "sso_required"},
      {SessionFailure::kRateLimited, "rate_limit_exceeded"},
      {SessionFailure::kTimeout, "timeout"},
      {SessionFailure::kServerError, "server_error"},
      {SessionFailure::kNetworkError, "network_error"},
      {SessionFailure::kRefreshFailed, "refresh_failed"},
      {SessionFailure::kConfiguration, "configuration_error"},
  };
  EXPECT_EQ(std::size(documented), seen.size());
  for (const auto& [failure, code] : documented) {
    EXPECT_STREQ(workos::auth::to_string(failure), code);
  }
}

}  // namespace
