// Copyright workos-cpp authors. Handwritten.
// detail::call_async<T>: the async driver of the one request pipeline (CallPlan). Decoding,
// retries and backoff on loop timers (recorded by the injected clock), Retry-After,
// idempotency keys, local errors, hooks, error mapping, cancellation and shutdown, over a
// blocking fake Transport (called on the loop thread) and over a scripted AsyncTransport.

#include <gtest/gtest.h>

#include <workos/async/async_client_base.h>
#include <workos/async/async_transport.h>
#include <workos/testing/fake_transport.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "async/call_async.h"
#include "core/core_access.h"
#include "support/core_test_helpers.h"

namespace async_call_test {

using namespace workos;
using workos::testing::FakeTransport;
namespace json = workos::detail::json;

struct Item {
  std::string id;
  std::string name;
};

void read(json::Value v, Item& it, json::DecodeContext& c) {
  json::ObjectReader r(v, c);
  if (!r.ok()) return;
  bool seen_id = false;
  for (auto f : r.fields()) {
    if (f.key == "id")
      seen_id = json::field(c, "Item", "id", f.value, it.id, true);
    else if (f.key == "name")
      json::field(c, "Item", "name", f.value, it.name, false);
  }
  if (!seen_id) c.missing_required("Item", "id");
}

detail::ApiRequest get(std::string path) {
  detail::ApiRequest r;
  r.path = std::move(path);
  return r;
}

detail::ApiRequest post(std::string path, std::string body) {
  detail::ApiRequest r;
  r.method = "POST";
  r.path = std::move(path);
  r.body = std::move(body);
  return r;
}

/// An AsyncTransport whose attempts the test answers by hand (from the test thread). Aborting
/// an attempt answers it with kCancelled. Thread-safe.
struct ScriptedAsyncTransport : AsyncTransport {
  struct Attempt {
    std::mutex mutex;
    HttpRequest request;
    AsyncSendCallback done;
    void answer(Result<HttpResponse> r) {
      AsyncSendCallback d;
      {
        std::lock_guard<std::mutex> lock(mutex);
        d = std::move(done);
        done = nullptr;
      }
      if (d) d(std::move(r));
    }
  };
  std::mutex mutex;
  std::condition_variable cv;
  std::deque<std::shared_ptr<Attempt>> waiting;
  int sent = 0;

  std::function<void()> send_async(HttpRequest request, AsyncSendCallback done) override {
    auto a = std::make_shared<Attempt>();
    a->request = std::move(request);
    a->done = std::move(done);
    {
      std::lock_guard<std::mutex> lock(mutex);
      waiting.push_back(a);
      ++sent;
    }
    cv.notify_all();
    return [a] { a->answer(Error(ErrorKind::kCancelled, "aborted by the transport")); };
  }
  std::shared_ptr<Attempt> next() {
    std::unique_lock<std::mutex> lock(mutex);
    if (!cv.wait_for(lock, std::chrono::seconds(10), [&] { return !waiting.empty(); }))
      return nullptr;
    auto a = waiting.front();
    waiting.pop_front();
    return a;
  }
  int sent_count() {
    std::lock_guard<std::mutex> lock(mutex);
    return sent;
  }
};

struct AsyncCallTest : ::testing::Test {
  std::shared_ptr<FakeTransport> fake = std::make_shared<FakeTransport>();
  test::FakeClock clock;
  test::LogCapture logs;
  std::shared_ptr<detail::ClientCore> core;
  std::unique_ptr<AsyncClientBase> client;

  void SetUp() override {
    ClientOptions o = test::fake_options(fake, &clock);
    o.logger = logs.sink();
    core = test::make_core(o);
    client = std::make_unique<AsyncClientBase>(detail::CoreAccess::make<AsyncClientBase>(core));
  }
  const std::shared_ptr<detail::AsyncCore>& async() {
    return detail::CoreAccess::async_core(*client);
  }
};

TEST_F(AsyncCallTest, DecodesTheModelOnTheLoopAndKeepsTheResponse) {
  fake->enqueue_json(200, R"({"id":"item_1","name":"A","extra":1})", {{"X-Request-ID", "req_1"}});
  Result<Item> r = detail::call_async<Item>(async(), get("/items/item_1"), {}, "Item").get();
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->id, "item_1");
  EXPECT_EQ(r->name, "A");
  ASSERT_NE(r.response(), nullptr);
  EXPECT_EQ(r.response()->request_id(), "req_1");
  EXPECT_EQ(fake->last_request().url, "https://api.workos.com/items/item_1");
  EXPECT_EQ(workos::testing::header_value(fake->last_request().headers, "Authorization"),
            std::string("Bearer ") + test::kTestApiKey);
}

