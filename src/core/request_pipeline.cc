// Copyright workos-cpp authors. Handwritten.
// The retry / header / error-mapping state machine shared by the sync and async drivers.
// DESIGN §5; docs/adr/0003-request-pipeline.md.

#include "core/request_pipeline.h"

#include <openssl/rand.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <random>

#include "core/client_core_impl.h"
#include "core/error_mapping.h"
#include "core/headers.h"
#include "core/redact.h"
#include "core/retry_policy.h"

namespace workos::detail {

namespace {

constexpr std::chrono::milliseconds kMinAttemptTimeout{1};

// RFC 9110 §5.6.2 token characters: what a header name may hold.
bool is_token(std::string_view s) noexcept {
  if (s.empty()) return false;
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7F) return false;
    if (std::strchr("\"(),/:;<=>?@[\\]{}", c) != nullptr) return false;
  }
  return true;
}

// A header value may not hold control characters: CR or LF would let a caller-supplied value
// smuggle extra headers (or a second request), NUL truncates it. Tab is allowed (RFC 9110).
bool is_clean_header_value(std::string_view s) noexcept {
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && u != '\t') || u == 0x7F) return false;
  }
  return true;
}

std::string ms_text(std::chrono::milliseconds ms) {
  return std::to_string(ms.count()) + " ms";
}

template <class F>
void run_hook(const ClientCore& core, const char* name, F&& f) {
  try {
    f();
  } catch (const std::exception& e) {
    core.log(LogLevel::kError, std::string("hook ") + name + " threw: " + e.what());
  } catch (...) {
    core.log(LogLevel::kError, std::string("hook ") + name + " threw a non-standard exception");
  }
}

}  // namespace

std::string random_uuid_v4() {
  unsigned char b[16];
  if (RAND_bytes(b, sizeof b) != 1) {
    // OpenSSL's CSPRNG failed (should not happen): fall back to the OS source.
    std::random_device rd;
    for (auto& byte : b) byte = static_cast<unsigned char>(rd());
  }
  b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);  // version 4
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);  // variant 10
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += kHex[b[i] >> 4];
    out += kHex[b[i] & 0xF];
  }
  return out;
}

std::chrono::milliseconds CallPlan::backoff(const RetrySettings& s, int retry, double u) {
  const double initial = static_cast<double>(s.initial_backoff.count());
  const double cap = static_cast<double>(s.max_backoff.count());
  const double base = std::min(initial * std::ldexp(1.0, std::min(retry, 62)), cap);
  const double jitter = std::clamp(s.jitter, 0.0, 1.0);
  const double factor = (1.0 - jitter) + 2.0 * jitter * std::clamp(u, 0.0, 1.0);
  return std::chrono::milliseconds(static_cast<std::int64_t>(std::llround(base * factor)));
}

CallPlan::CallPlan(const ClientCore& core, const ApiRequest& api, const RequestOptions& options)
    : core_(core) {
  prepare_error_ = build(api, options);
}

Error CallPlan::local_error(ErrorKind kind, std::string message) const {
  ErrorInfo info;
  info.kind = kind;
  info.message = redact(message, api_key_);
  info.method = request_.method;
  info.url = redacted_url_;
  info.attempts = attempts_;
  return Error(std::move(info));
}

