// Copyright workos-cpp authors. Handwritten.
// UserManagementClient: the authenticate_with_* grant wrappers, the PKCE authorization URL,
// device authorization, sessions and token verification on top of the generated service.
// The request bodies (auth::detail::grant_body, ...) are shared with AsyncUserManagementClient
// (async_user_management_client.cc); see auth/auth_requests.h.

#include <workos/user_management/user_management_client.h>

#include <workos/auth/pkce.h>

#include "auth/auth_requests.h"
#include "auth/credentials.h"
#include "auth/device_poll.h"
#include "auth/session_context.h"
#include "auth/token_verifier.h"
#include "core/call.h"
#include "user_management/models_json.h"

#include <utility>

namespace workos {

// ---- request building, shared with the async client ------------------------------------------

namespace auth::detail {
namespace {

template <class Alt>
workos::AuthenticateRequest wrap(Alt alt) {
  workos::AuthenticateRequest body;
  body.value = std::move(alt);
  return body;
}

}  // namespace

// grant_type strings come from the spec's request body oneOf (the alternatives' const field).

GrantBody grant_body(const workos::detail::ClientCore* core,
                     const um::AuthenticateWithPasswordParams& p) {
  auto cred = client_credentials(core, SecretPolicy::kRequired, "authenticate_with_password");
  if (!cred) return cred.error();
  workos::AuthenticateRequestPassword b;
  b.client_id = cred->client_id;
  b.client_secret = *cred->client_secret;
  b.email = p.email;
  b.password = p.password;
  b.invitation_token = p.invitation_token;
  b.ip_address = p.ip_address;
  b.user_agent = p.user_agent;
  b.device_id = p.device_id;
  b.radar_auth_attempt_id = p.radar_auth_attempt_id;
  b.signals_id = p.signals_id;
  return wrap(std::move(b));
}

GrantBody grant_body(const workos::detail::ClientCore* core,
                     const um::AuthenticateWithCodeParams& p) {
  if (p.code_verifier && p.code_verifier->empty()) {
    return Error(ErrorKind::kInvalidArgument, "code_verifier must not be empty");
  }
  // Without a verifier the code exchange is authenticated by the secret alone.
  auto cred = client_credentials(
      core, p.code_verifier ? SecretPolicy::kIfConfidential : SecretPolicy::kRequired,
      "authenticate_with_code");
  if (!cred) return cred.error();
  workos::AuthenticateRequestAuthorizationCode b;
  b.client_id = cred->client_id;
  b.client_secret = cred->client_secret;
  b.code = p.code;
  b.code_verifier = p.code_verifier;
  b.invitation_token = p.invitation_token;
  b.ip_address = p.ip_address;
  b.user_agent = p.user_agent;
  b.device_id = p.device_id;
  b.signals_id = p.signals_id;
  return wrap(std::move(b));
}

GrantBody grant_body(const workos::detail::ClientCore* core,
                     const um::AuthenticateWithCodePkceParams& p) {
  if (p.code_verifier.empty()) {
    return Error(ErrorKind::kInvalidArgument, "authenticate_with_code_pkce needs a code_verifier");
  }
  auto cred = client_credentials(core, SecretPolicy::kNever, "authenticate_with_code_pkce");
  if (!cred) return cred.error();
  workos::AuthenticateRequestAuthorizationCode b;
  b.client_id = cred->client_id;
  b.code = p.code;
  b.code_verifier = p.code_verifier;
  b.invitation_token = p.invitation_token;
  b.ip_address = p.ip_address;
  b.user_agent = p.user_agent;
  b.device_id = p.device_id;
  b.signals_id = p.signals_id;
  return wrap(std::move(b));
}

GrantBody grant_body(const workos::detail::ClientCore* core,
                     const um::AuthenticateWithRefreshTokenParams& p) {
  auto cred =
      client_credentials(core, SecretPolicy::kIfConfidential, "authenticate_with_refresh_token");
  if (!cred) return cred.error();
  workos::AuthenticateRequestRefreshToken b;
  b.client_id = cred->client_id;
  b.client_secret = cred->client_secret;
  b.refresh_token = p.refresh_token;
  b.organization_id = p.organization_id;
  b.ip_address = p.ip_address;
  b.user_agent = p.user_agent;
  b.device_id = p.device_id;
  return wrap(std::move(b));
}

GrantBody grant_body(const workos::detail::ClientCore* core,
                     const um::AuthenticateWithMagicAuthParams& p) {
  auto cred = client_credentials(core, SecretPolicy::kRequired, "authenticate_with_magic_auth");
  if (!cred) return cred.error();
  workos::AuthenticateRequestMagicAuthCode b;
  b.client_id = cred->client_id;
  b.client_secret = *cred->client_secret;
  b.code = p.code;
  b.email = p.email;
  b.invitation_token = p.invitation_token;
  b.ip_address = p.ip_address;
  b.user_agent = p.user_agent;
  b.device_id = p.device_id;
  b.radar_auth_attempt_id = p.radar_auth_attempt_id;
  return wrap(std::move(b));
}

GrantBody grant_body(const workos::detail::ClientCore* core,
                     const um::AuthenticateWithEmailVerificationParams& p) {
  auto cred =
      client_credentials(core, SecretPolicy::kRequired, "authenticate_with_email_verification");
  if (!cred) return cred.error();
  workos::AuthenticateRequestEmailVerificationCode b;
  b.client_id = cred->client_id;
  b.client_secret = *cred->client_secret;
  b.code = p.code;
  b.pending_authentication_token = p.pending_authentication_token;
  b.ip_address = p.ip_address;
  b.user_agent = p.user_agent;
  b.device_id = p.device_id;
  return wrap(std::move(b));
}

GrantBody grant_body(const workos::detail::ClientCore* core,
                     const um::AuthenticateWithTotpParams& p) {
  auto cred = client_credentials(core, SecretPolicy::kRequired, "authenticate_with_totp");
  if (!cred) return cred.error();
  workos::AuthenticateRequestMfaTotp b;
  b.client_id = cred->client_id;
  b.client_secret = *cred->client_secret;
  b.code = p.code;
  b.pending_authentication_token = p.pending_authentication_token;
  b.authentication_challenge_id = p.authentication_challenge_id;
  b.ip_address = p.ip_address;
  b.user_agent = p.user_agent;
  b.device_id = p.device_id;
  return wrap(std::move(b));
}

GrantBody grant_body(const workos::detail::ClientCore* core,
                     const um::AuthenticateWithOrganizationSelectionParams& p) {
  auto cred =
      client_credentials(core, SecretPolicy::kRequired, "authenticate_with_organization_selection");
  if (!cred) return cred.error();
  workos::AuthenticateRequestOrganizationSelection b;
  b.client_id = cred->client_id;
  b.client_secret = *cred->client_secret;
  b.pending_authentication_token = p.pending_authentication_token;
  b.organization_id = p.organization_id;
  b.ip_address = p.ip_address;
  b.user_agent = p.user_agent;
  b.device_id = p.device_id;
  return wrap(std::move(b));
}

GrantBody grant_body(const workos::detail::ClientCore* core,
                     const um::AuthenticateWithDeviceCodeParams& p) {
  auto cred = client_credentials(core, SecretPolicy::kNever, "authenticate_with_device_code");
  if (!cred) return cred.error();
  workos::AuthenticateRequestDeviceCode b;
  b.client_id = cred->client_id;
  b.device_code = p.device_code;
  b.ip_address = p.ip_address;
  b.user_agent = p.user_agent;
  b.device_id = p.device_id;
  return wrap(std::move(b));
}

GrantBody grant_body(const workos::detail::ClientCore* core,
                     const um::AuthenticateWithRadarEmailChallengeParams& p) {
  auto cred =
      client_credentials(core, SecretPolicy::kRequired, "authenticate_with_radar_email_challenge");
  if (!cred) return cred.error();
  workos::AuthenticateRequestRadarEmailChallengeCode b;
  b.client_id = cred->client_id;
  b.client_secret = *cred->client_secret;
  b.code = p.code;
  b.pending_authentication_token = p.pending_authentication_token;
  b.radar_challenge_id = p.radar_challenge_id;
  b.ip_address = p.ip_address;
  b.user_agent = p.user_agent;
  b.device_id = p.device_id;
  return wrap(std::move(b));
}

GrantBody grant_body(const workos::detail::ClientCore* core,
                     const um::AuthenticateWithRadarSmsChallengeParams& p) {
  auto cred =
      client_credentials(core, SecretPolicy::kRequired, "authenticate_with_radar_sms_challenge");
  if (!cred) return cred.error();
  workos::AuthenticateRequestRadarSmsChallengeCode b;
  b.client_id = cred->client_id;
  b.client_secret = *cred->client_secret;
  b.code = p.code;
  b.pending_authentication_token = p.pending_authentication_token;
  b.phone_number = p.phone_number;
  b.verification_id = p.verification_id;
  b.ip_address = p.ip_address;
  b.user_agent = p.user_agent;
  b.device_id = p.device_id;
  return wrap(std::move(b));
}

workos::detail::ApiRequest public_authenticate_request(const workos::AuthenticateRequest& body) {
  workos::detail::ApiRequest req;
  req.method = "POST";
  req.path = "/user_management/authenticate";
  req.body = workos::detail::json::encode_document(body);
  req.auth = workos::detail::AuthMode::kNone;
  return req;
}

Result<um::CreateDeviceParams> device_params(const workos::detail::ClientCore* core) {
  auto cred = client_credentials(core, SecretPolicy::kNever, "start_device_authorization");
  if (!cred) return cred.error();
  um::CreateDeviceParams params;
  params.client_id = cred->client_id;
  return params;
}

workos::detail::ApiRequest public_device_request(const um::CreateDeviceParams& params) {
  // Like the grants: the spec's security is empty for this endpoint.
  workos::detail::ApiRequest req;
  req.method = "POST";
  req.path = "/user_management/authorize/device";
  req.body = workos::detail::json::encode_document(
      static_cast<const workos::CreateDeviceRequest&>(params));
  req.auth = workos::detail::AuthMode::kNone;
  return req;
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
  auto pkce = generate_pkce();
  if (!pkce) return pkce.error();
  if (!params.state || params.state->empty()) {
    auto state = generate_state();
    if (!state) return state.error();
    params.state = std::move(*state);
  }
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
namespace {

// The spec lets public clients omit the secret on this endpoint, so a client without an API
// key must not send Authorization either; the generated operation always asks for the API key,
// hence the direct call for those clients.
Result<workos::AuthenticateResponse> post_authenticate(const UserManagementClient& self,
                                                       workos::AuthenticateRequest body,
                                                       const RequestOptions& options) {
  if (auth::detail::sends_no_api_key(self.core().get())) {
    return workos::detail::call<workos::AuthenticateResponse>(
        *self.core(), auth::detail::public_authenticate_request(body), options,
        "AuthenticateResponse");
  }
  CreateAuthenticateParams params;
  params.body = std::move(body);
  return self.create_authenticate(params, options);
}

template <class Params>
Result<workos::AuthenticateResponse> grant(const UserManagementClient& self, const Params& p,
                                           const RequestOptions& options) {
  auth::detail::GrantBody body = auth::detail::grant_body(self.core().get(), p);
  if (!body) return body.error();
  return post_authenticate(self, std::move(*body), options);
}

}  // namespace

UserManagementClient::UserManagementClient(std::shared_ptr<detail::ClientCore> core)
    : UserManagementService(core), core_(std::move(core)) {}

UserManagementClient::UserManagementClient(std::shared_ptr<UserManagementConnection> connection,
                                           std::shared_ptr<detail::ClientCore> core)
    : UserManagementService(std::move(connection)), core_(std::move(core)) {}

// ---- grants ----------------------------------------------------------------------------------

Result<workos::AuthenticateResponse> UserManagementClient::authenticate_with_password(
    const AuthenticateWithPasswordParams& p, const RequestOptions& options) const {
  return grant(*this, p, options);
}

Result<workos::AuthenticateResponse> UserManagementClient::authenticate_with_code(
    const AuthenticateWithCodeParams& p, const RequestOptions& options) const {
  return grant(*this, p, options);
}

Result<workos::AuthenticateResponse> UserManagementClient::authenticate_with_code_pkce(
    const AuthenticateWithCodePkceParams& p, const RequestOptions& options) const {
  return grant(*this, p, options);
}

Result<workos::AuthenticateResponse> UserManagementClient::authenticate_with_refresh_token(
    const AuthenticateWithRefreshTokenParams& p, const RequestOptions& options) const {
  return grant(*this, p, options);
}

Result<workos::AuthenticateResponse> UserManagementClient::authenticate_with_magic_auth(
    const AuthenticateWithMagicAuthParams& p, const RequestOptions& options) const {
  return grant(*this, p, options);
}

Result<workos::AuthenticateResponse> UserManagementClient::authenticate_with_email_verification(
    const AuthenticateWithEmailVerificationParams& p, const RequestOptions& options) const {
  return grant(*this, p, options);
}

Result<workos::AuthenticateResponse> UserManagementClient::authenticate_with_totp(
    const AuthenticateWithTotpParams& p, const RequestOptions& options) const {
  return grant(*this, p, options);
}

Result<workos::AuthenticateResponse> UserManagementClient::authenticate_with_organization_selection(
    const AuthenticateWithOrganizationSelectionParams& p, const RequestOptions& options) const {
  return grant(*this, p, options);
}

Result<workos::AuthenticateResponse> UserManagementClient::authenticate_with_device_code(
    const AuthenticateWithDeviceCodeParams& p, const RequestOptions& options) const {
  return grant(*this, p, options);
}

Result<workos::AuthenticateResponse> UserManagementClient::authenticate_with_radar_email_challenge(
    const AuthenticateWithRadarEmailChallengeParams& p, const RequestOptions& options) const {
  return grant(*this, p, options);
}

Result<workos::AuthenticateResponse> UserManagementClient::authenticate_with_radar_sms_challenge(
    const AuthenticateWithRadarSmsChallengeParams& p, const RequestOptions& options) const {
  return grant(*this, p, options);
}

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
  if (auth::detail::sends_no_api_key(core_.get())) {
    return workos::detail::call<workos::DeviceAuthorizationResponse>(
        *core_, auth::detail::public_device_request(*params), options,
        "DeviceAuthorizationResponse");
  }
  return create_device(*params, options);
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
  return auth::SealedSession(auth::detail::make_session_context(
      core_, connection(), std::move(session_data),
      auth::make_iron_codec(std::move(cookie_password)), std::move(options)));
}

auth::SealedSession UserManagementClient::load_sealed_session(
    std::string session_data, std::shared_ptr<const auth::SessionCodec> codec,
    auth::SessionOptions options) const {
  return auth::SealedSession(auth::detail::make_session_context(
      core_, connection(), std::move(session_data),
      Result<std::shared_ptr<const auth::SessionCodec>>(std::move(codec)), std::move(options)));
}

Result<std::string> UserManagementClient::seal_session_from_auth_response(
    const workos::AuthenticateResponse& response, std::string_view cookie_password) const {
  return auth::seal_session_from_auth_response(response, cookie_password);
}

auth::AccessTokenVerifier UserManagementClient::access_token_verifier(
    auth::TokenVerifyOptions options) const {
  return auth::AccessTokenVerifier::from_core(core_, std::move(options));
}

std::string UserManagementClient::get_jwks_url() const {
  return core_ ? auth::detail::jwks_url(*core_) : std::string();
}

}  // namespace user_management
}  // namespace workos
