// Copyright workos-cpp authors. Handwritten.
#pragma once

// JWKS parsing and caching (internal). The cache is a small state machine that does no I/O
// itself: the sync path hands it a blocking `Fetcher`; the async path drives the same state
// through `lookup_step()` / `refresh_step()` and `complete_fetch()`.

#include <workos/auth/access_token.h>
#include <workos/result.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace workos::detail {
class ClientCore;
struct ApiRequest;
}  // namespace workos::detail

namespace workos::auth::detail {

/// One RSA public key of a JWKS, ready to verify (the EVP_PKEY is parsed once per kid).
/// Immutable after construction; thread-safe (OpenSSL 3 keys are safe for concurrent verify).
class RsaKey {
 public:
  ~RsaKey();
  RsaKey(const RsaKey&) = delete;
  RsaKey& operator=(const RsaKey&) = delete;

  /// Builds a key from base64url `n` and `e`; null when they are not a usable RSA key
  /// (bad encoding, modulus under 2048 bits).
  static std::shared_ptr<const RsaKey> from_components(std::string kid, std::string_view n_b64,
                                                       std::string_view e_b64);

  const std::string& kid() const noexcept { return kid_; }
  /// RSASSA-PKCS1-v1_5 with SHA-256 over `data` (RFC 7518 §3.3).
  bool verify_rs256(std::string_view data, std::string_view signature) const;

 private:
  RsaKey() = default;
  /// A key owning `pkey` (an EVP_PKEY*, freed with the key), ready to verify; null when it
  /// cannot be prepared.
  static std::shared_ptr<const RsaKey> adopt(std::string kid, void* pkey);
  bool prepare();
  std::string kid_;
  void* pkey_ = nullptr;        // EVP_PKEY*
  void* verify_ctx_ = nullptr;  // EVP_PKEY_CTX*, verify-initialized; duplicated per call
  std::size_t sig_size_ = 0;
};

/// A parsed key set. Keys whose `kty`/`alg`/`use` rule out RS256 signatures are kept as
/// "mismatched" so a token naming them fails with `kAlgorithmMismatch`, not `kUnknownKeyId`.
struct KeySet {
  std::vector<std::shared_ptr<const RsaKey>> keys;
  std::vector<std::string> mismatched_kids;
  std::shared_ptr<const RsaKey> find_shared(std::string_view kid) const;
  bool is_mismatched(std::string_view kid) const noexcept;
};

/// Parses JWKS JSON text (`{"keys": [...]}`). Errors: `kDecode`.
Result<std::shared_ptr<const KeySet>> parse_jwks(std::string_view json);

/// Outcome of a key lookup.
struct KeyLookup {
  std::shared_ptr<const RsaKey> key;  ///< Set on success.
  TokenFailure failure = TokenFailure::kNone;
  std::optional<Error> error;  ///< Fetch / configuration error behind kJwksUnavailable.

  static KeyLookup found(std::shared_ptr<const RsaKey> key) {
    KeyLookup out;
    out.key = std::move(key);
    return out;
  }
  static KeyLookup fail(TokenFailure failure) {
    KeyLookup out;
    out.failure = failure;
    return out;
  }
};

/// The TTL cache with single-flight fetching. Thread-safe.
class JwksCache {
 public:
  /// Fetches the JWKS body (blocking). Must be safe to call from any thread.
  using Fetcher = std::function<Result<std::string>()>;
  using SteadyNow = std::function<std::chrono::steady_clock::time_point()>;

  JwksCache(JwksOptions options, SteadyNow now);
  /// A cache pre-filled with a fixed key set that never expires and never fetches.
  static std::shared_ptr<JwksCache> fixed(std::shared_ptr<const KeySet> keys);

  /// The key for `kid`: from the cache when fresh; otherwise fetches once through `fetch`
  /// (concurrent callers wait for that one fetch). An unknown `kid` forces one refresh per
  /// `unknown_kid_cooldown`. On a failed refresh the stale set keeps serving.
  KeyLookup lookup(std::string_view kid, const Fetcher& fetch);

  /// Fetches now (waits for an in-flight fetch instead of starting a second one).
  Result<void> refresh(const Fetcher& fetch);