std::optional<Error> CallPlan::build(const ApiRequest& api, const RequestOptions& options) {
  const ClientOptions& co = core_.options();
  request_.method = api.method ? api.method : "GET";
  request_.url = core_.url_for(api, options);
  api_key_ = options.api_key.empty() ? core_.api_key() : options.api_key;
  redacted_url_ = redact_url(request_.url, api_key_);
  request_.cancellation = options.cancellation;
  timeout_ = options.timeout ? *options.timeout : co.timeout.value_or(std::chrono::seconds(60));
  max_retries_ = std::max(0, options.max_retries.value_or(co.max_retries));
  request_.max_response_bytes =
      options.max_response_bytes ? *options.max_response_bytes : co.max_response_bytes;
  retry_class_ = classify_retry(request_.method, api.path, options.idempotent);
  const auto& deadline = call_deadline(core_, options);
  if (deadline) deadline_ = co.clock.now() + *deadline;

  if (timeout_ <= std::chrono::milliseconds::zero())
    return local_error(ErrorKind::kInvalidArgument, "the request timeout must be positive");
  if (options.max_retries && *options.max_retries < 0)
    return local_error(ErrorKind::kInvalidArgument,
                       "RequestOptions::max_retries must not be negative");
  if (!options.base_url.empty() && options.base_url.find("://") == std::string::npos) {
    return local_error(ErrorKind::kConfiguration,
                       "RequestOptions::base_url needs a scheme (https://...)");
  }

  Headers& h = request_.headers;
  h.reserve(6 + options.extra_headers.size());
  if (!is_clean_header_value(api_key_) || api_key_.find(' ') != std::string::npos) {
    api_key_.clear();  // never echoed, never sent
    return local_error(ErrorKind::kInvalidArgument,
                       "RequestOptions::api_key contains a space or a control character");
  }
  const bool own_key = !options.api_key.empty();
  switch (api.auth) {
    case AuthMode::kApiKey:
      if (core_.is_public_client() && !own_key) {
        return local_error(ErrorKind::kConfiguration,
                           "this operation needs the API key; a public client cannot call it");
      }
      if (api_key_.empty()) {
        return local_error(ErrorKind::kConfiguration,
                           "this operation needs an API key: set ClientOptions::api_key or "
                           "WORKOS_API_KEY");
      }
      h.emplace_back("Authorization", "Bearer " + api_key_);
      break;
    case AuthMode::kApiKeyIfAny:
      if ((own_key || !core_.is_public_client()) && !api_key_.empty())
        h.emplace_back("Authorization", "Bearer " + api_key_);
      break;
    case AuthMode::kNone:
      break;
    case AuthMode::kBearerToken:
      if (api.bearer_token.empty())
        return local_error(ErrorKind::kInvalidArgument, "a bearer token is required");
      if (!is_clean_header_value(api.bearer_token))
        return local_error(ErrorKind::kInvalidArgument,
                           "the bearer token contains a control character");
      h.emplace_back("Authorization", "Bearer " + api.bearer_token);
      break;
  }
  h.emplace_back("User-Agent", core_.impl().user_agent);
  h.emplace_back("Accept", "application/json");
  if (api.body) {
    request_.body = *api.body;
    request_.has_body = true;
    h.emplace_back("Content-Type", api.content_type);
  }
  if (!is_clean_header_value(options.idempotency_key)) {
    return local_error(ErrorKind::kInvalidArgument,
                       "RequestOptions::idempotency_key contains a control character");
  }
  // One key per logical POST, identical on every retry (DESIGN §5); none on other methods.
  if (std::strcmp(request_.method.c_str(), "POST") == 0) {
    h.emplace_back("Idempotency-Key",
                   options.idempotency_key.empty() ? random_uuid_v4() : options.idempotency_key);
  } else if (!options.idempotency_key.empty()) {
    h.emplace_back("Idempotency-Key", options.idempotency_key);
  }
  for (const auto& [name, value] : options.extra_headers) {
    if (!is_token(name) || !is_clean_header_value(value)) {
      return local_error(ErrorKind::kInvalidArgument,
                         "invalid extra header: the name must be an HTTP token and the value "
                         "free of control characters");
    }
    set_header(h, name, value);
  }
  if (cancelled()) return local_error(ErrorKind::kCancelled, "the call was cancelled");
  return std::nullopt;
}

std::optional<Error> CallPlan::before_attempt() {
  if (cancelled()) return local_error(ErrorKind::kCancelled, "the call was cancelled");
  const auto now = core_.options().clock.now();
  std::chrono::milliseconds timeout = timeout_;
  if (deadline_) {
    if (now >= *deadline_) {
      return local_error(ErrorKind::kTimeout, "the overall deadline passed before attempt " +
                                                  std::to_string(attempts_ + 1));
    }
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(*deadline_ - now);
    timeout = std::max(kMinAttemptTimeout, std::min(timeout, left));
  }
  request_.timeout = timeout;
  attempt_started_ = now;
  ++attempts_;
  const Hooks& hooks = core_.options().hooks;
  if (hooks.on_request)
    run_hook(core_, "on_request", [&] { hooks.on_request(request_, attempts_); });
  if (core_.log_enabled(LogLevel::kDebug)) {
    std::string line = "request " + request_.method + " " + redacted_url_ + " attempt " +
                       std::to_string(attempts_) + "/" + std::to_string(max_retries_ + 1) +
                       " timeout " + ms_text(timeout) + "\n" +
                       format_headers(request_.headers, api_key_);
    if (request_.has_body) line += "\n" + redact(request_.body, api_key_);
    core_.log(LogLevel::kDebug, line);
  }
  return std::nullopt;
}

