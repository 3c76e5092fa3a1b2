// Copyright workos-cpp authors. Handwritten.
// Access-token verification: RS256 only, kid lookup in the cached JWKS, time claims with leeway,
// optional issuers / audiences.

#include "auth/token_verifier.h"
#include "auth/access_token_impl.h"
#include "core/core_access.h"

#include "auth/client_state.h"
#include "auth/jwt.h"
#include "core/call.h"
#include "core/enum_names.h"
#include "crypto/encoding.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace workos::auth {

namespace {

constexpr workos::detail::EnumName<TokenFailure> kTokenFailures[] = {
    {TokenFailure::kNone, ""},
    {TokenFailure::kMalformed, "malformed_token"},
    {TokenFailure::kUnsupportedAlgorithm, "unsupported_algorithm"},
    {TokenFailure::kAlgorithmMismatch, "algorithm_mismatch"},
    {TokenFailure::kMissingKeyId, "missing_kid"},
    {TokenFailure::kUnknownKeyId, "unknown_kid"},
    {TokenFailure::kInvalidSignature, "invalid_signature"},
    {TokenFailure::kExpired, "token_expired"},
    {TokenFailure::kNotYetValid, "token_not_yet_valid"},
    {TokenFailure::kIssuedInFuture, "token_issued_in_future"},
    {TokenFailure::kMissingExpiration, "missing_exp"},
    {TokenFailure::kInvalidIssuer, "invalid_issuer"},
    {TokenFailure::kInvalidAudience, "invalid_audience"},
    {TokenFailure::kJwksUnavailable, "jwks_unavailable"},
};

}  // namespace

const char* to_string(TokenFailure failure) noexcept {
  return workos::detail::code_of(kTokenFailures, failure, "");
}

TokenFailure token_failure(const Error& error) noexcept {
  const std::string& code = error.code();
  if (code.empty()) return TokenFailure::kNone;
  if (code == "jwks_unavailable") return TokenFailure::kJwksUnavailable;
  if (error.kind() != ErrorKind::kCrypto) return TokenFailure::kNone;
  return workos::detail::value_of(kTokenFailures, code, TokenFailure::kNone);
}

