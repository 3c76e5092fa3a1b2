// Copyright workos-cpp authors. Handwritten.
#pragma once

// Small pieces shared by the async twins of the handwritten helpers:
// promises and ready futures that follow the async client's executor rules, and the hop back
// onto the event loop. Internal.

#include <workos/async/executor.h>
#include <workos/async/future.h>
#include <workos/result.h>

#include <functional>
#include <memory>
#include <string>
#include <utility>

#include "async/async_core.h"

namespace workos::auth::detail {

/// A promise whose future behaves like the SDK's own futures of `core` (continuations attached
/// after completion are posted to the loop or the client's executor); a plain promise when
/// `core` is null (a helper built over a connection only).
template <class T>
std::shared_ptr<Promise<T>> make_async_promise(
    const std::shared_ptr<workos::detail::AsyncCore>& core) {
  if (!core) return std::make_shared<Promise<T>>();
  return std::make_shared<Promise<T>>(core->fallback(), core->executor());
}

/// A future of `core` that is complete with `result` (a local error, or an answer that needs
/// no request).
template <class T>
Future<T> ready_async(const std::shared_ptr<workos::detail::AsyncCore>& core, Result<T> result) {
  std::shared_ptr<Promise<T>> p = make_async_promise<T>(core);
  Future<T> f = p->get_future();
  p->set_result(std::move(result));
  return f;
}

/// Runs `task` on `core`'s event loop (inline without a core, or once the loop is gone).
inline void post_to_loop(const std::shared_ptr<workos::detail::AsyncCore>& core,
                         std::function<void()> task) {
  if (core) {
    core->fallback()->post(std::move(task));
  } else {
    task();
  }
}

/// The URL of an async URL builder. The SDK's builders answer at once (no I/O); a connection
/// that does not (a fake answering later) is an error rather than a blocking wait, which could
/// stall an event-loop thread.
inline Result<std::string> take_ready_url(Future<std::string> url) {
  if (!url.is_ready()) {
    url.cancel();
    return Error(ErrorKind::kInvalidArgument,
                 "get_authorization_url_with_pkce: the connection's get_authorization_url did "
                 "not answer at once");
  }
  return url.get();
}

/// The sync request core behind `core`, or null.
inline const workos::detail::ClientCore* sync_core(
    const std::shared_ptr<workos::detail::AsyncCore>& core) noexcept {
  return core ? &core->client() : nullptr;
}

}  // namespace workos::auth::detail
