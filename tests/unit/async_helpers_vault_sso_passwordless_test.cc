// Copyright workos-cpp authors. Handwritten.
// The non-blocking forms of the vault, SSO and passwordless helpers (one template each, over
// the call mode): the forms' types, then
// AsyncVaultClient encrypt / decrypt round trip (exact key requests, local AES-GCM, a fake
// async connection, errors without a request), AsyncSsoClient code exchanges and PKCE URL,
// AsyncPasswordlessService create / send (exact requests, decoded answers).

#include <workos/async_client.h>
#include <workos/passwordless/async_passwordless.h>
#include <workos/sso/async_sso_client.h>
#include <workos/sso/sso_client.h>
#include <workos/testing/fake_transport.h>
#include <workos/vault/async_vault_client.h>
#include <workos/vault/vault_client.h>

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "core/core_access.h"
#include "support/core_test_helpers.h"
#include "support/loopback_server.h"
#include "unit/async_helpers_support.h"

namespace async_helpers_vault_sso_passwordless_test {

using namespace workos;
using workos::testing::FakeTransport;

// Each client is its template in one form: the blocking one returns `Result<T>`, the other
// `Future<T>`, with the same parameters and defaults; local work returns `Result<T>` in both.
template <class C>
const C& some();
static_assert(std::is_base_of_v<sso::BasicSsoClient<SyncMode>, sso::SsoClient>);
static_assert(std::is_base_of_v<sso::BasicSsoClient<AsyncMode>, sso::AsyncSsoClient>);
static_assert(std::is_base_of_v<sso::SsoService, sso::SsoClient>);
static_assert(std::is_base_of_v<sso::AsyncSsoService, sso::AsyncSsoClient>);
static_assert(std::is_same_v<decltype(some<sso::SsoClient>().get_profile_and_token("c")),
                             Result<SsoTokenResponse>>);
static_assert(std::is_same_v<decltype(some<sso::AsyncSsoClient>().get_profile_and_token("c")),
                             Future<SsoTokenResponse>>);
// The generated overload stays reachable next to the helper.
static_assert(std::is_same_v<decltype(some<sso::AsyncSsoClient>().get_profile_and_token(
                                 std::declval<const sso::GetProfileAndTokenParams&>())),
                             Future<SsoTokenResponse>>);
static_assert(std::is_same_v<decltype(some<sso::AsyncSsoClient>().get_authorization_url_with_pkce(
                                 sso::GetAuthorizationUrlParams())),
                             Result<auth::AuthorizationUrlWithPkce>>);
static_assert(
    std::is_same_v<decltype(some<vault::VaultClient>().decrypt("x")), Result<std::string>>);
static_assert(std::is_same_v<decltype(some<vault::AsyncVaultClient>().encrypt(
                                 "x", std::map<std::string, std::string>())),
                             Future<std::string>>);
static_assert(std::is_base_of_v<vault::AsyncVaultService, vault::AsyncVaultClient>);
static_assert(std::is_same_v<decltype(some<passwordless::PasswordlessService>().send_session("i")),
                             Result<passwordless::SendSessionResponse>>);
static_assert(
    std::is_same_v<decltype(some<passwordless::AsyncPasswordlessService>().send_session("i")),
                   Future<passwordless::SendSessionResponse>>);
static_assert(std::has_virtual_destructor_v<passwordless::AsyncPasswordlessService>);

constexpr char kDataKey[] = "DR9idtey9MpMrA1VRFrz30HB1yNgL2PoHZyjAkFeWgg=";
constexpr char kEncryptedKeys[] =
    "V09TLkVLTS52MQBiZjUxY2NlYy03OGI0LTUyMDAtYjM4My0zNTczMGU3MWVmNjEBATEBJGJmNjVlMzI2LTQzYTAtNGIy"
    "MC04OGM0LTA3ZmYzZGU1NDM0YwF0YmY2NWUzMjYtNDNhMC00YjIwLTg4YzQtMDdmZjNkZTU0MzRj";

std::string data_key_answer() {
  return std::string(R"({"id":"bf51ccec-78b4-5200-b383-35730e71ef61","data_key":")") + kDataKey +
         R"(","encrypted_keys":")" + kEncryptedKeys +
         R"(","context":{"organization_id":"org_01"}})";
}

