// Copyright workos-cpp authors. Handwritten.
// The retry policy: docs/adr/0008-retry-policy.md.

#include "core/retry_policy.h"

#include <workos/transport.h>

#include <cstddef>

namespace workos::detail {

namespace {

struct Endpoint {
  const char* method;
  const char* path;  // `*` matches exactly one path segment
};

// POST endpoints whose effect the WorkOS API deduplicates by `Idempotency-Key`: the official
// SDKs send a key on exactly these (Node 12.3 exposes `idempotencyKey` on audit-log events and
// schemas, organization creation and API-key creation; the Python SDK documents the key for
// audit-log events). Repeating them with the same key cannot duplicate work.
constexpr Endpoint kIdempotencyKeyEndpoints[] = {
    {"POST", "/audit_logs/events"},
    {"POST", "/audit_logs/actions/*/schemas"},
    {"POST", "/organizations"},
    {"POST", "/organizations/*/api_keys"},
};

// Token grants: each consumes a single-use credential (authorization code, refresh token,
// device code, magic-auth code, pending authentication token). A repeat after the first one
// arrived fails with `invalid_grant` and, for a refresh, logs the user out.
constexpr Endpoint kGrantEndpoints[] = {
    {"POST", "/user_management/authenticate"},  // every grant type, the device code included
    {"POST", "/sso/token"},
    {"POST", "/oauth2/token"},
};

bool path_matches(std::string_view pattern, std::string_view path) {
  while (!pattern.empty() && !path.empty()) {
    const std::size_t pe = pattern.find('/', 1);
    const std::size_t qe = path.find('/', 1);
    const std::string_view ps = pattern.substr(0, pe);
    const std::string_view qs = path.substr(0, qe);
    if (ps != "/*" ? ps != qs : qs.size() < 2) return false;
    pattern = pe == std::string_view::npos ? std::string_view() : pattern.substr(pe);
    path = qe == std::string_view::npos ? std::string_view() : path.substr(qe);
  }
  if (path == "/") path = {};  // a trailing slash names the same resource
  return pattern.empty() && path.empty();
}

template <std::size_t N>
bool listed(const Endpoint (&table)[N], std::string_view method, std::string_view path) {
  for (const Endpoint& e : table) {
    if (method == e.method && path_matches(e.path, path)) return true;
  }
  return false;
}

}  // namespace

bool honours_idempotency_key(std::string_view method, std::string_view path) {
  return listed(kIdempotencyKeyEndpoints, method, path);
}

RetryClass classify_retry(std::string_view method, std::string_view path, bool caller_idempotent) {
  if (method != "POST") return RetryClass::kRepeatable;
  // Grants first: no caller declaration makes a spent refresh token usable again.
  if (listed(kGrantEndpoints, method, path)) return RetryClass::kGrant;
  if (caller_idempotent || honours_idempotency_key(method, path)) return RetryClass::kRepeatable;
  return RetryClass::kPost;
}

bool retryable_status(RetryClass c, int status) noexcept {
  switch (c) {
    case RetryClass::kRepeatable:
      return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 ||
             status == 504;
    case RetryClass::kPost:
      // The server said it did nothing and to come back (rate limit, unavailable).
      return status == 429 || status == 503;
    case RetryClass::kGrant:
      return false;
  }
  return false;
}

bool retryable_failure(RetryClass c, const Error& error) noexcept {
  if (error.code() == transport_codes::kResponseTooLarge) return false;  // would be as large
  // An untrusted certificate stays untrusted: retrying only delays the error.
  if (error.code() == transport_codes::kTlsCertificateFailure) return false;
  if (error.kind() != ErrorKind::kConnection && error.kind() != ErrorKind::kTimeout) return false;
  if (request_not_sent(error)) return true;  // the server never saw it: safe for every class
  return c == RetryClass::kRepeatable;
}

}  // namespace workos::detail
