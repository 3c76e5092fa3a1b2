// Copyright workos-cpp authors. Handwritten.
#pragma once

// The request pipeline as a transport-agnostic state machine (DESIGN §5,
// docs/adr/0003-request-pipeline.md). One CallPlan is one logical call; a driver runs it:
//
//   CallPlan plan(core, request, options);
//   if (auto e = plan.prepare()) return *e;           // local checks; no request made
//   for (;;) {
//     if (auto e = plan.before_attempt()) return *e;  // cancellation / deadline
//     Step step = plan.after_attempt(transport.send(plan.request()));
//     if (step.done()) return std::move(*step.result);
//     wait(step.delay);                                // sleep (sync) or a timer (async)
//   }
//
// The sync driver is ClientCore::execute; the async client drives the same plan from its event
// loop, so retry policy, headers, hooks, logging and error mapping are shared.

#include <workos/options.h>
#include <workos/result.h>
#include <workos/transport.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "core/call.h"
#include "core/retry_policy.h"

namespace workos::detail {

/// Not thread-safe: one plan is driven by one thread at a time.
class CallPlan {
 public:
  using Answer = Result<std::shared_ptr<const ResponseInfo>>;

  /// What to do after an attempt: `done()` with `result`, or retry after `delay`.
  struct Step {
    std::optional<Answer> result;
    std::chrono::milliseconds delay{0};
    bool done() const noexcept { return result.has_value(); }
  };

  /// Resolves per-call settings and builds the request (URL, headers, idempotency key, body).
  /// Copies what it needs: `request` and `options` need not outlive the plan; `core` must.
  CallPlan(const ClientCore& core, const ApiRequest& request, const RequestOptions& options);

  /// The outcome of the local checks made by the constructor: an error (configuration,
  /// invalid argument, cancelled) means no request may be sent.
  std::optional<Error> prepare() const { return prepare_error_; }

  /// Called before every attempt: checks cancellation and the overall deadline, sets the
  /// per-attempt timeout (never past the deadline), runs the `on_request` hook and logs.
  std::optional<Error> before_attempt();

  /// The request of the current attempt (valid after `before_attempt`).
  const HttpRequest& request() const noexcept { return request_; }

  /// Consumes the answer of the current attempt: a 2xx ends the call; a retryable failure with
  /// retries and time left asks for a retry after the backoff / Retry-After delay; anything
  /// else ends the call with the mapped error.
  Step after_attempt(Result<HttpResponse> answer);

  const std::shared_ptr<const CancellationToken>& cancellation() const noexcept {
    return request_.cancellation;
  }
  bool cancelled() const noexcept {
    return request_.cancellation && request_.cancellation->cancelled();
  }

  /// The delay before retry number `retry` (0-based) without Retry-After:
  /// `min(initial * 2^retry, max) * uniform(1 - jitter, 1 + jitter)` with `u` in [0, 1).
  static std::chrono::milliseconds backoff(const RetrySettings& settings, int retry, double u);

 private:
  std::optional<Error> build(const ApiRequest& api, const RequestOptions& options);
  Error local_error(ErrorKind kind, std::string message) const;
  Error transport_error(const Error& error) const;
  Step retry_or_finish(Error error, std::optional<std::chrono::milliseconds> retry_after);

  const ClientCore& core_;
  std::optional<Error> prepare_error_;
  HttpRequest request_;
  std::string api_key_;  // RequestOptions::api_key, else the client's; redacted everywhere
  std::string redacted_url_;
  std::chrono::milliseconds timeout_{60000};
  int max_retries_ = 0;
  RetryClass retry_class_ = RetryClass::kRepeatable;
  int attempts_ = 0;
  std::optional<std::chrono::steady_clock::time_point> deadline_;
  std::chrono::steady_clock::time_point attempt_started_{};
};

/// A random UUIDv4 (RFC 9562 §5.4) from OpenSSL's CSPRNG.
std::string random_uuid_v4();

}  // namespace workos::detail
