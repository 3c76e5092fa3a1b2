// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// `workos::auth::AsyncAccessTokenVerifier`: `BasicAccessTokenVerifier`
/// (<workos/auth/access_token.h>) in the non-blocking form, for code that runs on the async
/// client. Verification is local once the JWKS is cached (the
/// future is then ready at once); when the key set must be fetched, the fetch runs on the
/// client's event loop through the async pipeline (proxy, timeouts, retries, hooks), never on a
/// blocked thread. The JWKS cache is the one of the client's `ClientCore`, shared with the sync
/// `Client` and its verifiers and sessions (one fetch for all of them).
///
/// @code
/// workos::AsyncClient client;
/// auto verifier = client.user_management().access_token_verifier();
/// verifier.verify(bearer).then([](workos::Result<workos::auth::AccessTokenClaims> claims) {
///   if (claims) use(claims->sub, claims->org_id);
/// });
/// @endcode

#include <workos/async/async_client_base.h>
#include <workos/async/future.h>
#include <workos/auth/access_token.h>
#include <workos/call_mode.h>
#include <workos/result.h>

#include <memory>
#include <string>
#include <string_view>

namespace workos::auth {

/// The non-blocking verifier: `verify` and `refresh_jwks` return futures.
using AsyncAccessTokenVerifier = BasicAccessTokenVerifier<AsyncMode>;

}  // namespace workos::auth
