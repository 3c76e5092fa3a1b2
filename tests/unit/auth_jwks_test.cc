// Copyright workos-cpp authors. Handwritten.
// JWKS fetching and caching: through the client's transport, TTL, single flight, forced refresh
// on an unknown kid (once per cooldown), stale set kept on failure.

#include <workos/async/event_loop.h>
#include <workos/async/future.h>
#include <workos/auth/access_token.h>
#include <workos/testing/fake_transport.h>

#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <future>
#include <mutex>
#include <thread>

#include "support/auth_test_client.h"
#include "support/auth_test_keys.h"
#include "support/core_test_helpers.h"

namespace {

using workos::auth::AccessTokenVerifier;
using workos::auth::TokenFailure;
using workos::test::auth::mint_access_token;
using workos::test::auth::TestClaims;
using workos::test::auth::TestClient;
using workos::test::auth::TestRsaKey;
using workos::testing::FakeTransport;

class AuthJwks : public ::testing::Test {
 protected:
  std::shared_ptr<const TestRsaKey> key_a = TestRsaKey::shared("key_a");
  std::shared_ptr<const TestRsaKey> key_b = TestRsaKey::shared("key_b");
  std::shared_ptr<FakeTransport> fake = std::make_shared<FakeTransport>();
  workos::test::FakeClock clock;

