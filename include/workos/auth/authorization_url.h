// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// The result of the `get_authorization_url_with_pkce` builders (AuthKit and SSO).

#include <string>

namespace workos::auth {

/// An authorization URL with the PKCE and CSRF secrets that go with it. Keep `state` and
/// `code_verifier` (e.g. in a short-lived, HttpOnly cookie) until the callback: check the
/// callback's `state` against `state`, then pass `code_verifier` to the code exchange.
struct AuthorizationUrlWithPkce {
  std::string url;            ///< Where to send the browser.
  std::string state;          ///< The `state` sent (yours, or a fresh random one).
  std::string code_verifier;  ///< The PKCE verifier whose S256 challenge is in `url`.
};

}  // namespace workos::auth
