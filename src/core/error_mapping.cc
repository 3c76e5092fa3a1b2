// Copyright workos-cpp authors. Handwritten.

#include "core/error_mapping.h"

#include "core/civil_time.h"
#include "core/headers.h"
#include "core/json.h"

#include <simdjson.h>

#include <cstdint>
#include <cstring>

#include "core/redact.h"

namespace workos::detail {

namespace {

constexpr std::size_t kMaxMessageFromBody = 2000;  // a raw-body message is truncated here

int month_index(std::string_view m) {
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (int i = 0; i < 12; ++i)
    if (m == kMonths[i]) return i + 1;
  return 0;
}

bool parse_uint(std::string_view s, int& out) {
  if (s.empty() || s.size() > 9) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  out = v;
  return true;
}

bool parse_hms(std::string_view s, int& h, int& m, int& sec) {
  return s.size() == 8 && s[2] == ':' && s[5] == ':' && parse_uint(s.substr(0, 2), h) &&
         parse_uint(s.substr(3, 2), m) && parse_uint(s.substr(6, 2), sec) && h < 24 && m < 60 &&
         sec <= 60;
}

std::string string_field(const simdjson::dom::object& obj, std::string_view key) {
  std::string_view s;
  if (obj[key].get_string().get(s) == simdjson::SUCCESS) return std::string(s);
  return {};
}

std::string json_field(const simdjson::dom::object& obj, std::string_view key) {
  simdjson::dom::element e;
  if (obj[key].get(e) != simdjson::SUCCESS || e.is_null()) return {};
  return simdjson::minify(e);
}

std::vector<std::string> string_array(const simdjson::dom::object& obj, std::string_view key) {
  std::vector<std::string> out;
  simdjson::dom::array arr;
  if (obj[key].get_array().get(arr) != simdjson::SUCCESS) return out;
  for (simdjson::dom::element item : arr) {
    std::string_view s;
    if (item.get_string().get(s) == simdjson::SUCCESS) {
      out.emplace_back(s);
    } else {
      // Objects such as {"type": "password"}: keep a `type` / `id` member when present.
      simdjson::dom::object o;
      if (item.get_object().get(o) == simdjson::SUCCESS) {
        std::string v = string_field(o, "type");
        if (v.empty()) v = string_field(o, "id");
        if (!v.empty()) out.push_back(std::move(v));
      }
    }
  }
  return out;
}

}  // namespace

std::optional<std::chrono::system_clock::time_point> parse_http_date(std::string_view v) {
  v = trim_ows(v);
  int day = 0, year = 0, month = 0, h = 0, m = 0, s = 0;
  const std::size_t comma = v.find(',');
  if (comma != std::string_view::npos) {
    std::string_view rest = trim_ows(v.substr(comma + 1));
    if (rest.size() >= 20 && rest[2] == ' ' && rest[6] == ' ' && rest[11] == ' ') {
      // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT"
      if (!parse_uint(rest.substr(0, 2), day) || !(month = month_index(rest.substr(3, 3))) ||
          !parse_uint(rest.substr(7, 4), year) || !parse_hms(rest.substr(12, 8), h, m, s) ||
          trim_ows(rest.substr(20)) != "GMT") {
        return std::nullopt;
      }
    } else if (rest.size() >= 18 && rest[2] == '-' && rest[6] == '-' && rest[9] == ' ') {
      // RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT" (two-digit year; RFC 9110 §5.6.7 says
      // interpret years more than 50 years in the future as the past century: pick 19xx/20xx).
      if (!parse_uint(rest.substr(0, 2), day) || !(month = month_index(rest.substr(3, 3))) ||
          !parse_uint(rest.substr(7, 2), year) || !parse_hms(rest.substr(10, 8), h, m, s) ||
          trim_ows(rest.substr(18)) != "GMT") {
        return std::nullopt;
      }
      year += year < 70 ? 2000 : 1900;
    } else {
      return std::nullopt;
    }
  } else if (v.size() == 24 && v[3] == ' ' && v[7] == ' ' && v[10] == ' ' && v[19] == ' ') {
    // asctime: "Sun Nov  6 08:49:37 1994"
    std::string_view d = trim_ows(v.substr(8, 2));
    if (!(month = month_index(v.substr(4, 3))) || !parse_uint(d, day) ||
        !parse_hms(v.substr(11, 8), h, m, s) || !parse_uint(v.substr(20, 4), year)) {
      return std::nullopt;
    }
  } else {
    return std::nullopt;
  }
  // system_clock counts nanoseconds in 64 bits (years 1678 to 2262): a year past that range
  // would overflow, and none is a plausible HTTP-date anyway.
  if (day < 1 || day > 31 || year < 1900 || year > 2200) return std::nullopt;
  const std::int64_t days =
      days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  return std::chrono::system_clock::time_point(
      std::chrono::seconds(days * 86400 + std::int64_t{h} * 3600 + std::int64_t{m} * 60 + s));
}

std::optional<std::chrono::seconds> parse_retry_after(std::string_view value,
                                                      std::chrono::system_clock::time_point now) {
  value = trim_ows(value);
  if (value.empty()) return std::nullopt;
  bool all_digits = true;
  for (char c : value) all_digits = all_digits && c >= '0' && c <= '9';
  if (all_digits) {
    // Delta seconds; absurdly long values saturate (they are capped by the caller anyway).
    if (value.size() > 9) return std::chrono::seconds(999999999);
    int v = 0;
    parse_uint(value, v);
    return std::chrono::seconds(v);
  }
  auto date = parse_http_date(value);
  if (!date) return std::nullopt;
  if (*date <= now) return std::chrono::seconds(0);
  // Round up: waiting a fraction too long is harmless, too short is not.
  auto delta = std::chrono::ceil<std::chrono::seconds>(*date - now);
  return delta;
}

AuthFlowKind auth_flow_from_code(std::string_view c) noexcept {
  if (c == "email_verification_required") return AuthFlowKind::kEmailVerificationRequired;
  if (c == "mfa_enrollment") return AuthFlowKind::kMfaEnrollment;
  if (c == "mfa_challenge") return AuthFlowKind::kMfaChallenge;
  if (c == "organization_selection_required") return AuthFlowKind::kOrganizationSelectionRequired;
  if (c == "sso_required") return AuthFlowKind::kSsoRequired;
  if (c == "organization_authentication_methods_required")
    return AuthFlowKind::kOrganizationAuthenticationMethodsRequired;
  if (c == "authentication_method_not_allowed")
    return AuthFlowKind::kAuthenticationMethodNotAllowed;
  // The spec lists radar_challenge, radar_sign_up_challenge and radar_sms_sign_in_challenge;
  // the Node SDK also knows radar_email_challenge and radar_sms_challenge.
  if (c == "radar_challenge" || c == "radar_sign_up_challenge" ||
      c == "radar_sms_sign_in_challenge" || c == "radar_email_challenge" ||
      c == "radar_sms_challenge") {
    return AuthFlowKind::kRadarChallenge;
  }
  if (c == "email_password_auth_disabled") return AuthFlowKind::kEmailPasswordAuthDisabled;
  if (c == "passkey_progressive_enrollment") return AuthFlowKind::kPasskeyProgressiveEnrollment;
  return AuthFlowKind::kNone;
}

ErrorInfo map_http_error(const HttpResponse& response, std::string_view method,
                         std::string_view url, int attempts, std::string_view api_key,
                         std::chrono::system_clock::time_point now) {
  ErrorInfo info;
  info.kind = ErrorKind::kApi;
  info.status = response.status;
  info.method = std::string(method);
  info.url = redact_url(url, api_key);
  info.attempts = attempts;
  info.request_id = std::string(response.header("x-request-id"));
  if (auto ra = response.header("retry-after"); !ra.empty())
    info.retry_after = parse_retry_after(ra, now);
  info.raw_body = redact_response_body(response.body, api_key);

  std::string message;
  if (!response.body.empty()) {
    // Errors are rare: a local parser keeps the thread-local decode parser untouched.
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    simdjson::dom::object obj;
    if (parser.parse(response.body).get(root) == simdjson::SUCCESS &&
        root.get_object().get(obj) == simdjson::SUCCESS) {
      message = string_field(obj, "message");
      info.code = string_field(obj, "code");
      info.error = string_field(obj, "error");
      info.error_description = string_field(obj, "error_description");
      info.param = string_field(obj, "param");
      info.errors_json = json_field(obj, "errors");
      if (message.empty()) message = info.error_description;
      if (message.empty()) message = info.error;

      info.auth_flow = auth_flow_from_code(info.code);
      if (info.auth_flow == AuthFlowKind::kNone) info.auth_flow = auth_flow_from_code(info.error);
      if (info.auth_flow != AuthFlowKind::kNone) {
        info.pending_authentication_token = string_field(obj, "pending_authentication_token");
        info.email_verification_id = string_field(obj, "email_verification_id");
        info.email = string_field(obj, "email");
        info.user_json = json_field(obj, "user");
        info.authentication_factors_json = json_field(obj, "authentication_factors");
        info.organizations_json = json_field(obj, "organizations");
        info.connection_ids = string_array(obj, "connection_ids");
        info.auth_methods = string_array(obj, "auth_methods");
        if (info.auth_methods.empty())
          info.auth_methods = string_array(obj, "authentication_methods");
        info.radar_challenge_id = string_field(obj, "radar_challenge_id");
        info.radar_auth_attempt_id = string_field(obj, "radar_auth_attempt_id");
        // Radar details: a `radar_challenge` object when the API sends one, else every
        // `radar_*` member of the body gathered into one object.
        info.radar_challenge_json = json_field(obj, "radar_challenge");
        if (info.radar_challenge_json.empty()) {
          json::Writer gathered;
          for (auto field : obj) {
            if (field.key.substr(0, 6) != "radar_") continue;
            if (gathered.str().empty()) gathered.begin_object();
            gathered.key(field.key);  // escaped: a key may hold a quote or a backslash
            gathered.raw(simdjson::minify(field.value));
          }
          if (!gathered.str().empty()) {
            gathered.end_object();
            info.radar_challenge_json = gathered.take();
          }
        }
      }
    }
  }
  if (message.empty() && !response.body.empty()) {
    message = response.body.size() > kMaxMessageFromBody
                  ? response.body.substr(0, kMaxMessageFromBody) + "..."
                  : response.body;
    message = redact_response_body(message, api_key);
  } else {
    message = redact(message, api_key);
  }
  if (message.empty()) message = "HTTP " + std::to_string(response.status);
  info.message = std::move(message);
  return info;
}

}  // namespace workos::detail
