// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// Client-wide and per-call options. Precedence: `RequestOptions` > `ClientOptions` >
/// environment (`WORKOS_API_KEY`, `WORKOS_CLIENT_ID`, `WORKOS_BASE_URL`,
/// `WORKOS_REQUEST_TIMEOUT` in seconds) > defaults.

#include <workos/transport.h>

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace workos {

/// Severity of a log line.
enum class LogLevel { kDebug = 0, kInfo = 1, kWarning = 2, kError = 3, kOff = 4 };

/// Receives log lines. Lines are already redacted (API keys, tokens, codes, passwords, cookie
/// values never reach it). Must be thread-safe: called from any thread that makes a call.
using LogSink = std::function<void(LogLevel level, std::string_view message)>;

/// Retry behaviour (DESIGN §5). Delay before retry n (n = 0, 1, ...):
/// `min(initial_backoff * 2^n, max_backoff) * uniform(1 - jitter, 1 + jitter)`; a
/// `Retry-After` answer wins, capped at `max_retry_after`.
/// How many retries: `ClientOptions::max_retries` (per call: `RequestOptions::max_retries`).
struct RetrySettings {
  /// Base delay of the first retry.
  std::chrono::milliseconds initial_backoff{1000};
  /// Upper bound of the exponential part.
  std::chrono::milliseconds max_backoff{30000};
  /// Relative jitter: the delay is multiplied by uniform(1 - jitter, 1 + jitter).
  double jitter = 0.5;
  /// Cap of a server-sent `Retry-After`.
  std::chrono::milliseconds max_retry_after{60000};
};

/// Called before each attempt with the request about to be sent and after each attempt with the
/// answer or error; `attempt` counts from 1. The request is the real one (its `Authorization`
/// header is NOT redacted: treat it with care). Hooks must be thread-safe and should not throw
/// (an exception is caught and logged as an error).
struct Hooks {
  /// Before each attempt.
  std::function<void(const HttpRequest& request, int attempt)> on_request;
  /// After each attempt, with the answer or the transport error.
  std::function<void(const HttpRequest& request, const Result<HttpResponse>& response, int attempt)>
      on_response;
};

/// Injectable time and randomness, so tests never wait. Defaults: steady clock, real sleep,
/// a per-client `std::mt19937_64` seeded from `std::random_device`.
struct Clock {
  /// Monotonic now (deadlines).
  std::function<std::chrono::steady_clock::time_point()> now;
  /// Waits for a backoff delay.
  std::function<void(std::chrono::milliseconds)> sleep;
  /// Returns a uniform double in [0, 1).
  std::function<double()> uniform;
  /// Wall-clock time, used to turn a `Retry-After` HTTP-date into a delay.
  /// Default: `std::chrono::system_clock::now`.
  std::function<std::chrono::system_clock::time_point()> wall_now;
};

/// Configuration of a `Client`. A plain struct: set what you need, leave the rest.
///
/// @code
/// workos::ClientOptions o;
/// o.api_key = "sk_test_...";
/// o.max_retries = 5;
/// workos::Client client(o);
/// @endcode
struct ClientOptions {
  /// API key (`sk_...`). Empty = `WORKOS_API_KEY`. Sent as `Authorization: Bearer`.
  std::string api_key;
  /// Client id (`client_...`). Empty = `WORKOS_CLIENT_ID`.
  std::string client_id;
  /// Base URL. Empty = `WORKOS_BASE_URL`, else `https://api.workos.com`. A trailing `/` is
  /// removed; a URL without scheme is a `ConfigurationError`.
  std::string base_url;
  /// Per-attempt timeout. Unset = `WORKOS_REQUEST_TIMEOUT` (seconds), else 60 s.
  std::optional<std::chrono::milliseconds> timeout;
  /// Overall deadline of one call across all its attempts; unset = none.
  std::optional<std::chrono::milliseconds> deadline;
  /// Retries after the first attempt (the one retry knob; `RequestOptions::max_retries` overrides
  /// it for one call). Must not be negative.
  int max_retries = 3;
  /// Backoff settings (DESIGN §5 defaults).
  RetrySettings retry;
  /// Largest answer body accepted (after decompression); a larger one fails the call with
  /// `ErrorKind::kConnection` and code `response_too_large`, without being retried.
  std::size_t max_response_bytes = std::size_t{32} << 20;
  /// Transport options for the default libcurl transport (ignored when `transport` is set).
  CurlTransportOptions curl;
  /// Appended to the `User-Agent` header: `workos-cpp/<version> (<compiler>; <os>) <suffix>`.
  std::string user_agent_suffix;
  /// Log sink and the minimum level it receives.
  LogSink logger;
  /// Minimum level passed to `logger`.
  LogLevel log_level = LogLevel::kWarning;
  /// Request / response hooks.
  Hooks hooks;
  /// Custom transport; null = libcurl (`make_curl_transport(curl)`).
  std::shared_ptr<Transport> transport;
  /// Custom clock / sleep / randomness (tests). Null members use the defaults.
  Clock clock;
  /// Build a public client: client id only, never sends `Authorization`, ignores
  /// `WORKOS_API_KEY`. Calls that need the API key fail locally with `ConfigurationError`.
  bool public_client = false;
  /// Fail a call whose answer lacks a field the spec requires (or sends it as `null`): a
  /// `DecodeError` naming model and field, instead of a value holding the field's default.
  /// Off by default (as the official SDKs: a drifting answer still decodes); either way the
  /// answer's `ResponseInfo::decode_warnings` lists what was missing.
  bool strict_decoding = false;
};

/// Per-call options; unset members inherit from `ClientOptions`.
struct RequestOptions {
  std::optional<std::chrono::milliseconds> timeout;  ///< Per-attempt timeout.
  /// Retries after the first attempt; negative fails the call locally (`kInvalidArgument`).
  std::optional<int> max_retries;
  /// `Idempotency-Key` for this POST; empty = one random UUIDv4 per call (same on retries).
  /// Control characters are refused (`kInvalidArgument`, nothing sent).
  std::string idempotency_key;
  /// Declares that repeating this call cannot duplicate or undo work, so a POST is retried like
  /// a GET (on 408, 5xx, timeouts and lost connections). By default a POST is retried only when
  /// it provably never reached the server or the server said to try again (429, 503), unless
  /// the endpoint honours idempotency keys (docs/adr/0008-retry-policy.md). Grants (token
  /// exchanges) are never retried once sent, whatever this says.
  bool idempotent = false;
  /// Largest answer body accepted for this call; unset = `ClientOptions::max_response_bytes`.
  std::optional<std::size_t> max_response_bytes;
  /// Merged last: they replace headers of the same name. A name that is not an HTTP token or
  /// a value with a control character is refused (`kInvalidArgument`, nothing sent).
  Headers extra_headers;
  std::string base_url;  ///< Overrides the client's base URL for this call.
  /// The API key of this call instead of the client's (one client serving several WorkOS
  /// environments). Redacted from logs, errors and hooks' log lines like the client's key; a
  /// key with a space or a control character is refused (`kInvalidArgument`, nothing sent).
  std::string api_key;
  /// Overall deadline across attempts, relative to the start of the call.
  std::optional<std::chrono::milliseconds> deadline;
  /// Cancels the call (between attempts, during backoff and, with libcurl, mid-transfer).
  std::shared_ptr<const CancellationToken> cancellation;
};

}  // namespace workos
