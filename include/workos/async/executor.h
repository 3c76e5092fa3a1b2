// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// `workos::Executor`: where continuations of a `workos::Future` run. The async client's event
/// loop is one; users can plug in their own (a thread pool, a GUI main loop, ...).
/// See docs/async.md and docs/adr/0007-async.md.

#include <functional>
#include <memory>

namespace workos {

/// Runs tasks. Implementations must be thread-safe: `post` may be called from any thread,
/// including from inside a task it runs.
///
/// @code
/// struct MyPool : workos::Executor {
///   void post(std::function<void()> task) override { pool.enqueue(std::move(task)); }
/// };
/// fut.then(std::make_shared<MyPool>(), [](workos::Result<Organization> r) { ... });
/// @endcode
class Executor {
 public:
  virtual ~Executor() = default;
  /// Runs `task` once, soon, on one of the executor's threads. A task that throws must not take
  /// the executor down (the SDK's own executors catch and log). Should not run `task` inside
  /// the call itself unless the executor is documented as inline.
  virtual void post(std::function<void()> task) = 0;
};

/// An executor that runs each task at once, on the thread that posts it. Thread-safe.
/// Continuations attached with it run where the future completes (often an event-loop thread:
/// they must not block there).
class InlineExecutor final : public Executor {
 public:
  void post(std::function<void()> task) override {
    if (task) task();
  }
};

/// A shared `InlineExecutor`.
inline std::shared_ptr<Executor> inline_executor() {
  static const std::shared_ptr<Executor> instance = std::make_shared<InlineExecutor>();
  return instance;
}

}  // namespace workos
