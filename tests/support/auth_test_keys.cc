// Copyright workos-cpp authors. Handwritten.

#include "auth_test_keys.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <map>
#include <mutex>
#include <stdexcept>

namespace workos::test::auth {
namespace {

std::string bio_string(BIO* bio) {
  char* data = nullptr;
  long len = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<std::size_t>(len));
}

std::string bn_bytes(const BIGNUM* bn) {
  std::string out(static_cast<std::size_t>(BN_num_bytes(bn)), '\0');
  BN_bn2bin(bn, reinterpret_cast<unsigned char*>(out.data()));
  return out;
}

std::string json_array(const std::vector<std::string>& v) {
  std::string out = "[";
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) out += ',';
    out += '"' + v[i] + '"';
  }
  return out + "]";
}

}  // namespace

std::string b64url(std::string_view in) {
  static const char* a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  std::size_t i = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  for (; i + 2 < in.size(); i += 3) {
    unsigned v = (p[i] << 16) | (p[i + 1] << 8) | p[i + 2];
    out += a[v >> 18 & 63];
    out += a[v >> 12 & 63];
    out += a[v >> 6 & 63];
    out += a[v & 63];
  }
  if (in.size() - i == 1) {
    unsigned v = p[i] << 16;
    out += a[v >> 18 & 63];
    out += a[v >> 12 & 63];
  } else if (in.size() - i == 2) {
    unsigned v = (p[i] << 16) | (p[i + 1] << 8);
    out += a[v >> 18 & 63];
    out += a[v >> 12 & 63];
    out += a[v >> 6 & 63];
  }
  return out;
}

std::shared_ptr<const TestRsaKey> TestRsaKey::generate(std::string kid, int bits) {
  EVP_PKEY* pkey = EVP_RSA_gen(static_cast<unsigned>(bits));
  if (!pkey) throw std::runtime_error("RSA key generation failed");
  std::shared_ptr<TestRsaKey> key(new TestRsaKey());
  key->kid_ = std::move(kid);
  key->pkey_ = pkey;
  return key;
}

std::shared_ptr<const TestRsaKey> TestRsaKey::shared(const std::string& kid) {
  static std::mutex mu;
  static std::map<std::string, std::shared_ptr<const TestRsaKey>> keys;
  std::lock_guard<std::mutex> lock(mu);
  auto& slot = keys[kid];
  if (!slot) slot = generate(kid);
  return slot;
}

TestRsaKey::~TestRsaKey() {
  EVP_PKEY_free(static_cast<EVP_PKEY*>(pkey_));
}

std::string TestRsaKey::jwk_json() const {
  BIGNUM* n = nullptr;
  BIGNUM* e = nullptr;
  EVP_PKEY_get_bn_param(static_cast<EVP_PKEY*>(pkey_), OSSL_PKEY_PARAM_RSA_N, &n);
  EVP_PKEY_get_bn_param(static_cast<EVP_PKEY*>(pkey_), OSSL_PKEY_PARAM_RSA_E, &e);
  std::string out = R"({"kty":"RSA","use":"sig","alg":"RS256","kid":")" + kid_ + R"(","n":")" +
                    b64url(bn_bytes(n)) + R"(","e":")" + b64url(bn_bytes(e)) + R"("})";
  BN_free(n);
  BN_free(e);
  return out;
}

std::string TestRsaKey::public_pem() const {
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_PUBKEY(bio, static_cast<EVP_PKEY*>(pkey_));
  std::string out = bio_string(bio);
  BIO_free(bio);
  return out;
}

std::string TestRsaKey::private_pem() const {
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_PrivateKey(bio, static_cast<EVP_PKEY*>(pkey_), nullptr, nullptr, 0, nullptr,
                           nullptr);
  std::string out = bio_string(bio);
  BIO_free(bio);
  return out;
}

std::string TestRsaKey::sign(std::string_view data) const {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  std::size_t len = 0;
  std::string sig;
  if (EVP_DigestSignInit_ex(ctx, nullptr, "SHA256", nullptr, nullptr, static_cast<EVP_PKEY*>(pkey_),
                            nullptr) == 1 &&
      EVP_DigestSign(ctx, nullptr, &len, reinterpret_cast<const unsigned char*>(data.data()),
                     data.size()) == 1) {
    sig.resize(len);
    EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(sig.data()), &len,
                   reinterpret_cast<const unsigned char*>(data.data()), data.size());
    sig.resize(len);
  }
  EVP_MD_CTX_free(ctx);
  return sig;
}

std::string TestRsaKey::sign_jwt(std::string_view header_json,
                                 std::string_view payload_json) const {
  std::string input = b64url(header_json) + "." + b64url(payload_json);
  return input + "." + b64url(sign(input));
}

std::string jwks_json(const std::vector<std::shared_ptr<const TestRsaKey>>& keys) {
  std::string out = R"({"keys":[)";
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (i) out += ',';
    out += keys[i]->jwk_json();
  }
  return out + "]}";
}

long long epoch_seconds(std::chrono::system_clock::time_point tp) {
  return std::chrono::duration_cast<std::chrono::seconds>(tp.time_since_epoch()).count();
}

std::string TestClaims::to_json(std::chrono::system_clock::time_point now) const {
  const long long iat = epoch_seconds(now - issued_ago);
  const long long exp = epoch_seconds(now - issued_ago + lifetime);
  std::string out = "{";
  out += R"("iss":")" + iss + R"(","sub":")" + sub + R"(","sid":")" + sid + R"(","jti":"jti_1")";
  if (!org_id.empty()) out += R"(,"org_id":")" + org_id + '"';
  if (!role.empty()) out += R"(,"role":")" + role + R"(","roles":[")" + role + "\"]";
  out += R"(,"permissions":)" + json_array(permissions);
  out += R"(,"entitlements":)" + json_array(entitlements);
  out += R"(,"feature_flags":)" + json_array(feature_flags);
  out += R"(,"iat":)" + std::to_string(iat) + R"(,"exp":)" + std::to_string(exp);
  out += extra;
  return out + "}";
}

std::string mint_access_token(const TestRsaKey& key, const TestClaims& claims,
                              std::chrono::system_clock::time_point now) {
  const std::string header = R"({"alg":"RS256","typ":"JWT","kid":")" + key.kid() + R"("})";
  return key.sign_jwt(header, claims.to_json(now));
}

}  // namespace workos::test::auth
