// Copyright workos-cpp authors. Handwritten.
// The iron `Fe26.2` seal with the conventions of the official Node SDK (@workos-inc/node 11,
// which inlines iron-webcrypto 2): password id "1", AES-256-CBC, HMAC-SHA256, PBKDF2-SHA1 with
// one iteration over a 256-bit salt written as 64 hex characters (the salt's *text* is the
// PBKDF2 salt), base64url without padding, and a "~2" version suffix after the seal.
//
//   Fe26.2*<id>*<enc salt>*<iv b64url>*<ciphertext b64url>*<expiry ms or empty>*<mac salt>*<mac
//   b64url>~2

#include <workos/auth/session_codec.h>

#include "core/json.h"
#include "crypto/crypto.h"
#include "crypto/encoding.h"

#include <charconv>
#include <vector>

namespace workos::auth {
namespace {

constexpr std::string_view kPrefix = "Fe26.2";
constexpr std::string_view kPasswordId = "1";
constexpr std::size_t kMinPasswordLength = 32;  // iron's minPasswordlength, in UTF-16 units
constexpr std::size_t kSaltBytes = 32;          // saltBits 256
constexpr std::size_t kKeyBytes = 32;           // AES-256 / HMAC-SHA256 key
constexpr int kCurrentVersion = 2;

using detail::crypto_error;

// The password's length as iron counts it: `password.length` of a JavaScript string, i.e. in
// UTF-16 code units (a character of 1 to 3 UTF-8 bytes is one unit, one of 4 bytes is two),
// while the key is derived from its UTF-8 bytes. Counting bytes would accept 11 CJK characters
// (33 bytes, 11 units) that the Node SDK refuses, so that its cookies could not be read there.
// A byte that is not part of valid UTF-8 counts as one unit: such a password cannot be given to
// the Node SDK at all, and counting it byte by byte keeps the C++-only minimum of 32 bytes.
std::size_t utf16_length(std::string_view s) {
  std::size_t units = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t len = b < 0x80           ? 1
                            : (b >> 5) == 0x6  ? 2
                            : (b >> 4) == 0xE  ? 3
                            : (b >> 3) == 0x1E ? 4
                                               : 0;
    bool valid = len != 0 && i + len <= s.size();
    for (std::size_t k = 1; valid && k < len; ++k) {
      valid = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    }
    if (!valid) {
      ++units;
      ++i;
      continue;
    }
    units += len == 4 ? 2 : 1;
    i += len;
  }
  return units;
}

class IronCodec final : public SessionCodec {
 public:
  IronCodec(const std::string& password, IronOptions options)
      : prf_(detail::HmacKey::Digest::kSha1, password), options_(std::move(options)) {}

  bool ok() const { return prf_.ok(); }

  Result<std::string> seal(std::string_view plaintext) const override {
    std::string enc_salt_bytes, mac_salt_bytes, iv;
    if (!detail::random_bytes(kSaltBytes, enc_salt_bytes) ||
        !detail::random_bytes(kSaltBytes, mac_salt_bytes) || !detail::random_bytes(16, iv)) {
      return crypto_error("the random generator failed (RAND_bytes)");
    }
    const std::string enc_salt = detail::hex_encode(enc_salt_bytes);
    const std::string mac_salt = detail::hex_encode(mac_salt_bytes);
    const std::string enc_key = detail::pbkdf2(prf_, enc_salt, 1, kKeyBytes);
    std::string ciphertext;
    if (enc_key.size() != kKeyBytes ||
        !detail::aes_cbc_encrypt(enc_key, iv, plaintext, ciphertext)) {
      return crypto_error("iron: encryption failed");
    }
    std::string out;
    out.reserve(ciphertext.size() * 4 / 3 + 256);
    out.append(kPrefix).append("*").append(kPasswordId).append("*").append(enc_salt);
    out.append("*").append(detail::base64url_encode(iv));
    out.append("*").append(detail::base64url_encode(ciphertext));
    out.append("*");
    if (options_.ttl.count() > 0) {
      const auto now_ms =
          std::chrono::duration_cast<std::chrono::milliseconds>(now().time_since_epoch()).count();
      out.append(std::to_string(now_ms + options_.ttl.count()));
    }
    const std::string mac_key = detail::pbkdf2(prf_, mac_salt, 1, kKeyBytes);
    const std::string mac = detail::hmac_sha256(mac_key, out);
    if (mac.size() != 32) return crypto_error("iron: HMAC failed");
    out.append("*").append(mac_salt).append("*").append(detail::base64url_encode(mac));
    out.append("~").append(std::to_string(kCurrentVersion));
    return out;
  }

  Result<std::string> unseal(std::string_view sealed) const override {
    // The Node SDK splits the version suffix off at the first '~' (neither hex nor base64url
    // contains one).
    std::string_view seal = sealed;
    std::optional<int> version;
    if (const std::size_t tilde = sealed.find('~'); tilde != std::string_view::npos) {
      seal = sealed.substr(0, tilde);
      std::string_view v = sealed.substr(tilde + 1);
      v = v.substr(0, v.find('~'));
      int parsed = 0;
      auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), parsed);
      if (ec == std::errc() && ptr != v.data())
        version = parsed;
      else
        version = -1;  // present but not a number: treated like an old version
    }

