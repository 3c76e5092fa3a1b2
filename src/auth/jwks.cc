// Copyright workos-cpp authors. Handwritten.
// JWKS parsing (RSA keys from n/e), the TTL cache with single-flight fetch, and the fetch
// itself through the client's pipeline.

#include "auth/jwks.h"

#include "core/call.h"
#include "core/json.h"
#include "crypto/crypto.h"
#include "crypto/encoding.h"

#include <workos/async/future.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <future>
#include <system_error>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/rsa.h>

namespace workos::auth::detail {
namespace {

namespace json = workos::detail::json;

struct BnDeleter {
  void operator()(BIGNUM* b) const { BN_free(b); }
};
struct ParamBldDeleter {
  void operator()(OSSL_PARAM_BLD* b) const { OSSL_PARAM_BLD_free(b); }
};
struct ParamDeleter {
  void operator()(OSSL_PARAM* p) const { OSSL_PARAM_free(p); }
};
struct PkeyCtxDeleter {
  void operator()(EVP_PKEY_CTX* c) const { EVP_PKEY_CTX_free(c); }
};

constexpr int kMinRsaBits = 2048;

// A key set is a few KiB; anything near this is not a JWKS.
constexpr std::size_t kJwksMaxResponseBytes = std::size_t{1} << 20;
constexpr std::chrono::milliseconds kJwksFetchTimeout{5000};

// A blocking verify on an event-loop thread must not wait for a fetch that thread may be the
// one to complete (the async fetch runs on the loop): fail at once instead of deadlocking.
KeyLookup loop_thread_wait_failure() {
  KeyLookup out = KeyLookup::fail(TokenFailure::kJwksUnavailable);
  out.error = Error(ErrorKind::kInvalidArgument,
                    "a blocking JWKS lookup was called on an event-loop thread while a fetch is "
                    "in flight; use the async verifier (AsyncAccessTokenVerifier) there");
  return out;
}

std::string_view get_string(json::Value obj, const char* key) {
  std::string_view out;
  if (obj[key].get_string().get(out) != simdjson::SUCCESS) return {};
  return out;
}
bool has_key(json::Value obj, const char* key) {
  json::Value v;
  return obj[key].get(v) == simdjson::SUCCESS;
}

}  // namespace

// ---- RsaKey ----------------------------------------------------------------------------------

RsaKey::~RsaKey() {
  EVP_PKEY_CTX_free(static_cast<EVP_PKEY_CTX*>(verify_ctx_));
  EVP_PKEY_free(static_cast<EVP_PKEY*>(pkey_));
}

bool RsaKey::prepare() {
  // A verify context set up once (RSASSA-PKCS1-v1_5, SHA-256) and duplicated per call: about
  // 2 us cheaper per verification than EVP_DigestVerifyInit on OpenSSL 3, which fetches the
  // algorithms and builds the context anew every time.
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_pkey(nullptr, static_cast<EVP_PKEY*>(pkey_), nullptr);
  if (!ctx || EVP_PKEY_verify_init(ctx) != 1 ||
      EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING) != 1 ||
      EVP_PKEY_CTX_set_signature_md(ctx, sha256_md()) != 1) {
    EVP_PKEY_CTX_free(ctx);
    return false;
  }
  verify_ctx_ = ctx;
  sig_size_ = static_cast<std::size_t>(EVP_PKEY_get_size(static_cast<EVP_PKEY*>(pkey_)));
  return true;
}

std::shared_ptr<const RsaKey> RsaKey::adopt(std::string kid, void* pkey) {
  std::shared_ptr<RsaKey> key(new RsaKey());
  key->kid_ = std::move(kid);
  key->pkey_ = pkey;
  if (!key->prepare()) return nullptr;
  return key;
}

std::shared_ptr<const RsaKey> RsaKey::from_components(std::string kid, std::string_view n_b64,
                                                      std::string_view e_b64) {
  std::string n, e;
  if (!base64url_decode(n_b64, n) || !base64url_decode(e_b64, e) || n.empty() || e.empty()) {
    return nullptr;
  }
  std::unique_ptr<BIGNUM, BnDeleter> bn_n(BN_bin2bn(
      reinterpret_cast<const unsigned char*>(n.data()), static_cast<int>(n.size()), nullptr));
  std::unique_ptr<BIGNUM, BnDeleter> bn_e(BN_bin2bn(
      reinterpret_cast<const unsigned char*>(e.data()), static_cast<int>(e.size()), nullptr));
  if (!bn_n || !bn_e) return nullptr;
  if (BN_num_bits(bn_n.get()) < kMinRsaBits) return nullptr;
  // An even exponent is no RSA key; e = 1 would make every "signature" its own message.
  if (!BN_is_odd(bn_e.get()) || BN_is_one(bn_e.get())) return nullptr;
  std::unique_ptr<OSSL_PARAM_BLD, ParamBldDeleter> bld(OSSL_PARAM_BLD_new());
  if (!bld || OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, bn_n.get()) != 1 ||
      OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, bn_e.get()) != 1) {
    return nullptr;
  }
  std::unique_ptr<OSSL_PARAM, ParamDeleter> params(OSSL_PARAM_BLD_to_param(bld.get()));
  std::unique_ptr<EVP_PKEY_CTX, PkeyCtxDeleter> ctx(
      EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
  if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1) return nullptr;
  EVP_PKEY* pkey = nullptr;
  if (EVP_PKEY_fromdata(ctx.get(), &pkey, EVP_PKEY_PUBLIC_KEY, params.get()) != 1 || !pkey) {
    return nullptr;
  }
  return adopt(std::move(kid), pkey);
}

