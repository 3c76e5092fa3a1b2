// Copyright workos-cpp authors. Handwritten.
// workos::Future / Promise: results, chaining (values, Results, futures, void), where
// continuations run, exceptions in continuations, cancellation, broken promises, when_all.

#include <gtest/gtest.h>

#include <workos/async/future.h>

#include <atomic>
#include <deque>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace async_future_test {

using namespace workos;

/// Queues tasks; the test runs them explicitly. Thread-safe.
struct ManualExecutor : Executor {
  std::mutex mutex;
  std::deque<std::function<void()>> tasks;
  void post(std::function<void()> task) override {
    std::lock_guard<std::mutex> lock(mutex);
    tasks.push_back(std::move(task));
  }
  std::size_t size() {
    std::lock_guard<std::mutex> lock(mutex);
    return tasks.size();
  }
  void run_all() {
    for (;;) {
      std::function<void()> t;
      {
        std::lock_guard<std::mutex> lock(mutex);
        if (tasks.empty()) return;
        t = std::move(tasks.front());
        tasks.pop_front();
      }
      t();
    }
  }
};

TEST(AsyncFuture, GetReturnsTheValueSetOnAnotherThread) {
  Promise<int> p;
  Future<int> f = p.get_future();
  std::thread t([p = std::move(p)]() mutable { p.set_value(42); });
  Result<int> r = f.get();
  t.join();
  ASSERT_TRUE(r);
  EXPECT_EQ(*r, 42);
  EXPECT_FALSE(f.valid());
}

TEST(AsyncFuture, GetTwiceReportsAnEmptyFuture) {
  Future<int> f = make_ready_future(Result<int>(1));
  EXPECT_EQ(f.get().value(), 1);
  Result<int> again = f.get();
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind(), ErrorKind::kInvalidArgument);
}

TEST(AsyncFuture, ErrorsPassThroughGet) {
  Promise<std::string> p;
  Future<std::string> f = p.get_future();
  p.set_error(Error(ErrorKind::kTimeout, "too slow"));
  Result<std::string> r = f.get();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kTimeout);
  EXPECT_EQ(r.error().message(), "too slow");
}

TEST(AsyncFuture, WaitForIsFalseUntilCompletedThenTrue) {
  Promise<int> p;
  Future<int> f = p.get_future();
  EXPECT_FALSE(f.wait_for(std::chrono::milliseconds(0)));
  EXPECT_FALSE(f.is_ready());
  p.set_value(3);
  EXPECT_TRUE(f.wait_for(std::chrono::milliseconds(0)));
  EXPECT_TRUE(f.is_ready());
}

TEST(AsyncFuture, ThenMapsValuesResultsAndVoid) {
  Promise<int> p;
  Future<std::string> s =
      p.get_future()
          .then([](Result<int> r) { return *r + 1; })
          .then([](Result<int> r) -> Result<std::string> { return std::to_string(*r) + "!"; });
  std::atomic<bool> ran{false};
  Future<void> done = std::move(s).then([&ran](Result<std::string> r) {
    EXPECT_EQ(*r, "8!");
    ran = true;
  });
  p.set_value(7);
  Result<void> r = done.get();
  EXPECT_TRUE(r);
  EXPECT_TRUE(ran);
}

TEST(AsyncFuture, ThenFlattensAReturnedFuture) {
  Promise<int> outer;
  Promise<std::string> inner;
  Future<std::string> inner_future = inner.get_future();
  std::atomic<bool> asked{false};
  Future<std::string> chained = outer.get_future().then([&](Result<int>) mutable {
    asked = true;
    return std::move(inner_future);
  });
  outer.set_value(1);
  EXPECT_TRUE(asked);
  EXPECT_FALSE(chained.is_ready());
  inner.set_value("inner");
  EXPECT_EQ(chained.get().value(), "inner");
}

TEST(AsyncFuture, ErrorReachesTheContinuationAsAResult) {
  Promise<int> p;
  Future<int> f = p.get_future().then([](Result<int> r) -> Result<int> {
    if (!r) return r.error();
    return *r;
  });
  p.set_error(Error(ErrorKind::kConnection, "reset"));
  Result<int> r = f.get();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kConnection);
}

