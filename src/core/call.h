// Copyright workos-cpp authors. Handwritten.
#pragma once

// Internal request API used by the generated service bodies (src/<module>/*.cc) and by the
// handwritten helpers. Never included by a public header.
//
// A generated method builds an ApiRequest and hands it to call<T>() / call_void():
//
//   Result<Organization> OrganizationsConnectionImpl::get_organization(
//       std::string_view id, const RequestOptions& options) {
//     detail::ApiRequest req;
//     req.method = "GET";
//     req.path = "/organizations/" + detail::encode_path_segment(id);
//     return detail::call<Organization>(*core_, req, options, "Organization");
//   }

#include <workos/options.h>
#include <workos/result.h>

#include "core/json.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace workos::detail {

class ClientCore;

/// Percent-encodes one path segment: every byte except RFC 3986 unreserved characters
/// (A-Z a-z 0-9 - . _ ~) becomes %XX, so `a/../b?x#` can never leave its segment.
std::string encode_path_segment(std::string_view value);
/// Percent-encodes a query name or value (same set as a segment; space is %20).
std::string encode_query_component(std::string_view value);

/// Builds an encoded query string. Unset optionals are omitted; booleans are `true`/`false`;
/// arrays are comma-joined in one parameter (OpenAPI form, explode=false); maps become
/// `name[key]=value` pairs.
class QueryBuilder {
 public:
  void add(std::string_view name, std::string_view value);
  void add(std::string_view name, const std::string& value) { add(name, std::string_view(value)); }
  void add(std::string_view name, const char* value) { add(name, std::string_view(value)); }
  void add(std::string_view name, std::int64_t value);
  void add(std::string_view name, double value);
  void add(std::string_view name, bool value);
  void add(std::string_view name, const std::vector<std::string>& values);
  void add(std::string_view name, const std::map<std::string, std::string>& values);
  template <class T>
  void add(std::string_view name, const std::optional<T>& value) {
    if (value) add(name, *value);
  }
  /// Adds a pre-encoded `name=value` pair.
  void add_raw(std::string_view encoded_pair);
  bool empty() const noexcept { return query_.empty(); }
  /// `a=1&b=2` (no leading `?`).
  const std::string& str() const noexcept { return query_; }

 private:
  std::string query_;
};

/// How a request authenticates.
enum class AuthMode {
  kApiKey,       ///< `Authorization: Bearer <api key>`; a public client fails locally.
  kApiKeyIfAny,  ///< Bearer API key when the client has one; none otherwise (PKCE flows).
  kNone,         ///< Never sends `Authorization`.
  kBearerToken,  ///< `Authorization: Bearer <ApiRequest::bearer_token>` (e.g. SSO access token).
};

/// One logical API call (all attempts share it).
struct ApiRequest {
  const char* method = "GET";
  std::string path;                               ///< Starts with '/', already encoded.
  std::string query;                              ///< Encoded query without '?', or empty.
  std::optional<std::string> body;                ///< The body; `std::nullopt` = no body.
  const char* content_type = "application/json";  ///< Of `body`.
  /// Absolute base URL from the spec's operation `servers` (e.g. `https://auth.workos.com`),
  /// used instead of the client's base URL unless `RequestOptions::base_url` is set or the
  /// client was configured with a non-default base URL (a mock server, a proxy): then the
  /// configured base URL wins.
  const char* server_override = nullptr;
  AuthMode auth = AuthMode::kApiKey;
  std::string bearer_token;  ///< With `AuthMode::kBearerToken`.
};

/// True when `url`, given where a path on the client's base URL or a whole URL may stand
/// (`JwksOptions::url`, `ClientCredentialsOptions::token_url`), is a whole URL: not empty and not
/// starting with `/`. A whole URL goes in `RequestOptions::base_url` with an empty path.
inline bool is_whole_url(std::string_view url) noexcept {
  return !url.empty() && url.front() != '/';
}

/// Shared state of one client and its copies: resolved options, transport, logger, RNG.
/// Thread-safe.
class ClientCore {
 public:
  /// Resolves options against the environment and defaults; a ConfigurationError when neither
  /// an API key nor a client id is available, or the base URL is invalid.
  static Result<std::shared_ptr<ClientCore>> create(ClientOptions options);

  /// Resolved options (api_key, client_id, base_url, timeout, ... filled in).
  const ClientOptions& options() const noexcept { return options_; }
  const std::string& api_key() const noexcept { return options_.api_key; }
  const std::string& client_id() const noexcept { return options_.client_id; }
  const std::string& base_url() const noexcept { return options_.base_url; }
  bool is_public_client() const noexcept { return options_.public_client; }

