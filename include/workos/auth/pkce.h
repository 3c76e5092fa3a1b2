// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// PKCE (Proof Key for Code Exchange, RFC 7636): code verifiers from a CSPRNG and their S256
/// challenges. Used by public clients (CLI, desktop, mobile) and recommended for every client.
///
/// @code
/// auto pkce = workos::auth::generate_pkce().value();
/// // send pkce.code_challenge (method "S256") with the authorization URL,
/// // keep pkce.code_verifier for the code exchange.
/// @endcode

#include <workos/result.h>

#include <cstddef>
#include <string>
#include <string_view>

namespace workos::auth {

/// A PKCE verifier and its challenge. Value type; thread-safe to read.
struct PkcePair {
  /// The secret kept by the client until the code exchange (43-128 unreserved characters).
  std::string code_verifier;
  /// `BASE64URL(SHA256(code_verifier))`, sent with the authorization request.
  std::string code_challenge;
  /// Always `"S256"` (RFC 7636 §4.2; `plain` is never used).
  std::string code_challenge_method = "S256";
};

/// Shortest code verifier RFC 7636 §4.1 allows.
inline constexpr std::size_t kMinCodeVerifierLength = 43;
/// Longest code verifier RFC 7636 §4.1 allows.
inline constexpr std::size_t kMaxCodeVerifierLength = 128;

/// A new code verifier of `length` characters (base64url alphabet, a subset of the RFC 7636
/// unreserved set) drawn from OpenSSL's CSPRNG. Errors: `kInvalidArgument` when `length` is
/// outside 43-128, `kCrypto` when the random generator fails.
[[nodiscard]] Result<std::string> generate_code_verifier(
    std::size_t length = kMinCodeVerifierLength);

/// The S256 challenge of `code_verifier`: `BASE64URL-ENCODE(SHA256(ASCII(code_verifier)))`
/// without padding (RFC 7636 §4.2).
[[nodiscard]] std::string code_challenge_s256(std::string_view code_verifier);

/// True when `code_verifier` has 43-128 characters, all from `[A-Z a-z 0-9 - . _ ~]`.
[[nodiscard]] bool is_valid_code_verifier(std::string_view code_verifier) noexcept;

/// A fresh verifier (of `length` characters) and its S256 challenge. Errors as
/// `generate_code_verifier`.
[[nodiscard]] Result<PkcePair> generate_pkce(std::size_t length = kMinCodeVerifierLength);

/// A random opaque `state` value for an authorization request (43 base64url characters, 256
/// bits of entropy). Errors: `kCrypto` when the random generator fails.
[[nodiscard]] Result<std::string> generate_state();

}  // namespace workos::auth
