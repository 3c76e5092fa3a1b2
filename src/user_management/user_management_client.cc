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

Result<AuthorizationUrlWithPkce> um_authorization_url_with_pkce(
    const um::GetAuthorizationUrlParams& in,
    const std::function<Result<std::string>(const um::GetAuthorizationUrlParams&)>& build) {
  um::GetAuthorizationUrlParams params = in;
  if (!params.provider && !params.connection_id && !params.organization_id) {
    return Error(ErrorKind::kInvalidArgument,
                 "get_authorization_url_with_pkce needs a provider, connection_id or "
                 "organization_id");
  }
  auto pkce = fresh_pkce(params.state);
  if (!pkce) return pkce.error();
  params.code_challenge = pkce->code_challenge;
  params.code_challenge_method = pkce->code_challenge_method;
  auto url = build(params);
  if (!url) return url.error();
  AuthorizationUrlWithPkce out;
  out.url = std::move(*url);
  out.state = std::move(*params.state);
  out.code_verifier = std::move(pkce->code_verifier);
  return out;
}

}  // namespace auth::detail

namespace user_management {

template class BasicUserManagementClient<SyncMode>;

}  // namespace user_management
}  // namespace workos
