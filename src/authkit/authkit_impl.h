// Copyright workos-cpp authors. Handwritten.
#pragma once

// Route protection, written once for both forms (BasicAuthKit<Mode>): the steps of AuthKitCore
// (no I/O) around the user-management helpers, each wait a call (blocking) or a future (async).
// Instantiated by authkit.cc and async_authkit.cc with their mode driver.

#include <workos/authkit/authkit.h>

#include <memory>
#include <string>
#include <utility>

#include "authkit/authkit_core.h"
#include "core/mode_driver.h"

namespace workos::authkit {

template <class Mode>
BasicAuthKit<Mode>::BasicAuthKit(Client client, std::shared_ptr<const detail::AuthKitCore> core)
    : client_(std::move(client)), core_(std::move(core)) {}

template <class Mode>
auto BasicAuthKit<Mode>::create(const Client& client, AuthKitOptions options)
    -> Result<BasicAuthKit> {
  auto core = detail::AuthKitCore::create(std::move(options));
  if (!core) return core.error();
  return BasicAuthKit(client, std::move(*core));
}

template <class Mode>
const AuthKitOptions& BasicAuthKit<Mode>::options() const noexcept {
  return core_->options();
}

template <class Mode>
Result<Redirect> BasicAuthKit<Mode>::sign_in(const IncomingRequest& request,
                                             std::string_view return_to) const {
  static_cast<void>(request);
  return core_->sign_in(
      client_.user_management().get_authorization_url_with_pkce(core_->authorize()), return_to);
}

template <class Mode>
auto BasicAuthKit<Mode>::protect(const IncomingRequest& request) const -> Outcome<Mode, Decision> {
  using Driver = workos::detail::ModeDriver<Mode>;
  using detail::AuthKitCore;
  auto session = client_.user_management().load_sealed_session(core_->session_cookie(request),
                                                               core_->options().cookie_password);
  // The continuations hold the service (not the client), so they never keep a client alive
  // that its owner dropped; the sign-in redirect is prepared only when it is the answer.
  auto start = [um = client_.user_management(), core = core_,
                from = std::string(AuthKitCore::return_path(request))] {
    return core->sign_in(um.get_authorization_url_with_pkce(core->authorize()), from);
  };
  return Driver::then_value(
      session.authenticate(),
      [session, core = core_, start, refresh = AuthKitCore::refresh_options(request)](
          auth::SessionAuthentication a) mutable -> Outcome<Mode, Decision> {
        if (!AuthKitCore::wants_refresh(a)) return Driver::ready(core->decide(a, start));
        return Driver::then_value(session.refresh(refresh),
                                  [core, start](auth::SessionRefresh r) -> Decision {
                                    if (r) return core->refreshed(r);
                                    return core->decide(r, start);
                                  });
      });
}

template <class Mode>
auto BasicAuthKit<Mode>::handle_callback(const IncomingRequest& request) const
    -> Reply<Mode, Redirect> {
  using Driver = workos::detail::ModeDriver<Mode>;
  auto callback = core_->callback(request);
  if (!callback) return Driver::template fail<Redirect>(Driver::core_of(client_), callback.error());
  return Driver::then(
      client_.user_management().authenticate_with_code(callback->params),
      [core = core_, return_to = callback->return_to](Result<workos::AuthenticateResponse> answer) {
        return core->callback_done(answer, return_to);
      });
}

template <class Mode>
auto BasicAuthKit<Mode>::sign_out(const IncomingRequest& request) const -> Outcome<Mode, Redirect> {
  auto session = client_.user_management().load_sealed_session(core_->session_cookie(request),
                                                               core_->options().cookie_password);
  return workos::detail::ModeDriver<Mode>::then(
      session.get_logout_url(core_->logout_return_to()),
      [core = core_](Result<std::string> url) { return core->signed_out(url); });
}

}  // namespace workos::authkit
