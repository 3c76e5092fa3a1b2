// Copyright workos-cpp authors. Handwritten.
#pragma once

// AES-256-GCM primitives of the vault envelope (OpenSSL EVP). Internal; the public entry points
// are in workos/vault/vault_crypto.h. Tests call `seal` with a fixed IV for known vectors.

#include <workos/result.h>
#include <workos/vault/vault_crypto.h>

#include <string>
#include <string_view>

namespace workos::detail::vault_codec {

/// A kCrypto Error for `failure` with a fixed message (no key material, no plaintext).
Error vault_error(vault::VaultCryptoFailure failure);

/// Builds the envelope bytes IV ‖ TAG ‖ ULEB128(len(keys)) ‖ keys ‖ ciphertext for `data` under
/// the raw 32-byte `key` with the given 12-byte `iv` (base64 is applied by the caller).
Result<std::string> seal(std::string_view data, std::string_view key, std::string_view keys,
                         std::string_view associated_data, const unsigned char* iv);

/// Decrypts and authenticates `envelope` under the raw 32-byte `key`.
Result<std::string> open(const vault::EncryptedEnvelope& envelope, std::string_view key,
                         std::string_view associated_data);

}  // namespace workos::detail::vault_codec
