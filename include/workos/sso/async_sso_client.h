// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// `workos::sso::AsyncSsoClient` (`async.sso()`): `BasicSsoClient` (<workos/sso/sso_client.h>)
/// in the non-blocking form — the code exchanges return futures and run on the event loop.
///
/// @code
/// auto url = async.sso().get_authorization_url_with_pkce(params).value();   // local
/// // ... callback with ?code=...&state=...
/// async.sso().get_profile_and_token_pkce(code, url.code_verifier)
///     .then([](workos::Result<workos::SsoTokenResponse> token) { ... });
/// @endcode

#include <workos/async/future.h>
#include <workos/call_mode.h>
#include <workos/sso/async_service.h>
#include <workos/sso/sso_client.h>

namespace workos::sso {

/// The non-blocking SSO client: `async.sso()`.
class AsyncSsoClient : public BasicSsoClient<AsyncMode> {
  /// The constructors of `BasicSsoClient`.
  using BasicSsoClient::BasicSsoClient;
};

}  // namespace workos::sso
