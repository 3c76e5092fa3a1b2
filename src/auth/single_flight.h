// Copyright workos-cpp authors. Handwritten.
#pragma once

// Keyed single-flight with a short memory (internal): concurrent calls with one key share one
// execution, and a successful result stays available to callers arriving a little later (a
// browser firing parallel requests with the same pre-refresh cookie). Thread-safe.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

namespace workos::auth::detail {

class SingleFlight {
 public:
  using Value = std::shared_ptr<const void>;
  using TimePoint = std::chrono::steady_clock::time_point;
  /// The work's result and whether later callers may reuse it (within `keep_for`).
  using Work = std::function<std::pair<Value, bool>()>;

  /// Runs `work` unless a run for `key` is in flight (then waits for it and returns its value)
  /// or finished successfully less than `keep_for` ago (then returns that value). `shared` is
  /// set when the value came from another caller's run.
  Value run(const std::string& key, std::chrono::steady_clock::duration keep_for,
            const std::function<TimePoint()>& now, const Work& work, bool* shared = nullptr);

  /// Entries held (in flight or remembered); for tests.
  std::size_t size() const;

 private:
  struct Entry {
    bool done = false;
    bool keep = false;
    Value value;
    TimePoint done_at{};
  };
  void prune_locked(std::chrono::steady_clock::duration keep_for, TimePoint now);

  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::map<std::string, std::shared_ptr<Entry>> entries_;
};

}  // namespace workos::auth::detail
