// Copyright workos-cpp authors. Handwritten.

#include "authkit_login_app.h"

#include <workos/auth/session.h>

#include <memory>

namespace authkit_login {
namespace {

std::string set_cookie(const AppConfig& c, const std::string& name, const std::string& value,
                       int max_age_seconds) {
  std::string out = name + "=" + value +
                    "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age_seconds);
  if (c.secure_cookies) out += "; Secure";
  return out;
}

void redirect(httplib::Response& res, const std::string& to) {
  res.status = 302;
  res.set_header("Location", to);
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

// The PKCE verifier and state travel in a sealed, short-lived cookie between /login and
// /callback (sealed with the same password; never readable or forgeable by the browser).
std::string seal_pkce(const AppConfig& c, const std::string& state, const std::string& verifier) {
  auto sealed = workos::auth::seal_data(
      "{\"state\":\"" + state + "\",\"verifier\":\"" + verifier + "\"}", c.cookie_password);
  return sealed ? *sealed : std::string();
}

}  // namespace

std::string cookie_value(const httplib::Request& req, const std::string& name) {
  const std::string header = req.get_header_value("Cookie");
  std::size_t pos = 0;
  while (pos < header.size()) {
    std::size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    std::string part = header.substr(pos, end - pos);
    const std::size_t first = part.find_first_not_of(' ');
    if (first != std::string::npos) part = part.substr(first);
    if (part.compare(0, name.size() + 1, name + "=") == 0) return part.substr(name.size() + 1);
    pos = end + 1;
  }
  return {};
}

void register_routes(httplib::Server& server, const workos::Client& client,
                     const AppConfig& config) {
  server.Get("/", [&](const httplib::Request& req, httplib::Response& res) {
    auto auth =
        client.user_management()
            .load_sealed_session(cookie_value(req, config.session_cookie), config.cookie_password)
            .authenticate();
    std::string body = "<h1>AuthKit login example</h1>";
    if (auth && auth.user) {
      body += "<p>Signed in as " + html_escape(auth.user->email) +
              ". <a href=\"/protected\">Protected page</a> · <a href=\"/logout\">Log out</a></p>";
    } else {
      body += "<p><a href=\"/login\">Sign in</a></p>";
    }
    res.set_content(body, "text/html");
  });

  // Built once: AuthKit as the provider, our callback as the redirect URI.
  auto authorize = std::make_shared<workos::user_management::GetAuthorizationUrlParams>();
  authorize->provider = workos::UserManagementGetAuthorizationUrlProvider::kAuthkit;
  authorize->redirect_uri = config.redirect_uri;
  server.Get("/login", [&, authorize](const httplib::Request&, httplib::Response& res) {
    auto url = client.user_management().get_authorization_url_with_pkce(*authorize);
    if (!url) {
      res.status = 500;
      res.set_content("cannot build the authorization URL", "text/plain");
      return;
    }
    res.set_header("Set-Cookie",
                   set_cookie(config, config.pkce_cookie,
                              seal_pkce(config, url->state, url->code_verifier), 600));
    redirect(res, url->url);
  });

  server.Get("/callback", [&](const httplib::Request& req, httplib::Response& res) {
    const std::string code = req.get_param_value("code");
    const std::string state = req.get_param_value("state");
    auto pkce =
        workos::auth::unseal_data(cookie_value(req, config.pkce_cookie), config.cookie_password);
    // The sealed cookie holds {"state":"...","verifier":"..."} (base64url values, no escapes).
    std::string expected_state, verifier;
    if (pkce) {
      auto field = [&](const std::string& key) {
        const std::string needle = "\"" + key + "\":\"";
        auto at = pkce->find(needle);
        if (at == std::string::npos) return std::string();
        at += needle.size();
        return pkce->substr(at, pkce->find('"', at) - at);
      };
      expected_state = field("state");
      verifier = field("verifier");
    }
    if (code.empty() || expected_state.empty() || state != expected_state) {
      res.status = 400;
      res.set_content("invalid callback (state mismatch)", "text/plain");
      return;
    }
    workos::user_management::AuthenticateWithCodeParams p;
    p.code = code;
    p.code_verifier = verifier;
    p.ip_address = req.remote_addr;
    p.user_agent = req.get_header_value("User-Agent");
    auto auth = client.user_management().authenticate_with_code(p);
    if (!auth) {
      res.status = 401;
      res.set_content("sign-in failed: " + auth.error().message(), "text/plain");
      return;
    }
    auto sealed = workos::auth::seal_session_from_auth_response(*auth, config.cookie_password);
    if (!sealed) {
      res.status = 500;
      res.set_content("cannot seal the session", "text/plain");
      return;
    }
    res.set_header("Set-Cookie", set_cookie(config, config.session_cookie, *sealed, 30 * 86400));
    res.headers.emplace("Set-Cookie", set_cookie(config, config.pkce_cookie, "", 0));
    redirect(res, "/protected");
  });

  server.Get("/protected", [&](const httplib::Request& req, httplib::Response& res) {
    auto session = client.user_management().load_sealed_session(
        cookie_value(req, config.session_cookie), config.cookie_password);
    workos::auth::SessionAuthentication auth = session.authenticate();
    if (!auth && auth.reason == workos::auth::SessionFailure::kInvalidJwt) {
      // Usually an expired access token: refresh, and hand the browser the new cookie.
      workos::auth::RefreshOptions ro;
      ro.ip_address = req.remote_addr;
      ro.user_agent = req.get_header_value("User-Agent");
      workos::auth::SessionRefresh refreshed = session.refresh(ro);
      if (refreshed) {
        res.set_header("Set-Cookie", set_cookie(config, config.session_cookie,
                                                refreshed.sealed_session, 30 * 86400));
      }
      auth = refreshed;
    }
    if (!auth) {
      redirect(res, "/login");
      return;
    }
    std::string body = "<h1>Protected</h1><p>Hello " +
                       html_escape(auth.user ? auth.user->email : auth.claims.sub) +
                       "</p><p>Session " + html_escape(auth.session_id()) + "</p>";
    if (auth.claims.role) body += "<p>Role " + html_escape(*auth.claims.role) + "</p>";
    res.set_content(body, "text/html");
  });

  server.Get("/logout", [&](const httplib::Request& req, httplib::Response& res) {
    auto session = client.user_management().load_sealed_session(
        cookie_value(req, config.session_cookie), config.cookie_password);
    auto url = session.get_logout_url(config.home_url);
    res.set_header("Set-Cookie", set_cookie(config, config.session_cookie, "", 0));
    redirect(res, url ? *url : config.home_url);
  });
}

}  // namespace authkit_login
