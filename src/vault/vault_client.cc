// Copyright workos-cpp authors. Handwritten.
// VaultClient: the network half of vault encryption is one generated call on each side
// (create_data_key / create_decrypt, through the service's mockable connection), between the
// local steps below (shared with AsyncVaultClient) and the pure-local code of vault_crypto.cc.

#include <workos/vault/vault_client.h>

#include <openssl/crypto.h>

#include <utility>

#include "vault/steps.h"

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

Result<std::string> VaultClient::encrypt(std::string_view data,
                                         const std::map<std::string, std::string>& key_context,
                                         std::string_view associated_data,
                                         const RequestOptions& options) const {
  return steps::seal(create_data_key(steps::data_key_request(key_context), options), data,
                     associated_data);
}

Result<std::string> VaultClient::decrypt(std::string_view encrypted,
                                         std::string_view associated_data,
                                         const RequestOptions& options) const {
  // Parse first: a malformed value fails locally, without a request.
  Result<EncryptedEnvelope> envelope = parse_encrypted(encrypted);
  if (!envelope) return envelope.error();
  return steps::open(create_decrypt(steps::decrypt_request(*envelope), options), *envelope,
                     associated_data);
}

}  // namespace workos::vault