TEST_F(AsyncCallTest, RetriesWaitOnLoopTimersWithTheSyncBackoff) {
  fake->enqueue_json(503, R"({"message":"busy"})");
  fake->enqueue_json(502, R"({"message":"busy"})");
  fake->enqueue_json(200, R"({"id":"item_2"})");
  Result<Item> r = detail::call_async<Item>(async(), get("/items/item_2"), {}, "Item").get();
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(fake->request_count(), 3u);
  // The injected clock records the delays: 1 s then 2 s (jitter factor 1.0), as in sync.
  std::vector<std::chrono::milliseconds> expected{std::chrono::milliseconds(1000),
                                                  std::chrono::milliseconds(2000)};
  EXPECT_EQ(clock.recorded_sleeps(), expected);
}

TEST_F(AsyncCallTest, RetryAfterWins) {
  fake->enqueue_json(429, R"({"message":"slow down"})", {{"Retry-After", "7"}});
  fake->enqueue_json(200, R"({"id":"item_3"})");
  ASSERT_TRUE(detail::call_async<Item>(async(), get("/items/item_3"), {}, "Item").get());
  std::vector<std::chrono::milliseconds> expected{std::chrono::milliseconds(7000)};
  EXPECT_EQ(clock.recorded_sleeps(), expected);
}

TEST_F(AsyncCallTest, GivesUpAfterMaxRetriesWithTheMappedError) {
  for (int i = 0; i < 4; ++i) fake->enqueue_json(500, R"({"message":"down","code":"oops"})");
  Result<Item> r = detail::call_async<Item>(async(), get("/items/x"), {}, "Item").get();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kApi);
  EXPECT_EQ(r.error().status(), 500);
  EXPECT_EQ(r.error().attempts(), 4);
  EXPECT_EQ(fake->request_count(), 4u);
}

TEST_F(AsyncCallTest, NotFoundIsNotRetriedAndThrowsTheTypedException) {
  fake->enqueue_json(404, R"({"message":"Not found","code":"entity_not_found"})",
                     {{"X-Request-ID", "req_404"}});
  Result<Item> r = detail::call_async<Item>(async(), get("/items/missing"), {}, "Item").get();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().status(), 404);
  EXPECT_EQ(r.error().request_id(), "req_404");
  EXPECT_THROW(r.value(), NotFoundError);
  EXPECT_EQ(fake->request_count(), 1u);
}

TEST_F(AsyncCallTest, PostKeepsOneIdempotencyKeyAcrossRetries) {
  // A plain POST is repeated only when it never left (or on 429 / 503): a refused connect.
  fake->enqueue(transport_error(ErrorKind::kConnection, transport_codes::kConnectFailure,
                                "connection refused"));
  fake->enqueue_json(201, R"({"id":"item_4"})");
  ASSERT_TRUE(
      detail::call_async<Item>(async(), post("/items", R"({"name":"x"})"), {}, "Item").get());
  ASSERT_EQ(fake->request_count(), 2u);
  const std::string k1 = workos::testing::header_value(fake->request(0).headers, "Idempotency-Key");
  const std::string k2 = workos::testing::header_value(fake->request(1).headers, "Idempotency-Key");
  EXPECT_EQ(k1.size(), 36u);
  EXPECT_EQ(k1, k2);
  EXPECT_EQ(fake->request(0).body, R"({"name":"x"})");
}

TEST_F(AsyncCallTest, LocalErrorsCompleteAtOnceWithoutARequest) {
  RequestOptions o;
  o.extra_headers.emplace_back("X-Evil", "a\r\nInjected: yes");
  Future<Item> f = detail::call_async<Item>(async(), get("/items/1"), o, "Item");
  EXPECT_TRUE(f.is_ready());
  Result<Item> r = f.get();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kInvalidArgument);
  EXPECT_EQ(fake->request_count(), 0u);
}

