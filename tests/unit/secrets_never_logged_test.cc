// Copyright workos-cpp authors. Handwritten.
// No secret ever reaches a log line or an error text. Representative failing calls (API errors,
// decode errors of bodies that carry tokens, auth-flow errors, device-code polling, session
// failures, vault) run through the FakeTransport with a capturing logger at debug level; every
// logged line and every Error field meant for display (to_string(), message(), raw_body(),
// url(), error_description(), errors_json()) is then searched for each secret.

#include <workos/auth/session.h>
#include <workos/auth/session_codec.h>
#include <workos/client.h>
#include <workos/error.h>
#include <workos/options.h>
#include <workos/organizations/service.h>
#include <workos/testing/fake_transport.h>
#include <workos/user_management/user_management_client.h>
#include <workos/vault/vault_client.h>

#include <gtest/gtest.h>

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace {

using workos::testing::FakeTransport;

// Each secret is distinctive, so that a hit cannot be a coincidence.
const std::string kApiKey = "sk_test_SeCrEtApIkEy0123456789abcdef";
const std::string kCookiePassword = "cookie-password-SeCrEt-0123456789-abcdefgh";
const std::string kAccessToken =
    "eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzaWQiOiJTZUNyRXRBY0Nlc3MifQ.U2VDckV0U2lnbmF0dXJl";
const std::string kRefreshToken = "SeCrEtReFrEsH0123456789";
const std::string kCode = "SeCrEtCoDe0123456789";
const std::string kPassword = "SeCrEtPaSsWoRd!0123";
const std::string kDeviceCode = "SeCrEtDeViCeCoDe0123456789";
const std::string kVaultValue = "SeCrEtVaUlTvAlUe0123456789";
const std::string kDataKey = "U2VDckV0RGF0YUtleTAxMjM0NTY3ODk=";       // base64, like a real key
const std::string kCallApiKey = "sk_test_SeCrEtPeRcAlLkEy0123456789";  // RequestOptions::api_key

struct Secret {
  const char* name;
  std::string value;
};

std::vector<Secret> secrets() {
  return {{"API key", kApiKey},           {"cookie password", kCookiePassword},
          {"access token", kAccessToken}, {"refresh token", kRefreshToken},
          {"authorization code", kCode},  {"password", kPassword},
          {"device_code", kDeviceCode},   {"vault value", kVaultValue},
          {"vault data_key", kDataKey},   {"per-call API key", kCallApiKey}};
}

class SecretsNeverLogged : public ::testing::Test {
 protected:
  void SetUp() override {
    options.api_key = kApiKey;
    options.client_id = "client_123";
    options.base_url = "https://api.workos.com";
    options.transport = fake;
    options.max_retries = 0;
    options.log_level = workos::LogLevel::kDebug;
    options.logger = [this](workos::LogLevel, std::string_view line) {
      std::lock_guard<std::mutex> lock(mu);
      lines.emplace_back(line);
    };
  }

  // Every text of `e` meant for people or logs.
  void record(const workos::Error& e, const std::string& call) {
    texts.push_back({call + ": to_string()", e.to_string()});
    texts.push_back({call + ": message()", e.message()});
    texts.push_back({call + ": raw_body()", e.raw_body()});
    texts.push_back({call + ": url()", e.url()});
    texts.push_back({call + ": error_description()", e.error_description()});
    texts.push_back({call + ": errors_json()", e.errors_json()});
  }

  // Fails for every secret found in a logged line or a recorded error text. The secret itself
  // is never printed: only its name and where it was found.
  void expect_no_secret() {
    std::lock_guard<std::mutex> lock(mu);
    EXPECT_FALSE(lines.empty()) << "the debug logger received nothing: the test would be vacuous";
    for (const Secret& s : secrets()) {
      for (std::size_t i = 0; i < lines.size(); ++i) {
        EXPECT_EQ(lines[i].find(s.value), std::string::npos)
            << "the " << s.name << " appears in logged line #" << i;
      }
      for (const auto& [where, text] : texts) {
        EXPECT_EQ(text.find(s.value), std::string::npos)
            << "the " << s.name << " appears in " << where;
      }
    }
  }

  std::shared_ptr<FakeTransport> fake = std::make_shared<FakeTransport>();
  workos::ClientOptions options;
  std::mutex mu;
  std::vector<std::string> lines;
  std::vector<std::pair<std::string, std::string>> texts;
};

workos::user_management::AuthenticateWithCodeParams code_params() {
  workos::user_management::AuthenticateWithCodeParams p;
  p.code = kCode;
  return p;
}

// An OAuth-style error body that echoes every secret of the request back.
std::string echoing_error_body(const char* error) {
  return std::string("{\"error\":\"") + error +
         "\",\"error_description\":\"rejected\",\"access_token\":\"" + kAccessToken +
         "\",\"refresh_token\":\"" + kRefreshToken + "\",\"device_code\":\"" + kDeviceCode +
         "\",\"password\":\"" + kPassword + "\",\"client_secret\":\"" + kApiKey + "\"}";
}

TEST_F(SecretsNeverLogged, AuthenticationGrantErrors) {
  auto client = workos::Client::create(options).value();
  const auto& users = client.user_management();

  fake->enqueue_json(400, echoing_error_body("invalid_grant"));
  auto code = users.authenticate_with_code(code_params());
  ASSERT_FALSE(code);
  record(code.error(), "authenticate_with_code");

  fake->enqueue_json(401, R"({"code":"invalid_credentials","message":"Invalid credentials",)"
                          R"("password":")" +
                              kPassword + "\"}");
  workos::user_management::AuthenticateWithPasswordParams pw;
  pw.email = "ada@example.com";
  pw.password = kPassword;
  auto password = users.authenticate_with_password(pw);
  ASSERT_FALSE(password);
  record(password.error(), "authenticate_with_password");

  fake->enqueue_json(500, echoing_error_body("server_error"));
  workos::user_management::AuthenticateWithRefreshTokenParams rt;
  rt.refresh_token = kRefreshToken;
  auto refresh = users.authenticate_with_refresh_token(rt);
  ASSERT_FALSE(refresh);
  record(refresh.error(), "authenticate_with_refresh_token");

  // An auth-flow answer (403 mfa_enrollment style) carrying a pending token.
  fake->enqueue_json(403, std::string(R"({"code":"email_verification_required",)") +
                              R"("message":"verify","pending_authentication_token":")" +
                              kRefreshToken + "\",\"email\":\"ada@example.com\"}");
  auto flow = users.authenticate_with_code(code_params());
  ASSERT_FALSE(flow);
  record(flow.error(), "authenticate_with_code (auth flow)");
  expect_no_secret();
}