    std::string_view parts[8];
    std::size_t count = 0, start = 0;
    for (;;) {
      const std::size_t star = seal.find('*', start);
      if (count == 8) return crypto_error("iron: wrong number of sealed components");
      parts[count++] = seal.substr(
          start, star == std::string_view::npos ? std::string_view::npos : star - start);
      if (star == std::string_view::npos) break;
      start = star + 1;
    }
    if (count != 8) return crypto_error("iron: wrong number of sealed components");
    const auto& [prefix, password_id, enc_salt, iv_b64, ct_b64, expiration, mac_salt, mac_b64] =
        parts;
    if (prefix != kPrefix) return crypto_error("iron: wrong prefix");
    // The Node SDK seals with id "1"; a plain iron seal with a string password has no id.
    if (password_id != kPasswordId && !password_id.empty()) {
      return crypto_error("iron: unknown password id");
    }
    if (!expiration.empty()) {
      std::int64_t exp_ms = 0;
      auto [ptr, ec] =
          std::from_chars(expiration.data(), expiration.data() + expiration.size(), exp_ms);
      if (ec != std::errc() || ptr != expiration.data() + expiration.size() ||
          expiration[0] == '0' || exp_ms <= 0) {
        return crypto_error("iron: invalid expiration");
      }
      const auto now_ms =
          std::chrono::duration_cast<std::chrono::milliseconds>(now().time_since_epoch()).count();
      const auto skew_ms =
          std::chrono::duration_cast<std::chrono::milliseconds>(options_.timestamp_skew).count();
      if (exp_ms <= now_ms - skew_ms) return crypto_error("iron: expired seal");
    }

    // Integrity first (encrypt-then-MAC): nothing is decrypted before the MAC matches.
    std::string mac;
    if (!detail::base64url_decode(mac_b64, mac)) return crypto_error("iron: bad HMAC encoding");
    const std::size_t mac_base_len = static_cast<std::size_t>(mac_salt.data() - seal.data()) - 1;
    const std::string mac_key = detail::pbkdf2(prf_, mac_salt, 1, kKeyBytes);
    const std::string expected = detail::hmac_sha256(mac_key, seal.substr(0, mac_base_len));
    if (expected.size() != 32 || !detail::constant_time_equal(expected, mac)) {
      return crypto_error("iron: bad HMAC value");
    }

    std::string iv, ciphertext, plaintext;
    if (!detail::base64url_decode(iv_b64, iv) || iv.size() != 16 ||
        !detail::base64url_decode(ct_b64, ciphertext)) {
      return crypto_error("iron: bad encoding");
    }
    const std::string enc_key = detail::pbkdf2(prf_, enc_salt, 1, kKeyBytes);
    if (!detail::aes_cbc_decrypt(enc_key, iv, ciphertext, plaintext)) {
      return crypto_error("iron: decryption failed");
    }
    if (version && *version != kCurrentVersion) return unwrap_persistent(std::move(plaintext));
    return plaintext;
  }

  SessionPayloadStyle payload_style() const noexcept override { return SessionPayloadStyle::kNode; }
  std::string_view name() const noexcept override { return "iron"; }

 private:
  std::chrono::system_clock::time_point now() const {
    return options_.now ? options_.now() : std::chrono::system_clock::now();
  }

  // Seals of older versions (iron-session v1 style) wrap the data as {"persistent": ...}; the
  // Node SDK returns `data.persistent ?? data` for them.
  static Result<std::string> unwrap_persistent(std::string plaintext) {
    workos::detail::json::Value root;
    if (!workos::detail::json::parse(workos::detail::json::JsonText(std::string_view(plaintext)),
                                     "SealedSession", root)) {
      return plaintext;
    }
    workos::detail::json::Value persistent;
    if (root.is_object() && root["persistent"].get(persistent) == simdjson::SUCCESS &&
        !persistent.is_null()) {
      return simdjson::minify(persistent);
    }
    return plaintext;
  }

  detail::HmacKey prf_;  // HMAC-SHA1 keyed with the password: the PBKDF2 PRF
  IronOptions options_;
};

}  // namespace

Result<std::shared_ptr<const SessionCodec>> make_iron_codec(std::string password,
                                                            IronOptions options) {
  if (utf16_length(password) < kMinPasswordLength) {
    return Error(ErrorKind::kConfiguration,
                 "the cookie password must be at least 32 characters long (iron; UTF-16 "
                 "code units, as the Node SDK counts them)");
  }
  auto codec = std::make_shared<IronCodec>(password, std::move(options));
  if (!codec->ok()) return Error(ErrorKind::kCrypto, "iron: cannot set up HMAC-SHA1");
  return std::shared_ptr<const SessionCodec>(std::move(codec));
}

}  // namespace workos::auth
