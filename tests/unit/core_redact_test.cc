// Copyright workos-cpp authors. Handwritten.
// Redaction of device codes, Magic Auth codes, password hashes, credentials and vault secrets
// (object values, data keys) from logged request bodies and from the raw body kept in errors.

#include <workos/testing/fake_transport.h>
#include <workos/user_management/user_management_client.h>
#include <workos/vault/vault_client.h>

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "core/core_access.h"
#include "core/redact.h"
#include "support/core_test_helpers.h"
#include "user_management/requests.h"
#include "vault/requests.h"

namespace {

using workos::detail::redact;
using workos::detail::redact_response_body;
using workos::testing::FakeTransport;

constexpr char kDeviceCode[] = "Ete3A8Bq-device-code-secret";
constexpr char kVaultValue[] = "hunter2-vault-plaintext";
constexpr char kDataKey[] = "DR9idtey9MpMrA1VRFrz30HB1yNgL2PoHZyjAkFeWgg=";
constexpr char kMagicCode[] = "739154";

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(CoreRedact, DeviceCodeDataKeyAndValueAreSensitiveNames) {
  for (const char* name : {"device_code", "DEVICE_CODE", "data_key", "value", "Value"}) {
    EXPECT_TRUE(workos::detail::is_sensitive_name(name)) << name;
  }
  // Neighbours that are not secrets stay readable.
  for (const char* name : {"user_code", "verification_uri", "encrypted_keys", "name", "values",
                           "obfuscated_value", "key_context"}) {
    EXPECT_FALSE(workos::detail::is_sensitive_name(name)) << name;
  }
}

TEST(CoreRedact, PasswordHashesCredentialsAndTotpImagesAreSensitiveNames) {
  for (const char* name : {"password_hash", "credential", "qr_code", "authkit_authorization_code",
                           "totp_secret", "pending_authentication_token"}) {
    EXPECT_TRUE(workos::detail::is_sensitive_name(name)) << name;
  }
  for (const char* name : {"password_hash_type", "credentials_type", "error_code", "secret_hint"}) {
    EXPECT_FALSE(workos::detail::is_sensitive_name(name)) << name;
  }
  const std::string body =
      R"({"email":"a@b.c","password_hash":"$2b$10$N9qo8uLOickgx2ZMRZoMye","password_hash_type":)"
      R"("bcrypt","credential":"eyJhbGciOiJSUzI1NiJ9.e30.c2ln"})";
  EXPECT_EQ(redact(body),
            R"({"email":"a@b.c","password_hash":"[REDACTED]","password_hash_type":"bcrypt",)"
            R"("credential":"[REDACTED]"})");
}

TEST(CoreRedact, RedactsTheDeviceCodeInJsonAndFormBodies) {
  EXPECT_EQ(redact(std::string(R"({"grant_type":"urn:ietf:params:oauth:grant-type:device_code",)") +
                   R"("device_code":")" + kDeviceCode + R"(","client_id":"client_1"})"),
            R"({"grant_type":"urn:ietf:params:oauth:grant-type:device_code",)"
            R"("device_code":"[REDACTED]","client_id":"client_1"})");
  EXPECT_EQ(redact(std::string("client_id=client_1&device_code=") + kDeviceCode),
            "client_id=client_1&device_code=[REDACTED]");
  // In an answer too (start_device_authorization), where `code` keys are kept.
  EXPECT_EQ(redact_response_body(std::string(R"({"device_code":")") + kDeviceCode +
                                 R"(","user_code":"BCDF-GHJK","expires_in":300})"),
            R"({"device_code":"[REDACTED]","user_code":"BCDF-GHJK","expires_in":300})");
}

TEST(CoreRedact, RedactsVaultObjectValuesAndDataKeys) {
  EXPECT_EQ(redact_response_body(std::string(R"({"id":"obj_1","name":"db-password","value":")") +
                                 kVaultValue + R"(","metadata":{"version_id":"v1"}})"),
            R"({"id":"obj_1","name":"db-password","value":"[REDACTED]",)"
            R"("metadata":{"version_id":"v1"}})");
  EXPECT_EQ(redact(std::string(R"({"key_context":{"org":"o1"},"name":"n","value" : ")") +
                   kVaultValue + R"("})"),
            R"({"key_context":{"org":"o1"},"name":"n","value" : "[REDACTED]"})");
  EXPECT_EQ(redact_response_body(std::string(R"({"id":"k1","data_key":")") + kDataKey +
                                 R"(","encrypted_keys":"V09TLkVLTS52MQ=="})"),
            R"({"id":"k1","data_key":"[REDACTED]","encrypted_keys":"V09TLkVLTS52MQ=="})");
}

TEST(CoreRedact, ResponseBodiesThatAreNotJsonLoseTheirSecretPairs) {
  EXPECT_EQ(redact_response_body("access_token=at_SECRET&refresh_token=rt_SECRET&expires_in=300"),
            "access_token=[REDACTED]&refresh_token=[REDACTED]&expires_in=300");
  EXPECT_EQ(redact_response_body(std::string("device_code=") + kDeviceCode + "&code=invalid_grant"),
            "device_code=[REDACTED]&code=invalid_grant");
}

struct CoreRedactThroughTheClient : ::testing::Test {
  std::shared_ptr<FakeTransport> fake = std::make_shared<FakeTransport>();
  workos::test::LogCapture logs;
  std::shared_ptr<workos::detail::ClientCore> core;
  void SetUp() override {
    workos::ClientOptions o = workos::test::fake_options(fake);
    o.base_url = "https://api.workos.test";
    o.client_id = "client_1";
    o.max_retries = 0;
    o.logger = logs.sink();
    o.log_level = workos::LogLevel::kDebug;
    core = workos::test::make_core(o);
  }
};

