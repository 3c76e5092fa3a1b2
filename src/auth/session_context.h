// Copyright workos-cpp authors. Handwritten.
#pragma once

// Sealed sessions (internal): the state shared by a SealedSession (and an AsyncSealedSession
// loaded from the same client), the async session's own state (the async core and connection
// its requests go through), and the steps of authenticate() / refresh() / get_logout_url() that
// the sync session (session.cc) and the async one (async_session.cc) share; only the key lookup
// (JWKS) and the refresh-token grant differ between them.

#include <workos/auth/session.h>
#include <workos/user_management/async_user_management_client.h>
#include <workos/user_management/service.h>
#include <workos/user_management/user_management_client.h>

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>

#include "auth/client_state.h"
#include "auth/token_verifier.h"
#include "core/core_access.h"
#include "user_management/requests.h"

namespace workos::detail {
class AsyncCore;
}  // namespace workos::detail

namespace workos::auth::detail {

struct SessionContext {
  std::shared_ptr<workos::detail::ClientCore> core;
  std::shared_ptr<workos::user_management::UserManagementConnection> connection;  // optional
  std::shared_ptr<ClientState> state;
  std::shared_ptr<const TokenVerifierCore> verifier;
  SessionOptions options;

  mutable std::mutex mu;
  std::string data;                           // guarded by mu
  std::shared_ptr<const SessionCodec> codec;  // guarded by mu; null on a configuration error
  std::optional<Error> config_error;

  void snapshot(std::string& cookie, std::shared_ptr<const SessionCodec>& c) const {
    std::lock_guard<std::mutex> lock(mu);
    cookie = data;
    c = codec;
  }

  workos::user_management::UserManagementClient user_management() const {
    return workos::detail::CoreAccess::make<workos::user_management::UserManagementClient>(
        connection ? connection : workos::user_management::make_user_management_connection(core),
        core);
  }
};

/// A session context over `core` (and, when given, the user_management `connection` the
/// refresh and logout calls go through).
std::shared_ptr<SessionContext> make_session_context(
    std::shared_ptr<workos::detail::ClientCore> core,
    std::shared_ptr<workos::user_management::UserManagementConnection> connection, std::string data,
    Result<std::shared_ptr<const SessionCodec>> codec, SessionOptions options);

// ---- authenticate(): open the cookie, verify its access token, fill the answer ---------------

/// Unseals and parses the cookie; nullopt (with the failure in `out`) when it cannot be
/// authenticated before any token check.
std::optional<SessionData> open_for_authenticate(const SessionContext& ctx,
                                                 SessionAuthentication& out);
/// Fills `out` from the cookie's data and the verification of its access token.
void finish_authenticate(SessionAuthentication& out, SessionData data,
                         Result<AccessTokenClaims> claims);

// ---- get_logout_url(): the session's access token, verified with expiry allowed ------------

/// The unsealed cookie content, without verifying the access token. Errors: kCrypto, kDecode,
/// kConfiguration.
Result<SessionData> read_session_data(const SessionContext& ctx);
/// The access token that names the session (not yet verified). Errors: kCrypto,
/// kConfiguration, kDecode.
Result<std::string> logout_token(const SessionContext& ctx);
/// The logout call's parameters once the token verified.
workos::user_management::GetLogoutUrlParams logout_params(
    const AccessTokenClaims& claims, const std::optional<std::string>& return_to);

// ---- refresh(): open, the refresh-token grant (single flight), verify, re-seal ---------------

/// What a refresh needs after opening the cookie.
struct RefreshStart {
  SessionData data;
  std::shared_ptr<const SessionCodec> codec;
  std::optional<std::string> organization_id;
  std::string key;  ///< The single-flight key (a digest of refresh token and organization).
};
/// Unseals the cookie and picks the organization scope; nullopt (failure in `out`) when the
/// session cannot be refreshed.
std::optional<RefreshStart> open_for_refresh(const SessionContext& ctx,
                                             const RefreshOptions& options, SessionRefresh& out);
/// The refresh-token grant's parameters.
workos::user_management::AuthenticateWithRefreshTokenParams refresh_grant_params(
    const RefreshStart& start, const RefreshOptions& options);
/// How long a successful refresh is reused, and the clock it is measured with.
std::chrono::steady_clock::duration refresh_reuse_window(const SessionContext& ctx);
/// Classifies a failed grant answer into `out` (refresh_denied, rate_limit_exceeded, ...).
void fail_refresh(SessionRefresh& out, const Error& error);
/// After the new access token was verified (`claims`): re-seals the cookie with the rotated
/// refresh token, stores it in `ctx`, and fills `out`.
void finish_refresh(SessionContext& ctx, const RefreshOptions& options, const RefreshStart& start,
                    const workos::AuthenticateResponse& response, Result<AccessTokenClaims> claims,
                    SessionRefresh& out);

// ---- the async session ----------------------------------------------------------------------

struct AsyncSessionContext {
  std::shared_ptr<SessionContext> session;
  std::shared_ptr<workos::detail::AsyncCore> core;  // may be null (connection only)
  std::shared_ptr<workos::user_management::AsyncUserManagementConnection> connection;  // optional

