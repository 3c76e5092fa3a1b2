// Copyright workos-cpp authors. Handwritten.
#pragma once

// Redaction of secrets from anything the library logs or puts into an error: the API key, any
// bearer token, and the values of sensitive fields (client_secret, code, device_code, password,
// refresh_token, access tokens, cookie values, vault data keys and values, ...) in URLs,
// headers and JSON bodies.

#include <workos/transport.h>

#include <string>
#include <string_view>

namespace workos::detail {

/// The text that replaces a secret.
inline constexpr std::string_view kRedacted = "[REDACTED]";

/// True for a field / parameter name whose value is a secret (`client_secret`, `code`,
/// `device_code`, `password`, `refresh_token`, `*_token`, `*_secret`, `*password`, `api_key`,
/// vault `data_key` and `value`, ...).
bool is_sensitive_name(std::string_view name) noexcept;

/// Redacts free text (a log line, an error message, a request body): occurrences of
/// `api_key` (when not empty), `Bearer <token>`, WorkOS secret keys (`sk_...`), JSON string
/// values of sensitive keys and sensitive `name=value` query / form parameters.
std::string redact(std::string_view text, std::string_view api_key = {});

/// Like `redact`, for a response body: the key `code` (JSON or `code=...`) is kept there, since
/// in a WorkOS answer it is the error code (`"code": "invalid_credentials"`), not an
/// authorization code.
std::string redact_response_body(std::string_view text, std::string_view api_key = {});

/// Redacts the values of sensitive query parameters of `url` (and the API key if present).
std::string redact_url(std::string_view url, std::string_view api_key = {});

/// One header for logs: `Authorization`, `Cookie`, `Set-Cookie` and `Proxy-Authorization`
/// values are replaced; other values go through `redact`.
std::string redact_header_value(std::string_view name, std::string_view value,
                                std::string_view api_key = {});

/// `Name: value` lines (redacted), joined by `\n`.
std::string format_headers(const Headers& headers, std::string_view api_key = {});

}  // namespace workos::detail
