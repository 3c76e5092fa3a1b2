// Copyright workos-cpp authors. Handwritten.
// co_await on workos::Future and coroutines returning workos::Future (C++20). Compiled into
// workos_async_cxx20_tests with -std=c++20 (tests/unit/async_tests.cmake); in the C++17 unit
// suite this file is empty by design (the header must compile there without coroutines).

#include <workos/async/future.h>

#if defined(WORKOS_HAS_COROUTINES)

#include <gtest/gtest.h>

#include <workos/async/async_client_base.h>
#include <workos/async/event_loop.h>

#include <stdexcept>
#include <string>
#include <thread>

#include "async/call_async.h"
#include "core/core_access.h"
#include "support/core_test_helpers.h"
#include "support/loopback_server.h"

namespace async_coroutine_test {

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

Future<int> add_one(Future<int> f) {
  Result<int> r = co_await f;
  if (!r) co_return r.error();
  co_return *r + 1;
}

Future<void> nothing(Future<int> f) {
  Result<int> r = co_await f;
  (void)r;
  co_return;
}

Future<int> throws(Future<int> f) {
  Result<int> r = co_await f;
  (void)r;
  throw std::runtime_error("coroutine bug");
}

TEST(AsyncCoroutine, AwaitsAReadyFutureWithoutSuspending) {
  EXPECT_EQ(add_one(make_ready_future(Result<int>(1))).get().value(), 2);
}

TEST(AsyncCoroutine, ResumesWhenThePromiseIsSetOnAnotherThread) {
  Promise<int> p;
  Future<int> f = add_one(p.get_future());
  EXPECT_FALSE(f.is_ready());
  std::thread t([&] { p.set_value(41); });
  EXPECT_EQ(f.get().value(), 42);
  t.join();
}

TEST(AsyncCoroutine, ErrorsAndVoidCoroutines) {
  Result<int> r = add_one(make_ready_future(Result<int>(Error(ErrorKind::kTimeout, "late")))).get();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kTimeout);
  EXPECT_TRUE(nothing(make_ready_future(Result<int>(1))).get());
}

TEST(AsyncCoroutine, AnExceptionInTheCoroutineBecomesAnError) {
  Result<int> r = throws(make_ready_future(Result<int>(1))).get();
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message().find("coroutine bug"), std::string::npos);
}

// GCC 12 destroys temporaries of a `co_await` full-expression twice when the awaited operation
// resumes the coroutine (here `RequestOptions{}` and the default arguments of a service method;
// the same class of bug as the GCC 12 double free reported for captures in co_await
// expressions): with GCC < 13 keep the call in its own statement and co_await the named future.
Future<std::string> two_calls(std::shared_ptr<detail::AsyncCore> core) {
  detail::ApiRequest a;
  a.path = "/items/first";
  RequestOptions options;
  Future<Item> first_call = detail::call_async<Item>(core, a, options, "Item");
  Result<Item> first = co_await first_call;
  if (!first) co_return first.error();
  detail::ApiRequest b;
  b.path = "/items/after_" + first->id;
  Future<Item> second_call = detail::call_async<Item>(core, b, options, "Item");
  Result<Item> second = co_await second_call;
  if (!second) co_return second.error();
  co_return second->id;
}

TEST(AsyncCoroutine, SequentialCallsOverTheEventLoop) {
  test::LoopbackServer server;
  server.set_default([](const httplib::Request& req, httplib::Response& res) {
    res.set_content(R"({"id":")" + req.path.substr(req.path.rfind('/') + 1) + R"("})",
                    "application/json");
  });
  ClientOptions o;
  o.api_key = test::kTestApiKey;
  o.base_url = server.base_url();
  AsyncClientBase client(o);
  EXPECT_EQ(two_calls(detail::CoreAccess::async_core(client)).get().value(), "after_first");
  EXPECT_EQ(server.request_count(), 2u);
}

}  // namespace async_coroutine_test

#endif  // WORKOS_HAS_COROUTINES
