// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// `workos::vault::AsyncVaultClient`: the async twin of `VaultClient` — the generated
/// `AsyncVaultService` plus local encryption whose one request (`create_data_key` /
/// `create_decrypt`) runs on the event loop. `async.vault()` returns one.

#include <workos/async/future.h>
#include <workos/options.h>
#include <workos/result.h>
#include <workos/vault/async_service.h>
#include <workos/vault/vault_crypto.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace workos {

namespace detail {
class AsyncCore;
}  // namespace detail

namespace vault {

/// The async vault service with local encryption. A cheap value type; thread-safe. The
/// AES-256-GCM work (microseconds) runs on the thread that completes the key request (the
/// event loop), never blocking it on I/O.
///
/// @code
/// async.vault().encrypt("s3cr3t", {{"organization_id", "org_123"}})
///     .then([&](workos::Result<std::string> blob) { return async.vault().decrypt(*blob); });
/// @endcode
class AsyncVaultClient : public AsyncVaultService {
 public:
  /// `VaultClient::encrypt` without blocking: one `create_data_key` call for `key_context`,
  /// then AES-256-GCM with `associated_data` (not stored: pass the same to `decrypt`).
  /// Completes with the base64 encrypted value. Errors: the API errors of `create_data_key`,
  /// `kCrypto` (`vault_crypto_failure_of`) for a malformed key.
  [[nodiscard]] Future<std::string> encrypt(std::string_view data,
                                            const std::map<std::string, std::string>& key_context,
                                            std::string_view associated_data = {},
                                            const RequestOptions& options = {}) const;

  /// `VaultClient::decrypt` without blocking: one `create_decrypt` call for the embedded keys,
  /// then local AES-256-GCM. A malformed value fails at once, without a request. Errors: the
  /// API errors of `create_decrypt`; `kCrypto` for a malformed value or a failed
  /// authentication (wrong associated data, tampered value).
  [[nodiscard]] Future<std::string> decrypt(std::string_view encrypted,
                                            std::string_view associated_data = {},
                                            const RequestOptions& options = {}) const;

 private:
  friend struct workos::detail::CoreAccess;
  /// Calls go through `connection` (a fake or mock); `core` (optional) supplies the executors
  /// of the futures made here.
  AsyncVaultClient(std::shared_ptr<AsyncVaultConnection> connection,
                   std::shared_ptr<detail::AsyncCore> core);
  std::shared_ptr<detail::AsyncCore> core_;
};

}  // namespace vault
}  // namespace workos
