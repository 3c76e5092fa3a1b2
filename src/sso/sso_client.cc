// Copyright workos-cpp authors. Handwritten.
// The SSO helpers' requests (auth/auth_requests.h) and the blocking form of BasicSsoClient;
// the helpers themselves are written once in sso/sso_client_impl.h.

#include <workos/sso/sso_client.h>

#include <workos/auth/pkce.h>

#include "auth/auth_requests.h"
#include "auth/credentials.h"
#include "core/json.h"
#include "core/mode_driver.h"
#include "sso/models_json.h"
#include "sso/sso_client_impl.h"

namespace workos {

// The blocking form of the helpers (sso/sso_client_impl.h).
template class sso::BasicSsoClient<SyncMode>;

namespace auth::detail {

// POST /sso/token with the credentials in the JSON body (the spec's `TokenQueryDto` component,
// `workos::TokenQuery` here). The spec also lists them as query parameters; we never put the client
// secret in a URL, where proxies and access logs would keep it.
Result<workos::detail::ApiRequest> sso_token_request(
    const workos::detail::ClientCore* core, std::string_view code,
    std::optional<std::string_view> code_verifier) {
  if (code_verifier && code_verifier->empty()) {
    return Error(ErrorKind::kInvalidArgument, "get_profile_and_token_pkce needs a code_verifier");
  }
  auto cred = client_credentials(
      core, code_verifier ? SecretPolicy::kIfConfidential : SecretPolicy::kRequired,
      code_verifier ? "get_profile_and_token_pkce" : "get_profile_and_token");
  if (!cred) return cred.error();
  workos::detail::json::Writer w;
  w.begin_object();
  w.key("client_id");
  w.string(cred->client_id);
  if (cred->client_secret) {
    w.key("client_secret");
    w.string(*cred->client_secret);
  }
  w.key("grant_type");
  w.string("authorization_code");
  w.key("code");
  w.string(code);
  if (code_verifier) {
    w.key("code_verifier");
    w.string(*code_verifier);
  }
  w.end_object();
  workos::detail::ApiRequest req;
  req.method = "POST";
  req.path = "/sso/token";
  req.body = w.take();
  req.auth = workos::detail::AuthMode::kApiKeyIfAny;
  return req;
}

}  // namespace auth::detail
}  // namespace workos
