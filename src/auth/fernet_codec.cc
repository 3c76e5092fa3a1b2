// Copyright workos-cpp authors. Handwritten.
// Fernet (https://github.com/fernet/spec/blob/master/Spec.md), as Python's `cryptography`
// writes it: base64url (with padding) of
//   0x80 | timestamp (u64 BE, seconds) | IV (16) | AES-128-CBC ciphertext (PKCS#7) | HMAC-SHA256
// with the key = signing key (first 16 bytes) || encryption key (last 16 bytes).
//
// Token and key must carry their `=` padding: `cryptography` decodes both with
// `base64.urlsafe_b64decode`, which refuses unpadded input. This codec is stricter than Python in
// one way: Python's decoder silently discards characters outside the alphabet (a token with
// an embedded newline or space still decrypts there); here any such character is an error.

#include <workos/auth/session_codec.h>

#include "crypto/crypto.h"
#include "crypto/encoding.h"

#include <cstdint>
#include <limits>

namespace workos::auth {
namespace {

constexpr unsigned char kVersion = 0x80;
constexpr std::size_t kHeader = 1 + 8 + 16;
constexpr std::size_t kMac = 32;
constexpr std::int64_t kMaxClockSkew = 60;  // cryptography's _MAX_CLOCK_SKEW

using detail::crypto_error;

// cryptography's TTL rule on the token's timestamp `ts` (attacker-chosen: it is read before the
// HMAC is checked, in Python's order): expired when ts + ttl < now, from the future when
// now + 60 s < ts. Python compares unbounded integers; here no step may overflow. A timestamp
// beyond INT64_MAX seconds is refused as from the future (fail closed). Null when the timestamp is
// fine.
const char* check_timestamp(std::uint64_t ts, std::int64_t ttl, std::int64_t now) {
  constexpr auto kMax = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  if (ts > kMax) return "fernet: token from the future";
  const auto stamp = static_cast<std::int64_t>(ts);
  std::int64_t expiry = 0;
  if (__builtin_add_overflow(stamp, ttl, &expiry)) {
    // Beyond int64: above every clock when ttl > 0 (not expired), below when ttl < 0.
    if (ttl < 0) return "fernet: token expired";
  } else if (expiry < now) {
    return "fernet: token expired";
  }
  std::int64_t latest = 0;
  if (!__builtin_add_overflow(now, kMaxClockSkew, &latest) && latest < stamp) {
    return "fernet: token from the future";
  }
  return nullptr;
}

class FernetCodec final : public SessionCodec {
 public:
  FernetCodec(std::string_view signing_key, std::string encryption_key, FernetOptions options)
      : signing_(detail::HmacKey::Digest::kSha256, signing_key),
        encryption_key_(std::move(encryption_key)),
        options_(std::move(options)) {}

  bool ok() const { return signing_.ok(); }

  Result<std::string> seal(std::string_view plaintext) const override {
    std::string iv;
    if (!detail::random_bytes(16, iv)) return crypto_error("the random generator failed");
    const auto ts = static_cast<std::uint64_t>(now_seconds());
    std::string data;
    data.reserve(kHeader + plaintext.size() + 16 + kMac);
    data += static_cast<char>(kVersion);
    for (int shift = 56; shift >= 0; shift -= 8) data += static_cast<char>((ts >> shift) & 0xFF);
    data += iv;
    std::string ciphertext;
    if (!detail::aes_cbc_encrypt(encryption_key_, iv, plaintext, ciphertext)) {
      return crypto_error("fernet: encryption failed");
    }
    data += ciphertext;
    const std::string mac = signing_.mac(data);
    if (mac.size() != kMac) return crypto_error("fernet: HMAC failed");
    data += mac;
    return detail::base64url_encode_padded(data);
  }

  Result<std::string> unseal(std::string_view sealed) const override {
    std::string data;
    if (!detail::base64url_decode_padded(sealed, data)) {
      return crypto_error("fernet: bad encoding");
    }
    if (data.size() < kHeader + 16 + kMac || static_cast<unsigned char>(data[0]) != kVersion) {
      return crypto_error("fernet: invalid token");
    }
    if (options_.ttl) {
      std::uint64_t ts = 0;
      for (int i = 1; i <= 8; ++i) ts = (ts << 8) | static_cast<unsigned char>(data[i]);
      if (const char* why = check_timestamp(ts, options_.ttl->count(), now_seconds())) {
        return crypto_error(why);
      }
    }
    const std::string_view body(data.data(), data.size() - kMac);
    const std::string expected = signing_.mac(body);
    if (!detail::constant_time_equal(expected, std::string_view(data).substr(data.size() - kMac))) {
      return crypto_error("fernet: bad HMAC value");
    }
    std::string plaintext;
    if (!detail::aes_cbc_decrypt(encryption_key_, std::string_view(data).substr(9, 16),
                                 body.substr(kHeader), plaintext)) {
      return crypto_error("fernet: decryption failed");
    }
    return plaintext;
  }

  SessionPayloadStyle payload_style() const noexcept override {
    return SessionPayloadStyle::kPython;
  }
  std::string_view name() const noexcept override { return "fernet"; }

 private:
  std::int64_t now_seconds() const {
    const auto tp = options_.now ? options_.now() : std::chrono::system_clock::now();
    return std::chrono::duration_cast<std::chrono::seconds>(tp.time_since_epoch()).count();
  }

  detail::HmacKey signing_;
  std::string encryption_key_;
  FernetOptions options_;
};

}  // namespace

Result<std::shared_ptr<const SessionCodec>> make_fernet_codec(std::string_view key,
                                                              FernetOptions options) {
  std::string raw;
  if (!detail::base64url_decode_padded(key, raw) || raw.size() != 32) {
    return Error(ErrorKind::kConfiguration,
                 "a Fernet key must be 32 url-safe base64-encoded bytes");
  }
  auto codec = std::make_shared<FernetCodec>(std::string_view(raw).substr(0, 16), raw.substr(16),
                                             std::move(options));
  if (!codec->ok()) return Error(ErrorKind::kCrypto, "fernet: cannot set up HMAC-SHA256");
  return std::shared_ptr<const SessionCodec>(std::move(codec));
}

Result<std::string> generate_fernet_key() {
  std::string raw;
  if (!detail::random_bytes(32, raw)) return Error(ErrorKind::kCrypto, "RAND_bytes failed");
  return detail::base64url_encode_padded(raw);
}

}  // namespace workos::auth
