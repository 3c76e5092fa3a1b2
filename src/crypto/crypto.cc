// Copyright workos-cpp authors. Handwritten.
// OpenSSL 3 primitives for the auth helpers: CSPRNG, SHA-256, HMAC, PBKDF2, AES-CBC.

#include "crypto/crypto.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <cstring>

namespace workos::auth::detail {

// Fetched once; OpenSSL keeps them alive for the life of the process.
EVP_MD* sha256_md() {
  static EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  return md;
}

namespace {

EVP_MAC* hmac_alg() {
  static EVP_MAC* mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  return mac;
}
EVP_CIPHER* aes_cbc(std::size_t key_len) {
  static EVP_CIPHER* c128 = EVP_CIPHER_fetch(nullptr, "AES-128-CBC", nullptr);
  static EVP_CIPHER* c256 = EVP_CIPHER_fetch(nullptr, "AES-256-CBC", nullptr);
  if (key_len == 16) return c128;
  if (key_len == 32) return c256;
  return nullptr;
}

struct CipherCtxDeleter {
  void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

}  // namespace

bool random_bytes(std::size_t n, std::string& out) {
  out.resize(n);
  if (n == 0) return true;
  return RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(n)) == 1;
}

std::string sha256(std::string_view data) {
  std::string out(32, '\0');
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), reinterpret_cast<unsigned char*>(out.data()), &len,
                 sha256_md(), nullptr) != 1) {
    return {};
  }
  out.resize(len);
  return out;
}

bool constant_time_equal(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

HmacKey::HmacKey(Digest digest, std::string_view key) {
  EVP_MAC_CTX* ctx = EVP_MAC_CTX_new(hmac_alg());
  if (!ctx) return;
  char name[8];
  std::strcpy(name, digest == Digest::kSha1 ? "SHA1" : "SHA256");
  OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, name, 0),
                         OSSL_PARAM_construct_end()};
  // An empty key is legal for HMAC; OpenSSL wants a non-null pointer.
  static const unsigned char kEmpty = 0;
  const auto* k = key.empty() ? &kEmpty : reinterpret_cast<const unsigned char*>(key.data());
  if (EVP_MAC_init(ctx, k, key.size(), params) != 1) {
    EVP_MAC_CTX_free(ctx);
    return;
  }
  ctx_ = ctx;
}

HmacKey::~HmacKey() {
  EVP_MAC_CTX_free(static_cast<EVP_MAC_CTX*>(ctx_));
}

std::string HmacKey::mac(std::string_view a, std::string_view b) const {
  if (!ctx_) return {};
  EVP_MAC_CTX* c = EVP_MAC_CTX_dup(static_cast<EVP_MAC_CTX*>(ctx_));
  if (!c) return {};
  std::string out(EVP_MAX_MD_SIZE, '\0');
  std::size_t len = 0;
  bool ok = EVP_MAC_update(c, reinterpret_cast<const unsigned char*>(a.data()), a.size()) == 1 &&
            EVP_MAC_update(c, reinterpret_cast<const unsigned char*>(b.data()), b.size()) == 1 &&
            EVP_MAC_final(c, reinterpret_cast<unsigned char*>(out.data()), &len, out.size()) == 1;
  EVP_MAC_CTX_free(c);
  if (!ok) return {};
  out.resize(len);
  return out;
}

std::string hmac_sha256(std::string_view key, std::string_view data) {
  HmacKey k(HmacKey::Digest::kSha256, key);
  return k.mac(data);
}

std::string pbkdf2(const HmacKey& prf, std::string_view salt, unsigned iterations,
                   std::size_t key_length) {
  // RFC 8018 §5.2: T_i = U_1 ^ U_2 ^ ... ^ U_c, U_1 = PRF(P, S || INT(i)), U_j = PRF(P, U_{j-1}).
  std::string out;
  out.reserve(key_length + 64);
  for (std::uint32_t block = 1; out.size() < key_length; ++block) {
    char be[4] = {static_cast<char>(block >> 24), static_cast<char>(block >> 16),
                  static_cast<char>(block >> 8), static_cast<char>(block)};
    std::string u = prf.mac(salt, std::string_view(be, 4));
    if (u.empty()) return {};
    std::string t = u;
    for (unsigned j = 1; j < iterations; ++j) {
      u = prf.mac(u);
      for (std::size_t k = 0; k < t.size(); ++k) t[k] = static_cast<char>(t[k] ^ u[k]);
    }
    out += t;
  }
  out.resize(key_length);
  return out;
}

namespace {

// AES-CBC with PKCS#7 padding in one direction (`enc` 1: encrypt, 0: decrypt).
bool aes_cbc_run(int enc, std::string_view key, std::string_view iv, std::string_view in,
                 std::string& out) {
  EVP_CIPHER* cipher = aes_cbc(key.size());
  if (!cipher || iv.size() != 16) return false;
  if (!enc && (in.empty() || in.size() % 16 != 0)) return false;
  CipherCtx ctx(EVP_CIPHER_CTX_new());
  if (!ctx) return false;
  if (EVP_CipherInit_ex2(ctx.get(), cipher, reinterpret_cast<const unsigned char*>(key.data()),
                         reinterpret_cast<const unsigned char*>(iv.data()), enc, nullptr) != 1) {
    return false;
  }
  out.resize(in.size() + 16);
  int len1 = 0, len2 = 0;
  if (EVP_CipherUpdate(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &len1,
                       reinterpret_cast<const unsigned char*>(in.data()),
                       static_cast<int>(in.size())) != 1) {
    return false;
  }
  if (EVP_CipherFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(out.data()) + len1, &len2) !=
      1) {
    return false;
  }
  out.resize(static_cast<std::size_t>(len1) + static_cast<std::size_t>(len2));
  return true;
}

}  // namespace

bool aes_cbc_encrypt(std::string_view key, std::string_view iv, std::string_view plaintext,
                     std::string& out) {
  return aes_cbc_run(1, key, iv, plaintext, out);
}

bool aes_cbc_decrypt(std::string_view key, std::string_view iv, std::string_view ciphertext,
                     std::string& out) {
  return aes_cbc_run(0, key, iv, ciphertext, out);
}

}  // namespace workos::auth::detail
