// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// `workos::AsyncClientBase`: the handwritten part of `workos::AsyncClient` (the event loop,
/// the shared configuration and the bookkeeping of calls in flight). The generated
/// `workos/async_client.h` derives `AsyncClient` from it and adds one async service per module.
/// See docs/async.md and docs/adr/0007-async.md.

#include <workos/async/async_page.h>
#include <workos/async/async_transport.h>
#include <workos/async/event_loop.h>
#include <workos/async/executor.h>
#include <workos/async/future.h>
#include <workos/client_base.h>
#include <workos/options.h>

#include <cstddef>
#include <memory>
#include <string>

namespace workos {

namespace detail {
class AsyncCore;
class ClientCore;
}  // namespace detail

/// Configuration of the async side of a client (the rest comes from `ClientOptions`: API key,
/// base URL, timeouts, retries, hooks, logger, clock, curl options).
struct AsyncClientOptions {
  /// I/O threads of the client's own event loop (ignored when `loop` is set).
  int io_threads = 1;
  /// Run on this loop (shared with other clients) instead of making one. The client keeps it
  /// alive; destroying the client cancels only its own calls.
  std::shared_ptr<EventLoop> loop;
  /// Where continuations (`then`, `co_await`) of this client's futures run. Null: on the
  /// loop thread that completes the future (they must not block there).
  std::shared_ptr<Executor> executor;
  /// Sends the attempts instead of the loop's libcurl. Null: libcurl on the loop, or, when the
  /// `ClientOptions` had a custom (blocking) `Transport` such as `testing::FakeTransport`, that
  /// transport called on the loop thread (fine for in-memory fakes; a slow one stalls the loop).
  std::shared_ptr<AsyncTransport> transport;
  /// Connection bounds of the client's own loop (see `EventLoopOptions`).
  long max_total_connections = 0;  ///< In all; 0: the loop's default.
  long max_host_connections = 0;   ///< Per host; 0: the loop's default.
};

/// The handwritten base of `AsyncClient`: shares the configuration (and the `ClientCore`) of a
/// sync client and runs calls on an event loop (DESIGN §6).
///
/// Copies share everything. When the last copy is destroyed (or `shutdown()` is called) every
/// call still in flight completes with `ErrorKind::kCancelled`, the client's own loop is
/// stopped and joined, and later calls fail at once with `kCancelled`; nothing crashes or hangs.
/// Thread-safe: one instance may be used from many threads at once.
class AsyncClientBase {
 public:
  /// Async calls with the configuration of `client`.
  explicit AsyncClientBase(const ClientBase& client, AsyncClientOptions options = {});
  /// Resolves `options` like `Client` does; on a configuration error throws
  /// `ConfigurationError` (aborts with the message when exceptions are disabled).
  explicit AsyncClientBase(ClientOptions options, AsyncClientOptions async_options = {});
  ///@{
  /// Copies share the client (see the class comment); a moved-from client is only assigned to
  /// or destroyed.
  AsyncClientBase(const AsyncClientBase&) = default;
  AsyncClientBase& operator=(const AsyncClientBase&) = default;
  AsyncClientBase(AsyncClientBase&&) noexcept = default;
  AsyncClientBase& operator=(AsyncClientBase&&) noexcept = default;
  ///@}
  ~AsyncClientBase();

  /// Resolved options (environment and defaults applied), shared with the sync client.
  const ClientOptions& options() const noexcept;
  /// The client id, may be empty.
  const std::string& client_id() const noexcept;
  /// The base URL in use, without a trailing slash.
  const std::string& base_url() const noexcept;

  /// Cancels every call in flight (they complete with `kCancelled`), stops the client's own
  /// loop, and makes later calls fail with `kCancelled`. Idempotent; thread-safe. Blocks until
  /// the calls completed, except when called on an event-loop thread.
  void shutdown();
  /// Calls started and not yet completed.
  std::size_t in_flight() const;
  /// The event loop the calls run on.
  const std::shared_ptr<EventLoop>& loop() const noexcept;

 protected:
  /// The sync request core shared with the `Client`.
  const std::shared_ptr<detail::ClientCore>& core() const noexcept;
  /// The async request core (for the generated services and the SDK's own helpers).
  const std::shared_ptr<detail::AsyncCore>& async_core() const noexcept { return async_core_; }

 private:
  friend struct detail::CoreAccess;
  /// Async calls over an existing core.
  explicit AsyncClientBase(std::shared_ptr<detail::ClientCore> core,
                           AsyncClientOptions options = {});
  std::shared_ptr<detail::AsyncCore> async_core_;
  // Shared by copies; when the last one goes, the deleter shuts the core down.
  std::shared_ptr<detail::AsyncCore> owner_;
};

}  // namespace workos
