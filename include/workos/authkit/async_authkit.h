// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// `workos::authkit::AsyncAuthKit`: route protection for event-driven C++ servers (Boost.Beast,
/// Asio, ...). The same decisions as `AuthKit`, over an `AsyncClient`: nothing blocks, the
/// session check is ready at once when the JWKS is cached, and a refresh, a code exchange or a
/// JWKS fetch runs on the client's event loop. See docs/auth.md ("Protecting routes").
///
/// @code
/// auto authkit = workos::authkit::AsyncAuthKit::create(async_client, options).value();
/// authkit.protect(in).then([conn](workos::Result<workos::authkit::Decision> d) {
///   // runs on the SDK's loop thread (or your executor): post the answer to your connection
///   conn->answer(d && *d ? page_for(*d->user) : redirect_to(d->redirect_to), d->set_cookies);
/// });
/// @endcode

#include <workos/async/future.h>
#include <workos/async_client.h>
#include <workos/authkit/types.h>
#include <workos/result.h>

#include <memory>
#include <string_view>

namespace workos::detail {
class AuthKitCore;
}  // namespace workos::detail

namespace workos::authkit {

/// Route protection over an `AsyncClient`. Thread-safe; cheap to copy. The futures complete
/// with a value for every outcome `AuthKit` answers with one; they fail (`kCancelled`) when
/// cancelled or when the client shut down.
class AsyncAuthKit {
 public:
  /// Errors (`kConfiguration`): as `AuthKit::create`.
  [[nodiscard]] static Result<AsyncAuthKit> create(const AsyncClient& client,
                                                   AuthKitOptions options);

  /// `AuthKit::protect` without blocking: kSignedIn, kRefreshed (new cookie in `set_cookies`)
  /// or kSignIn (AuthKit URL in `redirect_to`).
  [[nodiscard]] Future<Decision> protect(const IncomingRequest& request) const;
  /// `AuthKit::sign_in`: local (no request), so the same `Result`.
  [[nodiscard]] Result<Redirect> sign_in(const IncomingRequest& request,
                                         std::string_view return_to = {}) const;
  /// `AuthKit::handle_callback` without blocking: the code exchange runs on the event loop.
  /// A forged or incomplete callback completes at once with `kInvalidArgument`.
  [[nodiscard]] Future<Redirect> handle_callback(const IncomingRequest& request) const;
  /// `AuthKit::sign_out` without blocking (the logout URL may need the JWKS).
  [[nodiscard]] Future<Redirect> sign_out(const IncomingRequest& request) const;

  /// The options in use (after `create` checked them).
  const AuthKitOptions& options() const noexcept;

 private:
  AsyncAuthKit(AsyncClient client, std::shared_ptr<const detail::AuthKitCore> core);
  AsyncClient client_;
  std::shared_ptr<const detail::AuthKitCore> core_;
};

}  // namespace workos::authkit
