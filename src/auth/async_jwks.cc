// Copyright workos-cpp authors. Handwritten.
// Async JWKS fetch and key lookup, and AsyncAccessTokenVerifier. The cache decisions
// are JwksCache's own (lookup_step / refresh_step: the same code as the blocking lookup); the
// token checks are TokenVerifierCore's; only the fetch (on the event loop) and the waiting
// (a callback instead of a condition variable) are async.

#include "auth/async_jwks.h"
#include "core/core_access.h"

#include <workos/auth/async_access_token.h>

#include <utility>

#include "async/async_mode_driver.h"
#include "async/call_async.h"
#include "auth/access_token_impl.h"
#include "auth/async_support.h"
#include "auth/client_state.h"

namespace workos::auth {
namespace detail {
namespace {

using Fetch = std::function<Future<std::string>()>;

Fetch async_fetcher(std::shared_ptr<workos::detail::AsyncCore> core, JwksOptions jwks) {
  return [core = std::move(core), jwks = std::move(jwks)] { return fetch_jwks_async(core, jwks); };
}

// One key lookup: steps the cache until it answers; fetches (once) or waits for another
// caller's fetch without blocking.
class AsyncKeyLookup : public std::enable_shared_from_this<AsyncKeyLookup> {
 public:
  using Done = std::function<void(KeyLookup)>;
  AsyncKeyLookup(std::shared_ptr<JwksCache> cache, std::string kid, Fetch fetch,
                 std::shared_ptr<workos::detail::AsyncCore> core, Done done)
      : cache_(std::move(cache)),
        kid_(std::move(kid)),
        fetch_(std::move(fetch)),
        core_(std::move(core)),
        done_(std::move(done)) {}

  void step() {
    KeyLookup out;
    auto self = shared_from_this();
    // Every later step follows a fetch (ours, or the one we wait for). Set before the step:
    // once a waiter is registered, the next step may start on another thread.
    const bool fetched = fetched_;
    fetched_ = true;
    // The waiter runs on the thread that completes the fetch (a loop thread, or a user thread
    // of a sync lookup): continue on the loop.
    switch (cache_->lookup_step(kid_, fetched, out,
                                [self] { post_to_loop(self->core_, [self] { self->step(); }); })) {
      case JwksCache::Step::kDone: {
        Done done = std::move(done_);
        done_ = nullptr;
        if (done) done(std::move(out));
        return;
      }
      case JwksCache::Step::kWait:
        return;
      case JwksCache::Step::kFetch:
        static_cast<void>(fetch_().then(inline_executor(), [self](Result<std::string> body) {
          self->cache_->complete_fetch(body);
          self->step();
        }));
        return;
    }
  }

 private:
  std::shared_ptr<JwksCache> cache_;
  std::string kid_;
  Fetch fetch_;
  std::shared_ptr<workos::detail::AsyncCore> core_;
  Done done_;
  bool fetched_ = false;  // steps of one lookup never overlap: each follows the previous one
};

}  // namespace

Future<std::string> fetch_jwks_async(const std::shared_ptr<workos::detail::AsyncCore>& core,
                                     const JwksOptions& jwks) {
  if (!core) {
    return ready_async<std::string>(
        core, Error(ErrorKind::kConfiguration,
                    "the JWKS cannot be fetched: no async client behind this helper"));
  }
  if (auto e = jwks_client_id_error(core->client(), jwks.url))
    return ready_async<std::string>(core, *e);
  return workos::detail::call_async_raw(core, jwks_request(core->client(), jwks.url),
                                        jwks_fetch_options(core->client(), jwks))
      .then(inline_executor(),
            [](Result<std::shared_ptr<const ResponseInfo>> r) -> Result<std::string> {
              if (!r) return r.error();
              return (*r)->body;
            });
}

Future<AccessTokenClaims> verify_async(std::shared_ptr<const TokenVerifierCore> verifier,
                                       std::shared_ptr<workos::detail::AsyncCore> core,
                                       std::string token, bool allow_expired) {
  Result<std::string> kid = verifier->check_header(token);
  if (!kid) return ready_async<AccessTokenClaims>(core, kid.error());
  std::shared_ptr<Promise<AccessTokenClaims>> promise = make_async_promise<AccessTokenClaims>(core);
  Future<AccessTokenClaims> future = promise->get_future();
  Fetch fetch = async_fetcher(core, verifier->jwks()->options());
  auto lookup = std::make_shared<AsyncKeyLookup>(
      verifier->jwks(), std::move(*kid), std::move(fetch), core,
      [promise, verifier, token = std::move(token), allow_expired](KeyLookup key) {
        if (!key.key) {
          promise->set_error(TokenVerifierCore::lookup_error(key));
          return;
        }
        promise->set_result(verifier->check_with_key(token, *key.key, allow_expired));
      });
  lookup->step();  // completes the promise at once when the key is cached
  return future;
}

Future<void> refresh_jwks_async(std::shared_ptr<const TokenVerifierCore> verifier,
                                std::shared_ptr<workos::detail::AsyncCore> core) {
  if (auto e = verifier->fetch_config_error()) return ready_async<void>(core, std::move(*e));
  std::shared_ptr<Promise<void>> promise = make_async_promise<void>(core);
  Future<void> future = promise->get_future();
  std::shared_ptr<JwksCache> cache = verifier->jwks();
  auto finish = [promise, cache] {
    if (auto e = cache->last_error()) {
      promise->set_error(*e);
    } else {
      promise->set_value();
    }
  };
  switch (cache->refresh_step(finish)) {
    case JwksCache::Step::kDone:  // a fixed key set: nothing to fetch
      promise->set_value();
      break;
    case JwksCache::Step::kWait:
      break;
    case JwksCache::Step::kFetch:
      static_cast<void>(async_fetcher(core, cache->options())().then(
          inline_executor(), [cache, finish](Result<std::string> body) {
            cache->complete_fetch(body);
            finish();
          }));
      break;
  }
  return future;
}

}  // namespace detail

template class BasicAccessTokenVerifier<AsyncMode>;

}  // namespace workos::auth
