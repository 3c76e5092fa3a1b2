// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// `workos::vault::VaultClient`: the generated `VaultService` (KV objects and data keys) plus
/// local encryption, `encrypt` / `decrypt`, compatible with the official WorkOS SDKs.
/// `client.vault()` returns one.

#include <workos/options.h>
#include <workos/result.h>
#include <workos/vault/service.h>
#include <workos/vault/vault_crypto.h>

#include <map>
#include <string>
#include <string_view>

namespace workos::vault {

/// The vault service with local encryption. A cheap value type (it shares its connection);
/// thread-safe.
///
/// @code
/// auto blob = client.vault().encrypt("s3cr3t", {{"organization_id", "org_123"}}).value();
/// auto back = client.vault().decrypt(blob).value();   // "s3cr3t"
/// @endcode
class VaultClient : public VaultService {
 public:
  using VaultService::VaultService;

  /// Encrypts `data` locally with a fresh data key: one `create_data_key` call for
  /// `key_context` (e.g. `{{"organization_id", "org_123"}}`), then AES-256-GCM with
  /// `associated_data` (UTF-8, optional, not stored: pass the same value to `decrypt`).
  /// Returns the base64 encrypted value (it embeds the encrypted data keys). Errors: the API
  /// errors of `create_data_key`, `kCrypto` (`vault_crypto_failure_of`) for a malformed key.
  [[nodiscard]] Result<std::string> encrypt(std::string_view data,
                                            const std::map<std::string, std::string>& key_context,
                                            std::string_view associated_data = {},
                                            const RequestOptions& options = {}) const;

  /// Decrypts a value made by `encrypt` (here or in any official SDK): one call to the decrypt
  /// endpoint (`create_decrypt`) for the embedded keys, then local AES-256-GCM. Errors: the API
  /// errors of `create_decrypt`; `kCrypto` for a malformed value or a failed authentication
  /// (wrong associated data, tampered value) — checked before any request where possible.
  [[nodiscard]] Result<std::string> decrypt(std::string_view encrypted,
                                            std::string_view associated_data = {},
                                            const RequestOptions& options = {}) const;
};

}  // namespace workos::vault
