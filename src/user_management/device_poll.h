// Copyright workos-cpp authors. Handwritten.
#pragma once

// The device-authorization poll loop (RFC 8628 §3.4-3.5), internal. The decisions (interval,
// expiry, what one answer means) live in DevicePollState, separate from the waiting, so the
// blocking loop here and the async driver on event-loop timers
// (async_user_management_client.cc) share them.

#include <workos/auth/device_authorization.h>
#include <workos/user_management/user_management_client.h>

#include <chrono>
#include <functional>
#include <optional>

namespace workos::detail {
class ClientCore;
}

namespace workos::auth::detail {

/// What to do after one device-code grant answer.
enum class PollStep { kDone, kContinue, kSlowDown, kFail };

/// `kDone` on success; `kContinue` on `authorization_pending`; `kSlowDown` on `slow_down`;
/// `kFail` on anything else (`access_denied`, `expired_token`, transport errors, ...).
PollStep classify_poll(const Result<workos::AuthenticateResponse>& answer) noexcept;

/// RFC 8628 §3.5: `slow_down` adds 5 seconds to the interval.
inline constexpr std::chrono::seconds kSlowDownIncrement{5};
/// RFC 8628 §3.2: the default interval when the server names none (also used for an interval
/// of 0 or less, from the server or the caller).
inline constexpr std::chrono::seconds kDefaultInterval{5};
/// No poll comes sooner than this after the previous one.
inline constexpr std::chrono::seconds kMinInterval{1};
/// Server-sent seconds (`expires_in`, `interval`) and a caller's timeout are capped at one
/// year, so that the deadline arithmetic on the steady clock cannot overflow.
inline constexpr std::chrono::seconds kMaxServerSeconds{365LL * 24 * 3600};

/// The error of a cancelled poll (kCancelled).
Error poll_cancelled_error();

/// The state of one poll: the interval (grown by `slow_down`), the deadline, the grant's
/// parameters and request options. Not thread-safe (one driver at a time).
class DevicePollState {
 public:
  /// Starts a poll of `device` with `options`; times come from `core`'s clock (the real steady
  /// clock without a core). Errors: kInvalidArgument when there is no device code, when
  /// `options.timeout` is set but not positive, or when neither `options.timeout` nor a positive
  /// `device.expires_in` bounds the poll.
  static Result<DevicePollState> start(const workos::detail::ClientCore* core,
                                       const workos::DeviceAuthorizationResponse& device,
                                       const DevicePollOptions& options);

  /// The wait before the next poll.
  std::chrono::seconds interval() const noexcept { return interval_; }
  /// Before waiting: kTimeout when the next poll would come after the code's lifetime
  /// (RFC 8628 §3.5: wait at least `interval` between polls).
  std::optional<Error> before_wait() const;
  /// The device-code grant of each poll and its request options (cancellation included).
  const workos::user_management::AuthenticateWithDeviceCodeParams& params() const noexcept {
    return params_;
  }
  const RequestOptions& request() const noexcept { return request_; }
  /// After one answer: the final result (success, or a failure such as access_denied), or
  /// nullopt to poll again; a `slow_down` grows the interval. Calls `options.on_poll`.
  std::optional<Result<workos::AuthenticateResponse>> after_answer(
      Result<workos::AuthenticateResponse> answer, const DevicePollOptions& options);

 private:
  DevicePollState() = default;
  std::chrono::steady_clock::time_point now() const;

  const workos::detail::ClientCore* core_ = nullptr;
  std::chrono::seconds interval_ = kDefaultInterval;
  std::chrono::seconds lifetime_{0};  // > 0 once started
  std::chrono::steady_clock::time_point deadline_{};
  workos::user_management::AuthenticateWithDeviceCodeParams params_;
  RequestOptions request_;
};

using DeviceGrant = std::function<Result<workos::AuthenticateResponse>(
    const workos::user_management::AuthenticateWithDeviceCodeParams&, const RequestOptions&)>;

/// The blocking poll loop; waits through `core`'s clock (injectable sleep).
Result<workos::AuthenticateResponse> poll_device(const workos::detail::ClientCore* core,
                                                 const workos::DeviceAuthorizationResponse& device,
                                                 const DevicePollOptions& options,
                                                 const DeviceGrant& grant);

}  // namespace workos::auth::detail
