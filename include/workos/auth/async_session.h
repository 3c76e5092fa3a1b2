// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// `workos::auth::AsyncSealedSession`: `BasicSealedSession` (<workos/auth/session.h>) in the
/// non-blocking form, loaded with `AsyncClient::user_management().load_sealed_session(...)` or
/// `load_sealed_session(async, ...)`. Same methods and outcomes as the blocking session, but
/// nothing blocks: `authenticate()` is ready at once when the JWKS is cached (it is local then)
/// and otherwise fetches the key set on the event loop; `refresh()` runs the refresh-token grant
/// on the event loop.
///
/// @code
/// auto session = async.user_management().load_sealed_session(cookie, cookie_password);
/// auto checked = session.authenticate().then([](auto a) {  // a: Result<SessionAuthentication>
///   if (a && *a) serve(a->claims.sub);
/// });
/// auto refreshed = session.refresh().then([](auto r) {  // r: Result<SessionRefresh>
///   if (r && *r) set_cookie(r->sealed_session);
/// });
/// @endcode
///
/// A session loaded here shares its client's state with the sync helpers: the JWKS cache and
/// the refresh single flight, so a sync and an async refresh of the same cookie (or any number
/// of concurrent async ones) make one network call.

#include <workos/async/async_client_base.h>
#include <workos/async/future.h>
#include <workos/auth/session.h>
#include <workos/auth/session_codec.h>
#include <workos/call_mode.h>
#include <workos/result.h>

#include <memory>
#include <optional>
#include <string>

namespace workos::auth {

/// The non-blocking session: `authenticate()`, `refresh()` and `get_logout_url()` return
/// futures.
using AsyncSealedSession = BasicSealedSession<AsyncMode>;

}  // namespace workos::auth
