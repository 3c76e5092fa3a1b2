// Copyright workos-cpp authors. Handwritten.
#pragma once

// The device-authorization poll loop (RFC 8628 §3.4-3.5), internal. The decision for one
// answer (`classify_poll`) is separate from the waiting, so an async driver can reuse it.

#include <workos/auth/device_authorization.h>
#include <workos/user_management/user_management_client.h>

#include <chrono>
#include <functional>

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
/// RFC 8628 §3.2: the default interval when the server names none.
inline constexpr std::chrono::seconds kDefaultInterval{5};

using DeviceGrant = std::function<Result<workos::AuthenticateResponse>(
    const workos::user_management::AuthenticateWithDeviceCodeParams&, const RequestOptions&)>;

/// The blocking poll loop; waits through `core`'s clock (injectable sleep).
Result<workos::AuthenticateResponse> poll_device(const workos::detail::ClientCore* core,
                                                 const workos::DeviceAuthorizationResponse& device,
                                                 const DevicePollOptions& options,
                                                 const DeviceGrant& grant);

}  // namespace workos::auth::detail
