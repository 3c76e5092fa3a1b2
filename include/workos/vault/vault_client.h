// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// `workos::vault::VaultClient` (`client.vault()`) and the template both vault clients share:
/// the generated `vault` service (KV objects and data keys) plus local encryption, `encrypt` /
/// `decrypt`, compatible with the official WorkOS SDKs. The async form, `AsyncVaultClient`
/// (`async.vault()`), is in <workos/vault/async_vault_client.h>.

#include <workos/call_mode.h>
#include <workos/options.h>
#include <workos/result.h>
#include <workos/vault/service.h>
#include <workos/vault/vault_crypto.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace workos {
namespace vault {

class AsyncVaultService;
class AsyncVaultConnection;

/// The vault service with local encryption, in the form `Mode` (<workos/call_mode.h>):
/// `encrypt` / `decrypt` return `Result<std::string>` in `VaultClient` and
/// `Future<std::string>` in `AsyncVaultClient` (whose AES-256-GCM work, microseconds, runs on
/// the thread that completes the key request). A cheap value type (it shares its connection);
/// thread-safe.
///
/// @code
/// auto blob = client.vault().encrypt("s3cr3t", {{"organization_id", "org_123"}}).value();
/// auto back = client.vault().decrypt(blob).value();   // "s3cr3t"
/// @endcode
template <class Mode>
class BasicVaultClient : public ModeService<Mode, VaultService, AsyncVaultService> {
  using Base = ModeService<Mode, VaultService, AsyncVaultService>;
  using Connection = typename Mode::template Pick<VaultConnection, AsyncVaultConnection>;

 public:
  /// Calls go through `connection` (the client's, a fake or a mock).
  explicit BasicVaultClient(std::shared_ptr<Connection> connection)
      : Base(std::move(connection), nullptr) {}

  /// Encrypts `data` locally with a fresh data key: one `create_data_key` call for
  /// `key_context` (e.g. `{{"organization_id", "org_123"}}`), then AES-256-GCM with
  /// `associated_data` (UTF-8, optional, not stored: pass the same value to `decrypt`).
  /// Returns the base64 encrypted value (it embeds the encrypted data keys). Errors: the API
  /// errors of `create_data_key`, `kCrypto` (`vault_crypto_failure_of`) for a malformed key.
  [[nodiscard]] Reply<Mode, std::string> encrypt(
      std::string_view data, const std::map<std::string, std::string>& key_context,
      std::string_view associated_data = {}, const RequestOptions& options = {}) const;

  /// Decrypts a value made by `encrypt` (here or in any official SDK): one call to the decrypt
  /// endpoint (`create_decrypt`) for the embedded keys, then local AES-256-GCM. Errors: the API
  /// errors of `create_decrypt`; `kCrypto` for a malformed value (before any request) or a
  /// failed authentication (wrong associated data, tampered value).
  [[nodiscard]] Reply<Mode, std::string> decrypt(std::string_view encrypted,
                                                 std::string_view associated_data = {},
                                                 const RequestOptions& options = {}) const;

 protected:
  /// Over a connection and the client's core: the executors of the futures made here (async
  /// form).
  using Base::Base;
};

/// The blocking vault client: `client.vault()`.
class VaultClient : public BasicVaultClient<SyncMode> {
 public:
  /// The constructors of `BasicVaultClient`.
  using BasicVaultClient::BasicVaultClient;
};

}  // namespace vault
}  // namespace workos
