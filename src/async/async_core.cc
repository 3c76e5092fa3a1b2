// Copyright workos-cpp authors. Handwritten.
// AsyncCore and AsyncCallOp: the asynchronous driver of detail::CallPlan (the one request
// pipeline shared with the sync client; see src/core/request_pipeline.h). DESIGN §5, §6;
// docs/adr/0007-async.md.
//
//   start ──post──▶ run_attempt: before_attempt ─▶ send (curl on the home worker, or the
//                   custom transport) ─▶ handle_answer: after_attempt ─▶ done → finish
//                                                                      └▶ retry → loop timer
//                                                                                  └▶ run_attempt
// Every state change of an op happens on its home worker thread (or, once that worker is
// dead, inline under the op's mutex), so the plan is driven by one thread at a time.

#include "async/async_core.h"
#include "core/core_access.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <string>
#include <utility>
#include <vector>

#include "async/loop.h"
#include "core/client_core_impl.h"

namespace workos::detail {

namespace {

// With a caller's CancellationToken (which cannot notify us), long backoffs are cut into
// slices of this length so that a cancellation is noticed soon.
constexpr std::chrono::milliseconds kUserTokenPoll{50};
// close() waits at most this long for calls that a custom transport never answers.
constexpr std::chrono::seconds kCloseWait{10};

RequestOptions with_token(const RequestOptions& options,
                          const std::shared_ptr<CancellationToken>& token) {
  RequestOptions o = options;
  if (options.cancellation && options.cancellation->cancelled()) token->cancel();
  o.cancellation = token;
  return o;
}

}  // namespace

/// One logical call in flight. See the file comment.
class AsyncCallOp : public std::enable_shared_from_this<AsyncCallOp> {
 public:
  AsyncCallOp(std::shared_ptr<AsyncCore> core, std::shared_ptr<LoopWorker> home,
              const ApiRequest& request, const RequestOptions& options, AsyncCore::Done done)
      : core_(std::move(core)),
        home_(std::move(home)),
        token_(std::make_shared<CancellationToken>()),
        user_token_(options.cancellation),
        plan_(core_->client(), request, with_token(options, token_)),
        done_(std::move(done)) {}

  ~AsyncCallOp() {
    if (id_ != 0) core_->unregister(id_);
  }

  std::optional<Error> prepare() const { return plan_.prepare(); }
  void set_id(std::uint64_t id) { id_ = id; }

  /// Hands the op to its home worker.
  void start() {
    home_->post([self = shared_from_this()] {
      std::lock_guard<std::recursive_mutex> lock(self->mutex_);
      self->run_attempt();
    });
  }

  /// Thread-safe.
  void cancel() {
    token_->cancel();
    if (finished_.load(std::memory_order_acquire)) return;
    home_->post([self = shared_from_this()] { self->cancel_on_home(); });
  }

  /// Completes the call at once with `error` (no request was sent).
  void fail_now(Error error) {
    std::lock_guard<std::recursive_mutex> lock(mutex_);
    finish(std::move(error));
  }

 private:
  enum class Phase { kIdle, kSending, kWaiting, kDone };

