// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// `workos::sso::SsoClient` (`client.sso()`) and the template both SSO clients share: the
/// generated `sso` service plus the handwritten SSO helpers — the code exchange with the
/// client's credentials (and its PKCE form) and the PKCE authorization URL. The async form,
/// `AsyncSsoClient` (`async.sso()`), is in <workos/sso/async_sso_client.h>.
///
/// @code
/// auto url = client.sso().get_authorization_url_with_pkce(params).value();
/// // ... callback with ?code=...&state=...
/// auto token = client.sso().get_profile_and_token_pkce(code, url.code_verifier).value();
/// auto profile = client.sso().get_profile(token.access_token).value();
/// @endcode

#include <workos/auth/authorization_url.h>
#include <workos/call_mode.h>
#include <workos/options.h>
#include <workos/result.h>
#include <workos/sso/service.h>

#include <memory>
#include <string_view>

namespace workos {
namespace sso {

class AsyncSsoService;

/// The `sso` service with the SSO helpers, in the form `Mode` (<workos/call_mode.h>): the
/// requests return `Result<T>` in `SsoClient` and `Future<T>` in `AsyncSsoClient`. Thread-safe;
/// cheap to copy.
template <class Mode>
class BasicSsoClient : public ModeService<Mode, SsoService, AsyncSsoService> {
  using Base = ModeService<Mode, SsoService, AsyncSsoService>;

 public:
  /// The spec's raw form (what a mocked connection receives): you fill client id and secret;
  /// sent in the JSON body only, never in the URL. Prefer `get_profile_and_token(code)`.
  using Base::get_profile_and_token;

  /// Exchanges the callback's `code` for the profile and an access token (`POST /sso/token`),
  /// with `client_id` and `client_secret` (the API key) from the client, sent in the JSON body
  /// (never in the URL). Errors: `ConfigurationError` (before any request) for a public client
  /// or without an API key (use `get_profile_and_token_pkce`); the API's errors.
  [[nodiscard]] Reply<Mode, workos::SsoTokenResponse> get_profile_and_token(
      std::string_view code, const RequestOptions& options = {}) const;
  /// The PKCE code exchange: sends `code_verifier`, plus the client secret only when the client
  /// has an API key (confidential client using PKCE too). Works for a public client.
  [[nodiscard]] Reply<Mode, workos::SsoTokenResponse> get_profile_and_token_pkce(
      std::string_view code, std::string_view code_verifier,
      const RequestOptions& options = {}) const;

  /// `get_authorization_url` with a fresh PKCE pair and, unless `params.state` is set, a random
  /// `state`. Needs one of `provider`, `connection` or `organization` (`kInvalidArgument`
  /// otherwise). No request is made, so both forms return the `Result` (the async form needs
  /// the connection's `get_authorization_url` to answer at once, as the SDK's does).
  [[nodiscard]] Result<auth::AuthorizationUrlWithPkce> get_authorization_url_with_pkce(
      const GetAuthorizationUrlParams& params, const RequestOptions& options = {}) const;

 protected:
  /// Over a connection and the client's core (built by the client).
  using Base::Base;
};

/// The blocking SSO client: `client.sso()`.
class SsoClient : public BasicSsoClient<SyncMode> {
  /// The constructors of `BasicSsoClient`.
  using BasicSsoClient::BasicSsoClient;
};

}  // namespace sso
}  // namespace workos
