// Copyright workos-cpp authors. Handwritten.
// `WorkOS-Signature` verification shared by webhooks and Actions. See
// docs/adr/0006-signatures-and-vault.md for the rules and the measured cost.

#include <workos/signing/signature.h>

#include "signing/hmac.h"
#include "signing/signature_header.h"

#include <openssl/crypto.h>

#include <string>

namespace workos {
namespace detail::sig {

namespace {

std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

bool SignatureHeaderItems::next(std::string_view& key, std::string_view& value,
                                bool& malformed) noexcept {
  while (!done_) {
    std::string_view item;
    const std::size_t comma = rest_.find(',');
    if (comma == std::string_view::npos) {
      item = rest_;
      rest_ = {};
      done_ = true;
    } else {
      item = rest_.substr(0, comma);
      rest_.remove_prefix(comma + 1);
    }
    item = trim(item);
    if (item.empty()) continue;
    const std::size_t eq = item.find('=');
    if (eq == std::string_view::npos) {
      key = item;
      value = {};
      malformed = true;
      return true;
    }
    key = trim(item.substr(0, eq));
    value = trim(item.substr(eq + 1));
    malformed = false;
    return true;
  }
  return false;
}

signing::SignatureFailure scan_signature_header(std::string_view header,
                                                SignatureHeaderScan& out) noexcept {
  out = SignatureHeaderScan{};
  bool have_t = false;
  SignatureHeaderItems items(header);
  std::string_view key, value;
  bool malformed = false;
  while (items.next(key, value, malformed)) {
    if (malformed) return signing::SignatureFailure::kMalformedHeader;
    if (key == "t") {
      // Milliseconds since the epoch; 18 digits keep any value far from int64 overflow.
      if (have_t || value.empty() || value.size() > 18) {
        return signing::SignatureFailure::kMalformedHeader;
      }
      std::int64_t ms = 0;
      for (char ch : value) {
        if (ch < '0' || ch > '9') return signing::SignatureFailure::kMalformedHeader;
        ms = ms * 10 + (ch - '0');
      }
      have_t = true;
      out.timestamp_text = value;
      out.timestamp_ms = ms;
    } else if (key == "v1") {
      ++out.v1_count;
    }
    // Other schemes (v0, a future v2) are skipped: they are not ours to judge.
  }
  if (!have_t || out.v1_count == 0) return signing::SignatureFailure::kMalformedHeader;
  return signing::SignatureFailure::kNone;
}

}  // namespace detail::sig

namespace signing {

namespace {

const char* message_of(SignatureFailure failure) noexcept {
  switch (failure) {
    case SignatureFailure::kNone:
      return "The signature is valid";
    case SignatureFailure::kMalformedHeader:
      return "The WorkOS-Signature header is malformed (expected \"t=<milliseconds>, "
             "v1=<hex signature>\")";
    case SignatureFailure::kTimestampTooOld:
      return "The WorkOS-Signature timestamp is older than the allowed tolerance";
    case SignatureFailure::kTimestampInFuture:
      return "The WorkOS-Signature timestamp lies further in the future than the allowed "
             "tolerance";
    case SignatureFailure::kSignatureMismatch:
      return "No WorkOS-Signature v1 signature matches the payload and secret";
    case SignatureFailure::kEmptySecret:
      return "The signing secret is empty";
  }
  return "Signature check failed";
}

}  // namespace

const char* to_code(SignatureFailure failure) noexcept {
  switch (failure) {
    case SignatureFailure::kNone:
      return "ok";
    case SignatureFailure::kMalformedHeader:
      return "signature_header_malformed";
    case SignatureFailure::kTimestampTooOld:
      return "signature_timestamp_too_old";
    case SignatureFailure::kTimestampInFuture:
      return "signature_timestamp_in_future";
    case SignatureFailure::kSignatureMismatch:
      return "signature_mismatch";
    case SignatureFailure::kEmptySecret:
      return "signature_secret_empty";
  }
  return "signature_error";
}

SignatureFailure failure_of(const Error& error) noexcept {
  if (error.kind() != ErrorKind::kCrypto) return SignatureFailure::kNone;
  for (SignatureFailure f :
       {SignatureFailure::kMalformedHeader, SignatureFailure::kTimestampTooOld,
        SignatureFailure::kTimestampInFuture, SignatureFailure::kSignatureMismatch,
        SignatureFailure::kEmptySecret}) {
    if (error.code() == to_code(f)) return f;
  }
  return SignatureFailure::kNone;
}

Error VerifyResult::error() const {
  ErrorInfo info;
  info.kind = ErrorKind::kCrypto;
  info.code = to_code(failure_);
  info.message = message_of(failure_);
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
  const std::int64_t tol = tolerance.count() > 0 ? tolerance.count() : 0;
  // Both directions: a timestamp far in the future is as suspicious as a stale one (the
  // official SDKs only check the past; replaying a delivery signed "later" must not work).
  if (t < now_ms - tol) return VerifyResult::failed(SignatureFailure::kTimestampTooOld, t);
  if (t > now_ms + tol) return VerifyResult::failed(SignatureFailure::kTimestampInFuture, t);

  unsigned char expected[detail::sig::kSha256Size];
  // The digits of `t` are signed exactly as sent (leading zeros included).
  if (!detail::sig::hmac_sha256(secret, {scan.timestamp_text, ".", payload}, expected)) {
    return VerifyResult::failed(SignatureFailure::kSignatureMismatch, t);
  }
  const bool matched = detail::sig::any_v1(sig_header, [&expected](std::string_view hex) noexcept {
    unsigned char given[detail::sig::kSha256Size];
    if (!detail::sig::from_hex(hex, given, sizeof given)) return false;
    return CRYPTO_memcmp(given, expected, sizeof given) == 0;
  });
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