bool RsaKey::verify_rs256(std::string_view data, std::string_view signature) const {
  if (signature.size() != sig_size_) return false;
  unsigned char digest[32];
  unsigned int digest_len = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &digest_len, sha256_md(), nullptr) != 1) {
    return false;
  }
  std::unique_ptr<EVP_PKEY_CTX, PkeyCtxDeleter> ctx(
      EVP_PKEY_CTX_dup(static_cast<EVP_PKEY_CTX*>(verify_ctx_)));
  if (!ctx) return false;
  return EVP_PKEY_verify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()),
                         signature.size(), digest, digest_len) == 1;
}

// ---- KeySet ----------------------------------------------------------------------------------

std::shared_ptr<const RsaKey> KeySet::find_shared(std::string_view kid) const {
  for (const auto& k : keys)
    if (k->kid() == kid) return k;
  return nullptr;
}

bool KeySet::is_mismatched(std::string_view kid) const noexcept {
  for (const auto& k : mismatched_kids)
    if (k == kid) return true;
  return false;
}

Result<std::shared_ptr<const KeySet>> parse_jwks(std::string_view text) {
  json::Value root;
  Result<void> parsed = json::parse(json::JsonText(text), "JwksResponse", root);
  if (!parsed) return parsed.error();
  simdjson::dom::array keys;
  if (root["keys"].get_array().get(keys) != simdjson::SUCCESS) {
    return Error(ErrorKind::kDecode, "JwksResponse.keys: expected an array of keys");
  }
  auto set = std::make_shared<KeySet>();
  for (json::Value k : keys) {
    if (!k.is_object()) continue;
    std::string kid(get_string(k, "kid"));
    if (kid.empty()) continue;  // a key a token cannot name is useless here
    std::string_view kty = get_string(k, "kty");
    std::string_view alg = get_string(k, "alg");
    std::string_view use = get_string(k, "use");
    bool usable_for_rs256 = kty == "RSA" && (!has_key(k, "alg") || alg == "RS256") &&
                            (!has_key(k, "use") || use == "sig");
    if (!usable_for_rs256) {
      set->mismatched_kids.push_back(std::move(kid));
      continue;
    }
    auto key = RsaKey::from_components(kid, get_string(k, "n"), get_string(k, "e"));
    if (!key) {
      set->mismatched_kids.push_back(std::move(kid));
      continue;
    }
    set->keys.push_back(std::move(key));
  }
  return std::shared_ptr<const KeySet>(std::move(set));
}

// ---- JwksCache -------------------------------------------------------------------------------

JwksCache::JwksCache(JwksOptions options, SteadyNow now)
    : options_(std::move(options)), now_(std::move(now)) {
  if (!now_) now_ = [] { return Clock::now(); };
}

std::shared_ptr<JwksCache> JwksCache::fixed(std::shared_ptr<const KeySet> keys) {
  auto cache = std::make_shared<JwksCache>(JwksOptions{}, nullptr);
  cache->fixed_ = true;
  cache->keys_ = std::move(keys);
  return cache;
}

void JwksCache::install_locked(const Result<std::string>& body, Clock::time_point now) {
  std::optional<Error> error;
  if (body) {
    Result<std::shared_ptr<const KeySet>> set = parse_jwks(*body);
    if (set) {
      keys_ = std::move(*set);
      fresh_until_ = now + options_.ttl;
      last_error_.reset();
      return;
    }
    error = set.error();
  } else {
    error = body.error();
  }
  last_error_ = std::move(error);
  // Keep a stale set serving, and retry only after the failure cooldown (not on every call).
  if (keys_)
    fresh_until_ = now + options_.failure_cooldown;
  else
    failed_until_ = now + options_.failure_cooldown;
}

