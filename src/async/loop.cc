// Copyright workos-cpp authors. Handwritten.
// LoopWorker: one I/O thread of the event loop (inbox, timers, the thread body and the drain on
// shutdown). The libcurl transfers it runs are in curl_multi.cc. Design: docs/adr/0007-async.md.

#include "async/loop.h"

#include <workos/async/async_page.h>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <thread>

namespace workos::detail {

namespace {

thread_local LoopWorker* tls_worker = nullptr;

// Upper bound of one curl_multi_poll wait; the loop re-checks its state at least this often.
constexpr int kMaxPollMs = 1000;

}  // namespace

LoopWorker* current_worker() noexcept {
  return tls_worker;
}

bool on_event_loop_thread() noexcept {
  return tls_worker != nullptr;
}

LoopWorker::LoopWorker(const EventLoopOptions& options) : options_(options) {
  ensure_curl_initialized();
  multi_ = curl_multi_init();
  if (multi_) {
    // HTTP/2 multiplexing where the server offers it (libcurl's default since 7.62; explicit).
    curl_multi_setopt(multi_, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
    if (options_.max_total_connections > 0)
      curl_multi_setopt(multi_, CURLMOPT_MAX_TOTAL_CONNECTIONS, options_.max_total_connections);
    if (options_.max_host_connections > 0)
      curl_multi_setopt(multi_, CURLMOPT_MAX_HOST_CONNECTIONS, options_.max_host_connections);
    if (options_.max_idle_connections > 0)
      curl_multi_setopt(multi_, CURLMOPT_MAXCONNECTS, options_.max_idle_connections);
  }
}

LoopWorker::~LoopWorker() {
  // Normally the thread cleaned up after its drain; this covers a worker that never ran.
  for (CURL* h : idle_handles_) curl_easy_cleanup(h);
  if (multi_) curl_multi_cleanup(multi_);
}

void LoopWorker::start() {
  if (!multi_) {
    // Without a multi handle nothing can be sent: the worker is dead from the start and every
    // call completes at once with a cancellation.
    stop_requested_.store(true, std::memory_order_release);
    dead_.store(true, std::memory_order_release);
    return;
  }
  std::lock_guard<std::mutex> lock(thread_mutex_);
  thread_ = std::thread([self = shared_from_this()] { self->run(); });
}

bool LoopWorker::on_this_thread() const noexcept {
  return tls_worker == this;
}

void LoopWorker::run_task(std::function<void()>& task) noexcept {
  try {
    if (task) task();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "workos: a task on the event loop threw: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "workos: a task on the event loop threw a non-standard exception\n");
  }
}

void LoopWorker::post(std::function<void()> task) {
  {
    std::lock_guard<std::mutex> lock(inbox_mutex_);
    if (!dead_.load(std::memory_order_acquire)) {
      inbox_.push_back(std::move(task));
      // On the worker's own thread no wakeup is needed: the loop runs the inbox again before it
      // polls (and polls without waiting while the inbox is not empty).
      if (on_this_thread()) return;
      // The wakeup is written under the inbox lock: the worker marks itself dead under the same
      // lock before it frees the multi handle.
      if (!wake_pending_.exchange(true, std::memory_order_acq_rel)) curl_multi_wakeup(multi_);
      return;
    }
  }
  run_task(task);
}

void LoopWorker::wake() {
  std::lock_guard<std::mutex> lock(inbox_mutex_);
  if (!dead_.load(std::memory_order_acquire)) curl_multi_wakeup(multi_);
}

bool LoopWorker::run_inbox() {
  std::vector<std::function<void()>> tasks;
  wake_pending_.store(false, std::memory_order_release);
  {
    std::lock_guard<std::mutex> lock(inbox_mutex_);
    tasks.swap(inbox_);
  }
  for (auto& task : tasks) run_task(task);
  return !tasks.empty();
}

LoopWorker::TimerId LoopWorker::add_timer(std::chrono::milliseconds delay,
                                          std::function<void()> fn) {
  if (dead()) {
    // The loop is gone: fire now, on the calling thread.
    run_task(fn);
    return 0;
  }
  const TimerId id = next_timer_++;
  timers_.emplace(id, std::move(fn));
  timer_heap_.push(
      Timer{std::chrono::steady_clock::now() + std::max(delay, std::chrono::milliseconds(0)), id});
  return id;
}

void LoopWorker::cancel_timer(TimerId id) {
  if (dead()) return;
  timers_.erase(id);  // its heap entry is skipped when it comes up
}

void LoopWorker::run_due_timers(bool all) {
  const auto now = std::chrono::steady_clock::now();
  while (!timer_heap_.empty()) {
    const Timer top = timer_heap_.top();
    if (!all && top.when > now) break;
    timer_heap_.pop();
    auto it = timers_.find(top.id);
    if (it == timers_.end()) continue;  // cancelled
    std::function<void()> fn = std::move(it->second);
    timers_.erase(it);
    run_task(fn);
  }
}

int LoopWorker::poll_timeout_ms() const {
  if (timer_heap_.empty()) return kMaxPollMs;
  const auto left = std::chrono::ceil<std::chrono::milliseconds>(timer_heap_.top().when -
                                                                 std::chrono::steady_clock::now());
  return static_cast<int>(std::clamp<long long>(left.count(), 0, kMaxPollMs));
}

void LoopWorker::request_stop() {
  if (stop_requested_.exchange(true, std::memory_order_acq_rel)) return;
  wake();
}

void LoopWorker::join_unless_self() {
  std::unique_lock<std::mutex> lock(thread_mutex_, std::try_to_lock);
  if (!lock.owns_lock()) {
    // Another thread is joining this worker right now. On the worker's own thread we must not
    // wait for it (it waits for us); elsewhere, wait for that join to end.
    if (on_this_thread()) return;
    lock.lock();
  }
  if (!thread_.joinable()) return;
  if (thread_.get_id() == std::this_thread::get_id()) {
    thread_.detach();  // the thread holds a reference to this worker; it ends after the drain
    return;
  }
  thread_.join();
}

void LoopWorker::detach_if_joinable() {
  std::unique_lock<std::mutex> lock(thread_mutex_, std::try_to_lock);
  if (!lock.owns_lock()) return;  // being joined right now
  if (thread_.joinable()) thread_.detach();
}

void LoopWorker::run() {
  tls_worker = this;
  while (!stopping()) {
    run_inbox();
    run_due_timers(false);
    if (stopping()) break;
    bool pending_tasks = false;
    {
      std::lock_guard<std::mutex> lock(inbox_mutex_);
      pending_tasks = !inbox_.empty();
    }
    curl_multi_poll(multi_, nullptr, 0, pending_tasks ? 0 : poll_timeout_ms(), nullptr);
    perform();
  }
  // Drain: every transfer ends with kCancelled, every timer fires (its call sees the loop
  // stopping and ends with kCancelled), every task runs, until nothing is left.
  for (;;) {
    abort_all_transfers();
    run_due_timers(true);
    const bool ran = run_inbox();
    if (!ran && timers_.empty() && transfers_.empty()) {
      std::lock_guard<std::mutex> lock(inbox_mutex_);
      if (inbox_.empty()) {
        dead_.store(true, std::memory_order_release);
        break;
      }
    }
  }
  // Nobody touches the multi handle any more (post() sees dead_ under the inbox lock).
  while (!timer_heap_.empty()) timer_heap_.pop();
  for (CURL* h : idle_handles_) curl_easy_cleanup(h);
  idle_handles_.clear();
  curl_multi_cleanup(multi_);
  multi_ = nullptr;
  tls_worker = nullptr;
}

// ---------------------------------------------------------------------------------------------

LoopImpl::LoopImpl(const EventLoopOptions& options) {
  const int n = std::max(1, options.io_threads);
  workers_.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) workers_.push_back(std::make_shared<LoopWorker>(options));
  for (auto& w : workers_) w->start();
}

LoopImpl::~LoopImpl() {
  shutdown();
  // Destroyed on a loop thread: the threads not joined finish their drain on their own (each
  // holds its worker).
  for (auto& w : workers_) w->detach_if_joinable();
}

void LoopImpl::post(std::function<void()> task) {
  pick()->post(std::move(task));
}

const std::shared_ptr<LoopWorker>& LoopImpl::pick() noexcept {
  if (workers_.size() == 1) return workers_.front();
  // Prefer the worker we are on: a call made from a continuation stays on its thread.
  if (LoopWorker* w = current_worker()) {
    for (const auto& candidate : workers_)
      if (candidate.get() == w) return candidate;
  }
  return workers_[next_.fetch_add(1, std::memory_order_relaxed) % workers_.size()];
}

void LoopImpl::shutdown() {
  stopping_.store(true, std::memory_order_release);
  for (auto& w : workers_) w->request_stop();
  if (on_event_loop_thread()) {
    // Never block on a loop thread (of this loop or another): every worker drains by itself;
    // our own thread is detached, the others are joined by whoever destroys the loop.
    for (auto& w : workers_)
      if (w->on_this_thread()) w->detach_if_joinable();
    return;
  }
  for (auto& w : workers_) w->join_unless_self();
}

std::weak_ptr<void> current_loop_handle() {
  LoopWorker* w = current_worker();
  if (!w) return {};
  return w->weak_from_this();
}

Future<void> delay_on_loop(const std::weak_ptr<void>& loop, std::chrono::milliseconds delay) {
  if (delay.count() <= 0) return make_ready_future();
  std::shared_ptr<LoopWorker> worker = std::static_pointer_cast<LoopWorker>(loop.lock());
  auto promise = std::make_shared<Promise<void>>();
  Future<void> waited = promise->get_future();
  if (!worker) {
    // No loop known yet (every answer so far completed before the pager waited on it, so no
    // continuation ran on a loop thread): a short-lived thread takes this one wait.
    std::thread([delay, promise] {
      std::this_thread::sleep_for(delay);
      promise->set_value();
    }).detach();
    return waited;
  }
  // Timers belong to the worker's thread; a worker that is gone fires them at once.
  worker->post(
      [worker, delay, promise] { worker->add_timer(delay, [promise] { promise->set_value(); }); });
  return waited;
}

}  // namespace workos::detail
