// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// `workos::user_management::AsyncUserManagementClient`: the async twin of
/// `UserManagementClient` — the generated `AsyncUserManagementService` plus the
/// AuthKit helpers, none of which blocks a thread: the `authenticate_with_*` grant wrappers,
/// device authorization (the poll waits on event-loop timers), async sealed sessions and
/// access-token verification (the JWKS is fetched on the event loop). `async.user_management()`
/// returns one.
///
/// @code
/// workos::AsyncClient async;
/// async.user_management()
///     .authenticate_with_password({"ada@example.com", "pw"})
///     .then([](workos::Result<workos::AuthenticateResponse> auth) { ... });
/// @endcode
///
/// Every method has the name and parameters of its `UserManagementClient` twin. Those that
/// make requests return `workos::Future<X>` where the sync one returns `Result<X>`; the pure
/// local helpers (`get_authorization_url_with_pkce`, `seal_session_from_auth_response`,
/// `get_jwks_url`) return exactly what the sync ones return, since no I/O happens. The session
/// and verifier factories return the async forms (`auth::AsyncSealedSession`,
/// `auth::AsyncAccessTokenVerifier`), whose methods return futures.

#include <workos/async/future.h>
#include <workos/auth/async_access_token.h>
#include <workos/auth/async_session.h>
#include <workos/auth/authorization_url.h>
#include <workos/auth/device_authorization.h>
#include <workos/auth/session.h>
#include <workos/auth/session_codec.h>
#include <workos/options.h>
#include <workos/result.h>
#include <workos/user_management/async_service.h>
#include <workos/user_management/user_management_client.h>

#include <memory>
#include <string>
#include <string_view>

namespace workos {

namespace detail {
class AsyncCore;
}  // namespace detail

namespace user_management {

/// The async `user_management` service with the AuthKit helpers. Thread-safe; cheap to copy.
///
/// Every `authenticate_with_*` method posts to `/user_management/authenticate` through the
/// service's connection (so a fake `AsyncUserManagementConnection` sees it as
/// `create_authenticate`), with `client_id` and — where the grant takes one — `client_secret`
/// (the API key) filled in from the client, exactly as `UserManagementClient` does (the same
/// request-building code). Local failures (a public client asking for a grant that needs the
/// secret, a missing client id) complete the future at once with a `ConfigurationError`.
/// Step-up answers arrive as errors whose `value()` throws the matching
/// `AuthenticationFlowError` subclass.
class AsyncUserManagementClient : public AsyncUserManagementService {
 public:
  // ---- grants (see the sync twins in UserManagementClient) -------------------------------------
  /// `grant_type=password` (email + password; needs the client secret).
  [[nodiscard]] Future<workos::AuthenticateResponse> authenticate_with_password(
      const AuthenticateWithPasswordParams& params, const RequestOptions& options = {}) const;
  /// `grant_type=authorization_code` (with the secret, or with a `code_verifier`).
  [[nodiscard]] Future<workos::AuthenticateResponse> authenticate_with_code(
      const AuthenticateWithCodeParams& params, const RequestOptions& options = {}) const;
  /// The code exchange with a PKCE verifier; never sends the client secret.
  [[nodiscard]] Future<workos::AuthenticateResponse> authenticate_with_code_pkce(
      const AuthenticateWithCodePkceParams& params, const RequestOptions& options = {}) const;
  /// `grant_type=refresh_token` (the secret when the client has one).
  [[nodiscard]] Future<workos::AuthenticateResponse> authenticate_with_refresh_token(
      const AuthenticateWithRefreshTokenParams& params, const RequestOptions& options = {}) const;
  /// The Magic Auth code grant.
  [[nodiscard]] Future<workos::AuthenticateResponse> authenticate_with_magic_auth(
      const AuthenticateWithMagicAuthParams& params, const RequestOptions& options = {}) const;
  /// The email-verification code grant (after an `email_verification_required` answer).
  [[nodiscard]] Future<workos::AuthenticateResponse> authenticate_with_email_verification(
      const AuthenticateWithEmailVerificationParams& params,
      const RequestOptions& options = {}) const;
  /// The MFA TOTP grant (after an `mfa_challenge` answer).
  [[nodiscard]] Future<workos::AuthenticateResponse> authenticate_with_totp(
      const AuthenticateWithTotpParams& params, const RequestOptions& options = {}) const;
  /// The organization-selection grant (after `organization_selection_required`).
  [[nodiscard]] Future<workos::AuthenticateResponse> authenticate_with_organization_selection(
      const AuthenticateWithOrganizationSelectionParams& params,
      const RequestOptions& options = {}) const;
  /// One device-code grant (one poll); never sends the client secret.
  [[nodiscard]] Future<workos::AuthenticateResponse> authenticate_with_device_code(
      const AuthenticateWithDeviceCodeParams& params, const RequestOptions& options = {}) const;
  /// The Radar email-challenge code grant.
  [[nodiscard]] Future<workos::AuthenticateResponse> authenticate_with_radar_email_challenge(
      const AuthenticateWithRadarEmailChallengeParams& params,
      const RequestOptions& options = {}) const;
  /// The Radar SMS-challenge code grant.
  [[nodiscard]] Future<workos::AuthenticateResponse> authenticate_with_radar_sms_challenge(
      const AuthenticateWithRadarSmsChallengeParams& params,
      const RequestOptions& options = {}) const;

