// Copyright workos-cpp authors. Handwritten.
#pragma once

// The user-management helpers other than the grants, written once for both forms
// (BasicUserManagementClient<Mode>); instantiated by user_management_client.cc (blocking) and
// async_user_management_client.cc (non-blocking) with their mode driver. The requests are built
// by auth/auth_requests.h; the device poll loop has a blocking and an event-loop form.

#include <workos/user_management/user_management_client.h>

#include <memory>
#include <string>
#include <type_traits>
#include <utility>

#include "auth/auth_requests.h"
#include "auth/session_context.h"
#include "auth/token_verifier.h"
#include "core/core_access.h"
#include "core/mode_driver.h"
#include "user_management/async_device_poll.h"
#include "user_management/device_poll.h"

namespace workos::user_management {

template <class Mode>
Result<auth::AuthorizationUrlWithPkce>
BasicUserManagementClient<Mode>::get_authorization_url_with_pkce(
    const GetAuthorizationUrlParams& params, const RequestOptions& options) const {
  return auth::detail::authorization_url_with_pkce(
      params, "get_authorization_url_with_pkce needs a provider, connection_id or organization_id",
      [&](GetAuthorizationUrlParams& p, const auth::PkcePair& pkce) {
        p.code_challenge = pkce.code_challenge;
        p.code_challenge_method = pkce.code_challenge_method;
        return detail::ModeDriver<Mode>::take_now(this->get_authorization_url(p, options));
      });
}

template <class Mode>
auto BasicUserManagementClient<Mode>::start_device_authorization(
    const RequestOptions& options) const -> Reply<Mode, workos::DeviceAuthorizationResponse> {
  using Driver = detail::ModeDriver<Mode>;
  Result<CreateDeviceParams> params =
      auth::detail::device_params(Driver::client_core(this->core()));
  if (!params) {
    return Driver::template fail<workos::DeviceAuthorizationResponse>(this->core(), params.error());
  }
  return this->create_device(*params, options);  // never sends the API key (the spec's security)
}

template <class Mode>
auto BasicUserManagementClient<Mode>::poll_device_authorization(
    const workos::DeviceAuthorizationResponse& device, const auth::DevicePollOptions& options) const
    -> Reply<Mode, workos::AuthenticateResponse> {
  auto grant = [self = *this](const AuthenticateWithDeviceCodeParams& p, const RequestOptions& ro) {
    return self.authenticate_with_device_code(p, ro);
  };
  if constexpr (std::is_same_v<Mode, SyncMode>) {
    return auth::detail::poll_device(this->core().get(), device, options, grant);
  } else {
    return auth::detail::poll_device_async(this->core(), device, options, grant);
  }
}

template <class Mode>
auto BasicUserManagementClient<Mode>::load_sealed_session(std::string session_data,
                                                          std::string cookie_password,
                                                          auth::SessionOptions options) const
    -> Session {
  return auth::detail::load_session<Session>(
      this->core(), this->connection(), std::move(session_data),
      auth::make_iron_codec(std::move(cookie_password)), std::move(options));
}

template <class Mode>
auto BasicUserManagementClient<Mode>::load_sealed_session(
    std::string session_data, std::shared_ptr<const auth::SessionCodec> codec,
    auth::SessionOptions options) const -> Session {
  return auth::detail::load_session<Session>(this->core(), this->connection(),
                                             std::move(session_data), std::move(codec),
                                             std::move(options));
}

template <class Mode>
Result<std::string> BasicUserManagementClient<Mode>::seal_session_from_auth_response(
    const workos::AuthenticateResponse& response, std::string_view cookie_password) const {
  return auth::seal_session_from_auth_response(response, cookie_password);
}

template <class Mode>
auto BasicUserManagementClient<Mode>::access_token_verifier(auth::TokenVerifyOptions options) const
    -> Verifier {
  return workos::detail::CoreAccess::verifier<Verifier>(this->core(), std::move(options));
}

template <class Mode>
std::string BasicUserManagementClient<Mode>::get_jwks_url() const {
  const detail::ClientCore* core = detail::ModeDriver<Mode>::client_core(this->core());
  return core ? auth::detail::jwks_url(*core) : std::string();
}

}  // namespace workos::user_management
