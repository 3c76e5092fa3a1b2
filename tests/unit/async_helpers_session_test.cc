// Copyright workos-cpp authors. Handwritten.
// Async sessions and tokens: AsyncAccessTokenVerifier (JWKS fetched on the
// event loop through the async pipeline, with its retry policy; one fetch for concurrent
// misses; ready at once when cached), AsyncSealedSession (authenticate, refresh with single
// flight shared among async refreshes and with sync ones, failure reasons, logout URL).

#include <workos/async_client.h>
#include <workos/auth/access_token.h>
#include <workos/auth/async_access_token.h>
#include <workos/auth/async_session.h>
#include <workos/auth/session.h>
#include <workos/client_base.h>
#include <workos/testing/fake_transport.h>
#include <workos/user_management/async_user_management_client.h>

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/core_access.h"
#include "core/json.h"
#include "support/auth_test_client.h"
#include "support/auth_test_keys.h"
#include "support/core_test_helpers.h"
#include "support/loopback_server.h"
#include "unit/async_helpers_support.h"
#include "user_management/models_json.h"

namespace async_helpers_session_test {

using namespace workos;
using auth::SessionFailure;
using auth::TokenFailure;
using workos::test::auth::mint_access_token;
using workos::test::auth::TestClaims;
using workos::test::auth::TestClient;
using workos::test::auth::TestRsaKey;
using workos::testing::FakeTransport;
namespace um = workos::user_management;

const std::string kPassword = "session-test-cookie-password-32-chars!";

// The session and the verifier are one template each in two forms: what blocks returns its
// value (or `Result`), the other form a future; local work returns the same type in both.
template <class C>
C& some();
static_assert(std::is_same_v<auth::SealedSession, auth::BasicSealedSession<SyncMode>>);
static_assert(std::is_same_v<auth::AsyncSealedSession, auth::BasicSealedSession<AsyncMode>>);
static_assert(std::is_same_v<decltype(some<auth::SealedSession>().authenticate()),
                             auth::SessionAuthentication>);
static_assert(std::is_same_v<decltype(some<auth::AsyncSealedSession>().authenticate()),
                             Future<auth::SessionAuthentication>>);
static_assert(
    std::is_same_v<decltype(some<auth::SealedSession>().refresh()), auth::SessionRefresh>);
static_assert(std::is_same_v<decltype(some<auth::AsyncSealedSession>().refresh()),
                             Future<auth::SessionRefresh>>);
static_assert(std::is_same_v<decltype(some<auth::AsyncSealedSession>().get_logout_url()),
                             Future<std::string>>);
static_assert(
    std::is_same_v<decltype(some<auth::AsyncSealedSession>().data()), Result<auth::SessionData>>);
static_assert(std::is_same_v<decltype(some<auth::AccessTokenVerifier>().verify("t")),
                             Result<auth::AccessTokenClaims>>);
static_assert(std::is_same_v<decltype(some<auth::AsyncAccessTokenVerifier>().verify("t")),
                             Future<auth::AccessTokenClaims>>);
static_assert(
    std::is_same_v<decltype(some<auth::AsyncAccessTokenVerifier>().refresh_jwks()), Future<void>>);
static_assert(std::is_same_v<decltype(auth::AsyncAccessTokenVerifier::from_jwks_json("{}")),
                             Result<auth::AsyncAccessTokenVerifier>>);
static_assert(std::is_constructible_v<auth::AsyncAccessTokenVerifier, const AsyncClient&>);
static_assert(!std::is_constructible_v<auth::AsyncAccessTokenVerifier, const Client&>);

std::string json_quoted(const std::string& s) {
  detail::json::Writer w;
  w.string(s);
  return w.take();
}

std::string user_json() {
  return R"({"object":"user","id":"user_01TEST","email":"ada@example.com","first_name":"Ada",)"
         R"("last_name":"Lovelace","profile_picture_url":null,"email_verified":true,)"
         R"("external_id":null,"last_sign_in_at":null,"created_at":"2024-01-01T00:00:00.000Z",)"
         R"("updated_at":"2024-01-02T00:00:00.000Z"})";
}

std::string auth_response(const std::string& access, const std::string& refresh) {
  return "{\"user\":" + user_json() + ",\"access_token\":" + json_quoted(access) +
         ",\"refresh_token\":" + json_quoted(refresh) + ",\"authentication_method\":\"Password\"}";
}

struct Keys {
  std::shared_ptr<const TestRsaKey> key = TestRsaKey::shared("key_a");
  test::FakeClock clock;

