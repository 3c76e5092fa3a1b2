// Copyright workos-cpp authors. Handwritten.
// Fault matrix, retry policy: rate-limit storms (Retry-After in seconds, as an HTTP-date, or
// absent), a 503 followed by success, and answers lost after the server acted on a POST, an
// idempotent POST and a token grant. Each scenario runs through the sync and the async client.

#include <gtest/gtest.h>

#include <workos/async_client.h>
#include <workos/client.h>
#include <workos/error.h>

#include <chrono>
#include <ctime>
#include <functional>
#include <string>
#include <vector>

#include "faults/fault_harness.h"
#include "support/raw_http_server.h"

namespace workos::faults {
namespace {

using std::chrono::milliseconds;
using test::http_answer;
using test::RawConnection;
using test::RawHttpServer;

constexpr char kRateLimited[] = R"({"message":"Too many requests"})";

/// `when` as an IMF-fixdate (RFC 9110 §5.6.7).
std::string http_date(std::chrono::system_clock::time_point when) {
  const std::time_t t = std::chrono::system_clock::to_time_t(when);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char out[64];
  std::strftime(out, sizeof out, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return out;
}

class RetryFaults : public ::testing::TestWithParam<Mode> {
 protected:
  /// Runs a GET against a server that answers every request 429 with `retry_after` (no
  /// header when it returns empty), and checks the typed error after the last retry. Returns
  /// the backoff delays the sync client waited (empty for the async client).
  std::vector<milliseconds> run_rate_limit_storm(std::function<std::string()> retry_after) {
    RawHttpServer server([&retry_after](RawConnection& c, std::size_t) {
      if (!c.read_request()) return;
      const std::string value = retry_after();
      c.write(http_answer(429, kRateLimited, "application/json",
                          value.empty() ? std::string() : "Retry-After: " + value + "\r\n"));
    });
    SleepLog sleeps;
    ClientOptions options = fault_options(server.base_url());
    options.clock.sleep = sleeps.sleeper();
    const auto r = get_organization(GetParam(), options);
    EXPECT_FALSE(r);
    if (r) return {};
    EXPECT_EQ(r.error().kind(), ErrorKind::kApi) << r.error().to_string();
    EXPECT_EQ(r.error().status(), 429);
    EXPECT_EQ(r.error().attempts(), 4);
    EXPECT_THROW(r.value(), RateLimitExceededError);
    EXPECT_EQ(server.request_count(), 4u);
    return sleeps.all();
  }
};

TEST_P(RetryFaults, RateLimitStormWithRetryAfterSecondsEndsInRateLimitExceeded) {
  const auto delays = run_rate_limit_storm([] { return std::string("1"); });
  if (GetParam() == Mode::kSync) {
    // Retry-After (1 s) wins over the 1-2 ms backoff, capped at max_retry_after (20 ms).
    EXPECT_EQ(delays, std::vector<milliseconds>(3, milliseconds(20)));
  }
}

TEST_P(RetryFaults, RateLimitStormWithRetryAfterDateEndsInRateLimitExceeded) {
  const auto delays = run_rate_limit_storm(
      [] { return http_date(std::chrono::system_clock::now() + std::chrono::seconds(5)); });
  if (GetParam() == Mode::kSync) {
    EXPECT_EQ(delays, std::vector<milliseconds>(3, milliseconds(20)));
  }
}

TEST_P(RetryFaults, RateLimitStormWithoutRetryAfterBacksOffAndEndsInRateLimitExceeded) {
  const auto delays = run_rate_limit_storm([] { return std::string(); });
  if (GetParam() == Mode::kSync) {
    ASSERT_EQ(delays.size(), 3u);
    for (const auto d : delays) EXPECT_LE(d, milliseconds(3));  // max_backoff 2 ms * 1.5
  }
}

TEST_P(RetryFaults, ServiceUnavailableThenSuccessReturnsTheValue) {
  RawHttpServer server([](RawConnection& c, std::size_t index) {
    if (!c.read_request()) return;
    c.write(index == 0 ? http_answer(503, R"({"message":"Service Unavailable"})")
                       : http_answer(200, organization_json()));
  });
  const auto r = get_organization(GetParam(), fault_options(server.base_url()));
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->id, kOrgId);
  EXPECT_EQ(r->name, "Acme Inc.");
  EXPECT_EQ(server.request_count(), 2u);
}

TEST_P(RetryFaults, PostAnsweredServiceUnavailableIsRetried) {
  // A 503 says the server did not act: even a POST without idempotency may try again.
  RawHttpServer server([](RawConnection& c, std::size_t index) {
    if (!c.read_request()) return;
    c.write(index == 0 ? http_answer(503, R"({"message":"Service Unavailable"})")
                       : http_answer(201, user_json()));
  });
  const auto r = create_user(GetParam(), fault_options(server.base_url()));
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->id, "user_01E4ZCR3C56J083X43JQXF3JK5");
  EXPECT_EQ(server.request_count(), 2u);
}

/// Reads the request (the server "acts" on it: it is counted), then loses the answer.
void act_then_reset(RawConnection& c, std::size_t) {
  if (c.read_request()) c.reset();
}

TEST_P(RetryFaults, PostWhoseAnswerIsLostIsNotRetried) {
  RawHttpServer server(act_then_reset);
  const auto r = create_user(GetParam(), fault_options(server.base_url()));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kConnection) << r.error().to_string();
  EXPECT_FALSE(request_not_sent(r.error())) << r.error().code();
  EXPECT_EQ(r.error().attempts(), 1);
  EXPECT_EQ(server.request_count(), 1u);
  EXPECT_EQ(server.requests().at(0).method, "POST");
  EXPECT_EQ(server.requests().at(0).target, "/user_management/users");
}

