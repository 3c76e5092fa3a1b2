// Copyright workos-cpp authors. Handwritten.
// AsyncClientCredentials: the steps of ClientCredentials (auth/client_credentials.h) with the
// token request made on the event loop; callers that find the cache stale while a request is in
// flight wait for it without blocking.

#include <utility>

#include "async/call_async.h"
#include "auth/async_support.h"
#include "auth/client_credentials.h"
#include "core/core_access.h"

namespace workos::auth {

AsyncClientCredentials::AsyncClientCredentials(const AsyncClientBase& client,
                                               ClientCredentialsOptions options)
    : state_(std::make_shared<detail::ClientCredentialsState>(
          workos::detail::CoreAccess::core(client), std::move(options))),
      core_(workos::detail::CoreAccess::async_core(client)) {}

Future<ClientCredentialsToken> AsyncClientCredentials::token() const {
  using Answer = detail::ClientCredentialsState::Answer;
  if (auto e = state_->check()) return detail::ready_async<ClientCredentialsToken>(core_, *e);
  if (auto cached = state_->fresh())
    return detail::ready_async<ClientCredentialsToken>(core_, *cached);
  auto promise = detail::make_async_promise<ClientCredentialsToken>(core_);
  Future<ClientCredentialsToken> future = promise->get_future();
  const auto settle = [promise](const detail::SingleFlight::Value& value) {
    promise->set_result(*std::static_pointer_cast<const Answer>(value));
  };
  detail::SingleFlight::Value reused;
  const detail::SingleFlight::Claim claim = state_->flight().claim(
      state_->key(), std::chrono::steady_clock::duration::zero(), state_->now(), &reused,
      [core = core_, settle](detail::SingleFlight::Value value) {
        // Another caller's request finished (on its thread): complete on the loop.
        detail::post_to_loop(core, [settle, value] { settle(value); });
      });
  switch (claim) {
    case detail::SingleFlight::Claim::kReused:
      settle(reused);
      break;
    case detail::SingleFlight::Claim::kWait:
      break;
    case detail::SingleFlight::Claim::kRun:
      static_cast<void>(
          workos::detail::call_async_raw(core_, state_->request(), state_->request_options())
              .then(inline_executor(),
                    [state = state_, settle](Result<std::shared_ptr<const ResponseInfo>> r) {
                      auto value = std::make_shared<const Answer>(state->finish(r));
                      state->flight().publish(state->key(), value, false, state->now());
                      settle(value);
                    }));
      break;
  }
  return future;
}

void AsyncClientCredentials::invalidate() const {
  state_->invalidate();
}

}  // namespace workos::auth
