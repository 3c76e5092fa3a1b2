// Copyright workos-cpp authors. Handwritten.
#pragma once

// The state of an AsyncSealedSession (internal): the sync SessionContext (cookie, codec,
// verifier, the client's JWKS cache and refresh single flight — shared with sync sessions of
// the same client) plus the async core and connection its requests go through.

#include <workos/auth/async_session.h>
#include <workos/user_management/async_user_management_client.h>

#include <memory>
#include <string>

#include "auth/session_context.h"

namespace workos::detail {
class AsyncCore;
}

namespace workos::auth::detail {

struct AsyncSessionContext {
  std::shared_ptr<SessionContext> session;
  std::shared_ptr<workos::detail::AsyncCore> core;  // may be null (connection only)
  std::shared_ptr<workos::user_management::AsyncUserManagementConnection> connection;  // optional

  workos::user_management::AsyncUserManagementClient user_management() const {
    if (connection) return workos::user_management::AsyncUserManagementClient(connection, core);
    return workos::user_management::AsyncUserManagementClient(core);
  }
};

/// An async session context over `core` (and, when given, the async user_management
/// `connection` the refresh and logout calls go through).
std::shared_ptr<AsyncSessionContext> make_async_session_context(
    std::shared_ptr<workos::detail::AsyncCore> core,
    std::shared_ptr<workos::user_management::AsyncUserManagementConnection> connection,
    std::string data, Result<std::shared_ptr<const SessionCodec>> codec, SessionOptions options);

}  // namespace workos::auth::detail
