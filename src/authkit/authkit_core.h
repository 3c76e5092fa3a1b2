// Copyright workos-cpp authors. Handwritten.
#pragma once

// The logic of route protection with no I/O: `AuthKit` (blocking) and `AsyncAuthKit` (futures)
// drive the same steps and only differ in how they wait for the session check, the refresh,
// the code exchange and the logout URL.

#include <workos/auth/authorization_url.h>
#include <workos/auth/session.h>
#include <workos/authkit/types.h>
#include <workos/result.h>
#include <workos/user_management/grants.h>
#include <workos/user_management/models.h>
#include <workos/user_management/service.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace workos::detail {

class AuthKitCore {
 public:
  /// Checks `options` (see `AuthKit::create`).
  static Result<std::shared_ptr<const AuthKitCore>> create(authkit::AuthKitOptions options);
  explicit AuthKitCore(authkit::AuthKitOptions options);

  const authkit::AuthKitOptions& options() const noexcept { return options_; }
  /// The authorization URL's parameters: AuthKit as the provider, the callback as redirect URI.
  const user_management::GetAuthorizationUrlParams& authorize() const noexcept {
    return authorize_;
  }
  /// The session cookie of the request (may be empty).
  std::string session_cookie(const authkit::IncomingRequest& request) const;
  /// The request's path: where a sign-in started from it returns to.
  static std::string_view return_path(const authkit::IncomingRequest& request);

  /// The sign-in redirect for a fresh PKCE authorization URL: the URL and the sealed sign-in
  /// cookie (state, verifier, return path).
  Result<authkit::Redirect> sign_in(Result<auth::AuthorizationUrlWithPkce> url,
                                    std::string_view return_to) const;

  /// True when the check failed in a way a refresh may cure (an expired access token).
  static bool wants_refresh(const auth::SessionAuthentication& a);
  /// The refresh options for the request (Radar: address and user agent).
  static auth::RefreshOptions refresh_options(const authkit::IncomingRequest& request);
  /// kRefreshed with the new cookie.
  authkit::Decision refreshed(const auth::SessionRefresh& r) const;
  /// kSignedIn for a successful check, else kSignIn with the cookies to clear and the sign-in
  /// redirect `start` (the caller prepares it only then).
  template <class StartSignIn>
  authkit::Decision decide(const auth::SessionAuthentication& a, StartSignIn&& start) const {
    if (a) return signed_in_decision(a);
    return sign_in_decision(a, start());
  }

  /// What the callback exchanges: the code with its verifier, and where to return.
  struct Callback {
    user_management::AuthenticateWithCodeParams params;
    std::string return_to;
  };
  /// Checks the callback's state against the sign-in cookie (kInvalidArgument when they differ
  /// or either is missing).
  Result<Callback> callback(const authkit::IncomingRequest& request) const;
  /// The redirect after the code exchange: the session cookie set, the sign-in cookie cleared.
  Result<authkit::Redirect> callback_done(const Result<workos::AuthenticateResponse>& answer,
                                          const std::string& return_to) const;

  /// `return_to` of the logout URL (`after_sign_out`, when set).
  std::optional<std::string> logout_return_to() const;
  /// The sign-out redirect for the session's logout URL (or `after_sign_out` without one).
  authkit::Redirect signed_out(const Result<std::string>& logout_url) const;

 private:
  authkit::Decision signed_in_decision(const auth::SessionAuthentication& a) const;
  authkit::Decision sign_in_decision(const auth::SessionAuthentication& a,
                                     Result<authkit::Redirect> start) const;
  std::string cookie(std::string_view name, std::string_view value,
                     std::chrono::seconds max_age) const;

  authkit::AuthKitOptions options_;
  user_management::GetAuthorizationUrlParams authorize_;
};

}  // namespace workos::detail