  void run_attempt() {
    if (phase_ == Phase::kDone) return;
    if ((user_token_ && user_token_->cancelled()) || home_->stopping()) token_->cancel();
    if (auto e = plan_.before_attempt()) {
      finish(std::move(*e));
      return;
    }
    phase_ = Phase::kSending;
    const std::uint64_t seq = ++attempt_seq_;
    AsyncSendCallback callback = [self = shared_from_this(), seq](Result<HttpResponse> answer) {
      self->on_answer(seq, std::move(answer));
    };
    switch (core_->send_mode()) {
      case AsyncCore::SendMode::kCurl: {
        const LoopWorker::TransferId id = home_->start_transfer(
            plan_.request(), std::move(callback), core_->client().options().curl, user_token_);
        if (id != 0 && phase_ == Phase::kSending && attempt_seq_ == seq) {
          std::weak_ptr<LoopWorker> home = home_;
          abort_ = [home, id] {
            if (auto w = home.lock()) w->abort_transfer(id);
          };
        }
        break;
      }
      case AsyncCore::SendMode::kAsync: {
        std::function<void()> abort;
        try {
          abort = core_->async_transport()->send_async(plan_.request(), std::move(callback));
        } catch (const std::exception& e) {
          handle_answer(seq, Error(ErrorKind::kConnection,
                                   std::string("the async transport threw: ") + e.what()));
          return;
        } catch (...) {
          handle_answer(seq, Error(ErrorKind::kConnection,
                                   "the async transport threw a non-standard exception"));
          return;
        }
        if (phase_ == Phase::kSending && attempt_seq_ == seq) abort_ = std::move(abort);
        break;
      }
      case AsyncCore::SendMode::kSync: {
        Result<HttpResponse> answer = Error(ErrorKind::kConnection, "no answer");
        try {
          answer = core_->client().impl().transport->send(plan_.request());
        } catch (const std::exception& e) {
          answer = Error(ErrorKind::kConnection, std::string("the transport threw: ") + e.what());
        } catch (...) {
          answer = Error(ErrorKind::kConnection, "the transport threw a non-standard exception");
        }
        handle_answer(seq, std::move(answer));
        break;
      }
    }
  }

  void on_answer(std::uint64_t seq, Result<HttpResponse> answer) {
    if (home_->on_this_thread()) {
      std::lock_guard<std::recursive_mutex> lock(mutex_);
      handle_answer(seq, std::move(answer));
      return;
    }
    home_->post([self = shared_from_this(), seq, a = std::move(answer)]() mutable {
      std::lock_guard<std::recursive_mutex> lock(self->mutex_);
      self->handle_answer(seq, std::move(a));
    });
  }

  void handle_answer(std::uint64_t seq, Result<HttpResponse> answer) {
    if (phase_ != Phase::kSending || seq != attempt_seq_) return;  // stale or already done
    abort_ = nullptr;
    phase_ = Phase::kIdle;
    CallPlan::Step step = plan_.after_attempt(std::move(answer));
    if (step.done()) {
      finish(std::move(*step.result));
      return;
    }
    schedule_retry(step.delay);
  }

  void schedule_retry(std::chrono::milliseconds delay) {
    if (home_->stopping()) {
      token_->cancel();
      run_attempt();  // ends the call with kCancelled
      return;
    }
    if (core_->client().impl().custom_sleep) {
      // An injected Clock::sleep (tests) accounts for the delay; it must not block (it runs on
      // the loop thread). The retry then proceeds at once.
      core_->client().options().clock.sleep(delay);
      delay = std::chrono::milliseconds(0);
    }
    retry_at_ = std::chrono::steady_clock::now() + delay;
    phase_ = Phase::kWaiting;
    arm_timer(user_token_ ? std::min(delay, kUserTokenPoll) : delay);
  }

  void arm_timer(std::chrono::milliseconds wait) {
    timer_ = home_->add_timer(wait, [self = shared_from_this()] {
      std::lock_guard<std::recursive_mutex> lock(self->mutex_);
      self->on_timer();
    });
  }

  void on_timer() {
    if (phase_ != Phase::kWaiting) return;
    timer_ = 0;
    if (user_token_ && !user_token_->cancelled() && !home_->stopping()) {
      const auto left = std::chrono::ceil<std::chrono::milliseconds>(
          retry_at_ - std::chrono::steady_clock::now());
      if (left > std::chrono::milliseconds(0)) {
        arm_timer(std::min(left, kUserTokenPoll));
        return;
      }
    }
    phase_ = Phase::kIdle;
    run_attempt();
  }

  void cancel_on_home() {
    std::lock_guard<std::recursive_mutex> lock(mutex_);
    switch (phase_) {
      case Phase::kDone:
      case Phase::kIdle:  // run_attempt will see the token
        return;
      case Phase::kSending: {
        std::function<void()> abort = std::move(abort_);
        abort_ = nullptr;
        // Aborting makes the transport answer kCancelled (inline for libcurl); without an abort
        // function the attempt's own answer ends the call.
        if (abort) abort();
        return;
      }
      case Phase::kWaiting:
        if (timer_ != 0) home_->cancel_timer(timer_);
        timer_ = 0;
        phase_ = Phase::kIdle;
        run_attempt();  // before_attempt reports the cancellation
        return;
    }
  }

