// Copyright workos-cpp authors. Handwritten.
#pragma once

// The SSO helpers, written once for both forms (BasicSsoClient<Mode>); instantiated by
// sso_client.cc (blocking) and async_sso_client.cc (non-blocking) with their mode driver.

#include <workos/sso/sso_client.h>

#include <optional>
#include <string>
#include <utility>

#include "auth/auth_requests.h"
#include "core/mode_driver.h"
#include "sso/models_json.h"

namespace workos::sso {

template <class Mode>
auto BasicSsoClient<Mode>::get_profile_and_token(std::string_view code,
                                                 const RequestOptions& options) const
    -> Reply<Mode, workos::SsoTokenResponse> {
  using Driver = detail::ModeDriver<Mode>;
  return Driver::template call<workos::SsoTokenResponse>(
      this->core(),
      auth::detail::sso_token_request(Driver::client_core(this->core()), code, std::nullopt),
      options, "SsoTokenResponse");
}

template <class Mode>
auto BasicSsoClient<Mode>::get_profile_and_token_pkce(std::string_view code,
                                                      std::string_view code_verifier,
                                                      const RequestOptions& options) const
    -> Reply<Mode, workos::SsoTokenResponse> {
  using Driver = detail::ModeDriver<Mode>;
  return Driver::template call<workos::SsoTokenResponse>(
      this->core(),
      auth::detail::sso_token_request(Driver::client_core(this->core()), code, code_verifier),
      options, "SsoTokenResponse");
}

template <class Mode>
Result<auth::AuthorizationUrlWithPkce> BasicSsoClient<Mode>::get_authorization_url_with_pkce(
    const GetAuthorizationUrlParams& params, const RequestOptions& options) const {
  return auth::detail::authorization_url_with_pkce(
      params, "get_authorization_url_with_pkce needs a provider, connection or organization",
      [&](GetAuthorizationUrlParams& p, const auth::PkcePair& pkce) {
        Result<std::string> url =
            detail::ModeDriver<Mode>::take_now(this->get_authorization_url(p, options));
        if (!url) return url;
        // /sso/authorize lists no code_challenge parameter in the spec, yet the API (and the
        // official SDKs) accept one: it is appended to the generated URL.
        *url += url->find('?') == std::string::npos ? '?' : '&';
        *url += "code_challenge=" + detail::encode_query_component(pkce.code_challenge) +
                "&code_challenge_method=S256";
        return url;
      });
}

}  // namespace workos::sso
