// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// `workos::sso::SsoClient`: the generated `SsoService` plus the handwritten SSO helpers — the
/// code exchange with the client's credentials (and its PKCE form) and the PKCE authorization
/// URL. `client.sso()` returns one.
///
/// @code
/// auto url = client.sso().get_authorization_url_with_pkce(params).value();
/// // ... callback with ?code=...&state=...
/// auto token = client.sso().get_profile_and_token_pkce(code, url.code_verifier).value();
/// auto profile = client.sso().get_profile(token.access_token).value();
/// @endcode

#include <workos/auth/authorization_url.h>
#include <workos/options.h>
#include <workos/result.h>
#include <workos/sso/service.h>

#include <memory>
#include <string_view>

namespace workos {
namespace detail {
class ClientCore;
}  // namespace detail
}  // namespace workos

namespace workos::sso {

/// The `sso` service with the SSO helpers. Thread-safe; cheap to copy.
class SsoClient : public SsoService {
 public:
  /// The spec's raw form (what a mocked `SsoConnection` receives): you fill client id and
  /// secret; sent in the JSON body only, never in the URL. Prefer `get_profile_and_token(code)`.
  using SsoService::get_profile_and_token;

  /// Exchanges the callback's `code` for the profile and an access token (`POST /sso/token`),
  /// with `client_id` and `client_secret` (the API key) from the client, sent in the JSON body
  /// (never in the URL). Errors: `ConfigurationError` for a public client or without an API key
  /// (use `get_profile_and_token_pkce`).
  [[nodiscard]] Result<workos::SsoTokenResponse> get_profile_and_token(
      std::string_view code, const RequestOptions& options = {}) const;
  /// The PKCE code exchange: sends `code_verifier`, plus the client secret only when the client
  /// has an API key (confidential client using PKCE too). Works for a public client.
  [[nodiscard]] Result<workos::SsoTokenResponse> get_profile_and_token_pkce(
      std::string_view code, std::string_view code_verifier,
      const RequestOptions& options = {}) const;

  /// `get_authorization_url` with a fresh PKCE pair and, unless `params.state` is set, a random
  /// `state`. Needs one of `provider`, `connection` or `organization` (`kInvalidArgument`
  /// otherwise). No request is made.
  [[nodiscard]] Result<auth::AuthorizationUrlWithPkce> get_authorization_url_with_pkce(
      const GetAuthorizationUrlParams& params, const RequestOptions& options = {}) const;

 private:
  friend struct workos::detail::CoreAccess;
  /// Calls go through `connection`; `core` (optional) supplies client id and API key.
  SsoClient(std::shared_ptr<SsoConnection> connection, std::shared_ptr<detail::ClientCore> core);
  std::shared_ptr<detail::ClientCore> core_;
};

}  // namespace workos::sso