std::string decrypt_answer() {
  return std::string(R"({"id":"bf51ccec-78b4-5200-b383-35730e71ef61","data_key":")") + kDataKey +
         "\"}";
}

struct Fixture {
  std::shared_ptr<FakeTransport> fake = std::make_shared<FakeTransport>();
  std::unique_ptr<AsyncClient> client;

  explicit Fixture(bool public_client = false) {
    ClientOptions o;
    if (!public_client) o.api_key = "sk_test_secret_key";
    o.public_client = public_client;
    o.client_id = "client_123";
    o.base_url = "https://api.workos.test";
    o.transport = fake;
    o.max_retries = 0;
    client = std::make_unique<AsyncClient>(o);
  }
};

// ---- vault -----------------------------------------------------------------------------------

TEST(AsyncHelpersVault, EncryptThenDecryptRoundTripsThroughTheKeyEndpoints) {
  Fixture f;
  const auto& vault = f.client->vault();
  f.fake->enqueue_json(200, data_key_answer());
  Result<std::string> blob = async_helpers::await(
      vault.encrypt("4242 4242 4242 4242", {{"organization_id", "org_01"}}, "user_1"));
  ASSERT_TRUE(blob) << blob.error().to_string();
  ASSERT_EQ(f.fake->request_count(), 1u);
  HttpRequest req = f.fake->last_request();
  EXPECT_EQ(req.method, "POST");
  EXPECT_EQ(req.url, "https://api.workos.test/vault/v1/keys/data-key");
  EXPECT_EQ(req.body, R"({"context":{"organization_id":"org_01"}})");
  // The value embeds the encrypted keys and opens with the data key (checked locally).
  EXPECT_EQ(vault::parse_encrypted(*blob).value().encrypted_keys_base64(), kEncryptedKeys);
  EXPECT_EQ(vault::decrypt_with_key(*blob, kDataKey, "user_1").value(), "4242 4242 4242 4242");

  f.fake->enqueue_json(200, decrypt_answer());
  Result<std::string> plain = async_helpers::await(vault.decrypt(*blob, "user_1"));
  ASSERT_TRUE(plain) << plain.error().to_string();
  EXPECT_EQ(*plain, "4242 4242 4242 4242");
  req = f.fake->last_request();
  EXPECT_EQ(req.url, "https://api.workos.test/vault/v1/keys/decrypt");
  EXPECT_EQ(req.body, std::string(R"({"keys":")") + kEncryptedKeys + "\"}");

  // Wrong associated data: the key is fetched, authentication fails locally.
  f.fake->enqueue_json(200, decrypt_answer());
  Result<std::string> wrong = async_helpers::await(vault.decrypt(*blob, "user_2"));
  ASSERT_FALSE(wrong);
  EXPECT_EQ(vault::vault_crypto_failure_of(wrong.error()),
            vault::VaultCryptoFailure::kAuthenticationFailed);
}

TEST(AsyncHelpersVault, MalformedValuesFailAtOnceAndApiErrorsPassThrough) {
  Fixture f;
  const auto& vault = f.client->vault();
  Future<std::string> bad = vault.decrypt("not-base64!!");
  ASSERT_TRUE(bad.is_ready());
  Result<std::string> r = bad.get();
  ASSERT_FALSE(r);
  EXPECT_EQ(vault::vault_crypto_failure_of(r.error()),
            vault::VaultCryptoFailure::kMalformedCiphertext);
  EXPECT_EQ(f.fake->request_count(), 0u);

  f.fake->enqueue_json(422, R"({"code":"invalid_context","message":"Context is invalid"})");
  Result<std::string> e = async_helpers::await(vault.encrypt("x", {}));
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().status(), 422);
  EXPECT_EQ(e.error().code(), "invalid_context");
}

// The seam: a fake async connection (what a mock does) drives encrypt and decrypt, no HTTP.
struct FakeKeys : vault::AsyncVaultConnection {
  std::string last_keys;
  Future<CreateDataKeyResponse> create_data_key(const vault::CreateDataKeyParams& params,
                                                const RequestOptions&) override {
    CreateDataKeyResponse r;
    r.id = "dk_1";
    r.data_key = kDataKey;
    r.encrypted_keys = kEncryptedKeys;
    r.context = params.context;
    return make_ready_future(Result<CreateDataKeyResponse>(std::move(r)));
  }
  Future<DecryptResponse> create_decrypt(const vault::CreateDecryptParams& params,
                                         const RequestOptions&) override {
    last_keys = params.keys;
    DecryptResponse r;
    r.id = "dk_1";
    r.data_key = kDataKey;
    return make_ready_future(Result<DecryptResponse>(std::move(r)));
  }
};

