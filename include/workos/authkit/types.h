// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// What route protection (`workos::authkit::AuthKit` and `AsyncAuthKit`) takes and answers:
/// the options, the incoming request, the decision for a protected route and the redirects of
/// the sign-in, callback and sign-out, plus the cookie helpers both share.

#include <workos/auth/access_token.h>
#include <workos/auth/session.h>
#include <workos/user_management/models.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace workos::authkit {

/// How the session and sign-in cookies are set and where the browser goes.
struct AuthKitOptions {
  /// The callback URL registered in the WorkOS dashboard (required).
  std::string redirect_uri;
  /// Seals the cookies (required; at least 32 characters, e.g. `openssl rand -base64 32`).
  std::string cookie_password;
  /// The session cookie's name.
  std::string session_cookie = "wos-session";
  /// The short-lived cookie that carries the PKCE verifier, the state and the return path
  /// between the sign-in redirect and the callback (sealed).
  std::string sign_in_cookie = "wos-auth-verifier";
  /// `Secure` on every cookie (turn off only for plain-http local development).
  bool secure_cookies = true;
  /// `Path` of the cookies.
  std::string cookie_path = "/";
  /// `Max-Age` of the session cookie (the refresh token keeps the session alive that long).
  std::chrono::seconds session_max_age{400L * 24 * 3600};
  /// `Max-Age` of the sign-in cookie: how long a sign-in may take.
  std::chrono::seconds sign_in_max_age{600};
  /// Where the callback sends the browser when the sign-in started without a return path.
  std::string after_sign_in = "/";
  /// Where the WorkOS logout sends the browser afterwards (`return_to`; empty: WorkOS's
  /// default). Also where `sign_out` goes when there is no session to end.
  std::string after_sign_out;
};

/// What a request carries that AuthKit needs.
struct IncomingRequest {
  /// The request target: path and query (`/reports?id=7`); the path becomes the return path.
  std::string target = "/";
  /// The whole `Cookie` header (may be empty).
  std::string cookie_header;
  /// The client's address and user agent, passed to WorkOS with token requests (Radar).
  std::string ip_address;
  std::string user_agent;  ///< The client's `User-Agent`.
};

/// Who is signed in, from the verified access token (and the user in the cookie).
struct SignedInUser {
  std::string user_id;                         ///< `sub`: the user (`user_...`).
  std::string session_id;                      ///< `sid`: the session (`session_...`).
  std::optional<std::string> organization_id;  ///< The organization the session is scoped to.
  std::optional<std::string> role;             ///< The user's role slug there.
  std::vector<std::string> roles;              ///< All role slugs.
  std::vector<std::string> permissions;        ///< Permission slugs.
  std::vector<std::string> entitlements;       ///< Entitlement slugs.
  std::vector<std::string> feature_flags;      ///< Feature flags carried by the token.
  /// Set when a WorkOS dashboard user is impersonating this user.
  std::optional<auth::TokenActor> impersonator;
  /// The user stored in the cookie, when it holds one.
  std::optional<workos::User> user;
  /// The verified access token (to call your other services).
  std::string access_token;
};

/// The answer for one request.
struct Decision {
  /// What the server should do.
  enum class Outcome {
    kSignedIn,   ///< Valid session: serve the request.
    kRefreshed,  ///< The access token was refreshed: serve it, and send `set_cookies`.
    kSignIn,     ///< No valid session: send `set_cookies` and redirect to `redirect_to`.
  };
  Outcome outcome = Outcome::kSignIn;    ///< What to do with the request.
  std::optional<SignedInUser> user;      ///< With kSignedIn and kRefreshed.
  std::vector<std::string> set_cookies;  ///< `Set-Cookie` values to send with the answer.
  std::string redirect_to;               ///< With kSignIn: the AuthKit sign-in URL.
  /// With kSignIn: why (`kNoSessionCookieProvided`, `kRefreshDenied`, ...).
  auth::SessionFailure reason = auth::SessionFailure::kNone;
  /// True when the request may be served.
  explicit operator bool() const noexcept { return outcome != Outcome::kSignIn; }
};

/// A redirect with the cookies to set on it.
struct Redirect {
  std::string location;                  ///< Where to send the browser (`Location`).
  std::vector<std::string> set_cookies;  ///< `Set-Cookie` values to send with the redirect.
  std::optional<SignedInUser> user;      ///< After a callback: who signed in.
};

/// The value of cookie `name` in a `Cookie` header, or empty.
std::string cookie_value(std::string_view cookie_header, std::string_view name);
/// A `Set-Cookie` value with the attributes of `options` (`HttpOnly; SameSite=Lax; Path;
/// Max-Age`, `Secure` unless turned off); an empty `value` with max-age 0 deletes the cookie.
std::string set_cookie(const AuthKitOptions& options, std::string_view name, std::string_view value,
                       std::chrono::seconds max_age);

}  // namespace workos::authkit