TEST_F(SecretsNeverLogged, DecodeErrorsOfBodiesThatCarryTokens) {
  auto client = workos::Client::create(options).value();
  // A 200 answer whose user has a wrong type: a decode error over a body full of tokens.
  fake->enqueue_json(200, std::string("{\"user\":42,\"access_token\":\"") + kAccessToken +
                              "\",\"refresh_token\":\"" + kRefreshToken + "\"}");
  auto r = client.user_management().authenticate_with_code(code_params());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), workos::ErrorKind::kDecode);
  record(r.error(), "authenticate_with_code (decode)");
  // Not JSON at all.
  fake->enqueue_json(200, "access_token=" + kAccessToken + "&refresh_token=" + kRefreshToken);
  auto bad = client.user_management().authenticate_with_code(code_params());
  ASSERT_FALSE(bad);
  record(bad.error(), "authenticate_with_code (not JSON)");
  expect_no_secret();
}

TEST_F(SecretsNeverLogged, DeviceCodePolling) {
  auto client = workos::Client::create(options).value();
  fake->enqueue_json(400, echoing_error_body("authorization_pending"));
  workos::user_management::AuthenticateWithDeviceCodeParams p;
  p.device_code = kDeviceCode;
  auto r = client.user_management().authenticate_with_device_code(p);
  ASSERT_FALSE(r);
  record(r.error(), "authenticate_with_device_code");
  fake->enqueue_json(400, echoing_error_body("expired_token"));
  auto expired = client.user_management().authenticate_with_device_code(p);
  ASSERT_FALSE(expired);
  record(expired.error(), "authenticate_with_device_code (expired)");
  expect_no_secret();
}

