// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// The asynchronous transport seam. The async client normally sends over its own event loop
/// (libcurl multi); tests and users can plug in an `AsyncTransport` instead
/// (`AsyncClientOptions::transport`). Retries, backoff, headers, hooks and error mapping stay
/// in the SDK: a transport sends exactly one attempt.

#include <workos/result.h>
#include <workos/transport.h>

#include <functional>
#include <memory>

namespace workos {

/// Receives the outcome of one attempt: an `HttpResponse` (any status), or an `Error` of kind
/// `kConnection`, `kTimeout` or `kCancelled` when there is no HTTP answer.
using AsyncSendCallback = std::function<void(Result<HttpResponse>)>;

/// Sends one HTTP attempt without blocking the calling thread. Implementations must be
/// thread-safe.
///
/// @code
/// struct Canned : workos::AsyncTransport {
///   std::function<void()> send_async(workos::HttpRequest req, workos::AsyncSendCallback done)
///       override {
///     done(workos::HttpResponse{200, {}, R"({"id":"org_1"})"});
///     return {};
///   }
/// };
/// @endcode
class AsyncTransport {
 public:
  virtual ~AsyncTransport() = default;

  /// Starts sending `request` (its `timeout` bounds the attempt) and returns at once. Calls
  /// `done` exactly once, from any thread, possibly before `send_async` returns. Returns a
  /// function that aborts the attempt (then `done` gets a `kCancelled` error soon), or an empty
  /// function when the attempt cannot be aborted. The abort function may be called from any
  /// thread, also after `done` ran (it must then do nothing).
  virtual std::function<void()> send_async(HttpRequest request, AsyncSendCallback done) = 0;
};

}  // namespace workos
