// Copyright workos-cpp authors. Handwritten.
// Route protection over the async client: the steps of AuthKitCore, each wait a future.

#include <workos/authkit/async_authkit.h>
#include <workos/user_management/async_user_management_client.h>

#include <memory>
#include <utility>

#include "async/async_core.h"
#include "authkit/authkit_core.h"
#include "core/core_access.h"

namespace workos::authkit {
namespace {

using detail::AuthKitCore;

template <class T>
Future<T> ready(const AsyncClient& client, Result<T> result) {
  return detail::ready_async<T>(
      detail::CoreAccess::async_core(static_cast<const AsyncClientBase&>(client)),
      std::move(result));
}

}  // namespace

AsyncAuthKit::AsyncAuthKit(AsyncClient client, std::shared_ptr<const AuthKitCore> core)
    : client_(std::move(client)), core_(std::move(core)) {}

Result<AsyncAuthKit> AsyncAuthKit::create(const AsyncClient& client, AuthKitOptions options) {
  auto core = AuthKitCore::create(std::move(options));
  if (!core) return core.error();
  return AsyncAuthKit(client, std::move(*core));
}

const AuthKitOptions& AsyncAuthKit::options() const noexcept {
  return core_->options();
}

Result<Redirect> AsyncAuthKit::sign_in(const IncomingRequest& request,
                                       std::string_view return_to) const {
  static_cast<void>(request);
  return core_->sign_in(
      client_.user_management().get_authorization_url_with_pkce(core_->authorize()), return_to);
}

Future<Decision> AsyncAuthKit::protect(const IncomingRequest& request) const {
  auth::AsyncSealedSession session = client_.user_management().load_sealed_session(
      core_->session_cookie(request), core_->options().cookie_password);
  // The continuations hold the service (not the client), so they never keep a client alive
  // that its owner dropped; the sign-in redirect is prepared only when it is the answer.
  auto start = [um = client_.user_management(), core = core_,
                from = std::string(AuthKitCore::return_path(request))] {
    return core->sign_in(um.get_authorization_url_with_pkce(core->authorize()), from);
  };
  return session.authenticate().then(
      [session, core = core_, start, refresh = AuthKitCore::refresh_options(request)](
          Result<auth::SessionAuthentication> a) mutable -> Future<Decision> {
        if (!a) return make_ready_future<Decision>(a.error());
        if (!AuthKitCore::wants_refresh(*a))
          return make_ready_future<Decision>(core->decide(*a, start));
        return session.refresh(refresh).then(
            [core, start](Result<auth::SessionRefresh> r) -> Result<Decision> {
              if (!r) return r.error();
              if (*r) return core->refreshed(*r);
              return core->decide(*r, start);
            });
      });
}

Future<Redirect> AsyncAuthKit::handle_callback(const IncomingRequest& request) const {
  auto callback = core_->callback(request);
  if (!callback) return ready<Redirect>(client_, callback.error());
  return client_.user_management()
      .authenticate_with_code(callback->params)
      .then([core = core_,
             return_to = callback->return_to](Result<workos::AuthenticateResponse> answer) {
        return core->callback_done(answer, return_to);
      });
}

Future<Redirect> AsyncAuthKit::sign_out(const IncomingRequest& request) const {
  auth::AsyncSealedSession session = client_.user_management().load_sealed_session(
      core_->session_cookie(request), core_->options().cookie_password);
  return session.get_logout_url(core_->logout_return_to())
      .then([core = core_](Result<std::string> url) { return core->signed_out(url); });
}

}  // namespace workos::authkit
