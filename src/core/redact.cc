// Copyright workos-cpp authors. Handwritten.

#include "core/redact.h"

#include "core/headers.h"

#include <cctype>

namespace workos::detail {

namespace {

char lower(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool is_token_char(char c) noexcept {
  // Characters of a bearer token / API key / opaque secret (RFC 6750 b64token plus a few).
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~' || c == '+' || c == '/' || c == '=' || c == '%';
}

// Replaces every occurrence of `needle` in `s`.
void replace_all(std::string& s, std::string_view needle, std::string_view with) {
  if (needle.empty()) return;
  std::size_t pos = 0;
  while ((pos = s.find(needle, pos)) != std::string::npos) {
    s.replace(pos, needle.size(), with);
    pos += with.size();
  }
}

// `Bearer xyz` (any case) -> `Bearer [REDACTED]`.
void redact_bearer(std::string& s) {
  static constexpr std::string_view kBearer = "bearer ";
  std::size_t i = 0;
  while (i + kBearer.size() <= s.size()) {
    bool match = true;
    for (std::size_t k = 0; k < kBearer.size(); ++k) {
      if (lower(s[i + k]) != kBearer[k]) {
        match = false;
        break;
      }
    }
    if (!match) {
      ++i;
      continue;
    }
    std::size_t start = i + kBearer.size();
    while (start < s.size() && s[start] == ' ') ++start;
    std::size_t end = start;
    while (end < s.size() && is_token_char(s[end])) ++end;
    if (end > start && s.compare(start, end - start, kRedacted) != 0) {
      s.replace(start, end - start, kRedacted);
      end = start + kRedacted.size();
    }
    i = end > i ? end : i + 1;
  }
}

// WorkOS secret keys look like `sk_test_...` / `sk_live_...` / `sk_...`: redact the whole word.
void redact_secret_keys(std::string& s) {
  std::size_t pos = 0;
  while ((pos = s.find("sk_", pos)) != std::string::npos) {
    if (pos > 0 && (is_token_char(s[pos - 1]) && s[pos - 1] != '/' && s[pos - 1] != '=' &&
                    s[pos - 1] != '+')) {
      pos += 3;
      continue;
    }
    std::size_t end = pos + 3;
    while (end < s.size() &&
           ((s[end] >= 'a' && s[end] <= 'z') || (s[end] >= 'A' && s[end] <= 'Z') ||
            (s[end] >= '0' && s[end] <= '9') || s[end] == '_')) {
      ++end;
    }
    if (end - pos >= 12) {  // long enough to be a key, not a word like "sk_"
      s.replace(pos, end - pos, kRedacted);
      pos += kRedacted.size();
    } else {
      pos = end;
    }
  }
}

// JSON: "sensitive_key" : "value"  ->  "sensitive_key":"[REDACTED]" (value contents only).
// Works on fragments and truncated text: it tokenizes strings, nothing more.
void redact_json_fields(std::string& s, bool keep_code) {
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] != '"') {
      ++i;
      continue;
    }
    // Scan a string token.
    std::size_t j = i + 1;
    while (j < s.size() && s[j] != '"') j += (s[j] == '\\') ? 2 : 1;
    if (j >= s.size()) return;
    const std::string_view key(s.data() + i + 1, j - i - 1);
    std::size_t k = j + 1;
    while (k < s.size() && (s[k] == ' ' || s[k] == '\t' || s[k] == '\n' || s[k] == '\r')) ++k;
    if (k < s.size() && s[k] == ':' && is_sensitive_name(key) && !(keep_code && key == "code")) {
      ++k;
      while (k < s.size() && (s[k] == ' ' || s[k] == '\t' || s[k] == '\n' || s[k] == '\r')) ++k;
      if (k < s.size() && s[k] == '"') {
        std::size_t e = k + 1;
        while (e < s.size() && s[e] != '"') e += (s[e] == '\\') ? 2 : 1;
        if (e > s.size()) e = s.size();
        s.replace(k + 1, e - k - 1, kRedacted);
        i = k + 1 + kRedacted.size() + 1;
        continue;
      }
    }
    i = j + 1;
  }
}

// name=value pairs in URLs / form bodies / free text: the value of a sensitive name is replaced
// up to the next `&`, `#`, whitespace, quote, backslash or end (a backslash may escape the quote
// that ends a JSON string, which must stay). `keep_code` as in redact_json_fields.
void redact_query_params(std::string& s, bool keep_code = false) {
  std::size_t i = 0;
  while ((i = s.find('=', i)) != std::string::npos) {
    std::size_t start = i;
    while (start > 0 && (std::isalnum(static_cast<unsigned char>(s[start - 1])) ||
                         s[start - 1] == '_' || s[start - 1] == '-' || s[start - 1] == '.' ||
                         s[start - 1] == '[' || s[start - 1] == ']')) {
      --start;
    }
    const std::string_view name(s.data() + start, i - start);
    std::size_t end = i + 1;
    while (end < s.size() && s[end] != '&' && s[end] != '#' && s[end] != ' ' && s[end] != '"' &&
           s[end] != '\'' && s[end] != '\n' && s[end] != ';' && s[end] != ',' && s[end] != '\\') {
      ++end;
    }
    if (!name.empty() && is_sensitive_name(name) && !(keep_code && name == "code") && end > i + 1 &&
        s.compare(i + 1, end - i - 1, kRedacted) != 0) {
      s.replace(i + 1, end - i - 1, kRedacted);
      end = i + 1 + kRedacted.size();
    }
    i = end > i ? end : i + 1;
  }
}

