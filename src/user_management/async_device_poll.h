// Copyright workos-cpp authors. Handwritten.
#pragma once

// The async device-authorization poll (internal): DevicePollState (user_management/device_poll.h,
// the decisions shared with the blocking loop) driven by event-loop timers instead of a sleeping
// thread.

#include <workos/async/future.h>
#include <workos/auth/device_authorization.h>
#include <workos/user_management/user_management_client.h>

#include <functional>
#include <memory>

namespace workos::detail {
class AsyncCore;
}

namespace workos::auth::detail {

/// One device-code grant (one poll), async.
using AsyncDeviceGrant = std::function<Future<workos::AuthenticateResponse>(
    const workos::user_management::AuthenticateWithDeviceCodeParams&, const RequestOptions&)>;

/// Polls `grant` on the loop of `core` until the flow ends (see
/// AsyncUserManagementClient::poll_device_authorization). Cancelling the future stops the wait
/// or the poll in flight.
Future<workos::AuthenticateResponse> poll_device_async(
    std::shared_ptr<workos::detail::AsyncCore> core,
    const workos::DeviceAuthorizationResponse& device, const DevicePollOptions& options,
    AsyncDeviceGrant grant);

}  // namespace workos::auth::detail
