// Copyright workos-cpp authors. Handwritten.
// The authenticate_with_* grant wrappers, the PKCE authorization URLs, the SSO code exchange and
// the public-client rules.

#include <workos/auth/pkce.h>
#include <workos/sso/sso_client.h>
#include <workos/testing/fake_transport.h>
#include <workos/user_management/user_management_client.h>

#include <gtest/gtest.h>

#include <map>

#include "core/core_access.h"
#include "core/json.h"
#include "support/auth_test_client.h"
#include "support/http_test_helpers.h"

// Brace-initialised params (`{"code", "token"}`) leave the optional members empty on purpose.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace {

using workos::test::query_of;

using workos::test::auth::TestClient;
using workos::testing::FakeTransport;
namespace um = workos::user_management;

const char* kAuthResponse = R"({"user":{"object":"user","id":"user_1","email":"ada@example.com",
  "first_name":"Ada","last_name":null,"profile_picture_url":null,"email_verified":true,
  "external_id":null,"last_sign_in_at":null,"created_at":"2024-01-01T00:00:00.000Z",
  "updated_at":"2024-01-01T00:00:00.000Z"},"organization_id":"org_1",
  "access_token":"eyJhbGciOiJSUzI1NiJ9.e30.c2ln","refresh_token":"rt_new",
  "authentication_method":"Password"})";

// Top-level members of a JSON object as text (strings unquoted, others as JSON).
std::map<std::string, std::string> members(const std::string& body) {
  std::map<std::string, std::string> out;
  workos::detail::json::Value root;
  if (!workos::detail::json::parse(workos::detail::json::JsonText(body), "test", root)) return out;
  simdjson::dom::object obj;
  if (root.get_object().get(obj) != simdjson::SUCCESS) return out;
  for (auto f : obj) {
    std::string_view s;
    if (f.value.get_string().get(s) == simdjson::SUCCESS)
      out[std::string(f.key)] = std::string(s);
    else
      out[std::string(f.key)] = simdjson::minify(f.value);
  }
  return out;
}

class AuthGrants : public ::testing::Test {
 protected:
  std::shared_ptr<FakeTransport> fake = std::make_shared<FakeTransport>();
  workos::ClientOptions options(bool public_client = false) {
    workos::ClientOptions o;
    if (!public_client) o.api_key = "sk_test_secret_key";
    o.public_client = public_client;
    o.client_id = "client_123";
    o.transport = fake;
    o.max_retries = 0;
    return o;
  }
  std::map<std::string, std::string> last_body() { return members(fake->last_request().body); }
  std::string last_auth_header() {
    return workos::testing::header_value(fake->last_request().headers, "authorization");
  }
};

TEST_F(AuthGrants, PasswordSendsGrantCredentialsAndRadarContext) {
  fake->enqueue_json(200, kAuthResponse);
  TestClient client(options());
  const auto& users = client.user_management();
  um::AuthenticateWithPasswordParams p;
  p.email = "ada@example.com";
  p.password = "correct horse";
  p.ip_address = "203.0.113.7";
  p.user_agent = "Mozilla/5.0";
  p.radar_auth_attempt_id = "radar_auth_attempt_1";
  auto r = users.authenticate_with_password(p);
  ASSERT_TRUE(r) << r.error().message();
  EXPECT_EQ(r->user.email, "ada@example.com");
  EXPECT_EQ(r->refresh_token, "rt_new");
  auto req = fake->last_request();
  EXPECT_EQ(req.method, "POST");
  EXPECT_EQ(req.url, "https://api.workos.com/user_management/authenticate");
  auto b = last_body();
  EXPECT_EQ(b["grant_type"], "password");
  EXPECT_EQ(b["client_id"], "client_123");
  EXPECT_EQ(b["client_secret"], "sk_test_secret_key");
  EXPECT_EQ(b["email"], "ada@example.com");
  EXPECT_EQ(b["password"], "correct horse");
  EXPECT_EQ(b["ip_address"], "203.0.113.7");
  EXPECT_EQ(b["user_agent"], "Mozilla/5.0");
  EXPECT_EQ(b["radar_auth_attempt_id"], "radar_auth_attempt_1");
  EXPECT_EQ(b.count("invitation_token"), 0u);
}

