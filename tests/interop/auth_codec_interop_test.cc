// Copyright workos-cpp authors. Handwritten.
// Cookie and token interop at the codec level: iron seals with the official Node SDK
// (@workos-inc/node), Fernet tokens with Python's `cryptography`, RS256 tokens verified through
// a JWKS served over HTTP by the loopback server (the real libcurl transport), both by this SDK
// and by the Node SDK.

#include <workos/auth/access_token.h>
#include <workos/auth/session_codec.h>

#include <gtest/gtest.h>

#include "core/json.h"
#include "support/auth_subprocess.h"
#include "support/auth_test_client.h"
#include "support/auth_test_keys.h"
#include "support/loopback_server.h"

namespace {

using workos::test::auth::mint_access_token;
using workos::test::auth::run_node;
using workos::test::auth::run_python;
using workos::test::auth::TestClaims;
using workos::test::auth::TestRsaKey;

const std::string kPassword = "interop-cookie-password-at-least-32-chars";
const std::string kClientId = "client_interop";

// A JSON string literal (for hand-built request documents).
std::string json_quoted(const std::string& s) {
  workos::detail::json::Writer w;
  w.string(s);
  return w.take();
}

// The string member `key` of JSON object `text`, or "<missing>".
std::string member(const std::string& text, const char* key) {
  workos::detail::json::Value root;
  if (!workos::detail::json::parse(workos::detail::json::JsonText(text), "test", root)) {
    return "<bad json>";
  }
  std::string_view s;
  if (root[key].get_string().get(s) != simdjson::SUCCESS) return "<missing>";
  return std::string(s);
}
bool member_bool(const std::string& text, const char* key) {
  workos::detail::json::Value root;
  if (!workos::detail::json::parse(workos::detail::json::JsonText(text), "test", root)) {
    return false;
  }
  bool b = false;
  return root[key].get_bool().get(b) == simdjson::SUCCESS && b;
}

class AuthCodecInterop : public ::testing::Test {
 protected:
  void SetUp() override {
    server.on("GET", "/sso/jwks/" + kClientId, [this](const auto&, auto& res) {
      res.set_content(workos::test::auth::jwks_json({key}), "application/json");
    });
  }
  std::string request(const std::string& extra) {
    return "{\"baseUrl\":" + json_quoted(server.base_url()) +
           ",\"clientId\":" + json_quoted(kClientId) +
           ",\"cookiePassword\":" + json_quoted(kPassword) + extra + "}";
  }
  std::shared_ptr<const TestRsaKey> key = TestRsaKey::shared("interop_key");
  workos::test::LoopbackServer server;
};

TEST_F(AuthCodecInterop, CppUnsealsACookieSealedByTheNodeSdk) {
  const std::string token = mint_access_token(*key, TestClaims{});
  auto node =
      run_node("auth_session.mjs", "seal",
               request(",\"authenticationResponse\":{\"accessToken\":" + json_quoted(token) +
                       ",\"refreshToken\":\"rt_node\",\"user\":{\"object\":\"user\","
                       "\"id\":\"user_01TEST\",\"email\":\"ada@example.com\"},"
                       "\"authenticationMethod\":\"Password\"}"));
  ASSERT_TRUE(node) << workos::test::auth::node_peer_missing();
  ASSERT_EQ(node->status, 0);
  ASSERT_EQ(node->out.rfind("Fe26.2*1*", 0), 0u) << node->out;
  auto codec = workos::auth::make_iron_codec(kPassword).value();
  auto plain = codec->unseal(node->out);
  ASSERT_TRUE(plain) << plain.error().message();
  EXPECT_EQ(member(*plain, "accessToken"), token);
  EXPECT_EQ(member(*plain, "refreshToken"), "rt_node");
  EXPECT_EQ(member(*plain, "organizationId"), "org_01TEST");  // from the token's org_id
  EXPECT_EQ(member(*plain, "authenticationMethod"), "Password");
}

TEST_F(AuthCodecInterop, NodeSdkUnsealsAndAuthenticatesACookieSealedByCpp) {
  const std::string token = mint_access_token(*key, TestClaims{});
  const std::string payload =
      "{\"organizationId\":\"org_01TEST\",\"user\":{\"object\":\"user\","
      "\"id\":\"user_01TEST\",\"email\":\"ada@example.com\"},"
      "\"accessToken\":" +
      json_quoted(token) + ",\"refreshToken\":\"rt_cpp\"}";
  auto codec = workos::auth::make_iron_codec(kPassword).value();
  const std::string sealed = codec->seal(payload).value();

  auto unsealed =
      run_node("auth_session.mjs", "unseal", request(",\"sessionData\":" + json_quoted(sealed)));
  ASSERT_TRUE(unsealed) << workos::test::auth::node_peer_missing();
  ASSERT_EQ(unsealed->status, 0);
  EXPECT_EQ(member(unsealed->out, "accessToken"), token);
  EXPECT_EQ(member(unsealed->out, "refreshToken"), "rt_cpp");

  // The Node SDK verifies the access token against the JWKS served by the loopback server.
  auto auth = run_node("auth_session.mjs", "authenticate",
                       request(",\"sessionData\":" + json_quoted(sealed)));
  ASSERT_TRUE(auth);
  ASSERT_EQ(auth->status, 0);
  EXPECT_TRUE(member_bool(auth->out, "authenticated")) << auth->out;
  EXPECT_EQ(member(auth->out, "sessionId"), "session_01TEST");
  EXPECT_EQ(member(auth->out, "organizationId"), "org_01TEST");
  EXPECT_EQ(member(auth->out, "role"), "admin");
  EXPECT_GE(server.request_count(), 1u);  // the JWKS came from the loopback server

  // A token signed by another key fails in the Node SDK too.
  auto other = TestRsaKey::shared("interop_other");
  const std::string forged =
      other->sign_jwt(R"({"alg":"RS256","kid":"interop_key"})",
                      TestClaims{}.to_json(std::chrono::system_clock::now()));
  const std::string bad =
      codec->seal("{\"accessToken\":" + json_quoted(forged) + ",\"refreshToken\":\"rt\"}").value();
  auto rejected =
      run_node("auth_session.mjs", "authenticate", request(",\"sessionData\":" + json_quoted(bad)));
  ASSERT_TRUE(rejected);
  EXPECT_FALSE(member_bool(rejected->out, "authenticated")) << rejected->out;
  EXPECT_EQ(member(rejected->out, "reason"), "invalid_jwt");
}

TEST_F(AuthCodecInterop, NodeSdkRejectsACppSealWithAnotherPassword) {
  auto codec = workos::auth::make_iron_codec(kPassword + "-different").value();
  const std::string sealed = codec->seal("{\"accessToken\":\"x\"}").value();
  auto node = run_node("auth_session.mjs", "authenticate",
                       request(",\"sessionData\":" + json_quoted(sealed)));
  ASSERT_TRUE(node) << workos::test::auth::node_peer_missing();
  EXPECT_EQ(member(node->out, "reason"), "invalid_session_cookie") << node->out;
}

TEST_F(AuthCodecInterop, CppReadsFernetTokensFromPythonCryptography) {
  const std::string key_text = workos::auth::generate_fernet_key().value();
  const std::string plaintext = R"({"access_token":"at","refresh_token":"rt","n":"é"})";
  auto py = run_python("auth_fernet.py", "encrypt " + key_text, plaintext);
  ASSERT_TRUE(py) << workos::test::auth::python_peer_missing();
  ASSERT_EQ(py->status, 0);
  auto codec = workos::auth::make_fernet_codec(key_text).value();
  auto plain = codec->unseal(py->out);
  ASSERT_TRUE(plain) << plain.error().message();
  EXPECT_EQ(*plain, plaintext);
}

TEST_F(AuthCodecInterop, PythonCryptographyReadsFernetTokensFromCpp) {
  const std::string key_text = workos::auth::generate_fernet_key().value();
  const std::string plaintext(1000, 'z');
  auto codec = workos::auth::make_fernet_codec(key_text).value();
  const std::string token = codec->seal(plaintext).value();
  auto py = run_python("auth_fernet.py", "decrypt " + key_text, token);
  ASSERT_TRUE(py) << workos::test::auth::python_peer_missing();
  ASSERT_EQ(py->status, 0);
  EXPECT_EQ(py->out, plaintext);
  // A tampered token is rejected by Python too.
  std::string tampered = token;
  tampered[40] = tampered[40] == 'A' ? 'B' : 'A';
  auto bad = run_python("auth_fernet.py", "decrypt " + key_text, tampered);
  ASSERT_TRUE(bad);
  EXPECT_NE(bad->status, 0);
}

// iron counts the password in UTF-16 code units, like the Node SDK: 11 CJK characters (33 UTF-8
// bytes) are refused by both; 32 of them work both ways.
TEST_F(AuthCodecInterop, PasswordLengthIsCountedLikeTheNodeSdk) {
  std::string cjk11, cjk32;
  for (int i = 0; i < 11; ++i) cjk11 += "\xE5\xAF\x86";  // U+5BC6
  for (int i = 0; i < 32; ++i) cjk32 += "\xE5\xAF\x86";
  const std::string token = mint_access_token(*key, TestClaims{});
  auto with_password = [&](const std::string& password, const std::string& extra) {
    return "{\"baseUrl\":" + json_quoted(server.base_url()) +
           ",\"clientId\":" + json_quoted(kClientId) +
           ",\"cookiePassword\":" + json_quoted(password) + extra + "}";
  };
  const std::string response =
      ",\"authenticationResponse\":{\"accessToken\":" + json_quoted(token) +
      ",\"refreshToken\":\"rt_cjk\"}";
  auto refused = run_node("auth_session.mjs", "seal", with_password(cjk11, response));
  ASSERT_TRUE(refused) << workos::test::auth::node_peer_missing();
  EXPECT_NE(refused->status, 0) << refused->out;  // "Password string too short"
  EXPECT_FALSE(workos::auth::make_iron_codec(cjk11));

  auto codec = workos::auth::make_iron_codec(cjk32).value();
  const std::string sealed =
      codec->seal("{\"accessToken\":" + json_quoted(token) + ",\"refreshToken\":\"rt_cpp\"}")
          .value();
  auto unsealed = run_node("auth_session.mjs", "unseal",
                           with_password(cjk32, ",\"sessionData\":" + json_quoted(sealed)));
  ASSERT_TRUE(unsealed);
  ASSERT_EQ(unsealed->status, 0);
  EXPECT_EQ(member(unsealed->out, "refreshToken"), "rt_cpp");
  auto node = run_node("auth_session.mjs", "seal", with_password(cjk32, response));
  ASSERT_TRUE(node);
  ASSERT_EQ(node->status, 0);
  auto plain = codec->unseal(node->out);
  ASSERT_TRUE(plain) << plain.error().message();
  EXPECT_EQ(member(*plain, "refreshToken"), "rt_cjk");
}

// cryptography refuses a token whose "=" padding was stripped; so does this SDK.
TEST_F(AuthCodecInterop, FernetTokensWithoutPaddingAreRefusedLikePython) {
  const std::string key_text = workos::auth::generate_fernet_key().value();
  auto py = run_python("auth_fernet.py", "encrypt " + key_text, "{}");  // 73 bytes: padded
  ASSERT_TRUE(py) << workos::test::auth::python_peer_missing();
  ASSERT_EQ(py->status, 0);
  ASSERT_EQ(py->out.back(), '=') << py->out;
  std::string stripped = py->out;
  while (!stripped.empty() && stripped.back() == '=') stripped.pop_back();
  auto codec = workos::auth::make_fernet_codec(key_text).value();
  EXPECT_EQ(codec->unseal(py->out).value(), "{}");
  EXPECT_FALSE(codec->unseal(stripped));
  auto python_view = run_python("auth_fernet.py", "decrypt " + key_text, stripped);
  ASSERT_TRUE(python_view);
  EXPECT_NE(python_view->status, 0);
}

TEST_F(AuthCodecInterop, VerifiesTokensThroughAJwksServedOverHttp) {
  workos::ClientOptions o;
  o.api_key = "sk_test_interop";
  o.client_id = kClientId;
  o.base_url = server.base_url();
  workos::test::auth::TestClient client(o);
  workos::auth::AccessTokenVerifier verifier(client);
  auto claims = verifier.verify(mint_access_token(*key, TestClaims{}));
  ASSERT_TRUE(claims) << claims.error().message();
  EXPECT_EQ(claims->sid, "session_01TEST");
  auto recorded = server.requests();
  ASSERT_EQ(recorded.size(), 1u);
  EXPECT_EQ(recorded[0].path, "/sso/jwks/" + kClientId);
  EXPECT_FALSE(recorded[0].has_header("Authorization"));
  EXPECT_NE(recorded[0].header("User-Agent").find("workos-cpp/"), std::string::npos);
}

}  // namespace