TEST_F(AsyncCallTest, NonJsonTwoHundredIsADecodeErrorWithResponseMetadata) {
  fake->enqueue(FakeTransport::json(200, "<html>", {{"X-Request-ID", "req_html"}}));
  Result<Item> r = detail::call_async<Item>(async(), get("/items/1"), {}, "Item").get();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kDecode);
  EXPECT_EQ(r.error().request_id(), "req_html");
  EXPECT_NE(r.error().message().find("Item"), std::string::npos);
}

TEST_F(AsyncCallTest, VoidCallsSucceedOnNoContent) {
  fake->enqueue(FakeTransport::empty(204));
  detail::ApiRequest del = get("/items/1");
  del.method = "DELETE";
  Result<void> r = detail::call_async_void(async(), del, {}).get();
  EXPECT_TRUE(r);
  EXPECT_EQ(fake->last_request().method, "DELETE");
}

TEST_F(AsyncCallTest, RawCallsKeepTheBody) {
  fake->enqueue_json(200, R"({"keys":[]})");
  auto r = detail::call_async_raw(async(), get("/sso/jwks/client_1"), {}).get();
  ASSERT_TRUE(r);
  EXPECT_EQ((*r)->body, R"({"keys":[]})");
}

TEST_F(AsyncCallTest, ACancelledTokenBeforeTheCallSendsNothing) {
  auto token = std::make_shared<CancellationToken>();
  token->cancel();
  RequestOptions o;
  o.cancellation = token;
  Result<Item> r = detail::call_async<Item>(async(), get("/items/1"), o, "Item").get();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kCancelled);
  EXPECT_EQ(fake->request_count(), 0u);
}

TEST_F(AsyncCallTest, HooksSeeEveryAttempt) {
  std::atomic<int> requests{0}, responses{0};
  ClientOptions o = test::fake_options(fake, &clock);
  o.hooks.on_request = [&](const HttpRequest&, int) { ++requests; };
  o.hooks.on_response = [&](const HttpRequest&, const Result<HttpResponse>&, int) { ++responses; };
  auto c = detail::CoreAccess::make<AsyncClientBase>(test::make_core(o));
  fake->enqueue_json(503, "{}");
  fake->enqueue_json(200, R"({"id":"i"})");
  ASSERT_TRUE(
      detail::call_async<Item>(detail::CoreAccess::async_core(c), get("/items/i"), {}, "Item")
          .get());
  EXPECT_EQ(requests, 2);
  EXPECT_EQ(responses, 2);
}

TEST_F(AsyncCallTest, CallsAfterShutdownFailWithCancelled) {
  client->shutdown();
  Future<Item> f = detail::call_async<Item>(async(), get("/items/1"), {}, "Item");
  ASSERT_TRUE(f.is_ready());
  EXPECT_EQ(f.get().error().kind(), ErrorKind::kCancelled);
  EXPECT_EQ(fake->request_count(), 0u);
}

TEST_F(AsyncCallTest, ManyThreadsShareOneClient) {
  fake->set_handler([](const HttpRequest& req) -> Result<HttpResponse> {
    const std::string id = req.url.substr(req.url.rfind('/') + 1);
    return FakeTransport::json(200, R"({"id":")" + id + R"("})");
  });
  constexpr int kThreads = 6, kPerThread = 40;
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      std::vector<Future<Item>> fs;
      for (int i = 0; i < kPerThread; ++i) {
        fs.push_back(detail::call_async<Item>(
            async(), get("/items/t" + std::to_string(t) + "_" + std::to_string(i)), {}, "Item"));
      }
      for (int i = 0; i < kPerThread; ++i) {
        Result<Item> r = fs[static_cast<std::size_t>(i)].get();
        if (r && r->id == "t" + std::to_string(t) + "_" + std::to_string(i)) ++ok;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok, kThreads * kPerThread);
  // A future completes just before its call leaves the registry (close() relies on that order),
  // so the last call may still be counted for a moment: wait for it, with a bound.
  const auto limit = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (client->in_flight() != 0 && std::chrono::steady_clock::now() < limit)
    std::this_thread::yield();
  EXPECT_EQ(client->in_flight(), 0u);
}

// ---- a non-blocking AsyncTransport -------------------------------------------------------------

struct AsyncTransportTest : ::testing::Test {
  std::shared_ptr<ScriptedAsyncTransport> transport = std::make_shared<ScriptedAsyncTransport>();
  test::FakeClock clock;
  std::unique_ptr<AsyncClientBase> client;
  void SetUp() override {
    ClientOptions o;
    o.api_key = test::kTestApiKey;
    o.clock = clock.clock();
    AsyncClientOptions ao;
    ao.transport = transport;
    client = std::make_unique<AsyncClientBase>(
        detail::CoreAccess::make<AsyncClientBase>(test::make_core(o), ao));
  }
};

