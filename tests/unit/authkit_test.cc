// Copyright workos-cpp authors. Handwritten.
// Route protection (workos::authkit) through the fake transport, each case through both
// clients (AuthKit over Client, AsyncAuthKit over AsyncClient): the sign-in redirect and its
// sealed PKCE cookie, the callback (state check, PKCE code exchange, session cookie, return
// path), signed-in and refreshed decisions with the token's claims, a denied refresh, the
// sign-out, cookie attributes, and the configuration checks.

#include <workos/async_client.h>
#include <workos/auth/pkce.h>
#include <workos/authkit/async_authkit.h>
#include <workos/authkit/authkit.h>
#include <workos/client.h>
#include <workos/testing/fake_transport.h>

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "async_helpers_support.h"
#include "core/json.h"
#include "support/auth_test_keys.h"
#include "support/http_test_helpers.h"

namespace {

using workos::test::json_string;
using workos::test::query_of;

using workos::authkit::AsyncAuthKit;
using workos::authkit::AuthKit;
using workos::authkit::Decision;
using workos::authkit::IncomingRequest;
using workos::test::auth::TestClaims;
using workos::test::auth::TestRsaKey;
using workos::testing::FakeTransport;

const std::string kPassword = "authkit-test-cookie-password-32-chars!!";

// "name=value; Path=/; ..." -> {name, value}.
std::pair<std::string, std::string> cookie_of(const std::string& set_cookie) {
  const auto eq = set_cookie.find('=');
  const auto semi = set_cookie.find(';');
  return {set_cookie.substr(0, eq), set_cookie.substr(eq + 1, semi - eq - 1)};
}

// One face for both kinds: the blocking AuthKit, or AsyncAuthKit's futures waited on (bounded,
// so a future that never completes fails the test instead of hanging it).
struct Kit {
  std::optional<AuthKit> sync;
  std::optional<AsyncAuthKit> async;

  Decision protect(const IncomingRequest& r) const {
    return sync ? sync->protect(r) : async_helpers::await(async->protect(r)).value();
  }
  workos::Result<workos::authkit::Redirect> sign_in(const IncomingRequest& r,
                                                    std::string_view return_to) const {
    return sync ? sync->sign_in(r, return_to) : async->sign_in(r, return_to);
  }
  workos::Result<workos::authkit::Redirect> handle_callback(const IncomingRequest& r) const {
    return sync ? sync->handle_callback(r) : async_helpers::await(async->handle_callback(r));
  }
  workos::authkit::Redirect sign_out(const IncomingRequest& r) const {
    return sync ? sync->sign_out(r) : async_helpers::await(async->sign_out(r)).value();
  }
};

struct AuthKitTest : ::testing::TestWithParam<bool> {
  std::shared_ptr<const TestRsaKey> key = TestRsaKey::shared("authkit_key");
  std::shared_ptr<FakeTransport> fake = std::make_shared<FakeTransport>();
  std::mutex mu;
  std::string last_verifier;
  int refreshes = 0;
  int issued = 0;
  bool deny_refresh = false;
  bool expired_tokens = false;

