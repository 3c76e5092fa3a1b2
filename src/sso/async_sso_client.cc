// Copyright workos-cpp authors. Handwritten.
// AsyncSsoClient: the code exchange on the event loop and the PKCE authorization URL,
// with the request building shared with SsoClient (auth/auth_requests.h).

#include <workos/sso/async_sso_client.h>

#include <utility>

#include "async/call_async.h"
#include "auth/async_support.h"
#include "auth/auth_requests.h"
#include "auth/credentials.h"
#include "sso/models_json.h"

namespace workos::sso {

Future<workos::SsoTokenResponse> AsyncSsoClient::get_profile_and_token(
    std::string_view code, const RequestOptions& options) const {
  return workos::detail::call_async<workos::SsoTokenResponse>(
      core_, auth::detail::sso_token_request(auth::detail::sync_core(core_), code, std::nullopt),
      options, "SsoTokenResponse");
}

Future<workos::SsoTokenResponse> AsyncSsoClient::get_profile_and_token_pkce(
    std::string_view code, std::string_view code_verifier, const RequestOptions& options) const {
  return workos::detail::call_async<workos::SsoTokenResponse>(
      core_, auth::detail::sso_token_request(auth::detail::sync_core(core_), code, code_verifier),
      options, "SsoTokenResponse");
}

Result<auth::AuthorizationUrlWithPkce> AsyncSsoClient::get_authorization_url_with_pkce(
    const GetAuthorizationUrlParams& params, const RequestOptions& options) const {
  return auth::detail::sso_authorization_url_with_pkce(
      params, [&](const GetAuthorizationUrlParams& p) {
        return auth::detail::take_ready_url(get_authorization_url(p, options));
      });
}

}  // namespace workos::sso
