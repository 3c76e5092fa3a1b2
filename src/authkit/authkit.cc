// Copyright workos-cpp authors. Handwritten.
// Route protection over the blocking client: the steps of AuthKitCore, each wait a call.

#include <workos/authkit/authkit.h>
#include <workos/user_management/user_management_client.h>

#include <memory>
#include <utility>

#include "authkit/authkit_core.h"

namespace workos::authkit {

AuthKit::AuthKit(Client client, std::shared_ptr<const detail::AuthKitCore> core)
    : client_(std::move(client)), core_(std::move(core)) {}

Result<AuthKit> AuthKit::create(const Client& client, AuthKitOptions options) {
  auto core = detail::AuthKitCore::create(std::move(options));
  if (!core) return core.error();
  return AuthKit(client, std::move(*core));
}

const AuthKitOptions& AuthKit::options() const noexcept {
  return core_->options();
}

Result<Redirect> AuthKit::sign_in(const IncomingRequest& request,
                                  std::string_view return_to) const {
  static_cast<void>(request);
  return core_->sign_in(
      client_.user_management().get_authorization_url_with_pkce(core_->authorize()), return_to);
}

Decision AuthKit::protect(const IncomingRequest& request) const {
  auto session = client_.user_management().load_sealed_session(core_->session_cookie(request),
                                                               core_->options().cookie_password);
  auth::SessionAuthentication a = session.authenticate();
  if (detail::AuthKitCore::wants_refresh(a)) {
    auth::SessionRefresh refreshed = session.refresh(detail::AuthKitCore::refresh_options(request));
    if (refreshed) return core_->refreshed(refreshed);
    a = refreshed;
  }
  return core_->decide(a,
                       [&] { return sign_in(request, detail::AuthKitCore::return_path(request)); });
}

Result<Redirect> AuthKit::handle_callback(const IncomingRequest& request) const {
  auto callback = core_->callback(request);
  if (!callback) return callback.error();
  return core_->callback_done(client_.user_management().authenticate_with_code(callback->params),
                              callback->return_to);
}

Redirect AuthKit::sign_out(const IncomingRequest& request) const {
  auto session = client_.user_management().load_sealed_session(core_->session_cookie(request),
                                                               core_->options().cookie_password);
  return core_->signed_out(session.get_logout_url(core_->logout_return_to()));
}

}  // namespace workos::authkit
