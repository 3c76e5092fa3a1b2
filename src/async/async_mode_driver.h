// Copyright workos-cpp authors. Handwritten.
#pragma once

// The non-blocking form of core/mode_driver.h: the same operations on the event loop.

#include <workos/async/async_client_base.h>
#include <workos/async/future.h>
#include <workos/call_mode.h>
#include <workos/error.h>
#include <workos/options.h>
#include <workos/result.h>

#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "async/async_core.h"
#include "async/call_async.h"
#include "core/core_access.h"
#include "core/mode_driver.h"

namespace workos::detail {

template <>
struct ModeDriver<AsyncMode> {
  using Core = AsyncCore;

  template <class T>
  static Future<T> call(const std::shared_ptr<Core>& core, const Result<ApiRequest>& request,
                        const RequestOptions& options, std::string_view model) {
    return call_async<T>(core, request, options, model);
  }
  /// A future of `core` (a plain one without a core) that already holds `error`.
  template <class T>
  static Future<T> fail(const std::shared_ptr<Core>& core, Error error) {
    return ready_async<T>(core, std::move(error));
  }
  /// `next(result)` on the thread that completes `reply`; `next` must own what it uses.
  template <class T, class Next>
  static auto then(Future<T> reply, Next&& next) {
    return reply.then(inline_executor(), std::forward<Next>(next));
  }
  /// A future that already holds `value` (no executor: continuations run inline).
  template <class T>
  static Future<T> ready(T value) {
    return make_ready_future(Result<T>(std::move(value)));
  }
  /// `next(value)` once `outcome` completes with a value; a failed `outcome` (cancelled, client
  /// shut down) fails the result with its error. `next` may return a value, a `Result` or a
  /// future.
  template <class T, class Next>
  static auto then_value(Future<T> outcome, Next next) {
    using R = std::invoke_result_t<Next&, T&&>;
    using U = typename ThenValue<R>::type;
    using Out = std::conditional_t<IsFuture<R>::value, R, Result<U>>;
    return outcome.then(inline_executor(), [next = std::move(next)](Result<T> r) mutable -> Out {
      if (!r) {
        if constexpr (IsFuture<R>::value) {
          return make_ready_future(Result<U>(r.error()));
        } else {
          return r.error();
        }
      }
      return next(std::move(*r));
    });
  }
  /// The SDK's URL builders answer at once (no I/O); a connection that does not (a fake
  /// answering later) is an error rather than a blocking wait, which could stall an event-loop
  /// thread.
  static Result<std::string> take_now(Future<std::string> reply) {
    if (!reply.is_ready()) {
      reply.cancel();
      return Error(ErrorKind::kInvalidArgument,
                   "get_authorization_url_with_pkce: the connection's get_authorization_url did "
                   "not answer at once");
    }
    return reply.get();
  }
  static std::shared_ptr<Core> core_of(const AsyncClientBase& client) {
    return CoreAccess::async_core(client);
  }
  static const ClientCore* client_core(const std::shared_ptr<Core>& core) noexcept {
    return core ? &core->client() : nullptr;
  }
  static std::shared_ptr<ClientCore> client_core_ptr(const std::shared_ptr<Core>& core) {
    return core ? core->client_ptr() : nullptr;
  }
};

}  // namespace workos::detail