TEST_F(AuthGrants, EveryGrantUsesTheSpecGrantType) {
  TestClient client(options());
  const auto& users = client.user_management();
  struct Case {
    std::string grant;
    std::function<workos::Result<workos::AuthenticateResponse>()> call;
    bool secret;
  };
  std::vector<Case> cases = {
      {"authorization_code", [&] { return users.authenticate_with_code({"code_1"}); }, true},
      {"authorization_code",
       [&] {
         um::AuthenticateWithCodePkceParams p;
         p.code = "code_1";
         p.code_verifier = "verifier";
         return users.authenticate_with_code_pkce(p);
       },
       false},
      {"refresh_token", [&] { return users.authenticate_with_refresh_token({"rt_1"}); }, true},
      {"urn:workos:oauth:grant-type:magic-auth:code",
       [&] {
         return users.authenticate_with_magic_auth({"123456", "ada@example.com"});
       },
       true},
      {"urn:workos:oauth:grant-type:email-verification:code",
       [&] {
         return users.authenticate_with_email_verification({"123456", "pat_1"});
       },
       true},
      {"urn:workos:oauth:grant-type:mfa-totp",
       [&] {
         return users.authenticate_with_totp({"123456", "pat_1", "auth_challenge_1"});
       },
       true},
      {"urn:workos:oauth:grant-type:organization-selection",
       [&] {
         return users.authenticate_with_organization_selection({"pat_1", "org_1"});
       },
       true},
      {"urn:ietf:params:oauth:grant-type:device_code",
       [&] { return users.authenticate_with_device_code({"dc_1"}); }, false},
      {"urn:workos:oauth:grant-type:radar-email-challenge:code",
       [&] {
         return users.authenticate_with_radar_email_challenge({"123456", "pat_1", "rc_1"});
       },
       true},
      {"urn:workos:oauth:grant-type:radar-sms-challenge:code",
       [&] {
         um::AuthenticateWithRadarSmsChallengeParams p;
         p.code = "123456";
         p.pending_authentication_token = "pat_1";
         p.phone_number = "+15555550100";
         return users.authenticate_with_radar_sms_challenge(p);
       },
       true},
  };
  for (const auto& c : cases) {
    fake->enqueue_json(200, kAuthResponse);
    auto r = c.call();
    ASSERT_TRUE(r) << c.grant << ": " << r.error().message();
    auto b = last_body();
    EXPECT_EQ(b["grant_type"], c.grant);
    EXPECT_EQ(b["client_id"], "client_123") << c.grant;
    EXPECT_EQ(b.count("client_secret"), c.secret ? 1u : 0u) << c.grant;
  }
  EXPECT_EQ(fake->request_count(), cases.size());
}

TEST_F(AuthGrants, GrantFieldsArePassedThrough) {
  TestClient client(options());
  const auto& users = client.user_management();
  fake->enqueue_json(200, kAuthResponse);
  um::AuthenticateWithTotpParams totp{"654321", "pat_9", "auth_challenge_9"};
  totp.device_id = "device_1";
  ASSERT_TRUE(users.authenticate_with_totp(totp));
  auto b = last_body();
  EXPECT_EQ(b["code"], "654321");
  EXPECT_EQ(b["pending_authentication_token"], "pat_9");
  EXPECT_EQ(b["authentication_challenge_id"], "auth_challenge_9");
  EXPECT_EQ(b["device_id"], "device_1");

  fake->enqueue_json(200, kAuthResponse);
  um::AuthenticateWithRefreshTokenParams rt{"rt_9"};
  rt.organization_id = "org_9";
  ASSERT_TRUE(users.authenticate_with_refresh_token(rt));
  b = last_body();
  EXPECT_EQ(b["refresh_token"], "rt_9");
  EXPECT_EQ(b["organization_id"], "org_9");

  fake->enqueue_json(200, kAuthResponse);
  um::AuthenticateWithCodeParams code{"code_9"};
  code.code_verifier = "v_9";
  code.invitation_token = "inv_9";
  ASSERT_TRUE(users.authenticate_with_code(code));
  b = last_body();
  EXPECT_EQ(b["code"], "code_9");
  EXPECT_EQ(b["code_verifier"], "v_9");
  EXPECT_EQ(b["invitation_token"], "inv_9");
  EXPECT_EQ(b["client_secret"], "sk_test_secret_key");  // confidential client using PKCE too
}

