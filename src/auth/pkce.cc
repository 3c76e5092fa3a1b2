// Copyright workos-cpp authors. Handwritten.
// PKCE (RFC 7636).

#include <workos/auth/pkce.h>

#include "crypto/crypto.h"
#include "crypto/encoding.h"

namespace workos::auth {

Result<std::string> generate_code_verifier(std::size_t length) {
  if (length < kMinCodeVerifierLength || length > kMaxCodeVerifierLength) {
    return Error(ErrorKind::kInvalidArgument,
                 "PKCE code verifier length must be between 43 and 128 (RFC 7636 4.1), got " +
                     std::to_string(length));
  }
  // ceil(length * 6 / 8) random bytes give at least `length` base64url characters; every
  // character then carries 6 bits of entropy (43 characters = 258 bits, above RFC 7636 §7.1's
  // 256-bit recommendation).
  std::string bytes;
  if (!detail::random_bytes((length * 3 + 3) / 4, bytes)) {
    return Error(ErrorKind::kCrypto, "the random generator failed (RAND_bytes)");
  }
  std::string verifier = detail::base64url_encode(bytes);
  verifier.resize(length);
  return verifier;
}

std::string code_challenge_s256(std::string_view code_verifier) {
  return detail::base64url_encode(detail::sha256(code_verifier));
}

bool is_valid_code_verifier(std::string_view v) noexcept {
  if (v.size() < kMinCodeVerifierLength || v.size() > kMaxCodeVerifierLength) return false;
  for (char c : v) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '.' || c == '_' || c == '~';
    if (!ok) return false;
  }
  return true;
}

Result<PkcePair> generate_pkce(std::size_t length) {
  Result<std::string> verifier = generate_code_verifier(length);
  if (!verifier) return verifier.error();
  PkcePair pair;
  pair.code_challenge = code_challenge_s256(*verifier);
  pair.code_verifier = std::move(*verifier);
  return pair;
}

Result<std::string> generate_state() {
  return generate_code_verifier(kMinCodeVerifierLength);
}

}  // namespace workos::auth
