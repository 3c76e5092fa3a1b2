// Copyright workos-cpp authors. Handwritten.
// Hot-path benchmarks of the auth helpers, one core:
//   - raw OpenSSL RS256 verification of a WorkOS-sized token (the baseline), two ways: the usual
//     EVP_DigestVerifyInit + EVP_DigestVerify, and a pre-initialised EVP_PKEY_CTX;
//   - AccessTokenVerifier::verify with a warm JWKS cache (parse, kid lookup, signature, claims);
//   - SealedSession::authenticate on an iron cookie (the default) and on a Fernet cookie;
//   - the codecs' unseal alone.
// Run: ./session --benchmark_counters_tabular=true   (taskset -c N to pin one core)
// Throughput is reported as items_per_second (operations per second).

#include <workos/auth/access_token.h>
#include <workos/auth/session.h>
#include <workos/auth/session_codec.h>
#include <workos/testing/fake_transport.h>

#include <benchmark/benchmark.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <chrono>
#include <memory>
#include <string>

namespace {

// ---- test material: an RSA key, its JWKS, a WorkOS-like access token --------------------------

std::string b64url(const unsigned char* p, std::size_t n) {
  static const char* a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < n; i += 3) {
    unsigned v = (p[i] << 16) | (p[i + 1] << 8) | p[i + 2];
    out += a[v >> 18 & 63];
    out += a[v >> 12 & 63];
    out += a[v >> 6 & 63];
    out += a[v & 63];
  }
  if (n - i == 1) {
    unsigned v = p[i] << 16;
    out += a[v >> 18 & 63];
    out += a[v >> 12 & 63];
  } else if (n - i == 2) {
    unsigned v = (p[i] << 16) | (p[i + 1] << 8);
    out += a[v >> 18 & 63];
    out += a[v >> 12 & 63];
    out += a[v >> 6 & 63];
  }
  return out;
}
std::string b64url(const std::string& s) {
  return b64url(reinterpret_cast<const unsigned char*>(s.data()), s.size());
}
std::string bn_b64(const BIGNUM* bn) {
  std::string bytes(static_cast<std::size_t>(BN_num_bytes(bn)), '\0');
  BN_bn2bin(bn, reinterpret_cast<unsigned char*>(bytes.data()));
  return b64url(bytes);
}

struct Material {
  EVP_PKEY* pkey = nullptr;
  std::string jwks;
  std::string token;
  std::string signing_input;
  std::string signature;

  Material() {
    pkey = EVP_RSA_gen(2048);
    BIGNUM* n = nullptr;
    BIGNUM* e = nullptr;
    EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_RSA_N, &n);
    EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_RSA_E, &e);
    jwks = R"({"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"sso_oidc_key_pair_01BENCH",)"
           R"("n":")" +
           bn_b64(n) + R"(","e":")" + bn_b64(e) + R"("}]})";
    BN_free(n);
    BN_free(e);
    const long long now = std::chrono::duration_cast<std::chrono::seconds>(
                              std::chrono::system_clock::now().time_since_epoch())
                              .count();
    // A payload shaped like a real WorkOS access token.
    const std::string header = R"({"alg":"RS256","kid":"sso_oidc_key_pair_01BENCH","typ":"JWT"})";
    const std::string payload =
        R"({"iss":"https://api.workos.com/user_management/client_01BENCH",)"
        R"("sub":"user_01HXYZ123456789ABCDEFGHIJ","sid":"session_01HXYZ123456789ABCDEFGHIJ",)"
        R"("jti":"01HXYZ123456789ABCDEFGHIJK","org_id":"org_01HXYZ123456789ABCDEFGHIJ",)"
        R"("role":"admin","roles":["admin"],"permissions":["posts:read","posts:write",)"
        R"("widgets:manage"],"entitlements":["audit-logs"],"feature_flags":["new-dashboard"],)"
        R"("iat":)" +
        std::to_string(now) + R"(,"exp":)" + std::to_string(now + 3600) + "}";
    signing_input = b64url(header) + "." + b64url(payload);
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    std::size_t len = 0;
    EVP_DigestSignInit_ex(ctx, nullptr, "SHA256", nullptr, nullptr, pkey, nullptr);
    EVP_DigestSign(ctx, nullptr, &len, reinterpret_cast<const unsigned char*>(signing_input.data()),
                   signing_input.size());
    signature.resize(len);
    EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(signature.data()), &len,
                   reinterpret_cast<const unsigned char*>(signing_input.data()),
                   signing_input.size());
    EVP_MD_CTX_free(ctx);
    token = signing_input + "." + b64url(signature);
  }
};

const Material& material() {
  static const Material m;
  return m;
}

// A client whose JWKS comes from a fake transport (fetched once, then cached).
class BenchClient : public workos::ClientBase {
 public:
  explicit BenchClient(workos::ClientOptions o) : ClientBase(std::move(o)) {}
};

BenchClient& client() {
  static BenchClient c([] {
    workos::ClientOptions o;
    o.api_key = "sk_test_bench";
    o.client_id = "client_01BENCH";
    o.transport = std::make_shared<workos::testing::FakeTransport>(
        [](const workos::HttpRequest&) -> workos::Result<workos::HttpResponse> {
          return workos::testing::FakeTransport::json(200, material().jwks);
        });
    return o;
  }());
  return c;
}

const std::string kPassword = "bench-cookie-password-with-more-than-32-chars";

