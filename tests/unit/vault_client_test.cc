// Copyright workos-cpp authors. Handwritten.
// VaultClient::encrypt / decrypt: the data-key requests (exact bodies through FakeTransport),
// local AES-GCM on the answers, and the mockable connection seam.

#include <workos/client.h>
#include <workos/testing/fake_transport.h>
#include <workos/vault/vault_client.h>

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "core/call.h"
#include "vault/requests.h"

namespace {

using workos::testing::FakeTransport;

constexpr char kDataKey[] = "DR9idtey9MpMrA1VRFrz30HB1yNgL2PoHZyjAkFeWgg=";
constexpr char kEncryptedKeys[] =
    "V09TLkVLTS52MQBiZjUxY2NlYy03OGI0LTUyMDAtYjM4My0zNTczMGU3MWVmNjEBATEBJGJmNjVlMzI2LTQzYTAtNGIy"
    "MC04OGM0LTA3ZmYzZGU1NDM0YwF0YmY2NWUzMjYtNDNhMC00YjIwLTg4YzQtMDdmZjNkZTU0MzRj";

std::string data_key_answer() {
  return std::string(R"({"id":"bf51ccec-78b4-5200-b383-35730e71ef61","data_key":")") + kDataKey +
         R"(","encrypted_keys":")" + kEncryptedKeys +
         R"(","context":{"organization_id":"org_01"}})";
}

std::string decrypt_answer(const char* key = kDataKey) {
  return std::string(R"({"id":"bf51ccec-78b4-5200-b383-35730e71ef61","data_key":")") + key + "\"}";
}

struct Fixture {
  std::shared_ptr<FakeTransport> fake = std::make_shared<FakeTransport>();
  std::unique_ptr<workos::vault::VaultClient> vault;

  Fixture() {
    workos::ClientOptions o;
    o.api_key = "sk_test_vault";
    o.base_url = "https://api.workos.test";
    o.transport = fake;
    o.max_retries = 0;
    vault = std::make_unique<workos::vault::VaultClient>(
        workos::vault::make_vault_connection(workos::detail::ClientCore::create(o).value()));
  }
};

TEST(VaultClient, EncryptAsksForADataKeyAndEmbedsItsEncryptedKeys) {
  Fixture f;
  f.fake->enqueue_json(200, data_key_answer());
  auto blob = f.vault->encrypt("4242 4242 4242 4242", {{"organization_id", "org_01"}}, "user_1");
  ASSERT_TRUE(blob) << blob.error().to_string();
  ASSERT_EQ(f.fake->request_count(), 1u);
  const workos::HttpRequest req = f.fake->last_request();
  EXPECT_EQ(req.method, "POST");
  EXPECT_EQ(req.url, "https://api.workos.test/vault/v1/keys/data-key");
  EXPECT_EQ(req.body, R"({"context":{"organization_id":"org_01"}})");
  auto env = workos::vault::parse_encrypted(*blob);
  ASSERT_TRUE(env);
  EXPECT_EQ(env->encrypted_keys_base64(), kEncryptedKeys);
  auto plain = workos::vault::decrypt_with_key(*blob, kDataKey, "user_1");
  ASSERT_TRUE(plain);
  EXPECT_EQ(*plain, "4242 4242 4242 4242");
}

TEST(VaultClient, DecryptSendsTheEmbeddedKeysAndAuthenticates) {
  Fixture f;
  auto blob = workos::vault::encrypt_with_key("s3cr3t", kDataKey, kEncryptedKeys, "user_1");
  ASSERT_TRUE(blob);
  f.fake->enqueue_json(200, decrypt_answer());
  auto plain = f.vault->decrypt(*blob, "user_1");
  ASSERT_TRUE(plain) << plain.error().to_string();
  EXPECT_EQ(*plain, "s3cr3t");
  const workos::HttpRequest req = f.fake->last_request();
  EXPECT_EQ(req.method, "POST");
  EXPECT_EQ(req.url, "https://api.workos.test/vault/v1/keys/decrypt");
  EXPECT_EQ(req.body, std::string(R"({"keys":")") + kEncryptedKeys + "\"}");

  // Wrong associated data: the key is fetched, authentication fails locally.
  f.fake->enqueue_json(200, decrypt_answer());
  auto wrong = f.vault->decrypt(*blob, "user_2");
  ASSERT_FALSE(wrong);
  EXPECT_EQ(workos::vault::vault_crypto_failure_of(wrong.error()),
            workos::vault::VaultCryptoFailure::kAuthenticationFailed);
}

