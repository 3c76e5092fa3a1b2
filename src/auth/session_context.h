// Copyright workos-cpp authors. Handwritten.
#pragma once

// Building sealed sessions (internal): the state shared by a SealedSession.

#include <workos/auth/session.h>
#include <workos/user_management/service.h>

#include <memory>
#include <string>

namespace workos::auth::detail {

/// A session context over `core` (and, when given, the user_management `connection` the
/// refresh and logout calls go through).
std::shared_ptr<SessionContext> make_session_context(
    std::shared_ptr<workos::detail::ClientCore> core,
    std::shared_ptr<workos::user_management::UserManagementConnection> connection, std::string data,
    Result<std::shared_ptr<const SessionCodec>> codec, SessionOptions options);

}  // namespace workos::auth::detail
