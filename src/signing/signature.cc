// Copyright workos-cpp authors. Handwritten.
// `WorkOS-Signature` verification shared by webhooks and Actions. See
// docs/adr/0006-signatures-and-vault.md for the rules and the measured cost.

#include <workos/signing/signature.h>

#include "core/enum_names.h"
#include "crypto/hmac.h"
#include "signing/signature_header.h"

#include <openssl/crypto.h>

#include <cstdint>
#include <string>

namespace workos {
namespace detail::sig {

namespace {

constexpr bool is_blank(char ch) noexcept {
  return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

// Splits `item` at its first '=' into a key (surrounding whitespace dropped: keys are not
// signed) and the verbatim value. False when there is no '='.
bool split_item(std::string_view item, std::string_view& key, std::string_view& value) noexcept {
  const std::size_t eq = item.find('=');
  if (eq == std::string_view::npos) return false;
  key = item.substr(0, eq);
  while (!key.empty() && is_blank(key.front())) key.remove_prefix(1);
  while (!key.empty() && is_blank(key.back())) key.remove_suffix(1);
  value = item.substr(eq + 1);
  return true;
}

}  // namespace

signing::SignatureFailure scan_signature_header(std::string_view header,
                                                SignatureHeaderScan& out) noexcept {
  out = SignatureHeaderScan{};
  // Positional, as in the Node SDK (see signature_header.h): item 1 is `t`, item 2 is `v1`,
  // anything after the second comma is ignored.
  const std::size_t comma = header.find(',');
  if (comma == std::string_view::npos) return signing::SignatureFailure::kMalformedHeader;
  std::string_view second = header.substr(comma + 1);
  const std::size_t comma2 = second.find(',');
  if (comma2 != std::string_view::npos) second = second.substr(0, comma2);

  std::string_view key, value;
  if (!split_item(header.substr(0, comma), key, value) || key != "t") {
    return signing::SignatureFailure::kMalformedHeader;
  }
  // Milliseconds since the epoch; 18 digits keep any value below 10^18, far from int64 overflow.
  if (value.empty() || value.size() > 18) return signing::SignatureFailure::kMalformedHeader;
  std::int64_t ms = 0;
  for (char ch : value) {
    if (ch < '0' || ch > '9') return signing::SignatureFailure::kMalformedHeader;
    ms = ms * 10 + (ch - '0');
  }
  out.timestamp_text = value;
  out.timestamp_ms = ms;

  if (!split_item(second, key, value) || key != "v1") {
    return signing::SignatureFailure::kMalformedHeader;
  }
  out.signature = value;
  return signing::SignatureFailure::kNone;
}

}  // namespace detail::sig

namespace signing {

namespace {

constexpr workos::detail::EnumName<SignatureFailure> kFailures[] = {
    {SignatureFailure::kNone, "ok", "The signature is valid"},
    {SignatureFailure::kMalformedHeader, "signature_header_malformed",
     "The WorkOS-Signature header is malformed (expected \"t=<milliseconds>, v1=<hex "
     "signature>\")"},
    {SignatureFailure::kTimestampTooOld, "signature_timestamp_too_old",
     "The WorkOS-Signature timestamp is older than the allowed tolerance"},
    {SignatureFailure::kTimestampInFuture, "signature_timestamp_in_future",
     "The WorkOS-Signature timestamp lies further in the future than the allowed tolerance"},
    {SignatureFailure::kSignatureMismatch, "signature_mismatch",
     "No WorkOS-Signature v1 signature matches the payload and secret"},
    {SignatureFailure::kEmptySecret, "signature_secret_empty", "The signing secret is empty"},
};

}  // namespace

const char* to_code(SignatureFailure failure) noexcept {
  return workos::detail::code_of(kFailures, failure, "signature_error");
}

SignatureFailure failure_of(const Error& error) noexcept {
  if (error.kind() != ErrorKind::kCrypto) return SignatureFailure::kNone;
  return workos::detail::value_of(kFailures, error.code(), SignatureFailure::kNone);
}

Error VerifyResult::error() const {
  ErrorInfo info;
  info.kind = ErrorKind::kCrypto;
  info.code = to_code(failure_);
  const auto* row = workos::detail::row_of(kFailures, failure_);
  info.message = row ? row->message : "Signature check failed";
  return Error(std::move(info));
}

Result<void> VerifyResult::to_result() const {
  if (ok()) return {};
  return error();
}

void VerifyResult::value() const {
  if (!ok()) detail::fail_value(error());
}

VerifyResult verify_signature_header(std::string_view payload, std::string_view sig_header,
                                     std::string_view secret, std::chrono::milliseconds tolerance,
                                     std::chrono::system_clock::time_point now) {
  if (secret.empty()) return VerifyResult::failed(SignatureFailure::kEmptySecret);
  detail::sig::SignatureHeaderScan scan;
  if (detail::sig::scan_signature_header(sig_header, scan) != SignatureFailure::kNone) {
    return VerifyResult::failed(SignatureFailure::kMalformedHeader);
  }
  const std::int64_t t = scan.timestamp_ms;
  const std::int64_t now_ms = to_unix_ms(now);
  const std::uint64_t tol =
      tolerance.count() > 0 ? static_cast<std::uint64_t>(tolerance.count()) : 0;
  // Both directions: a timestamp far in the future is as suspicious as a stale one (the
  // official SDKs only check the past; replaying a delivery signed "later" must not work).
  // Overflow-free for any tolerance, `t` and `now`: `now - tol` or `now + tol` could leave the
  // int64 range, so the distance between `t` and now is taken in uint64 instead, where the
  // difference of the larger and the smaller int64 is exact.
  if (now_ms > t && static_cast<std::uint64_t>(now_ms) - static_cast<std::uint64_t>(t) > tol) {
    return VerifyResult::failed(SignatureFailure::kTimestampTooOld, t);
  }
  if (t > now_ms && static_cast<std::uint64_t>(t) - static_cast<std::uint64_t>(now_ms) > tol) {
    return VerifyResult::failed(SignatureFailure::kTimestampInFuture, t);
  }

  unsigned char given[detail::sig::kSha256Size];
  if (!detail::sig::from_hex(scan.signature, given, sizeof given)) {
    // Not 64 lowercase hex digits: it cannot equal the lowercase hex of any HMAC.
    return VerifyResult::failed(SignatureFailure::kSignatureMismatch, t);
  }
  unsigned char expected[detail::sig::kSha256Size];
  // The digits of `t` are signed exactly as sent (leading zeros included).
  if (!detail::sig::hmac_sha256(secret, {scan.timestamp_text, ".", payload}, expected)) {
    return VerifyResult::failed(SignatureFailure::kSignatureMismatch, t);
  }
  const bool matched = CRYPTO_memcmp(given, expected, sizeof given) == 0;
  OPENSSL_cleanse(expected, sizeof expected);
  if (!matched) return VerifyResult::failed(SignatureFailure::kSignatureMismatch, t);
  return VerifyResult::passed(t);
}

std::string compute_signature(std::int64_t timestamp_ms, std::string_view payload,
                              std::string_view secret) {
  const std::string t = std::to_string(timestamp_ms);
  unsigned char mac[detail::sig::kSha256Size];
  if (!detail::sig::hmac_sha256(secret, {t, ".", payload}, mac)) return std::string();
  return detail::sig::to_hex(mac, sizeof mac);
}

}  // namespace signing
}  // namespace workos
