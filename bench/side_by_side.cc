// Copyright workos-cpp authors. Handwritten.
// One run of one workload by one implementation, in a process of its own, for scripts/bench
// (bench/side_by_side.py starts the server, runs every implementation interleaved and prints the
// table; bench/node/side_by_side.mjs is the same runner over the official Node SDK).
//
//   side_by_side --write-fixtures DIR
//       writes what the server serves and the runners read: organization.json, users.json (100
//       users), jwks.json, token.txt (an RS256 access token), cookie.txt (an iron-sealed session
//       of that token), webhook-1k.json / webhook-64k.json with their signature headers.
//   side_by_side --run WORKLOAD --impl sdk-sync|sdk-async|floor --url URL --fixtures DIR
//                [--ops N] [--in-flight K]
//       prints one JSON line: {"ops", "wall_s", "cpu_s", "rss_kb", "threads", "allocs"}.
//
// Workloads: get-organization, list-users (sequential), fanout, fanout-20ms (N GETs with K in
// flight; the second against /organizations/org_delayed, which the server answers after 20 ms),
// verify-token (warm JWKS), authenticate-cookie, webhook-1k, webhook-64k, decode-page.
// CPU is the whole process's (every thread it started); allocations are every malloc family call
// of the measured part, counted by the hook below; threads is the peak the run saw.

#include <workos/async_client.h>
#include <workos/auth/access_token.h>
#include <workos/auth/async_access_token.h>
#include <workos/auth/session.h>
#include <workos/client.h>
#include <workos/common/models.h>
#include <workos/organizations/async_service.h>
#include <workos/organizations/service.h>
#include <workos/signing/webhooks.h>
#include <workos/testing/sign_webhook.h>
#include <workos/user_management/async_service.h>
#include <workos/user_management/async_user_management_client.h>
#include <workos/user_management/service.h>
#include <workos/user_management/user_management_client.h>

#include <curl/curl.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <simdjson.h>
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

#include "bench_models.h"
#include "common/models_json.h"
#include "core/json.h"
#include "crypto/encoding.h"

// ---- allocation counting -------------------------------------------------------------------
// The executable's malloc family wraps glibc's, so libcurl, OpenSSL, simdjson and the C++
// runtime are all counted; counting is on only while a workload's measured part runs.

extern "C" {
void* __libc_malloc(std::size_t);
void __libc_free(void*);
void* __libc_calloc(std::size_t, std::size_t);
void* __libc_realloc(void*, std::size_t);
void* __libc_memalign(std::size_t, std::size_t);
}

namespace {
std::atomic<bool> g_counting{false};
// A run whose measured part allocates on one thread only counts without a locked instruction:
// an atomic increment per allocation would add its own cost to the allocation-heavy rows.
std::atomic<bool> g_one_thread{false};
std::atomic<unsigned long> g_allocations{0};
inline void count_allocation() {
  if (!g_counting.load(std::memory_order_relaxed)) return;
  if (g_one_thread.load(std::memory_order_relaxed))
    g_allocations.store(g_allocations.load(std::memory_order_relaxed) + 1,
                        std::memory_order_relaxed);
  else
    g_allocations.fetch_add(1, std::memory_order_relaxed);
}
}  // namespace

extern "C" {
void* malloc(std::size_t n) noexcept {
  count_allocation();
  return __libc_malloc(n);
}
void free(void* p) noexcept {
  __libc_free(p);
}
void* calloc(std::size_t a, std::size_t b) noexcept {
  count_allocation();
  return __libc_calloc(a, b);
}
void* realloc(void* p, std::size_t n) noexcept {
  count_allocation();
  return __libc_realloc(p, n);
}
void* memalign(std::size_t a, std::size_t n) noexcept {
  count_allocation();
  return __libc_memalign(a, n);
}
void* aligned_alloc(std::size_t a, std::size_t n) noexcept {
  count_allocation();
  return __libc_memalign(a, n);
}
int posix_memalign(void** out, std::size_t a, std::size_t n) noexcept {
  count_allocation();
  void* p = __libc_memalign(a, n);
  if (p == nullptr) return ENOMEM;
  *out = p;
  return 0;
}
}

