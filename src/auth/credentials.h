// Copyright workos-cpp authors. Handwritten.
#pragma once

// Client credentials for the OAuth-style grants (internal): which grants send the API key as
// `client_secret`, and the local ConfigurationError when a grant needs a secret the client
// cannot give (public client, no API key).

#include <workos/result.h>

#include <optional>
#include <string>
#include <string_view>

namespace workos::detail {
class ClientCore;
}

namespace workos::auth::detail {

enum class SecretPolicy {
  kRequired,        ///< The grant needs `client_secret` (password, magic auth, TOTP, ...).
  kIfConfidential,  ///< Sent when the client has an API key (code, refresh token, SSO PKCE).
  kNever,           ///< Never sent (device code, code + PKCE).
};

struct ClientCredentials {
  std::string client_id;
  std::optional<std::string> client_secret;
};

/// The credentials for `grant` (named in errors) under `policy`. Errors: kConfiguration.
Result<ClientCredentials> client_credentials(const workos::detail::ClientCore* core,
                                             SecretPolicy policy, std::string_view grant);

}  // namespace workos::auth::detail
