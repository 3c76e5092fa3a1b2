// Copyright workos-cpp authors. Handwritten.
#pragma once

// The non-blocking form of core/mode_driver.h: the same operations on the event loop.

#include <workos/async/future.h>
#include <workos/call_mode.h>
#include <workos/error.h>
#include <workos/options.h>
#include <workos/result.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "async/async_core.h"
#include "async/call_async.h"
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
  static const ClientCore* client_core(const std::shared_ptr<Core>& core) noexcept {
    return core ? &core->client() : nullptr;
  }
};

}  // namespace workos::detail
