// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// `workos::webhooks::WebhookHelpers`: the local webhook helpers (no request is made) that
/// `client.webhooks()` and `async_client.webhooks()` carry beside the webhook-endpoint API.
/// They are the free functions of <workos/signing/webhooks.h>, reachable from the client.

#include <workos/result.h>
#include <workos/signing/webhooks.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace workos::webhooks {

/// Verify, decode and sign webhook deliveries. Thread-safe; no state.
///
/// @code
/// auto event = client.webhooks().construct_event(body, sig_header, secret);
/// if (!event) return reply(400, event.error().message());
/// std::cout << event->type() << " " << event->id() << "\n";
/// @endcode
class WebhookHelpers {
 public:
  /// `webhooks::verify_header`: checks the `WorkOS-Signature` header of a delivery.
  signing::VerifyResult verify_header(
      std::string_view payload, std::string_view sig_header, std::string_view secret,
      std::chrono::milliseconds tolerance = kDefaultTolerance,
      std::chrono::system_clock::time_point now = std::chrono::system_clock::now()) const {
    return webhooks::verify_header(payload, sig_header, secret, tolerance, now);
  }
  /// `webhooks::construct_event`: verifies, then decodes the body into `workos::Event`
  /// (include <workos/events/models.h> to use it).
  Result<Event> construct_event(
      std::string_view payload, std::string_view sig_header, std::string_view secret,
      std::chrono::milliseconds tolerance = kDefaultTolerance,
      std::chrono::system_clock::time_point now = std::chrono::system_clock::now()) const;
  /// `webhooks::compute_signature`: the `v1` hex for `payload` at `timestamp_ms`.
  std::string compute_signature(std::int64_t timestamp_ms, std::string_view payload,
                                std::string_view secret) const {
    return webhooks::compute_signature(timestamp_ms, payload, secret);
  }
  /// `webhooks::sign`: the whole `WorkOS-Signature` header value (`t=<ms>, v1=<hex>`).
  std::string sign(
      std::string_view payload, std::string_view secret,
      std::chrono::system_clock::time_point timestamp = std::chrono::system_clock::now()) const {
    return webhooks::sign(payload, secret, timestamp);
  }
};

}  // namespace workos::webhooks
