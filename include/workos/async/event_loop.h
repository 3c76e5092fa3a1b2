// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// `workos::EventLoop`: the I/O threads of the async client. Each thread runs a libcurl multi
/// handle (HTTP/2 multiplexing when offered, connection reuse) plus a timer heap for retries and
/// backoff, and serves any number of requests in flight. An `AsyncClient` makes its own loop
/// (one thread by default); several clients can share one. See docs/adr/0007-async.md.

#include <workos/async/executor.h>

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>

namespace workos {

namespace detail {
class LoopImpl;
struct CoreAccess;
}  // namespace detail

/// Configuration of an `EventLoop`.
struct EventLoopOptions {
  /// Number of I/O threads (at least 1). One thread serves thousands of requests in flight;
  /// more help only when decoding large answers keeps one core busy.
  int io_threads = 1;
  /// Upper bound of open connections per I/O thread (0 = no bound). Requests beyond it wait for
  /// a free connection inside libcurl.
  long max_total_connections = 0;
  /// Upper bound of open connections to one host per I/O thread (0 = no bound).
  long max_host_connections = 0;
  /// Idle connections kept for reuse per I/O thread. (libcurl's own default, 4 x the transfers
  /// in progress, would close connections as a burst of calls winds down.)
  long max_idle_connections = 256;
};

/// A set of I/O threads with timers; also an `Executor` (tasks run on a loop thread).
///
/// Thread-safe. Destroying it (or `shutdown()`) completes everything still in flight on it with
/// `ErrorKind::kCancelled`, then joins its threads; nothing hangs and no callback runs after
/// the destructor returned, except a task posted later, which runs inline on the posting thread.
///
/// @code
/// auto loop = std::make_shared<workos::EventLoop>();      // shared by two clients
/// workos::AsyncClientOptions ao;
/// ao.loop = loop;
/// workos::AsyncClient a(client_a, ao), b(client_b, ao);
/// @endcode
class EventLoop : public Executor {
 public:
  /// Starts `options.io_threads` threads.
  explicit EventLoop(EventLoopOptions options = {});
  /// Calls `shutdown()`.
  ~EventLoop() override;
  EventLoop(const EventLoop&) = delete;
  EventLoop& operator=(const EventLoop&) = delete;

  /// Runs `task` on a loop thread (round robin). A task that throws is logged to stderr and
  /// dropped; the loop keeps running. After shutdown, runs `task` inline.
  void post(std::function<void()> task) override;

  /// Cancels every transfer and timer (their calls complete with `kCancelled`), runs the tasks
  /// already posted, and joins the threads. Idempotent. Called on a loop thread, it stops the
  /// loop without joining that thread (it ends once the current task returns).
  void shutdown();

  /// Number of I/O threads.
  int io_threads() const noexcept;
  /// False once `shutdown()` started.
  bool running() const noexcept;

 private:
  friend struct detail::CoreAccess;
  const std::shared_ptr<detail::LoopImpl>& impl() const noexcept { return impl_; }
  std::shared_ptr<detail::LoopImpl> impl_;
};

}  // namespace workos