TEST_F(AsyncTransportTest, AnswersFromAnotherThreadDriveRetries) {
  Future<Item> f = detail::call_async<Item>(detail::CoreAccess::async_core(*client),
                                            get("/items/a"), {}, "Item");
  auto first = transport->next();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->request.url, "https://api.workos.com/items/a");
  first->answer(FakeTransport::json(500, "{}"));
  auto second = transport->next();  // the retry, after a (recorded) backoff
  ASSERT_TRUE(second);
  second->answer(FakeTransport::json(200, R"({"id":"a"})"));
  Result<Item> r = f.get();
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->id, "a");
  EXPECT_EQ(clock.recorded_sleeps().size(), 1u);
}

// A transport that throws something other than a std::exception.
struct ThrowingAsyncTransport : AsyncTransport {
  std::atomic<int> sent{0};
  std::function<void()> send_async(HttpRequest, AsyncSendCallback) override {
    ++sent;
    throw 42;
  }
};

TEST(AsyncTransportThrows, ANonStandardExceptionIsAConnectionErrorNotABrokenPromise) {
  auto transport = std::make_shared<ThrowingAsyncTransport>();
  test::FakeClock clock;
  ClientOptions o;
  o.api_key = test::kTestApiKey;
  o.clock = clock.clock();
  o.max_retries = 1;
  AsyncClientOptions ao;
  ao.transport = transport;
  AsyncClientBase client(detail::CoreAccess::make<AsyncClientBase>(test::make_core(o), ao));
  Result<Item> r =
      detail::call_async<Item>(detail::CoreAccess::async_core(client), get("/items/t"), {}, "Item")
          .get();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kConnection) << r.error().to_string();
  EXPECT_NE(r.error().message().find("non-standard exception"), std::string::npos)
      << r.error().message();
  EXPECT_EQ(transport->sent.load(), 2);  // retried like any connection error
}

TEST_F(AsyncTransportTest, CancelAbortsTheAttemptInFlight) {
  Future<Item> f = detail::call_async<Item>(detail::CoreAccess::async_core(*client),
                                            get("/items/b"), {}, "Item");
  auto attempt = transport->next();
  ASSERT_TRUE(attempt);
  f.cancel();
  Result<Item> r = f.get();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kCancelled);
  EXPECT_EQ(transport->sent_count(), 1);  // not retried
}

TEST_F(AsyncTransportTest, ShutdownCancelsEveryCallInFlight) {
  std::vector<Future<Item>> fs;
  for (int i = 0; i < 5; ++i)
    fs.push_back(detail::call_async<Item>(detail::CoreAccess::async_core(*client), get("/items/c"),
                                          {}, "Item"));
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(transport->next());
  EXPECT_EQ(client->in_flight(), 5u);
  client.reset();  // destroys the client: every call completes with kCancelled
  for (auto& f : fs) {
    ASSERT_TRUE(f.is_ready());
    EXPECT_EQ(f.get().error().kind(), ErrorKind::kCancelled);
  }
}

TEST_F(AsyncTransportTest, ContinuationsRunOnTheClientsExecutor) {
  struct CountingExecutor : Executor {
    std::atomic<int> posted{0};
    std::shared_ptr<EventLoop> target = std::make_shared<EventLoop>();
    void post(std::function<void()> task) override {
      ++posted;
      target->post(std::move(task));
    }
  };
  auto exec = std::make_shared<CountingExecutor>();
  ClientOptions o;
  o.api_key = test::kTestApiKey;
  AsyncClientOptions ao;
  ao.transport = transport;
  ao.executor = exec;
  auto c = detail::CoreAccess::make<AsyncClientBase>(test::make_core(o), ao);
  Future<std::string> f =
      detail::call_async<Item>(detail::CoreAccess::async_core(c), get("/items/d"), {}, "Item")
          .then([](Result<Item> r) { return r.value().id; });
  transport->next()->answer(FakeTransport::json(200, R"({"id":"d"})"));
  EXPECT_EQ(f.get().value(), "d");
  EXPECT_GE(exec->posted, 1);
}

}  // namespace async_call_test
