// Copyright workos-cpp authors. Handwritten.

#include "auth/single_flight.h"

namespace workos::auth::detail {

void SingleFlight::prune_locked(std::chrono::steady_clock::duration keep_for, TimePoint now) {
  for (auto it = entries_.begin(); it != entries_.end();) {
    const Entry& e = *it->second;
    if (e.done && (!e.keep || now - e.done_at >= keep_for))
      it = entries_.erase(it);
    else
      ++it;
  }
}

SingleFlight::Value SingleFlight::run(const std::string& key,
                                      std::chrono::steady_clock::duration keep_for,
                                      const std::function<TimePoint()>& now, const Work& work,
                                      bool* shared) {
  std::unique_lock<std::mutex> lock(mu_);
  prune_locked(keep_for, now());
  auto it = entries_.find(key);
  if (it != entries_.end()) {
    std::shared_ptr<Entry> entry = it->second;
    cv_.wait(lock, [&] { return entry->done; });
    if (shared) *shared = true;
    return entry->value;
  }
  auto entry = std::make_shared<Entry>();
  entries_.emplace(key, entry);
  // Publish whatever happens in `work`, so waiters never hang.
  struct Publish {
    SingleFlight* self;
    std::unique_lock<std::mutex>& lock;
    const std::string& key;
    const std::function<TimePoint()>& now;
    std::shared_ptr<Entry> entry;
    std::pair<Value, bool> result{nullptr, false};
    ~Publish() {
      lock.lock();
      entry->value = result.first;
      entry->keep = result.second && result.first != nullptr;
      entry->done = true;
      entry->done_at = now();
      if (!entry->keep) self->entries_.erase(key);
      self->cv_.notify_all();
    }
  } publish{this, lock, key, now, entry};
  lock.unlock();
  publish.result = work();
  if (shared) *shared = false;
  return publish.result.first;
}

std::size_t SingleFlight::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return entries_.size();
}

}  // namespace workos::auth::detail
