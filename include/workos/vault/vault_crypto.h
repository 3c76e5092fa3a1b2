// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// Vault local encryption (AES-256-GCM), byte-compatible with the official WorkOS SDKs.
///
/// An encrypted value is the standard base64 (with padding) of
/// `IV (12 bytes) ‖ TAG (16 bytes) ‖ ULEB128(len(keys)) ‖ keys ‖ ciphertext`, where `keys` are
/// the encrypted data keys returned by the `create_data_key` endpoint (base64-decoded) and the
/// optional associated data (UTF-8, empty = none) is authenticated but not stored.
///
/// These functions are the pure-local half: they take the data key directly and never touch
/// the network. `workos::vault::VaultClient` (`workos/vault/vault_client.h`) adds
/// `encrypt` / `decrypt` that obtain the key through the API. See
/// docs/adr/0006-signatures-and-vault.md.
///
/// @code
/// // key = client.vault().create_data_key(...)  ->  data_key (base64), encrypted_keys (base64)
/// auto blob = workos::vault::encrypt_with_key("4111 1111 1111 1111", key.data_key,
///                                             key.encrypted_keys, "user_123").value();
/// auto back = workos::vault::decrypt_with_key(blob, key.data_key, "user_123").value();
/// @endcode

#include <workos/error.h>
#include <workos/result.h>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace workos::vault {

/// Why a local vault operation failed. Every failure is an `Error` of kind `kCrypto` whose
/// `code()` is `to_code(failure)`.
enum class VaultCryptoFailure : unsigned char {
  kNone = 0,
  /// Not standard base64, shorter than IV + tag + length, or the key length runs past the end.
  kMalformedCiphertext,
  /// The ULEB128 key length has more than 5 bytes or exceeds 2^32 - 1.
  kLengthOverflow,
  /// The data key is not base64 of exactly 32 bytes (or `encrypted_keys` is not base64).
  kInvalidDataKey,
  /// The GCM tag did not verify: wrong key, wrong associated data or tampered ciphertext.
  kAuthenticationFailed,
  /// OpenSSL failed (out of memory, no randomness).
  kInternal,
};

/// `"vault_ciphertext_malformed"`, `"vault_length_overflow"`, `"vault_data_key_invalid"`,
/// `"vault_authentication_failed"`, `"vault_crypto_internal"` (`"ok"` for `kNone`).
const char* to_code(VaultCryptoFailure failure) noexcept;

/// The `VaultCryptoFailure` an `Error` stands for; `kNone` when it is not a vault crypto error.
VaultCryptoFailure vault_crypto_failure_of(const Error& error) noexcept;

/// Size of the GCM nonce (IV) in an encrypted value.
inline constexpr std::size_t kVaultIvSize = 12;
/// Size of the GCM tag in an encrypted value.
inline constexpr std::size_t kVaultTagSize = 16;
/// Size of a data key (AES-256).
inline constexpr std::size_t kVaultDataKeySize = 32;

/// The parts of an encrypted value. A plain value; thread-safe to read.
struct EncryptedEnvelope {
  std::array<unsigned char, kVaultIvSize> iv{};    ///< AES-GCM nonce.
  std::array<unsigned char, kVaultTagSize> tag{};  ///< AES-GCM authentication tag.
  /// The encrypted data keys, raw bytes (as embedded in the value).
  std::string encrypted_keys;
  /// The AES-GCM ciphertext, raw bytes (same length as the plaintext).
  std::string ciphertext;

  /// `encrypted_keys` as standard base64: what the decrypt endpoint (`keys`) expects.
  std::string encrypted_keys_base64() const;
};

/// Splits a base64 encrypted value into its parts. Never reads out of bounds; malformed input
/// is a `kCrypto` error (`kMalformedCiphertext` or `kLengthOverflow`). Thread-safe.
Result<EncryptedEnvelope> parse_encrypted(std::string_view encrypted);

/// Same on the already base64-decoded bytes.
Result<EncryptedEnvelope> parse_encrypted_bytes(std::string_view bytes);

/// Encrypts `data` with a data key: `data_key` is the base64 key (`data_key` of
/// `create_data_key`), `encrypted_keys` the base64 blob (`encrypted_keys` of the same answer),
/// embedded so that `decrypt` can recover the key later. A fresh random 12-byte IV per call.
/// Returns the base64 encrypted value. Thread-safe.
Result<std::string> encrypt_with_key(std::string_view data, std::string_view data_key,
                                     std::string_view encrypted_keys,
                                     std::string_view associated_data = {});

/// Decrypts a value made by `encrypt_with_key` (or any official SDK's `encrypt`) with the
/// base64 `data_key` its keys decrypt to. Errors: `kMalformedCiphertext`, `kLengthOverflow`,
/// `kInvalidDataKey`, `kAuthenticationFailed`. Thread-safe.
Result<std::string> decrypt_with_key(std::string_view encrypted, std::string_view data_key,
                                     std::string_view associated_data = {});

/// Decrypts already parsed parts with the base64 `data_key`.
Result<std::string> decrypt_envelope(const EncryptedEnvelope& envelope, std::string_view data_key,
                                     std::string_view associated_data = {});

}  // namespace workos::vault