TEST(AsyncHelpersVault, AFakeAsyncConnectionDrivesEncryptAndDecrypt) {
  auto keys = std::make_shared<FakeKeys>();
  auto vault = detail::CoreAccess::make<vault::AsyncVaultClient>(keys, nullptr);
  Result<std::string> blob = async_helpers::await(vault.encrypt("hello", {{"k", "v"}}));
  ASSERT_TRUE(blob) << blob.error().to_string();
  Result<std::string> plain = async_helpers::await(vault.decrypt(*blob));
  ASSERT_TRUE(plain) << plain.error().to_string();
  EXPECT_EQ(*plain, "hello");
  EXPECT_EQ(keys->last_keys, kEncryptedKeys);
}

TEST(AsyncHelpersVault, RoundTripOverTheLoopbackServer) {
  test::LoopbackServer server;
  server.on("POST", "/vault/v1/keys/data-key", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(data_key_answer(), "application/json");
  });
  server.on("POST", "/vault/v1/keys/decrypt", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(decrypt_answer(), "application/json");
  });
  ClientOptions o;
  o.api_key = "sk_test_secret_key";
  o.base_url = server.base_url();
  AsyncClient client(o);
  const auto& vault = client.vault();
  // Chained on the loop: encrypt, then decrypt in the continuation.
  Future<std::string> chained = vault.encrypt("over the wire", {{"organization_id", "org_01"}})
                                    .then([vault](Result<std::string> blob) {
                                      if (!blob) return make_ready_future(std::move(blob));
                                      return vault.decrypt(*blob);
                                    });
  Result<std::string> plain = async_helpers::await(chained);
  ASSERT_TRUE(plain) << plain.error().to_string();
  EXPECT_EQ(*plain, "over the wire");
  EXPECT_EQ(server.request_count(), 2u);
}

// ---- sso -------------------------------------------------------------------------------------

const char* kSsoToken = R"({"token_type":"Bearer","access_token":"sso_at","expires_in":600,
  "profile":{"object":"profile","id":"prof_1","organization_id":"org_1",
  "connection_id":"conn_1","connection_type":"OktaSAML","idp_id":"idp_1",
  "email":"ada@example.com","first_name":"Ada","last_name":"L","role":null,"groups":[],
  "custom_attributes":{},"raw_attributes":{}}})";

TEST(AsyncHelpersSso, CodeExchangeSendsTheCredentialsInTheBody) {
  Fixture f;
  const auto& sso = f.client->sso();
  f.fake->enqueue_json(200, kSsoToken);
  Result<SsoTokenResponse> r = async_helpers::await(sso.get_profile_and_token("code_1"));
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->access_token, "sso_at");
  EXPECT_EQ(r->profile.email, "ada@example.com");
  HttpRequest req = f.fake->last_request();
  EXPECT_EQ(req.url, "https://api.workos.test/sso/token");
  auto b = async_helpers::members(req.body);
  EXPECT_EQ(b["client_id"], "client_123");
  EXPECT_EQ(b["client_secret"], "sk_test_secret_key");
  EXPECT_EQ(b["grant_type"], "authorization_code");
  EXPECT_EQ(b["code"], "code_1");
}

