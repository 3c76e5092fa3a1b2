// Copyright workos-cpp authors. Handwritten.
// The request pipeline over the FakeTransport with a fake clock: headers, idempotency keys,
// retry counts, computed delays, Retry-After, deadline, cancellation, hooks, auth modes.

#include <gtest/gtest.h>

#include <workos/testing/fake_transport.h>

#include <regex>
#include <thread>

#include "core/call.h"
#include "core/request_pipeline.h"
#include "support/core_test_helpers.h"

namespace core_pipeline_test {

using namespace workos;
using namespace std::chrono_literals;
using std::chrono::milliseconds;
using workos::test::fake_options;
using workos::test::FakeClock;
using workos::test::make_core;
using workos::testing::FakeTransport;
using workos::testing::header_value;

struct PipelineTest : ::testing::Test {
  std::shared_ptr<FakeTransport> fake = std::make_shared<FakeTransport>();
  FakeClock clock;
  ClientOptions options = fake_options(fake, &clock);

  std::shared_ptr<detail::ClientCore> core() { return make_core(options); }

  static detail::ApiRequest get(std::string path = "/organizations/org_1") {
    detail::ApiRequest r;
    r.method = "GET";
    r.path = std::move(path);
    return r;
  }
  static detail::ApiRequest post(std::string body = R"({"name":"Acme"})") {
    detail::ApiRequest r;
    r.method = "POST";
    r.path = "/organizations";
    r.body = std::move(body);
    return r;
  }
  void enqueue_status(int status, int times, Headers headers = {}) {
    for (int i = 0; i < times; ++i) fake->enqueue_json(status, R"({"message":"x"})", headers);
  }
};

const std::regex kUuidV4("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");

TEST_F(PipelineTest, GetSendsAuthUserAgentAcceptAndNoBodyHeaders) {
  fake->enqueue_json(200, "{}");
  auto r = detail::call_void(*core(), get(), {});
  ASSERT_TRUE(r) << r.error().to_string();
  const HttpRequest req = fake->last_request();
  EXPECT_EQ(req.method, "GET");
  EXPECT_EQ(req.url, "https://api.workos.com/organizations/org_1");
  EXPECT_EQ(header_value(req.headers, "authorization"), std::string("Bearer ") + test::kTestApiKey);
  EXPECT_EQ(header_value(req.headers, "accept"), "application/json");
  EXPECT_TRUE(
      std::regex_match(header_value(req.headers, "user-agent"),
                       std::regex(R"(^workos-cpp/\d+\.\d+\.\d+ \((gcc|clang) [0-9.]+; linux\)$)")))
      << header_value(req.headers, "user-agent");
  EXPECT_EQ(header_value(req.headers, "content-type"), "");
  EXPECT_EQ(header_value(req.headers, "idempotency-key"), "");
  EXPECT_FALSE(req.has_body);
  EXPECT_EQ(req.timeout, milliseconds(60000));
}

TEST_F(PipelineTest, UserAgentSuffixIsAppended) {
  options.user_agent_suffix = "myapp/2.0";
  fake->enqueue_json(200, "{}");
  ASSERT_TRUE(detail::call_void(*core(), get(), {}));
  const std::string ua = header_value(fake->last_request().headers, "User-Agent");
  EXPECT_EQ(ua.rfind("workos-cpp/", 0), 0u);
  EXPECT_EQ(ua.substr(ua.size() - 10), " myapp/2.0");
}

TEST_F(PipelineTest, PostSendsJsonBodyAndUuidIdempotencyKey) {
  fake->enqueue_json(201, R"({"id":"org_1"})");
  ASSERT_TRUE(detail::call_void(*core(), post(), {}));
  const HttpRequest req = fake->last_request();
  EXPECT_EQ(req.body, R"({"name":"Acme"})");
  EXPECT_TRUE(req.has_body);
  EXPECT_EQ(header_value(req.headers, "Content-Type"), "application/json");
  EXPECT_TRUE(std::regex_match(header_value(req.headers, "Idempotency-Key"), kUuidV4));
}

TEST_F(PipelineTest, EachLogicalPostGetsItsOwnKey) {
  fake->enqueue_json(201, "{}");
  fake->enqueue_json(201, "{}");
  auto c = core();
  ASSERT_TRUE(detail::call_void(*c, post(), {}));
  ASSERT_TRUE(detail::call_void(*c, post(), {}));
  EXPECT_NE(header_value(fake->request(0).headers, "Idempotency-Key"),
            header_value(fake->request(1).headers, "Idempotency-Key"));
}

TEST_F(PipelineTest, RetriesPostWithTheSameIdempotencyKey) {
  enqueue_status(503, 1);
  enqueue_status(500, 1);
  fake->enqueue(Error(ErrorKind::kConnection, "reset"));
  fake->enqueue_json(201, "{}");
  auto r = detail::call_void(*core(), post(), {});
  ASSERT_TRUE(r) << r.error().to_string();
  ASSERT_EQ(fake->request_count(), 4u);
  const std::string key = header_value(fake->request(0).headers, "Idempotency-Key");
  EXPECT_TRUE(std::regex_match(key, kUuidV4));
  for (std::size_t i = 1; i < 4; ++i)
    EXPECT_EQ(header_value(fake->request(i).headers, "Idempotency-Key"), key);
}

TEST_F(PipelineTest, CallerIdempotencyKeyWins) {
  enqueue_status(503, 1);
  fake->enqueue_json(201, "{}");
  RequestOptions ro;
  ro.idempotency_key = "my-key-1";
  ASSERT_TRUE(detail::call_void(*core(), post(), ro));
  ASSERT_EQ(fake->request_count(), 2u);
  EXPECT_EQ(header_value(fake->request(0).headers, "Idempotency-Key"), "my-key-1");
  EXPECT_EQ(header_value(fake->request(1).headers, "Idempotency-Key"), "my-key-1");
}

TEST_F(PipelineTest, GetHasNoIdempotencyKeyEvenWhenRetried) {
  enqueue_status(502, 1);
  fake->enqueue_json(200, "{}");
  ASSERT_TRUE(detail::call_void(*core(), get(), {}));
  ASSERT_EQ(fake->request_count(), 2u);
  for (const auto& req : fake->requests())
    EXPECT_EQ(header_value(req.headers, "Idempotency-Key"), "");
}

TEST_F(PipelineTest, ExtraHeadersAreMergedLastAndReplaceByName) {
  fake->enqueue_json(200, "{}");
  RequestOptions ro;
  ro.extra_headers = {{"user-agent", "custom"}, {"X-Trace", "t1"}};
  ASSERT_TRUE(detail::call_void(*core(), get(), ro));
  const HttpRequest req = fake->last_request();
  int ua_count = 0;
  for (const auto& h : req.headers)
    if (h.first == "User-Agent" || h.first == "user-agent") ++ua_count;
  EXPECT_EQ(ua_count, 1);
  EXPECT_EQ(header_value(req.headers, "User-Agent"), "custom");
  EXPECT_EQ(header_value(req.headers, "x-trace"), "t1");
}

TEST_F(PipelineTest, HeaderInjectionIsRejectedLocally) {
  RequestOptions ro;
  ro.extra_headers = {{"X-Bad", "a\r\nInjected: yes"}};
  auto r = detail::call_void(*core(), get(), ro);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kInvalidArgument);
  EXPECT_EQ(fake->request_count(), 0u);
}