TEST_F(AuthGrants, PublicClientNeverSendsTheSecretOrAuthorization) {
  TestClient client(options(/*public_client=*/true));
  const auto& users = client.user_management();
  fake->enqueue_json(200, kAuthResponse);
  um::AuthenticateWithCodePkceParams p;
  p.code = "code_1";
  p.code_verifier = "verifier_1";
  ASSERT_TRUE(users.authenticate_with_code_pkce(p));
  EXPECT_EQ(last_body().count("client_secret"), 0u);
  EXPECT_EQ(last_body()["code_verifier"], "verifier_1");
  EXPECT_EQ(last_auth_header(), "");

  fake->enqueue_json(200, kAuthResponse);
  ASSERT_TRUE(users.authenticate_with_refresh_token({"rt_1"}));
  EXPECT_EQ(last_body().count("client_secret"), 0u);
  EXPECT_EQ(last_auth_header(), "");

  fake->enqueue_json(200, kAuthResponse);
  ASSERT_TRUE(users.authenticate_with_device_code({"dc_1"}));
  EXPECT_EQ(last_auth_header(), "");

  fake->enqueue_json(200, kAuthResponse);
  um::AuthenticateWithCodeParams with_verifier{"code_2"};
  with_verifier.code_verifier = "verifier_2";
  ASSERT_TRUE(users.authenticate_with_code(with_verifier));
  EXPECT_EQ(last_body().count("client_secret"), 0u);
  EXPECT_EQ(fake->request_count(), 4u);
}

TEST_F(AuthGrants, PublicClientFailsLocallyWhereTheSecretIsNeeded) {
  TestClient client(options(/*public_client=*/true));
  const auto& users = client.user_management();
  std::vector<workos::Result<workos::AuthenticateResponse>> results;
  results.push_back(users.authenticate_with_password({"a@b.c", "pw"}));
  results.push_back(users.authenticate_with_code({"code_without_verifier"}));
  results.push_back(users.authenticate_with_magic_auth({"123456", "a@b.c"}));
  results.push_back(users.authenticate_with_email_verification({"1", "pat"}));
  results.push_back(users.authenticate_with_totp({"1", "pat", "ch"}));
  results.push_back(users.authenticate_with_organization_selection({"pat", "org"}));
  results.push_back(users.authenticate_with_radar_email_challenge({"1", "pat", "rc"}));
  results.push_back(users.authenticate_with_radar_sms_challenge({"1", "pat"}));
  for (const auto& r : results) {
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind(), workos::ErrorKind::kConfiguration);
    EXPECT_EQ(r.error().message().find("sk_"), std::string::npos);
  }
  EXPECT_EQ(fake->request_count(), 0u);
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
  EXPECT_THROW(users.authenticate_with_password({"a@b.c", "pw"}).value(),
               workos::ConfigurationError);
#endif
}

TEST_F(AuthGrants, ConfidentialClientSendsTheApiKeyAsBearer) {
  TestClient client(options());
  const auto& users = client.user_management();
  fake->enqueue_json(200, kAuthResponse);
  ASSERT_TRUE(users.authenticate_with_password({"a@b.c", "pw"}));
  EXPECT_EQ(last_auth_header(), "Bearer sk_test_secret_key");
}

TEST_F(AuthGrants, StepUpAnswersAreTypedErrorsWithThePendingToken) {
  TestClient client(options());
  const auto& users = client.user_management();
  fake->enqueue_json(403, R"({"code":"mfa_challenge","message":"MFA challenge required",
    "pending_authentication_token":"pat_mfa","user":{"id":"user_1"},
    "authentication_factors":[{"id":"auth_factor_1","type":"totp"}]})");
  auto r = users.authenticate_with_password({"a@b.c", "pw"});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().auth_flow(), workos::AuthFlowKind::kMfaChallenge);
  EXPECT_EQ(r.error().info().pending_authentication_token, "pat_mfa");
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
  try {
    r.value();
    ADD_FAILURE() << "value() did not throw";
  } catch (const workos::MfaChallengeError& e) {
    EXPECT_EQ(e.pending_authentication_token(), "pat_mfa");
    EXPECT_NE(e.authentication_factors_json().find("auth_factor_1"), std::string::npos);
  }