namespace {

using Clock = std::chrono::steady_clock;

constexpr char kOrganizationId[] = "org_01EHWNCE74X7JSDV0X3SZ3KJNY";
constexpr char kDelayedOrganizationId[] = "org_delayed";
constexpr char kClientId[] = "client_01BENCH";
constexpr char kCookiePassword[] = "bench-cookie-password-with-more-than-32-chars";
constexpr char kWebhookSecret[] = "whsec_bench_0123456789abcdefghijklmnopqrstuvwxyz";
constexpr char kKid[] = "sso_oidc_key_pair_01BENCH";

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "side_by_side: %s\n", what.c_str());
  std::exit(1);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) fail("cannot write " + path);
}

int thread_count() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("Threads:", 0) == 0) return std::atoi(line.c_str() + 8);
  return 0;
}

// ---- fixtures ------------------------------------------------------------------------------

std::string b64url(std::string_view bytes) {
  return workos::auth::detail::base64url_encode(bytes);
}

std::string b64url_decode(std::string_view text) {
  std::string out;
  if (!workos::auth::detail::base64url_decode(text, out)) fail("bad base64url in a fixture");
  return out;
}

std::string bn_b64(const BIGNUM* bn) {
  std::string bytes(static_cast<std::size_t>(BN_num_bytes(bn)), '\0');
  BN_bn2bin(bn, reinterpret_cast<unsigned char*>(bytes.data()));
  return b64url(bytes);
}

int write_fixtures(const std::string& dir) {
  write_file(dir + "/organization.json", bench::organization_json());
  write_file(dir + "/users.json", bench::user_page_json(100));

  EVP_PKEY* pkey = EVP_RSA_gen(2048);
  BIGNUM* n = nullptr;
  BIGNUM* e = nullptr;
  EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_RSA_N, &n);
  EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_RSA_E, &e);
  write_file(dir + "/jwks.json",
             std::string(R"({"keys":[{"kty":"RSA","use":"sig","alg":"RS256",)") + R"("kid":")" +
                 kKid + R"(","n":")" + bn_b64(n) + R"(","e":")" + bn_b64(e) + R"("}]})");
  BN_free(n);
  BN_free(e);
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_PUBKEY(bio, pkey);
  char* pem = nullptr;
  const long pem_len = BIO_get_mem_data(bio, &pem);
  write_file(dir + "/public.pem", std::string(pem, static_cast<std::size_t>(pem_len)));
  BIO_free(bio);

  // A token shaped like a WorkOS access token, valid for a day.
  const long long now = std::chrono::duration_cast<std::chrono::seconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
  const std::string header = std::string(R"({"alg":"RS256","kid":")") + kKid + R"(","typ":"JWT"})";
  const std::string payload =
      std::string(R"({"iss":"https://api.workos.com/user_management/)") + kClientId + R"(",)" +
      R"("sub":"user_01HXYZ123456789ABCDEFGHIJ","sid":"session_01HXYZ123456789ABCDEFGHIJ",)"
      R"("jti":"01HXYZ123456789ABCDEFGHIJK","org_id":"org_01HXYZ123456789ABCDEFGHIJ",)"
      R"("role":"admin","roles":["admin"],"permissions":["posts:read","posts:write",)"
      R"("widgets:manage"],"entitlements":["audit-logs"],"feature_flags":["new-dashboard"],)"
      R"("iat":)" +
      std::to_string(now) + R"(,"auth_time":)" + std::to_string(now) + R"(,"exp":)" +
      std::to_string(now + 86400) + "}";
  const std::string signing_input = b64url(header) + "." + b64url(payload);
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  std::size_t len = 0;
  EVP_DigestSignInit_ex(ctx, nullptr, "SHA256", nullptr, nullptr, pkey, nullptr);
  const auto* in = reinterpret_cast<const unsigned char*>(signing_input.data());
  EVP_DigestSign(ctx, nullptr, &len, in, signing_input.size());
  std::string signature(len, '\0');
  EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(signature.data()), &len, in,
                 signing_input.size());
  EVP_MD_CTX_free(ctx);
  EVP_PKEY_free(pkey);
  const std::string token = signing_input + "." + b64url(signature);
  write_file(dir + "/token.txt", token);

  const std::string session =
      R"({"organizationId":"org_01HXYZ123456789ABCDEFGHIJ","user":{"object":"user",)"
      R"("id":"user_01HXYZ123456789ABCDEFGHIJ","email":"marcelina@example.com",)"
      R"("emailVerified":true,"firstName":"Marcelina","profilePictureUrl":null,)"
      R"("lastName":"Davis","lastSignInAt":"2025-01-01T00:00:00.000Z","locale":"en-US",)"
      R"("createdAt":"2021-06-25T19:07:33.155Z","updatedAt":"2021-06-25T19:07:33.155Z",)"
      R"("externalId":null,"metadata":{}},"accessToken":")" +
      token +
      R"(","refreshToken":"yAjhKk123NLIjdrBdGZPf8pLIDvK","authenticationMethod":"Password"})";
  auto cookie = workos::auth::seal_data(session, kCookiePassword);
  if (!cookie) fail("sealing the session: " + cookie.error().to_string());
  write_file(dir + "/cookie.txt", *cookie);

  const auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  for (const auto& [name, size] : {std::pair<const char*, std::size_t>{"webhook-1k", 1024},
                                   std::pair<const char*, std::size_t>{"webhook-64k", 65536}}) {
    const std::string body = bench::webhook_payload(size);
    write_file(dir + "/" + name + ".json", body);
    write_file(dir + "/" + name + ".sig",
               workos::testing::sign_webhook_ms(body, kWebhookSecret, now_ms));
  }
  write_file(dir + "/webhook-secret.txt", kWebhookSecret);
  return 0;
}