class RetryableStatus : public PipelineTest, public ::testing::WithParamInterface<int> {};

TEST_P(RetryableStatus, IsRetriedUpToMaxRetriesThenReported) {
  enqueue_status(GetParam(), 4);
  auto r = detail::call_void(*core(), get(), {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().status(), GetParam());
  EXPECT_EQ(r.error().attempts(), 4);
  EXPECT_EQ(fake->request_count(), 4u);
  EXPECT_EQ(clock.recorded_sleeps(), (std::vector<milliseconds>{1000ms, 2000ms, 4000ms}));
}

INSTANTIATE_TEST_SUITE_P(Core, RetryableStatus, ::testing::Values(429, 500, 502, 503, 504));

class NonRetryableStatus : public PipelineTest, public ::testing::WithParamInterface<int> {};

TEST_P(NonRetryableStatus, IsNotRetried) {
  enqueue_status(GetParam(), 1);
  fake->enqueue_json(200, "{}");
  auto r = detail::call_void(*core(), post(), {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().status(), GetParam());
  EXPECT_EQ(r.error().attempts(), 1);
  EXPECT_EQ(fake->request_count(), 1u);
  EXPECT_TRUE(clock.recorded_sleeps().empty());
}

INSTANTIATE_TEST_SUITE_P(Core, NonRetryableStatus,
                         ::testing::Values(400, 401, 403, 404, 405, 409, 418, 422, 501, 505));

TEST_F(PipelineTest, TransportErrorsAreRetriedButCancellationIsNot) {
  fake->enqueue(Error(ErrorKind::kConnection, "refused"));
  fake->enqueue(Error(ErrorKind::kTimeout, "slow"));
  fake->enqueue_json(200, "{}");
  ASSERT_TRUE(detail::call_void(*core(), get(), {}));
  EXPECT_EQ(fake->request_count(), 3u);

  fake->reset();
  fake->enqueue(Error(ErrorKind::kCancelled, "stop"));
  fake->enqueue_json(200, "{}");
  auto r = detail::call_void(*core(), get(), {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kCancelled);
  EXPECT_EQ(fake->request_count(), 1u);
}

TEST_F(PipelineTest, ExhaustedTransportErrorKeepsItsKindAndAttempts) {
  for (int i = 0; i < 4; ++i) fake->enqueue(Error(ErrorKind::kConnection, "refused"));
  auto r = detail::call_void(*core(), get(), {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kConnection);
  EXPECT_EQ(r.error().attempts(), 4);
  EXPECT_EQ(r.error().method(), "GET");
  EXPECT_EQ(r.error().url(), "https://api.workos.com/organizations/org_1");
}

TEST_F(PipelineTest, BackoffDoublesWithJitterAndCap) {
  const RetrySettings s;  // 1 s initial, 30 s cap, jitter 0.5
  using detail::CallPlan;
  EXPECT_EQ(CallPlan::backoff(s, 0, 0.0), 500ms);
  EXPECT_EQ(CallPlan::backoff(s, 0, 0.5), 1000ms);
  EXPECT_EQ(CallPlan::backoff(s, 1, 0.5), 2000ms);
  EXPECT_EQ(CallPlan::backoff(s, 2, 0.25), 3000ms);  // 4 s * 0.75
  EXPECT_EQ(CallPlan::backoff(s, 5, 0.5), 30000ms);  // 32 s capped
  EXPECT_EQ(CallPlan::backoff(s, 40, 0.5), 30000ms);
  EXPECT_EQ(CallPlan::backoff(s, 5, 1.0), 45000ms);  // cap * 1.5 at the top of the jitter
  RetrySettings nojitter;
  nojitter.jitter = 0;
  EXPECT_EQ(CallPlan::backoff(nojitter, 1, 0.9), 2000ms);
}

TEST_F(PipelineTest, DelaysUseInjectedRandomness) {
  clock.uniform_value = 0.0;
  options.max_retries = 5;
  options.retry.max_backoff = 4000ms;
  enqueue_status(500, 6);
  auto r = detail::call_void(*core(), get(), {});
  ASSERT_FALSE(r);
  EXPECT_EQ(clock.recorded_sleeps(),
            (std::vector<milliseconds>{500ms, 1000ms, 2000ms, 2000ms, 2000ms}));
}

TEST_F(PipelineTest, RetryAfterSecondsWins) {
  enqueue_status(429, 1, {{"Retry-After", "3"}});
  enqueue_status(503, 1, {{"Retry-After", "0"}});
  fake->enqueue_json(200, "{}");
  ASSERT_TRUE(detail::call_void(*core(), get(), {}));
  EXPECT_EQ(clock.recorded_sleeps(), (std::vector<milliseconds>{3000ms, 0ms}));
}

TEST_F(PipelineTest, RetryAfterHttpDateWins) {
  // The fake wall clock reads 1'700'000'000 s = Tue, 14 Nov 2023 22:13:20 GMT.
  enqueue_status(429, 1, {{"Retry-After", "Tue, 14 Nov 2023 22:13:32 GMT"}});
  fake->enqueue_json(200, "{}");
  ASSERT_TRUE(detail::call_void(*core(), get(), {}));
  EXPECT_EQ(clock.recorded_sleeps(), (std::vector<milliseconds>{12000ms}));
}

TEST_F(PipelineTest, RetryAfterIsCappedAt60Seconds) {
  enqueue_status(429, 1, {{"Retry-After", "3600"}});
  enqueue_status(429, 1, {{"Retry-After", "Wed, 15 Nov 2023 22:13:20 GMT"}});
  fake->enqueue_json(200, "{}");
  ASSERT_TRUE(detail::call_void(*core(), get(), {}));
  EXPECT_EQ(clock.recorded_sleeps(), (std::vector<milliseconds>{60000ms, 60000ms}));
}

TEST_F(PipelineTest, UnparsableRetryAfterFallsBackToBackoff) {
  enqueue_status(429, 1, {{"Retry-After", "soon"}});
  fake->enqueue_json(200, "{}");
  ASSERT_TRUE(detail::call_void(*core(), get(), {}));
  EXPECT_EQ(clock.recorded_sleeps(), (std::vector<milliseconds>{1000ms}));
}

TEST_F(PipelineTest, PerCallMaxRetriesAndTimeoutOverrideClient) {
  enqueue_status(500, 2);
  RequestOptions ro;
  ro.max_retries = 0;
  ro.timeout = 1234ms;
  auto r = detail::call_void(*core(), get(), ro);
  ASSERT_FALSE(r);
  EXPECT_EQ(fake->request_count(), 1u);
  EXPECT_EQ(fake->last_request().timeout, 1234ms);
}

TEST_F(PipelineTest, NegativePerCallMaxRetriesOrTimeoutFailsLocallyAndSendsNothing) {
  RequestOptions retries;
  retries.max_retries = -1;
  auto r = detail::call_void(*core(), get(), retries);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kInvalidArgument);
  EXPECT_NE(r.error().message().find("max_retries"), std::string::npos);
  RequestOptions timeout;
  timeout.timeout = 0ms;
  auto t = detail::call_void(*core(), get(), timeout);
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().kind(), ErrorKind::kInvalidArgument);
  EXPECT_NE(t.error().message().find("timeout"), std::string::npos);
  EXPECT_EQ(fake->request_count(), 0u);
}

TEST_F(PipelineTest, OverallDeadlineStopsRetriesWithoutSleepingPastIt) {
  options.deadline = 2500ms;
  enqueue_status(503, 10);
  auto r = detail::call_void(*core(), get(), {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kTimeout);
  EXPECT_EQ(r.error().status(), 503);  // the last answer is kept
  EXPECT_EQ(r.error().attempts(), 2);
  // Slept 1 s once; the next delay (2 s) would end past the deadline: no second sleep.
  EXPECT_EQ(clock.recorded_sleeps(), (std::vector<milliseconds>{1000ms}));
  ASSERT_EQ(fake->request_count(), 2u);
  // The per-attempt timeout never reaches past the deadline.
  EXPECT_EQ(fake->request(0).timeout, 2500ms);
  EXPECT_EQ(fake->request(1).timeout, 1500ms);
  EXPECT_THROW(r.value(), TimeoutError);
}

TEST_F(PipelineTest, DeadlineAlreadyPassedBeforeAnAttemptIsATimeout) {
  RequestOptions ro;
  ro.deadline = 100ms;
  // The transport "takes" 150 ms and fails: no time is left for a retry.
  fake->set_handler([this](const HttpRequest&) -> Result<HttpResponse> {
    clock.advance(150ms);
    return Error(ErrorKind::kConnection, "reset");
  });
  auto r = detail::call_void(*core(), get(), ro);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kTimeout);
  EXPECT_EQ(fake->request_count(), 1u);
  EXPECT_TRUE(clock.recorded_sleeps().empty());
}

TEST_F(PipelineTest, CancellationBeforeTheCallSendsNothing) {
  auto token = std::make_shared<CancellationToken>();
  token->cancel();
  RequestOptions ro;
  ro.cancellation = token;
  auto r = detail::call_void(*core(), get(), ro);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kCancelled);
  EXPECT_EQ(fake->request_count(), 0u);
  EXPECT_THROW(r.value(), CancelledError);
}

TEST_F(PipelineTest, CancellationBetweenAttemptsStopsRetries) {
  auto token = std::make_shared<CancellationToken>();
  options.hooks.on_response = [token](const HttpRequest&, const Result<HttpResponse>&, int) {
    token->cancel();
  };
  enqueue_status(503, 3);
  RequestOptions ro;
  ro.cancellation = token;
  auto r = detail::call_void(*core(), get(), ro);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kCancelled);
  EXPECT_EQ(fake->request_count(), 1u);
  EXPECT_TRUE(clock.recorded_sleeps().empty());
}

