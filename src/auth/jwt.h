// Copyright workos-cpp authors. Handwritten.
#pragma once

// JWT (RFC 7519 / JWS compact, RFC 7515) splitting, header checks and claim decoding
// (internal). JSON is parsed with simdjson through core/json.h.

#include <workos/auth/access_token.h>

#include <string>
#include <string_view>

namespace workos::auth::detail {

/// The three parts of a compact JWS, as views into the token.
struct JwtParts {
  std::string_view header_b64;
  std::string_view payload_b64;
  std::string_view signature_b64;
  std::string_view signing_input;  ///< header_b64 "." payload_b64
};

/// Splits `token` into its parts. False unless there are exactly three non-empty parts and no
/// `=` padding anywhere.
bool split_jwt(std::string_view token, JwtParts& parts) noexcept;

/// Header facts the verifier needs.
struct JwtHeader {
  std::string alg;
  std::string kid;
  bool has_kid = false;
  bool has_crit = false;  ///< RFC 7515 §4.1.11: we understand no extension, so reject.
};

/// Decodes and parses the header. `kMalformed` on bad base64 / JSON / types.
TokenFailure decode_header(std::string_view header_b64, JwtHeader& out);

/// Decodes the payload into `claims` (raw_json included). `kMalformed` on bad base64 / JSON /
/// claim types (`exp` not a number, `aud` neither string nor array of strings, ...).
TokenFailure decode_claims(std::string_view payload_b64, AccessTokenClaims& claims, bool& has_exp);

/// An Error of kind kCrypto whose code names `failure`, with `message`.
Error token_error(TokenFailure failure, std::string message);

}  // namespace workos::auth::detail