// ---- one run -------------------------------------------------------------------------------

struct Run {
  std::string workload;
  std::string impl;
  std::string url;
  std::string fixtures;
  long ops = 1000;
  int in_flight = 256;
};

struct Measure {
  double wall_s = 0;
  double cpu_s = 0;
  int threads = 0;
  unsigned long allocations = 0;
};

double cpu_seconds() {
  rusage u{};
  ::getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// Runs `body` as the measured part: wall and process CPU time, allocations, the peak threads
// (sampled before and after, and by `body` through `note_threads`).
std::atomic<int> g_peak_threads{0};
void note_threads() {
  const int n = thread_count();
  int seen = g_peak_threads.load();
  while (n > seen && !g_peak_threads.compare_exchange_weak(seen, n)) {
  }
}

template <class Body>
Measure measure(Body body) {
  note_threads();
  const double cpu0 = cpu_seconds();
  const auto t0 = Clock::now();
  g_counting = true;
  body();
  g_counting = false;
  Measure m;
  m.wall_s = std::chrono::duration<double>(Clock::now() - t0).count();
  m.cpu_s = cpu_seconds() - cpu0;
  note_threads();
  m.threads = g_peak_threads;
  m.allocations = g_allocations;
  return m;
}

template <class Call>
void repeat(long n, Call call) {
  for (long i = 0; i < n; ++i)
    if (!call()) fail("a call failed");
}

workos::ClientOptions client_options(const Run& r) {
  workos::ClientOptions o;
  o.api_key = "sk_test_bench_0000000000000000";
  o.client_id = kClientId;
  o.base_url = r.url;
  o.max_retries = 0;
  o.curl.max_idle_connections = std::max(16, r.in_flight);
  return o;
}

bool is_fanout(const Run& r) {
  return r.workload == "fanout" || r.workload == "fanout-20ms";
}

const char* organization_for(const Run& r) {
  return r.workload == "fanout-20ms" ? kDelayedOrganizationId : kOrganizationId;
}

// -- the SDK: the same calls through Client (blocking) and AsyncClient (one I/O thread, each
// future waited for at once, except in the fan-out)

template <class T>
workos::Result<T> wait(workos::Result<T> r) {
  return r;
}
template <class T>
workos::Result<T> wait(workos::Future<T> f) {
  return f.get();
}

// 20 calls to warm up (connections, JWKS, parser buffers), then `ops` measured calls.
template <class Call>
Measure sequential(const Run& r, Call call) {
  repeat(20, call);
  return measure([&] { repeat(r.ops, call); });
}

// The workloads that are the same whatever the client: sealed cookies, webhooks, decoding.
Measure run_sdk_local(const Run& r, const workos::Client& client) {
  if (r.workload == "authenticate-cookie") {
    const std::string cookie = read_file(r.fixtures + "/cookie.txt");
    return sequential(r, [&] {
      return static_cast<bool>(
          workos::auth::load_sealed_session(client, cookie, kCookiePassword).authenticate());
    });
  }
  if (r.workload == "webhook-1k" || r.workload == "webhook-64k") {
    const std::string body = read_file(r.fixtures + "/" + r.workload + ".json");
    const std::string header = read_file(r.fixtures + "/" + r.workload + ".sig");
    return sequential(r, [&] {
      return static_cast<bool>(
          workos::webhooks::verify_header(body, header, kWebhookSecret, std::chrono::hours(24)));
    });
  }
  if (r.workload == "decode-page") {
    const std::string text = read_file(r.fixtures + "/users.json");
    return sequential(r, [&] {
      workos::Page<workos::User> p;
      return workos::detail::json::decode_document(text, "UserList", p) && p.data.size() == 100;
    });
  }
  fail("no SDK run for " + r.workload);
}

template <class Client, class Verifier>
Measure run_sdk(const Run& r) {
  Client client(client_options(r));
  const auto& orgs = client.organizations();
  auto get = [&] {
    auto o = wait(orgs.get_organization(organization_for(r)));
    return o && !o->id.empty();
  };
  if (r.workload == "get-organization") return sequential(r, get);
  if (r.workload == "list-users") {
    workos::user_management::ListUsersParams page;
    page.limit = 100;
    return sequential(r, [&] {
      auto p = wait(client.user_management().list_users(page));
      return p && p->data.size() == 100;
    });
  }
  if (r.workload == "verify-token") {
    const std::string token = read_file(r.fixtures + "/token.txt");
    Verifier verifier(client);
    return sequential(r, [&] { return static_cast<bool>(wait(verifier.verify(token))); });
  }
  if (is_fanout(r) && std::is_same_v<Client, workos::Client>) {
    // One blocking call at a time on each of `in_flight` threads.
    return measure([&] {
      std::atomic<long> next{0};
      std::atomic<bool> failed{false};
      std::vector<std::thread> pool;
      for (int t = 0; t < r.in_flight; ++t)
        pool.emplace_back([&] {
          while (next.fetch_add(1) < r.ops)
            if (!get()) failed = true;
        });
      note_threads();
      for (auto& t : pool) t.join();
      if (failed) fail("a call failed");
    });
  }
  if (is_fanout(r)) {
    // A window of `in_flight` futures: the oldest is waited for before the next is started.
    return measure([&] {
      std::deque<decltype(orgs.get_organization(""))> window;
      long failed = 0;
      for (long i = 0; i < r.ops; ++i) {
        if (static_cast<int>(window.size()) == r.in_flight) {
          if (!wait(std::move(window.front()))) ++failed;
          window.pop_front();
        }
        window.push_back(orgs.get_organization(organization_for(r)));
      }
      note_threads();
      for (auto& f : window)
        if (!wait(std::move(f))) ++failed;
      if (failed) fail(std::to_string(failed) + " calls failed");
    });
  }
  if constexpr (std::is_same_v<Client, workos::Client>) return run_sdk_local(r, client);
  fail("no asynchronous run for " + r.workload);
}

// -- the floor: raw libcurl + simdjson, raw OpenSSL

std::size_t append_body(char* p, std::size_t size, std::size_t n, void* out) {
  static_cast<std::string*>(out)->append(p, size * n);
  return size * n;
}

struct Easy {
  CURL* h = curl_easy_init();
  std::string body;
  Easy(const std::string& url, curl_slist* headers) {
    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, append_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(h, CURLOPT_PRIVATE, this);
    body.reserve(64 * 1024);
  }
  ~Easy() { curl_easy_cleanup(h); }
  Easy(const Easy&) = delete;
  Easy& operator=(const Easy&) = delete;
};

bool parsed(simdjson::dom::parser& parser, const std::string& body, long status) {
  simdjson::dom::element doc;
  return status == 200 && !parser.parse(body).get(doc);
}

// RS256 of the fixture token's signing input with the public key loaded once.
class Rs256 {
 public:
  explicit Rs256(const std::string& fixtures) {
    const std::string token = read_file(fixtures + "/token.txt");
    const std::string pem = read_file(fixtures + "/public.pem");
    BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
    key_ = PEM_read_bio_PUBKEY(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    if (key_ == nullptr) fail("public.pem has no public key");
    const std::size_t dot = token.rfind('.');
    input_ = token.substr(0, dot);
    signature_ = b64url_decode(std::string_view(token).substr(dot + 1));
  }
  ~Rs256() {
    EVP_MD_CTX_free(ctx_);
    EVP_PKEY_free(key_);
  }
  Rs256(const Rs256&) = delete;
  Rs256& operator=(const Rs256&) = delete;

  bool verify() {
    EVP_DigestVerifyInit_ex(ctx_, nullptr, "SHA256", nullptr, nullptr, key_, nullptr);
    return EVP_DigestVerify(
               ctx_, reinterpret_cast<const unsigned char*>(signature_.data()), signature_.size(),
               reinterpret_cast<const unsigned char*>(input_.data()), input_.size()) == 1;
  }

 private:
  EVP_PKEY* key_ = nullptr;
  EVP_MD_CTX* ctx_ = EVP_MD_CTX_new();
  std::string input_;
  std::string signature_;
};

Measure run_floor(const Run& r) {
  curl_global_init(CURL_GLOBAL_DEFAULT);
  curl_slist* headers =
      curl_slist_append(nullptr, "Authorization: Bearer sk_test_bench_0000000000000000");
  simdjson::dom::parser parser;
  if (r.workload == "get-organization" || r.workload == "list-users") {
    const std::string url =
        r.url + (r.workload == "list-users" ? std::string("/user_management/users?limit=100")
                                            : std::string("/organizations/") + kOrganizationId);
    Easy e(url, headers);
    auto call = [&] {
      e.body.clear();
      long status = 0;
      if (curl_easy_perform(e.h) != CURLE_OK) return false;
      curl_easy_getinfo(e.h, CURLINFO_RESPONSE_CODE, &status);
      return parsed(parser, e.body, status);
    };
    return sequential(r, call);
  }
  if (is_fanout(r)) {
    const std::string url = r.url + "/organizations/" + organization_for(r);
    return measure([&] {
      CURLM* multi = curl_multi_init();
      curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, static_cast<long>(r.in_flight));
      std::vector<std::unique_ptr<Easy>> handles;
      long started = 0, done = 0, failed = 0;
      for (int k = 0; k < r.in_flight && started < r.ops; ++k, ++started) {
        handles.push_back(std::make_unique<Easy>(url, headers));
        curl_multi_add_handle(multi, handles.back()->h);
      }
      int running = 0;
      while (done < r.ops) {
        curl_multi_perform(multi, &running);
        int left = 0;
        while (CURLMsg* msg = curl_multi_info_read(multi, &left)) {
          if (msg->msg != CURLMSG_DONE) continue;
          Easy* e = nullptr;
          curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &e);
          long status = 0;
          curl_easy_getinfo(e->h, CURLINFO_RESPONSE_CODE, &status);
          if (msg->data.result != CURLE_OK || !parsed(parser, e->body, status)) ++failed;
          ++done;
          curl_multi_remove_handle(multi, e->h);
          e->body.clear();
          if (started < r.ops) {
            ++started;
            curl_multi_add_handle(multi, e->h);
          }
        }
        if (done < r.ops) curl_multi_poll(multi, nullptr, 0, 1000, nullptr);
      }
      handles.clear();
      curl_multi_cleanup(multi);
      if (failed) fail(std::to_string(failed) + " calls failed");
    });
  }
  if (r.workload == "verify-token") {
    // RS256 over the token's signing input with the key already loaded: the signature check
    // alone, no JSON, no claims.
    Rs256 rs256(r.fixtures);
    return sequential(r, [&] { return rs256.verify(); });
  }
  if (r.workload == "authenticate-cookie") {
    // The cryptography an iron cookie of an access token needs, on already decoded parts: two
    // PBKDF2-SHA1 key derivations (1 iteration), HMAC-SHA256 of the sealed text, AES-256-CBC
    // decryption, then RS256 of the token inside; no base64, no JSON, no claims.
    const std::string cookie = read_file(r.fixtures + "/cookie.txt");
    std::vector<std::string> part;
    std::size_t from = 0;
    for (std::size_t at; (at = cookie.find('*', from)) != std::string::npos; from = at + 1)
      part.push_back(cookie.substr(from, at - from));
    part.push_back(cookie.substr(from));
    if (part.size() < 8) fail("cookie.txt is not an iron seal");
    const std::string sealed = cookie.substr(0, cookie.find('~'));
    const std::string base = sealed.substr(0, sealed.rfind('*', sealed.rfind('*') - 1));
    const std::string enc_salt = part[2], hmac_salt = part[6];
    const std::string iv = b64url_decode(part[3]), ciphertext = b64url_decode(part[4]);
    const std::string sealed_mac = b64url_decode(part[7].substr(0, part[7].find('~')));
    Rs256 rs256(r.fixtures);
    EVP_CIPHER_CTX* cipher = EVP_CIPHER_CTX_new();
    std::string plain(ciphertext.size() + 32, '\0');
    auto authenticate = [&] {
      unsigned char hmac_key[32], enc_key[32], mac[EVP_MAX_MD_SIZE];
      unsigned mac_len = 0;
      const int pw = static_cast<int>(std::strlen(kCookiePassword));
      PKCS5_PBKDF2_HMAC_SHA1(kCookiePassword, pw,
                             reinterpret_cast<const unsigned char*>(hmac_salt.data()),
                             static_cast<int>(hmac_salt.size()), 1, 32, hmac_key);
      HMAC(EVP_sha256(), hmac_key, 32, reinterpret_cast<const unsigned char*>(base.data()),
           base.size(), mac, &mac_len);
      PKCS5_PBKDF2_HMAC_SHA1(kCookiePassword, pw,
                             reinterpret_cast<const unsigned char*>(enc_salt.data()),
                             static_cast<int>(enc_salt.size()), 1, 32, enc_key);
      int n1 = 0, n2 = 0;
      EVP_DecryptInit_ex(cipher, EVP_aes_256_cbc(), nullptr, enc_key,
                         reinterpret_cast<const unsigned char*>(iv.data()));
      EVP_DecryptUpdate(cipher, reinterpret_cast<unsigned char*>(plain.data()), &n1,
                        reinterpret_cast<const unsigned char*>(ciphertext.data()),
                        static_cast<int>(ciphertext.size()));
      if (EVP_DecryptFinal_ex(cipher, reinterpret_cast<unsigned char*>(plain.data()) + n1, &n2) !=
          1)
        return false;
      return mac_len == sealed_mac.size() && CRYPTO_memcmp(mac, sealed_mac.data(), mac_len) == 0 &&
             rs256.verify();
    };
    Measure m = sequential(r, authenticate);
    EVP_CIPHER_CTX_free(cipher);
    return m;
  }
  if (r.workload == "webhook-1k" || r.workload == "webhook-64k") {
    // HMAC-SHA256 of "timestamp.body" (one-shot HMAC()) and a constant-time compare.
    const std::string body = read_file(r.fixtures + "/" + r.workload + ".json");
    const std::string header = read_file(r.fixtures + "/" + r.workload + ".sig");
    const std::string t = header.substr(2, header.find(',') - 2);
    const std::string hex = header.substr(header.find("v1=") + 3, 64);
    std::string expected(32, '\0');
    for (std::size_t i = 0; i < 32; ++i)
      expected[i] = static_cast<char>(std::stoi(hex.substr(2 * i, 2), nullptr, 16));
    std::string signed_text;
    auto verify = [&] {
      signed_text.assign(t).append(".").append(body);
      unsigned char mac[EVP_MAX_MD_SIZE];
      unsigned len = 0;
      HMAC(EVP_sha256(), kWebhookSecret, static_cast<int>(std::strlen(kWebhookSecret)),
           reinterpret_cast<const unsigned char*>(signed_text.data()), signed_text.size(), mac,
           &len);
      return len == 32 && CRYPTO_memcmp(mac, expected.data(), 32) == 0;
    };
    return sequential(r, verify);
  }
  if (r.workload == "decode-page") {
    std::string text = read_file(r.fixtures + "/users.json");
    text.reserve(text.size() + simdjson::SIMDJSON_PADDING);
    auto parse = [&] { return parsed(parser, text, 200); };
    return sequential(r, parse);
  }
  fail("no floor run for " + r.workload);
}

}  // namespace

