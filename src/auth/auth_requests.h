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

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "auth/credentials.h"
#include "core/call.h"

namespace workos::auth::detail {

// ---- user_management ------------------------------------------------------------------------

namespace um = workos::user_management;

/// The body of `start_device_authorization` (the client's client id). Errors: kConfiguration.
Result<um::CreateDeviceParams> device_params(const workos::detail::ClientCore* core);

/// A fresh PKCE pair (S256), and a random `state` unless one is set (no request is made).
Result<PkcePair> fresh_pkce(std::optional<std::string>& state);

/// `get_authorization_url_with_pkce` of a module: `params` need a provider, connection or
/// organization (`missing` is the error otherwise); a fresh PKCE pair and (unless set) a random
/// state are added, and `build(params, pkce)` makes the URL. No request is made.
template <class Params, class Build>
Result<AuthorizationUrlWithPkce> authorization_url_with_pkce(Params params, const char* missing,
                                                             Build&& build) {
  if (!params.provider && !params.connection_id && !params.organization_id) {
    return Error(ErrorKind::kInvalidArgument, missing);
  }
  Result<PkcePair> pkce = fresh_pkce(params.state);
  if (!pkce) return pkce.error();
  Result<std::string> url = std::forward<Build>(build)(params, *pkce);
  if (!url) return url.error();
  AuthorizationUrlWithPkce out;
  out.url = std::move(*url);
  out.state = std::move(*params.state);
  out.code_verifier = std::move(pkce->code_verifier);
  return out;
}

// ---- sso -------------------------------------------------------------------------------------

/// `POST /sso/token` with the client's credentials in the JSON body (never in the URL). Without
/// `code_verifier` the confidential exchange (needs the secret); with one the PKCE exchange
/// (the secret only for a confidential client). Errors: kConfiguration, kInvalidArgument (an
/// empty verifier).
Result<workos::detail::ApiRequest> sso_token_request(const workos::detail::ClientCore* core,
                                                     std::string_view code,
                                                     std::optional<std::string_view> code_verifier);

}  // namespace workos::auth::detail
