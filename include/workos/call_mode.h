// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// `workos::SyncMode` and `workos::AsyncMode`: the two forms of the handwritten helpers.
///
/// A helper that exists for both clients is declared once, as a class template over the mode
/// (`sso::BasicSsoClient<Mode>`, `vault::BasicVaultClient<Mode>`, ...), and each client hands
/// out its form: `client.sso()` is a `sso::SsoClient` (the `SyncMode` form: a call returns
/// `Result<T>` when it is done), `async.sso()` a `sso::AsyncSsoClient` (the `AsyncMode` form:
/// a call returns `Future<T>` at once). Same names, parameters and documentation; what no
/// request backs (building a URL, sealing a cookie) returns the same `Result<T>` in both.
///
/// @code
/// workos::Result<workos::SsoTokenResponse> t = client.sso().get_profile_and_token(code);
/// workos::Future<workos::SsoTokenResponse> f = async.sso().get_profile_and_token(code);
/// @endcode

#include <workos/result.h>

#include <memory>
#include <type_traits>
#include <utility>

namespace workos {

template <class T>
class Future;
class ClientBase;
class AsyncClientBase;

namespace detail {
class ClientCore;
class AsyncCore;
struct CoreAccess;
}  // namespace detail

/// The blocking form: the call runs on the calling thread and returns its result.
struct SyncMode {
  /// What a call that makes a request returns.
  template <class T>
  using Reply = Result<T>;
  /// What a call returns whose value carries its own outcome (a session check).
  template <class T>
  using Outcome = T;
  /// `Sync` in this form, `Async` in the other.
  template <class Sync, class Async>
  using Pick = Sync;
};

/// The non-blocking form: the call returns a `Future<T>` at once; requests run on the event
/// loop.
struct AsyncMode {
  /// What a call that makes a request returns.
  template <class T>
  using Reply = Future<T>;
  /// What a call returns whose value carries its own outcome (a session check).
  template <class T>
  using Outcome = Future<T>;
  /// `Async` in this form, `Sync` in the other.
  template <class Sync, class Async>
  using Pick = Async;
};

/// What a call that makes a request returns in the form `Mode`: `Result<T>` (`SyncMode`) or
/// `Future<T>` (`AsyncMode`).
template <class Mode, class T>
using Reply = typename Mode::template Reply<T>;
/// What a call whose value carries its own outcome (a session check) returns in the form
/// `Mode`: `T` or `Future<T>`.
template <class Mode, class T>
using Outcome = typename Mode::template Outcome<T>;

/// The form of the helpers of a client type: `AsyncMode` for an `AsyncClient` (any
/// `AsyncClientBase`), `SyncMode` otherwise.
template <class AnyClient>
using ModeOf =
    std::conditional_t<std::is_base_of_v<AsyncClientBase, AnyClient>, AsyncMode, SyncMode>;
/// The client base of the form `Mode`: `ClientBase` or `AsyncClientBase`.
template <class Mode>
using ClientOf = typename Mode::template Pick<ClientBase, AsyncClientBase>;

namespace detail {
/// The request core behind a helper of `Mode` (internal).
template <class Mode>
using CoreOf = typename Mode::template Pick<ClientCore, AsyncCore>;
}  // namespace detail

/// The base of a module's helper class: the generated service of the form `Mode`
/// (`SyncService` or `AsyncService`) plus the client's request core, which the helpers read
/// (client id, API key, the event loop).
template <class Mode, class SyncService, class AsyncService>
class ModeService : public Mode::template Pick<SyncService, AsyncService> {
 protected:
  /// The generated service of this form.
  using Service = typename Mode::template Pick<SyncService, AsyncService>;
  friend struct workos::detail::CoreAccess;

  /// Calls go through `connection` (the client's, a fake or a mock); `core` may be null.
  template <class Connection>
  ModeService(std::shared_ptr<Connection> connection, std::shared_ptr<detail::CoreOf<Mode>> core)
      : Service(std::move(connection)), core_(std::move(core)) {}

  /// The request core behind the helpers (null for a connection-only client).
  const std::shared_ptr<detail::CoreOf<Mode>>& core() const noexcept { return core_; }

 private:
  std::shared_ptr<detail::CoreOf<Mode>> core_;
};

}  // namespace workos
