// Copyright workos-cpp authors. Handwritten.
#pragma once

// What the route-protection examples' end-to-end tests share: an in-process fake of the WorkOS
// endpoints AuthKit uses (authorize redirect, authenticate with PKCE and refresh-token rotation,
// JWKS, logout) issuing real RS256 tokens, and a browser that keeps cookies and follows nothing
// by itself.

#include <workos/auth/pkce.h>

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include "support/auth_test_keys.h"
#include "support/http_test_helpers.h"
#include "support/loopback_server.h"

namespace workos::test::authkit {

using workos::test::json_string;
using workos::test::auth::TestClaims;
using workos::test::auth::TestRsaKey;

inline const std::string kClientId = "client_e2e";
inline const std::string kApiKey = "sk_test_e2e_secret";
inline const std::string kPassword = "e2e-cookie-password-with-32+characters";

// The WorkOS side: AuthKit authorize (redirects straight back with a code), the authenticate
// endpoint (authorization_code with PKCE, refresh_token with rotation), JWKS, logout.
class FakeWorkOS {
 public:
  FakeWorkOS() {
    server.on("GET", "/user_management/authorize", [this](const auto& req, auto& res) {
      std::lock_guard<std::mutex> lock(mu);
      if (req.get_param_value("client_id") != kClientId ||
          req.get_param_value("response_type") != "code" ||
          req.get_param_value("code_challenge_method") != "S256") {
        res.status = 400;
        return;
      }
      challenge = req.get_param_value("code_challenge");
      code = "code_" + std::to_string(++issued);
      res.status = 302;
      res.set_header("Location", req.get_param_value("redirect_uri") + "?code=" + code +
                                     "&state=" + req.get_param_value("state"));
    });
    server.on("POST", "/user_management/authenticate", [this](const auto& req, auto& res) {
      std::lock_guard<std::mutex> lock(mu);
      const std::string grant = json_string(req.body, "grant_type");
      if (json_string(req.body, "client_id") != kClientId ||
          json_string(req.body, "client_secret") != kApiKey) {
        res.status = 401;
        res.set_content(R"({"message":"bad client"})", "application/json");
        return;
      }
      if (grant == "authorization_code") {
        const std::string verifier = json_string(req.body, "code_verifier");
        if (json_string(req.body, "code") != code ||
            workos::auth::code_challenge_s256(verifier) != challenge) {
          res.status = 400;
          res.set_content(R"({"error":"invalid_grant","error_description":"PKCE"})",
                          "application/json");
          return;
        }
        code.clear();  // one use
        ++code_exchanges;
      } else if (grant == "refresh_token") {
        if (json_string(req.body, "refresh_token") != refresh_token) {
          res.status = 400;
          res.set_content(R"({"error":"invalid_grant","error_description":"used"})",
                          "application/json");
          return;
        }
        ++refreshes;
      } else {
        res.status = 400;
        return;
      }
      refresh_token = "rt_" + std::to_string(++issued);
      TestClaims c;
      c.sid = "session_e2e";
      c.sub = "user_e2e";
      if (expired_next) {
        c.issued_ago = std::chrono::hours(1);  // already expired: forces a refresh
        expired_next = false;
      }
      const std::string token = workos::test::auth::mint_access_token(*key, c);
      res.set_content(
          R"({"user":{"object":"user","id":"user_e2e","email":"grace@example.com",)"
          R"("first_name":"Grace","last_name":"Hopper","profile_picture_url":null,)"
          R"("email_verified":true,"external_id":null,"last_sign_in_at":null,)"
          R"("created_at":"2024-01-01T00:00:00.000Z","updated_at":"2024-01-01T00:00:00.000Z"},)"
          R"("organization_id":"org_01TEST","access_token":")" +
              token + R"(","refresh_token":")" + refresh_token +
              R"(","authentication_method":"GoogleOAuth"})",
          "application/json");
    });
    server.on("GET", "/sso/jwks/" + kClientId, [this](const auto&, auto& res) {
      res.set_content(workos::test::auth::jwks_json({key}), "application/json");
    });
    server.on("GET", "/user_management/sessions/logout", [](const auto& req, auto& res) {
      res.status = 302;
      res.set_header("Location", req.get_param_value("return_to"));
    });
  }

  std::shared_ptr<const TestRsaKey> key = TestRsaKey::shared("e2e_key");
  workos::test::LoopbackServer server;
  std::mutex mu;
  std::string challenge, code, refresh_token;
  int issued = 0;
  std::atomic<int> code_exchanges{0}, refreshes{0};
  bool expired_next = true;
};

