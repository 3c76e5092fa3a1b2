// Copyright workos-cpp authors. Handwritten.
#pragma once

// Async JWKS fetching and key lookup (internal): the JwksCache state machine (auth/jwks.h)
// stepped without blocking, the fetch sent through the async pipeline on the event loop, and
// the token checks of TokenVerifierCore around it.

#include <workos/async/future.h>
#include <workos/auth/access_token.h>
#include <workos/options.h>

#include <functional>
#include <memory>
#include <string>

#include "auth/jwks.h"
#include "auth/token_verifier.h"

namespace workos::detail {
class AsyncCore;
}

namespace workos::auth::detail {

/// Fetches the JWKS body (`jwks.url`, by default `GET /sso/jwks/{client_id}`; no
/// Authorization) on the event loop of `core`. Errors: kConfiguration (no core, no client id),
/// the call's errors.
Future<std::string> fetch_jwks_async(const std::shared_ptr<workos::detail::AsyncCore>& core,
                                     const JwksOptions& jwks);

/// Verifies `token` with `verifier`'s checks and JWKS cache; a missing key set is fetched on
/// the loop of `core`. Ready at once when the key is cached. With `allow_expired` an expired
/// (but otherwise valid) token passes.
Future<AccessTokenClaims> verify_async(std::shared_ptr<const TokenVerifierCore> verifier,
                                       std::shared_ptr<workos::detail::AsyncCore> core,
                                       std::string token, bool allow_expired = false);

/// Fetches the key set of `verifier` now on the loop of `core`, or joins the fetch in flight.
Future<void> refresh_jwks_async(std::shared_ptr<const TokenVerifierCore> verifier,
                                std::shared_ptr<workos::detail::AsyncCore> core);

}  // namespace workos::auth::detail
