// Copyright workos-cpp authors. Handwritten.
// AsyncUserManagementClient: the async twins of UserManagementClient's helpers. The
// requests are built by the same code as the sync ones (auth/auth_requests.h); only the sending
// differs (detail::call_async on the event loop, or the async connection).

#include <workos/user_management/async_user_management_client.h>

#include <utility>

#include "auth/async_support.h"
#include "auth/auth_requests.h"
#include "auth/credentials.h"
#include "auth/session_context.h"
#include "auth/token_verifier.h"
#include "core/core_access.h"
#include "user_management/async_device_poll.h"
#include "user_management/grant_sending.h"

namespace workos::auth::detail {

// As in the sync client: every grant goes through the connection (`create_authenticate`).
Future<workos::AuthenticateResponse> send(const um::AsyncUserManagementClient& self,
                                          um::grants::Body body, const RequestOptions& options) {
  if (!body)
    return ready_async<workos::AuthenticateResponse>(workos::detail::CoreAccess::core(self),
                                                     body.error());
  um::CreateAuthenticateParams params;
  params.body = std::move(*body);
  return self.create_authenticate(params, options);
}

const workos::detail::ClientCore* credentials_core(
    const um::AsyncUserManagementClient& self) noexcept {
  return sync_core(workos::detail::CoreAccess::core(self));
}

}  // namespace workos::auth::detail

namespace workos::user_management {

using workos::AuthenticateResponse;

AsyncUserManagementClient::AsyncUserManagementClient(
    std::shared_ptr<AsyncUserManagementConnection> connection,
    std::shared_ptr<detail::AsyncCore> core)
    : AsyncUserManagementService(std::move(connection)), core_(std::move(core)) {}

// ---- authorization URL with PKCE -------------------------------------------------------------

Result<auth::AuthorizationUrlWithPkce> AsyncUserManagementClient::get_authorization_url_with_pkce(
    const GetAuthorizationUrlParams& params, const RequestOptions& options) const {
  return auth::detail::um_authorization_url_with_pkce(
      params, [&](const GetAuthorizationUrlParams& p) {
        return auth::detail::take_ready_url(get_authorization_url(p, options));
      });
}

// ---- device authorization --------------------------------------------------------------------

Future<workos::DeviceAuthorizationResponse> AsyncUserManagementClient::start_device_authorization(
    const RequestOptions& options) const {
  const detail::ClientCore* sync = auth::detail::sync_core(core_);
  Result<CreateDeviceParams> params = auth::detail::device_params(sync);
  if (!params) {
    return auth::detail::ready_async<workos::DeviceAuthorizationResponse>(core_, params.error());
  }
  return create_device(*params, options);
}

Future<AuthenticateResponse> AsyncUserManagementClient::poll_device_authorization(
    const workos::DeviceAuthorizationResponse& device,
    const auth::DevicePollOptions& options) const {
  return auth::detail::poll_device_async(
      core_, device, options,
      [self = *this](const AuthenticateWithDeviceCodeParams& p, const RequestOptions& ro) {
        return self.authenticate_with_device_code(p, ro);
      });
}

// ---- sessions and tokens ---------------------------------------------------------------------

auth::AsyncSealedSession AsyncUserManagementClient::load_sealed_session(
    std::string session_data, std::string cookie_password, auth::SessionOptions options) const {
  return auth::detail::load_session<auth::AsyncSealedSession>(
      core_, connection(), std::move(session_data),
      auth::make_iron_codec(std::move(cookie_password)), std::move(options));
}

auth::AsyncSealedSession AsyncUserManagementClient::load_sealed_session(
    std::string session_data, std::shared_ptr<const auth::SessionCodec> codec,
    auth::SessionOptions options) const {
  return auth::detail::load_session<auth::AsyncSealedSession>(
      core_, connection(), std::move(session_data), std::move(codec), std::move(options));
}

Result<std::string> AsyncUserManagementClient::seal_session_from_auth_response(
    const AuthenticateResponse& response, std::string_view cookie_password) const {
  return auth::seal_session_from_auth_response(response, cookie_password);
}

auth::AsyncAccessTokenVerifier AsyncUserManagementClient::access_token_verifier(
    auth::TokenVerifyOptions options) const {
  return workos::detail::CoreAccess::verifier<auth::AsyncAccessTokenVerifier>(core_,
                                                                              std::move(options));
}

std::string AsyncUserManagementClient::get_jwks_url() const {
  return core_ ? auth::detail::jwks_url(core_->client()) : std::string();
}

}  // namespace workos::user_management
