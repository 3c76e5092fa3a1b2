// Copyright workos-cpp authors. Handwritten.
//
// Fuzzes JWT parsing and access-token verification against a fixed JWKS (one RSA key made at
// start-up, so no token in a corpus can carry a valid signature). The first byte picks a mode:
//   'S'  the rest is a claims payload, signed here with the JWKS key under a valid header;
//   'H'  the rest is a header, signed here over valid claims;
//   'K'  the rest is a JWKS document (the key set fetched from the API);
//   else the rest is a whole token (split, header and claims decoding, then verification).
// Invariants: a token that verifies was signed here, with `alg` RS256 and our `kid`, no `crit`,
// an issuer equal to the expected one, and exp / nbf / iat inside the leeway around the fixed
// "now"; a token that was not signed here never verifies; the claims keep the payload text;
// every key of a parsed JWKS is found by its kid.

#include <workos/auth/access_token.h>

#include "auth/jwks.h"
#include "auth/jwt.h"
#include "support/auth_test_keys.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

namespace {

using std::chrono::seconds;
using std::chrono::system_clock;
using workos::auth::AccessTokenVerifier;

constexpr std::string_view kKid = "key_fuzz";
constexpr std::string_view kIssuer = "https://api.workos.com";
constexpr seconds kLeeway{10};
const system_clock::time_point kNow{seconds(1767225600)};  // 2026-01-01T00:00:00Z

[[noreturn]] void fail(const char* what, std::string_view text) {
  std::fprintf(stderr, "jwt invariant: %s: %.*s\n", what, static_cast<int>(text.size()),
               text.data());
  std::abort();
}

struct Fixture {
  std::shared_ptr<const workos::test::auth::TestRsaKey> key;
  std::unique_ptr<AccessTokenVerifier> verifier;
};

const Fixture& fixture() {
  static const Fixture* f = [] {
    auto* out = new Fixture;
    out->key = workos::test::auth::TestRsaKey::generate(std::string(kKid));
    workos::auth::TokenVerifyOptions options;
    options.leeway = kLeeway;
    options.issuer = std::string(kIssuer);
    options.now = [] { return kNow; };
    auto verifier =
        AccessTokenVerifier::from_jwks_json(workos::test::auth::jwks_json({out->key}), options);
    if (!verifier) fail("fixed JWKS rejected", verifier.error().message());
    out->verifier = std::make_unique<AccessTokenVerifier>(std::move(*verifier));
    return out;
  }();
  return *f;
}

// What every accepted token must satisfy.
void check_accepted(const workos::auth::AccessTokenClaims& claims, std::string_view token) {
  namespace d = workos::auth::detail;
  d::JwtParts parts;
  if (!d::split_jwt(token, parts)) fail("accepted a token that does not split", token);
  d::JwtHeader header;
  if (d::decode_header(parts.header_b64, header) != workos::auth::TokenFailure::kNone ||
      header.alg != "RS256" || header.kid != kKid || header.has_crit) {
    fail("accepted a header that is not RS256 with our kid", token);
  }
  if (claims.kid != kKid) fail("claims name another kid", token);
  if (claims.iss != kIssuer) fail("accepted another issuer", token);
  if (claims.exp + kLeeway < kNow) fail("accepted an expired token", token);
  if (claims.nbf && *claims.nbf - kLeeway > kNow) fail("accepted a token not yet valid", token);
  if (claims.iat && *claims.iat - kLeeway > kNow) fail("accepted a token issued later", token);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace d = workos::auth::detail;
  if (size < 1) return 0;
  const Fixture& f = fixture();
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::string valid_header =
      R"({"alg":"RS256","typ":"JWT","kid":")" + std::string(kKid) + R"("})";

  if (data[0] == 'K') {
    auto keys = d::parse_jwks(rest);
    if (keys) {
      for (const auto& key : (*keys)->keys) {
        if (!key || (*keys)->find_shared(key->kid()) == nullptr)
          fail("a parsed key is not found", rest);
      }
    }
    return 0;
  }
  if (data[0] == 'S' || data[0] == 'H') {
    const bool claims_fuzzed = data[0] == 'S';
    const std::string valid_claims =
        R"({"iss":"https://api.workos.com","sub":"user_1","sid":"session_1","exp":1767225900})";
    const std::string token =
        claims_fuzzed ? f.key->sign_jwt(valid_header, rest) : f.key->sign_jwt(rest, valid_claims);
    auto claims = f.verifier->verify(token);
    if (claims) {
      check_accepted(*claims, token);
      if (claims_fuzzed && claims->raw_json != rest) fail("claims lost the payload text", token);
    } else {
      (void)claims.error().message();
    }
    return 0;
  }

  const std::string_view token = rest;
  d::JwtParts parts;
  if (d::split_jwt(token, parts)) {
    if (parts.signing_input.size() + 1 + parts.signature_b64.size() != token.size()) {
      fail("parts do not cover the token", token);
    }
    d::JwtHeader header;
    (void)d::decode_header(parts.header_b64, header);
    workos::auth::AccessTokenClaims claims;
    bool has_exp = false;
    (void)d::decode_claims(parts.payload_b64, claims, has_exp);
  }
  auto verified = f.verifier->verify(token);
  if (verified) fail("a token not signed here verified", token);
  (void)workos::auth::token_failure(verified.error());
  return 0;
}