std::string session_json() {
  return R"({"organizationId":"org_01HXYZ123456789ABCDEFGHIJ","user":{"object":"user",)"
         R"("id":"user_01HXYZ123456789ABCDEFGHIJ","email":"marcelina@example.com",)"
         R"("emailVerified":true,"name":null,"firstName":"Marcelina","profilePictureUrl":null,)"
         R"("lastName":"Davis","lastSignInAt":"2025-01-01T00:00:00.000Z","locale":"en-US",)"
         R"("createdAt":"2021-06-25T19:07:33.155Z","updatedAt":"2021-06-25T19:07:33.155Z",)"
         R"("externalId":null,"metadata":{}},"accessToken":")" +
         material().token +
         R"(","refreshToken":"yAjhKk123NLIjdrBdGZPf8pLIDvK","authenticationMethod":"Password"})";
}

// ---- benchmarks ------------------------------------------------------------------------------

void BM_RawOpenSSL_RS256_DigestVerify(benchmark::State& state) {
  const Material& m = material();
  for (auto _ : state) {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    EVP_DigestVerifyInit_ex(ctx, nullptr, "SHA256", nullptr, nullptr, m.pkey, nullptr);
    int ok = EVP_DigestVerify(
        ctx, reinterpret_cast<const unsigned char*>(m.signature.data()), m.signature.size(),
        reinterpret_cast<const unsigned char*>(m.signing_input.data()), m.signing_input.size());
    EVP_MD_CTX_free(ctx);
    if (ok != 1) state.SkipWithError("verify failed");
    benchmark::DoNotOptimize(ok);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RawOpenSSL_RS256_DigestVerify);

void BM_RawOpenSSL_RS256_PreparedCtx(benchmark::State& state) {
  const Material& m = material();
  EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  EVP_PKEY_CTX* base = EVP_PKEY_CTX_new_from_pkey(nullptr, m.pkey, nullptr);
  EVP_PKEY_verify_init(base);
  EVP_PKEY_CTX_set_rsa_padding(base, RSA_PKCS1_PADDING);
  EVP_PKEY_CTX_set_signature_md(base, md);
  for (auto _ : state) {
    unsigned char digest[32];
    unsigned int len = 0;
    EVP_Digest(m.signing_input.data(), m.signing_input.size(), digest, &len, md, nullptr);
    int ok = EVP_PKEY_verify(base, reinterpret_cast<const unsigned char*>(m.signature.data()),
                             m.signature.size(), digest, len);
    if (ok != 1) state.SkipWithError("verify failed");
    benchmark::DoNotOptimize(ok);
  }
  EVP_PKEY_CTX_free(base);
  EVP_MD_free(md);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RawOpenSSL_RS256_PreparedCtx);

void BM_AccessTokenVerifier_WarmJwks(benchmark::State& state) {
  workos::auth::AccessTokenVerifier verifier(client());
  if (!verifier.verify(material().token)) state.SkipWithError("warm-up failed");
  for (auto _ : state) {
    auto claims = verifier.verify(material().token);
    if (!claims) state.SkipWithError(claims.error().message().c_str());
    benchmark::DoNotOptimize(claims);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AccessTokenVerifier_WarmJwks);

void BM_SealedSession_Authenticate_Iron(benchmark::State& state) {
  const std::string cookie = workos::auth::seal_data(session_json(), kPassword).value();
  if (!workos::auth::load_sealed_session(client(), cookie, kPassword).authenticate()) {
    state.SkipWithError("warm-up failed");
  }
  for (auto _ : state) {
    // Per request: load the cookie, authenticate it (what a web handler does).
    auto auth = workos::auth::load_sealed_session(client(), cookie, kPassword).authenticate();
    if (!auth) state.SkipWithError(workos::auth::to_string(auth.reason));
    benchmark::DoNotOptimize(auth);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SealedSession_Authenticate_Iron);

void BM_SealedSession_Authenticate_IronSharedCodec(benchmark::State& state) {
  auto codec = workos::auth::make_iron_codec(kPassword).value();
  const std::string cookie = codec->seal(session_json()).value();
  for (auto _ : state) {
    auto auth = workos::auth::load_sealed_session(client(), cookie, codec).authenticate();
    if (!auth) state.SkipWithError(workos::auth::to_string(auth.reason));
    benchmark::DoNotOptimize(auth);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SealedSession_Authenticate_IronSharedCodec);

void BM_SealedSession_Authenticate_Fernet(benchmark::State& state) {
  auto codec = workos::auth::make_fernet_codec(workos::auth::generate_fernet_key().value()).value();
  const std::string cookie = codec->seal(session_json()).value();
  for (auto _ : state) {
    auto auth = workos::auth::load_sealed_session(client(), cookie, codec).authenticate();
    if (!auth) state.SkipWithError(workos::auth::to_string(auth.reason));
    benchmark::DoNotOptimize(auth);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SealedSession_Authenticate_Fernet);

void BM_IronUnseal(benchmark::State& state) {
  auto codec = workos::auth::make_iron_codec(kPassword).value();
  const std::string cookie = codec->seal(session_json()).value();
  for (auto _ : state) {
    auto plain = codec->unseal(cookie);
    benchmark::DoNotOptimize(plain);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["cookie_bytes"] = static_cast<double>(cookie.size());
}
BENCHMARK(BM_IronUnseal);

void BM_FernetUnseal(benchmark::State& state) {
  auto codec = workos::auth::make_fernet_codec(workos::auth::generate_fernet_key().value()).value();
  const std::string cookie = codec->seal(session_json()).value();
  for (auto _ : state) {
    auto plain = codec->unseal(cookie);
    benchmark::DoNotOptimize(plain);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["cookie_bytes"] = static_cast<double>(cookie.size());
}
BENCHMARK(BM_FernetUnseal);

}  // namespace

BENCHMARK_MAIN();