  workos::ClientOptions options() {
    workos::ClientOptions o;
    o.api_key = "sk_test_jwks";
    o.client_id = "client_123";
    o.transport = fake;
    o.clock = clock.clock();
    o.max_retries = 0;
    return o;
  }
  std::string token(const TestRsaKey& key) {
    return mint_access_token(key, TestClaims{}, clock.clock().wall_now());
  }
  std::string jwks(std::vector<std::shared_ptr<const TestRsaKey>> keys) {
    return workos::test::auth::jwks_json(keys);
  }
};

TEST_F(AuthJwks, FetchesOnceThroughTheClientTransportWithoutAuthorization) {
  fake->enqueue_json(200, jwks({key_a}));
  TestClient client(options());
  AccessTokenVerifier verifier(client);
  for (int i = 0; i < 5; ++i) {
    auto r = verifier.verify(token(*key_a));
    ASSERT_TRUE(r) << r.error().message();
  }
  ASSERT_EQ(fake->request_count(), 1u);
  auto req = fake->last_request();
  EXPECT_EQ(req.method, "GET");
  EXPECT_EQ(req.url, "https://api.workos.com/sso/jwks/client_123");
  EXPECT_EQ(workos::testing::header_value(req.headers, "authorization"), "");
  EXPECT_EQ(verifier.jwks_url(), "https://api.workos.com/sso/jwks/client_123");
}

TEST_F(AuthJwks, AnyJwksUrlSeveralIssuersAndSeveralAudiences) {
  fake->enqueue_json(200, jwks({key_a}));
  TestClient client(options());
  workos::auth::TokenVerifyOptions checks;
  checks.issuer = "https://api.workos.com";
  checks.issuers = {"https://auth.example.com"};
  checks.audiences = {"aud_a", "aud_b"};
  workos::auth::JwksOptions from;
  from.url = "https://auth.example.com/oauth2/jwks";
  AccessTokenVerifier verifier(client, checks, from);
  EXPECT_EQ(verifier.jwks_url(), "https://auth.example.com/oauth2/jwks");
  const auto now = clock.clock().wall_now();

  TestClaims custom_domain;
  custom_domain.iss = "https://auth.example.com";
  custom_domain.extra = R"(,"aud":["x","aud_b"])";
  auto r = verifier.verify(mint_access_token(*key_a, custom_domain, now));
  ASSERT_TRUE(r) << r.error().message();
  ASSERT_EQ(fake->request_count(), 1u);
  EXPECT_EQ(fake->last_request().url, "https://auth.example.com/oauth2/jwks");
  EXPECT_EQ(workos::testing::header_value(fake->last_request().headers, "authorization"), "");

  TestClaims default_domain;
  default_domain.extra = R"(,"aud":"aud_a")";
  EXPECT_TRUE(verifier.verify(mint_access_token(*key_a, default_domain, now)));

  TestClaims stranger = custom_domain;
  stranger.iss = "https://evil.example.com";
  auto bad_iss = verifier.verify(mint_access_token(*key_a, stranger, now));
  ASSERT_FALSE(bad_iss);
  EXPECT_EQ(workos::auth::token_failure(bad_iss.error()), TokenFailure::kInvalidIssuer);

  TestClaims wrong_audience = custom_domain;
  wrong_audience.extra = R"(,"aud":"aud_c")";
  auto bad_aud = verifier.verify(mint_access_token(*key_a, wrong_audience, now));
  ASSERT_FALSE(bad_aud);
  EXPECT_EQ(workos::auth::token_failure(bad_aud.error()), TokenFailure::kInvalidAudience);
  EXPECT_EQ(fake->request_count(), 1u);
}

TEST_F(AuthJwks, AJwksPathIsTakenOnTheClientsBaseUrlAndNeedsNoClientId) {
  fake->enqueue_json(200, jwks({key_a}));
  workos::ClientOptions o = options();
  o.client_id.clear();
  TestClient client(o);
  workos::auth::JwksOptions m2m;
  m2m.url = "/oauth2/jwks";
  AccessTokenVerifier verifier(client, {}, m2m);
  ASSERT_TRUE(verifier.verify(token(*key_a)));
  EXPECT_EQ(fake->last_request().url, "https://api.workos.com/oauth2/jwks");
}

TEST_F(AuthJwks, VerifiersOfOneClientShareTheCache) {
  fake->enqueue_json(200, jwks({key_a}));
  TestClient client(options());
  TestClient copy = client;
  EXPECT_TRUE(AccessTokenVerifier(client).verify(token(*key_a)));
  EXPECT_TRUE(AccessTokenVerifier(copy).verify(token(*key_a)));
  EXPECT_EQ(fake->request_count(), 1u);
}

TEST_F(AuthJwks, RefetchesAfterTheTtl) {
  fake->enqueue_json(200, jwks({key_a}));
  fake->enqueue_json(200, jwks({key_a}));
  TestClient client(options());
  workos::auth::JwksOptions jo;
  jo.ttl = std::chrono::seconds(60);
  jo.background_refresh = false;  // the caller refreshes: counts are exact at once
  AccessTokenVerifier verifier(client, {}, jo);
  EXPECT_TRUE(verifier.verify(token(*key_a)));
  clock.advance(std::chrono::seconds(59));
  EXPECT_TRUE(verifier.verify(token(*key_a)));
  EXPECT_EQ(fake->request_count(), 1u);
  clock.advance(std::chrono::seconds(2));
  EXPECT_TRUE(verifier.verify(token(*key_a)));
  EXPECT_EQ(fake->request_count(), 2u);
}

TEST_F(AuthJwks, AStaleSetAnswersAtOnceWhileTheRefreshRunsInTheBackground) {
  // The refresh of the stale set is held until the end of the test: a verify that waited for
  // it would not return.
  std::mutex mu;
  std::condition_variable cv;
  int fetches = 0;
  bool release = false;
  fake->set_handler([&](const workos::HttpRequest&) -> workos::Result<workos::HttpResponse> {
    std::unique_lock<std::mutex> lock(mu);
    if (++fetches > 1) {
      cv.notify_all();
      cv.wait(lock, [&] { return release; });
    }
    return FakeTransport::json(200, jwks({key_a}));
  });
  auto release_fetch = [&] {
    std::lock_guard<std::mutex> lock(mu);
    release = true;
    cv.notify_all();
  };
  {
    TestClient client(options());
    workos::auth::JwksOptions jo;
    jo.ttl = std::chrono::seconds(60);
    AccessTokenVerifier verifier(client, {}, jo);
    // Whatever fails below, the held fetch is released before the verifier waits for it.
    struct Release {
      std::function<void()> f;
      ~Release() { f(); }
    } release_on_exit{release_fetch};
    const std::string jwt = token(*key_a);
    ASSERT_TRUE(verifier.verify(jwt));
    clock.advance(std::chrono::seconds(61));
    auto stale = std::async(std::launch::async, [&] { return verifier.verify(jwt); });
    if (stale.wait_for(std::chrono::seconds(20)) != std::future_status::ready) {
      release_fetch();
      FAIL() << "the verify waited for the refresh of the stale set";
    }
    auto r = stale.get();
    EXPECT_TRUE(r) << r.error().message();
    {
      std::unique_lock<std::mutex> lock(mu);
      ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(20), [&] { return fetches == 2; }));
    }
    // While the refresh is in flight, other calls keep using the stale keys, without a fetch.
    for (int i = 0; i < 5; ++i) EXPECT_TRUE(verifier.verify(jwt));
    release_fetch();
  }  // destroying the client waits for the background refresh
  EXPECT_EQ(fetches, 2);
}

