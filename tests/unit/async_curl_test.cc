// Copyright workos-cpp authors. Handwritten.
// The event loop's libcurl multi transport against the loopback server: requests in flight
// on one I/O thread, connection reuse, cancellation mid-transfer, destruction with requests in
// flight, per-attempt timeout, deadline, refused connections, a caller's token during a
// backoff, throwing continuations, and shared loops.

#include <gtest/gtest.h>

#include <workos/async/async_client_base.h>

#include <atomic>
#include <set>
#include <stdexcept>
#include <thread>

#include "async/call_async.h"
#include "core/core_access.h"
#include "support/core_test_helpers.h"
#include "support/loopback_server.h"

namespace async_curl_test {

using namespace workos;
namespace json = workos::detail::json;

struct Item {
  std::string id;
};

void read(json::Value v, Item& it, json::DecodeContext& c) {
  json::ObjectReader r(v, c);
  if (!r.ok()) return;
  for (auto f : r.fields())
    if (f.key == "id") json::field(c, "Item", "id", f.value, it.id, true);
}

detail::ApiRequest get(std::string path) {
  detail::ApiRequest r;
  r.path = std::move(path);
  return r;
}

ClientOptions options_for(const test::LoopbackServer& server) {
  ClientOptions o;
  o.api_key = test::kTestApiKey;
  o.base_url = server.base_url();
  o.retry.initial_backoff = std::chrono::milliseconds(1);
  o.retry.max_backoff = std::chrono::milliseconds(2);
  return o;
}

void echo_id(const httplib::Request& req, httplib::Response& res) {
  const std::string id = req.path.substr(req.path.rfind('/') + 1);
  res.set_content(R"({"id":")" + id + R"("})", "application/json");
}

TEST(AsyncCurl, GetsOverLoopbackWithTheSdkHeaders) {
  test::LoopbackServer server;
  server.set_default(echo_id);
  AsyncClientBase client(options_for(server));
  Result<Item> r = detail::call_async<Item>(detail::CoreAccess::async_core(client),
                                            get("/items/item_1"), {}, "Item")
                       .get();
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->id, "item_1");
  auto reqs = server.requests();
  ASSERT_EQ(reqs.size(), 1u);
  EXPECT_EQ(reqs[0].header("Authorization"), std::string("Bearer ") + test::kTestApiKey);
  EXPECT_EQ(reqs[0].header("User-Agent").rfind("workos-cpp/", 0), 0u);
  EXPECT_FALSE(reqs[0].has_header("Expect"));
}

TEST(AsyncCurl, ManyRequestsInFlightOnOneThreadReuseTheirConnections) {
  constexpr int kInFlight = 24;
  test::LoopbackServer server(kInFlight + 8);
  // Hold the first wave at the gate until all of it arrived: it is really in flight at once.
  std::atomic<int> arrived{0};
  server.set_default([&](const httplib::Request& req, httplib::Response& res) {
    if (arrived.fetch_add(1) < kInFlight) server.wait_at_gate();
    echo_id(req, res);
  });
  AsyncClientBase client(options_for(server));
  ASSERT_EQ(client.loop()->io_threads(), 1);
  std::vector<Future<Item>> wave;
  for (int i = 0; i < kInFlight; ++i) {
    wave.push_back(detail::call_async<Item>(detail::CoreAccess::async_core(client),
                                            get("/items/a" + std::to_string(i)), {}, "Item"));
  }
  ASSERT_TRUE(server.wait_for_requests(kInFlight));
  EXPECT_EQ(client.in_flight(), static_cast<std::size_t>(kInFlight));
  server.release();
  for (int i = 0; i < kInFlight; ++i) {
    Result<Item> r = wave[static_cast<std::size_t>(i)].get();
    ASSERT_TRUE(r) << r.error().to_string();
    EXPECT_EQ(r->id, "a" + std::to_string(i));
  }
  // A second and third wave reuse the open connections.
  for (int round = 0; round < 2; ++round) {
    std::vector<Future<Item>> more;
    for (int i = 0; i < kInFlight; ++i)
      more.push_back(detail::call_async<Item>(detail::CoreAccess::async_core(client),
                                              get("/items/b"), {}, "Item"));
    for (auto& f : more) ASSERT_TRUE(f.get());
  }
  std::set<int> ports;
  for (const auto& r : server.requests()) ports.insert(r.remote_port);
  EXPECT_EQ(server.request_count(), static_cast<std::size_t>(3 * kInFlight));
  EXPECT_LE(ports.size(), static_cast<std::size_t>(kInFlight));
}

