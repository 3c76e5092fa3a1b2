// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// `workos::passwordless::AsyncPasswordlessService`: the async twin of `PasswordlessService`
///: the two passwordless endpoints on the event loop. `async.passwordless()` returns
/// one.
///
/// @code
/// workos::passwordless::CreateSessionParams p;
/// p.email = "marcelina@example.com";
/// async.passwordless().create_session(p).then(
///     [&](workos::Result<workos::passwordless::PasswordlessSession> s) {
///       return async.passwordless().send_session(s.value().id);
///     });
/// @endcode

#include <workos/async/future.h>
#include <workos/options.h>
#include <workos/passwordless/passwordless.h>

#include <memory>
#include <string_view>

namespace workos {

namespace detail {
class AsyncCore;
}  // namespace detail

namespace passwordless {

/// The passwordless endpoints, async: the same requests and decoding as `PasswordlessService`
/// (one implementation), sent on the event loop. A cheap value type (copies share the client's
/// state); thread-safe. The methods are virtual so tests can fake the service.
class AsyncPasswordlessService {
 public:
  virtual ~AsyncPasswordlessService() = default;

  /// Creates a Magic Link session for `params.email` (`POST /passwordless/sessions`).
  /// Errors: `BadRequestError` / `UnprocessableEntityError` for an invalid email or redirect.
  [[nodiscard]] virtual Future<PasswordlessSession> create_session(
      const CreateSessionParams& params, const RequestOptions& options = {}) const;

  /// Emails the session's link to its address (`POST /passwordless/sessions/{id}/send`).
  /// Errors: `kInvalidArgument` (at once) for an empty id; the API's errors.
  [[nodiscard]] virtual Future<SendSessionResponse> send_session(
      std::string_view session_id, const RequestOptions& options = {}) const;

 protected:
  /// For fakes that override every method; users reach the service through
  /// `async.passwordless()`.
  AsyncPasswordlessService() = default;

 private:
  friend struct workos::detail::CoreAccess;
  explicit AsyncPasswordlessService(std::shared_ptr<detail::AsyncCore> core);
  std::shared_ptr<detail::AsyncCore> core_;
};

}  // namespace passwordless
}  // namespace workos