  workos::user_management::AsyncUserManagementClient user_management() const {
    namespace um = workos::user_management;
    return workos::detail::CoreAccess::make<um::AsyncUserManagementClient>(
        connection ? connection : um::make_async_user_management_connection(core), core);
  }
};

// ---- the two drivers of a session's steps ------------------------------------------------------
// `BasicSealedSession<Mode>` (auth/session_impl.h) calls the form of its context: blocking
// (session.cc) or on the event loop (async_session.cc).

SessionAuthentication authenticate(const std::shared_ptr<SessionContext>& ctx);
SessionRefresh refresh(const std::shared_ptr<SessionContext>& ctx, const RefreshOptions& options);
Result<std::string> logout_url(const std::shared_ptr<SessionContext>& ctx,
                               const std::optional<std::string>& return_to);
Future<SessionAuthentication> authenticate(const std::shared_ptr<AsyncSessionContext>& ctx);
Future<SessionRefresh> refresh(const std::shared_ptr<AsyncSessionContext>& ctx,
                               const RefreshOptions& options);
Future<std::string> logout_url(const std::shared_ptr<AsyncSessionContext>& ctx,
                               const std::optional<std::string>& return_to);

/// The cookie state behind either context.
inline const SessionContext& session_of(const SessionContext& ctx) noexcept {
  return ctx;
}
inline const SessionContext& session_of(const AsyncSessionContext& ctx) noexcept {
  return *ctx.session;
}

/// An async session context over `core` (and, when given, the async user_management
/// `connection` the refresh and logout calls go through).
std::shared_ptr<AsyncSessionContext> make_async_session_context(
    std::shared_ptr<workos::detail::AsyncCore> core,
    std::shared_ptr<workos::user_management::AsyncUserManagementConnection> connection,
    std::string data, Result<std::shared_ptr<const SessionCodec>> codec, SessionOptions options);

/// What every `load_sealed_session` returns: a `SealedSession` over a client core or an
/// `AsyncSealedSession` over an async core, reading `data` with `codec` (a failed codec shows
/// up when the session is used), its refresh and logout calls going through `connection` (null:
/// over HTTP).
template <class Session, class Core, class Connection>
Session load_session(std::shared_ptr<Core> core, Connection connection, std::string data,
                     Result<std::shared_ptr<const SessionCodec>> codec, SessionOptions options) {
  if constexpr (std::is_same_v<Core, workos::detail::ClientCore>) {
    return workos::detail::CoreAccess::make<Session>(
        make_session_context(std::move(core), std::move(connection), std::move(data),
                             std::move(codec), std::move(options)));
  } else {
    return workos::detail::CoreAccess::make<Session>(
        make_async_session_context(std::move(core), std::move(connection), std::move(data),
                                   std::move(codec), std::move(options)));
  }
}

}  // namespace workos::auth::detail