// `text` with the API key replaced.
std::string without_api_key(std::string_view text, std::string_view api_key) {
  std::string s(text);
  if (api_key.size() >= 4) replace_all(s, api_key, kRedacted);
  return s;
}

// Every rule but the URL's: `keep_code` keeps an error's `code` (a response body's), and a
// body that is not JSON (form-encoded, or text echoing a request) can carry secrets as
// `name=value` pairs.
std::string redact_text(std::string_view text, std::string_view api_key, bool keep_code) {
  std::string s = without_api_key(text, api_key);
  redact_bearer(s);
  redact_secret_keys(s);
  redact_json_fields(s, keep_code);
  redact_query_params(s, keep_code);
  return s;
}

}  // namespace

bool is_sensitive_name(std::string_view name) noexcept {
  // `value` is redacted under every parent. Most `value` fields of the WorkOS API are secrets
  // (a vault object's value, an API key's full value, a Pipes credential, the key sent to
  // /api_keys/validate); the others (a directory user's email, a consent choice) lose nothing
  // of worth in a log line. The redactor tokenizes strings without parsing structure, so it
  // cannot tell a vault object's `value` from another reliably in a truncated body; redacting
  // all of them fails safe. Decoded models are not affected: only logs and error text are.
  // `credential` is the key or token sent to the agents' validation; `qr_code` is an image of a
  // TOTP secret. A device flow's `user_code` stays readable: it is shown to the user anyway.
  static constexpr std::string_view kNames[] = {
      "code",          "password",      "client_secret",  "api_key",
      "apikey",        "secret",        "token",          "refresh_token",
      "device_code",   "data_key",      "value",          "access_token",
      "id_token",      "session_data",  "sealed_session", "cookie_password",
      "code_verifier", "authorization", "cookie",         "set-cookie",
      "password_hash", "credential",    "qr_code"};
  static constexpr std::string_view kEndings[] = {"authorization_code", "_token", "_secret",
                                                  "password",           "[code]", "[password]"};
  for (std::string_view n : kNames) {
    if (iequals(name, n)) return true;
  }
  for (std::string_view e : kEndings) {
    if (name.size() >= e.size() && iequals(name.substr(name.size() - e.size()), e)) return true;
  }
  return false;
}

std::string redact(std::string_view text, std::string_view api_key) {
  return redact_text(text, api_key, false);
}

std::string redact_response_body(std::string_view text, std::string_view api_key) {
  return redact_text(text, api_key, true);
}

std::string redact_url(std::string_view url, std::string_view api_key) {
  std::string s = without_api_key(url, api_key);
  redact_secret_keys(s);
  redact_query_params(s);
  return s;
}

std::string redact_header_value(std::string_view name, std::string_view value,
                                std::string_view api_key) {
  if (iequals(name, "authorization") || iequals(name, "proxy-authorization")) {
    const std::size_t space = value.find(' ');
    if (space != std::string_view::npos) {
      std::string out(value.substr(0, space + 1));
      out += kRedacted;
      return out;
    }
    return std::string(kRedacted);
  }
  if (iequals(name, "cookie") || iequals(name, "set-cookie")) {
    // Keep cookie names (useful when debugging), drop every value.
    std::string out;
    std::size_t i = 0;
    while (i < value.size()) {
      std::size_t semi = value.find(';', i);
      if (semi == std::string_view::npos) semi = value.size();
      std::string_view part = value.substr(i, semi - i);
      const std::size_t eq = part.find('=');
      if (!out.empty()) out += ';';
      if (eq != std::string_view::npos) {
        out.append(part.substr(0, eq + 1));
        out += kRedacted;
      } else {
        out.append(part);
      }
      i = semi + 1;
    }
    return out;
  }
  if (is_sensitive_name(name)) return std::string(kRedacted);
  return redact(value, api_key);
}

std::string format_headers(const Headers& headers, std::string_view api_key) {
  std::string out;
  for (const auto& [name, value] : headers) {
    if (!out.empty()) out += '\n';
    out += name;
    out += ": ";
    out += redact_header_value(name, value, api_key);
  }
  return out;
}

}  // namespace workos::detail
