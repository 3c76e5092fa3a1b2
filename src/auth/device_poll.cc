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

namespace {

bool cancelled(const DevicePollOptions& o) {
  return o.cancellation && o.cancellation->cancelled();
}

Error cancelled_error() {
  return Error(ErrorKind::kCancelled, "the device authorization poll was cancelled");
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
    core->options().clock.sleep(step);
    d -= step;
  }
}

std::chrono::steady_clock::time_point now(const workos::detail::ClientCore* core) {
  return core ? core->options().clock.now() : std::chrono::steady_clock::now();
}

}  // namespace

Result<workos::AuthenticateResponse> poll_device(const workos::detail::ClientCore* core,
                                                 const workos::DeviceAuthorizationResponse& device,
                                                 const DevicePollOptions& options,
                                                 const DeviceGrant& grant) {
  if (device.device_code.empty()) {
    return Error(ErrorKind::kInvalidArgument, "the device authorization has no device_code");
  }
  std::chrono::seconds interval = kDefaultInterval;
  if (options.interval)
    interval = *options.interval;
  else if (device.interval && *device.interval > 0)
    interval = std::chrono::seconds(static_cast<long long>(std::ceil(*device.interval)));
  const std::chrono::seconds lifetime =
      options.timeout ? *options.timeout
                      : std::chrono::seconds(static_cast<long long>(device.expires_in));
  const auto deadline = now(core) + lifetime;

  workos::user_management::AuthenticateWithDeviceCodeParams params;
  params.device_code = device.device_code;
  params.ip_address = options.ip_address;
  params.user_agent = options.user_agent;
  params.device_id = options.device_id;
  RequestOptions request = options.request;
  if (!request.cancellation) request.cancellation = options.cancellation;

  for (;;) {
    if (cancelled(options)) return cancelled_error();
    // RFC 8628 §3.5: wait at least `interval` between polls (the user needs time anyway).
    if (lifetime.count() > 0 && now(core) + interval > deadline) {
      return Error(ErrorKind::kTimeout, "the device code expired before the user approved it");
    }
    wait(core, interval, options);
    if (cancelled(options)) return cancelled_error();
    Result<workos::AuthenticateResponse> answer = grant(params, request);
    switch (classify_poll(answer)) {
      case PollStep::kDone:
      case PollStep::kFail:
        return answer;
      case PollStep::kSlowDown:
        interval += kSlowDownIncrement;
        if (options.on_poll) options.on_poll(DevicePollStatus::kSlowDown, interval);
        break;
      case PollStep::kContinue:
        if (options.on_poll) options.on_poll(DevicePollStatus::kAuthorizationPending, interval);
        break;
    }
  }
}

}  // namespace workos::auth::detail