TEST(AsyncFuture, ContinuationAttachedBeforeCompletionRunsOnTheCompletingThread) {
  Promise<int> p;
  std::thread::id ran_on;
  Future<void> f = p.get_future().then([&](Result<int>) { ran_on = std::this_thread::get_id(); });
  std::thread t([&] { p.set_value(1); });
  const std::thread::id setter = t.get_id();
  t.join();
  f.get().value();
  EXPECT_EQ(ran_on, setter);
}

TEST(AsyncFuture, ContinuationOnACompletedFutureIsPostedToItsExecutorNotRunInline) {
  auto exec = std::make_shared<ManualExecutor>();
  Promise<int> p(exec);
  Future<int> f = p.get_future();
  p.set_value(5);
  std::atomic<int> seen{0};
  Future<void> g = f.then([&](Result<int> r) { seen = *r; });
  // Not run inside then(): a caller holding a lock there cannot deadlock.
  EXPECT_EQ(seen, 0);
  EXPECT_EQ(exec->size(), 1u);
  exec->run_all();
  EXPECT_EQ(seen, 5);
  EXPECT_TRUE(g.get());
}

TEST(AsyncFuture, ContinuationOnACompletedFutureWithoutExecutorRunsInline) {
  std::atomic<int> seen{0};
  Future<void> g = make_ready_future(Result<int>(9)).then([&](Result<int> r) { seen = *r; });
  EXPECT_EQ(seen, 9);
  EXPECT_TRUE(g.is_ready());
}

TEST(AsyncFuture, ThenWithAnExecutorPostsTheContinuationThere) {
  auto exec = std::make_shared<ManualExecutor>();
  Promise<int> p;
  std::atomic<int> seen{0};
  Future<void> g = p.get_future().then(exec, [&](Result<int> r) { seen = *r; });
  p.set_value(4);
  EXPECT_EQ(seen, 0);
  ASSERT_EQ(exec->size(), 1u);
  exec->run_all();
  EXPECT_EQ(seen, 4);
  EXPECT_TRUE(g.get());
}

TEST(AsyncFuture, DefaultExecutorOfThePromiseReceivesEveryContinuation) {
  auto exec = std::make_shared<ManualExecutor>();
  Promise<int> p(nullptr, exec);
  std::atomic<int> seen{0};
  Future<void> g = p.get_future().then([&](Result<int> r) { seen = *r; });
  p.set_value(2);
  EXPECT_EQ(seen, 0);
  exec->run_all();
  EXPECT_EQ(seen, 2);
  EXPECT_TRUE(g.get());
}

TEST(AsyncFuture, ThrowingContinuationCompletesItsFutureWithAnError) {
  Promise<int> p;
  Future<int> f = p.get_future().then([](Result<int>) -> int { throw std::runtime_error("boom"); });
  p.set_value(1);
  Result<int> r = f.get();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kInvalidArgument);
  EXPECT_NE(r.error().message().find("boom"), std::string::npos);
}

TEST(AsyncFuture, ValueInsideAContinuationRethrowsTheCallsOwnError) {
  Promise<int> p;
  Future<int> f = p.get_future().then([](Result<int> r) { return r.value() + 1; });
  p.set_error(Error(ErrorKind::kTimeout, "deadline"));
  Result<int> r = f.get();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kTimeout);
  EXPECT_EQ(r.error().message(), "deadline");
}

TEST(AsyncFuture, CancelCallsTheCancellerOnce) {
  Promise<int> p;
  std::atomic<int> calls{0};
  p.set_canceller([&] {
    ++calls;
    p.set_error(Error(ErrorKind::kCancelled, "stopped"));
  });
  Future<int> f = p.get_future();
  f.cancel();
  f.cancel();
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(f.get().error().kind(), ErrorKind::kCancelled);
}

TEST(AsyncFuture, CancelWithoutCancellerCompletesWithCancelled) {
  Promise<int> p;
  Future<int> f = p.get_future();
  f.cancel();
  EXPECT_FALSE(p.set_value(1));  // too late: the future is already complete
  EXPECT_TRUE(p.cancel_requested());
  EXPECT_EQ(f.get().error().kind(), ErrorKind::kCancelled);
}

