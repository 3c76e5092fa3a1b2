// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// `workos::ClientBase`: the handwritten part of `workos::Client` (configuration and the shared
/// request core). The generated `workos/client.h` derives `Client` from it and adds one accessor
/// per service.

#include <workos/options.h>
#include <workos/result.h>

#include <memory>
#include <string>

namespace workos {

namespace detail {
/// Internal request core (src/core/call.h).
class ClientCore;
}  // namespace detail

/// Configuration and shared state of a client. Copies share the same state (connections,
/// caches). Thread-safe: one instance may be used from many threads at once.
class ClientBase {
 public:
  /// Resolved options (environment and defaults applied).
  const ClientOptions& options() const noexcept;
  /// The client id (`WORKOS_CLIENT_ID` or `ClientOptions::client_id`), may be empty.
  const std::string& client_id() const noexcept;
  /// The base URL in use, without a trailing slash.
  const std::string& base_url() const noexcept;
  /// True for a public client (no API key is ever sent).
  bool is_public_client() const noexcept;

 protected:
  /// The internal request core (for the SDK's own helpers).
  const std::shared_ptr<detail::ClientCore>& core() const noexcept { return core_; }
  /// Resolves `options`; on a configuration error throws `ConfigurationError` (aborts with the
  /// message when exceptions are disabled). Use `Client::create` for a `Result` instead.
  explicit ClientBase(ClientOptions options);
  /// Shares an existing core (copies and derived clients).
  explicit ClientBase(std::shared_ptr<detail::ClientCore> core);
  /// Resolves `options` into a core, or the ConfigurationError.
  static Result<std::shared_ptr<detail::ClientCore>> make_core(ClientOptions options);

 private:
  friend struct detail::CoreAccess;
  std::shared_ptr<detail::ClientCore> core_;
};

}  // namespace workos