  /// Runs the pipeline (headers, idempotency key, retries, backoff, deadline, hooks, logging,
  /// error mapping). Returns the 2xx answer, or the mapped Error.
  Result<std::shared_ptr<const ResponseInfo>> execute(const ApiRequest& request,
                                                      const RequestOptions& options) const;

  /// Logs `message` (redacted) at `level` through the configured sink.
  void log(LogLevel level, std::string_view message) const;
  /// True when a line at `level` would reach the sink (check before formatting).
  bool log_enabled(LogLevel level) const noexcept {
    return options_.logger && level >= options_.log_level && level != LogLevel::kOff;
  }
  /// Adds the call's response metadata (status, request id, truncated redacted body) to a
  /// DecodeError made while decoding `response`.
  Error decode_error(const Error& error, const ResponseInfo& response) const;
  /// Logs each decoding warning and keeps it in `warnings`.
  std::function<void(const std::string&)> warning_sink(std::vector<std::string>& warnings) const;
  /// `response` once decoded with `warnings` (required fields missing): unchanged when there
  /// are none, a copy listing them in `decode_warnings`, or with
  /// `ClientOptions::strict_decoding` a DecodeError (code `missing_required_field`, the first
  /// warning and how many more, plus the response metadata). Out of line: every decoded type
  /// shares it.
  Result<std::shared_ptr<const ResponseInfo>> with_decode_warnings(
      std::vector<std::string> warnings, std::shared_ptr<const ResponseInfo> response) const;
  /// The type-independent part of `decode_response`: decodes the 2xx answer `response` into
  /// `out` with `read_into_out` (warnings logged) and returns the response metadata as
  /// `with_decode_warnings` does, or the DecodeError with the call's metadata.
  Result<std::shared_ptr<const ResponseInfo>> decode_body(
      std::shared_ptr<const ResponseInfo> response, std::string_view model, void* out,
      json::ReadInto read_into_out) const;
  /// Builds the absolute URL for `request` (base URL resolution + path + query).
  std::string url_for(const ApiRequest& request, const RequestOptions& options) const;

  ~ClientCore();

  /// Private state (transport, user agent, ...); see core/client_core_impl.h.
  struct Impl;
  const Impl& impl() const noexcept { return *impl_; }

 private:
  explicit ClientCore(ClientOptions options);
  ClientOptions options_;
  std::unique_ptr<Impl> impl_;
};

/// Executes `request` and decodes the answer into `T`.
/// Decodes the 2xx answer `response` into `T` (warnings logged, a DecodeError carrying the
/// response metadata), or passes its error on. The one decoding step of the sync and the async
/// calls.
template <class T>
Result<T> decode_response(const ClientCore& core,
                          Result<std::shared_ptr<const ResponseInfo>> response,
                          std::string_view model) {
  if (!response) return response.error();
  T out;
  Result<std::shared_ptr<const ResponseInfo>> info =
      core.decode_body(std::move(*response), model, &out, &json::read_into<T>);
  if (!info) return info.error();
  return Result<T>(std::move(out), std::move(*info));
}

/// `decode_response` for operations some of whose 2xx answers have no body: an empty body is an
/// empty optional.
template <class T>
Result<std::optional<T>> decode_optional_response(
    const ClientCore& core, Result<std::shared_ptr<const ResponseInfo>> response,
    std::string_view model) {
  if (!response) return response.error();
  if ((*response)->body.empty()) {
    return Result<std::optional<T>>(std::optional<T>(), std::move(*response));
  }
  Result<T> decoded = decode_response<T>(core, std::move(response), model);
  if (!decoded) return decoded.error();
  std::shared_ptr<const ResponseInfo> info = decoded.response_ptr();
  return Result<std::optional<T>>(std::optional<T>(std::move(*decoded)), std::move(info));
}

template <class T>
Result<T> call(const ClientCore& core, const ApiRequest& request, const RequestOptions& options,
               std::string_view model) {
  return decode_response<T>(core, core.execute(request, options), model);
}

/// `call` of a request that could not be built fails with the builder's error.
template <class T>
Result<T> call(const ClientCore& core, const Result<ApiRequest>& request,
               const RequestOptions& options, std::string_view model) {
  if (!request) return request.error();
  return call<T>(core, *request, options, model);
}

/// `call` for operations some of whose 2xx answers have no body (an empty optional then).
template <class T>
Result<std::optional<T>> call_optional(const ClientCore& core, const ApiRequest& request,
                                       const RequestOptions& options, std::string_view model) {
  return decode_optional_response<T>(core, core.execute(request, options), model);
}

/// Executes `request` whose answer has no body the caller needs (204 or ignored).
Result<void> call_void(const ClientCore& core, const ApiRequest& request,
                       const RequestOptions& options);

}  // namespace workos::detail
