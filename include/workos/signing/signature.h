// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// The outcome of a `WorkOS-Signature` check, shared by webhooks (`workos/signing/webhooks.h`)
/// and AuthKit Actions (`workos/signing/actions.h`). See docs/adr/0006-signatures-and-vault.md.

#include <workos/error.h>
#include <workos/result.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace workos::signing {

/// Why a signature check failed. `kNone` means it passed.
enum class SignatureFailure : unsigned char {
  kNone = 0,           ///< The header is well formed, fresh and its `v1` signature matches.
  kMalformedHeader,    ///< No leading `t=<ms>`, or no `v1=` item after it.
  kTimestampTooOld,    ///< `t` lies more than the tolerance before "now" (a stale delivery).
  kTimestampInFuture,  ///< `t` lies more than the tolerance after "now".
  kSignatureMismatch,  ///< `v1` is not the HMAC-SHA256 of `"<t>.<payload>"` (the secret).
  kEmptySecret,        ///< The secret passed in is empty (a configuration mistake).
};

/// Stable, lowercase name of `failure`; also the `Error::code()` of the matching error:
/// `"signature_header_malformed"`, `"signature_timestamp_too_old"`,
/// `"signature_timestamp_in_future"`, `"signature_mismatch"`, `"signature_secret_empty"`
/// (`"ok"` for `kNone`).
const char* to_code(SignatureFailure failure) noexcept;

/// The `SignatureFailure` an `Error` stands for (from its `code()`); `kNone` when `error` is not
/// a signature error. Useful after `construct_event` / `construct_action` failed.
SignatureFailure failure_of(const Error& error) noexcept;

/// Result of `webhooks::verify_header` / `actions::verify_header`. A small value that never
/// allocates on success; the `Error` is built on demand. Thread-safe (a plain value).
///
/// @code
/// auto check = workos::webhooks::verify_header(body, header, secret);
/// if (!check) {
///   if (check.failure() == workos::signing::SignatureFailure::kTimestampTooOld) ...;
///   log(check.error().message());   // never contains the secret or the signature
///   return 400;
/// }
/// @endcode
class [[nodiscard]] VerifyResult {
 public:
  /// A passed check for a header whose `t` was `timestamp_ms`.
  static VerifyResult passed(std::int64_t timestamp_ms) noexcept {
    return VerifyResult(SignatureFailure::kNone, timestamp_ms);
  }
  /// A failed check; `timestamp_ms` is the header's `t` when it could be read, else 0.
  static VerifyResult failed(SignatureFailure failure, std::int64_t timestamp_ms = 0) noexcept {
    return VerifyResult(failure, timestamp_ms);
  }

  /// True when the signature is valid and fresh.
  bool ok() const noexcept { return failure_ == SignatureFailure::kNone; }
  /// `ok()`.
  explicit operator bool() const noexcept { return ok(); }
  /// Why the check failed (`kNone` when it passed).
  SignatureFailure failure() const noexcept { return failure_; }
  /// The header's `t` in milliseconds since the Unix epoch (0 when the header was malformed).
  std::int64_t timestamp_ms() const noexcept { return timestamp_ms_; }
  /// The header's `t` as a time point; `time_point::max()` when `t` lies beyond what
  /// `system_clock` can represent (a `t` of up to 18 digits is read, far more than nanoseconds
  /// since 1970 in an int64 can hold).
  std::chrono::system_clock::time_point timestamp() const noexcept {
    using Clock = std::chrono::system_clock;
    constexpr std::int64_t kMaxMs =
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::duration::max()).count();
    if (timestamp_ms_ > kMaxMs) return Clock::time_point::max();
    return Clock::time_point(
        std::chrono::duration_cast<Clock::duration>(std::chrono::milliseconds(timestamp_ms_)));
  }
  /// The `Error` (kind `kCrypto`, `code()` = `to_code(failure())`) of a failed check. Must only
  /// be called when `!ok()`.
  Error error() const;
  /// As a `Result<void>`: success, or `error()`.
  Result<void> to_result() const;
  /// Throws `CryptoError` (aborts under -fno-exceptions) when the check failed.
  void value() const;

 private:
  VerifyResult(SignatureFailure failure, std::int64_t timestamp_ms) noexcept
      : failure_(failure), timestamp_ms_(timestamp_ms) {}
  SignatureFailure failure_;
  std::int64_t timestamp_ms_;
};

/// Checks a `WorkOS-Signature` header against the raw `payload` bytes: the header
/// `t=<milliseconds>, v1=<hex>` passes when `t` lies within `tolerance` of `now` (either side;
/// a negative tolerance counts as 0, any tolerance up to `milliseconds::max()` is safe) and the
/// `v1` value equals the lowercase hex HMAC-SHA256 of `"<t>.<payload>"` under `secret`
/// (compared in constant time). The header is read as the official Node SDK reads it: items
/// separated by commas, `t` first and `v1` second by position, items after the second ignored
/// (so only the first `v1` counts), values taken verbatim (no spaces around them), whitespace
/// around the keys ignored. Stricter than Node: the keys must be `t` and `v1`, and `t` must be
/// 1 to 18 decimal digits.
/// Prefer the wrappers `webhooks::verify_header` (180 s) and `actions::verify_header` (30 s).
/// Thread-safe; allocation-free after the first call with a given secret on a thread.
VerifyResult verify_signature_header(std::string_view payload, std::string_view sig_header,
                                     std::string_view secret, std::chrono::milliseconds tolerance,
                                     std::chrono::system_clock::time_point now);

/// Lowercase hex HMAC-SHA256 of `"<timestamp_ms>.<payload>"` under `secret`: the `v1` value of a
/// `WorkOS-Signature` header and the `signature` of an Actions response.
std::string compute_signature(std::int64_t timestamp_ms, std::string_view payload,
                              std::string_view secret);

/// Milliseconds since the Unix epoch of `tp` (truncated).
inline std::int64_t to_unix_ms(std::chrono::system_clock::time_point tp) noexcept {
  return std::chrono::duration_cast<std::chrono::milliseconds>(tp.time_since_epoch()).count();
}

}  // namespace workos::signing
