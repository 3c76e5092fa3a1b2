// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// `workos::user_management::UserManagementClient`: the generated `UserManagementService` plus
/// the handwritten AuthKit helpers — the `authenticate_with_*` grant wrappers, the PKCE
/// authorization URL, device authorization, sealed sessions and access-token verification.
/// `client.user_management()` returns one.
///
/// @code
/// workos::Client client;
/// auto auth = client.user_management().authenticate_with_password({"ada@example.com", "pw"});
/// if (!auth) {
///   // Step-up answers arrive as typed errors: auth.value() throws MfaChallengeError, ...
/// }
/// auto cookie = workos::auth::seal_session_from_auth_response(*auth, cookie_password);
/// @endcode

#include <workos/auth/access_token.h>
#include <workos/auth/authorization_url.h>
#include <workos/auth/device_authorization.h>
#include <workos/auth/session.h>
#include <workos/auth/session_codec.h>
#include <workos/options.h>
#include <workos/result.h>
#include <workos/user_management/grants.h>
#include <workos/user_management/service.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace workos::user_management {

/// The `user_management` service with the AuthKit helpers. Thread-safe; cheap to copy.
///
/// Every `authenticate_with_*` method posts to `/user_management/authenticate` through the
/// service's connection (so a mocked connection sees it as `create_authenticate`), with
/// `client_id` and — where the grant takes one — `client_secret` (the API key) filled in from
/// the client. A public client never sends the secret; the grants that require it fail locally
/// with a `ConfigurationError` before any request. Step-up answers (MFA challenge, email
/// verification, organization selection, SSO required, ...) are returned as errors whose
/// `value()` throws the matching `AuthenticationFlowError` subclass, carrying the pending
/// authentication token.
class UserManagementClient : public UserManagementService {
 public:
  // ---- grants (parameters in <workos/user_management/grants.h>) --------------------------------
  /// `grant_type=password` (email + password; needs the client secret).
  [[nodiscard]] Result<workos::AuthenticateResponse> authenticate_with_password(
      const AuthenticateWithPasswordParams& params, const RequestOptions& options = {}) const;
  /// `grant_type=authorization_code` (with the secret, or with a `code_verifier`).
  [[nodiscard]] Result<workos::AuthenticateResponse> authenticate_with_code(
      const AuthenticateWithCodeParams& params, const RequestOptions& options = {}) const;
  /// The code exchange with a PKCE verifier; never sends the client secret.
  [[nodiscard]] Result<workos::AuthenticateResponse> authenticate_with_code_pkce(
      const AuthenticateWithCodePkceParams& params, const RequestOptions& options = {}) const;
  /// `grant_type=refresh_token` (the secret when the client has one).
  [[nodiscard]] Result<workos::AuthenticateResponse> authenticate_with_refresh_token(
      const AuthenticateWithRefreshTokenParams& params, const RequestOptions& options = {}) const;
  /// The Magic Auth code grant.
  [[nodiscard]] Result<workos::AuthenticateResponse> authenticate_with_magic_auth(
      const AuthenticateWithMagicAuthParams& params, const RequestOptions& options = {}) const;
  /// The email-verification code grant (after an `email_verification_required` answer).
  [[nodiscard]] Result<workos::AuthenticateResponse> authenticate_with_email_verification(
      const AuthenticateWithEmailVerificationParams& params,
      const RequestOptions& options = {}) const;
  /// The MFA TOTP grant (after an `mfa_challenge` answer).
  [[nodiscard]] Result<workos::AuthenticateResponse> authenticate_with_totp(
      const AuthenticateWithTotpParams& params, const RequestOptions& options = {}) const;
  /// The organization-selection grant (after `organization_selection_required`).
  [[nodiscard]] Result<workos::AuthenticateResponse> authenticate_with_organization_selection(
      const AuthenticateWithOrganizationSelectionParams& params,
      const RequestOptions& options = {}) const;
  /// One device-code grant (one poll); never sends the client secret.
  [[nodiscard]] Result<workos::AuthenticateResponse> authenticate_with_device_code(
      const AuthenticateWithDeviceCodeParams& params, const RequestOptions& options = {}) const;
  /// The Radar email-challenge code grant.
  [[nodiscard]] Result<workos::AuthenticateResponse> authenticate_with_radar_email_challenge(
      const AuthenticateWithRadarEmailChallengeParams& params,
      const RequestOptions& options = {}) const;
  /// The Radar SMS-challenge code grant.
  [[nodiscard]] Result<workos::AuthenticateResponse> authenticate_with_radar_sms_challenge(
      const AuthenticateWithRadarSmsChallengeParams& params,
      const RequestOptions& options = {}) const;

  // ---- authorization URL with PKCE ------------------------------------------------------------
  /// `get_authorization_url` with a fresh PKCE pair (S256) and, unless `params.state` is set,
  /// a random `state`. Needs one of `provider`, `connection_id` or `organization_id`
  /// (`kInvalidArgument` otherwise). No request is made.
  [[nodiscard]] Result<auth::AuthorizationUrlWithPkce> get_authorization_url_with_pkce(
      const GetAuthorizationUrlParams& params, const RequestOptions& options = {}) const;

  // ---- device authorization (RFC 8628) ---------------------------------------------------------
  /// Starts the device flow for the client's client id (`POST /user_management/authorize/device`).
  [[nodiscard]] Result<workos::DeviceAuthorizationResponse> start_device_authorization(
      const RequestOptions& options = {}) const;
  /// Polls the device-code grant until the user approves (the tokens), denies
  /// (`access_denied`), the code expires (`expired_token`, or `kTimeout` locally), or
  /// `options.cancellation` fires (`kCancelled`). Honours `interval` and `slow_down`; waits
  /// through `ClientOptions::clock.sleep` (injectable in tests).
  [[nodiscard]] Result<workos::AuthenticateResponse> poll_device_authorization(
      const workos::DeviceAuthorizationResponse& device,
      const auth::DevicePollOptions& options = {}) const;

  // ---- sessions and tokens ---------------------------------------------------------------------
  /// A sealed session from a cookie value and its iron password (see `workos::auth`).
  auth::SealedSession load_sealed_session(std::string session_data, std::string cookie_password,
                                          auth::SessionOptions options = {}) const;
  /// A sealed session from a cookie value and its codec.
  auth::SealedSession load_sealed_session(std::string session_data,
                                          std::shared_ptr<const auth::SessionCodec> codec,
                                          auth::SessionOptions options = {}) const;
  /// Seals an authenticate response into a cookie value (iron, Node SDK layout).
  [[nodiscard]] Result<std::string> seal_session_from_auth_response(
      const workos::AuthenticateResponse& response, std::string_view cookie_password) const;
  /// A verifier for access tokens of this client (shares the client's JWKS cache).
  auth::AccessTokenVerifier access_token_verifier(auth::TokenVerifyOptions options = {}) const;
  /// `{base_url}/sso/jwks/{client_id}`.
  std::string get_jwks_url() const;

 private:
  friend struct workos::detail::CoreAccess;
  /// Calls go through `connection` (a fake or mock); `core` (optional) supplies the client id,
  /// API key and JWKS settings to the helpers.
  UserManagementClient(std::shared_ptr<UserManagementConnection> connection,
                       std::shared_ptr<detail::ClientCore> core);
  /// The request core behind the helpers (may be null for a connection-only client).
  const std::shared_ptr<detail::ClientCore>& core() const noexcept { return core_; }
  std::shared_ptr<detail::ClientCore> core_;
};

}  // namespace workos::user_management
