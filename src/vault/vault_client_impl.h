// Copyright workos-cpp authors. Handwritten.
#pragma once

// Vault encrypt / decrypt, written once for both forms (BasicVaultClient<Mode>): each side is
// one request (create_data_key / create_decrypt, through the service's mockable connection)
// between the local steps of vault/steps.h. Instantiated by vault_client.cc (blocking) and
// async_vault_client.cc (non-blocking) with their mode driver.

#include <workos/vault/vault_client.h>

#include <openssl/crypto.h>

#include <memory>
#include <string>
#include <utility>

#include "core/mode_driver.h"
#include "vault/steps.h"

namespace workos::vault {

namespace steps {
/// A copy of secret bytes (the plaintext) that is wiped when dropped, also when an async
/// continuation never runs.
struct Wiped {
  std::string bytes;
  explicit Wiped(std::string_view b) : bytes(b) {}
  Wiped(const Wiped&) = delete;
  Wiped& operator=(const Wiped&) = delete;
  ~Wiped() { OPENSSL_cleanse(bytes.data(), bytes.size()); }
};
}  // namespace steps

template <class Mode>
auto BasicVaultClient<Mode>::encrypt(std::string_view data,
                                     const std::map<std::string, std::string>& key_context,
                                     std::string_view associated_data,
                                     const RequestOptions& options) const
    -> Reply<Mode, std::string> {
  return detail::ModeDriver<Mode>::then(
      this->create_data_key(steps::data_key_request(key_context), options),
      [plain = std::make_shared<const steps::Wiped>(data),
       ad = std::string(associated_data)](Result<workos::CreateDataKeyResponse> key) {
        return steps::seal(std::move(key), plain->bytes, ad);
      });
}

template <class Mode>
auto BasicVaultClient<Mode>::decrypt(std::string_view encrypted, std::string_view associated_data,
                                     const RequestOptions& options) const
    -> Reply<Mode, std::string> {
  // Parse first: a malformed value fails locally, without a request.
  Result<EncryptedEnvelope> envelope = parse_encrypted(encrypted);
  if (!envelope) {
    return detail::ModeDriver<Mode>::template fail<std::string>(this->core(), envelope.error());
  }
  auto env = std::make_shared<const EncryptedEnvelope>(std::move(*envelope));
  return detail::ModeDriver<Mode>::then(
      this->create_decrypt(steps::decrypt_request(*env), options),
      [env, ad = std::string(associated_data)](Result<workos::DecryptResponse> key) {
        return steps::open(std::move(key), *env, ad);
      });
}

}  // namespace workos::vault
