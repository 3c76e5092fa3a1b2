// Copyright workos-cpp authors. Handwritten.
// Vault local encryption: AES-256-GCM envelopes compatible with the official SDKs. See
// workos/vault/vault_crypto.h for the format and docs/adr/0006-signatures-and-vault.md.

#include <workos/vault/vault_crypto.h>

#include "core/enum_names.h"
#include "crypto/aes_gcm.h"
#include "vault/codec.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <limits>
#include <memory>
#include <optional>

namespace workos {
namespace detail::vault_codec {

namespace {

using vault::VaultCryptoFailure;

constexpr workos::detail::EnumName<VaultCryptoFailure> kFailures[] = {
    {VaultCryptoFailure::kNone, "ok", "ok"},
    {VaultCryptoFailure::kMalformedCiphertext, "vault_ciphertext_malformed",
     "The encrypted value is malformed (not base64, or too short for IV, tag and keys)"},
    {VaultCryptoFailure::kLengthOverflow, "vault_length_overflow",
     "The encrypted value's key length (ULEB128) exceeds 32 bits"},
    {VaultCryptoFailure::kInvalidDataKey, "vault_data_key_invalid",
     "The data key is not base64 of 32 bytes, or the encrypted keys are not base64"},
    {VaultCryptoFailure::kAuthenticationFailed, "vault_authentication_failed",
     "The encrypted value did not authenticate (wrong key, wrong associated data or tampered "
     "data)"},
    {VaultCryptoFailure::kInternal, "vault_crypto_internal", "The cryptographic library failed"},
};

const char* message_of(VaultCryptoFailure failure) noexcept {
  const auto* row = workos::detail::row_of(kFailures, failure);
  return row ? row->message : "Vault crypto failed";
}

struct CipherCtxDeleter {
  void operator()(EVP_CIPHER_CTX* ctx) const noexcept { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

const unsigned char* bytes(std::string_view s) noexcept {
  return reinterpret_cast<const unsigned char*>(s.data());
}

// EVP update calls take an int length: feed large inputs in pieces.
constexpr std::size_t kChunk = std::size_t{1} << 30;

bool update_aad(EVP_CIPHER_CTX* ctx, std::string_view aad) noexcept {
  int unused = 0;
  for (std::size_t off = 0; off < aad.size(); off += kChunk) {
    const std::size_t n = std::min(kChunk, aad.size() - off);
    if (EVP_CipherUpdate(ctx, nullptr, &unused, bytes(aad) + off, static_cast<int>(n)) != 1) {
      return false;
    }
  }
  return true;
}

bool update_data(EVP_CIPHER_CTX* ctx, std::string_view in, unsigned char* out) noexcept {
  for (std::size_t off = 0; off < in.size(); off += kChunk) {
    const std::size_t n = std::min(kChunk, in.size() - off);
    int written = 0;
    if (EVP_CipherUpdate(ctx, out + off, &written, bytes(in) + off, static_cast<int>(n)) != 1 ||
        static_cast<std::size_t>(written) != n) {
      return false;
    }
  }
  return true;
}

}  // namespace

Error vault_error(VaultCryptoFailure failure) {
  ErrorInfo info;
  info.kind = ErrorKind::kCrypto;
  info.code = vault::to_code(failure);
  info.message = message_of(failure);
  return Error(std::move(info));
}

Result<std::string> seal(std::string_view data, std::string_view key, std::string_view keys,
                         std::string_view associated_data, const unsigned char* iv) {
  if (key.size() != vault::kVaultDataKeySize) {
    return vault_error(VaultCryptoFailure::kInvalidDataKey);
  }
  if (keys.size() > std::numeric_limits<std::uint32_t>::max()) {
    return vault_error(VaultCryptoFailure::kLengthOverflow);
  }
  CipherCtx ctx(EVP_CIPHER_CTX_new());
  if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, vault::kVaultIvSize, nullptr) != 1 ||
      EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, bytes(key), iv) != 1) {
    return vault_error(VaultCryptoFailure::kInternal);
  }
  // Layout: IV ‖ TAG ‖ ULEB128(len(keys)) ‖ keys ‖ ciphertext. The tag is filled in last.
  std::string out;
  std::string prefix;
  leb128_append(prefix, static_cast<std::uint32_t>(keys.size()));
  const std::size_t header =
      vault::kVaultIvSize + vault::kVaultTagSize + prefix.size() + keys.size();
  out.resize(header + data.size());
  auto* o = reinterpret_cast<unsigned char*>(out.data());
  std::memcpy(o, iv, vault::kVaultIvSize);
  std::copy(prefix.begin(), prefix.end(), o + vault::kVaultIvSize + vault::kVaultTagSize);
  if (!keys.empty()) {
    std::memcpy(o + vault::kVaultIvSize + vault::kVaultTagSize + prefix.size(), keys.data(),
                keys.size());
  }
  int final_len = 0;
  if (!update_aad(ctx.get(), associated_data) || !update_data(ctx.get(), data, o + header) ||
      EVP_EncryptFinal_ex(ctx.get(), o + header + data.size(), &final_len) != 1 || final_len != 0 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, vault::kVaultTagSize,
                          o + vault::kVaultIvSize) != 1) {
    OPENSSL_cleanse(out.data(), out.size());
    return vault_error(VaultCryptoFailure::kInternal);
  }
  return out;
}

