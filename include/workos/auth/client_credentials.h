// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// Machine-to-machine access tokens: the OAuth `client_credentials` grant (`POST /oauth2/token`)
/// with a cache that renews the token before it expires, for `Client` (`ClientCredentials`) and
/// `AsyncClient` (`AsyncClientCredentials`). Verify such tokens on the receiving side with an
/// `AccessTokenVerifier` whose `JwksOptions::url` is `"/oauth2/jwks"`. See docs/auth.md
/// ("Machine-to-machine tokens").
///
/// @code
/// workos::auth::ClientCredentialsOptions m2m;
/// m2m.client_id = "client_01M2M";           // the M2M application, not your WorkOS client
/// m2m.client_secret = std::getenv("M2M_SECRET");
/// m2m.scopes = {"reports:read"};
/// workos::auth::ClientCredentials tokens(client, m2m);
/// auto token = tokens.token();                // cached; renewed a minute before it expires
/// if (!token) return fail(token.error());     // error() == "invalid_client", "invalid_scope", ...
/// call_api_with("Bearer " + token->access_token);
/// @endcode

#include <workos/async/async_client_base.h>
#include <workos/async/future.h>
#include <workos/client_base.h>
#include <workos/options.h>
#include <workos/result.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace workos::auth {

/// An access token of the `client_credentials` grant.
struct ClientCredentialsToken {
  std::string access_token;  ///< The bearer token (a JWT signed with the `/oauth2/jwks` keys).
  std::string token_type;    ///< `"Bearer"`.
  std::string scope;         ///< The granted scopes, space-separated (may be empty).
  std::chrono::seconds expires_in{0};  ///< Lifetime announced by the server.
  /// When it expires, on the client's wall clock (`ClientOptions::clock.wall_now`).
  std::chrono::system_clock::time_point expires_at{};
};

/// Which application asks, for what, and how long before expiry a cached token is renewed.
struct ClientCredentialsOptions {
  /// The M2M application's client id (required; not the client's own `client_id`).
  std::string client_id;
  /// Its secret (required). Sent in the form body only; never logged or shown in an error.
  std::string client_secret;
  /// Scopes asked for (`scope`, space-joined); empty = the application's defaults.
  std::vector<std::string> scopes;
  /// A cached token is renewed once less than this is left of its life.
  std::chrono::seconds renew_before{60};
  /// The token endpoint: empty = `{base_url}/oauth2/token`; a path is taken on the client's base
  /// URL; a whole URL (an AuthKit domain's `https://.../oauth2/token`) is used as it is.
  std::string token_url;
  /// Options of each token request (timeout, deadline, ...).
  RequestOptions request;
};

namespace detail {
class ClientCredentialsState;
}  // namespace detail

/// Tokens of one (application, scopes) pair for a `Client`, cached and renewed before expiry:
/// many threads asking at once make one request. Thread-safe; cheap to copy (copies share the
/// cache).
class ClientCredentials {
 public:
  /// Requests go through `client`'s pipeline (proxy, TLS, hooks, logging); no API key is sent.
  ClientCredentials(const ClientBase& client, ClientCredentialsOptions options);
  /// The cached token while it has more than `renew_before` to live, else a new one. Errors:
  /// `kConfiguration` (no client id or secret, nothing sent), the token endpoint's OAuth errors
  /// as `kApi` errors whose `error()` names them (`invalid_client`, status 401, thrown as
  /// `AuthenticationError`; `invalid_scope`, `unauthorized_client`, `unsupported_grant_type`,
  /// status 400, `BadRequestError`), `kDecode` for an answer without an `access_token`, and the
  /// call's network errors.
  [[nodiscard]] Result<ClientCredentialsToken> token() const;
  /// Drops the cached token (e.g. after the resource server refused it); the next `token()`
  /// requests a new one.
  void invalidate() const;

 private:
  std::shared_ptr<detail::ClientCredentialsState> state_;
};

/// The same cache for an `AsyncClient`: `token()` completes at once with a cached token, else
/// when the token request (made on the event loop; one for many concurrent callers) answers.
/// Thread-safe; cheap to copy.
class AsyncClientCredentials {
 public:
  /// Requests run on `client`'s event loop, through its pipeline; no API key is sent.
  AsyncClientCredentials(const AsyncClientBase& client, ClientCredentialsOptions options);
  /// As `ClientCredentials::token`, without blocking.
  Future<ClientCredentialsToken> token() const;
  /// As `ClientCredentials::invalidate`.
  void invalidate() const;

 private:
  std::shared_ptr<detail::ClientCredentialsState> state_;
  std::shared_ptr<workos::detail::AsyncCore> core_;
};

}  // namespace workos::auth
