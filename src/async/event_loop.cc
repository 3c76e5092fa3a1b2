// Copyright workos-cpp authors. Handwritten.
// workos::EventLoop: the public handle of the event loop (src/async/loop.h).

#include <workos/async/event_loop.h>

#include "async/loop.h"

namespace workos {

EventLoop::EventLoop(EventLoopOptions options)
    : impl_(std::make_shared<detail::LoopImpl>(options)) {}

EventLoop::~EventLoop() {
  if (impl_) impl_->shutdown();
}

void EventLoop::post(std::function<void()> task) {
  impl_->post(std::move(task));
}

void EventLoop::shutdown() {
  impl_->shutdown();
}

int EventLoop::io_threads() const noexcept {
  return impl_->io_threads();
}

bool EventLoop::running() const noexcept {
  return impl_->running();
}

}  // namespace workos
