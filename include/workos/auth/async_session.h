// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// `workos::auth::AsyncSealedSession`: the async twin of `SealedSession`, loaded with
/// `AsyncClient::user_management().load_sealed_session(...)` or `load_sealed_session(async,
/// ...)`. Same methods and outcomes as the sync session, but nothing blocks: `authenticate()`
/// is ready at once when the JWKS is cached (it is local then) and otherwise fetches the key
/// set on the event loop; `refresh()` runs the refresh-token grant on the event loop.
///
/// @code
/// auto session = async.user_management().load_sealed_session(cookie, cookie_password);
/// auto checked = session.authenticate().then([](auto a) {  // a: Result<SessionAuthentication>
///   if (a && *a) serve(a->claims.sub);
/// });
/// auto refreshed = session.refresh().then([](auto r) {  // r: Result<SessionRefresh>
///   if (r && *r) set_cookie(r->sealed_session);
/// });
/// @endcode
///
/// A session loaded here shares its client's state with the sync helpers: the JWKS cache and
/// the refresh single flight, so a sync and an async refresh of the same cookie (or any number
/// of concurrent async ones) make one network call.

#include <workos/async/async_client_base.h>
#include <workos/async/future.h>
#include <workos/auth/session.h>
#include <workos/auth/session_codec.h>
#include <workos/result.h>

#include <memory>
#include <optional>
#include <string>

namespace workos::auth {

namespace detail {
struct AsyncSessionContext;
}  // namespace detail

/// One sealed session cookie bound to an async client. Thread-safe; cheap to copy (copies
/// share the session, as they do for `SealedSession`). Create one per request.
///
/// The futures complete with a value for every outcome the sync session reports (the failure
/// is in `reason`); they fail (`ErrorKind::kCancelled`) only when cancelled or when the client
/// shut down.
class AsyncSealedSession {
 public:
  /// `SealedSession::authenticate` without blocking: unseal, then verify the access token.
  /// Ready at once unless the JWKS has to be fetched.
  [[nodiscard]] Future<SessionAuthentication> authenticate() const;
  /// `SealedSession::refresh` without blocking: the refresh-token grant on the event loop, the
  /// new access token verified, the cookie re-sealed with the rotated refresh token (then held
  /// by this session, see `sealed_data()`). Concurrent refreshes of the same cookie (async or
  /// sync, within `SessionOptions::refresh_reuse_window`) make one call; the others have
  /// `shared` set. Cancelling the future completes it with kCancelled at once; a grant
  /// already sent still completes and updates the session (the refresh token is single-use).
  [[nodiscard]] Future<SessionRefresh> refresh(const RefreshOptions& options = {});
  /// `SealedSession::get_logout_url` without blocking (the token check may need the JWKS).
  /// Errors: `kCrypto` / `kConfiguration` / `kDecode` when the cookie or its token is not valid.
  [[nodiscard]] Future<std::string> get_logout_url(
      const std::optional<std::string>& return_to = std::nullopt) const;
  /// The unsealed cookie content, without verifying the access token (local, as in
  /// `SealedSession::data`). Errors: `kCrypto`, `kDecode`.
  [[nodiscard]] Result<SessionData> data() const;
  /// The current cookie value (the new one after a successful refresh).
  std::string sealed_data() const;

 private:
  friend struct workos::detail::CoreAccess;
  /// Built by `load_sealed_session`.
  explicit AsyncSealedSession(std::shared_ptr<detail::AsyncSessionContext> context);
  std::shared_ptr<detail::AsyncSessionContext> context_;
};

/// Loads a cookie sealed with iron and `cookie_password` (at least 32 characters) for use on
/// the async client `client`. A bad password shows up as `SessionFailure::kConfiguration`.
AsyncSealedSession load_sealed_session(const AsyncClientBase& client, std::string session_data,
                                       std::string cookie_password, SessionOptions options = {});
/// Loads a cookie sealed with `codec` (iron, Fernet or your own) for the async client `client`.
AsyncSealedSession load_sealed_session(const AsyncClientBase& client, std::string session_data,
                                       std::shared_ptr<const SessionCodec> codec,
                                       SessionOptions options = {});

}  // namespace workos::auth
