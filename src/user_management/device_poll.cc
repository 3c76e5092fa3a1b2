// Copyright workos-cpp authors. Handwritten.

#include "user_management/device_poll.h"

#include "core/call.h"
#include "core/client_core_impl.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace workos::auth::detail {

PollStep classify_poll(const Result<workos::AuthenticateResponse>& answer) noexcept {
  if (answer) return PollStep::kDone;
  const Error& e = answer.error();
  // RFC 8628 §3.5 error codes, sent by WorkOS as 400 {"error": ...}.
  if (e.error() == "authorization_pending" || e.code() == "authorization_pending") {
    return PollStep::kContinue;
  }
  if (e.error() == "slow_down" || e.code() == "slow_down") return PollStep::kSlowDown;
  return PollStep::kFail;
}

Error poll_cancelled_error() {
  return Error(ErrorKind::kCancelled, "the device authorization poll was cancelled");
}

// ---- DevicePollState --------------------------------------------------------------------------

namespace {

// A server-sent number of seconds as whole seconds: nullopt when absent, not finite or not
// positive; rounded up; capped at kMaxServerSeconds so that no later arithmetic overflows.
std::optional<std::chrono::seconds> server_seconds(double value) noexcept {
  if (!std::isfinite(value) || value <= 0) return std::nullopt;
  const double capped = std::min(std::ceil(value), static_cast<double>(kMaxServerSeconds.count()));
  return std::chrono::seconds(static_cast<long long>(capped));
}

}  // namespace

Result<DevicePollState> DevicePollState::start(const workos::detail::ClientCore* core,
                                               const workos::DeviceAuthorizationResponse& device,
                                               const DevicePollOptions& options) {
  if (device.device_code.empty()) {
    return Error(ErrorKind::kInvalidArgument, "the device authorization has no device_code");
  }
  // The poll must end: without the code's lifetime (`expires_in`) and without a caller
  // timeout it would poll for ever. Checked before the first poll, so nothing is sent.
  std::optional<std::chrono::seconds> lifetime;
  if (options.timeout) {
    if (options.timeout->count() <= 0) {
      return Error(ErrorKind::kInvalidArgument,
                   "DevicePollOptions::timeout must be positive to poll the device code");
    }
    lifetime = std::min(*options.timeout, kMaxServerSeconds);
  } else {
    lifetime = server_seconds(device.expires_in);
  }
  if (!lifetime) {
    return Error(ErrorKind::kInvalidArgument,
                 "the device authorization has no positive expires_in and no "
                 "DevicePollOptions::timeout is set: the poll would never end");
  }
  DevicePollState s;
  s.core_ = core;
  // RFC 8628 §3.2 / §3.5: the server's interval, 5 s when absent; 0 or negative counts as absent
  // (an interval of 0 would poll in a tight loop), and no poll comes faster than kMinInterval.
  std::optional<std::chrono::seconds> interval;
  if (options.interval && options.interval->count() > 0)
    interval = *options.interval;
  else if (device.interval)
    interval = server_seconds(*device.interval);
  s.interval_ = std::clamp(interval.value_or(kDefaultInterval), kMinInterval, kMaxServerSeconds);
  s.lifetime_ = *lifetime;
  s.deadline_ = s.now() + s.lifetime_;
  s.params_.device_code = device.device_code;
  s.params_.ip_address = options.ip_address;
  s.params_.user_agent = options.user_agent;
  s.params_.device_id = options.device_id;
  s.request_ = options.request;
  if (!s.request_.cancellation) s.request_.cancellation = options.cancellation;
  return s;
}

std::chrono::steady_clock::time_point DevicePollState::now() const {
  return core_ ? core_->options().clock.now() : std::chrono::steady_clock::now();
}

std::optional<Error> DevicePollState::before_wait() const {
  if (now() + interval_ > deadline_) {
    return Error(ErrorKind::kTimeout, "the device code expired before the user approved it");
  }
  return std::nullopt;
}

std::optional<Result<workos::AuthenticateResponse>> DevicePollState::after_answer(
    Result<workos::AuthenticateResponse> answer, const DevicePollOptions& options) {
  switch (classify_poll(answer)) {
    case PollStep::kDone:
    case PollStep::kFail:
      return answer;
    case PollStep::kSlowDown:
      interval_ = std::min(interval_ + kSlowDownIncrement, kMaxServerSeconds);
      if (options.on_poll) options.on_poll(DevicePollStatus::kSlowDown, interval_);
      break;
    case PollStep::kContinue:
      if (options.on_poll) options.on_poll(DevicePollStatus::kAuthorizationPending, interval_);
      break;
  }
  return std::nullopt;
}

// ---- the blocking loop ------------------------------------------------------------------------

namespace {

bool cancelled(const DevicePollOptions& o) {
  return o.cancellation && o.cancellation->cancelled();
}

// A cancellation ends the wait between two polls within ~50 ms.
constexpr std::chrono::milliseconds kWaitSlice{50};

}  // namespace

Result<workos::AuthenticateResponse> poll_device(const workos::detail::ClientCore* core,
                                                 const workos::DeviceAuthorizationResponse& device,
                                                 const DevicePollOptions& options,
                                                 const DeviceGrant& grant) {
  Result<DevicePollState> state = DevicePollState::start(core, device, options);
  if (!state) return state.error();
  for (;;) {
    if (cancelled(options)) return poll_cancelled_error();
    if (auto expired = state->before_wait()) return *expired;
    workos::detail::sleep_on_clock(core, state->interval(), options.cancellation.get(), kWaitSlice);
    if (cancelled(options)) return poll_cancelled_error();
    auto done = state->after_answer(grant(state->params(), state->request()), options);
    if (done) return std::move(*done);
  }
}

}  // namespace workos::auth::detail
