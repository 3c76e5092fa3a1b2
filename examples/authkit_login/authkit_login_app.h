// Copyright workos-cpp authors. Handwritten.
#pragma once

// The AuthKit login example as a reusable piece: routes for a cpp-httplib server that sign a
// user in with AuthKit (PKCE), keep the session in a sealed cookie, check it on every request
// (refreshing it when the access token expired) and sign the user out.
//
//   GET /          home: who is signed in
//   GET /login     redirect to AuthKit (PKCE verifier + state kept in a short-lived sealed cookie)
//   GET /callback  code exchange, session cookie, redirect to /protected
//   GET /protected authenticate the cookie; refresh it when needed; else back to /login
//   GET /logout    clear the cookie, redirect to the WorkOS logout URL

#include <workos/client.h>
#include <workos/user_management/user_management_client.h>

#include <httplib.h>

#include <string>

namespace authkit_login {

struct AppConfig {
  /// Where WorkOS sends the browser back to (must be registered in the WorkOS dashboard).
  std::string redirect_uri = "http://localhost:3000/callback";
  /// Where the browser lands after logout.
  std::string home_url = "http://localhost:3000/";
  /// Password that seals the cookies (at least 32 characters; WORKOS_COOKIE_PASSWORD).
  std::string cookie_password;
  /// Mark cookies `Secure` (turn off only for plain-http local development).
  bool secure_cookies = true;
  std::string session_cookie = "wos_session";
  std::string pkce_cookie = "wos_pkce";
};

/// Registers the routes on `server`. `client` and `config` must outlive the server.
void register_routes(httplib::Server& server, const workos::Client& client,
                     const AppConfig& config);

/// The value of cookie `name` in the request's Cookie header, or empty.
std::string cookie_value(const httplib::Request& req, const std::string& name);

}  // namespace authkit_login
