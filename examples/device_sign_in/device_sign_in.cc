// Copyright workos-cpp authors. Handwritten.

#include "device_sign_in.h"

#include <workos/auth/access_token.h>
#include <workos/user_management/user_management_client.h>

namespace device_sign_in {

workos::Result<SignedIn> sign_in(
    const workos::Client& client,
    const std::function<void(const workos::DeviceAuthorizationResponse&)>& show,
    std::optional<std::chrono::seconds> interval) {
  const auto& users = client.user_management();
  // 1. Ask for a device code and a user code.
  auto device = users.start_device_authorization();
  if (!device) return device.error();
  show(*device);
  // 2. Poll until the user approves (or denies, or the code expires).
  workos::auth::DevicePollOptions poll;
  poll.interval = interval;
  auto tokens = users.poll_device_authorization(*device, poll);
  if (!tokens) return tokens.error();
  // 3. Verify the access token against the client's JWKS before trusting it.
  auto claims = workos::auth::AccessTokenVerifier(client).verify(tokens->access_token);
  if (!claims) return claims.error();
  SignedIn out;
  out.user_id = claims->sub;
  out.email = tokens->user.email;
  out.organization_id = claims->org_id;
  out.access_token = tokens->access_token;
  out.refresh_token = tokens->refresh_token;
  return out;
}

}  // namespace device_sign_in