  std::chrono::system_clock::time_point now() { return clock.clock().wall_now(); }
  std::string token(TestClaims c = {}) { return mint_access_token(*key, c, now()); }
  std::string expired_token() {
    TestClaims c;
    c.issued_ago = std::chrono::hours(1);
    return token(c);
  }
  std::string cookie(const std::string& access, const std::string& refresh = "rt_1") {
    AuthenticateResponse r;
    EXPECT_TRUE(
        detail::json::decode_document(auth_response(access, refresh), "AuthenticateResponse", r));
    return auth::seal_session_from_auth_response(r, kPassword).value();
  }
};

// ---- over a FakeTransport (called on the loop thread)
// ---------------------------------------------

struct AsyncHelpersSession : ::testing::Test, Keys {
  std::shared_ptr<FakeTransport> fake = std::make_shared<FakeTransport>();
  std::atomic<int> jwks_calls{0};
  std::atomic<int> jwks_off_loop{0};
  std::atomic<int> authenticate_calls{0};
  std::function<Result<HttpResponse>(const HttpRequest&)> on_jwks;
  std::function<Result<HttpResponse>(const HttpRequest&)> on_authenticate;

  void SetUp() override {
    fake->set_handler([this](const HttpRequest& r) -> Result<HttpResponse> {
      if (r.url.find("/sso/jwks/") != std::string::npos ||
          r.url.find("/oauth2/jwks") != std::string::npos) {
        ++jwks_calls;
        if (!detail::on_event_loop_thread()) ++jwks_off_loop;
        if (on_jwks) return on_jwks(r);
        return FakeTransport::json(200, test::auth::jwks_json({key}));
      }
      if (r.url.find("/user_management/authenticate") != std::string::npos) {
        ++authenticate_calls;
        if (on_authenticate) return on_authenticate(r);
        return FakeTransport::json(200, auth_response(token(), "rt_rotated"));
      }
      return FakeTransport::json(404, "{}");
    });
  }
  ClientOptions options() {
    ClientOptions o;
    o.api_key = "sk_test_session";
    o.client_id = "client_123";
    o.transport = fake;
    o.clock = clock.clock();
    o.max_retries = 0;
    return o;
  }
};

TEST_F(AsyncHelpersSession, VerifierFetchesTheJwksOnTheLoopOnceThenAnswersAtOnce) {
  AsyncClient client(options());
  const auto& users = client.user_management();
  auth::AsyncAccessTokenVerifier verifier = users.access_token_verifier();
  EXPECT_EQ(verifier.jwks_url(), "https://api.workos.com/sso/jwks/client_123");
  Result<auth::AccessTokenClaims> claims = async_helpers::await(verifier.verify(token()));
  ASSERT_TRUE(claims) << claims.error().to_string();
  EXPECT_EQ(claims->sub, "user_01TEST");
  EXPECT_EQ(claims->org_id.value(), "org_01TEST");
  EXPECT_EQ(jwks_calls.load(), 1);
  EXPECT_EQ(jwks_off_loop.load(), 0);  // the fetch ran on the event loop
  // Cached now: the next checks are local and complete before verify() returns.
  for (int i = 0; i < 3; ++i) {
    Future<auth::AccessTokenClaims> f = verifier.verify(token());
    EXPECT_TRUE(f.is_ready());
    EXPECT_TRUE(f.get());
  }
  EXPECT_EQ(jwks_calls.load(), 1);
  const HttpRequest req = fake->request(0);
  EXPECT_EQ(req.url, "https://api.workos.com/sso/jwks/client_123");
  EXPECT_EQ(workos::testing::header_value(req.headers, "authorization"), "");
}

TEST_F(AsyncHelpersSession, VerifierSharesTheJwksCacheWithTheSyncClient) {
  TestClient sync(options());
  AsyncClient client(sync);
  ASSERT_TRUE(auth::AccessTokenVerifier(sync).verify(token()));  // sync fetch
  Future<auth::AccessTokenClaims> f = auth::AsyncAccessTokenVerifier(client).verify(token());
  EXPECT_TRUE(f.is_ready());
  EXPECT_TRUE(f.get());
  EXPECT_EQ(jwks_calls.load(), 1);
}

TEST_F(AsyncHelpersSession, TheJwksFetchFollowsTheRetryPolicy) {
  std::atomic<int> n{0};
  on_jwks = [&](const HttpRequest&) -> Result<HttpResponse> {
    if (n++ == 0) return FakeTransport::json(503, R"({"message":"unavailable"})");
    return FakeTransport::json(200, test::auth::jwks_json({key}));
  };
  ClientOptions o = options();
  o.max_retries = 2;
  AsyncClient client(o);
  Result<auth::AccessTokenClaims> claims =
      async_helpers::await(auth::AsyncAccessTokenVerifier(client).verify(token()));
  ASSERT_TRUE(claims) << claims.error().to_string();
  EXPECT_EQ(jwks_calls.load(), 2);
  EXPECT_EQ(clock.recorded_sleeps().size(), 1u);  // one backoff, on the injected clock
}

TEST_F(AsyncHelpersSession, VerifierFailures) {
  AsyncClient client(options());
  auth::AsyncAccessTokenVerifier verifier(client);
  Future<auth::AccessTokenClaims> malformed = verifier.verify("not.a-token");
  EXPECT_TRUE(malformed.is_ready());  // fails before any lookup
  Result<auth::AccessTokenClaims> m = malformed.get();
  ASSERT_FALSE(m);
  EXPECT_EQ(auth::token_failure(m.error()), TokenFailure::kMalformed);
  EXPECT_EQ(jwks_calls.load(), 0);

  auto other = TestRsaKey::shared("key_b");
  Result<auth::AccessTokenClaims> unknown =
      async_helpers::await(verifier.verify(mint_access_token(*other, TestClaims{}, now())));
  ASSERT_FALSE(unknown);
  EXPECT_EQ(auth::token_failure(unknown.error()), TokenFailure::kUnknownKeyId);

  Result<auth::AccessTokenClaims> expired = async_helpers::await(verifier.verify(expired_token()));
  ASSERT_FALSE(expired);
  EXPECT_EQ(auth::token_failure(expired.error()), TokenFailure::kExpired);

  // No key set at all: jwks_unavailable, keeping the fetch's status.
  on_jwks = [](const HttpRequest&) -> Result<HttpResponse> {
    return FakeTransport::json(500, R"({"message":"down"})");
  };
  AsyncClient fresh(options());
  auth::AsyncAccessTokenVerifier own(fresh, {}, auth::JwksOptions{});
  Result<auth::AccessTokenClaims> down = async_helpers::await(own.verify(token()));
  ASSERT_FALSE(down);
  EXPECT_EQ(auth::token_failure(down.error()), TokenFailure::kJwksUnavailable);
  EXPECT_EQ(down.error().status(), 500);
  Result<void> refresh = async_helpers::await(own.refresh_jwks());
  ASSERT_FALSE(refresh);
  EXPECT_EQ(refresh.error().status(), 500);
}

TEST_F(AsyncHelpersSession, AVerifierFetchesAnyJwksUrlAndAcceptsSeveralIssuers) {
  AsyncClient client(options());
  auth::TokenVerifyOptions checks;
  checks.issuers = {"https://auth.example.com", "https://api.workos.com"};
  checks.audiences = {"client_123"};
  auth::JwksOptions m2m;
  m2m.url = "/oauth2/jwks";
  auth::AsyncAccessTokenVerifier verifier(client, checks, m2m);
  EXPECT_EQ(verifier.jwks_url(), "https://api.workos.com/oauth2/jwks");
  TestClaims with_audience;
  with_audience.extra = R"(,"aud":"client_123")";
  Result<auth::AccessTokenClaims> claims =
      async_helpers::await(verifier.verify(token(with_audience)));
  ASSERT_TRUE(claims) << claims.error().message();
  EXPECT_EQ(jwks_calls.load(), 1);
  EXPECT_EQ(fake->last_request().url, "https://api.workos.com/oauth2/jwks");

  TestClaims stranger = with_audience;
  stranger.iss = "https://evil.example.com";
  Result<auth::AccessTokenClaims> bad_iss = async_helpers::await(verifier.verify(token(stranger)));
  ASSERT_FALSE(bad_iss);
  EXPECT_EQ(auth::token_failure(bad_iss.error()), TokenFailure::kInvalidIssuer);
  Result<auth::AccessTokenClaims> no_aud = async_helpers::await(verifier.verify(token()));
  ASSERT_FALSE(no_aud);
  EXPECT_EQ(auth::token_failure(no_aud.error()), TokenFailure::kInvalidAudience);
}

TEST_F(AsyncHelpersSession, RefreshJwksFetchesAndAFixedSetNeverDoes) {
  AsyncClient client(options());
  auth::AsyncAccessTokenVerifier verifier(client, {}, auth::JwksOptions{});
  ASSERT_TRUE(async_helpers::await(verifier.refresh_jwks()));
  EXPECT_EQ(jwks_calls.load(), 1);
  EXPECT_TRUE(verifier.verify(token()).is_ready());

  auth::TokenVerifyOptions at_fake_time;
  at_fake_time.now = [this] { return now(); };  // no client behind it: give it the test's time
  auto fixed =
      auth::AsyncAccessTokenVerifier::from_jwks_json(test::auth::jwks_json({key}), at_fake_time);
  ASSERT_TRUE(fixed);
  Future<auth::AccessTokenClaims> f = fixed->verify(token());
  ASSERT_TRUE(f.is_ready());
  EXPECT_EQ(f.get().value().sid, "session_01TEST");
  EXPECT_TRUE(async_helpers::await(fixed->refresh_jwks()));
  EXPECT_EQ(jwks_calls.load(), 1);
  EXPECT_FALSE(auth::AsyncAccessTokenVerifier::from_jwks_json("{}"));
}

TEST_F(AsyncHelpersSession, RefreshJwksAtItsOwnUrlNeedsNoClientIdInBothDrivers) {
  ClientOptions o = options();
  o.client_id.clear();
  TestClient sync(o);
  AsyncClient client(sync);
  auth::JwksOptions m2m;
  m2m.url = "/oauth2/jwks";
  Result<void> blocking = auth::AccessTokenVerifier(sync, {}, m2m).refresh_jwks();
  ASSERT_TRUE(blocking) << blocking.error().message();
  Result<void> async =
      async_helpers::await(auth::AsyncAccessTokenVerifier(client, {}, m2m).refresh_jwks());
  ASSERT_TRUE(async) << async.error().message();
  EXPECT_EQ(fake->last_request().url, "https://api.workos.com/oauth2/jwks");
  const int fetched = jwks_calls.load();
  EXPECT_GE(fetched, 1);
  // Without a URL of its own the key set needs the client id: a configuration error in both,
  // nothing sent.
  Result<void> blocking_refused = auth::AccessTokenVerifier(sync).refresh_jwks();
  ASSERT_FALSE(blocking_refused);
  EXPECT_EQ(blocking_refused.error().kind(), ErrorKind::kConfiguration);
  Result<void> async_refused =
      async_helpers::await(auth::AsyncAccessTokenVerifier(client).refresh_jwks());
  ASSERT_FALSE(async_refused);
  EXPECT_EQ(async_refused.error().kind(), ErrorKind::kConfiguration);
  EXPECT_EQ(jwks_calls.load(), fetched);
}

TEST_F(AsyncHelpersSession, AuthenticateAValidCookieAndTheFailureReasons) {
  AsyncClient client(options());
  const auto& users = client.user_management();
  auth::AsyncSealedSession session = users.load_sealed_session(cookie(token()), kPassword);
  Result<auth::SessionAuthentication> a = async_helpers::await(session.authenticate());
  ASSERT_TRUE(a) << a.error().to_string();
  ASSERT_TRUE(*a) << auth::to_string(a->reason);
  EXPECT_EQ(a->session_id(), "session_01TEST");
  EXPECT_EQ(a->user.value().email, "ada@example.com");
  EXPECT_EQ(a->authentication_method.value(), "Password");
  // The JWKS is cached: the next authentication is local and ready at once.
  Future<auth::SessionAuthentication> again = session.authenticate();
  EXPECT_TRUE(again.is_ready());
  EXPECT_TRUE(again.get().value());
  EXPECT_EQ(jwks_calls.load(), 1);

  auto expired = async_helpers::await(
                     users.load_sealed_session(cookie(expired_token()), kPassword).authenticate())
                     .value();
  EXPECT_EQ(expired.reason, SessionFailure::kInvalidJwt);
  EXPECT_EQ(expired.token_failure, TokenFailure::kExpired);
  EXPECT_EQ(
      async_helpers::await(users.load_sealed_session("", kPassword).authenticate()).value().reason,
      SessionFailure::kNoSessionCookieProvided);
  EXPECT_EQ(async_helpers::await(users.load_sealed_session("junk", kPassword).authenticate())
                .value()
                .reason,
            SessionFailure::kInvalidSessionCookie);
  EXPECT_EQ(async_helpers::await(users.load_sealed_session(cookie(token()), "short").authenticate())
                .value()
                .reason,
            SessionFailure::kConfiguration);
}

TEST_F(AsyncHelpersSession, RefreshRotatesTokensAndReseals) {
  AsyncClient client(options());
  const std::string old_cookie = cookie(expired_token(), "rt_old");
  auth::AsyncSealedSession session = auth::load_sealed_session(client, old_cookie, kPassword);
  auth::RefreshOptions ro;
  ro.ip_address = "203.0.113.9";
  Result<auth::SessionRefresh> r = async_helpers::await(session.refresh(ro));
  ASSERT_TRUE(r) << r.error().to_string();
  ASSERT_TRUE(*r) << auth::to_string(r->reason) << (r->error ? " " + r->error->message() : "");
  EXPECT_FALSE(r->shared);
  EXPECT_EQ(r->session_id(), "session_01TEST");
  EXPECT_EQ(r->response.value().refresh_token, "rt_rotated");
  EXPECT_NE(r->sealed_session, old_cookie);
  EXPECT_EQ(session.sealed_data(), r->sealed_session);
  EXPECT_EQ(session.data().value().refresh_token, "rt_rotated");
  EXPECT_TRUE(async_helpers::await(session.authenticate()).value());
  auto requests = fake->requests();
  int grants = 0;
  for (const auto& req : requests) {
    if (req.url.find("/user_management/authenticate") == std::string::npos) continue;
    ++grants;
    auto b = async_helpers::members(req.body);
    EXPECT_EQ(b["grant_type"], "refresh_token");
    EXPECT_EQ(b["refresh_token"], "rt_old");
    EXPECT_EQ(b["client_id"], "client_123");
    EXPECT_EQ(b["client_secret"], "sk_test_session");
    EXPECT_EQ(b["organization_id"], "org_01TEST");
    EXPECT_EQ(b["ip_address"], "203.0.113.9");
  }
  EXPECT_EQ(grants, 1);
}

TEST_F(AsyncHelpersSession, RefreshFailureReasons) {
  AsyncClient client(options());
  struct Case {
    int status;
    std::string body;
    SessionFailure reason;
    bool retryable;
  };
  std::vector<Case> cases = {
      {400, R"({"error":"invalid_grant","error_description":"Refresh token already used"})",
       SessionFailure::kRefreshDenied, false},
      {429, R"({"message":"slow down"})", SessionFailure::kRateLimited, true},
      {503, R"({"message":"unavailable"})", SessionFailure::kServerError, true},
  };
  int n = 0;
  for (const auto& c : cases) {
    on_authenticate = [&c](const HttpRequest&) -> Result<HttpResponse> {
      return FakeTransport::json(c.status, c.body, {{"Retry-After", "7"}});
    };
    auto session = auth::load_sealed_session(
        client, cookie(expired_token(), "rt_case_" + std::to_string(n++)), kPassword);
    auth::SessionRefresh r = async_helpers::await(session.refresh()).value();
    EXPECT_FALSE(r);
    EXPECT_EQ(r.reason, c.reason) << c.body;
    EXPECT_EQ(r.retryable, c.retryable) << c.body;
    if (c.reason == SessionFailure::kRateLimited) {
      EXPECT_EQ(r.retry_after.value().count(), 7);
    }
  }
  // A local failure (no refresh token in the cookie) is ready at once.
  Future<auth::SessionRefresh> none = auth::load_sealed_session(client, "", kPassword).refresh();
  ASSERT_TRUE(none.is_ready());
  EXPECT_EQ(none.get().value().reason, SessionFailure::kNoSessionCookieProvided);
}

TEST_F(AsyncHelpersSession, ARecentRefreshIsReused) {
  AsyncClient client(options());
  const std::string c = cookie(expired_token(), "rt_window");
  auto first =
      async_helpers::await(auth::load_sealed_session(client, c, kPassword).refresh()).value();
  EXPECT_TRUE(first);
  EXPECT_FALSE(first.shared);
  auto again =
      async_helpers::await(auth::load_sealed_session(client, c, kPassword).refresh()).value();
  EXPECT_TRUE(again);
  EXPECT_TRUE(again.shared);
  EXPECT_EQ(authenticate_calls.load(), 1);
}

TEST_F(AsyncHelpersSession, LogoutUrlForAnExpiredButValidToken) {
  AsyncClient client(options());
  auto session = auth::load_sealed_session(client, cookie(expired_token()), kPassword);
  Result<std::string> url =
      async_helpers::await(session.get_logout_url(std::string("https://app.example.com/bye")));
  ASSERT_TRUE(url) << url.error().to_string();
  EXPECT_EQ(*url,
            "https://api.workos.com/user_management/sessions/logout?session_id=session_01TEST"
            "&return_to=https%3A%2F%2Fapp.example.com%2Fbye");
  auto other = TestRsaKey::shared("key_b");
  auto forged = other->sign_jwt(R"({"alg":"RS256","kid":"key_a"})", TestClaims{}.to_json(now()));
  Result<std::string> bad = async_helpers::await(
      auth::load_sealed_session(client, cookie(forged), kPassword).get_logout_url());
  ASSERT_FALSE(bad);
  EXPECT_EQ(auth::token_failure(bad.error()), TokenFailure::kInvalidSignature);
  EXPECT_FALSE(
      async_helpers::await(auth::load_sealed_session(client, "junk", kPassword).get_logout_url()));
}

// ---- over the loopback server (real transfers on the loop) -----------------------------------

struct AsyncHelpersSessionLoop : ::testing::Test, Keys {
  test::LoopbackServer server;
  std::atomic<int> jwks_calls{0};
  std::atomic<int> authenticate_calls{0};
  std::atomic<bool> gate_jwks{false};  // the JWKS handler waits at the gate too