TEST_F(AuthJwks, UnknownKidForcesOneRefreshPerCooldown) {
  fake->enqueue_json(200, jwks({key_a}));
  fake->enqueue_json(200, jwks({key_a}));         // rotation not visible yet
  fake->enqueue_json(200, jwks({key_a, key_b}));  // now it is
  TestClient client(options());
  workos::auth::JwksOptions jo;
  jo.unknown_kid_cooldown = std::chrono::seconds(30);
  AccessTokenVerifier verifier(client, {}, jo);
  ASSERT_TRUE(verifier.verify(token(*key_a)));
  auto r = verifier.verify(token(*key_b));  // forced refresh #1: still unknown
  ASSERT_FALSE(r);
  EXPECT_EQ(workos::auth::token_failure(r.error()), TokenFailure::kUnknownKeyId);
  EXPECT_EQ(fake->request_count(), 2u);
  // Within the cooldown: no more fetches, however many forged kids arrive.
  for (int i = 0; i < 10; ++i) EXPECT_FALSE(verifier.verify(token(*key_b)));
  EXPECT_EQ(fake->request_count(), 2u);
  clock.advance(std::chrono::seconds(31));
  auto ok = verifier.verify(token(*key_b));
  ASSERT_TRUE(ok) << ok.error().message();
  EXPECT_EQ(fake->request_count(), 3u);
}

TEST_F(AuthJwks, KeepsTheStaleSetWhenARefreshFails) {
  fake->enqueue_json(200, jwks({key_a}));
  fake->enqueue_json(503, R"({"message":"unavailable"})");
  TestClient client(options());
  workos::auth::JwksOptions jo;
  jo.ttl = std::chrono::seconds(60);
  jo.failure_cooldown = std::chrono::seconds(5);
  jo.background_refresh = false;  // the caller refreshes: counts are exact at once
  AccessTokenVerifier verifier(client, {}, jo);
  ASSERT_TRUE(verifier.verify(token(*key_a)));
  clock.advance(std::chrono::seconds(61));
  auto r = verifier.verify(token(*key_a));  // refresh fails, stale key serves
  ASSERT_TRUE(r) << r.error().message();
  EXPECT_EQ(fake->request_count(), 2u);
  EXPECT_TRUE(verifier.verify(token(*key_a)));  // no retry within the failure cooldown
  EXPECT_EQ(fake->request_count(), 2u);
  fake->enqueue_json(200, jwks({key_a}));
  clock.advance(std::chrono::seconds(6));
  EXPECT_TRUE(verifier.verify(token(*key_a)));
  EXPECT_EQ(fake->request_count(), 3u);
}

TEST_F(AuthJwks, TheFetchOnTheHotPathHasAShortTimeoutAndAtMostOneRetry) {
  for (int i = 0; i < 4; ++i) fake->enqueue_json(503, R"({"message":"unavailable"})");
  workos::ClientOptions o = options();
  o.max_retries = 3;  // the client's default for REST calls
  TestClient client(o);
  AccessTokenVerifier verifier(client);
  auto r = verifier.verify(token(*key_a));
  ASSERT_FALSE(r);
  EXPECT_EQ(workos::auth::token_failure(r.error()), TokenFailure::kJwksUnavailable);
  EXPECT_EQ(fake->request_count(), 2u);
  const workos::HttpRequest sent = fake->last_request();
  EXPECT_EQ(sent.timeout, std::chrono::milliseconds(5000));
  EXPECT_EQ(sent.max_response_bytes, std::size_t{1} << 20);
}

TEST_F(AuthJwks, ABlockingVerifyOnALoopThreadFailsInsteadOfWaitingForAFetch) {
  // A fetch is in flight on another thread, held until the loop-thread verify has answered: a
  // verify that waited for it there would never return.
  std::mutex mu;
  std::condition_variable cv;
  bool fetch_started = false;
  bool release_fetch = false;
  fake->set_handler([&](const workos::HttpRequest&) -> workos::Result<workos::HttpResponse> {
    std::unique_lock<std::mutex> lock(mu);
    fetch_started = true;
    cv.notify_all();
    cv.wait(lock, [&] { return release_fetch; });
    return FakeTransport::json(200, jwks({key_a}));
  });
  TestClient client(options());
  AccessTokenVerifier verifier(client);
  const std::string jwt = token(*key_a);
  std::thread fetcher([&] { EXPECT_TRUE(verifier.verify(jwt)); });
  {
    std::unique_lock<std::mutex> lock(mu);
    ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(20), [&] { return fetch_started; }));
  }
  workos::EventLoop loop;
  // What the loop-thread verify answered: "ok", or the token failure and the error message.
  workos::Promise<std::string> on_loop;
  workos::Future<std::string> answer = on_loop.get_future();
  loop.post([&] {
    auto r = verifier.verify(jwt);
    on_loop.set_value(
        r ? std::string("ok")
          : std::string(workos::auth::to_string(workos::auth::token_failure(r.error()))) + ": " +
                r.error().message());
  });
  const bool answered = answer.wait_for(std::chrono::seconds(20));
  {
    std::lock_guard<std::mutex> lock(mu);
    release_fetch = true;
    cv.notify_all();
  }
  fetcher.join();
  ASSERT_TRUE(answered) << "the loop-thread verify waited for the fetch";
  const std::string got = answer.get().value();
  EXPECT_EQ(got.rfind(workos::auth::to_string(TokenFailure::kJwksUnavailable), 0), 0u) << got;
  EXPECT_NE(got.find("event-loop thread"), std::string::npos) << got;
  EXPECT_EQ(fake->request_count(), 1u);
}

