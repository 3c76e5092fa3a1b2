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

using workos::detail::make_async_promise;
using workos::detail::ready_async;

/// Runs `task` on `core`'s event loop (inline without a core, or once the loop is gone).
inline void post_to_loop(const std::shared_ptr<workos::detail::AsyncCore>& core,
                         std::function<void()> task) {
  if (core) {
    core->fallback()->post(std::move(task));
  } else {
    task();
  }
}

}  // namespace workos::auth::detail
