// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// `workos::Future<T>` and `workos::Promise<T>`: the result of an asynchronous call.
///
/// A future completes exactly once with a `workos::Result<T>` (a value or an `Error`). Read it
/// with `get()` (blocks), poll it with `wait_for`, chain with `then(f)`, or `co_await` it in
/// C++20 code. `cancel()` asks the operation behind it to stop; the future then completes with
/// `ErrorKind::kCancelled` (unless the result won the race).
///
/// @code
/// workos::Future<Organization> f = async.organizations().get_organization("org_1");
/// workos::Future<std::string> name = f.then([](workos::Result<Organization> r) {
///   return r ? r->name : std::string("?");
/// });
/// workos::Result<std::string> n = name.get();
/// @endcode
///
/// Where continuations run (docs/adr/0007-async.md):
/// - attached before completion: on the thread that completes the future (an event-loop thread
///   for SDK calls), unless an executor was given (`then(executor, f)` or
///   `AsyncClientOptions::executor`): then they are posted to it;
/// - attached after completion: posted to the future's executor (the event loop for SDK calls),
///   never run inside `then()` itself, so a caller holding a lock cannot deadlock; a future
///   with no executor at all (`make_ready_future`, a bare `Promise`) runs it inline.
/// A continuation that throws completes its own future with an error (a thrown `WorkOSError`
/// keeps its `Error`; anything else becomes `kInvalidArgument` "a continuation threw: ...");
/// it never reaches the event loop.

#include <workos/async/executor.h>
#include <workos/error.h>
#include <workos/result.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#if defined(__cpp_impl_coroutine) && __cplusplus >= 202002L && defined(__has_include)
#if __has_include(<coroutine>)
#include <coroutine>
#if defined(__cpp_lib_coroutine)
/// Defined to 1 when `Future<T>` supports `co_await` and coroutines returning `Future<T>`.
#define WORKOS_HAS_COROUTINES 1
#endif
#endif
#endif

namespace workos {

template <class T>
class Future;
template <class T>
class Promise;

namespace detail {

/// True on a thread of a workos event loop (blocking there would stall every request).
bool on_event_loop_thread() noexcept;

/// The error for the exception being handled (call it inside a `catch`): a `WorkOSError`'s own
/// error, otherwise `kInvalidArgument` saying that `who` ("a continuation") threw and what.
Error current_exception_error(const char* who);

/// Shared state of a future / promise pair. Thread-safe. The type-independent half, compiled
/// once in the library (src/async/future.cc) rather than in every unit that names a `Future<T>`.
class FutureStateBase {
 public:
  FutureStateBase() = default;
  FutureStateBase(const FutureStateBase&) = delete;
  FutureStateBase& operator=(const FutureStateBase&) = delete;
  virtual ~FutureStateBase();

  /// Where continuations are always posted (null: run where the future completes).
  std::shared_ptr<Executor> executor;
  /// Where a continuation attached after completion is posted when `executor` is null
  /// (the event loop for SDK futures; null: inline).
  std::shared_ptr<Executor> fallback;

  bool is_ready() const;

  /// Waits until ready. Returns false (without waiting) when called on an event-loop thread
  /// while not ready: that wait could never end.
  bool wait();
  template <class Clock, class Duration>
  bool wait_until(const std::chrono::time_point<Clock, Duration>& when) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (ready_) return true;
    if (on_event_loop_thread()) return false;
    return cv_.wait_until(lock, when, [this] { return ready_; });
  }

  /// Runs `callback` once the state is ready: at completion on the completing thread (or posted
  /// to `via` / `executor`), or, when already ready, posted to `via` / `executor` / `fallback`
  /// (inline when none).
  void on_ready(std::function<void()> callback, std::shared_ptr<Executor> via = nullptr);

  /// Like `on_ready` without executors, but returns false (and does nothing) when already
  /// ready; used by `co_await` to resume without suspending.
  bool on_ready_if_pending(std::function<void()> callback);