TEST_F(AuthJwks, FetchFailureWithoutKeysIsJwksUnavailableAndFailsFast) {
  fake->enqueue_json(404, R"({"message":"Not Found"})");
  TestClient client(options());
  AccessTokenVerifier verifier(client);
  auto r = verifier.verify(token(*key_a));
  ASSERT_FALSE(r);
  EXPECT_EQ(workos::auth::token_failure(r.error()), TokenFailure::kJwksUnavailable);
  EXPECT_EQ(r.error().status(), 404);
  EXPECT_EQ(r.error().kind(), workos::ErrorKind::kApi);
  EXPECT_FALSE(verifier.verify(token(*key_a)));  // failure cooldown: no second fetch
  EXPECT_EQ(fake->request_count(), 1u);
  fake->enqueue_json(200, jwks({key_a}));
  clock.advance(std::chrono::seconds(6));
  EXPECT_TRUE(verifier.verify(token(*key_a)));
}

TEST_F(AuthJwks, JwksFetchUsesTheClientRetryPolicy) {
  fake->enqueue_json(500, "{}");
  fake->enqueue_json(200, jwks({key_a}));
  auto o = options();
  o.max_retries = 2;
  TestClient client(o);
  EXPECT_TRUE(AccessTokenVerifier(client).verify(token(*key_a)));
  EXPECT_EQ(fake->request_count(), 2u);
  EXPECT_FALSE(clock.recorded_sleeps().empty());  // backoff went through the injected clock
}

TEST_F(AuthJwks, ManyThreadsMissingAtOnceCauseOneFetch) {
  std::mutex mu;
  std::condition_variable cv;
  bool release = false;
  std::atomic<int> calls{0};
  fake->set_handler([&](const workos::HttpRequest&) -> workos::Result<workos::HttpResponse> {
    ++calls;
    std::unique_lock<std::mutex> lock(mu);
    cv.wait_for(lock, std::chrono::seconds(10), [&] { return release; });
    return FakeTransport::json(200, jwks({key_a}));
  });
  TestClient client(options());
  AccessTokenVerifier verifier(client);
  const std::string t = token(*key_a);
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      if (verifier.verify(t)) ++ok;
    });
  }
  // Let the fetch finish once at least one thread is inside it.
  for (int i = 0; i < 1000 && calls.load() == 0; ++i) std::this_thread::yield();
  {
    std::lock_guard<std::mutex> lock(mu);
    release = true;
  }
  cv.notify_all();
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok.load(), 8);
  EXPECT_EQ(fake->request_count(), 1u);
}

TEST_F(AuthJwks, MissingClientIdIsAConfigurationError) {
  auto o = options();
  o.client_id.clear();
  TestClient client(o);
  auto r = AccessTokenVerifier(client).verify(token(*key_a));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), workos::ErrorKind::kConfiguration);
  EXPECT_EQ(fake->request_count(), 0u);
}

TEST_F(AuthJwks, RefreshJwksPrefetches) {
  fake->enqueue_json(200, jwks({key_a}));
  TestClient client(options());
  AccessTokenVerifier verifier(client);
  ASSERT_TRUE(verifier.refresh_jwks());
  EXPECT_EQ(fake->request_count(), 1u);
  EXPECT_TRUE(verifier.verify(token(*key_a)));
  EXPECT_EQ(fake->request_count(), 1u);
}

TEST_F(AuthJwks, PublicClientFetchesJwksToo) {
  fake->enqueue_json(200, jwks({key_a}));
  auto o = options();
  o.api_key.clear();
  o.public_client = true;
  TestClient client(o);
  EXPECT_TRUE(AccessTokenVerifier(client).verify(token(*key_a)));
  EXPECT_EQ(workos::testing::header_value(fake->last_request().headers, "authorization"), "");
}

}  // namespace