#endif
  fake->enqueue_json(403, R"({"code":"email_verification_required","message":"verify",
    "pending_authentication_token":"pat_ev","email":"a@b.c",
    "email_verification_id":"email_verification_1"})");
  auto ev = users.authenticate_with_password({"a@b.c", "pw"});
  ASSERT_FALSE(ev);
  EXPECT_EQ(ev.error().auth_flow(), workos::AuthFlowKind::kEmailVerificationRequired);
  EXPECT_EQ(ev.error().info().email_verification_id, "email_verification_1");
  fake->enqueue_json(403, R"({"code":"organization_selection_required","message":"pick",
    "pending_authentication_token":"pat_org","organizations":[{"id":"org_1","name":"A"}]})");
  auto org = users.authenticate_with_password({"a@b.c", "pw"});
  ASSERT_FALSE(org);
  EXPECT_EQ(org.error().auth_flow(), workos::AuthFlowKind::kOrganizationSelectionRequired);
  EXPECT_EQ(org.error().info().pending_authentication_token, "pat_org");
}

TEST_F(AuthGrants, AuthKitUrlWithPkceCarriesChallengeStateAndDefaults) {
  TestClient client(options());
  const auto& users = client.user_management();
  um::GetAuthorizationUrlParams p;
  p.provider = workos::UserManagementGetAuthorizationUrlProvider::kAuthkit;
  p.redirect_uri = "https://app.example.com/callback?x=1";
  p.provider_scopes = std::vector<std::string>{"openid", "profile", "email"};
  p.provider_query_params = std::map<std::string, std::string>{{"hd", "example.com"}};
  auto r = users.get_authorization_url_with_pkce(p);
  ASSERT_TRUE(r) << r.error().message();
  EXPECT_EQ(r->url.rfind("https://api.workos.com/user_management/authorize?", 0), 0u) << r->url;
  auto q = query_of(r->url);
  EXPECT_EQ(q["response_type"], "code");
  EXPECT_EQ(q["client_id"], "client_123");
  EXPECT_EQ(q["redirect_uri"], "https://app.example.com/callback?x=1");
  EXPECT_EQ(q["provider"], "authkit");
  EXPECT_EQ(q["code_challenge_method"], "S256");
  EXPECT_EQ(q["code_challenge"], workos::auth::code_challenge_s256(r->code_verifier));
  EXPECT_EQ(q["state"], r->state);
  EXPECT_EQ(q["provider_scopes"], "openid,profile,email");
  EXPECT_EQ(q["provider_query_params[hd]"], "example.com");
  EXPECT_NE(r->url.find("provider_query_params[hd]=example.com"), std::string::npos) << r->url;
  EXPECT_TRUE(workos::auth::is_valid_code_verifier(r->code_verifier));
  EXPECT_EQ(fake->request_count(), 0u);

  um::GetAuthorizationUrlParams mine = p;
  mine.state = "my-state";
  EXPECT_EQ(users.get_authorization_url_with_pkce(mine)->state, "my-state");
  um::GetAuthorizationUrlParams none;
  none.redirect_uri = "https://app.example.com/callback";
  EXPECT_EQ(users.get_authorization_url_with_pkce(none).error().kind(),
            workos::ErrorKind::kInvalidArgument);
}

TEST_F(AuthGrants, LogoutUrlsAreBuiltWithoutARequest) {
  TestClient client(options());
  const auto& users = client.user_management();
  um::GetLogoutUrlParams p;
  p.session_id = "session_1";
  p.return_to = "https://app.example.com/";
  auto url = users.get_logout_url(p).value();
  EXPECT_EQ(url.rfind("https://api.workos.com/user_management/sessions/logout?", 0), 0u) << url;
  EXPECT_EQ(query_of(url)["session_id"], "session_1");
  EXPECT_EQ(query_of(url)["return_to"], "https://app.example.com/");
  const auto& sso = client.sso();
  workos::sso::GetLogoutUrlParams sp;
  sp.token = "logout_token_1";
  auto sso_url = sso.get_logout_url(sp).value();
  EXPECT_EQ(sso_url, "https://auth.workos.com/sso/logout?token=logout_token_1");
  EXPECT_EQ(fake->request_count(), 0u);
}

