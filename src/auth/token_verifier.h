// Copyright workos-cpp authors. Handwritten.
#pragma once

// The shared state behind AccessTokenVerifier (internal).

#include <workos/auth/access_token.h>

#include "auth/jwks.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace workos::auth::detail {

/// Immutable after construction; thread-safe.
class TokenVerifierCore {
 public:
  /// `core` may be null for a fixed key set; `jwks` must not be null.
  TokenVerifierCore(std::shared_ptr<workos::detail::ClientCore> core,
                    std::shared_ptr<JwksCache> jwks, TokenVerifyOptions options);

  /// Full verification; with `allow_expired` an expired (but otherwise valid) token passes.
  /// The three steps below, with the key looked up (and fetched if need be) synchronously.
  Result<AccessTokenClaims> verify(std::string_view token, bool allow_expired = false) const;

  // ---- the steps of verify(), shared with the async verifier (auth/async_jwks.cc) ----------
  /// Checks the token's form and header (RS256, kid, no crit) and that a client id is set;
  /// returns the key id to look up.
  Result<std::string> check_header(std::string_view token) const;
  /// The error for a failed key lookup.
  static Error lookup_error(const KeyLookup& lookup);
  /// Checks the signature with `key` and the claims (times with leeway, issuer, audience).
  Result<AccessTokenClaims> check_with_key(std::string_view token, const RsaKey& key,
                                           bool allow_expired) const;
  /// The configuration error that stops a key-set fetch (no client id and no JWKS URL),
  /// checked by `check_header` and by the blocking and the async refresh alike.
  std::optional<Error> fetch_config_error() const;
  Result<void> refresh() const;
  std::string jwks_url() const;

  const std::shared_ptr<workos::detail::ClientCore>& client_core() const noexcept { return core_; }
  const std::shared_ptr<JwksCache>& jwks() const noexcept { return jwks_; }
  const TokenVerifyOptions& options() const noexcept { return options_; }

 private:
  std::shared_ptr<workos::detail::ClientCore> core_;
  std::shared_ptr<JwksCache> jwks_;
  TokenVerifyOptions options_;
  JwksCache::Fetcher fetcher_;
};

/// A verifier core over the JWKS cache shared by all helpers of one client (and its copies),
/// created on first use.
std::shared_ptr<const TokenVerifierCore> make_verifier_core(
    const std::shared_ptr<workos::detail::ClientCore>& core, TokenVerifyOptions options);

}  // namespace workos::auth::detail