  void SetUp() override {
    server.on("GET", "/sso/jwks/client_123",
              [this](const httplib::Request&, httplib::Response& res) {
                ++jwks_calls;
                if (gate_jwks) server.wait_at_gate();
                res.set_content(test::auth::jwks_json({key}), "application/json");
              });
    server.on("POST", "/user_management/authenticate",
              [this](const httplib::Request&, httplib::Response& res) {
                ++authenticate_calls;
                server.wait_at_gate();
                res.set_content(auth_response(token(), "rt_rotated"), "application/json");
              });
  }
  ClientOptions options() {
    ClientOptions o;
    o.api_key = "sk_test_session";
    o.client_id = "client_123";
    o.base_url = server.base_url();
    o.clock = clock.clock();
    o.max_retries = 0;
    return o;
  }
};

TEST_F(AsyncHelpersSessionLoop, ConcurrentVerifiesShareOneJwksFetch) {
  gate_jwks = true;
  AsyncClient client(options());
  auth::AsyncAccessTokenVerifier verifier(client);
  std::vector<Future<auth::AccessTokenClaims>> futures;
  for (int i = 0; i < 8; ++i) futures.push_back(verifier.verify(token()));
  ASSERT_TRUE(server.wait_for_requests(1));
  for (auto& f : futures) EXPECT_FALSE(f.is_ready());  // all wait for the one fetch
  server.release();
  for (auto& f : futures) {
    Result<auth::AccessTokenClaims> c = async_helpers::await(f);
    EXPECT_TRUE(c) << c.error().to_string();
  }
  EXPECT_EQ(jwks_calls.load(), 1);
  EXPECT_EQ(server.request_count(), 1u);
}

TEST_F(AsyncHelpersSessionLoop, ConcurrentAsyncRefreshesShareOneCall) {
  AsyncClient client(options());
  const std::string shared_cookie = cookie(expired_token(), "rt_shared");
  // Warm the JWKS so the grant is the only request in flight.
  ASSERT_TRUE(async_helpers::await(auth::AsyncAccessTokenVerifier(client).refresh_jwks()));
  constexpr int kRefreshes = 8;
  std::vector<Future<auth::SessionRefresh>> futures;
  std::vector<auth::AsyncSealedSession> sessions;
  for (int i = 0; i < kRefreshes; ++i) {
    // One session per "request", all from the same cookie.
    sessions.push_back(auth::load_sealed_session(client, shared_cookie, kPassword));
    futures.push_back(sessions.back().refresh());
  }
  ASSERT_TRUE(server.wait_for_requests(2));  // the JWKS, then the one grant (at the gate)
  for (auto& f : futures) EXPECT_FALSE(f.is_ready());
  server.release();
  int shared = 0;
  for (auto& f : futures) {
    auth::SessionRefresh r = async_helpers::await(f).value();
    EXPECT_TRUE(r) << auth::to_string(r.reason);
    EXPECT_EQ(r.response.value().refresh_token, "rt_rotated");
    shared += r.shared ? 1 : 0;
  }
  EXPECT_EQ(authenticate_calls.load(), 1);
  EXPECT_EQ(shared, kRefreshes - 1);
  for (auto& s : sessions) EXPECT_EQ(s.data().value().refresh_token, "rt_rotated");
}

TEST_F(AsyncHelpersSessionLoop, ASyncAndAnAsyncRefreshShareOneCall) {
  TestClient sync(options());
  AsyncClient client(sync);
  const std::string shared_cookie = cookie(expired_token(), "rt_mixed");
  // The sync refresh claims the single flight, sends the grant and blocks at the gate...
  auth::SessionRefresh sync_result;
  std::thread t(
      [&] { sync_result = auth::load_sealed_session(sync, shared_cookie, kPassword).refresh(); });
  ASSERT_TRUE(server.wait_for_requests(1));
  // ...so the async refresh of the same cookie waits for it instead of sending its own.
  Future<auth::SessionRefresh> f =
      auth::load_sealed_session(client, shared_cookie, kPassword).refresh();
  EXPECT_FALSE(f.is_ready());
  server.release();
  t.join();
  auth::SessionRefresh async_result = async_helpers::await(f).value();
  EXPECT_TRUE(sync_result) << auth::to_string(sync_result.reason);
  EXPECT_TRUE(async_result) << auth::to_string(async_result.reason);
  EXPECT_FALSE(sync_result.shared);
  EXPECT_TRUE(async_result.shared);
  EXPECT_EQ(authenticate_calls.load(), 1);
}

TEST_F(AsyncHelpersSessionLoop, CancellingARefreshCompletesItAtOnce) {
  AsyncClient client(options());
  Future<auth::SessionRefresh> f =
      auth::load_sealed_session(client, cookie(expired_token(), "rt_cancel"), kPassword).refresh();
  ASSERT_TRUE(server.wait_for_requests(1));  // the grant is held at the gate
  f.cancel();
  Result<auth::SessionRefresh> r = async_helpers::await(f);
  server.release();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kCancelled);
}

TEST_F(AsyncHelpersSessionLoop, ShutdownCompletesAPendingVerify) {
  gate_jwks = true;
  Future<auth::AccessTokenClaims> f;
  {
    AsyncClient client(options());
    f = auth::AsyncAccessTokenVerifier(client, {}, auth::JwksOptions{}).verify(token());
    ASSERT_TRUE(server.wait_for_requests(1));
  }  // destroying the client cancels the JWKS fetch
  server.release();
  Result<auth::AccessTokenClaims> r = async_helpers::await(f);
  ASSERT_FALSE(r);
  EXPECT_EQ(auth::token_failure(r.error()), TokenFailure::kJwksUnavailable);
  EXPECT_EQ(r.error().kind(), ErrorKind::kCancelled);
}

}  // namespace async_helpers_session_test
