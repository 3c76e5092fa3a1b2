// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// Options of the device authorization poll (OAuth 2.0 Device Authorization Grant, RFC 8628),
/// used by `UserManagementClient::poll_device_authorization`.

#include <workos/options.h>
#include <workos/transport.h>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace workos::auth {

/// What happened on one poll (for progress output).
enum class DevicePollStatus {
  kAuthorizationPending,  ///< `authorization_pending`: the user has not approved yet.
  kSlowDown,              ///< `slow_down`: the interval grew by 5 s (RFC 8628 §3.5).
};

/// Options of `poll_device_authorization` (sync and async).
///
/// The poll always ends: it is bounded by `timeout`, else by the device code's `expires_in`.
/// When neither is there (no `timeout` and an `expires_in` that is absent, 0 or negative), the
/// poll fails at once with `kInvalidArgument` and sends no request.
///
/// Interval rule (RFC 8628 §3.2, §3.5): the wait before each poll is `interval`, else the
/// device authorization's `interval` (fractions rounded up), else 5 s; an interval of 0 or less,
/// from either side, counts as absent (5 s), and polls never come faster than 1 s apart.
/// Each `slow_down` answer adds 5 s.
///
/// A plain value; copy it freely (not synchronised: do not mutate it while a poll reads it).
struct DevicePollOptions {
  /// Interval between polls; unset, 0 or negative = the `interval` of the device authorization
  /// (5 s when absent or not positive). `slow_down` answers add 5 s each.
  std::optional<std::chrono::seconds> interval;
  /// Give up (`kTimeout`) once the next poll would come after this long; unset = the device
  /// code's `expires_in`. Must be positive when set (`kInvalidArgument` otherwise).
  std::optional<std::chrono::seconds> timeout;
  /// Stops the poll (checked before and while waiting, and passed to each request).
  std::shared_ptr<const CancellationToken> cancellation;
  /// Radar: the IP address passed with each device-code grant.
  std::optional<std::string> ip_address;
  std::optional<std::string> user_agent;  ///< Radar: the user agent.
  std::optional<std::string> device_id;   ///< Radar: the device id.
  /// Called after each poll that did not finish the flow. Must not throw.
  std::function<void(DevicePollStatus status, std::chrono::seconds next_interval)> on_poll;
  /// Per-request options of each poll.
  RequestOptions request;
};

}  // namespace workos::auth
