// Copyright workos-cpp authors. Handwritten.
// The local steps of vault encrypt / decrypt (vault/steps.h) and the blocking form of
// BasicVaultClient (vault/vault_client_impl.h); the AES-256-GCM code is in vault_crypto.cc.

#include <workos/vault/vault_client.h>

#include <openssl/crypto.h>

#include <utility>

#include "vault/steps.h"
#include "vault/vault_client_impl.h"

namespace workos::vault {

namespace steps {

CreateDataKeyParams data_key_request(const std::map<std::string, std::string>& key_context) {
  CreateDataKeyParams params;
  params.context = key_context;
  return params;
}

Result<std::string> seal(Result<workos::CreateDataKeyResponse> key, std::string_view data,
                         std::string_view associated_data) {
  if (!key) return key.error();
  Result<std::string> out =
      encrypt_with_key(data, key->data_key, key->encrypted_keys, associated_data);
  OPENSSL_cleanse(key->data_key.data(), key->data_key.size());
  return out;
}

CreateDecryptParams decrypt_request(const EncryptedEnvelope& envelope) {
  CreateDecryptParams params;
  params.keys = envelope.encrypted_keys_base64();
  return params;
}

Result<std::string> open(Result<workos::DecryptResponse> key, const EncryptedEnvelope& envelope,
                         std::string_view associated_data) {
  if (!key) return key.error();
  Result<std::string> out = decrypt_envelope(envelope, key->data_key, associated_data);
  OPENSSL_cleanse(key->data_key.data(), key->data_key.size());
  return out;
}

}  // namespace steps

template class BasicVaultClient<SyncMode>;

}  // namespace workos::vault
