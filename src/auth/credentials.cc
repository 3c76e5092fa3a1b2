// Copyright workos-cpp authors. Handwritten.

#include "auth/credentials.h"

#include "core/call.h"

namespace workos::auth::detail {

Result<ClientCredentials> client_credentials(const workos::detail::ClientCore* core,
                                             SecretPolicy policy, std::string_view grant) {
  if (!core) {
    return Error(ErrorKind::kConfiguration,
                 std::string(grant) + " needs a client (client id) behind the service");
  }
  ClientCredentials out;
  out.client_id = core->client_id();
  if (out.client_id.empty()) {
    return Error(ErrorKind::kConfiguration,
                 std::string(grant) +
                     " needs a client id (set ClientOptions::client_id or WORKOS_CLIENT_ID)");
  }
  const bool has_secret = !core->is_public_client() && !core->api_key().empty();
  switch (policy) {
    case SecretPolicy::kRequired:
      if (core->is_public_client()) {
        return Error(ErrorKind::kConfiguration,
                     std::string(grant) +
                         " needs the client secret (API key), which a public client never has; "
                         "use a PKCE flow (authenticate_with_code_pkce) instead");
      }
      if (!has_secret) {
        return Error(ErrorKind::kConfiguration,
                     std::string(grant) +
                         " needs the client secret: set ClientOptions::api_key or WORKOS_API_KEY");
      }
      out.client_secret = core->api_key();
      break;
    case SecretPolicy::kIfConfidential:
      if (has_secret) out.client_secret = core->api_key();
      break;
    case SecretPolicy::kNever:
      break;
  }
  return out;
}

}  // namespace workos::auth::detail
