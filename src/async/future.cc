// Copyright workos-cpp authors. Handwritten.
// The type-independent half of the futures' shared state (include/workos/async/future.h).

#include <workos/async/future.h>

#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

namespace workos::detail {

Error current_exception_error(const char* who) {
  try {
    throw;
  } catch (const WorkOSError& e) {
    return e.error();
  } catch (const std::exception& e) {
    return Error(ErrorKind::kInvalidArgument, std::string(who) + " threw: " + e.what());
  } catch (...) {
    return Error(ErrorKind::kInvalidArgument, std::string(who) + " threw a non-standard exception");
  }
}

FutureStateBase::~FutureStateBase() = default;

bool FutureStateBase::is_ready() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return ready_;
}

bool FutureStateBase::wait() {
  std::unique_lock<std::mutex> lock(mutex_);
  if (ready_) return true;
  if (on_event_loop_thread()) return false;
  cv_.wait(lock, [this] { return ready_; });
  return true;
}

void FutureStateBase::on_ready(std::function<void()> callback, std::shared_ptr<Executor> via) {
  if (!via) via = executor;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!ready_) {
      if (via) {
        continuation_ = [via, cb = std::move(callback)]() mutable { via->post(std::move(cb)); };
      } else {
        continuation_ = std::move(callback);
      }
      return;
    }
  }
  if (!via) via = fallback;
  if (via) {
    via->post(std::move(callback));
  } else {
    callback();
  }
}

bool FutureStateBase::on_ready_if_pending(std::function<void()> callback) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (ready_) return false;
  if (executor) {
    continuation_ = [via = executor, cb = std::move(callback)]() mutable {
      via->post(std::move(cb));
    };
  } else {
    continuation_ = std::move(callback);
  }
  return true;
}

void FutureStateBase::set_canceller(std::function<void()> canceller) {
  bool run_now = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (ready_) return;
    if (cancel_requested_) {
      run_now = true;
    } else {
      canceller_ = canceller;
    }
  }
  if (run_now && canceller) canceller();
}

void FutureStateBase::request_cancel() {
  std::function<void()> canceller;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (ready_ || cancel_requested_) return;
    cancel_requested_ = true;
    canceller = canceller_;
  }
  if (canceller) {
    canceller();
  } else {
    cancel_without_canceller();
  }
}

bool FutureStateBase::cancel_requested() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return cancel_requested_;
}

bool FutureStateBase::lock_pending(std::unique_lock<std::mutex>& lock) {
  lock = std::unique_lock<std::mutex>(mutex_);
  if (!ready_) return true;
  lock.unlock();
  return false;
}

void FutureStateBase::finish(std::unique_lock<std::mutex>& lock) {
  ready_ = true;
  std::function<void()> continuation = std::move(continuation_);
  continuation_ = nullptr;
  canceller_ = nullptr;
  cv_.notify_all();
  lock.unlock();
  if (continuation) continuation();
}

}  // namespace workos::detail