  /// Installs the function that cancels the operation behind the state. When a cancellation
  /// was already requested, runs it at once.
  void set_canceller(std::function<void()> canceller);

  /// Asks the operation to stop. Without a canceller the state completes with kCancelled.
  void request_cancel();
  bool cancel_requested() const;

 protected:
  virtual void cancel_without_canceller() = 0;

  /// Locks the state for completing it: false (and `lock` not held) when it is already ready.
  bool lock_pending(std::unique_lock<std::mutex>& lock);
  /// Marks the state ready under `lock` (held, from `lock_pending`), releases it, then runs the
  /// continuation.
  void finish(std::unique_lock<std::mutex>& lock);

 private:
  mutable std::mutex mutex_;
  std::condition_variable cv_;
  bool ready_ = false;
  bool cancel_requested_ = false;
  std::function<void()> continuation_;
  std::function<void()> canceller_;
};

template <class T>
class FutureState final : public FutureStateBase {
 public:
  /// Completes the state; false (and `result` dropped) when it was already complete.
  bool set(Result<T> result) {
    std::unique_lock<std::mutex> lock;
    if (!lock_pending(lock)) return false;
    result_.emplace(std::move(result));
    finish(lock);
    return true;
  }
  /// The result; the state must be ready. Moves it out (single consumer).
  Result<T> take() { return std::move(*result_); }

 protected:
  void cancel_without_canceller() override {
    set(Error(ErrorKind::kCancelled, "the operation was cancelled"));
  }

 private:
  std::optional<Result<T>> result_;
};

template <class T>
struct IsFuture : std::false_type {};
template <class T>
struct IsFuture<Future<T>> : std::true_type {};
template <class T>
struct IsResult : std::false_type {};
template <class T>
struct IsResult<Result<T>> : std::true_type {};

/// The value type of the future returned by `then(f)` for a continuation returning `R`.
template <class R>
struct ThenValue {
  using type = R;
};
template <class U>
struct ThenValue<Result<U>> {
  using type = U;
};
template <class U>
struct ThenValue<Future<U>> {
  using type = U;
};

template <class T>
std::shared_ptr<FutureState<T>> state_of(Future<T>& f) noexcept;

/// Runs `f(arg)` and completes `next` with what it returns (a value, a Result, a Future, or
/// nothing). Exceptions become errors.
template <class U, class F, class Arg>
void run_continuation(const std::shared_ptr<FutureState<U>>& next, F& f, Arg&& arg) {
  using R = std::invoke_result_t<F&, Arg&&>;
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
  try {
#endif
    if constexpr (std::is_void_v<R>) {
      f(std::forward<Arg>(arg));
      next->set(Result<void>());
    } else if constexpr (IsFuture<R>::value) {
      R inner = f(std::forward<Arg>(arg));
      std::shared_ptr<FutureState<U>> inner_state = state_of(inner);
      if (!inner_state) {
        next->set(Error(ErrorKind::kInvalidArgument, "a continuation returned an empty future"));
        return;
      }
      // Cancelling the outer future now cancels the inner operation.
      next->set_canceller([weak = std::weak_ptr<FutureState<U>>(inner_state)] {
        if (auto s = weak.lock()) s->request_cancel();
      });
      FutureState<U>* raw = inner_state.get();
      inner_state->on_ready([next, raw] { next->set(raw->take()); }, inline_executor());
    } else if constexpr (IsResult<R>::value) {
      next->set(f(std::forward<Arg>(arg)));
    } else {
      next->set(Result<U>(f(std::forward<Arg>(arg))));
    }
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
  } catch (...) {
    next->set(current_exception_error("a continuation"));
  }
#endif
}

#if defined(WORKOS_HAS_COROUTINES)
template <class T>
struct CoroutinePromiseBase {
  std::shared_ptr<FutureState<T>> state = std::make_shared<FutureState<T>>();
  Future<T> get_return_object() { return Future<T>(state); }
  std::suspend_never initial_suspend() const noexcept { return {}; }
  std::suspend_never final_suspend() const noexcept { return {}; }
  void unhandled_exception() noexcept {
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
    state->set(current_exception_error("a coroutine"));
#endif
  }
};
template <class T>
struct CoroutinePromise : CoroutinePromiseBase<T> {
  void return_value(Result<T> r) { this->state->set(std::move(r)); }
};
template <>
struct CoroutinePromise<void> : CoroutinePromiseBase<void> {
  void return_void() { this->state->set(Result<void>()); }
};
#endif

}  // namespace detail

