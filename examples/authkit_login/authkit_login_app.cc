// Copyright workos-cpp authors. Handwritten.

#include "authkit_login_app.h"

#include <workos/authkit/authkit.h>

#include <memory>
#include <string>
#include <vector>

namespace authkit_login {
namespace {

void redirect(httplib::Response& res, const std::string& to) {
  res.status = 302;
  res.set_header("Location", to);
}

void add_cookies(httplib::Response& res, const std::vector<std::string>& cookies) {
  for (const auto& c : cookies) res.headers.emplace("Set-Cookie", c);
}

workos::authkit::IncomingRequest incoming(const httplib::Request& req) {
  workos::authkit::IncomingRequest in;
  in.target = req.target;
  in.cookie_header = req.get_header_value("Cookie");
  in.ip_address = req.remote_addr;
  in.user_agent = req.get_header_value("User-Agent");
  return in;
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

}  // namespace

std::string cookie_value(const httplib::Request& req, const std::string& name) {
  return workos::authkit::cookie_value(req.get_header_value("Cookie"), name);
}

void register_routes(httplib::Server& server, const workos::Client& client,
                     const AppConfig& config) {
  workos::authkit::AuthKitOptions o;
  o.redirect_uri = config.redirect_uri;
  o.cookie_password = config.cookie_password;
  o.session_cookie = config.session_cookie;
  o.sign_in_cookie = config.pkce_cookie;
  o.secure_cookies = config.secure_cookies;
  o.after_sign_in = "/protected";
  o.after_sign_out = config.home_url;
  auto authkit = std::make_shared<workos::authkit::AuthKit>(
      workos::authkit::AuthKit::create(client, o).value());

  server.Get("/", [authkit](const httplib::Request& req, httplib::Response& res) {
    workos::authkit::Decision d = authkit->protect(incoming(req));
    std::string body = "<h1>AuthKit login example</h1>";
    if (d && d.user->user) {
      add_cookies(res, d.set_cookies);
      body += "<p>Signed in as " + html_escape(d.user->user->email) +
              ". <a href=\"/protected\">Protected page</a> · <a href=\"/logout\">Log out</a></p>";
    } else {
      body += "<p><a href=\"/login\">Sign in</a></p>";
    }
    res.set_content(body, "text/html");
  });

  server.Get("/login", [authkit](const httplib::Request& req, httplib::Response& res) {
    auto start = authkit->sign_in(incoming(req));
    if (!start) {
      res.status = 500;
      res.set_content("cannot build the authorization URL", "text/plain");
      return;
    }
    add_cookies(res, start->set_cookies);
    redirect(res, start->location);
  });

  server.Get("/callback", [authkit](const httplib::Request& req, httplib::Response& res) {
    auto done = authkit->handle_callback(incoming(req));
    if (!done) {
      res.status = done.error().kind() == workos::ErrorKind::kInvalidArgument ? 400 : 401;
      res.set_content("sign-in failed: " + done.error().message(), "text/plain");
      return;
    }
    add_cookies(res, done->set_cookies);
    redirect(res, done->location);
  });

  server.Get("/protected", [authkit](const httplib::Request& req, httplib::Response& res) {
    workos::authkit::Decision d = authkit->protect(incoming(req));
    if (!d) {
      redirect(res, "/login");  // this example signs in through its own /login page
      return;
    }
    add_cookies(res, d.set_cookies);
    const workos::authkit::SignedInUser& u = *d.user;
    std::string body = "<h1>Protected</h1><p>Hello " +
                       html_escape(u.user ? u.user->email : u.user_id) + "</p><p>Session " +
                       html_escape(u.session_id) + "</p>";
    if (u.role) body += "<p>Role " + html_escape(*u.role) + "</p>";
    res.set_content(body, "text/html");
  });

  server.Get("/logout", [authkit](const httplib::Request& req, httplib::Response& res) {
    workos::authkit::Redirect out = authkit->sign_out(incoming(req));
    add_cookies(res, out.set_cookies);
    redirect(res, out.location);
  });
}

}  // namespace authkit_login
