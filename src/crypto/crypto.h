// Copyright workos-cpp authors. Handwritten.
#pragma once

// Small OpenSSL 3 wrappers for the auth helpers (internal). Algorithms are fetched once per
// process (OpenSSL 3 fetches are costly on a hot path); contexts are per call, so every function
// here is thread-safe.

#include <workos/error.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

// OpenSSL's own declaration (openssl/types.h), repeated so this header stays OpenSSL-free.
typedef struct evp_md_st EVP_MD;  // NOLINT(modernize-use-using)

namespace workos::auth::detail {

/// A local cryptographic failure (`ErrorKind::kCrypto`) with a fixed message.
inline Error crypto_error(const char* what) {
  return Error(ErrorKind::kCrypto, what);
}

/// SHA-256, fetched once per process.
EVP_MD* sha256_md();

/// Fills `n` bytes from OpenSSL's CSPRNG (RAND_bytes). False when the generator fails.
bool random_bytes(std::size_t n, std::string& out);

/// SHA-256 digest (32 bytes).
std::string sha256(std::string_view data);

/// HMAC-SHA256 (32 bytes).
std::string hmac_sha256(std::string_view key, std::string_view data);

/// Constant-time comparison (length leaks, content does not).
bool constant_time_equal(std::string_view a, std::string_view b) noexcept;

/// An HMAC key bound once (digest + key), reusable from many threads: each `mac()` works on
/// a duplicate of the keyed context, which avoids re-hashing a long key and refetching.
class HmacKey {
 public:
  enum class Digest { kSha1, kSha256 };
  HmacKey(Digest digest, std::string_view key);
  ~HmacKey();
  HmacKey(const HmacKey&) = delete;
  HmacKey& operator=(const HmacKey&) = delete;
  bool ok() const noexcept { return ctx_ != nullptr; }
  /// HMAC of the concatenation a || b.
  std::string mac(std::string_view a, std::string_view b = {}) const;

 private:
  void* ctx_ = nullptr;  // EVP_MAC_CTX*
};

/// PBKDF2 with a bound HMAC-SHA1 password key (`prf`), any iteration count (RFC 8018 §5.2).
std::string pbkdf2(const HmacKey& prf, std::string_view salt, unsigned iterations,
                   std::size_t key_length);

/// AES-CBC with PKCS#7 padding; key of 16 (AES-128) or 32 (AES-256) bytes, 16-byte IV.
bool aes_cbc_encrypt(std::string_view key, std::string_view iv, std::string_view plaintext,
                     std::string& out);
/// False on a wrong key/iv size, a ciphertext that is not whole blocks, or bad padding.
bool aes_cbc_decrypt(std::string_view key, std::string_view iv, std::string_view ciphertext,
                     std::string& out);

}  // namespace workos::auth::detail
