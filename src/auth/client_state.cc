// Copyright workos-cpp authors. Handwritten.

#include "auth/client_state.h"

#include "core/call.h"

#include <mutex>
#include <unordered_map>

namespace workos::auth::detail {
namespace {

struct Registry {
  struct Entry {
    std::weak_ptr<workos::detail::ClientCore> owner;
    std::shared_ptr<ClientState> state;
  };
  std::mutex mu;
  std::unordered_map<const workos::detail::ClientCore*, Entry> entries;
};

Registry& registry() {
  static Registry* r = new Registry();  // never destroyed: usable during static destruction
  return *r;
}

}  // namespace

std::function<std::chrono::steady_clock::time_point()> steady_now(
    const std::shared_ptr<workos::detail::ClientCore>& core) {
  if (core && core->options().clock.now) return core->options().clock.now;
  return [] { return std::chrono::steady_clock::now(); };
}

std::shared_ptr<ClientState> client_state(const std::shared_ptr<workos::detail::ClientCore>& core) {
  Registry& r = registry();
  std::lock_guard<std::mutex> lock(r.mu);
  auto it = r.entries.find(core.get());
  if (it != r.entries.end()) {
    // Same address but a different (dead) client: the slot is reused below.
    auto owner = it->second.owner.lock();
    if (owner == core) return it->second.state;
  }
  // Drop the state of clients that are gone.
  for (auto e = r.entries.begin(); e != r.entries.end();) {
    if (e->second.owner.expired())
      e = r.entries.erase(e);
    else
      ++e;
  }
  auto state = std::make_shared<ClientState>();
  state->jwks = std::make_shared<JwksCache>(JwksOptions{}, steady_now(core));
  r.entries[core.get()] = Registry::Entry{core, state};
  return state;
}

}  // namespace workos::auth::detail
