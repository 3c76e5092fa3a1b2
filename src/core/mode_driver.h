// Copyright workos-cpp authors. Handwritten.
#pragma once

// How a helper written once over a call mode (<workos/call_mode.h>) sends and chains, in its
// blocking form. The helpers' member templates are defined in their module's internal header
// (src/<module>/*_impl.h) in terms of `ModeDriver<Mode>`; the sync .cc instantiates them with
// this driver, the async .cc with the one in async/async_mode_driver.h: each behaviour written
// once, no async code in a helper's blocking object (the generated grants.cc holds both forms).

#include <workos/call_mode.h>
#include <workos/client_base.h>
#include <workos/error.h>
#include <workos/options.h>
#include <workos/result.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "core/call.h"
#include "core/core_access.h"

namespace workos::detail {

template <class Mode>
struct ModeDriver;

template <>
struct ModeDriver<SyncMode> {
  using Core = ClientCore;

  /// Sends `request` and decodes the 2xx answer into `T` (`model` names it in decode errors).
  template <class T>
  static Result<T> call(const std::shared_ptr<Core>& core, const Result<ApiRequest>& request,
                        const RequestOptions& options, std::string_view model) {
    if (!request) return request.error();
    return detail::call<T>(*core, *request, options, model);
  }
  /// A reply that already failed with `error`, before any request.
  template <class T>
  static Result<T> fail(const std::shared_ptr<Core>& /*core*/, Error error) {
    return error;
  }
  /// `next(result)` once `reply` is done: here, at once.
  template <class T, class Next>
  static auto then(Result<T> reply, Next&& next) {
    return std::forward<Next>(next)(std::move(reply));
  }
  /// An outcome that is already known.
  template <class T>
  static T ready(T value) {
    return value;
  }
  /// `next(value)` once `outcome` (a value that carries its own failure) is known: here, at once.
  template <class T, class Next>
  static auto then_value(T outcome, Next&& next) {
    return std::forward<Next>(next)(std::move(outcome));
  }
  /// The value of a reply that needs no I/O (a URL builder's).
  static Result<std::string> take_now(Result<std::string> reply) { return reply; }
  /// The request core of a client of this form.
  static std::shared_ptr<Core> core_of(const ClientBase& client) {
    return CoreAccess::core(client);
  }
  /// The sync request core (client id, API key, base URL), or null.
  static const ClientCore* client_core(const std::shared_ptr<Core>& core) noexcept {
    return core.get();
  }
  /// The same, shared (a helper that keeps it).
  static std::shared_ptr<ClientCore> client_core_ptr(const std::shared_ptr<Core>& core) {
    return core;
  }
};

}  // namespace workos::detail
