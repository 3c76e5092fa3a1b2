// Copyright workos-cpp authors. Handwritten.
#pragma once

// Request building of the AuthKit / SSO helpers (internal), shared by the sync clients
// (user_management_client.cc, sso_client.cc) and their async twins (async_*.cc): the
// grant bodies with their client credentials, the public-client forms of the authenticate and
// device endpoints, the SSO code exchange, and the PKCE authorization URLs. Only the sending
// differs between sync and async.

#include <workos/auth/authorization_url.h>
#include <workos/auth/pkce.h>
#include <workos/result.h>
#include <workos/sso/service.h>
#include <workos/user_management/user_management_client.h>

#include <functional>
#include <string_view>

#include "auth/credentials.h"
#include "core/call.h"

namespace workos::auth::detail {

// ---- user_management ------------------------------------------------------------------------

namespace um = workos::user_management;

/// The body of `start_device_authorization` (the client's client id). Errors: kConfiguration.
Result<um::CreateDeviceParams> device_params(const workos::detail::ClientCore* core);

/// A fresh PKCE pair (S256), and a random `state` unless one is set (no request is made).
Result<PkcePair> fresh_pkce(std::optional<std::string>& state);

/// `get_authorization_url_with_pkce` of user_management: checks the params, adds a fresh PKCE
/// pair and (unless set) a random state, builds the URL with `build`. No request is made.
Result<AuthorizationUrlWithPkce> um_authorization_url_with_pkce(
    const um::GetAuthorizationUrlParams& params,
    const std::function<Result<std::string>(const um::GetAuthorizationUrlParams&)>& build);

// ---- sso -------------------------------------------------------------------------------------

/// `POST /sso/token` with the client's credentials in the JSON body (never in the URL). Without
/// `code_verifier` the confidential exchange (needs the secret); with one the PKCE exchange
/// (the secret only for a confidential client). Errors: kConfiguration, kInvalidArgument (an
/// empty verifier).
Result<workos::detail::ApiRequest> sso_token_request(const workos::detail::ClientCore* core,
                                                     std::string_view code,
                                                     std::optional<std::string_view> code_verifier);

/// `get_authorization_url_with_pkce` of sso: checks the params, adds a random state (unless
/// set), builds the URL with `build`, then appends the PKCE challenge. No request is made.
Result<AuthorizationUrlWithPkce> sso_authorization_url_with_pkce(
    const workos::sso::GetAuthorizationUrlParams& params,
    const std::function<Result<std::string>(const workos::sso::GetAuthorizationUrlParams&)>& build);

}  // namespace workos::auth::detail
