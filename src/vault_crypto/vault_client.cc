// Copyright workos-cpp authors. Handwritten.
// VaultClient: the network half of vault encryption is one generated call on each side
// (create_data_key / create_decrypt, through the service's mockable connection); everything
// else is the pure-local code of vault_crypto.cc.

#include <workos/vault/vault_client.h>

#include <openssl/crypto.h>

namespace workos::vault {

Result<std::string> VaultClient::encrypt(std::string_view data,
                                         const std::map<std::string, std::string>& key_context,
                                         std::string_view associated_data,
                                         const RequestOptions& options) const {
  CreateDataKeyParams params;
  params.context = key_context;
  Result<workos::CreateDataKeyResponse> key = create_data_key(params, options);
  if (!key) return key.error();
  Result<std::string> out =
      encrypt_with_key(data, key->data_key, key->encrypted_keys, associated_data);
  OPENSSL_cleanse(key->data_key.data(), key->data_key.size());
  return out;
}

Result<std::string> VaultClient::decrypt(std::string_view encrypted,
                                         std::string_view associated_data,
                                         const RequestOptions& options) const {
  // Parse first: a malformed value fails locally, without a request.
  Result<EncryptedEnvelope> envelope = parse_encrypted(encrypted);
  if (!envelope) return envelope.error();
  CreateDecryptParams params;
  params.keys = envelope->encrypted_keys_base64();
  Result<workos::DecryptResponse> key = create_decrypt(params, options);
  if (!key) return key.error();
  Result<std::string> out = decrypt_envelope(*envelope, key->data_key, associated_data);
  OPENSSL_cleanse(key->data_key.data(), key->data_key.size());
  return out;
}

}  // namespace workos::vault