  void SetUp() override {
    fake->set_handler([this](const workos::HttpRequest& r) -> workos::Result<workos::HttpResponse> {
      std::lock_guard<std::mutex> lock(mu);
      if (r.url.find("/sso/jwks/") != std::string::npos)
        return FakeTransport::json(200, workos::test::auth::jwks_json({key}));
      if (r.url.find("/user_management/authenticate") != std::string::npos) {
        const std::string grant = json_string(r.body, "grant_type");
        if (grant == "authorization_code") last_verifier = json_string(r.body, "code_verifier");
        if (grant == "refresh_token") {
          ++refreshes;
          if (deny_refresh) return FakeTransport::json(400, R"({"error":"invalid_grant"})");
        }
        TestClaims c;
        c.role = "admin";
        if (expired_tokens && grant == "authorization_code") c.issued_ago = std::chrono::hours(1);
        return FakeTransport::json(
            200, R"({"user":{"object":"user","id":"user_01TEST","email":"ada@example.com",)"
                 R"("first_name":"Ada","last_name":"Lovelace","profile_picture_url":null,)"
                 R"("email_verified":true,"external_id":null,"last_sign_in_at":null,)"
                 R"("created_at":"2024-01-01T00:00:00.000Z",)"
                 R"("updated_at":"2024-01-01T00:00:00.000Z"},"organization_id":"org_01TEST",)"
                 R"("access_token":")" +
                     workos::test::auth::mint_access_token(*key, c) + R"(","refresh_token":"rt_)" +
                     std::to_string(++issued) + R"(","authentication_method":"SSO"})");
      }
      return FakeTransport::json(404, "{}");
    });
  }
  workos::Client client() {
    workos::ClientOptions o;
    o.api_key = "sk_test_authkit";
    o.client_id = "client_authkit";
    o.transport = fake;
    o.max_retries = 0;
    return workos::Client(o);
  }
  // An AuthKit of the kind under test (GetParam(): async).
  workos::Result<Kit> make(const workos::authkit::AuthKitOptions& o) {
    Kit kit;
    if (GetParam()) {
      if (!async_client) async_client.emplace(client());
      auto k = AsyncAuthKit::create(*async_client, o);
      if (!k) return k.error();
      kit.async = std::move(*k);
    } else {
      auto k = AuthKit::create(client(), o);
      if (!k) return k.error();
      kit.sync = std::move(*k);
    }
    return kit;
  }
  std::optional<workos::AsyncClient> async_client;

  workos::authkit::AuthKitOptions options() {
    workos::authkit::AuthKitOptions o;
    o.redirect_uri = "https://app.example.com/callback";
    o.cookie_password = kPassword;
    o.after_sign_out = "https://app.example.com/";
    return o;
  }
  // Signs in from `target`: protect() -> AuthKit URL -> callback. Returns the callback's
  // redirect (session cookie in it).
  workos::authkit::Redirect sign_in_from(const Kit& authkit, const std::string& target) {
    IncomingRequest first;
    first.target = target;
    Decision d = authkit.protect(first);
    EXPECT_FALSE(d);
    EXPECT_EQ(d.reason, workos::auth::SessionFailure::kNoSessionCookieProvided);
    const auto sign_in_cookie = cookie_of(d.set_cookies.at(0));
    EXPECT_EQ(sign_in_cookie.first, "wos-auth-verifier");
    const auto q = query_of(d.redirect_to);
    IncomingRequest back;
    back.target = "/callback?code=code_1&state=" + q.at("state");
    back.cookie_header = "other=1; wos-auth-verifier=" + sign_in_cookie.second;
    auto done = authkit.handle_callback(back);
    EXPECT_TRUE(done) << done.error().to_string();
    // The code went with the verifier whose challenge was in the AuthKit URL.
    std::lock_guard<std::mutex> lock(mu);
    EXPECT_EQ(workos::auth::code_challenge_s256(last_verifier), q.at("code_challenge"));
    return done ? *done : workos::authkit::Redirect{};
  }
};

TEST_P(AuthKitTest, SignInCallbackThenSignedInWithTheClaims) {
  auto authkit = make(options()).value();
  IncomingRequest first;
  first.target = "/reports?id=7";
  Decision d = authkit.protect(first);
  ASSERT_FALSE(d);
  EXPECT_EQ(d.redirect_to.rfind("https://api.workos.com/user_management/authorize?", 0), 0u);
  const auto q = query_of(d.redirect_to);
  EXPECT_EQ(q.at("provider"), "authkit");
  EXPECT_EQ(q.at("redirect_uri"), "https://app.example.com/callback");
  EXPECT_EQ(q.at("code_challenge_method"), "S256");
  ASSERT_EQ(d.set_cookies.size(), 1u);
  const std::string& c = d.set_cookies[0];
  EXPECT_NE(c.find("; Path=/; HttpOnly; SameSite=Lax; Max-Age=600; Secure"), std::string::npos)
      << c;

  auto done = sign_in_from(authkit, "/reports?id=7");
  EXPECT_EQ(done.location, "/reports");  // where the sign-in started
  ASSERT_EQ(done.set_cookies.size(), 2u);
  const auto session = cookie_of(done.set_cookies[0]);
  EXPECT_EQ(session.first, "wos-session");
  EXPECT_NE(done.set_cookies[0].find("Max-Age=34560000"), std::string::npos);
  EXPECT_NE(done.set_cookies[1].find("wos-auth-verifier=; "), std::string::npos);
  EXPECT_NE(done.set_cookies[1].find("Max-Age=0"), std::string::npos);

  IncomingRequest next;
  next.target = "/reports";
  next.cookie_header = "wos-session=" + session.second;
  Decision signed_in = authkit.protect(next);
  ASSERT_TRUE(signed_in);
  EXPECT_EQ(signed_in.outcome, Decision::Outcome::kSignedIn);
  EXPECT_TRUE(signed_in.set_cookies.empty());
  const auto& u = *signed_in.user;
  EXPECT_EQ(u.user_id, "user_01TEST");
  EXPECT_EQ(u.session_id, "session_01TEST");
  EXPECT_EQ(u.organization_id.value_or(""), "org_01TEST");
  EXPECT_EQ(u.role.value_or(""), "admin");
  EXPECT_EQ(u.permissions, (std::vector<std::string>{"posts:read", "posts:write"}));
  EXPECT_EQ(u.entitlements, std::vector<std::string>{"audit-logs"});
  ASSERT_TRUE(u.user);
  EXPECT_EQ(u.user->email, "ada@example.com");
  EXPECT_FALSE(u.impersonator);
}