TEST(AsyncHelpersSso, PublicClientsUsePkce) {
  Fixture f(/*public_client=*/true);
  const auto& sso = f.client->sso();
  Future<SsoTokenResponse> denied = sso.get_profile_and_token("code_1");
  ASSERT_TRUE(denied.is_ready());
  EXPECT_EQ(denied.get().error().kind(), ErrorKind::kConfiguration);
  EXPECT_EQ(async_helpers::await(sso.get_profile_and_token_pkce("code_1", "")).error().kind(),
            ErrorKind::kInvalidArgument);
  EXPECT_EQ(f.fake->request_count(), 0u);
  f.fake->enqueue_json(200, kSsoToken);
  Result<SsoTokenResponse> r =
      async_helpers::await(sso.get_profile_and_token_pkce("code_2", "verifier_2"));
  ASSERT_TRUE(r) << r.error().to_string();
  auto b = async_helpers::members(f.fake->last_request().body);
  EXPECT_EQ(b.count("client_secret"), 0u);
  EXPECT_EQ(b["code_verifier"], "verifier_2");
  EXPECT_EQ(workos::testing::header_value(f.fake->last_request().headers, "authorization"), "");

  sso::GetAuthorizationUrlParams p;
  p.connection_id = "conn_1";
  p.redirect_uri = "https://app.example.com/callback";
  Result<auth::AuthorizationUrlWithPkce> url = sso.get_authorization_url_with_pkce(p);
  ASSERT_TRUE(url) << url.error().to_string();
  EXPECT_NE(url->url.find("/sso/authorize?"), std::string::npos);
  EXPECT_NE(url->url.find("code_challenge_method=S256"), std::string::npos);
  EXPECT_NE(url->url.find("state=" + url->state), std::string::npos);
  EXPECT_FALSE(sso.get_authorization_url_with_pkce(sso::GetAuthorizationUrlParams{}));
  EXPECT_EQ(f.fake->request_count(), 1u);
}

// ---- passwordless -----------------------------------------------------------------------------

constexpr char kSession[] = R"({
  "object": "passwordless_session",
  "id": "passwordless_session_01EHDAK2BFGWCSZXP9HGZ3VK8C",
  "email": "marcelina@example.com",
  "expires_at": "2020-08-13T05:50:00.000Z",
  "link": "https://auth.workos.com/passwordless/4TeRexuejWCKs9rrFOIuLRYEr/confirm"
})";

TEST(AsyncHelpersPasswordless, CreateThenSendASession) {
  Fixture f;
  const auto& service = f.client->passwordless();
  f.fake->enqueue_json(201, kSession, {{"X-Request-ID", "req_pl_1"}});
  passwordless::CreateSessionParams p;
  p.email = "marcelina@example.com";
  p.redirect_uri = "https://example.com/callback";
  p.expires_in = 900;
  Result<passwordless::PasswordlessSession> s = async_helpers::await(service.create_session(p));
  ASSERT_TRUE(s) << s.error().to_string();
  EXPECT_EQ(s->id, "passwordless_session_01EHDAK2BFGWCSZXP9HGZ3VK8C");
  EXPECT_EQ(s->email, "marcelina@example.com");
  EXPECT_EQ(s->link, "https://auth.workos.com/passwordless/4TeRexuejWCKs9rrFOIuLRYEr/confirm");
  ASSERT_NE(s.response(), nullptr);
  EXPECT_EQ(s.response()->request_id(), "req_pl_1");
  HttpRequest req = f.fake->last_request();
  EXPECT_EQ(req.method, "POST");
  EXPECT_EQ(req.url, "https://api.workos.test/passwordless/sessions");
  EXPECT_EQ(req.body, R"({"type":"MagicLink","email":"marcelina@example.com",)"
                      R"("redirect_uri":"https://example.com/callback","expires_in":900})");
  EXPECT_EQ(workos::testing::header_value(req.headers, "authorization"),
            "Bearer sk_test_secret_key");

  f.fake->enqueue_json(200, R"({"success":true})");
  Result<passwordless::SendSessionResponse> sent =
      async_helpers::await(service.send_session(s->id));
  ASSERT_TRUE(sent) << sent.error().to_string();
  EXPECT_TRUE(sent->success.value_or(false));
  req = f.fake->last_request();
  EXPECT_EQ(req.url,
            "https://api.workos.test/passwordless/sessions/"
            "passwordless_session_01EHDAK2BFGWCSZXP9HGZ3VK8C/send");
  EXPECT_EQ(req.body, "{}");

  Future<passwordless::SendSessionResponse> empty = service.send_session("");
  ASSERT_TRUE(empty.is_ready());
  EXPECT_EQ(empty.get().error().kind(), ErrorKind::kInvalidArgument);
  EXPECT_EQ(f.fake->request_count(), 2u);
}

TEST(AsyncHelpersPasswordless, ApiErrorsPassThrough) {
  Fixture f;
  const auto& service = f.client->passwordless();
  f.fake->enqueue_json(422, R"({"code":"invalid_email","message":"Email is invalid"})");
  Result<passwordless::PasswordlessSession> s = async_helpers::await(service.create_session({}));
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().status(), 422);
  EXPECT_EQ(s.error().code(), "invalid_email");
}

}  // namespace async_helpers_vault_sso_passwordless_test
