// Copyright workos-cpp authors. Handwritten.
#pragma once

// The event loop behind workos::EventLoop (docs/adr/0007-async.md): a few LoopWorkers, each one
// thread that owns a libcurl multi handle, a timer heap and an inbox of tasks.
//
//   thread body:  run inbox tasks -> fire due timers -> curl_multi_poll(timeout = next timer)
//                 -> curl_multi_perform -> complete finished transfers -> repeat
//
// Other threads talk to a worker only through post() (inbox + curl_multi_wakeup). Everything
// else (timers, transfers) is touched only on the worker's own thread. On shutdown a worker
// drains: it aborts every transfer (kCancelled), fires every timer, runs every task until
// nothing is left, then marks itself dead; a task posted to a dead worker runs inline on the
// posting thread, so nothing ever waits for a loop that is gone.

#include <workos/async/async_transport.h>
#include <workos/async/event_loop.h>
#include <workos/async/executor.h>
#include <workos/transport.h>

#include <curl/curl.h>

#include "core/curl_easy.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <queue>
#include <thread>
#include <unordered_map>
#include <vector>

namespace workos::detail {

class LoopWorker;

/// One attempt on a worker's multi handle.
struct CurlTransfer {
  std::uint64_t id = 0;
  CURL* easy = nullptr;
  HttpRequest request;  // owns the URL and body libcurl points at
  CurlReceive rx;       // the answer being received
  curl_slist* headers = nullptr;
  AsyncSendCallback done;
  std::shared_ptr<const CancellationToken> also_cancel;
  char errbuf[CURL_ERROR_SIZE];
};

/// One I/O thread. post(), request_stop() and join_unless_self() are thread-safe; the rest must
/// be called on the worker's own thread (or, once the worker is dead, from anywhere: then they
/// complete at once with a cancellation).
class LoopWorker : public Executor, public std::enable_shared_from_this<LoopWorker> {
 public:
  using TimerId = std::uint64_t;
  using TransferId = std::uint64_t;

  explicit LoopWorker(const EventLoopOptions& options);
  ~LoopWorker() override;
  LoopWorker(const LoopWorker&) = delete;
  LoopWorker& operator=(const LoopWorker&) = delete;

  /// Starts the thread (it keeps the worker alive until it ends).
  void start();

  /// Queues `task` for the worker's thread; runs it inline when the worker is dead.
  void post(std::function<void()> task) override;
  /// True on this worker's thread.
  bool on_this_thread() const noexcept;
  /// True once shutdown started (calls should end with kCancelled).
  bool stopping() const noexcept { return stop_requested_.load(std::memory_order_acquire); }
  /// True once the thread drained and left (or never started).
  bool dead() const noexcept { return dead_.load(std::memory_order_acquire); }

  /// Runs `fn` after `delay` on this thread. During a drain, timers fire at once.
  TimerId add_timer(std::chrono::milliseconds delay, std::function<void()> fn);
  /// Forgets a timer that has not fired.
  void cancel_timer(TimerId id);

  /// Starts an HTTP attempt on this worker's multi handle. `done` runs once on this thread
  /// (inline when the worker is stopping or dead). `also_cancel` (may be null) aborts the
  /// transfer when set (checked from libcurl's progress callback).
  TransferId start_transfer(HttpRequest request, AsyncSendCallback done,
                            const CurlTransportOptions& curl,
                            std::shared_ptr<const CancellationToken> also_cancel);
  /// Aborts a transfer still running: its `done` gets kCancelled, inline.
  void abort_transfer(TransferId id);

  /// Asks the thread to drain and stop. Thread-safe; idempotent.
  void request_stop();
  /// Joins the thread, or detaches it when called on that very thread. Thread-safe.
  void join_unless_self();
  /// Detaches the thread if nobody joined it (the thread keeps the worker alive). Thread-safe.
  void detach_if_joinable();

 private:
  struct Timer {
    std::chrono::steady_clock::time_point when;
    TimerId id;
    bool operator>(const Timer& o) const noexcept {
      return when != o.when ? when > o.when : id > o.id;
    }
  };

  void run();
  bool run_inbox();
  void run_due_timers(bool all);
  int poll_timeout_ms() const;
  void perform();
  void finish_transfer(CurlTransfer* t, int curl_code, bool aborted_by_loop);
  void abort_all_transfers();
  void wake();
  static void run_task(std::function<void()>& task) noexcept;

  EventLoopOptions options_;
  CURLM* multi_ = nullptr;

  // Inbox (any thread).
  std::mutex inbox_mutex_;
  std::vector<std::function<void()>> inbox_;
  std::atomic<bool> wake_pending_{false};
  std::atomic<bool> stop_requested_{false};
  std::atomic<bool> dead_{false};

  // Thread handle.
  std::mutex thread_mutex_;
  std::thread thread_;

  // Worker-thread state.
  std::priority_queue<Timer, std::vector<Timer>, std::greater<Timer>> timer_heap_;
  std::unordered_map<TimerId, std::function<void()>> timers_;
  TimerId next_timer_ = 1;
  std::unordered_map<TransferId, std::unique_ptr<CurlTransfer>> transfers_;
  TransferId next_transfer_ = 1;
  std::vector<CURL*> idle_handles_;
};

/// The shared part of an EventLoop: its workers. Thread-safe.
class LoopImpl final : public Executor {
 public:
  explicit LoopImpl(const EventLoopOptions& options);
  ~LoopImpl() override;

  /// Posts to a worker (round robin).
  void post(std::function<void()> task) override;
  /// The worker for a new call (round robin).
  const std::shared_ptr<LoopWorker>& pick() noexcept;
  /// Stops and joins every worker (see EventLoop::shutdown).
  void shutdown();
  bool running() const noexcept { return !stopping_.load(std::memory_order_acquire); }
  int io_threads() const noexcept { return static_cast<int>(workers_.size()); }

 private:
  std::vector<std::shared_ptr<LoopWorker>> workers_;
  std::atomic<std::size_t> next_{0};
  std::atomic<bool> stopping_{false};
};

/// The worker whose thread is the current one, or null.
LoopWorker* current_worker() noexcept;

}  // namespace workos::detail
