// Copyright workos-cpp authors. Handwritten.

#include "auth/single_flight.h"

#include <workos/async/future.h>

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

std::vector<SingleFlight::Waiter> SingleFlight::finish_locked(const std::string& key,
                                                              const std::shared_ptr<Entry>& entry,
                                                              Value value, bool keep,
                                                              TimePoint now) {
  entry->value = std::move(value);
  entry->keep = keep && entry->value != nullptr;
  entry->done = true;
  entry->done_at = now;
  if (!entry->keep) {
    auto it = entries_.find(key);
    if (it != entries_.end() && it->second == entry) entries_.erase(it);
  }
  cv_.notify_all();
  std::vector<Waiter> waiters;
  waiters.swap(entry->waiters);
  return waiters;
}

SingleFlight::Value SingleFlight::run(const std::string& key,
                                      std::chrono::steady_clock::duration keep_for,
                                      const std::function<TimePoint()>& now, const Work& work,
                                      std::optional<std::chrono::milliseconds> wait_at_most,
                                      Ran* how) {
  Ran ignored = Ran::kHere;
  if (!how) how = &ignored;
  std::unique_lock<std::mutex> lock(mu_);
  prune_locked(keep_for, now());
  auto it = entries_.find(key);
  if (it != entries_.end()) {
    std::shared_ptr<Entry> entry = it->second;
    // A blocking wait on an event-loop thread could wait for work that thread must complete.
    if (!entry->done && workos::detail::on_event_loop_thread()) {
      *how = Ran::kOnLoopThread;
      return nullptr;
    }
    const auto finished = [&] { return entry->done; };
    if (!wait_at_most) {
      cv_.wait(lock, finished);
    } else if (!cv_.wait_for(lock, *wait_at_most, finished)) {
      *how = Ran::kTimedOut;  // the caller's deadline comes before the other caller's answer
      return nullptr;
    }
    *how = Ran::kShared;
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
      std::vector<Waiter> waiters =
          self->finish_locked(key, entry, result.first, result.second, now());
      lock.unlock();
      for (auto& w : waiters) w(result.first);
    }
  } publish{this, lock, key, now, entry};
  lock.unlock();
  publish.result = work();
  *how = Ran::kHere;
  return publish.result.first;
}

SingleFlight::Claim SingleFlight::claim(const std::string& key,
                                        std::chrono::steady_clock::duration keep_for, TimePoint now,
                                        Value* reused, Waiter waiter) {
  std::lock_guard<std::mutex> lock(mu_);
  prune_locked(keep_for, now);
  auto it = entries_.find(key);
  if (it == entries_.end()) {
    entries_.emplace(key, std::make_shared<Entry>());
    return Claim::kRun;
  }
  Entry& e = *it->second;
  if (e.done) {
    if (reused) *reused = e.value;
    return Claim::kReused;
  }
  e.waiters.push_back(std::move(waiter));
  return Claim::kWait;
}

void SingleFlight::publish(const std::string& key, Value value, bool keep, TimePoint now) {
  std::vector<Waiter> waiters;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = entries_.find(key);
    if (it == entries_.end() || it->second->done) return;  // not claimed (a bug): ignore
    std::shared_ptr<Entry> entry = it->second;
    waiters = finish_locked(key, entry, value, keep, now);
  }
  for (auto& w : waiters) w(value);
}

std::size_t SingleFlight::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return entries_.size();
}

}  // namespace workos::auth::detail