TEST_P(AuthKitTest, AnExpiredAccessTokenIsRefreshedAndADeniedRefreshSignsOut) {
  expired_tokens = true;
  auto authkit = make(options()).value();
  auto done = sign_in_from(authkit, "/");
  IncomingRequest next;
  next.cookie_header = "wos-session=" + cookie_of(done.set_cookies.at(0)).second;
  Decision refreshed = authkit.protect(next);
  ASSERT_TRUE(refreshed);
  EXPECT_EQ(refreshed.outcome, Decision::Outcome::kRefreshed);
  ASSERT_EQ(refreshed.set_cookies.size(), 1u);
  EXPECT_NE(cookie_of(refreshed.set_cookies[0]).second, cookie_of(done.set_cookies[0]).second);
  EXPECT_EQ(refreshed.user->user_id, "user_01TEST");

  {
    std::lock_guard<std::mutex> lock(mu);
    deny_refresh = true;
  }
  auto again = sign_in_from(authkit, "/");  // a new session whose refresh is denied
  next.cookie_header = "wos-session=" + cookie_of(again.set_cookies.at(0)).second;
  Decision denied = authkit.protect(next);
  ASSERT_FALSE(denied);
  EXPECT_EQ(denied.reason, workos::auth::SessionFailure::kRefreshDenied);
  ASSERT_GE(denied.set_cookies.size(), 2u);
  EXPECT_EQ(denied.set_cookies[0].rfind("wos-session=; ", 0), 0u);  // cleared
  EXPECT_FALSE(denied.redirect_to.empty());
}

TEST_P(AuthKitTest, AForgedCallbackAndAnOpenRedirectAreRefused) {
  auto authkit = make(options()).value();
  IncomingRequest forged;
  forged.target = "/callback?code=x&state=forged";
  auto r = authkit.handle_callback(forged);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), workos::ErrorKind::kInvalidArgument);
  EXPECT_EQ(fake->request_count(), 0u);  // no code exchange

  auto start = authkit.sign_in(IncomingRequest{}, "//evil.example.com/x");
  ASSERT_TRUE(start);
  auto done = sign_in_from(authkit, "//evil.example.com/x");
  EXPECT_EQ(done.location, "/");
}

TEST_P(AuthKitTest, SignOutClearsTheCookieAndEndsTheSession) {
  auto authkit = make(options()).value();
  auto done = sign_in_from(authkit, "/");
  IncomingRequest out;
  out.cookie_header = "wos-session=" + cookie_of(done.set_cookies.at(0)).second;
  auto bye = authkit.sign_out(out);
  EXPECT_NE(bye.location.find("/user_management/sessions/logout?session_id=session_01TEST"),
            std::string::npos)
      << bye.location;
  EXPECT_NE(bye.location.find("return_to=https%3A%2F%2Fapp.example.com%2F"), std::string::npos);
  ASSERT_EQ(bye.set_cookies.size(), 1u);
  EXPECT_EQ(bye.set_cookies[0].rfind("wos-session=; ", 0), 0u);
  // Without a session: straight to after_sign_out.
  EXPECT_EQ(authkit.sign_out(IncomingRequest{}).location, "https://app.example.com/");
}

TEST_P(AuthKitTest, ConfigurationIsCheckedAtCreation) {
  auto o = options();
  o.cookie_password = "short";
  EXPECT_EQ(make(o).error().kind(), workos::ErrorKind::kConfiguration);
  o = options();
  o.redirect_uri.clear();
  EXPECT_FALSE(make(o));
  o = options();
  o.session_cookie = "bad name";
  EXPECT_FALSE(make(o));
  EXPECT_EQ(workos::authkit::cookie_value("a=1; wos-session=xyz; b=2", "wos-session"), "xyz");
  EXPECT_EQ(workos::authkit::cookie_value("wos-sessionx=1", "wos-session"), "");
  EXPECT_EQ(make(options()).value().sign_in(IncomingRequest{}, "/x").value().set_cookies.size(),
            1u);
}

INSTANTIATE_TEST_SUITE_P(BothClients, AuthKitTest, ::testing::Values(false, true),
                         [](const ::testing::TestParamInfo<bool>& i) {
                           return i.param ? std::string("Async") : std::string("Sync");
                         });

}  // namespace
