// Copyright workos-cpp authors. Handwritten.
#pragma once

// Keyed single-flight with a short memory (internal): concurrent calls with one key share one
// execution, and a successful result stays available to callers arriving a little later (a
// browser firing parallel requests with the same pre-refresh cookie). Blocking callers (`run`)
// and non-blocking ones (`claim` / `publish`, used by the async session refresh) share the same
// table, so a sync and an async refresh of one session make one call. Thread-safe.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace workos::auth::detail {

class SingleFlight {
 public:
  using Value = std::shared_ptr<const void>;
  using TimePoint = std::chrono::steady_clock::time_point;
  /// The work's result and whether later callers may reuse it (within `keep_for`).
  using Work = std::function<std::pair<Value, bool>()>;
  /// Receives the value of another caller's run (async waiters).
  using Waiter = std::function<void(Value)>;

  /// How `run` came to its value.
  enum class Ran {
    kHere,          ///< This caller ran the work.
    kShared,        ///< Another caller's run (in flight, or recent and successful).
    kOnLoopThread,  ///< None: a run is in flight and this is an event-loop thread (no wait).
    kTimedOut,      ///< None: a run is in flight and did not finish within `wait_at_most`.
  };
  /// Runs `work` unless a run for `key` is in flight (then waits for it, at most `wait_at_most`
  /// when set, and returns its value) or finished successfully less than `keep_for` ago (then
  /// returns that value). Returns null, without waiting, when called on an event-loop thread
  /// while another run is in flight, and null after `wait_at_most`; `how` says which.
  Value run(const std::string& key, std::chrono::steady_clock::duration keep_for,
            const std::function<TimePoint()>& now, const Work& work,
            std::optional<std::chrono::milliseconds> wait_at_most = std::nullopt,
            Ran* how = nullptr);

  /// Outcome of `claim`.
  enum class Claim {
    kRun,     ///< The caller runs the work and must then `publish` the key.
    kWait,    ///< A run is in flight: `waiter` gets its value (on the publishing thread).
    kReused,  ///< A recent successful run's value is in `*reused`.
  };
  /// The non-blocking form of `run`: never waits and never runs the work itself.
  Claim claim(const std::string& key, std::chrono::steady_clock::duration keep_for, TimePoint now,
              Value* reused, Waiter waiter);
  /// Ends the run that `claim` gave to this caller: stores `value` (kept for reuse when `keep`
  /// and not null), wakes blocked callers and calls the waiters (without the lock).
  void publish(const std::string& key, Value value, bool keep, TimePoint now);

  /// Entries held (in flight or remembered); for tests.
  std::size_t size() const;

 private:
  struct Entry {
    bool done = false;
    bool keep = false;
    Value value;
    TimePoint done_at{};
    std::vector<Waiter> waiters;
  };
  void prune_locked(std::chrono::steady_clock::duration keep_for, TimePoint now);
  // Marks `entry` done with `value` (mu_ held); returns the waiters to call without the lock.
  std::vector<Waiter> finish_locked(const std::string& key, const std::shared_ptr<Entry>& entry,
                                    Value value, bool keep, TimePoint now);

  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::map<std::string, std::shared_ptr<Entry>> entries_;
};

}  // namespace workos::auth::detail
