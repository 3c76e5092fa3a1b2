// Copyright workos-cpp authors. Handwritten.
#pragma once

// The state behind feature_flags::RuntimeClient (internal), with no I/O of its own: the
// snapshot readers evaluate against, the poll's request, what an answer does to the snapshot,
// the stats and the next delay. Two drivers run the polls: a thread (sync Client) and event-loop
// timers (AsyncClient).

#include <workos/feature_flags/runtime_client.h>
#include <workos/transport.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/call.h"

namespace workos::detail::flags {

using workos::feature_flags::EvaluationContext;
using workos::feature_flags::FlagChange;
using workos::feature_flags::FlagCustomTarget;
using workos::feature_flags::FlagEntry;
using workos::feature_flags::FlagTarget;
using workos::feature_flags::RuntimeClientOptions;
using workos::feature_flags::RuntimeStats;

/// The flags at one moment. Immutable once published.
struct Snapshot {
  std::map<std::string, FlagEntry, std::less<>> flags;
};

/// `{"<slug>": {slug, enabled, default_value, targets: {users, organizations,
/// custom_targets}}, ...}` (unknown members ignored). Errors: kDecode.
Result<Snapshot> decode_snapshot(std::string_view body);

/// A context reduced to (target type, id) pairs; empty when it mixes the two forms.
using Targets = std::vector<std::pair<std::string_view, std::string_view>>;
Targets normalize(const EvaluationContext& context);

/// The value of `entry` (null: unknown flag -> `default_value`) for `targets`.
bool evaluate(const FlagEntry* entry, const Targets& targets, bool default_value);

/// The flags whose entries differ between `before` and `after`.
std::vector<FlagChange> changes(const Snapshot& before, const Snapshot& after);

class RuntimeState {
 public:
  using Answer = Result<std::shared_ptr<const ResponseInfo>>;

  RuntimeState(std::shared_ptr<workos::detail::ClientCore> core, RuntimeClientOptions options);

  /// The current snapshot (never null). Lock-free.
  const Snapshot& snapshot() const noexcept { return *current_.load(std::memory_order_acquire); }

  const workos::detail::ClientCore& core() const noexcept { return *core_; }
  workos::detail::ApiRequest request() const;
  RequestOptions request_options() const;

  /// Counts a poll about to start; false once closed or failed for good.
  bool begin_poll();
  /// Applies a poll's answer (new snapshot, change and error callbacks); the delay before the
  /// next poll, or nullopt when polling must stop (closed, or a 401).
  std::optional<std::chrono::milliseconds> end_poll(const Answer& answer);

  Result<void> wait_ready(std::chrono::milliseconds timeout) const;
  RuntimeStats stats() const;
  bool closed() const noexcept { return closed_.load(std::memory_order_acquire); }
  /// Marks the state closed, cancels the poll in flight, wakes `sleep` and runs the driver's
  /// stopper (once).
  void close();
  /// The driver's way to stop its timer or thread at `close()`.
  void set_stopper(std::function<void()> stopper);

  /// The sync driver's wait between polls: false when closed meanwhile. A `Clock::sleep` given
  /// to the client (tests) accounts for the wait instead.
  bool sleep(std::chrono::milliseconds delay);
  /// True when the client was given its own `Clock::sleep` (then waits are not real).
  bool custom_sleep() const noexcept;

 private:
  std::chrono::milliseconds next_delay();
  void publish(Snapshot next);

  std::shared_ptr<workos::detail::ClientCore> core_;
  RuntimeClientOptions options_;
  std::shared_ptr<CancellationToken> cancel_ = std::make_shared<CancellationToken>();
  std::atomic<const Snapshot*> current_{nullptr};
  std::vector<std::unique_ptr<const Snapshot>> snapshots_;  // every one published (readers may
                                                            // still hold an older one)
  mutable std::mutex mu_;
  mutable std::condition_variable cv_;
  std::atomic<bool> closed_{false};
  bool ready_ = false;
  std::optional<Error> failed_;
  int consecutive_errors_ = 0;
  RuntimeStats stats_;
  std::function<void()> stopper_;
};

}  // namespace workos::detail::flags
