// Copyright workos-cpp authors. Handwritten.
#pragma once

// AsyncCore: the shared state of one AsyncClient (and its copies and services): the sync
// ClientCore it shares configuration with, the event loop, the way attempts are sent, and the
// registry of calls in flight (so destroying the client cancels exactly its own calls).
//
// AsyncCallOp (async_core.cc) is the asynchronous driver of detail::CallPlan: the same plan as
// the sync ClientCore::execute, with the transport call replaced by a non-blocking send on the
// op's home LoopWorker and the backoff sleep replaced by a loop timer.

#include <workos/async/async_client_base.h>
#include <workos/async/async_transport.h>
#include <workos/async/event_loop.h>
#include <workos/async/executor.h>
#include <workos/async/future.h>

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <utility>

#include "core/call.h"
#include "core/request_pipeline.h"

namespace workos::detail {

class AsyncCallOp;
class LoopImpl;

/// Thread-safe.
class AsyncCore : public std::enable_shared_from_this<AsyncCore> {
 public:
  using Answer = CallPlan::Answer;
  /// Receives the outcome of one logical call (2xx answer or mapped error), exactly once.
  using Done = std::function<void(Answer)>;

  /// How attempts are sent.
  enum class SendMode {
    kCurl,   ///< the loop's own libcurl multi handle
    kAsync,  ///< AsyncClientOptions::transport
    kSync,   ///< the ClientOptions' custom (blocking) Transport, called on the loop thread
  };

  static std::shared_ptr<AsyncCore> create(std::shared_ptr<ClientCore> client,
                                           const AsyncClientOptions& options);
  ~AsyncCore();
  AsyncCore(const AsyncCore&) = delete;
  AsyncCore& operator=(const AsyncCore&) = delete;

  /// The sync core: resolved options, logger, URL building, decode errors.
  const ClientCore& client() const noexcept { return *client_; }
  const std::shared_ptr<ClientCore>& client_ptr() const noexcept { return client_; }
  const std::shared_ptr<EventLoop>& loop() const noexcept { return loop_; }
  /// AsyncClientOptions::executor (may be null).
  const std::shared_ptr<Executor>& executor() const noexcept { return executor_; }
  /// Where continuations attached to a completed future run when `executor()` is null.
  std::shared_ptr<Executor> fallback() const noexcept;
  SendMode send_mode() const noexcept { return mode_; }
  const std::shared_ptr<AsyncTransport>& async_transport() const noexcept {
    return async_transport_;
  }

  /// Starts one call. `done` runs once: on a loop thread, or inline when the call fails its
  /// local checks or the client is shut down. Returns the canceller (empty when already done).
  std::function<void()> start(const ApiRequest& request, const RequestOptions& options, Done done);

  /// Cancels every call in flight, stops the loop when the client owns it, and waits (bounded,
  /// never on a loop thread) until they completed. Later calls fail with kCancelled.
  void close();
  bool closed() const;
  std::size_t in_flight() const;

  /// Called by an op when it is done (or destroyed).
  void unregister(std::uint64_t id);

 private:
  AsyncCore() = default;

  std::shared_ptr<ClientCore> client_;
  std::shared_ptr<EventLoop> loop_;
  bool owns_loop_ = false;
  std::shared_ptr<Executor> executor_;
  SendMode mode_ = SendMode::kCurl;
  std::shared_ptr<AsyncTransport> async_transport_;

  mutable std::mutex mutex_;
  std::condition_variable cv_;
  bool closed_ = false;
  std::uint64_t next_id_ = 1;
  std::unordered_map<std::uint64_t, std::weak_ptr<AsyncCallOp>> ops_;
};

/// A promise whose future behaves like the SDK's own futures of `core` (continuations attached
/// after completion are posted to the loop or the client's executor); a plain promise when
/// `core` is null (a helper built over a connection only).
template <class T>
std::shared_ptr<Promise<T>> make_async_promise(const std::shared_ptr<AsyncCore>& core) {
  if (!core) return std::make_shared<Promise<T>>();
  return std::make_shared<Promise<T>>(core->fallback(), core->executor());
}

/// A future of `core` that is complete with `result` (a local error, or an answer that needs
/// no request).
template <class T>
Future<T> ready_async(const std::shared_ptr<AsyncCore>& core, Result<T> result) {
  std::shared_ptr<Promise<T>> p = make_async_promise<T>(core);
  Future<T> f = p->get_future();
  p->set_result(std::move(result));
  return f;
}

}  // namespace workos::detail
