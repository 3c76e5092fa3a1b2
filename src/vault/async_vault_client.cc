// Copyright workos-cpp authors. Handwritten.
// AsyncVaultClient: the one request of each side (create_data_key / create_decrypt,
// through the async service's mockable connection) on the event loop, between the local steps
// that VaultClient uses too (vault/steps.h).

#include <workos/vault/async_vault_client.h>

#include <openssl/crypto.h>

#include <memory>
#include <utility>

#include "auth/async_support.h"
#include "vault/steps.h"

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
  return create_data_key(steps::data_key_request(key_context), options)
      .then(inline_executor(),
            [plain = std::make_shared<const Wiped>(data),
             ad = std::string(associated_data)](Result<workos::CreateDataKeyResponse> key) {
              return steps::seal(std::move(key), plain->bytes, ad);
            });
}

Future<std::string> AsyncVaultClient::decrypt(std::string_view encrypted,
                                              std::string_view associated_data,
                                              const RequestOptions& options) const {
  // Parse first: a malformed value fails locally, without a request.
  Result<EncryptedEnvelope> envelope = parse_encrypted(encrypted);
  if (!envelope) return auth::detail::ready_async<std::string>(core_, envelope.error());
  auto env = std::make_shared<const EncryptedEnvelope>(std::move(*envelope));
  return create_decrypt(steps::decrypt_request(*env), options)
      .then(inline_executor(),
            [env, ad = std::string(associated_data)](Result<workos::DecryptResponse> key) {
              return steps::open(std::move(key), *env, ad);
            });
}

}  // namespace workos::vault