Result<std::string> open(const vault::EncryptedEnvelope& envelope, std::string_view key,
                         std::string_view associated_data) {
  if (key.size() != vault::kVaultDataKeySize) {
    return vault_error(VaultCryptoFailure::kInvalidDataKey);
  }
  CipherCtx ctx(EVP_CIPHER_CTX_new());
  if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, vault::kVaultIvSize, nullptr) != 1 ||
      EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, bytes(key), envelope.iv.data()) != 1) {
    return vault_error(VaultCryptoFailure::kInternal);
  }
  std::string plain(envelope.ciphertext.size(), '\0');
  auto* p = reinterpret_cast<unsigned char*>(plain.data());
  if (!update_aad(ctx.get(), associated_data) || !update_data(ctx.get(), envelope.ciphertext, p)) {
    OPENSSL_cleanse(plain.data(), plain.size());
    return vault_error(VaultCryptoFailure::kInternal);
  }
  unsigned char tag[vault::kVaultTagSize];
  std::memcpy(tag, envelope.tag.data(), sizeof tag);
  int final_len = 0;
  if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, sizeof tag, tag) != 1) {
    OPENSSL_cleanse(plain.data(), plain.size());
    return vault_error(VaultCryptoFailure::kInternal);
  }
  // The tag check: nothing decrypted is released unless it passes.
  if (EVP_DecryptFinal_ex(ctx.get(), p + plain.size(), &final_len) != 1) {
    OPENSSL_cleanse(plain.data(), plain.size());
    return vault_error(VaultCryptoFailure::kAuthenticationFailed);
  }
  return plain;
}

}  // namespace detail::vault_codec

