// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// `workos::user_management::UserManagementClient` (`client.user_management()`) and the template
/// both user-management clients share: the generated `user_management` service plus the
/// handwritten AuthKit helpers — the `authenticate_with_*` grants (`BasicGrants`,
/// <workos/user_management/grants.h>), the PKCE authorization URL, device authorization, sealed
/// sessions and access-token verification. The async form, `AsyncUserManagementClient`
/// (`async.user_management()`), is in <workos/user_management/async_user_management_client.h>.
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
#include <workos/call_mode.h>
#include <workos/options.h>
#include <workos/result.h>
#include <workos/user_management/grants.h>
#include <workos/user_management/service.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace workos {
namespace user_management {

/// The `user_management` service with the AuthKit helpers, in the form `Mode`
/// (<workos/call_mode.h>): the requests return `Result<T>` in `UserManagementClient` and
/// `Future<T>` in `AsyncUserManagementClient`, whose device poll waits on event-loop timers and
/// whose sessions and verifiers are the async ones (`auth::AsyncSealedSession`,
/// `auth::AsyncAccessTokenVerifier`). What makes no request returns the same type in both.
/// Thread-safe; cheap to copy.
template <class Mode>
class BasicUserManagementClient : public BasicGrants<Mode> {
  using Base = BasicGrants<Mode>;

 public:
  /// `auth::SealedSession` or `auth::AsyncSealedSession`, by the form.
  using Session = auth::BasicSealedSession<Mode>;
  /// `auth::AccessTokenVerifier` or `auth::AsyncAccessTokenVerifier`, by the form.
  using Verifier = auth::BasicAccessTokenVerifier<Mode>;

  // ---- authorization URL with PKCE ------------------------------------------------------------
  /// `get_authorization_url` with a fresh PKCE pair (S256) and, unless `params.state` is set,
  /// a random `state`. Needs one of `provider`, `connection_id` or `organization_id`
  /// (`kInvalidArgument` otherwise). No request is made, so both forms return the `Result` (the
  /// async form needs the connection's `get_authorization_url` to answer at once, as the SDK's
  /// does).
  [[nodiscard]] Result<auth::AuthorizationUrlWithPkce> get_authorization_url_with_pkce(
      const GetAuthorizationUrlParams& params, const RequestOptions& options = {}) const;

  // ---- device authorization (RFC 8628) ---------------------------------------------------------
  /// Starts the device flow for the client's client id (`POST /user_management/authorize/device`).
  [[nodiscard]] Reply<Mode, workos::DeviceAuthorizationResponse> start_device_authorization(
      const RequestOptions& options = {}) const;
  /// Polls the device-code grant until the user approves (the tokens), denies
  /// (`access_denied`), the code expires (`expired_token`, or `kTimeout` locally), or the poll
  /// is cancelled (`options.cancellation`, or the future's `cancel()`: `kCancelled`). Honours
  /// `interval` and `slow_down`. The blocking form waits through `ClientOptions::clock.sleep`
  /// (injectable in tests); the async form waits on event-loop timers, so no thread sleeps (an
  /// injected `clock.sleep` is called with each wait instead), runs `options.on_poll` on the loop
  /// thread, and needs a core (the event loop): without one the future fails with
  /// `kConfiguration`.
  [[nodiscard]] Reply<Mode, workos::AuthenticateResponse> poll_device_authorization(
      const workos::DeviceAuthorizationResponse& device,
      const auth::DevicePollOptions& options = {}) const;

  // ---- sessions and tokens ---------------------------------------------------------------------
  /// A sealed session from a cookie value and its iron password (see `workos::auth`). No request
  /// is made here.
  Session load_sealed_session(std::string session_data, std::string cookie_password,
                              auth::SessionOptions options = {}) const;
  /// A sealed session from a cookie value and its codec.
  Session load_sealed_session(std::string session_data,
                              std::shared_ptr<const auth::SessionCodec> codec,
                              auth::SessionOptions options = {}) const;
  /// Seals an authenticate response into a cookie value (iron, Node SDK layout). Local.
  [[nodiscard]] Result<std::string> seal_session_from_auth_response(
      const workos::AuthenticateResponse& response, std::string_view cookie_password) const;
  /// A verifier for access tokens of this client (shares the client's JWKS cache).
  Verifier access_token_verifier(auth::TokenVerifyOptions options = {}) const;
  /// `{base_url}/sso/jwks/{client_id}` (local; empty without a core).
  std::string get_jwks_url() const;

 protected:
  /// Over a connection and the client's core (built by the client).
  using Base::Base;
};

/// The blocking user-management client: `client.user_management()`.
class UserManagementClient : public BasicUserManagementClient<SyncMode> {
  /// The constructors of `BasicUserManagementClient`.
  using BasicUserManagementClient::BasicUserManagementClient;
};

}  // namespace user_management
}  // namespace workos
