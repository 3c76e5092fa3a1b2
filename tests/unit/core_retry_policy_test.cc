// Copyright workos-cpp authors. Handwritten.
// The retry policy (docs/adr/0008-retry-policy.md): which failed attempts are repeated for
// repeatable calls, plain POSTs and grants, through the FakeTransport with a fake clock, for the
// sync driver and the async one; caller-supplied header values are checked before sending.

#include <gtest/gtest.h>

#include <workos/async/async_client_base.h>
#include <workos/testing/fake_transport.h>

#include <string>

#include "async/call_async.h"
#include "core/call.h"
#include "core/core_access.h"
#include "core/retry_policy.h"
#include "support/core_test_helpers.h"

namespace core_retry_policy_test {

using namespace workos;
using workos::detail::RetryClass;
using workos::testing::FakeTransport;

detail::ApiRequest request(const char* method, std::string path) {
  detail::ApiRequest r;
  r.method = method;
  r.path = std::move(path);
  if (std::string(method) == "POST") r.body = R"({"x":1})";
  return r;
}

Error not_sent(const char* code) {
  return transport_error(ErrorKind::kConnection, code, "libcurl: could not connect");
}

TEST(RetryPolicyTable, ClassifiesMethodsEndpointsAndGrants) {
  using detail::classify_retry;
  EXPECT_EQ(classify_retry("GET", "/users/u_1", false), RetryClass::kRepeatable);
  EXPECT_EQ(classify_retry("DELETE", "/users/u_1", false), RetryClass::kRepeatable);
  EXPECT_EQ(classify_retry("PUT", "/users/u_1", false), RetryClass::kRepeatable);
  EXPECT_EQ(classify_retry("POST", "/user_management/users", false), RetryClass::kPost);
  EXPECT_EQ(classify_retry("POST", "/passwordless/sessions", false), RetryClass::kPost);
  EXPECT_EQ(classify_retry("POST", "/user_management/users", true), RetryClass::kRepeatable);
  EXPECT_EQ(classify_retry("POST", "/organizations", false), RetryClass::kRepeatable);
  EXPECT_EQ(classify_retry("POST", "/organizations/", false), RetryClass::kRepeatable);
  EXPECT_EQ(classify_retry("POST", "/organizations/org_1/api_keys", false),
            RetryClass::kRepeatable);
  EXPECT_EQ(classify_retry("POST", "/organizations/org_1", false), RetryClass::kPost);
  EXPECT_EQ(classify_retry("POST", "/organizations//api_keys", false), RetryClass::kPost);
  EXPECT_EQ(classify_retry("POST", "/audit_logs/events", false), RetryClass::kRepeatable);
  EXPECT_EQ(classify_retry("POST", "/audit_logs/actions/user.signed_in/schemas", false),
            RetryClass::kRepeatable);
  EXPECT_EQ(classify_retry("POST", "/audit_logs/exports", false), RetryClass::kPost);
  EXPECT_EQ(classify_retry("POST", "/user_management/authenticate", false), RetryClass::kGrant);
  EXPECT_EQ(classify_retry("POST", "/user_management/authenticate", true), RetryClass::kGrant);
  EXPECT_EQ(classify_retry("POST", "/sso/token", false), RetryClass::kGrant);
  EXPECT_EQ(classify_retry("POST", "/oauth2/token", false), RetryClass::kGrant);
}

TEST(RetryPolicyTable, StatusesPerClass) {
  using detail::retryable_status;
  for (int s : {408, 429, 500, 502, 503, 504}) {
    EXPECT_TRUE(retryable_status(RetryClass::kRepeatable, s)) << s;
    EXPECT_FALSE(retryable_status(RetryClass::kGrant, s)) << s;
  }
  for (int s : {400, 401, 403, 404, 409, 422, 501}) {
    EXPECT_FALSE(retryable_status(RetryClass::kRepeatable, s)) << s;
  }
  EXPECT_TRUE(retryable_status(RetryClass::kPost, 429));
  EXPECT_TRUE(retryable_status(RetryClass::kPost, 503));
  for (int s : {408, 500, 502, 504}) EXPECT_FALSE(retryable_status(RetryClass::kPost, s)) << s;
}

TEST(RetryPolicyTable, TransportFailuresPerClass) {
  using detail::retryable_failure;
  const Error reset = transport_error(ErrorKind::kConnection, "", "connection reset");
  const Error read_timeout = transport_error(ErrorKind::kTimeout, "", "timed out");
  const Error too_large =
      transport_error(ErrorKind::kConnection, transport_codes::kResponseTooLarge, "too large");
  EXPECT_TRUE(retryable_failure(RetryClass::kRepeatable, reset));
  EXPECT_TRUE(retryable_failure(RetryClass::kRepeatable, read_timeout));
  EXPECT_FALSE(retryable_failure(RetryClass::kRepeatable, too_large));
  EXPECT_FALSE(retryable_failure(RetryClass::kPost, reset));
  EXPECT_FALSE(retryable_failure(RetryClass::kPost, read_timeout));
  EXPECT_FALSE(retryable_failure(RetryClass::kGrant, reset));
  for (const char* code :
       {transport_codes::kDnsFailure, transport_codes::kConnectFailure,
        transport_codes::kConnectTimeout, transport_codes::kTlsHandshakeFailure}) {
    EXPECT_TRUE(request_not_sent(not_sent(code))) << code;
    EXPECT_TRUE(retryable_failure(RetryClass::kPost, not_sent(code))) << code;
    EXPECT_TRUE(retryable_failure(RetryClass::kGrant, not_sent(code))) << code;
  }
  // Not sent either, but a certificate that was not trusted will not be trusted on a retry.
  const Error untrusted = not_sent(transport_codes::kTlsCertificateFailure);
  EXPECT_TRUE(request_not_sent(untrusted));
  EXPECT_FALSE(retryable_failure(RetryClass::kRepeatable, untrusted));
  EXPECT_FALSE(retryable_failure(RetryClass::kPost, untrusted));
  EXPECT_FALSE(request_not_sent(reset));
  EXPECT_FALSE(request_not_sent(Error(ErrorKind::kConnection, "made by a custom transport")));
}

// The same scenarios through the sync driver and the async one.
enum class Driver { kSync, kAsync };

struct RetryPolicyTest : ::testing::TestWithParam<Driver> {
  std::shared_ptr<FakeTransport> fake = std::make_shared<FakeTransport>();
  test::FakeClock clock;
  std::shared_ptr<detail::ClientCore> core;
  std::unique_ptr<AsyncClientBase> async_client;