TEST_P(RetryFaults, IdempotentPostWhoseAnswerIsLostIsRetriedWithTheSameKey) {
  RawHttpServer server([](RawConnection& c, std::size_t index) {
    if (index == 0) return act_then_reset(c, index);
    if (c.read_request()) c.write(http_answer(201, user_json()));
  });
  RequestOptions request;
  request.idempotent = true;
  const auto r = create_user(GetParam(), fault_options(server.base_url()), request);
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->id, "user_01E4ZCR3C56J083X43JQXF3JK5");
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_FALSE(requests[0].header("Idempotency-Key").empty());
  EXPECT_EQ(requests[0].header("Idempotency-Key"), requests[1].header("Idempotency-Key"));
  EXPECT_EQ(requests[0].body, requests[1].body);
}

void expect_grant_sent_once(const Result<AuthenticateResponse>& r, const RawHttpServer& server) {
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kConnection) << r.error().to_string();
  EXPECT_EQ(r.error().attempts(), 1);
  ASSERT_EQ(server.request_count(), 1u);
  EXPECT_EQ(server.requests()[0].method, "POST");
  EXPECT_EQ(server.requests()[0].target, "/user_management/authenticate");
}

TEST_P(RetryFaults, GrantWhoseAnswerIsLostIsSentExactlyOnce) {
  RawHttpServer server(act_then_reset);
  expect_grant_sent_once(authenticate(GetParam(), fault_options(server.base_url())), server);
}

TEST_P(RetryFaults, GrantWhoseAnswerIsLostIsSentOnceEvenWhenDeclaredIdempotent) {
  RawHttpServer server(act_then_reset);
  RequestOptions request;
  request.idempotent = true;
  expect_grant_sent_once(authenticate(GetParam(), fault_options(server.base_url()), request),
                         server);
}

INSTANTIATE_TEST_SUITE_P(BothClients, RetryFaults, ::testing::Values(Mode::kSync, Mode::kAsync),
                         mode_name);

}  // namespace
}  // namespace workos::faults
