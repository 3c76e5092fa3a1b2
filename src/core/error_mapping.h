// Copyright workos-cpp authors. Handwritten.
#pragma once

// Maps a non-2xx HTTP answer to an ErrorInfo (DESIGN §2, docs/adr/0002-error-model.md).
// Shared by the sync and async pipelines.

#include <workos/error.h>
#include <workos/transport.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace workos::detail {

/// Parses a `Retry-After` value: delta seconds, or an HTTP-date (RFC 9110 §10.2.3 / §5.6.7:
/// IMF-fixdate, obsolete RFC 850 and asctime forms) relative to `now`. A date in the past gives
/// zero. `std::nullopt` when the value is neither.
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value,
                                                      std::chrono::system_clock::time_point now);

/// Parses an HTTP-date; `std::nullopt` when invalid.
std::optional<std::chrono::system_clock::time_point> parse_http_date(std::string_view value);

/// The auth-flow kind named by a body `code` / `error` value, or kNone.
AuthFlowKind auth_flow_from_code(std::string_view code) noexcept;

/// Builds the error for a non-2xx answer: status, code, message (falls back `message` →
/// `error_description` → `error` → raw body → "HTTP <status>"), error, error_description,
/// param, errors, request id, Retry-After, auth-flow kind and fields. Message and raw body are
/// redacted with `api_key`. `method`, `url` (redacted here) and `attempts` are recorded.
ErrorInfo map_http_error(const HttpResponse& response, std::string_view method,
                         std::string_view url, int attempts, std::string_view api_key,
                         std::chrono::system_clock::time_point now);

}  // namespace workos::detail