TEST(AsyncCurl, CancelMidTransferCompletesWithCancelled) {
  test::LoopbackServer server;
  server.set_default([&](const httplib::Request& req, httplib::Response& res) {
    server.wait_at_gate();
    echo_id(req, res);
  });
  AsyncClientBase client(options_for(server));
  Future<Item> f = detail::call_async<Item>(detail::CoreAccess::async_core(client),
                                            get("/items/slow"), {}, "Item");
  ASSERT_TRUE(server.wait_for_requests(1));
  f.cancel();
  Result<Item> r = f.get();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kCancelled);
  EXPECT_EQ(server.request_count(), 1u);  // not retried
  server.release();
}

TEST(AsyncCurl, DestroyingTheClientWithRequestsInFlightCancelsThem) {
  test::LoopbackServer server(40);
  server.set_default([&](const httplib::Request& req, httplib::Response& res) {
    server.wait_at_gate();
    echo_id(req, res);
  });
  std::vector<Future<Item>> fs;
  {
    AsyncClientBase client(options_for(server));
    for (int i = 0; i < 16; ++i)
      fs.push_back(detail::call_async<Item>(detail::CoreAccess::async_core(client), get("/items/x"),
                                            {}, "Item"));
    ASSERT_TRUE(server.wait_for_requests(16));
  }
  for (auto& f : fs) {
    ASSERT_TRUE(f.is_ready());
    Result<Item> r = f.get();
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind(), ErrorKind::kCancelled);
  }
  server.release();
}

TEST(AsyncCurl, DestroyingTheClientDuringABackoffCancelsTheRetry) {
  test::LoopbackServer server;
  server.set_default([](const httplib::Request&, httplib::Response& res) {
    res.status = 503;
    res.set_header("Retry-After", "30");
    res.set_content("{}", "application/json");
  });
  Future<Item> f;
  {
    AsyncClientBase client(options_for(server));
    f = detail::call_async<Item>(detail::CoreAccess::async_core(client), get("/items/y"), {},
                                 "Item");
    ASSERT_TRUE(server.wait_for_requests(1));
  }
  ASSERT_TRUE(f.is_ready());
  EXPECT_EQ(f.get().error().kind(), ErrorKind::kCancelled);
}

TEST(AsyncCurl, PerAttemptTimeoutIsATimeoutError) {
  test::LoopbackServer server;
  server.set_default([&](const httplib::Request& req, httplib::Response& res) {
    server.wait_at_gate();
    echo_id(req, res);
  });
  AsyncClientBase client(options_for(server));
  RequestOptions o;
  o.timeout = std::chrono::milliseconds(100);
  o.max_retries = 1;
  Result<Item> r =
      detail::call_async<Item>(detail::CoreAccess::async_core(client), get("/items/t"), o, "Item")
          .get();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kTimeout);
  EXPECT_EQ(r.error().attempts(), 2);
  server.release();
}

TEST(AsyncCurl, DeadlineStopsRetriesThatWouldWaitPastIt) {
  test::LoopbackServer server;
  server.set_default([](const httplib::Request&, httplib::Response& res) {
    res.status = 503;
    res.set_header("Retry-After", "5");
    res.set_content("{}", "application/json");
  });
  AsyncClientBase client(options_for(server));
  RequestOptions o;
  o.deadline = std::chrono::seconds(2);
  Result<Item> r =
      detail::call_async<Item>(detail::CoreAccess::async_core(client), get("/items/d"), o, "Item")
          .get();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kTimeout);
  EXPECT_EQ(server.request_count(), 1u);
}

TEST(AsyncCurl, RefusedConnectionsAreRetriedThenReported) {
  ClientOptions o;
  o.api_key = test::kTestApiKey;
  o.base_url = "http://127.0.0.1:" + std::to_string(test::refused_port());
  o.retry.initial_backoff = std::chrono::milliseconds(1);
  o.max_retries = 2;
  AsyncClientBase client(o);
  Result<Item> r =
      detail::call_async<Item>(detail::CoreAccess::async_core(client), get("/items/r"), {}, "Item")
          .get();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kConnection);
  EXPECT_EQ(r.error().attempts(), 3);
}

