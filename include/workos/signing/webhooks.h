// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// Webhook signature verification on the raw request body, and signing. The generated namespace
/// `workos::webhooks` also holds the webhook-endpoint API; `client.webhooks()` carries both (see
/// <workos/webhooks/webhooks_client.h>). See docs/webhooks.md.
///
/// @code
/// // In your HTTP handler, with the body exactly as received (never re-serialized):
/// auto check = workos::webhooks::verify_header(req.body, req.get_header("WorkOS-Signature"),
///                                              secret);
/// if (!check) return reply(400, check.error().message());
/// @endcode

#include <workos/result.h>
#include <workos/signing/signature.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace workos {

struct Event;  // The generated event union, defined in <workos/events/models.h>.

namespace webhooks {

/// Default tolerance between a delivery's `t` and now: 180 seconds, as in the official SDKs.
inline constexpr std::chrono::seconds kDefaultTolerance{180};
/// Name of the HTTP header that carries the signature.
inline constexpr std::string_view kSignatureHeader = "WorkOS-Signature";

/// Verifies a webhook delivery: `sig_header` is the `WorkOS-Signature` header value, `payload`
/// the raw body bytes, `secret` the endpoint's signing secret. The header is read as the
/// official Node SDK reads it (only the first `v1` entry counts); `t` must lie within
/// `tolerance` of the current time, before or after (0 = the exact millisecond only).
/// Thread-safe, allocation-free on success. `now` is the current time unless given (tests,
/// replays of stored deliveries). See `signing::verify_signature_header` for the exact rules.
inline signing::VerifyResult verify_header(
    std::string_view payload, std::string_view sig_header, std::string_view secret,
    std::chrono::milliseconds tolerance = kDefaultTolerance,
    std::chrono::system_clock::time_point now = std::chrono::system_clock::now()) {
  return signing::verify_signature_header(payload, sig_header, secret, tolerance, now);
}

/// The `v1` value WorkOS sends for `payload` at `timestamp_ms`: lowercase hex
/// HMAC-SHA256 of `"<timestamp_ms>.<payload>"`.
inline std::string compute_signature(std::int64_t timestamp_ms, std::string_view payload,
                                     std::string_view secret) {
  return signing::compute_signature(timestamp_ms, payload, secret);
}

/// The whole `WorkOS-Signature` header value WorkOS would send for `payload` signed with
/// `secret` at `timestamp` (default: now): `t=<ms>, v1=<hex>`. For relaying deliveries, replaying
/// stored ones, and tests. Thread-safe.
std::string sign(
    std::string_view payload, std::string_view secret,
    std::chrono::system_clock::time_point timestamp = std::chrono::system_clock::now());

/// Verifies a delivery (`verify_header`), then decodes the body into the generated
/// `workos::Event` union: `event->tag()` is the event type, `event->as_user_created()` (and one
/// accessor per type) the typed event; an event type unknown to this SDK version decodes to
/// `workos::EventUnknown`, which keeps its tag and raw JSON. Include <workos/events/models.h>
/// (or <workos/workos.h>) to use the result. Errors: kind `kCrypto` when the check fails
/// (`signing::failure_of(error)` gives the reason), `kDecode` when the verified body is not an
/// event object. Thread-safe.
///
/// @code
/// auto event = workos::webhooks::construct_event(body, sig_header, secret);
/// if (!event) return reply(400, event.error().message());
/// if (const auto* e = event->as_user_created()) welcome(e->data.email);
/// @endcode
///
/// `now` is the current time unless given (tests, replays of stored deliveries).
Result<Event> construct_event(
    std::string_view payload, std::string_view sig_header, std::string_view secret,
    std::chrono::milliseconds tolerance = kDefaultTolerance,
    std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

}  // namespace webhooks
}  // namespace workos
