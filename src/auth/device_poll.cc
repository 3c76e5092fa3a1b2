// Copyright workos-cpp authors. Handwritten.

#include "auth/device_poll.h"

#include "core/call.h"
#include "core/client_core_impl.h"

#include <cmath>
#include <thread>

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

Result<DevicePollState> DevicePollState::start(const workos::detail::ClientCore* core,
                                               const workos::DeviceAuthorizationResponse& device,
                                               const DevicePollOptions& options) {
  if (device.device_code.empty()) {
    return Error(ErrorKind::kInvalidArgument, "the device authorization has no device_code");
  }
  DevicePollState s;
  s.core_ = core;
  if (options.interval)
    s.interval_ = *options.interval;
  else if (device.interval && *device.interval > 0)
    s.interval_ = std::chrono::seconds(static_cast<long long>(std::ceil(*device.interval)));
  s.lifetime_ = options.timeout ? *options.timeout
                                : std::chrono::seconds(static_cast<long long>(device.expires_in));
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
  if (lifetime_.count() > 0 && now() + interval_ > deadline_) {
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
      interval_ += kSlowDownIncrement;
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

// Waits `d` through the client's clock. An injected sleep is called once; the real one in
// short slices so a cancellation is noticed quickly.
void wait(const workos::detail::ClientCore* core, std::chrono::milliseconds d,
          const DevicePollOptions& o) {
  const bool injected = core && core->impl().custom_sleep;
  if (injected || !o.cancellation) {
    if (core)
      core->options().clock.sleep(d);
    else
      std::this_thread::sleep_for(d);
    return;
  }
  constexpr std::chrono::milliseconds kSlice{50};
  while (d.count() > 0 && !cancelled(o)) {
    const auto step = std::min(d, kSlice);
    if (core)
      core->options().clock.sleep(step);
    else
      std::this_thread::sleep_for(step);
    d -= step;
  }
}

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
    wait(core, state->interval(), options);
    if (cancelled(options)) return poll_cancelled_error();
    auto done = state->after_answer(grant(state->params(), state->request()), options);
    if (done) return std::move(*done);
  }
}

}  // namespace workos::auth::detail
