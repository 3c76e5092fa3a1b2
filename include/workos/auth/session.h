// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// Sealed sessions: the AuthKit session (access token, refresh token, user) kept in an encrypted
/// cookie. `SealedSession::authenticate()` checks a cookie on every request with no network call
/// once the JWKS is cached; `refresh()` exchanges the refresh token for new tokens and re-seals
/// the cookie; `get_logout_url()` ends the session.
///
/// @code
/// auto session = client.user_management().load_sealed_session(cookie, cookie_password);
/// auto auth = session.authenticate();
/// if (!auth && auth.reason == workos::auth::SessionFailure::kInvalidJwt) {
///   auto refreshed = session.refresh();
///   if (refreshed) set_cookie(refreshed.sealed_session);
/// }
/// @endcode
///
/// Cookies are sealed with a `SessionCodec`: iron (`Fe26.2`, the Node SDK's format, the
/// default) or Fernet (the Python SDK's), so one cookie can be shared with services written
/// with those SDKs.

#include <workos/auth/access_token.h>
#include <workos/auth/session_codec.h>
#include <workos/call_mode.h>
#include <workos/client_base.h>
#include <workos/options.h>
#include <workos/result.h>
#include <workos/user_management/models.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace workos::auth {

/// Why a session could not be authenticated or refreshed. The snake_case names (`to_string`)
/// match the official SDKs' reasons where they have one.
enum class SessionFailure {
  kNone,                     ///< Success.
  kNoSessionCookieProvided,  ///< `no_session_cookie_provided`: the cookie was empty.
  kInvalidSessionCookie,     ///< `invalid_session_cookie`: cannot be unsealed, or lacks tokens.
  kInvalidJwt,       ///< `invalid_jwt`: the access token failed verification (see `token_failure`;
                     ///< `TokenFailure::kExpired` means a refresh is due).
  kJwksUnavailable,  ///< `jwks_unavailable`: the key set could not be fetched (retryable).
  kRefreshDenied,    ///< `refresh_denied`: 400 `invalid_grant`; the user must sign in again.
  kMfaEnrollment,    ///< `mfa_enrollment`: the refresh needs an MFA enrollment.
  kSsoRequired,      ///< `sso_required`: the refresh needs an SSO sign-in.
  kRateLimited,      ///< `rate_limit_exceeded`: 429 (retryable; see `retry_after`).
  kTimeout,          ///< `timeout` (retryable).
  kServerError,      ///< `server_error`: 5xx (retryable).
  kNetworkError,     ///< `network_error`: no HTTP answer (retryable).
  kRefreshFailed,    ///< `refresh_failed`: any other refresh error (see `error`).
  kConfiguration,    ///< `configuration_error`: bad cookie password, no client id, ...
};

/// The snake_case name of `failure` (`"invalid_jwt"`, ...); `""` for `kNone`.
const char* to_string(SessionFailure failure) noexcept;

/// Who impersonates the user (a WorkOS dashboard user), when the session is an impersonation.
struct SessionImpersonator {
  /// The impersonator's email address.
  std::string email;
  /// Why they impersonate the user, when given.
  std::optional<std::string> reason;
};

/// The content of a sealed session cookie.
struct SessionData {
  /// The access token (JWT).
  std::string access_token;
  /// The refresh token.
  std::string refresh_token;
  /// The user, when the cookie holds one.
  std::optional<workos::User> user;
  /// The organization of the session, when scoped to one.
  std::optional<std::string> organization_id;
  /// How the user signed in (`Password`, `GoogleOAuth`, ...).
  std::optional<std::string> authentication_method;
  /// Set when the session is an impersonation.
  std::optional<SessionImpersonator> impersonator;
};

/// The outcome of `SealedSession::authenticate()`. Converts to `true` when authenticated.
struct SessionAuthentication {
  bool authenticated = false;                     ///< True on success.
  SessionFailure reason = SessionFailure::kNone;  ///< Why not, on failure.
  /// With `kInvalidJwt` / `kJwksUnavailable`: why the access token was rejected.
  TokenFailure token_failure = TokenFailure::kNone;
  /// The underlying error for failures that have one (unseal, token, fetch, API).
  std::optional<Error> error;

  /// Claims of the verified access token (`sid`, `org_id`, `role`, `permissions`, ...).
  AccessTokenClaims claims;
  /// The user, when the cookie holds one.
  std::optional<workos::User> user;
  /// Set when the session is an impersonation.
  std::optional<SessionImpersonator> impersonator;
  /// How the user signed in (`Password`, `GoogleOAuth`, ...).
  std::optional<std::string> authentication_method;
  /// The access token (JWT).
  std::string access_token;

