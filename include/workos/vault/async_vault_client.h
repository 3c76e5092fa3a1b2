// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// `workos::vault::AsyncVaultClient` (`async.vault()`): `BasicVaultClient`
/// (<workos/vault/vault_client.h>) in the non-blocking form — the one request of `encrypt` /
/// `decrypt` runs on the event loop.
///
/// @code
/// async.vault().encrypt("s3cr3t", {{"organization_id", "org_123"}})
///     .then([&](workos::Result<std::string> blob) { return async.vault().decrypt(*blob); });
/// @endcode

#include <workos/async/future.h>
#include <workos/call_mode.h>
#include <workos/vault/async_service.h>
#include <workos/vault/vault_client.h>

namespace workos::vault {

/// The non-blocking vault client: `async.vault()`.
class AsyncVaultClient : public BasicVaultClient<AsyncMode> {
 public:
  /// The constructors of `BasicVaultClient`.
  using BasicVaultClient::BasicVaultClient;
};

}  // namespace workos::vault
