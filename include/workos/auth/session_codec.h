// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// Sealed-cookie codecs: `SessionCodec` and the two built-in formats.
///
/// - **iron** (`Fe26.2`, the default) — the format of the official Node SDK
///   (`@workos-inc/node` 11): AES-256-CBC + HMAC-SHA256, keys derived from a password of at
///   least 32 characters, with the SDK's `~2` version suffix. Cookies sealed by the Node SDK are
///   read here and the other way round.
/// - **Fernet** — the format of the official Python SDK (`cryptography.fernet`): AES-128-CBC +
///   HMAC-SHA256 with a 32-byte url-safe base64 key (`Fernet.generate_key()`).
///
/// The session payload layout follows the peer SDK too (camelCase keys for iron / Node,
/// snake_case for Fernet / Python); both layouts are read whatever the codec.

#include <workos/result.h>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace workos::auth {

/// Key naming of the session payload a codec writes.
enum class SessionPayloadStyle {
  kNode,    ///< `accessToken`, `refreshToken`, `user` with camelCase fields (Node SDK).
  kPython,  ///< `access_token`, `refresh_token`, `user` as the API sends it (Python SDK).
};

/// Seals and unseals opaque bytes (the session JSON). Implementations must be thread-safe
/// (`seal` / `unseal` are called concurrently from request threads).
class SessionCodec {
 public:
  virtual ~SessionCodec() = default;
  /// Encrypts and authenticates `plaintext`; the result is cookie-safe ASCII.
  /// Errors: `kCrypto` when the random generator or a cipher fails.
  [[nodiscard]] virtual Result<std::string> seal(std::string_view plaintext) const = 0;
  /// Checks and decrypts `sealed`. Errors: `kCrypto` (bad format, MAC, padding or expiry).
  [[nodiscard]] virtual Result<std::string> unseal(std::string_view sealed) const = 0;
  /// The payload layout this codec's peer SDK uses.
  virtual SessionPayloadStyle payload_style() const noexcept = 0;
  /// `"iron"`, `"fernet"`, or a custom name.
  virtual std::string_view name() const noexcept = 0;
};

/// Options of the iron codec.
struct IronOptions {
  /// Seal lifetime written into the seal; zero = no expiry (what the Node SDK writes).
  std::chrono::milliseconds ttl{0};
  /// Clock skew tolerated when checking a seal's expiry (iron's default: 60 s).
  std::chrono::seconds timestamp_skew{60};
  /// Wall clock for the expiry; null = `std::chrono::system_clock::now`.
  std::function<std::chrono::system_clock::time_point()> now;
};

/// The iron (`Fe26.2`) codec with the Node SDK's conventions: password id `1`, PBKDF2-SHA1 (1
/// iteration) over 256-bit hex salts, AES-256-CBC, HMAC-SHA256, `~2` suffix. Unsealing also
/// accepts seals without the suffix. Errors: `kConfiguration` when `password` is shorter than
/// 32 characters.
[[nodiscard]] Result<std::shared_ptr<const SessionCodec>> make_iron_codec(std::string password,
                                                                          IronOptions options = {});

/// Options of the Fernet codec.
struct FernetOptions {
  /// When set, tokens older than this are rejected (Fernet's `ttl`); unset = no age check,
  /// as the Python SDK does.
  std::optional<std::chrono::seconds> ttl;
  /// Wall clock for the token timestamp; null = `std::chrono::system_clock::now`.
  std::function<std::chrono::system_clock::time_point()> now;
};

/// The Fernet codec. `key` is a Fernet key: 32 bytes in url-safe base64 (44 characters with
/// padding). Errors: `kConfiguration` when the key does not decode to 32 bytes.
[[nodiscard]] Result<std::shared_ptr<const SessionCodec>> make_fernet_codec(
    std::string_view key, FernetOptions options = {});

/// A new random Fernet key (url-safe base64 of 32 CSPRNG bytes). Errors: `kCrypto`.
[[nodiscard]] Result<std::string> generate_fernet_key();

}  // namespace workos::auth
