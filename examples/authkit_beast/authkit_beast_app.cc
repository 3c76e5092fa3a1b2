// Copyright workos-cpp authors. Handwritten.

#include "authkit_beast_app.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>

#include <chrono>
#include <utility>

namespace authkit_beast {
namespace {

namespace beast = boost::beast;
namespace net = boost::asio;
using tcp = net::ip::tcp;

Response page(const Request& req, http::status status, std::string body,
              const char* type = "text/html") {
  Response res{status, req.version()};
  res.set(http::field::content_type, type);
  res.keep_alive(req.keep_alive());
  res.body() = std::move(body);
  res.prepare_payload();
  return res;
}

std::string html_escape(const std::string& s) {
  std::string out;
  for (char ch : s) {
    switch (ch) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

// One connection: read a request, hand it to the app, write the answer when it comes (posted
// back to the connection's strand), repeat while the client keeps the connection alive.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, const App& app) : stream_(std::move(socket)), app_(app) {
    beast::error_code ec;
    const auto peer = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ = peer.address().to_string();
  }
  void start() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read(); });
  }

 private:
  void read() {
    req_ = {};
    stream_.expires_after(std::chrono::seconds(30));
    http::async_read(
        stream_, buffer_, req_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
          if (ec) return self->close();
          self->app_.handle(self->req_, self->remote_, [self](Response res) {
            net::post(self->stream_.get_executor(),
                      [self, res = std::move(res)]() mutable { self->write(std::move(res)); });
          });
        });
  }
  void write(Response res) {
    auto owned = std::make_shared<Response>(std::move(res));
    http::async_write(stream_, *owned,
                      [self = shared_from_this(), owned](beast::error_code ec, std::size_t) {
                        if (ec || !owned->keep_alive()) return self->close();
                        self->read();
                      });
  }
  void close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  Request req_;
  const App& app_;
  std::string remote_;
};

}  // namespace

workos::authkit::IncomingRequest incoming(const Request& req, const std::string& remote) {
  workos::authkit::IncomingRequest in;
  in.target = std::string(req.target());
  in.cookie_header = std::string(req[http::field::cookie]);
  in.ip_address = remote;
  in.user_agent = std::string(req[http::field::user_agent]);
  return in;
}

void add_cookies(Response& res, const std::vector<std::string>& cookies) {
  for (const auto& c : cookies) res.insert(http::field::set_cookie, c);
}

Response redirect(const Request& req, const std::string& location,
                  const std::vector<std::string>& cookies) {
  Response res = page(req, http::status::found, "");
  res.set(http::field::location, location);
  add_cookies(res, cookies);
  return res;
}

workos::Result<App> App::create(const workos::AsyncClient& client, const AppConfig& config) {
  workos::authkit::AuthKitOptions o;
  o.redirect_uri = config.redirect_uri;
  o.cookie_password = config.cookie_password;
  o.session_cookie = config.session_cookie;
  o.sign_in_cookie = config.pkce_cookie;
  o.secure_cookies = config.secure_cookies;
  o.after_sign_in = "/protected";
  o.after_sign_out = config.home_url;
  auto authkit = workos::authkit::AsyncAuthKit::create(client, std::move(o));
  if (!authkit) return authkit.error();
  return App(std::move(*authkit));
}

void App::handle(const Request& req, const std::string& remote,
                 std::function<void(Response)> done) const {
  const workos::authkit::IncomingRequest in = incoming(req, remote);
  const std::string path = in.target.substr(0, in.target.find('?'));
  if (req.method() != http::verb::get) {
    return done(page(req, http::status::method_not_allowed, "GET only", "text/plain"));
  }
  if (path == "/login") {
    auto start = authkit_.sign_in(in);
    if (!start) {
      return done(page(req, http::status::internal_server_error,
                       "cannot build the authorization URL", "text/plain"));
    }
    return done(redirect(req, start->location, start->set_cookies));
  }
  if (path == "/callback") {
    // The answer comes through `done`; the future of the continuation itself is not needed.
    static_cast<void>(
        authkit_.handle_callback(in).then([req, done](workos::Result<workos::authkit::Redirect> r) {
          if (!r) {
            const bool bad = r.error().kind() == workos::ErrorKind::kInvalidArgument;
            return done(page(req, bad ? http::status::bad_request : http::status::unauthorized,
                             "sign-in failed: " + r.error().message(), "text/plain"));
          }
          done(redirect(req, r->location, r->set_cookies));
        }));
    return;
  }
  if (path == "/logout") {
    static_cast<void>(
        authkit_.sign_out(in).then([req, done](workos::Result<workos::authkit::Redirect> r) {
          if (!r) return done(page(req, http::status::service_unavailable, "", "text/plain"));
          done(redirect(req, r->location, r->set_cookies));
        }));
    return;
  }
  if (path != "/" && path != "/protected") {
    return done(page(req, http::status::not_found, "not found", "text/plain"));
  }
  static_cast<void>(authkit_.protect(in).then([req, done,
                                               path](workos::Result<workos::authkit::Decision> r) {
    if (!r) return done(page(req, http::status::service_unavailable, "", "text/plain"));
    const workos::authkit::Decision& d = *r;
    if (path == "/") {
      std::string body = "<h1>AuthKit login example</h1>";
      if (d && d.user->user) {
        body += "<p>Signed in as " + html_escape(d.user->user->email) +
                ". <a href=\"/protected\">Protected page</a> · <a href=\"/logout\">Log out</a></p>";
      } else {
        body += "<p><a href=\"/login\">Sign in</a></p>";
      }
      Response res = page(req, http::status::ok, std::move(body));
      if (d) add_cookies(res, d.set_cookies);
      return done(std::move(res));
    }
    // This example signs in through its own /login page.
    if (!d) return done(redirect(req, "/login"));
    const workos::authkit::SignedInUser& u = *d.user;
    std::string body = "<h1>Protected</h1><p>Hello " +
                       html_escape(u.user ? u.user->email : u.user_id) + "</p><p>Session " +
                       html_escape(u.session_id) + "</p>";
    if (u.role) body += "<p>Role " + html_escape(*u.role) + "</p>";
    Response res = page(req, http::status::ok, std::move(body));
    add_cookies(res, d.set_cookies);
    done(std::move(res));
  }));
}

struct Server::Listener : std::enable_shared_from_this<Listener> {
  Listener(net::io_context& io, const tcp::endpoint& endpoint)
      : ioc(io), acceptor(net::make_strand(io)) {
    acceptor.open(endpoint.protocol());
    acceptor.set_option(net::socket_base::reuse_address(true));
    acceptor.bind(endpoint);
    acceptor.listen(net::socket_base::max_listen_connections);
  }
  void accept() {
    acceptor.async_accept(net::make_strand(ioc),
                          [self = shared_from_this()](beast::error_code ec, tcp::socket socket) {
                            if (ec) return;  // the acceptor was closed: stop accepting
                            std::make_shared<Session>(std::move(socket), *self->app)->start();
                            self->accept();
                          });
  }
  net::io_context& ioc;
  tcp::acceptor acceptor;
  const App* app = nullptr;
};

Server::Server(net::io_context& ioc, const tcp::endpoint& endpoint)
    : listener_(std::make_shared<Listener>(ioc, endpoint)) {}

unsigned short Server::port() const {
  return listener_->acceptor.local_endpoint().port();
}

void Server::start(const App& app) {
  listener_->app = &app;
  listener_->accept();
}

}  // namespace authkit_beast