TEST_F(CoreRedactThroughTheClient, DecodeErrorRawBodyHidesAVaultObjectValue) {
  workos::vault::VaultClient vault(workos::vault::make_vault_connection(core));
  // `metadata` of the wrong type: a DecodeError that keeps the (redacted) raw body.
  fake->enqueue_json(200, std::string(R"({"id":"obj_1","name":"db-password","value":")") +
                              kVaultValue + R"(","metadata":"not an object"})");
  auto r = vault.get_kv("obj_1");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), workos::ErrorKind::kDecode);
  EXPECT_TRUE(contains(r.error().raw_body(), R"("value":"[REDACTED]")")) << r.error().raw_body();
  EXPECT_FALSE(contains(r.error().raw_body(), kVaultValue));
  EXPECT_FALSE(contains(r.error().to_string(), kVaultValue));
  EXPECT_FALSE(contains(logs.joined(), kVaultValue));
}

TEST_F(CoreRedactThroughTheClient, DecodeErrorRawBodyHidesAMagicAuthCode) {
  workos::user_management::UserManagementService users(
      workos::user_management::make_user_management_connection(core));
  // A 2xx answer's `code` is the secret itself, not an error code: it goes from the raw body.
  fake->enqueue_json(200, std::string(R"({"object":"magic_auth","id":"ma_1","user_id":"u_1",)") +
                              R"("email":"a@b.c","code":")" + kMagicCode + R"(","created_at":5})");
  auto r = users.create_magic_auth({"a@b.c"});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), workos::ErrorKind::kDecode);
  EXPECT_TRUE(contains(r.error().raw_body(), R"("code":"[REDACTED]")")) << r.error().raw_body();
  EXPECT_FALSE(contains(r.error().to_string(), kMagicCode));
  EXPECT_FALSE(contains(logs.joined(), kMagicCode));
  // An error answer keeps its error code readable.
  fake->enqueue_json(422, R"({"code":"invalid_email","message":"bad"})");
  auto e = users.create_magic_auth({"a@b.c"});
  ASSERT_FALSE(e);
  EXPECT_TRUE(contains(e.error().raw_body(), R"("code":"invalid_email")")) << e.error().raw_body();
}

TEST_F(CoreRedactThroughTheClient, DecodeErrorRawBodyHidesADataKey) {
  workos::vault::VaultClient vault(workos::vault::make_vault_connection(core));
  fake->enqueue_json(200, std::string(R"({"id":"k1","data_key":")") + kDataKey +
                              R"(","encrypted_keys":5,"context":{}})");
  workos::vault::CreateDataKeyParams params;
  params.context = {{"organization_id", "org_01"}};
  auto r = vault.create_data_key(params);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), workos::ErrorKind::kDecode);
  EXPECT_TRUE(contains(r.error().raw_body(), R"("data_key":"[REDACTED]")")) << r.error().raw_body();
  EXPECT_FALSE(contains(r.error().to_string(), kDataKey));
  EXPECT_FALSE(contains(logs.joined(), kDataKey));
}

TEST_F(CoreRedactThroughTheClient, LoggedRequestBodyHidesAVaultValue) {
  workos::vault::VaultClient vault(workos::vault::make_vault_connection(core));
  fake->enqueue_json(400, R"({"message":"bad","code":"invalid"})");
  workos::vault::CreateKvParams params;
  params.name = "db-password";
  params.value = kVaultValue;
  auto r = vault.create_kv(params);
  ASSERT_FALSE(r);
  ASSERT_TRUE(contains(fake->last_request().body, kVaultValue));  // sent as is
  const std::string logged = logs.joined();
  EXPECT_TRUE(contains(logged, R"("value":"[REDACTED]")")) << logged;
  EXPECT_FALSE(contains(logged, kVaultValue));
  EXPECT_FALSE(contains(r.error().to_string(), kVaultValue));
}

TEST_F(CoreRedactThroughTheClient, DeviceCodeIsHiddenFromLogsAndDecodeErrors) {
  auto users = workos::detail::CoreAccess::make<workos::user_management::UserManagementClient>(
      workos::user_management::make_user_management_connection(core), core);
  // The device-code grant (each poll): the code travels in the logged request body.
  fake->enqueue_json(400, R"({"error":"access_denied","error_description":"denied"})");
  workos::user_management::AuthenticateWithDeviceCodeParams params;
  params.device_code = kDeviceCode;
  auto denied = users.authenticate_with_device_code(params);
  ASSERT_FALSE(denied);
  ASSERT_TRUE(contains(fake->last_request().body, kDeviceCode));
  EXPECT_FALSE(contains(logs.joined(), kDeviceCode)) << logs.joined();
  EXPECT_FALSE(contains(denied.error().to_string(), kDeviceCode));

  // start_device_authorization's answer, undecodable: its raw body hides the code.
  fake->enqueue_json(200, std::string(R"({"device_code":")") + kDeviceCode +
                              R"(","user_code":"BCDF-GHJK","verification_uri":5})");
  auto started = users.start_device_authorization();
  ASSERT_FALSE(started);
  EXPECT_EQ(started.error().kind(), workos::ErrorKind::kDecode);
  EXPECT_TRUE(contains(started.error().raw_body(), R"("device_code":"[REDACTED]")"))
      << started.error().raw_body();
  EXPECT_FALSE(contains(started.error().to_string(), kDeviceCode));
  EXPECT_FALSE(contains(logs.joined(), kDeviceCode));
}

}  // namespace
