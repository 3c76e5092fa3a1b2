// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// `workos::authkit::AuthKit`: route protection for any C++ web server. Given what a request
/// carries (its Cookie header, path, address), it answers "signed in as ...", "refreshed: set
/// this cookie", or "sign in: redirect here", and it handles the sign-in redirect, the callback
/// (code -> sealed session cookie -> redirect) and the sign-out. Framework-agnostic: the answers
/// are `Set-Cookie` values and `Location`s your server sends. See docs/auth.md ("Protecting
/// routes").
///
/// @code
/// auto authkit = workos::authkit::AuthKit::create(client, options).value();
/// workos::authkit::IncomingRequest in;
/// in.target = req.target;                       // "/reports?id=7"
/// in.cookie_header = req.get_header_value("Cookie");
/// auto decision = authkit.protect(in);
/// for (const auto& c : decision.set_cookies) res.headers.emplace("Set-Cookie", c);
/// if (!decision) return redirect(res, decision.redirect_to);   // to AuthKit
/// render_for(decision.user->user_id, decision.user->permissions);
/// @endcode

#include <workos/authkit/types.h>
#include <workos/call_mode.h>
#include <workos/client.h>
#include <workos/result.h>

#include <memory>
#include <string_view>

namespace workos {
class AsyncClient;
namespace detail {
class AuthKitCore;
}  // namespace detail
}  // namespace workos

namespace workos::authkit {

/// Route protection over a client's user-management helpers, in the form `Mode`
/// (<workos/call_mode.h>): `AuthKit` over a `Client` (blocking: `protect` may refresh the
/// session, `handle_callback` exchanges the code) or `AsyncAuthKit` over an `AsyncClient`
/// (<workos/authkit/async_authkit.h>: nothing blocks; the session check is ready at once when the
/// JWKS is cached, and a refresh, a code exchange or a JWKS fetch runs on the client's event
/// loop). The async futures complete with a value for every outcome the blocking form answers
/// with one; they fail (`kCancelled`) when cancelled or when the client shut down. Thread-safe;
/// cheap to copy.
template <class Mode>
class BasicAuthKit {
 public:
  /// `workos::Client` or `workos::AsyncClient`, by the form.
  using Client = typename Mode::template Pick<workos::Client, workos::AsyncClient>;

  /// Errors (`kConfiguration`): no `redirect_uri`, a cookie password shorter than 32
  /// characters, cookie names that are not HTTP tokens.
  [[nodiscard]] static Result<BasicAuthKit> create(const Client& client, AuthKitOptions options);

  /// Checks the session cookie: kSignedIn, kRefreshed (expired access token refreshed; the new
  /// cookie in `set_cookies`), or kSignIn with the AuthKit URL (the request's path is where the
  /// callback returns to). A session that cannot be refreshed (`kRefreshDenied`) also clears
  /// the cookie.
  [[nodiscard]] Outcome<Mode, Decision> protect(const IncomingRequest& request) const;
  /// The redirect that starts a sign-in: the AuthKit URL, and the sealed sign-in cookie (PKCE
  /// verifier, state, `return_to`). `return_to` must be a path on this site (`/x`); anything
  /// else becomes `after_sign_in`. Local (no request) in both forms.
  [[nodiscard]] Result<Redirect> sign_in(const IncomingRequest& request,
                                         std::string_view return_to = {}) const;
  /// The callback (`code` and `state` in `request.target`'s query): checks the state against
  /// the sign-in cookie, exchanges the code with its PKCE verifier, seals the session into the
  /// session cookie, clears the sign-in cookie and returns to where the sign-in started.
  /// Errors: `kInvalidArgument` (before any request) for a missing or mismatched state or code
  /// (answer 400), the code exchange's errors (answer 401).
  [[nodiscard]] Reply<Mode, Redirect> handle_callback(const IncomingRequest& request) const;
  /// Clears the session cookie and sends the browser to the WorkOS logout URL of the session
  /// (or to `after_sign_out` when there is none; the logout URL may need the JWKS).
  Outcome<Mode, Redirect> sign_out(const IncomingRequest& request) const;

  /// The options in use (after `create` checked them).
  const AuthKitOptions& options() const noexcept;

 private:
  BasicAuthKit(Client client, std::shared_ptr<const detail::AuthKitCore> core);
  Client client_;
  std::shared_ptr<const detail::AuthKitCore> core_;
};

/// Route protection over the blocking `Client`.
using AuthKit = BasicAuthKit<SyncMode>;

}  // namespace workos::authkit