  /// `authenticated`.
  explicit operator bool() const noexcept { return authenticated; }
  /// The session id (`claims.sid`).
  const std::string& session_id() const noexcept { return claims.sid; }
  /// The organization id (`claims.org_id`), if the session is scoped to one.
  const std::optional<std::string>& organization_id() const noexcept { return claims.org_id; }
};

/// The outcome of `SealedSession::refresh()`.
struct SessionRefresh : SessionAuthentication {
  /// The new cookie value (sealed with the session's codec): on success, and also when the
  /// grant succeeded but the new access token could not be checked for a transient reason
  /// (`kJwksUnavailable`, `retryable`): store it then too — the old refresh token is spent.
  std::string sealed_session;
  /// The authenticate response behind a successful refresh.
  std::optional<workos::AuthenticateResponse> response;
  /// True when trying again later may succeed (rate limit, timeout, 5xx, network, JWKS).
  bool retryable = false;
  /// With `kRateLimited`: the wait the API asked for.
  std::optional<std::chrono::seconds> retry_after;
  /// True when another concurrent (or very recent) refresh of the same session did the
  /// network call and this one reused its answer.
  bool shared = false;
};

/// Settings of a loaded session.
struct SessionOptions {
  /// Access-token checks (leeway, issuer, audience, clock).
  TokenVerifyOptions token;
  /// A successful refresh is reused by other refreshes of the same session (same refresh
  /// token) for this long, so parallel requests carrying the old cookie all get the new tokens
  /// instead of racing to an `invalid_grant`.
  std::chrono::seconds refresh_reuse_window{10};
};

/// Options of one `refresh()`.
struct RefreshOptions {
  /// Organization to scope the new session to; unset = the current token's `org_id`.
  std::optional<std::string> organization_id;
  /// Seal the new cookie with this codec (e.g. a rotated password) and keep using it.
  std::shared_ptr<const SessionCodec> codec;
  /// Radar: the IP address of the request, passed to the refresh-token grant.
  std::optional<std::string> ip_address;
  /// Radar: the user agent of the request.
  std::optional<std::string> user_agent;
  /// Per-call request options (timeout, retries, ...).
  RequestOptions request;
};

namespace detail {
struct SessionContext;
struct AsyncSessionContext;
}  // namespace detail

/// One sealed session cookie bound to a client, in the form `Mode` (<workos/call_mode.h>):
/// `SealedSession` (blocking) or `AsyncSealedSession` (<workos/auth/async_session.h>: nothing
/// blocks, `authenticate()` is ready at once when the JWKS is cached and otherwise fetches the
/// key set on the event loop, `refresh()` runs the grant on the event loop). Thread-safe:
/// `authenticate()` may run on many threads; `refresh()` swaps the cookie under a lock. Cheap to
/// copy (copies share the session). Create one per request.
///
/// The async `authenticate()` and `refresh()` complete with a value for every outcome the
/// blocking session reports (in `reason`); they fail (`kCancelled`) only when cancelled or when
/// the client shut down. Sessions of one client, blocking or not, share its JWKS cache and
/// refresh single flight.
template <class Mode>
class BasicSealedSession {
 public:
  /// Checks the cookie: unseal, then verify the access token (JWKS cached per client).
  [[nodiscard]] Outcome<Mode, SessionAuthentication> authenticate() const;
  /// Exchanges the refresh token for new tokens (refresh-token grant), verifies the new access
  /// token, and re-seals the cookie with the rotated refresh token. On success the session
  /// holds the new cookie (`sealed_data()`). Concurrent refreshes of the same session (in this
  /// object or others loaded from the same cookie, blocking or not, within
  /// `SessionOptions::refresh_reuse_window`) make one network call; the others have `shared`
  /// set. Cancelling the async future completes it with kCancelled at once; a grant already sent
  /// still completes and updates the session (the refresh token is single-use).
  Outcome<Mode, SessionRefresh> refresh(const RefreshOptions& options = {});
  /// The AuthKit logout URL for this session (`/user_management/sessions/logout?session_id=`),
  /// also for an access token that has expired (signature and key are still checked). Errors:
  /// `kCrypto` / `kConfiguration` / `kDecode` when the cookie or its token is not valid.
  [[nodiscard]] Reply<Mode, std::string> get_logout_url(
      const std::optional<std::string>& return_to = std::nullopt) const;
  /// The unsealed cookie content, without verifying the access token (local in both forms).
  /// Errors: `kCrypto` when the cookie cannot be unsealed, `kDecode` when its content is not a
  /// session.
  [[nodiscard]] Result<SessionData> data() const;
  /// The current cookie value (the new one after a successful refresh).
  std::string sealed_data() const;

