// Copyright workos-cpp authors. Handwritten.
// AsyncVaultClient: the one request of each side (create_data_key / create_decrypt,
// through the async service's mockable connection) on the event loop; the crypto is the
// pure-local code of vault_crypto.cc that VaultClient uses too.

#include <workos/vault/async_vault_client.h>

#include <openssl/crypto.h>

#include <memory>
#include <utility>

#include "auth/async_support.h"

namespace workos::vault {
namespace {

// A copy of secret bytes (plaintext, data key) that is wiped when dropped, also when the
// continuation never runs.
struct Wiped {
  std::string bytes;
  explicit Wiped(std::string_view b) : bytes(b) {}
  Wiped(const Wiped&) = delete;
  Wiped& operator=(const Wiped&) = delete;
  ~Wiped() { OPENSSL_cleanse(bytes.data(), bytes.size()); }
};

}  // namespace

Future<std::string> AsyncVaultClient::encrypt(std::string_view data,
                                              const std::map<std::string, std::string>& key_context,
                                              std::string_view associated_data,
                                              const RequestOptions& options) const {
  CreateDataKeyParams params;
  params.context = key_context;
  return create_data_key(params, options)
      .then(inline_executor(),
            [plain = std::make_shared<const Wiped>(data), ad = std::string(associated_data)](
                Result<workos::CreateDataKeyResponse> key) -> Result<std::string> {
              if (!key) return key.error();
              Result<std::string> out =
                  encrypt_with_key(plain->bytes, key->data_key, key->encrypted_keys, ad);
              OPENSSL_cleanse(key->data_key.data(), key->data_key.size());
              return out;
            });
}

Future<std::string> AsyncVaultClient::decrypt(std::string_view encrypted,
                                              std::string_view associated_data,
                                              const RequestOptions& options) const {
  // Parse first: a malformed value fails locally, without a request.
  Result<EncryptedEnvelope> envelope = parse_encrypted(encrypted);
  if (!envelope) return auth::detail::ready_async<std::string>(core_, envelope.error());
  CreateDecryptParams params;
  params.keys = envelope->encrypted_keys_base64();
  return create_decrypt(params, options)
      .then(inline_executor(),
            [env = std::make_shared<const EncryptedEnvelope>(std::move(*envelope)),
             ad = std::string(associated_data)](
                Result<workos::DecryptResponse> key) -> Result<std::string> {
              if (!key) return key.error();
              Result<std::string> out = decrypt_envelope(*env, key->data_key, ad);
              OPENSSL_cleanse(key->data_key.data(), key->data_key.size());
              return out;
            });
}

}  // namespace workos::vault