  // ---- authorization URL with PKCE (local) ----------------------------------------------------
  /// `UserManagementClient::get_authorization_url_with_pkce`: the same `Result`, since no
  /// request is made (the URL comes from the connection's `get_authorization_url`, which the
  /// default connection answers at once; a fake connection must answer it at once too).
  [[nodiscard]] Result<auth::AuthorizationUrlWithPkce> get_authorization_url_with_pkce(
      const GetAuthorizationUrlParams& params, const RequestOptions& options = {}) const;

  // ---- device authorization (RFC 8628) ---------------------------------------------------------
  /// Starts the device flow for the client's client id (`POST /user_management/authorize/device`).
  [[nodiscard]] Future<workos::DeviceAuthorizationResponse> start_device_authorization(
      const RequestOptions& options = {}) const;
  /// Polls the device-code grant until the user approves (the tokens), denies
  /// (`access_denied`), the code expires (`expired_token`, or `kTimeout` locally), or the poll
  /// is cancelled (`Future::cancel()` or `options.cancellation`: `kCancelled`). Honours
  /// `interval` and `slow_down` like the sync poll; the waits are event-loop timers, so no
  /// thread sleeps (an injected `ClientOptions::clock.sleep` is called with each wait instead,
  /// as for the async retry backoff). `options.on_poll` runs on the loop thread. Needs a core
  /// (the event loop): without one the future fails with `kConfiguration`.
  [[nodiscard]] Future<workos::AuthenticateResponse> poll_device_authorization(
      const workos::DeviceAuthorizationResponse& device,
      const auth::DevicePollOptions& options = {}) const;

  // ---- sessions and tokens ---------------------------------------------------------------------
  /// An async sealed session from a cookie value and its iron password. No request is made
  /// here; the session's `authenticate()` / `refresh()` return futures.
  auth::AsyncSealedSession load_sealed_session(std::string session_data,
                                               std::string cookie_password,
                                               auth::SessionOptions options = {}) const;
  /// An async sealed session from a cookie value and its codec.
  auth::AsyncSealedSession load_sealed_session(std::string session_data,
                                               std::shared_ptr<const auth::SessionCodec> codec,
                                               auth::SessionOptions options = {}) const;
  /// Seals an authenticate response into a cookie value (iron, Node SDK layout). Local: the
  /// same `Result` as the sync twin.
  [[nodiscard]] Result<std::string> seal_session_from_auth_response(
      const workos::AuthenticateResponse& response, std::string_view cookie_password) const;
  /// An async verifier for access tokens of this client (shares the client's JWKS cache).
  auth::AsyncAccessTokenVerifier access_token_verifier(auth::TokenVerifyOptions options = {}) const;
  /// `{base_url}/sso/jwks/{client_id}` (local; empty without a core).
  std::string get_jwks_url() const;

 private:
  friend struct workos::detail::CoreAccess;
  /// Calls go through `connection` (a fake or mock); `core` (optional) supplies the client id,
  /// API key, JWKS settings and the event loop (timers of the device poll) to the helpers.
  AsyncUserManagementClient(std::shared_ptr<AsyncUserManagementConnection> connection,
                            std::shared_ptr<detail::AsyncCore> core);
  /// The async request core behind the helpers (may be null for a connection-only client).
  const std::shared_ptr<detail::AsyncCore>& core() const noexcept { return core_; }
  std::shared_ptr<detail::AsyncCore> core_;
};

}  // namespace user_management
}  // namespace workos
