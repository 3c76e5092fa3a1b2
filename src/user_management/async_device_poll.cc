// Copyright workos-cpp authors. Handwritten.
// The async device-authorization poll (RFC 8628 §3.4-3.5): the decisions of DevicePollState
// (shared with the blocking poll) on event-loop timers.
//
//   start ─post─▶ next: cancelled? expired? ─▶ timer(interval) ─▶ poll: grant future
//                  ▲                                                    │ (answer posted home)
//                  └──────── pending / slow_down ◀── after_answer ◀─────┘──▶ done / failed
//
// Every step runs on the poll's home worker (timers must be added on their worker's thread),
// under the op's mutex (the canceller may come from any thread).

#include "user_management/async_device_poll.h"
#include "core/core_access.h"

#include <algorithm>
#include <chrono>
#include <mutex>
#include <utility>

#include "async/async_core.h"
#include "async/loop.h"
#include "auth/async_support.h"
#include "core/client_core_impl.h"
#include "user_management/device_poll.h"

namespace workos::auth::detail {
namespace {

// With a caller's CancellationToken (which cannot notify), long waits are cut into slices of
// this length so that a cancellation is noticed soon (as the async call's backoff does).
constexpr std::chrono::milliseconds kTokenPoll{50};

class AsyncDevicePoll : public std::enable_shared_from_this<AsyncDevicePoll> {
 public:
  AsyncDevicePoll(std::shared_ptr<workos::detail::AsyncCore> core, DevicePollOptions options,
                  DevicePollState state, AsyncDeviceGrant grant)
      : core_(std::move(core)),
        home_(workos::detail::CoreAccess::impl(*core_->loop())->pick()),
        options_(std::move(options)),
        state_(std::move(state)),
        grant_(std::move(grant)),
        promise_(make_async_promise<workos::AuthenticateResponse>(core_)) {}

  Future<workos::AuthenticateResponse> start() {
    Future<workos::AuthenticateResponse> f = promise_->get_future();
    promise_->set_canceller([weak = weak_from_this()] {
      if (auto self = weak.lock()) self->cancel();
    });
    on_home([](AsyncDevicePoll& self) { self.next(); });
    return f;
  }

 private:
  // Runs `step` on the home worker under the op's mutex.
  template <class Step>
  void on_home(Step step) {
    home_->post([self = shared_from_this(), step]() mutable {
      std::lock_guard<std::recursive_mutex> lock(self->mutex_);
      step(*self);
    });
  }

  bool user_cancelled() const {
    return options_.cancellation && options_.cancellation->cancelled();
  }
  bool shutting_down() const { return core_->closed() || home_->stopping(); }

  // Before a wait: stop when cancelled or expired, else arm the interval's timer.
  void next() {
    if (done_) return;
    if (cancel_requested_ || user_cancelled() || shutting_down()) {
      finish(poll_cancelled_error());
      return;
    }
    if (auto expired = state_.before_wait()) {
      finish(std::move(*expired));
      return;
    }
    std::chrono::milliseconds wait = state_.interval();
    if (core_->client().impl().custom_sleep) {
      // An injected Clock::sleep (tests) accounts for the wait, as it does for the async
      // backoff; it must not block (it runs on the loop thread). The poll proceeds at once.
      core_->client().options().clock.sleep(wait);
      wait = std::chrono::milliseconds(0);
    }
    wake_at_ = std::chrono::steady_clock::now() + wait;
    arm(options_.cancellation ? std::min(wait, kTokenPoll) : wait);
  }

  void arm(std::chrono::milliseconds wait) {
    timer_ = home_->add_timer(wait, [self = shared_from_this()] {
      std::lock_guard<std::recursive_mutex> lock(self->mutex_);
      self->on_timer();
    });
  }

  void on_timer() {
    timer_ = 0;
    if (done_) return;
    // A timer also fires early when the loop drains on shutdown.
    if (cancel_requested_ || user_cancelled() || shutting_down()) {
      finish(poll_cancelled_error());
      return;
    }
    const auto left =
        std::chrono::ceil<std::chrono::milliseconds>(wake_at_ - std::chrono::steady_clock::now());
    if (left > std::chrono::milliseconds(0)) {
      arm(options_.cancellation ? std::min(left, kTokenPoll) : left);
      return;
    }
    poll();
  }

  void poll() {
    Future<workos::AuthenticateResponse> answer = grant_(state_.params(), state_.request());
    // The answer may come on any loop thread (or inline for a local error): continue at home.
    in_flight_ = answer.then(inline_executor(), [self = shared_from_this()](
                                                    Result<workos::AuthenticateResponse> r) {
      self->on_home([r = std::move(r)](AsyncDevicePoll& s) mutable { s.on_answer(std::move(r)); });
    });
  }

  void on_answer(Result<workos::AuthenticateResponse> answer) {
    if (done_) return;
    if (cancel_requested_) {
      finish(poll_cancelled_error());
      return;
    }
    auto result = state_.after_answer(std::move(answer), options_);
    if (result) {
      finish(std::move(*result));
      return;
    }
    next();
  }

  // From any thread (the future's canceller).
  void cancel() {
    {
      std::lock_guard<std::recursive_mutex> lock(mutex_);
      if (done_) return;
      cancel_requested_ = true;
      // A poll in flight ends with kCancelled, which ends the poll.
      in_flight_.cancel();
    }
    on_home([](AsyncDevicePoll& self) {
      if (self.done_) return;
      if (self.timer_ != 0) self.home_->cancel_timer(self.timer_);
      self.timer_ = 0;
      if (!self.in_flight_.valid() || self.in_flight_.is_ready()) {
        self.finish(poll_cancelled_error());
      }
    });
  }

  void finish(Result<workos::AuthenticateResponse> result) {
    if (done_) return;
    done_ = true;
    if (timer_ != 0) home_->cancel_timer(timer_);
    timer_ = 0;
    promise_->set_result(std::move(result));
  }

  std::shared_ptr<workos::detail::AsyncCore> core_;
  std::shared_ptr<workos::detail::LoopWorker> home_;
  DevicePollOptions options_;
  DevicePollState state_;
  AsyncDeviceGrant grant_;
  std::shared_ptr<Promise<workos::AuthenticateResponse>> promise_;

  std::recursive_mutex mutex_;  // guards everything below
  bool done_ = false;
  bool cancel_requested_ = false;
  workos::detail::LoopWorker::TimerId timer_ = 0;
  std::chrono::steady_clock::time_point wake_at_{};
  Future<void> in_flight_;  // the continuation of the poll in flight (cancels it)
};

}  // namespace

Future<workos::AuthenticateResponse> poll_device_async(
    std::shared_ptr<workos::detail::AsyncCore> core,
    const workos::DeviceAuthorizationResponse& device, const DevicePollOptions& options,
    AsyncDeviceGrant grant) {
  if (!core) {
    return ready_async<workos::AuthenticateResponse>(
        core, Error(ErrorKind::kConfiguration,
                    "poll_device_authorization needs an async client (its event loop) behind "
                    "the service"));
  }
  Result<DevicePollState> state = DevicePollState::start(&core->client(), device, options);
  if (!state) return ready_async<workos::AuthenticateResponse>(core, state.error());
  auto op = std::make_shared<AsyncDevicePoll>(core, options, std::move(*state), std::move(grant));
  return op->start();
}

}  // namespace workos::auth::detail
