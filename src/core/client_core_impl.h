// Copyright workos-cpp authors. Handwritten.
#pragma once

// Private state of ClientCore, shared by the sync driver (client_core.cc) and the async one
// (async/async_core.cc): both run the same detail::CallPlan (request_pipeline.h).

#include <workos/options.h>
#include <workos/transport.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "core/call.h"

namespace workos::detail {

struct ClientCore::Impl {
  std::shared_ptr<Transport> transport;
  /// `workos-cpp/<version> (<compiler>; <os>)[ <suffix>]`, built once.
  std::string user_agent;
  /// True when the user injected `Clock::sleep` (then it is called once per backoff; the
  /// default sleep is sliced so cancellation is noticed during a backoff).
  bool custom_sleep = false;
  /// True when the user injected `ClientOptions::transport` (the async client then calls that
  /// transport instead of its own libcurl event loop).
  bool custom_transport = false;
};

/// The `User-Agent` value without suffix: `workos-cpp/<version> (<compiler>; <os>)`.
std::string base_user_agent();

/// The overall deadline of a call made with `options`: its own, else the client's default.
inline const std::optional<std::chrono::milliseconds>& call_deadline(
    const ClientCore& core, const RequestOptions& options) noexcept {
  return options.deadline ? options.deadline : core.options().deadline;
}

/// Waits `delay` through the client's clock (the calling thread's own sleep without a client).
/// An injected `Clock::sleep` is called once with the whole delay; the real sleep, when `cancel`
/// is set, in slices of `slice`, so that a cancellation ends the wait soon after it happens.
void sleep_on_clock(const ClientCore* core, std::chrono::milliseconds delay,
                    const CancellationToken* cancel, std::chrono::milliseconds slice);

}  // namespace workos::detail
