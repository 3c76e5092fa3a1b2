// Copyright workos-cpp authors. Handwritten.
#pragma once

// The AuthKit login example on Boost.Beast: an asynchronous HTTP server whose routes sign a
// user in with AuthKit (PKCE), keep the session in a sealed cookie, check it on every request
// (refreshing it when the access token expired) and sign the user out. Nothing blocks the
// server's thread: the session checks, refreshes and code exchanges are futures of an
// `AsyncClient`, and their answers are posted back to the connection.
//
//   GET /          home: who is signed in
//   GET /login     redirect to AuthKit (PKCE verifier + state kept in a short-lived sealed cookie)
//   GET /callback  code exchange, session cookie, redirect to /protected
//   GET /protected authenticate the cookie; refresh it when needed; else back to /login
//   GET /logout    clear the cookie, redirect to the WorkOS logout URL
//
// The adapter between Beast and `workos::authkit` is the three functions `incoming`,
// `add_cookies` and `redirect`; the rest is an ordinary Beast server.

#include <workos/async_client.h>
#include <workos/authkit/async_authkit.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/http.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace authkit_beast {

namespace http = boost::beast::http;
using Request = http::request<http::string_body>;
using Response = http::response<http::string_body>;

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

// ---- the adapter --------------------------------------------------------------------------------

/// What AuthKit needs from a Beast request (`remote`: the client's address).
workos::authkit::IncomingRequest incoming(const Request& req, const std::string& remote);
/// Adds each `Set-Cookie` value to `res`.
void add_cookies(Response& res, const std::vector<std::string>& cookies);
/// A 302 to `location` with `cookies`, answering `req`.
Response redirect(const Request& req, const std::string& location,
                  const std::vector<std::string>& cookies = {});

// ---- the app ------------------------------------------------------------------------------------

/// The routes. `handle` answers through `done`, at once or later on the SDK's event loop.
class App {
 public:
  /// Errors (`kConfiguration`) as `AsyncAuthKit::create`.
  static workos::Result<App> create(const workos::AsyncClient& client, const AppConfig& config);
  void handle(const Request& req, const std::string& remote,
              std::function<void(Response)> done) const;

 private:
  explicit App(workos::authkit::AsyncAuthKit authkit) : authkit_(std::move(authkit)) {}
  workos::authkit::AsyncAuthKit authkit_;
};

/// A Beast HTTP/1.1 server on `ioc`: listens on `endpoint` (port 0: any free port) and serves
/// each connection with keep-alive until it closes or stays idle for 30 s.
class Server {
 public:
  Server(boost::asio::io_context& ioc, const boost::asio::ip::tcp::endpoint& endpoint);
  /// The port it listens on (known before `start`, e.g. for the callback URL).
  unsigned short port() const;
  /// Starts accepting for `app`, which must outlive the server (run `ioc` to serve).
  void start(const App& app);

 private:
  struct Listener;
  std::shared_ptr<Listener> listener_;
};

}  // namespace authkit_beast