TEST_F(PipelineTest, CancellationDuringBackoffStopsBeforeNextAttempt) {
  auto token = std::make_shared<CancellationToken>();
  options.clock.sleep = [token](milliseconds) { token->cancel(); };
  enqueue_status(503, 3);
  RequestOptions ro;
  ro.cancellation = token;
  auto r = detail::call_void(*core(), get(), ro);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kCancelled);
  EXPECT_EQ(fake->request_count(), 1u);
}

TEST_F(PipelineTest, RealSleepIsSlicedSoCancellationInterruptsABackoff) {
  // Default (real) sleep; a 5 minute Retry-After would block the test if cancellation were
  // only checked after the sleep. The cancelling thread waits for the first request.
  options.clock = Clock{};
  auto token = std::make_shared<CancellationToken>();
  options.retry.max_retry_after = std::chrono::minutes(5);
  fake->enqueue_json(503, "{}", {{"Retry-After", "300"}});
  std::mutex m;
  std::condition_variable cv;
  bool sent = false;
  options.hooks.on_response = [&](const HttpRequest&, const Result<HttpResponse>&, int) {
    std::lock_guard<std::mutex> lock(m);
    sent = true;
    cv.notify_all();
  };
  std::thread canceller([&] {
    std::unique_lock<std::mutex> lock(m);
    cv.wait(lock, [&] { return sent; });
    token->cancel();
  });
  RequestOptions ro;
  ro.cancellation = token;
  auto r = detail::call_void(*core(), get(), ro);
  canceller.join();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kCancelled);
  EXPECT_EQ(fake->request_count(), 1u);
}

