// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// `workos::user_management::AsyncUserManagementClient` (`async.user_management()`):
/// `BasicUserManagementClient` (<workos/user_management/user_management_client.h>) in the
/// non-blocking form — the grants, device authorization (the poll waits on event-loop timers),
/// async sealed sessions and access-token verification (the JWKS is fetched on the event loop).
///
/// @code
/// workos::AsyncClient async;
/// async.user_management()
///     .authenticate_with_password({"ada@example.com", "pw"})
///     .then([](workos::Result<workos::AuthenticateResponse> auth) { ... });
/// @endcode

#include <workos/async/future.h>
#include <workos/auth/async_access_token.h>
#include <workos/auth/async_session.h>
#include <workos/call_mode.h>
#include <workos/user_management/async_service.h>
#include <workos/user_management/user_management_client.h>

namespace workos::user_management {

/// The non-blocking user-management client: `async.user_management()`.
class AsyncUserManagementClient : public BasicUserManagementClient<AsyncMode> {
  /// The constructors of `BasicUserManagementClient`.
  using BasicUserManagementClient::BasicUserManagementClient;
};

}  // namespace workos::user_management
