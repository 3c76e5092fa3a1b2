// Copyright workos-cpp authors. Handwritten.
// UserManagementClient: the authenticate_with_* grant wrappers, the PKCE authorization URL,
// device authorization, sessions and token verification on top of the generated service.
// The grant bodies and methods are generated (user_management/grants.cc) and sent by send()
// below; the other requests are shared with AsyncUserManagementClient (auth/auth_requests.h).

#include <workos/user_management/user_management_client.h>

#include <workos/auth/pkce.h>

#include "auth/auth_requests.h"
#include "auth/credentials.h"
#include "auth/session_context.h"
#include "auth/token_verifier.h"
#include "core/core_access.h"
#include "user_management/device_poll.h"
#include "user_management/grant_sending.h"

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

namespace auth::detail {

// Every grant goes through the connection (`create_authenticate`), which sends the API key only
// when the client has one (a public client authenticates with its PKCE verifier).
Result<workos::AuthenticateResponse> send(const um::UserManagementClient& self,
                                          um::grants::Body body, const RequestOptions& options) {
  if (!body) return body.error();
  um::CreateAuthenticateParams params;
  params.body = std::move(*body);
  return self.create_authenticate(params, options);
}

const workos::detail::ClientCore* credentials_core(const um::UserManagementClient& self) noexcept {
  return workos::detail::CoreAccess::core(self).get();
}

}  // namespace auth::detail

namespace user_management {

UserManagementClient::UserManagementClient(std::shared_ptr<UserManagementConnection> connection,
                                           std::shared_ptr<detail::ClientCore> core)
    : UserManagementService(std::move(connection)), core_(std::move(core)) {}

// ---- authorization URL with PKCE -------------------------------------------------------------

Result<auth::AuthorizationUrlWithPkce> UserManagementClient::get_authorization_url_with_pkce(
    const GetAuthorizationUrlParams& params, const RequestOptions& options) const {
  return auth::detail::um_authorization_url_with_pkce(
      params,
      [&](const GetAuthorizationUrlParams& p) { return get_authorization_url(p, options); });
}

// ---- device authorization --------------------------------------------------------------------

Result<workos::DeviceAuthorizationResponse> UserManagementClient::start_device_authorization(
    const RequestOptions& options) const {
  Result<CreateDeviceParams> params = auth::detail::device_params(core_.get());
  if (!params) return params.error();
  return create_device(*params, options);  // never sends the API key (the spec's security)
}
Result<workos::AuthenticateResponse> UserManagementClient::poll_device_authorization(
    const workos::DeviceAuthorizationResponse& device,
    const auth::DevicePollOptions& options) const {
  return auth::detail::poll_device(
      core_.get(), device, options,
      [this](const AuthenticateWithDeviceCodeParams& p, const RequestOptions& ro) {
        return authenticate_with_device_code(p, ro);
      });
}

// ---- sessions and tokens ---------------------------------------------------------------------

auth::SealedSession UserManagementClient::load_sealed_session(std::string session_data,
                                                              std::string cookie_password,
                                                              auth::SessionOptions options) const {
  return auth::detail::load_session<auth::SealedSession>(
      core_, connection(), std::move(session_data),
      auth::make_iron_codec(std::move(cookie_password)), std::move(options));
}

auth::SealedSession UserManagementClient::load_sealed_session(
    std::string session_data, std::shared_ptr<const auth::SessionCodec> codec,
    auth::SessionOptions options) const {
  return auth::detail::load_session<auth::SealedSession>(
      core_, connection(), std::move(session_data), std::move(codec), std::move(options));
}

Result<std::string> UserManagementClient::seal_session_from_auth_response(
    const workos::AuthenticateResponse& response, std::string_view cookie_password) const {
  return auth::seal_session_from_auth_response(response, cookie_password);
}

auth::AccessTokenVerifier UserManagementClient::access_token_verifier(
    auth::TokenVerifyOptions options) const {
  return workos::detail::CoreAccess::verifier<auth::AccessTokenVerifier>(core_, std::move(options));
}

std::string UserManagementClient::get_jwks_url() const {
  return core_ ? auth::detail::jwks_url(*core_) : std::string();
}

}  // namespace user_management
}  // namespace workos
