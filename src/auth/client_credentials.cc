// Copyright workos-cpp authors. Handwritten.
// Machine-to-machine tokens: the client_credentials grant (form-encoded POST /oauth2/token), its
// answer decoded, the token cached until `renew_before` its expiry, one request for many
// callers. The sync driver is here; the async one is async_client_credentials.cc.

#include "auth/client_credentials.h"

#include <algorithm>
#include <utility>

#include "core/client_core_impl.h"
#include "core/core_access.h"
#include "core/json.h"

namespace workos::auth {
namespace detail {

namespace {

// Reads `{access_token, token_type, expires_in, scope}`; other members are ignored.
Result<ClientCredentialsToken> decode_token(const ResponseInfo& response) {
  namespace json = workos::detail::json;
  json::Value root;
  if (auto parsed = json::parse(json::JsonText(response.body), "ClientCredentialsToken", root);
      !parsed) {
    return parsed.error();
  }
  json::DecodeContext c;
  json::ObjectReader r(root, c);
  ClientCredentialsToken token;
  std::int64_t expires_in = 0;
  if (r.ok()) {
    for (auto f : r.fields()) {
      if (f.key == "access_token") {
        json::field(c, "ClientCredentialsToken", "access_token", f.value, token.access_token, true);
      } else if (f.key == "token_type") {
        json::field(c, "ClientCredentialsToken", "token_type", f.value, token.token_type, true);
      } else if (f.key == "expires_in") {
        json::field(c, "ClientCredentialsToken", "expires_in", f.value, expires_in, true);
      } else if (f.key == "scope") {
        json::field(c, "ClientCredentialsToken", "scope", f.value, token.scope, false);
      }
    }
  }
  if (c.failed()) return c.error();
  if (token.access_token.empty() || expires_in <= 0) {
    return Error(ErrorKind::kDecode,
                 "the token endpoint's answer has no access_token or no positive expires_in");
  }
  token.expires_in = std::chrono::seconds(expires_in);
  return token;
}

}  // namespace

ClientCredentialsState::ClientCredentialsState(
    std::shared_ptr<const workos::detail::ClientCore> core, ClientCredentialsOptions options)
    : core_(std::move(core)), options_(std::move(options)) {
  key_ = options_.client_id + "\n";
  std::vector<std::string> scopes = options_.scopes;
  std::sort(scopes.begin(), scopes.end());
  for (const auto& s : scopes) key_ += s + " ";
}

std::optional<Error> ClientCredentialsState::check() const {
  if (options_.client_id.empty() || options_.client_secret.empty()) {
    return Error(ErrorKind::kConfiguration,
                 "ClientCredentialsOptions needs the M2M application's client_id and "
                 "client_secret");
  }
  return std::nullopt;
}

std::chrono::steady_clock::time_point ClientCredentialsState::now() const {
  const Clock& clock = core_->options().clock;
  return clock.now ? clock.now() : std::chrono::steady_clock::now();
}

std::optional<ClientCredentialsToken> ClientCredentialsState::fresh() const {
  std::lock_guard<std::mutex> lock(mu_);
  if (token_ && now() < renew_at_) return token_;
  return std::nullopt;
}

workos::detail::ApiRequest ClientCredentialsState::request() const {
  workos::detail::ApiRequest req;
  req.method = "POST";
  if (!workos::detail::is_whole_url(options_.token_url)) {
    req.path = options_.token_url.empty() ? "/oauth2/token" : options_.token_url;
  }
  req.auth = workos::detail::AuthMode::kNone;  // the application's secret authenticates
  workos::detail::QueryBuilder form;
  form.add("grant_type", "client_credentials");
  form.add("client_id", options_.client_id);
  form.add("client_secret", options_.client_secret);
  if (!options_.scopes.empty()) {
    std::string scope;
    for (const auto& s : options_.scopes) scope += (scope.empty() ? "" : " ") + s;
    form.add("scope", scope);
  }
  req.body = form.str();
  req.content_type = "application/x-www-form-urlencoded";
  return req;
}

RequestOptions ClientCredentialsState::request_options() const {
  RequestOptions options = options_.request;
  if (workos::detail::is_whole_url(options_.token_url)) options.base_url = options_.token_url;
  return options;
}

ClientCredentialsState::Answer ClientCredentialsState::finish(
    const Result<std::shared_ptr<const ResponseInfo>>& response) {
  if (!response) return response.error();
  Result<ClientCredentialsToken> token = decode_token(**response);
  if (!token) return token;
  const Clock& clock = core_->options().clock;
  token->expires_at =
      (clock.wall_now ? clock.wall_now() : std::chrono::system_clock::now()) + token->expires_in;
  std::lock_guard<std::mutex> lock(mu_);
  token_ = *token;
  renew_at_ = now() + std::max(std::chrono::seconds(0), token->expires_in - options_.renew_before);
  return token;
}

void ClientCredentialsState::invalidate() {
  std::lock_guard<std::mutex> lock(mu_);
  token_.reset();
}

}  // namespace detail

ClientCredentials::ClientCredentials(const ClientBase& client, ClientCredentialsOptions options)
    : state_(std::make_shared<detail::ClientCredentialsState>(
          workos::detail::CoreAccess::core(client), std::move(options))) {}

Result<ClientCredentialsToken> ClientCredentials::token() const {
  if (auto e = state_->check()) return *e;
  if (auto cached = state_->fresh()) return *cached;
  auto state = state_;
  const auto work = [state]() -> std::pair<detail::SingleFlight::Value, bool> {
    auto answer = std::make_shared<const detail::ClientCredentialsState::Answer>(
        state->finish(state->core().execute(state->request(), state->request_options())));
    return {answer, false};
  };
  // Waiting for another caller's request keeps to this one's deadline.
  const RequestOptions request_options = state_->request_options();
  const std::optional<std::chrono::milliseconds>& deadline =
      workos::detail::call_deadline(state_->core(), request_options);
  detail::SingleFlight::Ran ran = detail::SingleFlight::Ran::kHere;
  detail::SingleFlight::Value value = state_->flight().run(
      state_->key(), std::chrono::steady_clock::duration::zero(), [state] { return state->now(); },
      work, deadline, &ran);
  if (ran == detail::SingleFlight::Ran::kTimedOut) {
    return Error(ErrorKind::kTimeout,
                 "the deadline passed while another caller's token request was in flight");
  }
  // Null on an event-loop thread while another caller's request is in flight: ask alone.
  if (!value) value = work().first;
  return *std::static_pointer_cast<const detail::ClientCredentialsState::Answer>(value);
}

void ClientCredentials::invalidate() const {
  state_->invalidate();
}

}  // namespace workos::auth