// A browser: follows nothing by itself, keeps cookies per name.
struct Browser {
  std::map<std::string, std::string> cookies;
  httplib::Result get(const std::string& base, const std::string& path) {
    httplib::Client cli(base);
    httplib::Headers headers;
    std::string jar;
    for (const auto& [k, v] : cookies) jar += (jar.empty() ? "" : "; ") + k + "=" + v;
    if (!jar.empty()) headers.emplace("Cookie", jar);
    auto r = cli.Get(path, headers);
    if (r) {
      for (const auto& [name, value] : r->headers) {
        if (name != "Set-Cookie") continue;
        const auto eq = value.find('='), semi = value.find(';');
        const std::string k = value.substr(0, eq), v = value.substr(eq + 1, semi - eq - 1);
        if (v.empty() || value.find("Max-Age=0") != std::string::npos)
          cookies.erase(k);
        else
          cookies[k] = v;
      }
    }
    return r;
  }
};

// "http://host:port/path?query" -> {"http://host:port", "/path?query"}.
inline std::pair<std::string, std::string> split_url(const std::string& url) {
  const auto slash = url.find('/', url.find("//") + 2);
  return {url.substr(0, slash), slash == std::string::npos ? "/" : url.substr(slash)};
}

// Drives an example app at `app_url` (routes /, /login, /callback, /protected, /logout; cookies
// wos_session and wos_pkce) through the whole flow against `workos_fake`: not signed in, sign-in
// through AuthKit with PKCE, a refresh of the expired first token, signed in, sign-out, and a
// forged callback refused.
inline void expect_the_whole_flow(FakeWorkOS& workos_fake, const std::string& app_url) {
  Browser browser;
  // 1. Not signed in: the protected page sends us to /login.
  auto r = browser.get(app_url, "/protected");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 302);
  EXPECT_EQ(r->get_header_value("Location"), "/login");

  // 2. /login redirects to AuthKit with a PKCE challenge and sets the PKCE cookie.
  r = browser.get(app_url, "/login");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 302);
  const std::string authorize = r->get_header_value("Location");
  EXPECT_EQ(authorize.rfind(workos_fake.server.base_url() + "/user_management/authorize?", 0), 0u);
  EXPECT_EQ(browser.cookies.count("wos_pkce"), 1u);

  // 3. AuthKit redirects back with a code; the callback exchanges it and sets the session.
  auto [fake_base, fake_path] = split_url(authorize);
  r = browser.get(fake_base, fake_path);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 302);
  auto [cb_base, cb_path] = split_url(r->get_header_value("Location"));
  EXPECT_EQ(cb_base, app_url);
  r = browser.get(app_url, cb_path);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 302) << r->body;
  EXPECT_EQ(r->get_header_value("Location"), "/protected");
  EXPECT_EQ(workos_fake.code_exchanges.load(), 1);
  ASSERT_EQ(browser.cookies.count("wos_session"), 1u);
  EXPECT_EQ(browser.cookies.count("wos_pkce"), 0u);
  const std::string first_cookie = browser.cookies["wos_session"];

  // 4. The first access token is already expired: the protected page refreshes it, serves the
  //    page and hands out a new cookie.
  r = browser.get(app_url, "/protected");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_NE(r->body.find("grace@example.com"), std::string::npos);
  EXPECT_NE(r->body.find("session_e2e"), std::string::npos);
  EXPECT_EQ(workos_fake.refreshes.load(), 1);
  EXPECT_NE(browser.cookies["wos_session"], first_cookie);

  // 5. With the fresh cookie: served again with no further refresh.
  r = browser.get(app_url, "/protected");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(workos_fake.refreshes.load(), 1);
  r = browser.get(app_url, "/");
  ASSERT_TRUE(r);
  EXPECT_NE(r->body.find("Signed in as grace@example.com"), std::string::npos);

  // 6. Logout: cookie cleared, sent to the WorkOS logout URL for this session.
  r = browser.get(app_url, "/logout");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 302);
  const std::string logout = r->get_header_value("Location");
  EXPECT_NE(logout.find("/user_management/sessions/logout?session_id=session_e2e"),
            std::string::npos)
      << logout;
  EXPECT_EQ(browser.cookies.count("wos_session"), 0u);
  r = browser.get(app_url, "/protected");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 302);

  // A forged callback (state mismatch) is refused.
  r = browser.get(app_url, "/callback?code=x&state=forged");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
}

}  // namespace workos::test::authkit
