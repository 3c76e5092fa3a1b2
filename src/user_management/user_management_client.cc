// Copyright workos-cpp authors. Handwritten.
// The user-management helpers' request building (auth/auth_requests.h) and the blocking form of
// BasicUserManagementClient (user_management/user_management_client_impl.h). The grant bodies
// and methods are generated (user_management/grants.cc).

#include <workos/user_management/user_management_client.h>

#include <workos/auth/pkce.h>

#include "auth/auth_requests.h"
#include "auth/credentials.h"
#include "user_management/user_management_client_impl.h"

#include <utility>

namespace workos {

// The blocking form of the helpers (user_management/user_management_client_impl.h).
template class user_management::BasicUserManagementClient<SyncMode>;

// ---- request building, shared with the async client ------------------------------------------

namespace auth::detail {
Result<um::CreateDeviceParams> device_params(const workos::detail::ClientCore* core) {
  auto cred = client_credentials(core, SecretPolicy::kNever, "start_device_authorization");
  if (!cred) return cred.error();
  um::CreateDeviceParams params;
  params.client_id = cred->client_id;
  return params;
}

Result<PkcePair> fresh_pkce(std::optional<std::string>& state) {
  auto pkce = generate_pkce();
  if (!pkce) return pkce.error();
  if (!state || state->empty()) {
    auto fresh = generate_state();
    if (!fresh) return fresh.error();
    state = std::move(*fresh);
  }
  return pkce;
}

}  // namespace auth::detail
}  // namespace workos
