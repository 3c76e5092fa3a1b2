// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// Passwordless sessions (Magic Link by email). Not in the OpenAPI spec, so written by hand:
/// `POST /passwordless/sessions` and `POST /passwordless/sessions/{id}/send`. Reached as
/// `client.passwordless()` (and `async.passwordless()`,
/// <workos/passwordless/async_passwordless.h>).
///
/// @code
/// workos::passwordless::CreateSessionParams p;
/// p.email = "marcelina@example.com";
/// p.redirect_uri = "https://example.com/callback";
/// auto session = client.passwordless().create_session(p).value();
/// client.passwordless().send_session(session.id).value();   // WorkOS emails the link
/// @endcode

#include <workos/call_mode.h>
#include <workos/options.h>
#include <workos/result.h>
#include <workos/types.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace workos {

namespace detail {
struct CoreAccess;
}  // namespace detail

namespace passwordless {

/// A passwordless (Magic Link) session.
struct PasswordlessSession {
  std::string object;    ///< `"passwordless_session"`
  std::string id;        ///< `passwordless_session_...`
  std::string email;     ///< Who the link is for.
  Timestamp expires_at;  ///< When the link stops working.
  /// The Magic Link to send yourself (or let WorkOS send it with `send_session`).
  std::string link;
};

/// Parameters of `create_session`.
struct CreateSessionParams {
  /// Session type; only `"MagicLink"` exists today.
  std::string type = "MagicLink";
  /// The user's email address (required).
  std::string email;
  /// Where the user is sent after following the link; default: the environment's redirect URI.
  std::optional<std::string> redirect_uri;
  /// Opaque value returned to `redirect_uri` unchanged.
  std::optional<std::string> state;
  /// Connection to use (a Magic Link connection id), when the environment has several (sent as
  /// `connection`).
  std::optional<std::string> connection_id;
  /// Lifetime of the link in seconds (the API's default when unset).
  std::optional<std::int64_t> expires_in;
};

/// Answer of `send_session`.
struct SendSessionResponse {
  std::optional<bool> success;         ///< Whether WorkOS sent the email.
  std::optional<std::string> message;  ///< WorkOS's message, when it gives one.
};

/// The passwordless endpoints, in the form `Mode` (<workos/call_mode.h>): the calls return
/// `Result<T>` in `PasswordlessService` (`client.passwordless()`) and `Future<T>` in
/// `AsyncPasswordlessService` (`async.passwordless()`, <workos/passwordless/async_passwordless.h>).
/// A cheap value type (copies share the client's state); thread-safe. The methods are virtual
/// so tests can fake the service.
template <class Mode>
class BasicPasswordlessService {
 public:
  virtual ~BasicPasswordlessService() = default;

  /// Creates a Magic Link session for `params.email` (`POST /passwordless/sessions`).
  /// Errors: `BadRequestError` / `UnprocessableEntityError` for an invalid email or redirect.
  [[nodiscard]] virtual Reply<Mode, PasswordlessSession> create_session(
      const CreateSessionParams& params, const RequestOptions& options = {}) const;

  /// Emails the session's link to its address (`POST /passwordless/sessions/{id}/send`).
  /// Errors: `kInvalidArgument` (before any request) for an empty id; the API's errors.
  [[nodiscard]] virtual Reply<Mode, SendSessionResponse> send_session(
      std::string_view session_id, const RequestOptions& options = {}) const;

 protected:
  /// For fakes that override every method.
  BasicPasswordlessService() = default;
  friend struct workos::detail::CoreAccess;
  /// Over the client's request core (built by the client).
  explicit BasicPasswordlessService(std::shared_ptr<detail::CoreOf<Mode>> core);

 private:
  std::shared_ptr<detail::CoreOf<Mode>> core_;
};

extern template class BasicPasswordlessService<SyncMode>;

/// The blocking passwordless service: `client.passwordless()`.
class PasswordlessService : public BasicPasswordlessService<SyncMode> {
 protected:
  /// For fakes that override every method.
  PasswordlessService() = default;
  /// The constructors of `BasicPasswordlessService`.
  using BasicPasswordlessService::BasicPasswordlessService;
};

}  // namespace passwordless
}  // namespace workos
