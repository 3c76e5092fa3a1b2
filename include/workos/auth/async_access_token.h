// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// `workos::auth::AsyncAccessTokenVerifier`: the async twin of `AccessTokenVerifier` for code
/// that runs on the async client. Verification is local once the JWKS is cached (the
/// future is then ready at once); when the key set must be fetched, the fetch runs on the
/// client's event loop through the async pipeline (proxy, timeouts, retries, hooks), never on a
/// blocked thread. The JWKS cache is the one of the client's `ClientCore`, shared with the sync
/// `Client` and its verifiers and sessions (one fetch for all of them).
///
/// @code
/// workos::AsyncClient client;
/// auto verifier = client.user_management().access_token_verifier();
/// verifier.verify(bearer).then([](workos::Result<workos::auth::AccessTokenClaims> claims) {
///   if (claims) use(claims->sub, claims->org_id);
/// });
/// @endcode

#include <workos/async/async_client_base.h>
#include <workos/async/future.h>
#include <workos/auth/access_token.h>
#include <workos/result.h>

#include <memory>
#include <string>
#include <string_view>

namespace workos {

namespace detail {
class AsyncCore;
}  // namespace detail

namespace auth {

namespace detail {
class TokenVerifierCore;
}  // namespace detail

/// Verifies WorkOS access tokens (RS256 JWTs) without blocking: the same checks, errors and
/// JWKS cache policy as `AccessTokenVerifier` (one fetch when many calls miss at once, one
/// forced refresh per cooldown on an unknown `kid`, the stale set kept when a refresh fails).
/// Thread-safe; cheap to copy (copies share the verifier).
class AsyncAccessTokenVerifier {
 public:
  /// Uses the JWKS cache shared by every verifier and session of `client`'s configuration
  /// (also the sync `Client` it was made from). A client without a client id fails each
  /// `verify()` with a `ConfigurationError`.
  explicit AsyncAccessTokenVerifier(const AsyncClientBase& client, TokenVerifyOptions options = {});
  /// Uses a cache of its own with `jwks` settings (not shared with the client's other helpers).
  AsyncAccessTokenVerifier(const AsyncClientBase& client, TokenVerifyOptions options,
                           JwksOptions jwks);
  /// A verifier over a fixed key set given as JWKS JSON text (never fetches; every future is
  /// ready at once). Errors: `kDecode` when the text is not a JWKS with at least one usable RSA
  /// key.
  [[nodiscard]] static Result<AsyncAccessTokenVerifier> from_jwks_json(
      std::string_view jwks_json, TokenVerifyOptions options = {});

  /// Verifies `token` and completes with its claims; ready at once when the key is cached,
  /// otherwise once the key set was fetched on the event loop. Errors as
  /// `AccessTokenVerifier::verify` (`kCrypto` with a `TokenFailure` code, `kJwksUnavailable`
  /// keeping the fetch's kind and status, `kConfiguration`); `kCancelled` when cancelled (the
  /// fetch itself goes on for the cache's other users).
  [[nodiscard]] Future<AccessTokenClaims> verify(std::string_view token) const;

  /// Fetches the key set now on the event loop (e.g. at start-up), or joins the fetch in
  /// flight. Errors: the fetch's error.
  [[nodiscard]] Future<void> refresh_jwks() const;

  /// The JWKS URL used (empty for a fixed key set). No request is made.
  std::string jwks_url() const;

 private:
  friend struct workos::detail::CoreAccess;
  /// A verifier over the shared JWKS cache of the client behind `core`.
  static AsyncAccessTokenVerifier from_core(std::shared_ptr<workos::detail::AsyncCore> core,
                                            TokenVerifyOptions options = {});
  AsyncAccessTokenVerifier(std::shared_ptr<const detail::TokenVerifierCore> verifier,
                           std::shared_ptr<workos::detail::AsyncCore> core);
  std::shared_ptr<const detail::TokenVerifierCore> verifier_;
  std::shared_ptr<workos::detail::AsyncCore> core_;
};

}  // namespace auth
}  // namespace workos