TEST(AsyncCurl, ACallersTokenCancelsDuringABackoff) {
  test::LoopbackServer server;
  server.set_default([](const httplib::Request&, httplib::Response& res) {
    res.status = 429;
    res.set_header("Retry-After", "30");
    res.set_content("{}", "application/json");
  });
  AsyncClientBase client(options_for(server));
  auto token = std::make_shared<CancellationToken>();
  RequestOptions o;
  o.cancellation = token;
  Future<Item> f =
      detail::call_async<Item>(detail::CoreAccess::async_core(client), get("/items/c"), o, "Item");
  ASSERT_TRUE(server.wait_for_requests(1));
  token->cancel();
  Result<Item> r = f.get();  // noticed within one poll slice, not after 30 s
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kCancelled);
  EXPECT_EQ(server.request_count(), 1u);
}

TEST(AsyncCurl, AThrowingContinuationDoesNotKillTheLoop) {
  test::LoopbackServer server;
  server.set_default(echo_id);
  AsyncClientBase client(options_for(server));
  Future<int> bad =
      detail::call_async<Item>(detail::CoreAccess::async_core(client), get("/items/1"), {}, "Item")
          .then([](Result<Item>) -> int { throw std::runtime_error("user bug"); });
  Result<int> r = bad.get();
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message().find("user bug"), std::string::npos);
  // The loop still serves calls.
  EXPECT_TRUE(
      detail::call_async<Item>(detail::CoreAccess::async_core(client), get("/items/2"), {}, "Item")
          .get());
}

TEST(AsyncCurl, ChainedCallsFromContinuationsDoNotDeadlock) {
  test::LoopbackServer server;
  server.set_default(echo_id);
  AsyncClientBase client(options_for(server));
  auto core = detail::CoreAccess::async_core(client);
  Future<std::string> f =
      detail::call_async<Item>(core, get("/items/first"), {}, "Item")
          .then([core](Result<Item> r) {
            // Runs on the loop thread: start the next call from there.
            return detail::call_async<Item>(core, get("/items/after_" + r.value().id), {}, "Item");
          })
          .then([](Result<Item> r) { return r.value().id; });
  EXPECT_EQ(f.get().value(), "after_first");
  // then() on an already completed future, on the test thread.
  Future<Item> done = detail::call_async<Item>(core, get("/items/z"), {}, "Item");
  done.wait();
  EXPECT_EQ(done.then([](Result<Item> r) { return r.value().id; }).get().value(), "z");
}

TEST(AsyncCurl, TwoClientsOnOneLoopCancelOnlyTheirOwnCalls) {
  test::LoopbackServer server(16);
  server.on("GET", "/items/slow", [&](const httplib::Request& req, httplib::Response& res) {
    server.wait_at_gate();
    echo_id(req, res);
  });
  server.set_default(echo_id);
  auto loop = std::make_shared<EventLoop>();
  AsyncClientOptions ao;
  ao.loop = loop;
  AsyncClientBase keeper(options_for(server), ao);
  Future<Item> slow;
  {
    AsyncClientBase doomed(options_for(server), ao);
    slow = detail::call_async<Item>(detail::CoreAccess::async_core(doomed), get("/items/slow"), {},
                                    "Item");
    ASSERT_TRUE(server.wait_for_requests(1));
  }
  ASSERT_TRUE(slow.is_ready());
  EXPECT_EQ(slow.get().error().kind(), ErrorKind::kCancelled);
  EXPECT_TRUE(loop->running());
  EXPECT_TRUE(
      detail::call_async<Item>(detail::CoreAccess::async_core(keeper), get("/items/ok"), {}, "Item")
          .get());
  server.release();
}

TEST(AsyncCurl, SeveralIoThreadsServeCallsFromManyThreads) {
  // cpp-httplib keeps one server thread per open connection: stay well below its pool size
  // (each I/O thread has its own connections).
  test::LoopbackServer server(64);
  server.set_default(echo_id);
  AsyncClientOptions ao;
  ao.io_threads = 2;
  AsyncClientBase client(options_for(server), ao);
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 5; ++round) {
        std::vector<Future<Item>> fs;
        for (int i = 0; i < 5; ++i) {
          fs.push_back(detail::call_async<Item>(
              detail::CoreAccess::async_core(client),
              get("/items/" + std::to_string(t * 100 + round * 10 + i)), {}, "Item"));
        }
        for (int i = 0; i < 5; ++i) {
          Result<Item> r = fs[static_cast<std::size_t>(i)].get();
          if (r && r->id == std::to_string(t * 100 + round * 10 + i)) ++ok;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok, 100);
}

}  // namespace async_curl_test
