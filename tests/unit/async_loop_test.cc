// Copyright workos-cpp authors. Handwritten.
// workos::EventLoop: tasks run on loop threads, throwing tasks do not kill it, shutdown drains
// and never hangs (also from a loop thread), blocking get() on a loop thread is refused.

#include <gtest/gtest.h>

#include <workos/async/event_loop.h>
#include <workos/async/future.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

namespace async_loop_test {

using namespace workos;

/// Waits (bounded) for a condition set by another thread.
struct Latch {
  std::mutex mutex;
  std::condition_variable cv;
  int count = 0;
  void arrive() {
    std::lock_guard<std::mutex> lock(mutex);
    ++count;
    cv.notify_all();
  }
  bool wait_for(int n) {
    std::unique_lock<std::mutex> lock(mutex);
    return cv.wait_for(lock, std::chrono::seconds(10), [&] { return count >= n; });
  }
};

TEST(AsyncLoop, PostedTasksRunOnALoopThread) {
  EventLoop loop;
  Promise<bool> p;
  Future<bool> f = p.get_future();
  loop.post([&p] { p.set_value(detail::on_event_loop_thread()); });
  EXPECT_TRUE(f.get().value());
  EXPECT_FALSE(detail::on_event_loop_thread());
  EXPECT_EQ(loop.io_threads(), 1);
}

TEST(AsyncLoop, SeveralIoThreadsShareTheTasks) {
  EventLoopOptions o;
  o.io_threads = 3;
  EventLoop loop(o);
  EXPECT_EQ(loop.io_threads(), 3);
  std::mutex mutex;
  std::set<std::thread::id> ids;
  Latch latch;
  for (int i = 0; i < 30; ++i) {
    loop.post([&] {
      {
        std::lock_guard<std::mutex> lock(mutex);
        ids.insert(std::this_thread::get_id());
      }
      latch.arrive();
    });
  }
  ASSERT_TRUE(latch.wait_for(30));
  std::lock_guard<std::mutex> lock(mutex);
  EXPECT_EQ(ids.size(), 3u);  // round robin
}

TEST(AsyncLoop, AThrowingTaskDoesNotStopTheLoop) {
  EventLoop loop;
  loop.post([] { throw std::runtime_error("task failed"); });
  Promise<int> p;
  Future<int> f = p.get_future();
  loop.post([&p] { p.set_value(1); });
  EXPECT_EQ(f.get().value(), 1);
  EXPECT_TRUE(loop.running());
}

TEST(AsyncLoop, ShutdownRunsQueuedTasksAndLaterPostsRunInline) {
  EventLoop loop;
  std::atomic<int> ran{0};
  for (int i = 0; i < 100; ++i) loop.post([&] { ++ran; });
  loop.shutdown();
  EXPECT_EQ(ran, 100);
  EXPECT_FALSE(loop.running());
  bool inline_ran = false;
  loop.post([&] { inline_ran = true; });
  EXPECT_TRUE(inline_ran);
  loop.shutdown();  // idempotent
}

TEST(AsyncLoop, GetOnALoopThreadFailsInsteadOfDeadlocking) {
  EventLoop loop;
  Promise<int> never;  // completed only at the end of the test
  Future<int> pending = never.get_future();
  Promise<ErrorKind> out;
  Future<ErrorKind> kind = out.get_future();
  loop.post([&] {
    Result<int> r = pending.get();
    out.set_value(r ? ErrorKind::kApi : r.error().kind());
  });
  EXPECT_EQ(kind.get().value(), ErrorKind::kInvalidArgument);
  never.set_value(1);
}

TEST(AsyncLoop, ShutdownFromALoopThreadDoesNotDeadlock) {
  auto loop = std::make_shared<EventLoop>();
  Promise<bool> p;
  Future<bool> f = p.get_future();
  loop->post([&] {
    loop->shutdown();  // on the loop's own thread: stops without joining itself
    p.set_value(loop->running());
  });
  EXPECT_FALSE(f.get().value());
  loop.reset();  // joins (or the thread already finished)
}

TEST(AsyncLoop, LastReferenceDroppedOnTheLoopThreadIsSafe) {
  auto loop = std::make_shared<EventLoop>();
  Latch latch;
  EventLoop* raw = loop.get();
  raw->post([loop = std::move(loop), &latch]() mutable {
    loop.reset();  // destroys the EventLoop on its own thread
    latch.arrive();
  });
  EXPECT_TRUE(latch.wait_for(1));
}

TEST(AsyncLoop, ManyThreadsPostConcurrently) {
  EventLoopOptions o;
  o.io_threads = 2;
  EventLoop loop(o);
  std::atomic<int> ran{0};
  Latch latch;
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 500; ++i) {
        loop.post([&] {
          if (++ran == 8 * 500) latch.arrive();
        });
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_TRUE(latch.wait_for(1));
  EXPECT_EQ(ran, 8 * 500);
}

}  // namespace async_loop_test