TEST_F(PipelineTest, HooksSeeEveryAttemptInOrder) {
  std::vector<std::string> events;
  options.hooks.on_request = [&](const HttpRequest& r, int attempt) {
    events.push_back("req " + r.method + " " + std::to_string(attempt));
  };
  options.hooks.on_response = [&](const HttpRequest&, const Result<HttpResponse>& r, int attempt) {
    events.push_back("resp " + (r ? std::to_string(r->status) : std::string("error")) + " " +
                     std::to_string(attempt));
  };
  enqueue_status(500, 1);
  fake->enqueue(Error(ErrorKind::kConnection, "x"));
  fake->enqueue_json(200, "{}");
  ASSERT_TRUE(detail::call_void(*core(), get(), {}));
  EXPECT_EQ(events, (std::vector<std::string>{"req GET 1", "resp 500 1", "req GET 2",
                                              "resp error 2", "req GET 3", "resp 200 3"}));
}

TEST_F(PipelineTest, ThrowingHookIsContainedAndLogged) {
  test::LogCapture logs;
  options.logger = logs.sink();
  options.hooks.on_request = [](const HttpRequest&, int) { throw std::runtime_error("hook bug"); };
  fake->enqueue_json(200, "{}");
  ASSERT_TRUE(detail::call_void(*core(), get(), {}));
  EXPECT_NE(logs.joined().find("hook bug"), std::string::npos);
}