  // ---- pieces for an async driver (auth/async_jwks.cc) --------------------------------------
  /// One non-blocking step of `lookup`, with the same decisions:
  enum class Step {
    kDone,   ///< `out` holds the answer.
    kFetch,  ///< The caller claimed the fetch: fetch, `complete_fetch`, then step again with
             ///< `fetched` = true.
    kWait,   ///< Another fetch is in flight: `on_fetched` runs once it completes (on the
             ///< completing thread, without the cache's lock); then step again with `fetched`
             ///< = true.
  };
  /// `fetched`: this lookup already fetched or waited for a fetch. `on_fetched` is kept only
  /// for `kWait`; it must not throw and should be quick (post to an executor).
  Step lookup_step(std::string_view kid, bool fetched, KeyLookup& out,
                   std::function<void()> on_fetched);
  /// One non-blocking step of `refresh`: kDone (a fixed set: nothing to fetch), kFetch (the
  /// caller claimed the fetch) or kWait (`on_fetched` runs when the fetch in flight completes;
  /// then read `last_error()`).
  Step refresh_step(std::function<void()> on_fetched);
  /// Installs the body of a finished fetch (or its error) and wakes waiters (blocked threads
  /// and `on_fetched` callbacks).
  void complete_fetch(const Result<std::string>& body);
  /// The error of the last fetch, when it failed.
  std::optional<Error> last_error() const;

  const JwksOptions& options() const noexcept { return options_; }

 private:
  using Clock = std::chrono::steady_clock;
  // The decision of one lookup step (`mu_` held). kFetch does not claim the slot.
  Step decide_locked(std::string_view kid, bool fetched, KeyLookup& out);
  // Runs one fetch on this thread; `lock` is held on entry and on return.
  void fetch_locked(std::unique_lock<std::mutex>& lock, const Fetcher& fetch);
  // Claims the fetch and runs it on a background thread; false (nothing claimed) when no thread
  // could be started. `lock` is held on entry and released on a true return.
  bool start_background_locked(std::unique_lock<std::mutex>& lock, const Fetcher& fetch);
  void install_locked(const Result<std::string>& body, Clock::time_point now);
  // Ends a fetch (`mu_` held): install, release the slot, wake blocked threads; returns the
  // async waiters to call once `mu_` is released.
  std::vector<std::function<void()>> finish_fetch_locked(const Result<std::string>& body);

  JwksOptions options_;
  SteadyNow now_;
  bool fixed_ = false;

  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::shared_ptr<const KeySet> keys_;
  Clock::time_point fresh_until_{};
  bool fetching_ = false;
  std::uint64_t generation_ = 0;  // incremented when a fetch completes
  std::optional<Error> last_error_;
  Clock::time_point failed_until_{};  // no key set + failure: fail fast until then
  std::optional<Clock::time_point> last_forced_;
  std::vector<std::function<void()>> waiters_;  // on_fetched of kWait steps
  // The background refresh of a stale set started by `lookup`, if any. Declared last, so it is
  // destroyed first: destroying the cache waits for it while every other member still lives.
  std::future<void> background_;
};

/// The options of a JWKS fetch for `core`'s client: `options` with the hot-path limits filled
/// in where unset (5 s per attempt, an 11 s deadline, a 1 MiB answer) and at most one retry
/// (the client's retry count when lower).
RequestOptions jwks_fetch_options(const workos::detail::ClientCore& core, const JwksOptions& jwks);

/// Fetches `jwks.url` (by default `{base}/sso/jwks/{client_id}`) through `core`'s pipeline (no
/// Authorization header), with `jwks_fetch_options(jwks)`.
Result<std::string> fetch_jwks(const workos::detail::ClientCore& core, const JwksOptions& jwks);

/// The JWKS URL: `url` (a path on the client's base URL, or a whole URL), by default the one of
/// `core`'s client id.
std::string jwks_url(const workos::detail::ClientCore& core, const std::string& url = {});

/// The request of the JWKS fetch (`GET /sso/jwks/{client_id}` or `url`, no Authorization),
/// shared by the sync and the async fetch.
workos::detail::ApiRequest jwks_request(const workos::detail::ClientCore& core,
                                        const std::string& url);

/// The kConfiguration error of a client without a client id when `url` is empty, or nullopt.
std::optional<Error> jwks_client_id_error(const workos::detail::ClientCore& core,
                                          const std::string& url);

}  // namespace workos::auth::detail
