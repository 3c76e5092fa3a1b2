// Copyright workos-cpp authors. Handwritten.
#pragma once

// Per-client state of the auth helpers (internal): the JWKS cache and the refresh single-flight,
// shared by every helper built from one client and its copies. Looked up by the client's core
// without holding it (the registry keeps a weak reference), so it dies with the client.

#include "auth/jwks.h"
#include "auth/single_flight.h"

#include <memory>

namespace workos::detail {
class ClientCore;
}

namespace workos::auth::detail {

struct ClientState {
  std::shared_ptr<JwksCache> jwks;
  SingleFlight refreshes;
};

/// The state of `core`'s client, created on first use. Thread-safe.
std::shared_ptr<ClientState> client_state(const std::shared_ptr<workos::detail::ClientCore>& core);

/// The steady clock of `core`'s options (`ClientOptions::clock.now`), else the real one.
std::function<std::chrono::steady_clock::time_point()> steady_now(
    const std::shared_ptr<workos::detail::ClientCore>& core);

}  // namespace workos::auth::detail