/// The eventual `Result<T>` of an asynchronous operation (`T` may be `void`).
///
/// Move-only, single consumer: `get()`, `then()` and `co_await` each consume the future (it is
/// `valid()` no more). `wait*`, `is_ready` and `cancel` may be called from any thread, also
/// concurrently; consuming calls are not synchronized with each other.
template <class T>
class [[nodiscard]] Future {
 public:
  using value_type = T;  ///< The value the future completes with (in a `Result<T>`).

  /// An empty future (`valid()` is false).
  Future() = default;
  ///@{
  /// Moves the future; the moved-from one is empty.
  Future(Future&&) noexcept = default;
  Future& operator=(Future&&) noexcept = default;
  ///@}
  Future(const Future&) = delete;
  Future& operator=(const Future&) = delete;

  /// True when the future refers to an operation (not default-constructed, not consumed).
  bool valid() const noexcept { return static_cast<bool>(state_); }

  /// True when the result is available (`get()` would not block).
  bool is_ready() const { return state_ && state_->is_ready(); }

  /// Blocks until complete. Does not wait on an event-loop thread (see `get`).
  void wait() const {
    if (state_) state_->wait();
  }
  /// Waits at most `timeout`; true when the result is available.
  template <class Rep, class Period>
  bool wait_for(const std::chrono::duration<Rep, Period>& timeout) const {
    return state_ && state_->wait_until(std::chrono::steady_clock::now() + timeout);
  }
  /// Waits until `when`; true when the result is available.
  template <class Clock, class Duration>
  bool wait_until(const std::chrono::time_point<Clock, Duration>& when) const {
    return state_ && state_->wait_until(when);
  }

  /// Waits for and returns the result, consuming the future.
  ///
  /// Errors (as the result's `Error`): the call's own error; `kInvalidArgument` when the
  /// future is empty, or when called on an event-loop thread before completion (it would wait
  /// forever: use `then` or `co_await` there).
  Result<T> get() {
    if (!state_) return Error(ErrorKind::kInvalidArgument, "Future::get() on an empty future");
    if (!state_->wait()) {
      return Error(ErrorKind::kInvalidArgument,
                   "Future::get() on an event-loop thread would deadlock; use then() or co_await");
    }
    std::shared_ptr<detail::FutureState<T>> s = std::move(state_);
    return s->take();
  }

  /// Chains `f`, called with the `Result<T>` once it is available; returns the future of what
  /// `f` returns: `void` → `Future<void>`, `U` or `Result<U>` → `Future<U>`, `Future<U>` →
  /// `Future<U>` (flattened). Consumes this future. See the file comment for where `f` runs.
  /// Cancelling the returned future cancels this one (and, once `f` returned a future, that
  /// one).
  template <class F>
  auto then(F&& f) {
    return then(nullptr, std::forward<F>(f));
  }

  /// `then(f)`, with `f` posted to `executor` (null = the default rules).
  template <class F>
  auto then(std::shared_ptr<Executor> executor, F&& f) {
    using R = std::invoke_result_t<std::decay_t<F>&, Result<T>&&>;
    using U = typename detail::ThenValue<R>::type;
    auto next = std::make_shared<detail::FutureState<U>>();
    if (!state_) {
      next->set(Error(ErrorKind::kInvalidArgument, "Future::then() on an empty future"));
      return Future<U>(std::move(next));
    }
    std::shared_ptr<detail::FutureState<T>> s = std::move(state_);
    next->executor = s->executor;
    next->fallback = s->fallback;
    next->set_canceller([weak = std::weak_ptr<detail::FutureState<T>>(s)] {
      if (auto up = weak.lock()) up->request_cancel();
    });
    // The continuation runs from `s` itself (completion) or from on_ready's caller below, so a
    // raw pointer is enough and avoids a reference cycle.
    detail::FutureState<T>* raw = s.get();
    s->on_ready(
        [raw, keep = s, next, fn = std::decay_t<F>(std::forward<F>(f))]() mutable {
          (void)keep;
          detail::run_continuation<U>(next, fn, raw->take());
        },
        std::move(executor));
    return Future<U>(std::move(next));
  }