Error CallPlan::transport_error(const Error& e) const {
  ErrorInfo info = e.info();
  info.message = redact(info.message, api_key_);
  info.method = request_.method;
  info.url = redacted_url_;
  info.attempts = attempts_;
  return Error(std::move(info));
}

CallPlan::Step CallPlan::after_attempt(Result<HttpResponse> answer) {
  const Hooks& hooks = core_.options().hooks;
  if (hooks.on_response)
    run_hook(core_, "on_response", [&] { hooks.on_response(request_, answer, attempts_); });

  if (answer) {
    HttpResponse& r = *answer;
    if (core_.log_enabled(LogLevel::kDebug)) {
      const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
          core_.options().clock.now() - attempt_started_);
      std::string line = "response " + std::to_string(r.status) + " " + request_.method + " " +
                         redacted_url_ + " in " + ms_text(elapsed) + " (" +
                         std::to_string(r.body.size()) + " bytes)";
      if (auto id = r.header("x-request-id"); !id.empty()) line += " request_id=" + std::string(id);
      core_.log(LogLevel::kDebug, line);
    }
    if (r.status >= 200 && r.status <= 299) {
      auto info = std::make_shared<ResponseInfo>();
      info->status = r.status;
      info->headers = std::move(r.headers);
      info->body = std::move(r.body);  // keeps the transport's padding capacity
      Step step;
      step.result.emplace(std::shared_ptr<const ResponseInfo>(std::move(info)));
      return step;
    }
    Error error(map_http_error(r, request_.method, request_.url, attempts_, api_key_,
                               core_.options().clock.wall_now()));
    if (!retryable_status(retry_class_, r.status)) {
      if (core_.log_enabled(LogLevel::kInfo))
        core_.log(LogLevel::kInfo, "call failed: " + error.to_string());
      Step step;
      step.result.emplace(std::move(error));
      return step;
    }
    std::optional<std::chrono::milliseconds> retry_after;
    if (error.retry_after()) {
      retry_after = std::min<std::chrono::milliseconds>(*error.retry_after(),
                                                        core_.options().retry.max_retry_after);
    }
    return retry_or_finish(std::move(error), retry_after);
  }

  Error error = transport_error(answer.error());
  if (!retryable_failure(retry_class_, error) || cancelled()) {
    Step step;
    step.result.emplace(cancelled() && error.kind() != ErrorKind::kCancelled
                            ? local_error(ErrorKind::kCancelled, "the call was cancelled")
                            : std::move(error));
    return step;
  }
  return retry_or_finish(std::move(error), std::nullopt);
}

CallPlan::Step CallPlan::retry_or_finish(Error error,
                                         std::optional<std::chrono::milliseconds> retry_after) {
  Step step;
  if (attempts_ > max_retries_) {
    if (core_.log_enabled(LogLevel::kWarning))
      core_.log(LogLevel::kWarning, "giving up: " + error.to_string());
    step.result.emplace(std::move(error));
    return step;
  }
  if (cancelled()) {
    step.result.emplace(local_error(ErrorKind::kCancelled, "the call was cancelled"));
    return step;
  }
  const ClientOptions& co = core_.options();
  const int retry = attempts_ - 1;  // 0 for the first retry
  const auto delay = retry_after ? *retry_after : backoff(co.retry, retry, co.clock.uniform());
  if (deadline_ && co.clock.now() + delay >= *deadline_) {
    // Never sleep past the deadline: the call ends now, as a timeout naming the last failure.
    ErrorInfo info = error.info();
    const std::string last = error.to_string();
    info.kind = ErrorKind::kTimeout;
    info.message = "the overall deadline would pass before retry " + std::to_string(retry + 1) +
                   " (after " + std::to_string(attempts_) + " attempts; last: " + last + ")";
    step.result.emplace(Error(std::move(info)));
    if (core_.log_enabled(LogLevel::kWarning))
      core_.log(LogLevel::kWarning, step.result->error().to_string());
    return step;
  }
  if (core_.log_enabled(LogLevel::kWarning)) {
    core_.log(LogLevel::kWarning, "retrying in " + ms_text(delay) + " (retry " +
                                      std::to_string(retry + 1) + "/" +
                                      std::to_string(max_retries_) + "): " + error.to_string());
  }
  step.delay = delay;
  return step;
}

}  // namespace workos::detail
