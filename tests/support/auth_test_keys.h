// Copyright workos-cpp authors. Handwritten.
#pragma once

// Test RSA keys and RS256 JWT minting for the auth tests (keys are generated at test time with
// OpenSSL; nothing secret is checked in). Thread-safe once built.

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace workos::test::auth {

/// An RSA key pair that signs test tokens.
class TestRsaKey {
 public:
  /// A new 2048-bit key with `kid`.
  static std::shared_ptr<const TestRsaKey> generate(std::string kid, int bits = 2048);
  /// A process-wide shared key per `kid` (generated on first use: RSA key generation is slow).
  static std::shared_ptr<const TestRsaKey> shared(const std::string& kid);
  ~TestRsaKey();

  const std::string& kid() const { return kid_; }
  /// The public JWK as JSON (`kty`, `use`, `alg`, `kid`, `n`, `e`).
  std::string jwk_json() const;
  /// PEM of the public key (SubjectPublicKeyInfo).
  std::string public_pem() const;
  /// PEM of the private key (PKCS#8), for peers (Node / Python) that mint tokens.
  std::string private_pem() const;
  /// RS256 signature (raw bytes) of `data`.
  std::string sign(std::string_view data) const;
  /// A compact JWS over `header_json` and `payload_json` (both taken as given).
  std::string sign_jwt(std::string_view header_json, std::string_view payload_json) const;
  /// The EVP_PKEY* (borrowed), for benchmarks of raw OpenSSL.
  void* pkey() const { return pkey_; }

 private:
  TestRsaKey() = default;
  std::string kid_;
  void* pkey_ = nullptr;
};

/// `{"keys":[...]}` of the given keys' JWKs.
std::string jwks_json(const std::vector<std::shared_ptr<const TestRsaKey>>& keys);

/// Seconds since the epoch of `tp`.
long long epoch_seconds(std::chrono::system_clock::time_point tp);

/// Claims of a typical WorkOS access token, as JSON. `exp` / `iat` relative to `now`.
struct TestClaims {
  std::string sub = "user_01TEST";
  std::string sid = "session_01TEST";
  std::string iss = "https://api.workos.com";
  std::string org_id = "org_01TEST";
  std::string role = "admin";
  std::vector<std::string> permissions = {"posts:read", "posts:write"};
  std::vector<std::string> entitlements = {"audit-logs"};
  std::vector<std::string> feature_flags = {"new-dashboard"};
  std::chrono::seconds lifetime{300};
  std::chrono::seconds issued_ago{5};
  std::string extra;  ///< Extra members, e.g. `,"aud":"x"` (appended verbatim).
  std::string to_json(std::chrono::system_clock::time_point now) const;
};

/// An RS256 WorkOS-style access token signed by `key` (header `{"alg":"RS256","typ":"JWT",
/// "kid":...}`).
std::string mint_access_token(
    const TestRsaKey& key, const TestClaims& claims,
    std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

/// base64url without padding (test-side copy, independent of the library's).
std::string b64url(std::string_view bytes);

}  // namespace workos::test::auth