  void finish(CallPlan::Answer answer) {
    if (phase_ == Phase::kDone) return;
    phase_ = Phase::kDone;
    finished_.store(true, std::memory_order_release);
    abort_ = nullptr;
    AsyncCore::Done done = std::move(done_);
    done_ = nullptr;
    if (done) done(std::move(answer));
    if (id_ != 0) {
      core_->unregister(id_);
      id_ = 0;
    }
  }

  std::shared_ptr<AsyncCore> core_;
  std::shared_ptr<LoopWorker> home_;
  std::shared_ptr<CancellationToken> token_;
  std::shared_ptr<const CancellationToken> user_token_;
  CallPlan plan_;
  AsyncCore::Done done_;
  std::uint64_t id_ = 0;
  std::atomic<bool> finished_{false};

  // Guarded by mutex_ (uncontended: taken on the home thread, or inline once it is dead).
  std::recursive_mutex mutex_;
  Phase phase_ = Phase::kIdle;
  std::uint64_t attempt_seq_ = 0;
  std::function<void()> abort_;
  LoopWorker::TimerId timer_ = 0;
  std::chrono::steady_clock::time_point retry_at_{};
};

// ---------------------------------------------------------------------------------------------

std::shared_ptr<AsyncCore> AsyncCore::create(std::shared_ptr<ClientCore> client,
                                             const AsyncClientOptions& options) {
  std::shared_ptr<AsyncCore> core(new AsyncCore());
  core->client_ = std::move(client);
  if (options.loop) {
    core->loop_ = options.loop;
  } else {
    EventLoopOptions lo;
    lo.io_threads = std::max(1, options.io_threads);
    lo.max_total_connections = options.max_total_connections;
    lo.max_host_connections = options.max_host_connections;
    core->loop_ = std::make_shared<EventLoop>(lo);
    core->owns_loop_ = true;
  }
  core->executor_ = options.executor;
  if (options.transport) {
    core->mode_ = SendMode::kAsync;
    core->async_transport_ = options.transport;
  } else if (core->client_->impl().custom_transport) {
    core->mode_ = SendMode::kSync;
  }
  return core;
}

AsyncCore::~AsyncCore() = default;

std::shared_ptr<Executor> AsyncCore::fallback() const noexcept {
  return detail::CoreAccess::impl(*loop_);
}

std::function<void()> AsyncCore::start(const ApiRequest& request, const RequestOptions& options,
                                       Done done) {
  auto op =
      std::make_shared<AsyncCallOp>(shared_from_this(), detail::CoreAccess::impl(*loop_)->pick(),
                                    request, options, std::move(done));
  if (auto e = op->prepare()) {
    op->fail_now(std::move(*e));
    return {};
  }
  bool registered = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!closed_) {
      const std::uint64_t id = next_id_++;
      op->set_id(id);
      ops_.emplace(id, op);
      registered = true;
    }
  }
  if (!registered) {
    op->fail_now(Error(ErrorKind::kCancelled, "the AsyncClient was shut down"));
    return {};
  }
  op->start();
  return [weak = std::weak_ptr<AsyncCallOp>(op)] {
    if (auto o = weak.lock()) o->cancel();
  };
}

void AsyncCore::unregister(std::uint64_t id) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (ops_.erase(id) != 0 && ops_.empty()) cv_.notify_all();
}

bool AsyncCore::closed() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return closed_;
}

std::size_t AsyncCore::in_flight() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return ops_.size();
}

void AsyncCore::close() {
  std::vector<std::shared_ptr<AsyncCallOp>> ops;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    ops.reserve(ops_.size());
    for (auto& [id, weak] : ops_)
      if (auto op = weak.lock()) ops.push_back(std::move(op));
  }
  for (auto& op : ops) op->cancel();
  ops.clear();
  // The client's own loop drains on shutdown: every call completes before the join returns.
  if (owns_loop_) loop_->shutdown();
  if (on_event_loop_thread()) return;  // never block a loop thread
  std::unique_lock<std::mutex> lock(mutex_);
  cv_.wait_for(lock, kCloseWait, [this] { return ops_.empty(); });
}

}  // namespace workos::detail
