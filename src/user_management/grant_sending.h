// Copyright workos-cpp authors. Handwritten.
#pragma once

// Sending a grant (internal): the generated grant methods of the sync and async
// user_management clients (user_management/grants.cc) build the body and call these. A client
// without an API key (public client) posts without `Authorization`; every other goes through
// the connection (`create_authenticate`), so a mocked connection sees every grant.

#include <workos/async/future.h>
#include <workos/options.h>
#include <workos/result.h>
#include <workos/user_management/async_user_management_client.h>
#include <workos/user_management/user_management_client.h>

#include "auth/auth_requests.h"
#include "user_management/grants.h"

namespace workos::auth::detail {

Result<workos::AuthenticateResponse> send(const um::UserManagementClient& self,
                                          um::grants::Body body, const RequestOptions& options);
Future<workos::AuthenticateResponse> send(const um::AsyncUserManagementClient& self,
                                          um::grants::Body body, const RequestOptions& options);

/// The core whose client id and API key fill in a grant's credentials (may be null).
const workos::detail::ClientCore* credentials_core(const um::UserManagementClient& self) noexcept;
const workos::detail::ClientCore* credentials_core(
    const um::AsyncUserManagementClient& self) noexcept;

}  // namespace workos::auth::detail
