// Copyright workos-cpp authors. Handwritten.
#pragma once

// Which failed attempts may be repeated without duplicating or undoing work
// (docs/adr/0008-retry-policy.md). Pure functions: the CallPlan asks, the drivers wait.

#include <workos/error.h>

#include <string_view>

namespace workos::detail {

/// How safe it is to send a call's request again once it may have reached the server.
enum class RetryClass {
  kRepeatable,  ///< GET, PUT, PATCH, DELETE, an endpoint that honours Idempotency-Key, or a
                ///< POST the caller declared idempotent.
  kPost,        ///< Any other POST: repeated only when it never arrived or on 429 / 503.
  kGrant,       ///< A token grant (single-use codes and refresh tokens): only when never sent.
};

/// The class of `method` on `path` (the encoded request path, without query), given the
/// caller's `RequestOptions::idempotent`.
RetryClass classify_retry(std::string_view method, std::string_view path, bool caller_idempotent);

/// True when the endpoint is listed as honouring `Idempotency-Key` (the table in the .cc).
bool honours_idempotency_key(std::string_view method, std::string_view path);

/// True when an HTTP answer with `status` may be retried for a call of class `c`.
bool retryable_status(RetryClass c, int status) noexcept;

/// True when a transport failure `error` (no HTTP answer) may be retried for class `c`.
bool retryable_failure(RetryClass c, const Error& error) noexcept;

}  // namespace workos::detail