TEST_F(PipelineTest, PublicClientApiKeyCallFailsLocally) {
  ClientOptions o;
  o.public_client = true;
  o.client_id = "client_123";
  o.transport = fake;
  auto c = make_core(o);
  auto r = detail::call_void(*c, get(), {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kConfiguration);
  EXPECT_THROW(r.value(), ConfigurationError);
  EXPECT_EQ(fake->request_count(), 0u);

  auto none = get();
  none.auth = detail::AuthMode::kApiKeyIfAny;
  fake->enqueue_json(200, "{}");
  ASSERT_TRUE(detail::call_void(*c, none, {}));
  EXPECT_EQ(header_value(fake->last_request().headers, "Authorization"), "");
}

TEST_F(PipelineTest, ClientIdOnlyClientCannotMakeApiKeyCalls) {
  ClientOptions o;
  o.client_id = "client_123";
  o.public_client = true;  // a confidential client without a key is refused when built
  o.transport = fake;
  unsetenv("WORKOS_API_KEY");
  auto c = make_core(o);
  auto r = detail::call_void(*c, get(), {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kConfiguration);
  EXPECT_EQ(fake->request_count(), 0u);
}

TEST_F(PipelineTest, AuthModes) {
  auto c = core();
  auto none = get();
  none.auth = detail::AuthMode::kNone;
  fake->enqueue_json(200, "{}");
  ASSERT_TRUE(detail::call_void(*c, none, {}));
  EXPECT_EQ(header_value(fake->last_request().headers, "Authorization"), "");

  auto bearer = get();
  bearer.auth = detail::AuthMode::kBearerToken;
  bearer.bearer_token = "access_token_xyz";
  fake->enqueue_json(200, "{}");
  ASSERT_TRUE(detail::call_void(*c, bearer, {}));
  EXPECT_EQ(header_value(fake->last_request().headers, "Authorization"), "Bearer access_token_xyz");

  auto if_any = get();
  if_any.auth = detail::AuthMode::kApiKeyIfAny;
  fake->enqueue_json(200, "{}");
  ASSERT_TRUE(detail::call_void(*c, if_any, {}));
  EXPECT_EQ(header_value(fake->last_request().headers, "Authorization"),
            std::string("Bearer ") + test::kTestApiKey);
}

TEST_F(PipelineTest, BaseUrlResolution) {
  auto c = core();
  auto req = get("/sso/logout");
  req.query = "a=1";
  req.server_override = "https://auth.workos.com";
  EXPECT_EQ(c->url_for(req, {}), "https://auth.workos.com/sso/logout?a=1");
  RequestOptions ro;
  ro.base_url = "http://127.0.0.1:9/";
  EXPECT_EQ(c->url_for(req, ro), "http://127.0.0.1:9/sso/logout?a=1");

  options.base_url = "http://localhost:4010/";
  auto custom = core();
  EXPECT_EQ(custom->base_url(), "http://localhost:4010");
  EXPECT_EQ(custom->url_for(req, {}), "http://localhost:4010/sso/logout?a=1");
}

TEST_F(PipelineTest, TwoHundredAnswerKeepsHeadersAndBody) {
  fake->enqueue_json(200, R"({"id":"org_1"})", {{"X-Request-ID", "req_9"}});
  auto r = core()->execute(get(), {});
  ASSERT_TRUE(r);
  EXPECT_EQ((*r)->status, 200);
  EXPECT_EQ((*r)->body, R"({"id":"org_1"})");
  EXPECT_EQ((*r)->request_id(), "req_9");
  EXPECT_EQ((*r)->header("CONTENT-TYPE"), "application/json");
}

TEST_F(PipelineTest, NoContentAnswerIsSuccessForVoidCalls) {
  fake->enqueue(FakeTransport::empty(204));
  auto r = detail::call_void(*core(), get(), {});
  ASSERT_TRUE(r);
  ASSERT_NE(r.response(), nullptr);
  EXPECT_EQ(r.response()->status, 204);
}

TEST_F(PipelineTest, UnqueuedFakeAnswerIsNotRetried) {
  auto r = detail::call_void(*core(), get(), {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kInvalidArgument);
  EXPECT_EQ(fake->request_count(), 1u);
}

TEST_F(PipelineTest, DeleteMayCarryABody) {
  detail::ApiRequest del;
  del.method = "DELETE";
  del.path = "/radar/lists/ip/block";
  del.body = R"({"entry":"1.2.3.4"})";
  fake->enqueue(FakeTransport::empty(204));
  ASSERT_TRUE(detail::call_void(*core(), del, {}));
  const auto req = fake->last_request();
  EXPECT_EQ(req.method, "DELETE");
  EXPECT_TRUE(req.has_body);
  EXPECT_EQ(req.body, R"({"entry":"1.2.3.4"})");
  EXPECT_EQ(header_value(req.headers, "Idempotency-Key"), "");
}

}  // namespace core_pipeline_test