  /// Loads a cookie sealed with iron and `cookie_password` (at least 32 characters) for use on
  /// `client`. A bad password shows up as `SessionFailure::kConfiguration` when the session is
  /// used. Also `load_sealed_session(client, ...)`.
  static BasicSealedSession load(const ClientOf<Mode>& client, std::string session_data,
                                 std::string cookie_password, SessionOptions options = {});
  /// Loads a cookie sealed with `codec` (iron, Fernet or your own) for use on `client`.
  static BasicSealedSession load(const ClientOf<Mode>& client, std::string session_data,
                                 std::shared_ptr<const SessionCodec> codec,
                                 SessionOptions options = {});

 private:
  friend struct workos::detail::CoreAccess;
  using Context = typename Mode::template Pick<detail::SessionContext, detail::AsyncSessionContext>;
  /// Built by `load` and the user-management clients.
  explicit BasicSealedSession(std::shared_ptr<Context> context) : context_(std::move(context)) {}
  std::shared_ptr<Context> context_;
};

/// The blocking session: `authenticate()` and `refresh()` return their outcome when done.
using SealedSession = BasicSealedSession<SyncMode>;

/// Loads a cookie sealed with iron and `cookie_password` (at least 32 characters) for use on
/// `client`: a `SealedSession` for a `Client`, an `AsyncSealedSession` for an `AsyncClient`
/// (<workos/auth/async_session.h>). A bad password shows up as `SessionFailure::kConfiguration`
/// when the session is used.
template <class AnyClient>
BasicSealedSession<ModeOf<AnyClient>> load_sealed_session(const AnyClient& client,
                                                          std::string session_data,
                                                          std::string cookie_password,
                                                          SessionOptions options = {}) {
  return BasicSealedSession<ModeOf<AnyClient>>::load(
      client, std::move(session_data), std::move(cookie_password), std::move(options));
}
/// Loads a cookie sealed with `codec` (iron, Fernet or your own) for use on `client`.
template <class AnyClient>
BasicSealedSession<ModeOf<AnyClient>> load_sealed_session(const AnyClient& client,
                                                          std::string session_data,
                                                          std::shared_ptr<const SessionCodec> codec,
                                                          SessionOptions options = {}) {
  return BasicSealedSession<ModeOf<AnyClient>>::load(client, std::move(session_data),
                                                     std::move(codec), std::move(options));
}

/// Seals `response` (tokens, user, impersonator, authentication method) into a cookie value
/// with iron and `cookie_password`, in the Node SDK's layout. Errors: `kConfiguration` for a
/// short password, `kCrypto`.
[[nodiscard]] Result<std::string> seal_session_from_auth_response(
    const workos::AuthenticateResponse& response, std::string_view cookie_password);
/// Same with `codec` (the payload layout follows `codec->payload_style()`).
[[nodiscard]] Result<std::string> seal_session_from_auth_response(
    const workos::AuthenticateResponse& response, const SessionCodec& codec);
/// Seals `data` with `codec` in the codec's payload layout.
[[nodiscard]] Result<std::string> seal_session_data(const SessionData& data,
                                                    const SessionCodec& codec);
/// Parses an unsealed cookie payload (camelCase or snake_case keys). Errors: `kDecode`.
[[nodiscard]] Result<SessionData> parse_session_data(std::string_view json);

/// Seals arbitrary JSON text with iron and `password` (the Node SDK's `sealData`).
[[nodiscard]] Result<std::string> seal_data(std::string_view json, std::string_view password);
/// Unseals what `seal_data` (or the Node SDK's `sealData`) produced; returns the JSON text.
/// Errors: `kConfiguration` for a short password, `kCrypto` for a bad seal.
[[nodiscard]] Result<std::string> unseal_data(std::string_view sealed, std::string_view password);
/// `seal_data` with any codec.
[[nodiscard]] Result<std::string> seal_data(std::string_view json, const SessionCodec& codec);
/// `unseal_data` with any codec.
[[nodiscard]] Result<std::string> unseal_data(std::string_view sealed, const SessionCodec& codec);

}  // namespace workos::auth
