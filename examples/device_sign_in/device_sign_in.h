// Copyright workos-cpp authors. Handwritten.
#pragma once

// Device sign-in for a command-line or desktop program (RFC 8628): show the user a code and a
// URL to open on their phone or laptop, wait while they approve, then verify the access token
// that comes back. A public client (no API key on the device) is enough.

#include <workos/client.h>
#include <workos/result.h>
#include <workos/user_management/models.h>

#include <chrono>
#include <functional>
#include <optional>
#include <string>

namespace device_sign_in {

/// Who signed in.
struct SignedIn {
  std::string user_id;
  std::string email;
  std::optional<std::string> organization_id;
  std::string access_token;
  std::string refresh_token;
};

/// Runs the whole flow. `show` gets the code and URL to show the user; `interval`, when set,
/// replaces the server's polling interval (tests).
workos::Result<SignedIn> sign_in(
    const workos::Client& client,
    const std::function<void(const workos::DeviceAuthorizationResponse&)>& show,
    std::optional<std::chrono::seconds> interval = std::nullopt);

}  // namespace device_sign_in
