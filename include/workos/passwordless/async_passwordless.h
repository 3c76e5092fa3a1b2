// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// `workos::passwordless::AsyncPasswordlessService` (`async.passwordless()`):
/// `BasicPasswordlessService` (<workos/passwordless/passwordless.h>) in the non-blocking form —
/// the two passwordless endpoints on the event loop.
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
#include <workos/call_mode.h>
#include <workos/passwordless/passwordless.h>

namespace workos::passwordless {

extern template class BasicPasswordlessService<AsyncMode>;

/// The non-blocking passwordless service: `async.passwordless()`.
class AsyncPasswordlessService : public BasicPasswordlessService<AsyncMode> {
 protected:
  /// For fakes that override every method.
  AsyncPasswordlessService() = default;
  /// The constructors of `BasicPasswordlessService`.
  using BasicPasswordlessService::BasicPasswordlessService;
};

}  // namespace workos::passwordless