TEST_F(AuthGrants, ARequestWithOneRequiredStringIsBuiltFromIt) {
  TestClient client(options());
  auto url = client.sso().get_logout_url({"logout_tok_1"});
  ASSERT_TRUE(url) << url.error().message();
  EXPECT_EQ(query_of(*url)["token"], "logout_tok_1");
  workos::sso::GetLogoutUrlParams empty;
  EXPECT_TRUE(empty.token.empty());
}

TEST_F(AuthGrants, SsoUrlWithPkce) {
  TestClient client(options());
  const auto& sso = client.sso();
  workos::sso::GetAuthorizationUrlParams p;
  p.connection_id = "conn_1";
  p.organization_id = "org_1";
  p.redirect_uri = "https://app.example.com/sso/callback";
  auto r = sso.get_authorization_url_with_pkce(p);
  ASSERT_TRUE(r) << r.error().message();
  EXPECT_EQ(r->url.rfind("https://api.workos.com/sso/authorize?", 0), 0u) << r->url;
  auto q = query_of(r->url);
  EXPECT_EQ(q["client_id"], "client_123");
  EXPECT_EQ(q["connection"], "conn_1");  // the wire names stay the spec's
  EXPECT_EQ(q["organization"], "org_1");
  EXPECT_EQ(q["response_type"], "code");
  EXPECT_EQ(q["state"], r->state);
  EXPECT_EQ(q["code_challenge"], workos::auth::code_challenge_s256(r->code_verifier));
  EXPECT_EQ(q["code_challenge_method"], "S256");
}

TEST_F(AuthGrants, SsoCodeExchangeKeepsTheSecretOutOfTheUrl) {
  const char* token = R"({"token_type":"Bearer","access_token":"sso_at","expires_in":600,
    "profile":{"object":"profile","id":"prof_1","organization_id":"org_1",
    "connection_id":"conn_1","connection_type":"OktaSAML","idp_id":"idp_1",
    "email":"ada@example.com","first_name":"Ada","last_name":"L","role":null,"groups":[],
    "custom_attributes":{},"raw_attributes":{}}})";
  TestClient client(options());
  const auto& sso = client.sso();
  fake->enqueue_json(200, token);
  auto r = sso.get_profile_and_token("code_1");
  ASSERT_TRUE(r) << r.error().message();
  EXPECT_EQ(r->access_token, "sso_at");
  auto req = fake->last_request();
  EXPECT_EQ(req.url, "https://api.workos.com/sso/token");
  auto b = members(req.body);
  EXPECT_EQ(b["client_id"], "client_123");
  EXPECT_EQ(b["client_secret"], "sk_test_secret_key");
  EXPECT_EQ(b["grant_type"], "authorization_code");
  EXPECT_EQ(b["code"], "code_1");

  TestClient pub(options(/*public_client=*/true));
  const auto& public_sso = pub.sso();
  EXPECT_EQ(public_sso.get_profile_and_token("code_1").error().kind(),
            workos::ErrorKind::kConfiguration);
  fake->enqueue_json(200, token);
  ASSERT_TRUE(public_sso.get_profile_and_token_pkce("code_2", "verifier_2"));
  b = members(fake->last_request().body);
  EXPECT_EQ(b.count("client_secret"), 0u);
  EXPECT_EQ(b["code_verifier"], "verifier_2");
  EXPECT_EQ(workos::testing::header_value(fake->last_request().headers, "authorization"), "");
}

TEST_F(AuthGrants, SsoProfileUsesTheAccessTokenAsBearer) {
  TestClient client(options());
  const auto& sso = client.sso();
  fake->enqueue_json(200, R"({"object":"profile","id":"prof_1","organization_id":null,
    "connection_id":"conn_1","connection_type":"OktaSAML","idp_id":"idp_1",
    "email":"ada@example.com","first_name":null,"last_name":null,"role":null,
    "custom_attributes":{},"raw_attributes":{}})");
  auto p = sso.get_profile("sso_access_token_1");
  ASSERT_TRUE(p) << p.error().message();
  EXPECT_EQ(workos::testing::header_value(fake->last_request().headers, "authorization"),
            "Bearer sso_access_token_1");
}

}  // namespace
