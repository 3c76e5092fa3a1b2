// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// `workos::AsyncClientBase`: the handwritten part of `workos::AsyncClient` (the event loop,
/// the shared configuration and the bookkeeping of calls in flight). The generated
/// `workos/async_client.h` derives `AsyncClient` from it and adds one async service per module.
/// See docs/async.md and docs/adr/0007-async.md.
///
/// ## The shape of the generated async surface (contract for codegen/)
///
/// For every module `<module>` with sync service `<Module>Service` the generator emits:
///
/// `include/workos/<module>/async_service.h` (includes `<workos/<module>/service.h>` for the
/// parameter structs, `<workos/async/future.h>` and `<workos/async/async_page.h>`):
/// @code
/// namespace workos::<module> {
/// // The seam: one virtual per operation, one HTTP call each, no pagination. Same names and
/// // parameters as <Module>Connection; `Result<X>` becomes `Future<X>` (Result<void> ->
/// // Future<void>, Result<Page<T>> -> Future<Page<T>>). Functions not overridden return a
/// // ready future with a kConfiguration error "... is not implemented by this connection".
/// class Async<Module>Connection {
///  public:
///   virtual ~Async<Module>Connection();
///   virtual Future<Page<Organization>> list_organizations(const ListOrganizationsParams& params,
///                                                         const RequestOptions& options);
///   virtual Future<Organization> get_organization(std::string_view id,
///                                                 const RequestOptions& options);
///   virtual Future<void> delete_organization(std::string_view id, const RequestOptions& options);
/// };
/// std::shared_ptr<Async<Module>Connection> make_async_<module>_connection(
///     std::shared_ptr<detail::AsyncCore> core);
///
/// // The service: a cheap value type, thread-safe. Same method names, parameters and default
/// // arguments as <Module>Service (including the `also` shorthands); return types:
/// //   Result<X>             -> Future<X>
/// //   Result<void>          -> Future<void>
/// //   Result<Page<T>>       -> Future<AsyncPage<T>>   (next page on demand; auto_paging())
/// //   Result<std::string>   -> Future<std::string>    (URL builders: ready at once, no I/O)
/// class Async<Module>Service {
///  public:
///   explicit Async<Module>Service(std::shared_ptr<Async<Module>Connection> connection);
///   explicit Async<Module>Service(std::shared_ptr<detail::AsyncCore> core);
///   Future<AsyncPage<Organization>> list_organizations(const ListOrganizationsParams& params = {},
///                                                      const RequestOptions& options = {}) const;
///   Future<Organization> get_organization(std::string_view id,
///                                         const RequestOptions& options = {}) const;
///   const std::shared_ptr<Async<Module>Connection>& connection() const noexcept;
///  private:
///   std::shared_ptr<Async<Module>Connection> connection_;
/// };
/// }  // namespace workos::<module>
/// @endcode
///
/// `src/<module>/service.cc` (the module's one combined source, which includes
/// "async/call_async.h"): the connection bodies build the `detail::ApiRequest` with the same
/// generated `request_for_<op>(...)` function as the sync ones, then
/// @code
///   return detail::call_async<Organization>(core_, req, options, "Organization");   // model
///   return detail::call_async_void(core_, req, options);                            // no body
///   return detail::call_async<Page<Organization>>(core_, req, options, "OrganizationList");
///   return make_ready_future(Result<std::string>(core_->client().url_for(req, options)));
/// @endcode
/// (`core_` is the `std::shared_ptr<detail::AsyncCore>`; `core_->client()` the sync
/// `detail::ClientCore`), and the service's list methods add the fetcher exactly like the sync
/// `_page_body`, through `detail::to_async_page`:
/// @code
/// Future<AsyncPage<Organization>> AsyncOrganizationsService::list_organizations(
///     const ListOrganizationsParams& params, const RequestOptions& options) const {
///   return detail::to_async_page<Organization>(
///       connection_->list_organizations(params, options),
///       [connection = connection_, params, options](const std::string& cursor) {
///         ListOrganizationsParams next = params;
///         next.after = cursor;
///         next.before.reset();
///         return AsyncOrganizationsService(connection).list_organizations(next, options);
///       });
/// }
/// @endcode
///
/// `include/workos/async_client.h`:
/// @code
/// namespace workos {
/// class AsyncClient : public AsyncClientBase {
///  public:
///   explicit AsyncClient(const Client& client, AsyncClientOptions options = {});
///   explicit AsyncClient(ClientOptions options = {}, AsyncClientOptions async_options = {});
///   const organizations::AsyncOrganizationsService& organizations() const noexcept;  // one per
///   module
///  private:
///   organizations::AsyncOrganizationsService organizations_;  // built from async_core()
/// };
/// }
/// @endcode
/// and `workos/workos.h` includes `workos/async_client.h`. A unit test (generated) checks that
/// every method of every `<Module>Service` has its twin in `Async<Module>Service` with the same
/// parameter types (std::is_invocable on the member pointers, per the mapping above).

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
  long max_total_connections = 0;
  long max_host_connections = 0;
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
  /// Async calls over an existing core (for the SDK's own helpers and tests).
  explicit AsyncClientBase(std::shared_ptr<detail::ClientCore> core,
                           AsyncClientOptions options = {});
  AsyncClientBase(const AsyncClientBase&) = default;
  AsyncClientBase& operator=(const AsyncClientBase&) = default;
  AsyncClientBase(AsyncClientBase&&) noexcept = default;
  AsyncClientBase& operator=(AsyncClientBase&&) noexcept = default;
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

  /// The sync request core shared with the `Client`.
  const std::shared_ptr<detail::ClientCore>& core() const noexcept;
  /// The async request core (for the generated services and the SDK's own helpers).
  const std::shared_ptr<detail::AsyncCore>& async_core() const noexcept { return async_core_; }

 private:
  std::shared_ptr<detail::AsyncCore> async_core_;
  // Shared by copies; when the last one goes, the deleter shuts the core down.
  std::shared_ptr<detail::AsyncCore> owner_;
};

}  // namespace workos
