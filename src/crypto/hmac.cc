// Copyright workos-cpp authors. Handwritten.
// HMAC-SHA256 with a per-thread, per-secret cached OpenSSL context. See hmac.h.

#include "crypto/hmac.h"
#include "crypto/encoding.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

namespace workos::detail::sig {

namespace {

// Fetched once for the process (an explicit fetch avoids the implicit lookup that every
// one-shot HMAC() call pays). Intentionally never freed: threads may still use it at exit.
EVP_MAC* hmac_algorithm() noexcept {
  static EVP_MAC* const mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  return mac;
}

// The context of one thread, keyed with the last secret that thread used.
struct ThreadHmac {
  EVP_MAC_CTX* ctx = nullptr;
  std::string key;
  bool keyed = false;

  ~ThreadHmac() {
    forget_key();
    EVP_MAC_CTX_free(ctx);
  }
  void forget_key() noexcept {
    if (!key.empty()) OPENSSL_cleanse(key.data(), key.size());
    key.clear();
    keyed = false;
  }
  bool ensure_context() noexcept {
    if (ctx != nullptr) return true;
    EVP_MAC* mac = hmac_algorithm();
    if (mac == nullptr) return false;
    ctx = EVP_MAC_CTX_new(mac);
    if (ctx == nullptr) return false;
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string("digest", digest, 0),
                                 OSSL_PARAM_construct_end()};
    if (EVP_MAC_CTX_set_params(ctx, params) != 1) {
      EVP_MAC_CTX_free(ctx);
      ctx = nullptr;
      return false;
    }
    return true;
  }
  bool holds(std::string_view k) const noexcept {
    return keyed && key.size() == k.size() && CRYPTO_memcmp(key.data(), k.data(), k.size()) == 0;
  }
};

thread_local ThreadHmac t_hmac;

int hex_value(unsigned char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  // Upper case is refused: WorkOS sends lowercase hex and the official SDKs compare the hex
  // text, so an upper-case signature must not pass here when it fails there.
  return -1;
}

}  // namespace

bool hmac_sha256(std::string_view key, std::initializer_list<std::string_view> parts,
                 unsigned char (&out)[kSha256Size]) {
  ThreadHmac& h = t_hmac;
  if (!h.ensure_context()) return false;
  if (h.holds(key)) {
    // Same secret as last time on this thread: restart from the cached inner state.
    if (EVP_MAC_init(h.ctx, nullptr, 0, nullptr) != 1) {
      h.forget_key();
      return false;
    }
  } else {
    h.forget_key();
    static const unsigned char kEmpty = 0;
    const auto* k = key.empty() ? &kEmpty : reinterpret_cast<const unsigned char*>(key.data());
    if (EVP_MAC_init(h.ctx, k, key.size(), nullptr) != 1) return false;
    h.key.assign(key.data(), key.size());
    h.keyed = true;
  }
  for (std::string_view part : parts) {
    if (part.empty()) continue;
    if (EVP_MAC_update(h.ctx, reinterpret_cast<const unsigned char*>(part.data()), part.size()) !=
        1) {
      h.forget_key();
      return false;
    }
  }
  std::size_t written = 0;
  if (EVP_MAC_final(h.ctx, out, &written, kSha256Size) != 1 || written != kSha256Size) {
    h.forget_key();
    return false;
  }
  return true;
}

std::string to_hex(const unsigned char* data, std::size_t size) {
  return workos::auth::detail::hex_encode(
      std::string_view(reinterpret_cast<const char*>(data), size));
}

bool from_hex(std::string_view hex, unsigned char* out, std::size_t size) noexcept {
  if (hex.size() != size * 2) return false;
  // The hex text is the untrusted, public signature: its decoding need not be constant-time.
  for (std::size_t i = 0; i < size; ++i) {
    const int hi = hex_value(static_cast<unsigned char>(hex[2 * i]));
    const int lo = hex_value(static_cast<unsigned char>(hex[2 * i + 1]));
    if (hi < 0 || lo < 0) return false;
    out[i] = static_cast<unsigned char>((hi << 4) | lo);
  }
  return true;
}

}  // namespace workos::detail::sig