  /// Asks the operation to stop. The future completes with `ErrorKind::kCancelled` soon after
  /// (or with its result, if that came first). Thread-safe; a no-op on a consumed future.
  void cancel() const {
    if (state_) state_->request_cancel();
  }

#if defined(WORKOS_HAS_COROUTINES)
  /// Coroutine support: `Result<T> r = co_await fut;` resumes where the future completes (an
  /// event-loop thread for SDK calls) or on the future's executor. With GCC 12, co_await a named
  /// future: GCC 12 mis-destroys temporaries (such as a defaulted `RequestOptions`) of a
  /// co_await full-expression (docs/async.md).
  bool await_ready() const noexcept {
    return !state_ || state_->is_ready();
  }
  bool await_suspend(std::coroutine_handle<> handle) {
    return state_->on_ready_if_pending([handle] { handle.resume(); });
  }
  Result<T> await_resume() {
    return get();
  }
  /// Lets a coroutine return `Future<T>`: `co_return value;` (or an `Error`).
  using promise_type = detail::CoroutinePromise<T>;
#endif

  /// @cond internal
  explicit Future(std::shared_ptr<detail::FutureState<T>> state) : state_(std::move(state)) {}
  /// @endcond

 private:
  template <class U>
  friend std::shared_ptr<detail::FutureState<U>> detail::state_of(Future<U>& f) noexcept;
  std::shared_ptr<detail::FutureState<T>> state_;
};

namespace detail {
template <class T>
std::shared_ptr<FutureState<T>> state_of(Future<T>& f) noexcept {
  return f.state_;
}
}  // namespace detail

/// The producing side of a `Future<T>`: complete it once with `set_value` / `set_error` /
/// `set_result`. Useful to build futures for fakes of the async services in tests.
/// A promise destroyed without a result completes its future with `kCancelled`
/// ("broken promise"). Move-only; the setters are thread-safe.
///
/// @code
/// workos::Promise<int> p;
/// workos::Future<int> f = p.get_future();
/// std::thread([p = std::move(p)]() mutable { p.set_value(42); }).detach();
/// int v = f.get().value();
/// @endcode
template <class T>
class Promise {
 public:
  /// A new promise; its future's continuations follow the default rules with `executor` as the
  /// executor for continuations attached after completion (null: inline).
  explicit Promise(std::shared_ptr<Executor> executor = nullptr)
      : state_(std::make_shared<detail::FutureState<T>>()) {
    state_->fallback = std::move(executor);
  }
  /// A new promise whose future posts every continuation to `executor` (when not null), and
  /// continuations attached after completion to `fallback` (when `executor` is null).
  Promise(std::shared_ptr<Executor> fallback, std::shared_ptr<Executor> executor)
      : state_(std::make_shared<detail::FutureState<T>>()) {
    state_->fallback = std::move(fallback);
    state_->executor = std::move(executor);
  }
  /// Moves the promise; the moved-from one has no state.
  Promise(Promise&&) noexcept = default;
  /// Moves the promise; a promise replaced before it completed fails its future (as one
  /// destroyed before it completed does).
  Promise& operator=(Promise&& other) noexcept {
    if (this != &other) {
      abandon();
      state_ = std::move(other.state_);
      future_taken_ = other.future_taken_;
    }
    return *this;
  }
  Promise(const Promise&) = delete;
  Promise& operator=(const Promise&) = delete;
  ~Promise() { abandon(); }

