// Copyright workos-cpp authors. Handwritten.
// RuntimeClient's async driver: polls on an AsyncClient's event loop (the request through the
// async pipeline, the wait as a loop timer), so no thread is added. Every step runs on the
// poller's home worker (timers must be added on their worker's thread).

#include <workos/async_client.h>
#include <workos/feature_flags/runtime_client.h>

#include <memory>
#include <utility>

#include "async/async_core.h"
#include "async/call_async.h"
#include "async/loop.h"
#include "core/core_access.h"
#include "feature_flags/runtime_state.h"

namespace workos::feature_flags {

namespace flags = workos::detail::flags;
namespace {

class AsyncPoller : public std::enable_shared_from_this<AsyncPoller> {
 public:
  AsyncPoller(std::shared_ptr<workos::detail::AsyncCore> core,
              std::shared_ptr<flags::RuntimeState> state)
      : core_(std::move(core)),
        home_(workos::detail::CoreAccess::impl(*core_->loop())->pick()),
        state_(std::move(state)) {}

  void start() {
    home_->post([self = shared_from_this()] { self->poll(); });
  }

  // From any thread (RuntimeClient::close).
  void stop() {
    home_->post([self = shared_from_this()] {
      if (self->timer_ != 0) self->home_->cancel_timer(self->timer_);
      self->timer_ = 0;
    });
  }

 private:
  bool stopping() const { return state_->closed() || core_->closed() || home_->stopping(); }

  void poll() {
    if (stopping() || !state_->begin_poll()) return;
    static_cast<void>(
        workos::detail::call_async_raw(core_, state_->request(), state_->request_options())
            .then(inline_executor(), [self = shared_from_this()](flags::RuntimeState::Answer r) {
              // The answer may come on any loop thread: continue at home.
              self->home_->post([self, r = std::move(r)] { self->after(r); });
            }));
  }

  void after(const flags::RuntimeState::Answer& answer) {
    std::optional<std::chrono::milliseconds> delay = state_->end_poll(answer);
    if (!delay || stopping()) return;
    std::chrono::milliseconds wait = *delay;
    if (state_->custom_sleep()) {
      // An injected Clock::sleep (tests) accounts for the wait; it must not block.
      core_->client().options().clock.sleep(wait);
      wait = std::chrono::milliseconds(0);
    }
    timer_ = home_->add_timer(wait, [self = shared_from_this()] {
      self->timer_ = 0;
      self->poll();  // a timer also fires at once when the loop drains: poll() checks
    });
  }

  std::shared_ptr<workos::detail::AsyncCore> core_;
  std::shared_ptr<workos::detail::LoopWorker> home_;
  std::shared_ptr<flags::RuntimeState> state_;
  workos::detail::LoopWorker::TimerId timer_ = 0;  // touched on the home worker only
};

}  // namespace

RuntimeClient::RuntimeClient(const AsyncClient& client, RuntimeClientOptions options)
    : state_(std::make_shared<flags::RuntimeState>(workos::detail::CoreAccess::core(client),
                                                   std::move(options))) {
  auto poller =
      std::make_shared<AsyncPoller>(workos::detail::CoreAccess::async_core(client), state_);
  state_->set_stopper([weak = std::weak_ptr<AsyncPoller>(poller)] {
    if (auto p = weak.lock()) p->stop();
  });
  poller->start();
}

}  // namespace workos::feature_flags
