// Copyright workos-cpp authors. Handwritten.
// JWT parsing and claim decoding.

#include "auth/jwt.h"

#include "core/json.h"
#include "crypto/encoding.h"

#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace workos::auth::detail {
namespace {

using Value = workos::detail::json::Value;
namespace json = workos::detail::json;

// Seconds since the epoch (integer or fractional) as a time_point. False for non-numbers or
// values outside what the clock can hold.
bool read_numeric_date(Value v, std::chrono::system_clock::time_point& out) {
  double seconds = 0;
  std::int64_t i = 0;
  std::uint64_t u = 0;
  if (v.get_int64().get(i) == simdjson::SUCCESS)
    seconds = static_cast<double>(i);
  else if (v.get_uint64().get(u) == simdjson::SUCCESS)
    seconds = static_cast<double>(u);
  else if (v.get_double().get(seconds) != simdjson::SUCCESS)
    return false;
  // system_clock counts nanoseconds in 64 bits: ±9.2e9 s (years 1678 to 2262); beyond 9e9 s
  // the conversion below would overflow.
  if (!std::isfinite(seconds) || std::fabs(seconds) > 9e9) return false;
  out = std::chrono::system_clock::time_point(
      std::chrono::duration_cast<std::chrono::system_clock::duration>(
          std::chrono::duration<double>(seconds)));
  return true;
}

using json::read_optional_string;
using json::read_string;
using json::read_string_array;

}  // namespace

bool split_jwt(std::string_view token, JwtParts& parts) noexcept {
  // RFC 7515 §2: the parts are base64url without padding. A `=` would give one token a second
  // spelling that verifies (the decoder strips padding), which defeats any check keyed on the
  // token text.
  if (token.find('=') != std::string_view::npos) return false;
  const std::size_t a = token.find('.');
  if (a == std::string_view::npos) return false;
  const std::size_t b = token.find('.', a + 1);
  if (b == std::string_view::npos) return false;
  if (token.find('.', b + 1) != std::string_view::npos) return false;
  parts.header_b64 = token.substr(0, a);
  parts.payload_b64 = token.substr(a + 1, b - a - 1);
  parts.signature_b64 = token.substr(b + 1);
  parts.signing_input = token.substr(0, b);
  return !parts.header_b64.empty() && !parts.payload_b64.empty() && !parts.signature_b64.empty();
}

TokenFailure decode_header(std::string_view header_b64, JwtHeader& out) {
  std::string text;
  if (!base64url_decode(header_b64, text)) return TokenFailure::kMalformed;
  Value root;
  if (!json::parse(json::JsonText(std::string_view(text)), "JwtHeader", root)) {
    return TokenFailure::kMalformed;
  }
  simdjson::dom::object obj;
  if (root.get_object().get(obj) != simdjson::SUCCESS) return TokenFailure::kMalformed;
  bool has_alg = false;
  for (auto field : obj) {
    if (field.key == "alg") {
      if (!read_string(field.value, out.alg)) return TokenFailure::kMalformed;
      has_alg = true;
    } else if (field.key == "kid") {
      if (!read_string(field.value, out.kid)) return TokenFailure::kMalformed;
      out.has_kid = true;
    } else if (field.key == "crit") {
      out.has_crit = true;
    }
  }
  if (!has_alg) return TokenFailure::kMalformed;
  return TokenFailure::kNone;
}

// The claims read as they are, by type: one row per claim.
template <class T>
using Claims = std::pair<std::string_view, T AccessTokenClaims::*>;
constexpr Claims<std::string> kStringClaims[] = {{"sub", &AccessTokenClaims::sub},
                                                 {"sid", &AccessTokenClaims::sid},
                                                 {"iss", &AccessTokenClaims::iss},
                                                 {"jti", &AccessTokenClaims::jti}};
constexpr Claims<std::optional<std::string>> kOptionalClaims[] = {
    {"org_id", &AccessTokenClaims::org_id}, {"role", &AccessTokenClaims::role}};
constexpr Claims<std::vector<std::string>> kListClaims[] = {
    {"roles", &AccessTokenClaims::roles},
    {"permissions", &AccessTokenClaims::permissions},
    {"entitlements", &AccessTokenClaims::entitlements},
    {"feature_flags", &AccessTokenClaims::feature_flags}};

bool read_claim(Value v, std::string& out) {
  return read_string(v, out);
}
bool read_claim(Value v, std::optional<std::string>& out) {
  return read_optional_string(v, out);
}
bool read_claim(Value v, std::vector<std::string>& out) {
  return read_string_array(v, out);
}

// Reads claim `k` into `c` when `table` lists it (`ok`: whether its value had the right type).
template <class T, std::size_t N>
bool read_listed(std::string_view k, Value v, AccessTokenClaims& c, const Claims<T> (&table)[N],
                 bool& ok) {
  for (const auto& [name, member] : table) {
    if (name == k) {
      ok = read_claim(v, c.*member);
      return true;
    }
  }
  return false;
}

TokenFailure decode_claims(std::string_view payload_b64, AccessTokenClaims& c, bool& has_exp) {
  has_exp = false;
  if (!base64url_decode(payload_b64, c.raw_json)) return TokenFailure::kMalformed;
  Value root;
  if (!json::parse(json::JsonText(std::string_view(c.raw_json)), "AccessTokenClaims", root)) {
    return TokenFailure::kMalformed;
  }
  simdjson::dom::object obj;
  if (root.get_object().get(obj) != simdjson::SUCCESS) return TokenFailure::kMalformed;
  for (auto field : obj) {
    const std::string_view k = field.key;
    const Value v = field.value;
    bool ok = true;
    if (read_listed(k, v, c, kStringClaims, ok) || read_listed(k, v, c, kOptionalClaims, ok) ||
        read_listed(k, v, c, kListClaims, ok)) {
      if (!ok) return TokenFailure::kMalformed;
      continue;
    }
    if (k == "exp")
      ok = has_exp = read_numeric_date(v, c.exp);
    else if (k == "iat")
      ok = read_numeric_date(v, c.iat.emplace());
    else if (k == "nbf")
      ok = read_numeric_date(v, c.nbf.emplace());
    else if (k == "aud") {
      std::string_view s;
      if (v.get_string().get(s) == simdjson::SUCCESS)
        c.aud.assign(1, std::string(s));
      else
        ok = read_string_array(v, c.aud);
    } else if (k == "act") {
      if (v.is_null()) continue;
      simdjson::dom::object act;
      if (v.get_object().get(act) != simdjson::SUCCESS) return TokenFailure::kMalformed;
      TokenActor actor;
      for (auto f : act) {
        if (f.key == "sub")
          ok = ok && read_string(f.value, actor.sub);
        else if (f.key == "reason")
          ok = ok && read_optional_string(f.value, actor.reason);
      }
      c.act = std::move(actor);
    }
    if (!ok) return TokenFailure::kMalformed;
  }
  return TokenFailure::kNone;
}

Error token_error(TokenFailure failure, std::string message) {
  ErrorInfo info;
  info.kind = ErrorKind::kCrypto;
  info.code = to_string(failure);
  info.message = std::move(message);
  return Error(std::move(info));
}

}  // namespace workos::auth::detail