TEST_F(SecretsNeverLogged, SessionFailures) {
  auto client = workos::Client::create(options).value();
  workos::auth::SessionData data;
  data.access_token = kAccessToken;  // not verifiable: the JWKS call fails below
  data.refresh_token = kRefreshToken;
  auto codec = workos::auth::make_iron_codec(kCookiePassword).value();
  const std::string cookie = workos::auth::seal_session_data(data, *codec).value();

  fake->set_handler([](const workos::HttpRequest& req) -> workos::Result<workos::HttpResponse> {
    if (req.url.find("/sso/jwks/") != std::string::npos) {
      return FakeTransport::json(503, R"({"message":"unavailable"})");
    }
    return FakeTransport::json(400, echoing_error_body("invalid_grant"));
  });
  auto session = client.user_management().load_sealed_session(cookie, kCookiePassword);
  auto auth = session.authenticate();
  EXPECT_FALSE(auth);
  if (auth.error) record(*auth.error, "session authenticate");
  auto refreshed = session.refresh();
  EXPECT_FALSE(refreshed);
  if (refreshed.error) record(*refreshed.error, "session refresh");
  // A cookie sealed with another password, and one that is not a seal at all.
  auto other = client.user_management()
                   .load_sealed_session(cookie, kCookiePassword + "-other")
                   .authenticate();
  EXPECT_FALSE(other);
  if (other.error) record(*other.error, "session authenticate (wrong password)");
  auto unseal = workos::auth::unseal_data(cookie, kCookiePassword + "-other");
  ASSERT_FALSE(unseal);
  record(unseal.error(), "unseal_data (wrong password)");
  auto short_password = workos::auth::seal_data("{}", kCookiePassword.substr(0, 20));
  ASSERT_FALSE(short_password);
  record(short_password.error(), "seal_data (short password)");
  expect_no_secret();
}

TEST_F(SecretsNeverLogged, VaultValuesAndDataKeys) {
  auto client = workos::Client::create(options).value();
  fake->enqueue_json(
      422, std::string(R"({"message":"Validation failed","value":")") + kVaultValue + "\"}");
  workos::vault::CreateKvParams kv;
  kv.name = "db-password";
  kv.value = kVaultValue;
  kv.key_context = {{"organization_id", "org_1"}};
  auto created = client.vault().create_kv(kv, {});
  ASSERT_FALSE(created);
  record(created.error(), "vault create_kv");
  // A data key the SDK cannot use (16 bytes, not 32): a local crypto error after a debug log of
  // the answer.
  fake->enqueue_json(200, std::string(R"({"id":"dk_1","context":{},"data_key":")") + kDataKey +
                              R"(","encrypted_keys":"AAAA"})");
  auto encrypted = client.vault().encrypt(kVaultValue, {{"organization_id", "org_1"}});
  ASSERT_FALSE(encrypted);
  record(encrypted.error(), "vault encrypt");
  expect_no_secret();
}

TEST_F(SecretsNeverLogged, APerCallApiKeyIsSentAndNeverShown) {
  auto client = workos::Client::create(options).value();
  workos::RequestOptions call;
  call.api_key = kCallApiKey;
  fake->enqueue_json(401, R"({"message":"Invalid API key )" + kCallApiKey + R"("})");
  auto org = client.organizations().get_organization("org_1", call);
  ASSERT_FALSE(org);
  EXPECT_EQ(workos::testing::header_value(fake->last_request().headers, "authorization"),
            "Bearer " + kCallApiKey);
  record(org.error(), "get_organization (per-call key)");
  // Without it, the client's key is sent.
  fake->enqueue_json(200, R"({"object":"organization","id":"org_1","name":"Acme"})");
  ASSERT_TRUE(client.organizations().get_organization("org_1"));
  EXPECT_EQ(workos::testing::header_value(fake->last_request().headers, "authorization"),
            "Bearer " + kApiKey);
  // A key that would break the header is refused before anything is sent.
  call.api_key = kCallApiKey + "\r\nX: y";
  const std::size_t sent = fake->request_count();
  auto bad = client.organizations().get_organization("org_1", call);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind(), workos::ErrorKind::kInvalidArgument);
  EXPECT_EQ(fake->request_count(), sent);
  record(bad.error(), "get_organization (bad per-call key)");
  expect_no_secret();
}

}  // namespace
