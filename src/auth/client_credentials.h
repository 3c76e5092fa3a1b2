// Copyright workos-cpp authors. Handwritten.
#pragma once

// The state behind ClientCredentials and AsyncClientCredentials (internal): the token request,
// the decoding of its answer, the cached token and the single flight that lets one request
// serve every caller that finds the cache stale. Both drivers use it; only the I/O differs.

#include <workos/auth/client_credentials.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "auth/single_flight.h"
#include "core/call.h"

namespace workos::auth::detail {

class ClientCredentialsState {
 public:
  using Answer = Result<ClientCredentialsToken>;

  ClientCredentialsState(std::shared_ptr<const workos::detail::ClientCore> core,
                         ClientCredentialsOptions options);

  /// A configuration error found before anything is sent (no client id or secret).
  std::optional<Error> check() const;
  /// The cached token while it has more than `renew_before` to live.
  std::optional<ClientCredentialsToken> fresh() const;
  /// The token request and its options.
  workos::detail::ApiRequest request() const;
  RequestOptions request_options() const;
  /// Decodes the endpoint's answer; a token is also cached.
  Answer finish(const Result<std::shared_ptr<const ResponseInfo>>& response);
  void invalidate();

  const workos::detail::ClientCore& core() const noexcept { return *core_; }
  const std::string& key() const noexcept { return key_; }
  std::chrono::steady_clock::time_point now() const;
  SingleFlight& flight() noexcept { return flight_; }

 private:
  std::shared_ptr<const workos::detail::ClientCore> core_;
  ClientCredentialsOptions options_;
  std::string key_;
  SingleFlight flight_;
  mutable std::mutex mu_;
  std::optional<ClientCredentialsToken> token_;
  std::chrono::steady_clock::time_point renew_at_{};
};

}  // namespace workos::auth::detail