std::vector<std::function<void()>> JwksCache::finish_fetch_locked(const Result<std::string>& body) {
  install_locked(body, now_());
  fetching_ = false;
  ++generation_;
  cv_.notify_all();
  std::vector<std::function<void()>> waiters;
  waiters.swap(waiters_);
  return waiters;
}

void JwksCache::fetch_locked(std::unique_lock<std::mutex>& lock, const Fetcher& fetch) {
  fetching_ = true;
  // Whatever happens in `fetch`, the slot is released and waiters are woken.
  struct Release {
    JwksCache* self;
    std::unique_lock<std::mutex>& lock;
    Result<std::string> body = Error(ErrorKind::kConnection, "JWKS fetch did not complete");
    ~Release() {
      if (!lock.owns_lock()) lock.lock();
      std::vector<std::function<void()>> waiters = self->finish_fetch_locked(body);
      if (waiters.empty()) return;
      // Async waiters run without the lock (they may step the cache again).
      lock.unlock();
      for (auto& w : waiters) w();
      lock.lock();
    }
  } release{this, lock};
  lock.unlock();
  release.body = fetch();
}

bool JwksCache::start_background_locked(std::unique_lock<std::mutex>& lock, const Fetcher& fetch) {
  // The previous background refresh has published its result (no fetch is in flight); its
  // thread may still be finishing. Wait for that outside the lock (it may run async waiters
  // that step the cache).
  std::future<void> previous = std::move(background_);
  fetching_ = true;
  try {
    background_ = std::async(std::launch::async, [this, fetch] {
      Result<std::string> body = Error(ErrorKind::kConnection, "JWKS fetch did not complete");
      try {
        body = fetch();
      } catch (const std::exception& e) {
        body = Error(ErrorKind::kConnection, std::string("JWKS fetch failed: ") + e.what());
      } catch (...) {
        body = Error(ErrorKind::kConnection, "JWKS fetch failed with a non-standard exception");
      }
      complete_fetch(body);
    });
  } catch (const std::system_error&) {
    fetching_ = false;  // no thread: the caller fetches itself
    background_ = std::move(previous);
    return false;
  }
  lock.unlock();
  previous = std::future<void>();
  return true;
}

JwksCache::Step JwksCache::decide_locked(std::string_view kid, bool fetched, KeyLookup& out) {
  if (fixed_) {
    if (auto k = keys_ ? keys_->find_shared(kid) : nullptr) {
      out = KeyLookup::found(std::move(k));
    } else if (keys_ && keys_->is_mismatched(kid)) {
      out = KeyLookup::fail(TokenFailure::kAlgorithmMismatch);
    } else {
      out = KeyLookup::fail(TokenFailure::kUnknownKeyId);
    }
    return Step::kDone;
  }
  const Clock::time_point now = now_();
  if (keys_) {
    const bool fresh = now < fresh_until_;
    if (auto k = keys_->find_shared(kid)) {
      // Stale: one caller refreshes; everyone else keeps using the stale key meanwhile.
      if (!fresh && !fetching_ && !fetched) return Step::kFetch;
      out = KeyLookup::found(std::move(k));
      return Step::kDone;
    }
    if (keys_->is_mismatched(kid)) {
      out = KeyLookup::fail(TokenFailure::kAlgorithmMismatch);
      return Step::kDone;
    }
    if (fetched) {
      out = KeyLookup::fail(TokenFailure::kUnknownKeyId);
      return Step::kDone;
    }
    if (fetching_) return Step::kWait;
    // Unknown kid: maybe the keys rotated. Refresh, but at most once per cooldown.
    const bool cooldown_over =
        !last_forced_ || now - *last_forced_ >= options_.unknown_kid_cooldown;
    if (!fresh || cooldown_over) {
      if (fresh) last_forced_ = now;
      return Step::kFetch;
    }
    out = KeyLookup::fail(TokenFailure::kUnknownKeyId);
    return Step::kDone;
  }
  // No key set yet.
  if (fetched || (last_error_ && now < failed_until_)) {
    out = KeyLookup::fail(TokenFailure::kJwksUnavailable);
    out.error = last_error_;
    return Step::kDone;
  }
  if (fetching_) return Step::kWait;
  return Step::kFetch;
}

KeyLookup JwksCache::lookup(std::string_view kid, const Fetcher& fetch) {
  std::unique_lock<std::mutex> lock(mu_);
  bool fetched = false;  // this call already fetched or waited for a fetch
  for (;;) {
    KeyLookup out;
    switch (decide_locked(kid, fetched, out)) {
      case Step::kDone:
        return out;
      case Step::kFetch: {
        // A stale set that still holds the key answers now; the refresh runs in the background.
        std::shared_ptr<const RsaKey> stale =
            options_.background_refresh && keys_ ? keys_->find_shared(kid) : nullptr;
        if (stale && start_background_locked(lock, fetch)) return KeyLookup::found(stale);
        fetch_locked(lock, fetch);
        break;
      }
      case Step::kWait: {
        if (workos::detail::on_event_loop_thread()) return loop_thread_wait_failure();
        const std::uint64_t gen = generation_;
        cv_.wait(lock, [&] { return generation_ != gen; });
        break;
      }
    }
    fetched = true;
  }
}

