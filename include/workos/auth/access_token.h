// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// Access-token (JWT) verification against the WorkOS JWKS: `AccessTokenVerifier`, the decoded
/// `AccessTokenClaims` and the typed failure reasons (`TokenFailure`). Verification runs locally
/// (no network) once the JWKS is cached. See docs/auth.md and
/// docs/adr/0005-sessions-and-tokens.md.
///
/// @code
/// workos::auth::AccessTokenVerifier verifier(client);          // JWKS of client.client_id()
/// auto claims = verifier.verify(bearer_token);
/// if (!claims) {
///   if (workos::auth::token_failure(claims.error()) == workos::auth::TokenFailure::kExpired) ...
/// } else {
///   use(claims->sub, claims->org_id, claims->permissions);
/// }
/// @endcode

#include <workos/call_mode.h>
#include <workos/client_base.h>
#include <workos/options.h>
#include <workos/result.h>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace workos {
class AsyncClientBase;
}  // namespace workos

namespace workos::auth {

/// Why a token was rejected. Carried by the `Error` of a failed `verify()` (read it with
/// `token_failure()`); its `code()` is the snake_case name given below.
enum class TokenFailure {
  kNone,                  ///< Not a token failure (or no failure).
  kMalformed,             ///< `malformed_token`: not three base64url parts of JSON.
  kUnsupportedAlgorithm,  ///< `unsupported_algorithm`: `alg` is not RS256 (none, HS*, ...).
  kAlgorithmMismatch,     ///< `algorithm_mismatch`: the JWK's `alg`/`kty` disagree with RS256.
  kMissingKeyId,          ///< `missing_kid`: the header has no `kid`.
  kUnknownKeyId,          ///< `unknown_kid`: no key with that `kid`, even after a refresh.
  kInvalidSignature,      ///< `invalid_signature`
  kExpired,               ///< `token_expired`: `exp` (plus leeway) is in the past.
  kNotYetValid,           ///< `token_not_yet_valid`: `nbf` (minus leeway) is in the future.
  kIssuedInFuture,        ///< `token_issued_in_future`: `iat` (minus leeway) is in the future.
  kMissingExpiration,     ///< `missing_exp`: no `exp` claim.
  kInvalidIssuer,         ///< `invalid_issuer`: `iss` differs from the expected issuer.
  kInvalidAudience,       ///< `invalid_audience`: the expected audience is not in `aud`.
  kJwksUnavailable,       ///< `jwks_unavailable`: no key set could be fetched (see the error's
                          ///< kind / status for the fetch failure).
};

/// The snake_case name of `failure` (`"token_expired"`, ...); `""` for `kNone`.
const char* to_string(TokenFailure failure) noexcept;

/// The `TokenFailure` an error from `AccessTokenVerifier::verify` stands for; `kNone` for any
/// other error.
TokenFailure token_failure(const Error& error) noexcept;

/// The `act` claim of an impersonated session: who is acting on the user's behalf.
struct TokenActor {
  std::string sub;                    ///< The impersonator (a WorkOS dashboard user's email).
  std::optional<std::string> reason;  ///< Why, when given.
};

/// The claims of a verified WorkOS access token. Value type; thread-safe to read.
struct AccessTokenClaims {
  std::string iss;                         ///< Issuer.
  std::string sub;                         ///< Subject: the user id (`user_...`).
  std::string sid;                         ///< Session id (`session_...`), used for the logout URL.
  std::string jti;                         ///< Token id.
  std::vector<std::string> aud;            ///< Audience (a string `aud` becomes one element).
  std::optional<std::string> org_id;       ///< Organization the session is scoped to.
  std::optional<std::string> role;         ///< The user's role slug in that organization.
  std::vector<std::string> roles;          ///< All role slugs.
  std::vector<std::string> permissions;    ///< Permission slugs.
  std::vector<std::string> entitlements;   ///< Entitlement slugs.
  std::vector<std::string> feature_flags;  ///< Feature flags enabled for the session.
  std::optional<TokenActor> act;           ///< Set when the session is an impersonation.
  std::chrono::system_clock::time_point exp{};               ///< Expiry.
  std::optional<std::chrono::system_clock::time_point> iat;  ///< Issued at.
  std::optional<std::chrono::system_clock::time_point> nbf;  ///< Not before.
  std::string kid;       ///< Header `kid` of the key that signed the token.
  std::string raw_json;  ///< The whole payload as JSON text (custom claims live here).
};

/// What `verify()` checks besides the signature.
struct TokenVerifyOptions {
  /// Tolerated clock skew for `exp`, `nbf` and `iat` (WorkOS and your server may disagree).
  std::chrono::seconds leeway{10};
  /// Expected `iss`; unset (and `issuers` empty) = not checked.
  std::optional<std::string> issuer;
  /// Further accepted issuers (a custom AuthKit domain beside the default one, M2M tokens):
  /// `iss` must be `issuer` or one of these.
  std::vector<std::string> issuers;
  /// Expected audience (must be one of `aud`); unset (and `audiences` empty) = not checked.
  std::optional<std::string> audience;
  /// Further accepted audiences: one of `aud` must be `audience` or one of these.
  std::vector<std::string> audiences;
  /// Wall clock used for `exp` / `nbf` / `iat`; null = the client's
  /// `ClientOptions::clock.wall_now`, else `std::chrono::system_clock::now`.
  std::function<std::chrono::system_clock::time_point()> now;
};

/// Where the JWKS comes from and how it is cached.
struct JwksOptions {
  /// The key set's location. Empty: `{base_url}/sso/jwks/{client_id}` (WorkOS access tokens).
  /// A path (`"/oauth2/jwks"`, the keys of M2M and Connect tokens) is taken on the client's base
  /// URL; a whole URL (`"https://auth.example.com/oauth2/jwks"`, a custom AuthKit domain) is
  /// fetched as it is. Always through the client's pipeline, never with the API key.
  std::string url;
  /// A fetched key set is fresh for this long; after it a request refreshes it (the stale set
  /// keeps serving while one thread fetches).
  std::chrono::seconds ttl{600};
  /// When a stale set still holds the token's key: true verifies with it at once and refreshes
  /// the set on a background thread (at most one; destroying the verifier's client waits for
  /// it, bounded by the fetch's 11 s deadline); false makes the caller that finds the set
  /// stale refresh it, while other callers keep using the stale keys. A missing set or an
  /// unknown `kid` is always fetched by the caller that needs it.
  bool background_refresh = true;
  /// A token with an unknown `kid` forces one refresh at most once per this period (key
  /// rotation), so forged `kid`s cannot make the SDK hammer the API.
  std::chrono::seconds unknown_kid_cooldown{30};
  /// After a failed fetch with no key set at all, further requests fail fast for this long
  /// instead of fetching again.
  std::chrono::seconds failure_cooldown{5};
  /// Per-fetch request options (timeout, retries, ...). The client's proxy, TLS and retry
  /// settings apply as for every call.
  RequestOptions request;
};

namespace detail {
class JwksCache;
class TokenVerifierCore;
}  // namespace detail

/// Verifies WorkOS access tokens (RS256 JWTs) against the client's JWKS, in the form `Mode`
/// (<workos/call_mode.h>): `AccessTokenVerifier` over a `Client` (`verify` returns the
/// `Result`) or `AsyncAccessTokenVerifier` over an `AsyncClient`
/// (<workos/auth/async_access_token.h>: `verify` returns a future, ready at once when the key is
/// cached; a key set that must be fetched is fetched on the event loop). Thread-safe; cheap to copy
/// (copies share the verifier). Keys are fetched through the client's own pipeline (proxy,
/// timeouts, retries, hooks) the first time they are needed, then cached: one fetch when many calls
/// miss at once, one forced refresh per cooldown on an unknown `kid`, the stale set kept when a
/// refresh fails. The cache is the client's, shared by both forms and by the sessions.
///
/// Only RS256 is accepted: `none`, `HS256` and any other algorithm are rejected whatever the key
/// set says; the token's `kid` must name a key of the set.
template <class Mode>
class BasicAccessTokenVerifier {
 public:
  /// `ClientBase` or `AsyncClientBase`, by the form.
  using Client = typename Mode::template Pick<ClientBase, AsyncClientBase>;