  /// The future (once; later calls return an empty future).
  Future<T> get_future() {
    if (!state_ || future_taken_) return Future<T>();
    future_taken_ = true;
    return Future<T>(state_);
  }
  /// Completes the future with `result`; false when it was already complete (cancelled).
  bool set_result(Result<T> result) { return state_ && state_->set(std::move(result)); }
  /// Completes the future with `error`.
  bool set_error(Error error) { return set_result(Result<T>(std::move(error))); }
  /// Completes the future with a value.
  template <class U = T, class V, class = std::enable_if_t<!std::is_void_v<U>>>
  bool set_value(V&& value) {
    return set_result(Result<T>(T(std::forward<V>(value))));
  }
  /// Completes a `Future<void>` with success.
  template <class U = T, class = std::enable_if_t<std::is_void_v<U>>>
  bool set_value() {
    return set_result(Result<void>());
  }
  /// Called (once, from the thread that calls `Future::cancel`) when the future is cancelled;
  /// it should make the operation finish soon. Without one, `cancel()` completes the future
  /// with `kCancelled` itself.
  void set_canceller(std::function<void()> canceller) {
    if (state_) state_->set_canceller(std::move(canceller));
  }
  /// True once `Future::cancel` was called.
  bool cancel_requested() const { return state_ && state_->cancel_requested(); }
  /// True once the future is complete.
  bool is_complete() const { return state_ && state_->is_ready(); }

 private:
  void abandon() {
    if (state_) state_->set(Error(ErrorKind::kCancelled, "broken promise: no result was set"));
  }
  std::shared_ptr<detail::FutureState<T>> state_;
  bool future_taken_ = false;
};

/// A future that is already complete with `result`.
template <class T>
Future<T> make_ready_future(Result<T> result) {
  auto state = std::make_shared<detail::FutureState<T>>();
  state->set(std::move(result));
  return Future<T>(std::move(state));
}
/// A `Future<void>` that is already complete with success.
inline Future<void> make_ready_future() {
  return make_ready_future(Result<void>());
}

/// Completes when every future in `futures` has completed, with their results in order.
/// Never fails as a whole: each element holds its own result. Cancelling it cancels them all.
template <class T>
Future<std::vector<Result<T>>> when_all(std::vector<Future<T>> futures) {
  struct Gather {
    std::mutex mutex;
    std::vector<std::optional<Result<T>>> results;
    std::size_t left = 0;
    Promise<std::vector<Result<T>>> promise;
    void finish_one(std::size_t i, Result<T> r) {
      bool last = false;
      {
        std::lock_guard<std::mutex> lock(mutex);
        results[i].emplace(std::move(r));
        last = --left == 0;
      }
      if (!last) return;
      std::vector<Result<T>> all;
      all.reserve(results.size());
      for (auto& item : results) all.push_back(std::move(*item));
      promise.set_value(std::move(all));
    }
  };
  auto g = std::make_shared<Gather>();
  Future<std::vector<Result<T>>> out = g->promise.get_future();
  if (futures.empty()) {
    g->promise.set_value(std::vector<Result<T>>());
    return out;
  }
  g->results.resize(futures.size());
  g->left = futures.size();
  std::vector<std::weak_ptr<detail::FutureStateBase>> inputs;
  for (auto& f : futures) inputs.push_back(detail::state_of(f));
  g->promise.set_canceller([inputs] {
    for (const auto& w : inputs)
      if (auto s = w.lock()) s->request_cancel();
  });
  for (std::size_t i = 0; i < futures.size(); ++i) {
    std::shared_ptr<detail::FutureState<T>> s = detail::state_of(futures[i]);
    if (!s) {
      g->finish_one(i, Error(ErrorKind::kInvalidArgument, "when_all: empty future"));
      continue;
    }
    detail::FutureState<T>* raw = s.get();
    s->on_ready(
        [g, i, raw, keep = s] {
          (void)keep;
          g->finish_one(i, raw->take());
        },
        inline_executor());
  }
  return out;
}

}  // namespace workos