TEST(AsyncFuture, CancellingAChainedFutureCancelsTheUpstreamOperation) {
  Promise<int> p;
  std::atomic<bool> upstream_cancelled{false};
  p.set_canceller([&] {
    upstream_cancelled = true;
    p.set_error(Error(ErrorKind::kCancelled, "stopped"));
  });
  Future<std::string> f = p.get_future().then([](Result<int> r) -> Result<std::string> {
    if (!r) return r.error();
    return std::string("never");
  });
  f.cancel();
  EXPECT_TRUE(upstream_cancelled);
  EXPECT_EQ(f.get().error().kind(), ErrorKind::kCancelled);
}

TEST(AsyncFuture, CancellingAfterFlatteningCancelsTheInnerFuture) {
  Promise<int> outer;
  Promise<int> inner;
  std::atomic<bool> inner_cancelled{false};
  inner.set_canceller([&] { inner_cancelled = true; });
  Future<int> inner_future = inner.get_future();
  Future<int> f = outer.get_future().then([&](Result<int>) { return std::move(inner_future); });
  outer.set_value(1);
  f.cancel();
  EXPECT_TRUE(inner_cancelled);
  inner.set_error(Error(ErrorKind::kCancelled, "inner stopped"));
  EXPECT_EQ(f.get().error().message(), "inner stopped");
}

TEST(AsyncFuture, DestroyedPromiseCompletesItsFutureWithCancelled) {
  Future<int> f;
  {
    Promise<int> p;
    f = p.get_future();
  }
  Result<int> r = f.get();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kCancelled);
}

TEST(AsyncFuture, VoidFuturesCompleteWithSuccessOrError) {
  Promise<void> ok;
  Future<void> a = ok.get_future();
  ok.set_value();
  EXPECT_TRUE(a.get());
  Promise<void> bad;
  Future<void> b = bad.get_future();
  bad.set_error(Error(ErrorKind::kApi, "no"));
  EXPECT_FALSE(b.get());
}

TEST(AsyncFuture, WhenAllKeepsOrderAndEachResult) {
  Promise<int> a, b, c;
  std::vector<Future<int>> fs;
  fs.push_back(a.get_future());
  fs.push_back(b.get_future());
  fs.push_back(c.get_future());
  Future<std::vector<Result<int>>> all = when_all(std::move(fs));
  c.set_value(3);
  a.set_value(1);
  EXPECT_FALSE(all.is_ready());
  b.set_error(Error(ErrorKind::kApi, "b failed"));
  std::vector<Result<int>> rs = all.get().value();
  ASSERT_EQ(rs.size(), 3u);
  EXPECT_EQ(*rs[0], 1);
  EXPECT_FALSE(rs[1]);
  EXPECT_EQ(*rs[2], 3);
}

TEST(AsyncFuture, WhenAllOfNothingIsReadyAtOnce) {
  Future<std::vector<Result<int>>> all = when_all(std::vector<Future<int>>());
  ASSERT_TRUE(all.is_ready());
  EXPECT_TRUE(all.get().value().empty());
}

TEST(AsyncFuture, LongChainsOnReadyFuturesComplete) {
  Future<int> f = make_ready_future(Result<int>(0));
  for (int i = 0; i < 2000; ++i) f = f.then([](Result<int> r) { return *r + 1; });
  EXPECT_EQ(f.get().value(), 2000);
}

TEST(AsyncFuture, ManyThreadsCompletingAndChainingConcurrently) {
  constexpr int kN = 200;
  std::vector<Promise<int>> ps(kN);
  std::vector<Future<int>> fs;
  for (auto& p : ps) fs.push_back(p.get_future().then([](Result<int> r) { return *r * 2; }));
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = t; i < kN; i += 4) ps[static_cast<std::size_t>(i)].set_value(i);
    });
  }
  for (auto& t : threads) t.join();
  for (int i = 0; i < kN; ++i) EXPECT_EQ(fs[static_cast<std::size_t>(i)].get().value(), 2 * i);
}

}  // namespace async_future_test