int main(int argc, char** argv) {
  Run r;
  std::string fixtures_out;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) fail("missing value after " + a);
      return argv[++i];
    };
    if (a == "--write-fixtures")
      fixtures_out = next();
    else if (a == "--run")
      r.workload = next();
    else if (a == "--impl")
      r.impl = next();
    else if (a == "--url")
      r.url = next();
    else if (a == "--fixtures")
      r.fixtures = next();
    else if (a == "--ops")
      r.ops = std::atol(next().c_str());
    else if (a == "--in-flight")
      r.in_flight = std::atoi(next().c_str());
    else
      fail("unknown argument " + a);
  }
  if (!fixtures_out.empty()) return write_fixtures(fixtures_out);
  if (r.workload.empty() || r.fixtures.empty())
    fail("usage: see the head of bench/side_by_side.cc");
  Measure m;
  // AsyncClient allocates on its I/O thread too, and the blocking fan-out runs many threads.
  g_one_thread = r.impl != "sdk-async" && !(r.impl == "sdk-sync" && is_fanout(r));
  if (r.impl == "sdk-sync")
    m = run_sdk<workos::Client, workos::auth::AccessTokenVerifier>(r);
  else if (r.impl == "sdk-async")
    m = run_sdk<workos::AsyncClient, workos::auth::AsyncAccessTokenVerifier>(r);
  else if (r.impl == "floor")
    m = run_floor(r);
  else
    fail("unknown --impl " + r.impl);
  rusage u{};
  ::getrusage(RUSAGE_SELF, &u);
  std::printf(
      "{\"ops\":%ld,\"wall_s\":%.6f,\"cpu_s\":%.6f,\"rss_kb\":%ld,\"threads\":%d,\"allocs\":%lu}\n",
      r.ops, m.wall_s, m.cpu_s, u.ru_maxrss, m.threads, m.allocations);
  return 0;
}