TEST(VaultClient, MalformedValuesFailWithoutARequest) {
  Fixture f;
  auto r = f.vault->decrypt("not-base64!!");
  ASSERT_FALSE(r);
  EXPECT_EQ(workos::vault::vault_crypto_failure_of(r.error()),
            workos::vault::VaultCryptoFailure::kMalformedCiphertext);
  EXPECT_EQ(f.fake->request_count(), 0u);
}

TEST(VaultClient, ApiErrorsPassThrough) {
  Fixture f;
  f.fake->enqueue_json(422, R"({"code":"invalid_context","message":"Context is invalid"})");
  auto r = f.vault->encrypt("x", {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().status(), 422);
  EXPECT_EQ(r.error().code(), "invalid_context");
  auto blob = workos::vault::encrypt_with_key("x", kDataKey, kEncryptedKeys);
  ASSERT_TRUE(blob);
  f.fake->enqueue_json(400, R"({"message":"bad keys"})");
  auto d = f.vault->decrypt(*blob);
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().status(), 400);
}

TEST(VaultClient, AnInvalidDataKeyFromTheApiIsACryptoError) {
  Fixture f;
  auto blob = workos::vault::encrypt_with_key("x", kDataKey, kEncryptedKeys);
  ASSERT_TRUE(blob);
  f.fake->enqueue_json(200, decrypt_answer("c2hvcnQ="));
  auto d = f.vault->decrypt(*blob);
  ASSERT_FALSE(d);
  EXPECT_EQ(workos::vault::vault_crypto_failure_of(d.error()),
            workos::vault::VaultCryptoFailure::kInvalidDataKey);
}

// The seam: a hand-written connection (what a gMock mock does) drives encrypt and decrypt.
class FakeKeys : public workos::vault::VaultConnection {
 public:
  std::string last_keys;
  workos::Result<workos::CreateDataKeyResponse> create_data_key(
      const workos::vault::CreateDataKeyParams& params, const workos::RequestOptions&) override {
    workos::CreateDataKeyResponse r;
    r.id = "dk_1";
    r.data_key = kDataKey;
    r.encrypted_keys = kEncryptedKeys;
    r.context = params.context;
    return r;
  }
  workos::Result<workos::DecryptResponse> create_decrypt(
      const workos::vault::CreateDecryptParams& params, const workos::RequestOptions&) override {
    last_keys = params.keys;
    workos::DecryptResponse r;
    r.id = "dk_1";
    r.data_key = kDataKey;
    return r;
  }
};

TEST(VaultClient, WorksOverAFakeConnection) {
  auto keys = std::make_shared<FakeKeys>();
  workos::vault::VaultClient vault{std::shared_ptr<workos::vault::VaultConnection>(keys)};
  auto blob = vault.encrypt("round trip", {{"k", "v"}});
  ASSERT_TRUE(blob);
  auto plain = vault.decrypt(*blob);
  ASSERT_TRUE(plain);
  EXPECT_EQ(*plain, "round trip");
  EXPECT_EQ(keys->last_keys, kEncryptedKeys);
}

TEST(VaultClient, ClientVaultIsAVaultClient) {
  auto fake = std::make_shared<FakeTransport>();
  workos::ClientOptions o;
  o.api_key = "sk_test_vault";
  o.transport = fake;
  workos::Client client(o);
  fake->enqueue_json(200, data_key_answer());
  auto blob = client.vault().encrypt("via client", {{"organization_id", "org_01"}});
  ASSERT_TRUE(blob) << blob.error().to_string();
  fake->enqueue_json(200, decrypt_answer());
  auto plain = client.vault().decrypt(*blob);
  ASSERT_TRUE(plain) << plain.error().to_string();
  EXPECT_EQ(*plain, "via client");
  EXPECT_EQ(fake->request(0).url, "https://api.workos.com/vault/v1/keys/data-key");
  EXPECT_EQ(fake->request(1).url, "https://api.workos.com/vault/v1/keys/decrypt");
}

}  // namespace
