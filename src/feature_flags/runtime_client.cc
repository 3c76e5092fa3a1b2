// Copyright workos-cpp authors. Handwritten.
// RuntimeClient's evaluations (lock-free reads of the current snapshot) and its sync driver: one
// thread that polls through the client's pipeline and sleeps between polls until closed.

#include <workos/client.h>
#include <workos/feature_flags/runtime_client.h>

#include <thread>
#include <utility>

#include "core/core_access.h"
#include "feature_flags/runtime_state.h"

namespace workos::feature_flags {

namespace flags = workos::detail::flags;

RuntimeClient::RuntimeClient(const Client& client, RuntimeClientOptions options)
    : state_(std::make_shared<flags::RuntimeState>(workos::detail::CoreAccess::core(client),
                                                   std::move(options))) {
  auto thread = std::make_shared<std::thread>([state = state_] {
    while (state->begin_poll()) {
      std::optional<std::chrono::milliseconds> delay =
          state->end_poll(state->core().execute(state->request(), state->request_options()));
      if (!delay || !state->sleep(*delay)) return;
    }
  });
  state_->set_stopper([thread] {
    // Not from the polling thread itself (a callback calling close()): it ends on its own.
    if (thread->joinable() && thread->get_id() != std::this_thread::get_id()) thread->join();
    if (thread->joinable()) thread->detach();
  });
}

RuntimeClient::~RuntimeClient() {
  close();
}

void RuntimeClient::close() {
  state_->close();
}

bool RuntimeClient::is_enabled(std::string_view flag, const EvaluationContext& context,
                               bool default_value) const {
  const flags::Snapshot& s = state_->snapshot();
  auto it = s.flags.find(flag);
  return flags::evaluate(it == s.flags.end() ? nullptr : &it->second, flags::normalize(context),
                         default_value);
}

std::map<std::string, bool> RuntimeClient::all_flags(const EvaluationContext& context) const {
  const flags::Snapshot& s = state_->snapshot();
  const flags::Targets targets = flags::normalize(context);
  std::map<std::string, bool> out;
  for (const auto& [slug, entry] : s.flags)
    out.emplace(slug, flags::evaluate(&entry, targets, false));
  return out;
}

std::optional<FlagEntry> RuntimeClient::flag(std::string_view flag) const {
  const flags::Snapshot& s = state_->snapshot();
  auto it = s.flags.find(flag);
  if (it == s.flags.end()) return std::nullopt;
  return it->second;
}

RuntimeStats RuntimeClient::stats() const {
  return state_->stats();
}

Result<void> RuntimeClient::wait_until_ready(std::chrono::milliseconds timeout) const {
  return state_->wait_ready(timeout);
}

}  // namespace workos::feature_flags