  void SetUp() override {
    core = test::make_core(test::fake_options(fake, &clock));
    if (GetParam() == Driver::kAsync)
      async_client =
          std::make_unique<AsyncClientBase>(detail::CoreAccess::make<AsyncClientBase>(core));
  }

  Result<void> run(const detail::ApiRequest& r, const RequestOptions& o = {}) {
    if (GetParam() == Driver::kSync) return detail::call_void(*core, r, o);
    return detail::call_async_void(detail::CoreAccess::async_core(*async_client), r, o).get();
  }
  void answers(int status, int times) {
    for (int i = 0; i < times; ++i) fake->enqueue_json(status, R"({"message":"x"})");
  }
};

TEST_P(RetryPolicyTest, PlainPostIsNotRepeatedAfterALostAnswer) {
  fake->enqueue_error(ErrorKind::kConnection, "connection reset by peer");
  answers(200, 1);
  Result<void> r = run(request("POST", "/user_management/users"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kConnection);
  EXPECT_EQ(r.error().attempts(), 1);
  EXPECT_EQ(fake->request_count(), 1u);
}

TEST_P(RetryPolicyTest, PlainPostIsNotRepeatedAfterAReadTimeoutOrA500) {
  fake->enqueue_error(ErrorKind::kTimeout, "operation timed out after 60000 ms");
  Result<void> r = run(request("POST", "/passwordless/sessions"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kTimeout);
  answers(500, 1);
  answers(200, 1);
  r = run(request("POST", "/passwordless/sessions"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().status(), 500);
  EXPECT_EQ(fake->request_count(), 2u);
}

TEST_P(RetryPolicyTest, PlainPostIsRepeatedWhenItNeverLeftOrOn429And503) {
  fake->enqueue(not_sent(transport_codes::kConnectFailure));
  answers(429, 1);
  answers(503, 1);
  answers(201, 1);
  Result<void> r = run(request("POST", "/user_management/users"));
  ASSERT_TRUE(r) << r.error().to_string();
  ASSERT_EQ(fake->request_count(), 4u);
  // One logical call: the same Idempotency-Key on every attempt.
  const std::string key =
      workos::testing::header_value(fake->request(0).headers, "Idempotency-Key");
  EXPECT_FALSE(key.empty());
  for (std::size_t i = 1; i < 4; ++i)
    EXPECT_EQ(workos::testing::header_value(fake->request(i).headers, "Idempotency-Key"), key);
}

TEST_P(RetryPolicyTest, FakeTransportErrorWithANeverSentCodeIsRepeatedLikeARealOne) {
  fake->enqueue_error(ErrorKind::kConnection, "connection refused",
                      transport_codes::kConnectFailure);
  answers(201, 1);
  Result<void> r = run(request("POST", "/user_management/users"));
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(fake->request_count(), 2u);
  fake->enqueue_error(ErrorKind::kConnection, "connection reset by peer");  // no code: maybe sent
  answers(201, 1);
  r = run(request("POST", "/user_management/users"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), "");
  EXPECT_EQ(fake->request_count(), 3u);
}

TEST_P(RetryPolicyTest, GrantIsNeverRepeatedOnceSent) {
  answers(503, 1);
  Result<void> r = run(request("POST", "/user_management/authenticate"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().status(), 503);
  fake->enqueue_error(ErrorKind::kConnection, "connection reset by peer");
  RequestOptions idempotent;
  idempotent.idempotent = true;  // cannot make a spent refresh token usable again
  r = run(request("POST", "/sso/token"), idempotent);
  ASSERT_FALSE(r);
  EXPECT_EQ(fake->request_count(), 2u);
}

TEST_P(RetryPolicyTest, GrantIsRepeatedWhenItProvablyNeverLeft) {
  fake->enqueue(not_sent(transport_codes::kDnsFailure));
  fake->enqueue(not_sent(transport_codes::kTlsHandshakeFailure));
  answers(200, 1);
  ASSERT_TRUE(run(request("POST", "/user_management/authenticate")));
  EXPECT_EQ(fake->request_count(), 3u);
}

TEST_P(RetryPolicyTest, IdempotencyKeyEndpointsAndCallerOptInAreRepeatedLikeAGet) {
  fake->enqueue_error(ErrorKind::kConnection, "connection reset by peer");
  answers(500, 1);
  answers(200, 1);
  ASSERT_TRUE(run(request("POST", "/audit_logs/events")));
  EXPECT_EQ(fake->request_count(), 3u);
  RequestOptions o;
  o.idempotent = true;
  answers(502, 1);
  answers(200, 1);
  ASSERT_TRUE(run(request("POST", "/user_management/users"), o));
  EXPECT_EQ(fake->request_count(), 5u);
}

TEST_P(RetryPolicyTest, GetIsRepeatedOn408ButNotOnA400) {
  answers(408, 1);
  answers(200, 1);
  ASSERT_TRUE(run(request("GET", "/users/u_1")));
  EXPECT_EQ(fake->request_count(), 2u);
  answers(400, 1);
  ASSERT_FALSE(run(request("GET", "/users/u_1")));
  EXPECT_EQ(fake->request_count(), 3u);
}

TEST_P(RetryPolicyTest, ResponseTooLargeIsNotRepeated) {
  fake->enqueue(
      transport_error(ErrorKind::kConnection, transport_codes::kResponseTooLarge, "too large"));
  Result<void> r = run(request("GET", "/users/u_1"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), "response_too_large");
  EXPECT_EQ(fake->request_count(), 1u);
}

TEST_P(RetryPolicyTest, ControlCharactersInCallerHeaderValuesAreRefusedBeforeSending) {
  for (const std::string& bad :
       {std::string("key\r\nX-Injected: 1"), std::string("key\n"), std::string("k\x01y"),
        std::string("k\x7fy"), std::string("k\0y", 3)}) {
    RequestOptions o;
    o.idempotency_key = bad;
    Result<void> r = run(request("POST", "/organizations"), o);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind(), ErrorKind::kInvalidArgument);
    EXPECT_EQ(r.error().attempts(), 0);
    RequestOptions h;
    h.extra_headers.emplace_back("X-Trace", bad);
    r = run(request("GET", "/users/u_1"), h);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind(), ErrorKind::kInvalidArgument);
  }
  for (const char* bad_name : {"", "X Trace", "X-Trace:", "X(Trace)", "X\xc3\xa9"}) {
    RequestOptions h;
    h.extra_headers.emplace_back(bad_name, "v");
    Result<void> r = run(request("GET", "/users/u_1"), h);
    ASSERT_FALSE(r) << bad_name;
    EXPECT_EQ(r.error().kind(), ErrorKind::kInvalidArgument);
  }
  EXPECT_EQ(fake->request_count(), 0u);
  // A tab is allowed in a value (RFC 9110 field-value).
  RequestOptions ok;
  ok.idempotency_key = "a\tb";
  ok.extra_headers.emplace_back("X-Trace-Id", "t\t1");
  answers(201, 1);
  ASSERT_TRUE(run(request("POST", "/organizations"), ok));
  EXPECT_EQ(workos::testing::header_value(fake->last_request().headers, "Idempotency-Key"), "a\tb");
}

TEST_P(RetryPolicyTest, MaxResponseBytesReachesTheTransport) {
  answers(200, 2);
  ASSERT_TRUE(run(request("GET", "/users/u_1")));
  EXPECT_EQ(fake->last_request().max_response_bytes, std::size_t{32} << 20);
  RequestOptions o;
  o.max_response_bytes = 4096;
  ASSERT_TRUE(run(request("GET", "/users/u_1"), o));
  EXPECT_EQ(fake->last_request().max_response_bytes, 4096u);
}

INSTANTIATE_TEST_SUITE_P(Drivers, RetryPolicyTest, ::testing::Values(Driver::kSync, Driver::kAsync),
                         [](const ::testing::TestParamInfo<Driver>& p) {
                           return p.param == Driver::kSync ? std::string("Sync")
                                                           : std::string("Async");
                         });

}  // namespace core_retry_policy_test