  /// Uses the JWKS cache shared by every verifier and session of `client` (and its copies).
  /// A client without a client id fails each `verify()` with a `ConfigurationError`.
  explicit BasicAccessTokenVerifier(const Client& client, TokenVerifyOptions options = {});
  /// Uses a cache of its own with `jwks` settings (not shared with the client's other helpers).
  BasicAccessTokenVerifier(const Client& client, TokenVerifyOptions options, JwksOptions jwks);
  /// A verifier over a fixed key set given as JWKS JSON text (never fetches; the async form's
  /// futures are ready at once). Errors: `kDecode` when the text is not a JWKS with at least one
  /// usable RSA key.
  [[nodiscard]] static Result<BasicAccessTokenVerifier> from_jwks_json(
      std::string_view jwks_json, TokenVerifyOptions options = {});

  /// Verifies `token` and returns its claims. On failure the error's kind is `kCrypto` with a
  /// `TokenFailure` code (see `token_failure()`), except when the key set could not be fetched
  /// (`TokenFailure::kJwksUnavailable`; the error keeps the fetch's kind and status) or the
  /// client has no client id (`kConfiguration`); in the async form `kCancelled` when cancelled
  /// (the fetch itself goes on for the cache's other users).
  [[nodiscard]] Reply<Mode, AccessTokenClaims> verify(std::string_view token) const;

  /// Fetches the key set now (e.g. at start-up, to keep the first request fast), or joins the
  /// fetch in flight. Errors: the fetch's error.
  [[nodiscard]] Reply<Mode, void> refresh_jwks() const;

  /// The JWKS URL used (empty for a fixed key set). No request is made.
  std::string jwks_url() const;

 private:
  friend struct workos::detail::CoreAccess;
  /// A verifier over the shared JWKS cache of the client behind `core`.
  static BasicAccessTokenVerifier from_core(std::shared_ptr<workos::detail::CoreOf<Mode>> core,
                                            TokenVerifyOptions options = {});
  BasicAccessTokenVerifier(std::shared_ptr<const detail::TokenVerifierCore> verifier,
                           std::shared_ptr<workos::detail::CoreOf<Mode>> core);
  std::shared_ptr<const detail::TokenVerifierCore> verifier_;
  /// The request core: the event loop of the async form's fetches (null for a fixed key set).
  std::shared_ptr<workos::detail::CoreOf<Mode>> core_;
};

/// The blocking verifier: `verify` returns when the token is checked.
using AccessTokenVerifier = BasicAccessTokenVerifier<SyncMode>;

/// Decodes the claims of `token` WITHOUT verifying its signature or times. Only for tokens
/// that were verified elsewhere or for display; never for authorization decisions. Errors:
/// `kCrypto` with `TokenFailure::kMalformed`.
[[nodiscard]] Result<AccessTokenClaims> decode_access_token_unverified(std::string_view token);

}  // namespace workos::auth
