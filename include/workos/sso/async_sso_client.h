// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// `workos::sso::AsyncSsoClient`: the async twin of `SsoClient` — the generated
/// `AsyncSsoService` plus the SSO helpers: the code exchange with the client's credentials
/// (and its PKCE form) on the event loop, and the PKCE authorization URL. `async.sso()`
/// returns one.
///
/// @code
/// auto url = async.sso().get_authorization_url_with_pkce(params).value();   // local
/// // ... callback with ?code=...&state=...
/// async.sso().get_profile_and_token_pkce(code, url.code_verifier)
///     .then([](workos::Result<workos::SsoTokenResponse> token) { ... });
/// @endcode

#include <workos/async/future.h>
#include <workos/auth/authorization_url.h>
#include <workos/options.h>
#include <workos/result.h>
#include <workos/sso/async_service.h>
#include <workos/sso/sso_client.h>

#include <memory>
#include <string_view>

namespace workos {

namespace detail {
class AsyncCore;
}  // namespace detail

namespace sso {

/// The async `sso` service with the SSO helpers. Thread-safe; cheap to copy. Same method names
/// and parameters as `SsoClient`; `Result<X>` becomes `Future<X>` for the requests, while the
/// local `get_authorization_url_with_pkce` returns the same `Result` as its sync twin.
class AsyncSsoClient : public AsyncSsoService {
 public:
  using AsyncSsoService::get_profile_and_token;

  /// Exchanges the callback's `code` for the profile and an access token (`POST /sso/token`),
  /// with `client_id` and `client_secret` (the API key) in the JSON body (never in the URL).
  /// Errors: `ConfigurationError` (at once) for a public client or without an API key (use
  /// `get_profile_and_token_pkce`); the API's errors.
  [[nodiscard]] Future<workos::SsoTokenResponse> get_profile_and_token(
      std::string_view code, const RequestOptions& options = {}) const;
  /// The PKCE code exchange: sends `code_verifier`, plus the client secret only when the client
  /// has an API key. Works for a public client.
  [[nodiscard]] Future<workos::SsoTokenResponse> get_profile_and_token_pkce(
      std::string_view code, std::string_view code_verifier,
      const RequestOptions& options = {}) const;

  /// `SsoClient::get_authorization_url_with_pkce`: the same `Result`, since no request is made
  /// (the URL comes from the connection's `get_authorization_url`, which must answer at once).
  [[nodiscard]] Result<auth::AuthorizationUrlWithPkce> get_authorization_url_with_pkce(
      const GetAuthorizationUrlParams& params, const RequestOptions& options = {}) const;

 private:
  friend struct workos::detail::CoreAccess;
  /// Calls go through `connection`; `core` (optional) supplies client id, API key and the loop.
  AsyncSsoClient(std::shared_ptr<AsyncSsoConnection> connection,
                 std::shared_ptr<detail::AsyncCore> core);
  std::shared_ptr<detail::AsyncCore> core_;
};

}  // namespace sso
}  // namespace workos