namespace vault {

namespace {

using detail::vault_codec::vault_error;

// GCC 12 at -O2, with this unit's inlining (the unity build with a precompiled header), reports a
// false -Warray-bounds / -Wstringop-overread inside std::string's move constructor when the key
// moves out of its optional: it checks the short-string copy against a key that is always 32 bytes
// on the heap.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Warray-bounds"
#pragma GCC diagnostic ignored "-Wstringop-overread"
#endif
// Decodes a base64 data key to its 32 raw bytes.
Result<std::string> decode_data_key(std::string_view data_key) {
  std::optional<std::string> key = detail::vault_codec::base64_decode(data_key);
  if (!key || key->size() != kVaultDataKeySize) {
    if (key) OPENSSL_cleanse(key->data(), key->size());
    return vault_error(VaultCryptoFailure::kInvalidDataKey);
  }
  return std::move(*key);
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

// Wipes a decoded key when it goes out of scope.
struct KeyWiper {
  std::string& key;
  ~KeyWiper() { OPENSSL_cleanse(key.data(), key.size()); }
};

}  // namespace

const char* to_code(VaultCryptoFailure failure) noexcept {
  return workos::detail::code_of(detail::vault_codec::kFailures, failure, "vault_crypto_error");
}

VaultCryptoFailure vault_crypto_failure_of(const Error& error) noexcept {
  if (error.kind() != ErrorKind::kCrypto) return VaultCryptoFailure::kNone;
  return workos::detail::value_of(detail::vault_codec::kFailures, error.code(),
                                  VaultCryptoFailure::kNone);
}

std::string EncryptedEnvelope::encrypted_keys_base64() const {
  return detail::vault_codec::base64_encode(encrypted_keys);
}

Result<EncryptedEnvelope> parse_encrypted_bytes(std::string_view data) {
  namespace codec = detail::vault_codec;
  constexpr std::size_t kFixed = kVaultIvSize + kVaultTagSize;
  if (data.size() <= kFixed) return vault_error(VaultCryptoFailure::kMalformedCiphertext);
  std::uint32_t keys_len = 0;
  std::size_t next = 0;
  switch (codec::leb128_decode(data, kFixed, keys_len, next)) {
    case codec::LebStatus::kOk:
      break;
    case codec::LebStatus::kTruncated:
      return vault_error(VaultCryptoFailure::kMalformedCiphertext);
    case codec::LebStatus::kOverflow:
      return vault_error(VaultCryptoFailure::kLengthOverflow);
  }
  if (keys_len > data.size() - next) return vault_error(VaultCryptoFailure::kMalformedCiphertext);
  EncryptedEnvelope env;
  std::memcpy(env.iv.data(), data.data(), kVaultIvSize);
  std::memcpy(env.tag.data(), data.data() + kVaultIvSize, kVaultTagSize);
  env.encrypted_keys.assign(data.data() + next, keys_len);
  env.ciphertext.assign(data.data() + next + keys_len, data.size() - next - keys_len);
  return env;
}

Result<EncryptedEnvelope> parse_encrypted(std::string_view encrypted) {
  std::optional<std::string> raw = detail::vault_codec::base64_decode(encrypted);
  if (!raw) return vault_error(VaultCryptoFailure::kMalformedCiphertext);
  return parse_encrypted_bytes(*raw);
}

Result<std::string> encrypt_with_key(std::string_view data, std::string_view data_key,
                                     std::string_view encrypted_keys,
                                     std::string_view associated_data) {
  Result<std::string> key = decode_data_key(data_key);
  if (!key) return key.error();
  KeyWiper wipe{*key};
  std::optional<std::string> keys = detail::vault_codec::base64_decode(encrypted_keys);
  if (!keys) return vault_error(VaultCryptoFailure::kInvalidDataKey);
  unsigned char iv[kVaultIvSize];
  if (RAND_bytes(iv, sizeof iv) != 1) return vault_error(VaultCryptoFailure::kInternal);
  Result<std::string> sealed = detail::vault_codec::seal(data, *key, *keys, associated_data, iv);
  if (!sealed) return sealed.error();
  return detail::vault_codec::base64_encode(*sealed);
}

Result<std::string> decrypt_envelope(const EncryptedEnvelope& envelope, std::string_view data_key,
                                     std::string_view associated_data) {
  Result<std::string> key = decode_data_key(data_key);
  if (!key) return key.error();
  KeyWiper wipe{*key};
  return detail::vault_codec::open(envelope, *key, associated_data);
}

Result<std::string> decrypt_with_key(std::string_view encrypted, std::string_view data_key,
                                     std::string_view associated_data) {
  Result<EncryptedEnvelope> env = parse_encrypted(encrypted);
  if (!env) return env.error();
  return decrypt_envelope(*env, data_key, associated_data);
}

}  // namespace vault
}  // namespace workos
