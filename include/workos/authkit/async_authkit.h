// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// `workos::authkit::AsyncAuthKit`: route protection for event-driven C++ servers (Boost.Beast,
/// Asio, ...): `BasicAuthKit` (<workos/authkit/authkit.h>) over an `AsyncClient`. The same
/// decisions as `AuthKit`, but nothing blocks: the session check is ready at once when the JWKS
/// is cached, and a refresh, a code exchange or a JWKS fetch runs on the client's event loop. See
/// docs/auth.md ("Protecting routes").
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
#include <workos/authkit/authkit.h>
#include <workos/authkit/types.h>
#include <workos/call_mode.h>
#include <workos/result.h>

#include <memory>
#include <string_view>

namespace workos::authkit {

/// Route protection over an `AsyncClient`: `protect`, `handle_callback` and `sign_out` return
/// futures.
using AsyncAuthKit = BasicAuthKit<AsyncMode>;

}  // namespace workos::authkit
