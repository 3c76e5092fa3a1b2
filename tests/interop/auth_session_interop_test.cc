// Copyright workos-cpp authors. Handwritten.
// Whole-session interop: sessions sealed by the official Node SDK are authenticated and
// refreshed here, sessions sealed here are authenticated by the Node SDK (which verifies the
// token against the loopback server's JWKS); Fernet sessions in the Python SDK's layout both
// ways.

#include <workos/auth/session.h>
#include <workos/user_management/user_management_client.h>

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "core/core_access.h"
#include "core/json.h"
#include "support/auth_subprocess.h"
#include "support/auth_test_client.h"
#include "support/auth_test_keys.h"
#include "support/loopback_server.h"
#include "user_management/models_json.h"

namespace {

using workos::auth::SessionFailure;
using workos::test::auth::mint_access_token;
using workos::test::auth::run_node;
using workos::test::auth::run_python;
using workos::test::auth::TestClaims;
using workos::test::auth::TestRsaKey;

const std::string kPassword = "interop-session-password-at-least-32-chars";
const std::string kClientId = "client_interop_session";

std::string json_quoted(const std::string& s) {
  workos::detail::json::Writer w;
  w.string(s);
  return w.take();
}

std::string member(const std::string& text, const char* key, const char* inner = nullptr) {
  workos::detail::json::Value root;
  if (!workos::detail::json::parse(workos::detail::json::JsonText(text), "test", root)) {
    return "<bad json>";
  }
  workos::detail::json::Value v;
  if (root[key].get(v) != simdjson::SUCCESS) return "<missing>";
  if (inner && v[inner].get(v) != simdjson::SUCCESS) return "<missing>";
  std::string_view s;
  if (v.get_string().get(s) == simdjson::SUCCESS) return std::string(s);
  return simdjson::minify(v);
}

const char* kApiUser =
    R"({"object":"user","id":"user_01TEST","email":"ada@example.com","first_name":"Ada",)"
    R"("last_name":"Lovelace","profile_picture_url":null,"email_verified":true,)"
    R"("external_id":null,"last_sign_in_at":null,"created_at":"2024-01-01T00:00:00.000Z",)"
    R"("updated_at":"2024-01-02T00:00:00.000Z","metadata":{}})";

// kApiUser with the optional fields the API sends as null.
const char* kApiUserWithNulls =
    R"({"object":"user","id":"user_01TEST","email":"ada@example.com","first_name":"Ada",)"
    R"("last_name":null,"profile_picture_url":null,"email_verified":true,"locale":null,)"
    R"("external_id":null,"last_sign_in_at":null,"created_at":"2024-01-01T00:00:00.000Z",)"
    R"("updated_at":"2024-01-02T00:00:00.000Z","metadata":{"plan":"pro"}})";

class AuthSessionInterop : public ::testing::Test {
 protected:
  void SetUp() override {
    server.on("GET", "/sso/jwks/" + kClientId,
              [this](const httplib::Request&, httplib::Response& res) {
                res.set_content(workos::test::auth::jwks_json({key}), "application/json");
              });
    server.on("POST", "/user_management/authenticate",
              [this](const httplib::Request& req, httplib::Response& res) {
                if (member(req.body, "grant_type") == "authorization_code" &&
                    member(req.body, "code") == "code_interop") {
                  res.set_content(code_response, "application/json");
                  return;
                }
                if (member(req.body, "grant_type") != "refresh_token" ||
                    member(req.body, "refresh_token") != "rt_from_node") {
                  res.status = 400;
                  res.set_content(R"({"error":"invalid_grant","error_description":"no"})",
                                  "application/json");
                  return;
                }
                res.set_content(std::string("{\"user\":") + kApiUser + ",\"access_token\":" +
                                    json_quoted(mint_access_token(*key, TestClaims{})) +
                                    ",\"refresh_token\":\"rt_rotated_by_cpp\","
                                    "\"authentication_method\":\"Password\"}",
                                "application/json");
              });
  }
  workos::ClientOptions options() {
    workos::ClientOptions o;
    o.api_key = "sk_test_interop_session";
    o.client_id = kClientId;
    o.base_url = server.base_url();
    o.max_retries = 0;
    return o;
  }
  std::string request(const std::string& extra) {
    return "{\"baseUrl\":" + json_quoted(server.base_url()) +
           ",\"clientId\":" + json_quoted(kClientId) +
           ",\"cookiePassword\":" + json_quoted(kPassword) + extra + "}";
  }
  std::shared_ptr<const TestRsaKey> key = TestRsaKey::shared("interop_session_key");
  std::string code_response;  // served for grant_type=authorization_code, code=code_interop
  workos::test::LoopbackServer server;
};

TEST_F(AuthSessionInterop, CppAuthenticatesAndRefreshesANodeSealedSession) {
  TestClaims expired;
  expired.issued_ago = std::chrono::hours(1);
  const std::string fresh_token = mint_access_token(*key, TestClaims{});
  const std::string node_user =
      R"({"object":"user","id":"user_01TEST","email":"ada@example.com","emailVerified":true,)"
      R"("name":null,"firstName":"Ada","profilePictureUrl":null,"lastName":"Lovelace",)"
      R"("lastSignInAt":null,"locale":"en-GB","createdAt":"2024-01-01T00:00:00.000Z",)"
      R"("updatedAt":"2024-01-02T00:00:00.000Z","externalId":null,"metadata":{}})";
  auto node =
      run_node("auth_session.mjs", "seal",
               request(",\"authenticationResponse\":{\"accessToken\":" + json_quoted(fresh_token) +
                       ",\"refreshToken\":\"rt_from_node\",\"user\":" + node_user +
                       ",\"authenticationMethod\":\"GoogleOAuth\",\"impersonator\":{\"email\":"
                       "\"admin@example.com\",\"reason\":null}}"));
  ASSERT_TRUE(node) << workos::test::auth::node_peer_missing();
  ASSERT_EQ(node->status, 0);

  workos::test::auth::TestClient client(options());
  const auto& users = client.user_management();
  auto auth = users.load_sealed_session(node->out, kPassword).authenticate();
  ASSERT_TRUE(auth) << workos::auth::to_string(auth.reason)
                    << (auth.error ? ": " + auth.error->message() : "");
  EXPECT_EQ(auth.session_id(), "session_01TEST");
  EXPECT_EQ(auth.organization_id().value(), "org_01TEST");
  ASSERT_TRUE(auth.user);
  EXPECT_EQ(auth.user->email, "ada@example.com");
  EXPECT_EQ(auth.user->first_name.value(), "Ada");
  EXPECT_EQ(auth.user->locale.value(), "en-GB");
  EXPECT_TRUE(auth.user->email_verified);
  EXPECT_EQ(auth.authentication_method.value(), "GoogleOAuth");
  EXPECT_EQ(auth.impersonator.value().email, "admin@example.com");

  // Refresh the Node cookie here; the Node SDK then reads the re-sealed cookie.
  auto session = users.load_sealed_session(node->out, kPassword);
  auto refreshed = session.refresh();
  ASSERT_TRUE(refreshed) << workos::auth::to_string(refreshed.reason)
                         << (refreshed.error ? ": " + refreshed.error->message() : "");
  auto back = run_node("auth_session.mjs", "unseal",
                       request(",\"sessionData\":" + json_quoted(refreshed.sealed_session)));
  ASSERT_TRUE(back);
  EXPECT_EQ(member(back->out, "refreshToken"), "rt_rotated_by_cpp");
  EXPECT_EQ(member(back->out, "user", "firstName"), "Ada");
  EXPECT_EQ(member(back->out, "organizationId"), "org_01TEST");
  auto node_auth = run_node("auth_session.mjs", "authenticate",
                            request(",\"sessionData\":" + json_quoted(refreshed.sealed_session)));
  ASSERT_TRUE(node_auth);
  EXPECT_EQ(member(node_auth->out, "authenticated"), "true") << node_auth->out;
}

TEST_F(AuthSessionInterop, NodeAuthenticatesASessionSealedFromAnAuthResponseByCpp) {
  workos::AuthenticateResponse response;
  ASSERT_TRUE(workos::detail::json::decode_document(
      std::string("{\"user\":") + kApiUser +
          ",\"access_token\":" + json_quoted(mint_access_token(*key, TestClaims{})) +
          ",\"refresh_token\":\"rt_cpp\",\"authentication_method\":\"Password\"}",
      "AuthenticateResponse", response));
  const std::string cookie =
      workos::auth::seal_session_from_auth_response(response, kPassword).value();
  auto node = run_node("auth_session.mjs", "authenticate",
                       request(",\"sessionData\":" + json_quoted(cookie)));
  ASSERT_TRUE(node) << workos::test::auth::node_peer_missing();
  ASSERT_EQ(node->status, 0);
  EXPECT_EQ(member(node->out, "authenticated"), "true") << node->out;
  EXPECT_EQ(member(node->out, "sessionId"), "session_01TEST");
  EXPECT_EQ(member(node->out, "organizationId"), "org_01TEST");
  EXPECT_EQ(member(node->out, "user", "email"), "ada@example.com");
  EXPECT_EQ(member(node->out, "user", "firstName"), "Ada");
  EXPECT_EQ(member(node->out, "authenticationMethod"), "Password");
  EXPECT_EQ(member(node->out, "permissions"), R"(["posts:read","posts:write"])");
}

TEST_F(AuthSessionInterop, FernetSessionsInThePythonLayoutBothWays) {
  const std::string key_text = workos::auth::generate_fernet_key().value();
  const std::string token = mint_access_token(*key, TestClaims{});
  auto py = run_python("auth_fernet.py", "seal-session " + key_text,
                       "{\"access_token\":" + json_quoted(token) +
                           ",\"refresh_token\":\"rt_py\",\"user\":" + kApiUser + "}");
  ASSERT_TRUE(py) << workos::test::auth::python_peer_missing();
  ASSERT_EQ(py->status, 0);
  auto codec = workos::auth::make_fernet_codec(key_text).value();
  workos::test::auth::TestClient client(options());
  auto auth = workos::auth::load_sealed_session(client, py->out, codec).authenticate();
  ASSERT_TRUE(auth) << workos::auth::to_string(auth.reason);
  EXPECT_EQ(auth.user->first_name.value(), "Ada");
  EXPECT_EQ(auth.session_id(), "session_01TEST");

  workos::auth::SessionData data;
  data.access_token = token;
  data.refresh_token = "rt_cpp";
  data.user = auth.user;
  const std::string cpp_cookie = workos::auth::seal_session_data(data, *codec).value();
  auto back = run_python("auth_fernet.py", "decrypt " + key_text, cpp_cookie);
  ASSERT_TRUE(back);
  ASSERT_EQ(back->status, 0);
  EXPECT_EQ(member(back->out, "access_token"), token);
  EXPECT_EQ(member(back->out, "refresh_token"), "rt_cpp");
  EXPECT_EQ(member(back->out, "user", "first_name"), "Ada");
}

// The same authenticate response sealed by the Node SDK (authenticateWithCode with
// sealSession, against the loopback server) and by this SDK reads back identically in Node:
// same keys, same order, the API's nulls (locale included) kept as null.
TEST_F(AuthSessionInterop, NodeReadsTheSameSessionFromBothSdksForOneAuthResponse) {
  code_response = std::string("{\"user\":") + kApiUserWithNulls +
                  ",\"access_token\":" + json_quoted(mint_access_token(*key, TestClaims{})) +
                  ",\"refresh_token\":\"rt_code\",\"authentication_method\":\"Password\"}";
  auto node_cookie =
      run_node("auth_session.mjs", "authenticate-with-code", request(",\"code\":\"code_interop\""));
  ASSERT_TRUE(node_cookie) << workos::test::auth::node_peer_missing();
  ASSERT_EQ(node_cookie->status, 0) << node_cookie->out;
  workos::AuthenticateResponse response;
  ASSERT_TRUE(
      workos::detail::json::decode_document(code_response, "AuthenticateResponse", response));
  const std::string cpp_cookie =
      workos::auth::seal_session_from_auth_response(response, kPassword).value();

  auto from_node = run_node("auth_session.mjs", "unseal",
                            request(",\"sessionData\":" + json_quoted(node_cookie->out)));
  auto from_cpp = run_node("auth_session.mjs", "unseal",
                           request(",\"sessionData\":" + json_quoted(cpp_cookie)));
  ASSERT_TRUE(from_node && from_cpp);
  ASSERT_EQ(from_node->status, 0);
  ASSERT_EQ(from_cpp->status, 0);
  EXPECT_EQ(member(from_node->out, "user", "locale"), "null") << from_node->out;
  EXPECT_EQ(member(from_cpp->out, "user", "locale"), "null") << from_cpp->out;
  EXPECT_EQ(member(from_cpp->out, "user"), member(from_node->out, "user"));
  EXPECT_EQ(from_cpp->out, from_node->out);
}

// JSON.stringify writes a lone surrogate as "\udd26"; the Node SDK reads such a cookie, and so
// must authenticate() here (the character becomes U+FFFD).
TEST_F(AuthSessionInterop, CppAuthenticatesANodeCookieWithAnUnpairedSurrogate) {
  const std::string user =
      R"({"object":"user","id":"user_01TEST","email":"ada@example.com","emailVerified":true,)"
      R"("firstName":"Ada\udd26","lastName":"\ud83d\ude00","metadata":{}})";
  auto node = run_node("auth_session.mjs", "seal",
                       request(",\"authenticationResponse\":{\"accessToken\":" +
                               json_quoted(mint_access_token(*key, TestClaims{})) +
                               ",\"refreshToken\":\"rt_from_node\",\"user\":" + user + "}"));
  ASSERT_TRUE(node) << workos::test::auth::node_peer_missing();
  ASSERT_EQ(node->status, 0);
  auto plain = workos::auth::unseal_data(node->out, kPassword);
  ASSERT_TRUE(plain) << plain.error().message();
  EXPECT_NE(plain->find(R"("Ada\udd26")"), std::string::npos) << *plain;  // what Node wrote

  workos::test::auth::TestClient client(options());
  auto auth = workos::auth::load_sealed_session(client, node->out, kPassword).authenticate();
  ASSERT_TRUE(auth) << workos::auth::to_string(auth.reason)
                    << (auth.error ? ": " + auth.error->message() : "");
  ASSERT_TRUE(auth.user);
  EXPECT_EQ(auth.user->first_name.value(), "Ada\xEF\xBF\xBD");
  EXPECT_EQ(auth.user->last_name.value(), "\xF0\x9F\x98\x80");
}

// A Python-made session whose user metadata holds values that are not strings keeps its user.
TEST_F(AuthSessionInterop, CppKeepsThePythonSessionUserWithNonStringMetadata) {
  const std::string key_text = workos::auth::generate_fernet_key().value();
  std::string user = kApiUser;
  user.replace(user.find(R"("metadata":{})"), 13,
               R"("metadata":{"plan":"pro","seats":5,"beta":true,"limits":{"a":[1,2]},)"
               R"("gone":null})");
  auto py = run_python("auth_fernet.py", "seal-session " + key_text,
                       "{\"access_token\":" + json_quoted(mint_access_token(*key, TestClaims{})) +
                           ",\"refresh_token\":\"rt_py\",\"user\":" + user + "}");
  ASSERT_TRUE(py) << workos::test::auth::python_peer_missing();
  ASSERT_EQ(py->status, 0);
  auto codec = workos::auth::make_fernet_codec(key_text).value();
  workos::test::auth::TestClient client(options());
  auto auth = workos::auth::load_sealed_session(client, py->out, codec).authenticate();
  ASSERT_TRUE(auth) << workos::auth::to_string(auth.reason);
  ASSERT_TRUE(auth.user);
  EXPECT_EQ(auth.user->first_name.value(), "Ada");
  const std::map<std::string, std::string> expected{
      {"plan", "pro"}, {"seats", "5"}, {"beta", "true"}, {"limits", R"({"a":[1,2]})"}};
  EXPECT_EQ(auth.user->metadata.value(), expected);
}

}  // namespace