namespace detail {
namespace {

// The fetch error, re-labelled so `token_failure()` recognises it; kind, status and request id
// of the failed fetch are kept.
Error jwks_unavailable(const std::optional<Error>& cause) {
  ErrorInfo info;
  if (cause)
    info = cause->info();
  else
    info.kind = ErrorKind::kConnection;
  if (info.kind == ErrorKind::kConfiguration) return *cause;  // say what is misconfigured
  info.code = "jwks_unavailable";
  info.message =
      "the JWKS could not be fetched" + (cause ? ": " + cause->message() : std::string());
  return Error(std::move(info));
}

// The JWS `alg` names registered by RFC 7518 §3.1 and RFC 8037 (plus ES256K, RFC 8812), as
// our own string literals; anything else is "not a registered algorithm".
const char* known_algorithm_name(std::string_view alg) noexcept {
  static constexpr const char* kNames[] = {"HS256", "HS384", "HS512", "RS256", "RS384",
                                           "RS512", "ES256", "ES384", "ES512", "PS256",
                                           "PS384", "PS512", "none",  "EdDSA", "ES256K"};
  for (const char* name : kNames) {
    if (alg == name) return name;
  }
  return "not a registered algorithm";
}

std::chrono::system_clock::time_point wall_now(const TokenVerifyOptions& o) {
  return o.now ? o.now() : std::chrono::system_clock::now();
}

// True when nothing is expected, or when one of `got` is `one` or one of `any`.
bool accepted(const std::optional<std::string>& one, const std::vector<std::string>& any,
              const std::vector<std::string>& got) {
  if (!one && any.empty()) return true;
  for (const auto& g : got) {
    if ((one && g == *one) || std::find(any.begin(), any.end(), g) != any.end()) return true;
  }
  return false;
}

}  // namespace

TokenVerifierCore::TokenVerifierCore(std::shared_ptr<workos::detail::ClientCore> core,
                                     std::shared_ptr<JwksCache> jwks, TokenVerifyOptions options)
    : core_(std::move(core)), jwks_(std::move(jwks)), options_(std::move(options)) {
  // Without an explicit clock, the client's wall clock (ClientOptions::clock.wall_now) decides.
  if (!options_.now && core_ && core_->options().clock.wall_now) {
    options_.now = core_->options().clock.wall_now;
  }
  if (core_) {
    // Holds the core weakly: the shared cache may outlive this verifier but not the reverse.
    std::weak_ptr<workos::detail::ClientCore> weak = core_;
    JwksOptions jwks = jwks_->options();
    fetcher_ = [weak, jwks]() -> Result<std::string> {
      auto core = weak.lock();
      if (!core) return Error(ErrorKind::kCancelled, "the client was destroyed");
      return fetch_jwks(*core, jwks);
    };
  } else {
    fetcher_ = []() -> Result<std::string> {
      return Error(ErrorKind::kConfiguration,
                   "the JWKS cannot be fetched: no client behind this helper");
    };
  }
}

Result<std::string> TokenVerifierCore::check_header(std::string_view token) const {
  JwtParts parts;
  if (!split_jwt(token, parts)) {
    return token_error(TokenFailure::kMalformed,
                       "the token is not a compact JWS (3 unpadded base64url parts)");
  }
  JwtHeader header;
  if (decode_header(parts.header_b64, header) != TokenFailure::kNone) {
    return token_error(TokenFailure::kMalformed, "the token header is not valid base64url JSON");
  }
  // RFC 8725 §3.1: the algorithm is fixed by us, never taken from the token.
  if (header.alg != "RS256") {
    // The header is attacker-chosen: it is never echoed. Only a registered algorithm name,
    // compared against our own list, is named (it helps with an HS256 / RS256 mix-up).
    return token_error(TokenFailure::kUnsupportedAlgorithm,
                       std::string("unsupported algorithm: only RS256 tokens are accepted (the "
                                   "token's alg is ") +
                           known_algorithm_name(header.alg) + ")");
  }
  if (header.has_crit) {
    return token_error(TokenFailure::kMalformed, "the token has critical header extensions");
  }
  if (!header.has_kid || header.kid.empty()) {
    return token_error(TokenFailure::kMissingKeyId, "the token header has no kid");
  }
  if (fetch_config_error()) {
    return Error(ErrorKind::kConfiguration,
                 "a client id is needed to verify access tokens (set ClientOptions::client_id or "
                 "WORKOS_CLIENT_ID)");
  }
  return std::move(header.kid);
}

Error TokenVerifierCore::lookup_error(const KeyLookup& key) {
  if (key.failure == TokenFailure::kJwksUnavailable) return jwks_unavailable(key.error);
  if (key.failure == TokenFailure::kAlgorithmMismatch) {
    return token_error(key.failure, "the key named by kid is not an RS256 signing key");
  }
  return token_error(TokenFailure::kUnknownKeyId, "no key in the JWKS has the token's kid");
}

Result<AccessTokenClaims> TokenVerifierCore::check_with_key(std::string_view token,
                                                            const RsaKey& key,
                                                            bool allow_expired) const {
  JwtParts parts;
  if (!split_jwt(token, parts)) {
    return token_error(TokenFailure::kMalformed,
                       "the token is not a compact JWS (3 unpadded base64url parts)");
  }
  std::string signature;
  if (!base64url_decode(parts.signature_b64, signature)) {
    return token_error(TokenFailure::kMalformed, "the token signature is not valid base64url");
  }
  if (!key.verify_rs256(parts.signing_input, signature)) {
    return token_error(TokenFailure::kInvalidSignature, "the token signature does not verify");
  }

  AccessTokenClaims claims;
  bool has_exp = false;
  if (decode_claims(parts.payload_b64, claims, has_exp) != TokenFailure::kNone) {
    return token_error(TokenFailure::kMalformed, "the token claims are not valid JSON claims");
  }
  claims.kid = key.kid();
  const auto now = wall_now(options_);
  const auto leeway = options_.leeway;
  if (!has_exp) return token_error(TokenFailure::kMissingExpiration, "the token has no exp");
  // RFC 7519 §4.1.4: the current time must be before exp.
  if (!allow_expired && now >= claims.exp + leeway) {
    return token_error(TokenFailure::kExpired, "the token has expired");
  }
  if (claims.nbf && *claims.nbf > now + leeway) {
    return token_error(TokenFailure::kNotYetValid, "the token is not valid yet (nbf)");
  }
  if (claims.iat && *claims.iat > now + leeway) {
    return token_error(TokenFailure::kIssuedInFuture, "the token was issued in the future (iat)");
  }
  if (!accepted(options_.issuer, options_.issuers, {claims.iss})) {
    return token_error(TokenFailure::kInvalidIssuer, "the token issuer is not an expected one");
  }
  if (!accepted(options_.audience, options_.audiences, claims.aud)) {
    return token_error(TokenFailure::kInvalidAudience,
                       "the token audience does not include an expected one");
  }
  return claims;
}

Result<AccessTokenClaims> TokenVerifierCore::verify(std::string_view token,
                                                    bool allow_expired) const {
  Result<std::string> kid = check_header(token);
  if (!kid) return kid.error();
  KeyLookup key = jwks_->lookup(*kid, fetcher_);
  if (!key.key) return lookup_error(key);
  return check_with_key(token, *key.key, allow_expired);
}

std::optional<Error> TokenVerifierCore::fetch_config_error() const {
  if (!core_) return std::nullopt;
  return jwks_client_id_error(*core_, jwks_->options().url);
}

Result<void> TokenVerifierCore::refresh() const {
  if (auto e = fetch_config_error()) return std::move(*e);
  return jwks_->refresh(fetcher_);
}

std::string TokenVerifierCore::jwks_url() const {
  return core_ ? detail::jwks_url(*core_, jwks_->options().url) : std::string();
}

std::shared_ptr<const TokenVerifierCore> make_verifier_core(
    const std::shared_ptr<workos::detail::ClientCore>& core, TokenVerifyOptions options) {
  return std::make_shared<const TokenVerifierCore>(core, client_state(core)->jwks,
                                                   std::move(options));
}

}  // namespace detail

// ---- public API ------------------------------------------------------------------------------

template class BasicAccessTokenVerifier<SyncMode>;

Result<AccessTokenClaims> decode_access_token_unverified(std::string_view token) {
  detail::JwtParts parts;
  if (!detail::split_jwt(token, parts)) {
    return detail::token_error(TokenFailure::kMalformed, "the token is not a compact JWS");
  }
  AccessTokenClaims claims;
  bool has_exp = false;
  if (detail::decode_claims(parts.payload_b64, claims, has_exp) != TokenFailure::kNone) {
    return detail::token_error(TokenFailure::kMalformed, "the token claims are not valid JSON");
  }
  detail::JwtHeader header;
  if (detail::decode_header(parts.header_b64, header) == TokenFailure::kNone) {
    claims.kid = std::move(header.kid);
  }
  return claims;
}

}  // namespace workos::auth