Result<void> JwksCache::refresh(const Fetcher& fetch) {
  std::unique_lock<std::mutex> lock(mu_);
  if (fixed_) return {};
  if (fetching_) {
    if (workos::detail::on_event_loop_thread()) return *loop_thread_wait_failure().error;
    const std::uint64_t gen = generation_;
    cv_.wait(lock, [&] { return generation_ != gen; });
  } else {
    fetch_locked(lock, fetch);
  }
  if (last_error_) return *last_error_;
  return {};
}

JwksCache::Step JwksCache::lookup_step(std::string_view kid, bool fetched, KeyLookup& out,
                                       std::function<void()> on_fetched) {
  std::lock_guard<std::mutex> lock(mu_);
  const Step step = decide_locked(kid, fetched, out);
  if (step == Step::kFetch) fetching_ = true;
  if (step == Step::kWait) waiters_.push_back(std::move(on_fetched));
  return step;
}

JwksCache::Step JwksCache::refresh_step(std::function<void()> on_fetched) {
  std::lock_guard<std::mutex> lock(mu_);
  if (fixed_) return Step::kDone;
  if (fetching_) {
    waiters_.push_back(std::move(on_fetched));
    return Step::kWait;
  }
  fetching_ = true;
  return Step::kFetch;
}

void JwksCache::complete_fetch(const Result<std::string>& body) {
  std::vector<std::function<void()>> waiters;
  {
    std::lock_guard<std::mutex> lock(mu_);
    waiters = finish_fetch_locked(body);
  }
  for (auto& w : waiters) w();
}

std::optional<Error> JwksCache::last_error() const {
  std::lock_guard<std::mutex> lock(mu_);
  return last_error_;
}

// ---- fetching through the pipeline -----------------------------------------------------------

workos::detail::ApiRequest jwks_request(const workos::detail::ClientCore& core,
                                        const std::string& url) {
  workos::detail::ApiRequest req;
  req.method = "GET";
  if (url.empty()) {
    req.path = "/sso/jwks/" + workos::detail::encode_path_segment(core.client_id());
  } else if (!workos::detail::is_whole_url(url)) {
    req.path = url;
  }  // else: the whole URL is the fetch's base URL (jwks_fetch_options)
  req.auth = workos::detail::AuthMode::kNone;  // the spec lists no security for this path
  return req;
}

std::optional<Error> jwks_client_id_error(const workos::detail::ClientCore& core,
                                          const std::string& url) {
  if (!url.empty() || !core.client_id().empty()) return std::nullopt;
  return Error(ErrorKind::kConfiguration,
               "a client id is needed to fetch the JWKS (set ClientOptions::client_id or "
               "WORKOS_CLIENT_ID)");
}

RequestOptions jwks_fetch_options(const workos::detail::ClientCore& core, const JwksOptions& jwks) {
  RequestOptions options = jwks.request;
  if (workos::detail::is_whole_url(jwks.url)) options.base_url = jwks.url;
  // The fetch runs on the hot path (a token verify waits for it): a hung endpoint must cost
  // seconds, not the client's 60 s timeout times four attempts. Values the caller set in
  // JwksOptions::request win, except that at most one retry is made.
  if (!options.timeout) options.timeout = kJwksFetchTimeout;
  const ClientOptions& co = core.options();
  const int client_retries = co.max_retries;
  options.max_retries = std::min(options.max_retries.value_or(client_retries), 1);
  if (!options.deadline) options.deadline = 2 * kJwksFetchTimeout + std::chrono::seconds(1);
  if (!options.max_response_bytes) options.max_response_bytes = kJwksMaxResponseBytes;
  return options;
}

Result<std::string> fetch_jwks(const workos::detail::ClientCore& core, const JwksOptions& jwks) {
  if (auto e = jwks_client_id_error(core, jwks.url)) return *e;
  Result<std::shared_ptr<const ResponseInfo>> response =
      core.execute(jwks_request(core, jwks.url), jwks_fetch_options(core, jwks));
  if (!response) return response.error();
  return (*response)->body;
}

std::string jwks_url(const workos::detail::ClientCore& core, const std::string& url) {
  RequestOptions options;
  if (workos::detail::is_whole_url(url)) options.base_url = url;
  return core.url_for(jwks_request(core, url), options);
}

}  // namespace workos::auth::detail
