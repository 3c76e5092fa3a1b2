// Copyright workos-cpp authors. Handwritten.
#pragma once

// The steps of vault encrypt / decrypt (internal), shared by VaultClient and AsyncVaultClient:
// each side is one request (create_data_key / create_decrypt) between a local step before and
// one after; only the sending differs between the two clients.

#include <workos/result.h>
#include <workos/vault/service.h>
#include <workos/vault/vault_crypto.h>

#include <map>
#include <string>
#include <string_view>

namespace workos::vault::steps {

/// The data-key request of `encrypt` for `key_context`.
CreateDataKeyParams data_key_request(const std::map<std::string, std::string>& key_context);
/// After the data-key answer: AES-256-GCM of `data` with the fresh key, which is wiped.
Result<std::string> seal(Result<workos::CreateDataKeyResponse> key, std::string_view data,
                         std::string_view associated_data);
/// The decrypt request of a parsed value.
CreateDecryptParams decrypt_request(const EncryptedEnvelope& envelope);
/// After the decrypt answer: the plaintext of `envelope`; the data key is wiped.
Result<std::string> open(Result<workos::DecryptResponse> key, const EncryptedEnvelope& envelope,
                         std::string_view associated_data);

}  // namespace workos::vault::steps
