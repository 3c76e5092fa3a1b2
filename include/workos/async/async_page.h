// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// Async cursor pagination: `AsyncPage<T>` (one page of a list operation of the async client)
/// and `AsyncPager<T>` (every following page, fetched on demand, optionally prefetched while the
/// current page is consumed).
///
/// @code
/// auto page = async.organizations().list_organizations({}).get().value();
/// auto pager = std::move(page).auto_paging({/*prefetch=*/true});
/// pager.for_each([](const Organization& org) { index(org); }).get();   // every item
///
/// // or page by page:
/// while (auto p = pager.next_page().get().value()) use(p->data);
/// @endcode

#include <workos/async/future.h>
#include <workos/page.h>
#include <workos/result.h>

#include <chrono>
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

namespace workos {

template <class T>
class AsyncPager;

namespace detail {
/// The event-loop worker the calling thread runs, as a handle to schedule waits on later
/// (empty off a loop thread).
std::weak_ptr<void> current_loop_handle();
/// A future that completes after `delay`: a timer on the worker behind `loop` (no thread
/// sleeps; a worker that has stopped fires it at once), or the wait of a short-lived thread when
/// `loop` is empty or gone; ready at once when `delay` is not positive.
Future<void> delay_on_loop(const std::weak_ptr<void>& loop, std::chrono::milliseconds delay);
}  // namespace detail

/// Options of `AsyncPage<T>::auto_paging`.
struct AsyncPagingOptions {
  /// Start fetching the next page as soon as a page is handed out, so it is (often) ready when
  /// the current one has been consumed. At most one page is fetched ahead.
  bool prefetch = false;
  /// `kBefore` walks the pages before the starting one (following `list_metadata.before`).
  PageDirection direction = PageDirection::kAfter;
  /// At most this many page requests per second (0: as fast as the answers come), to keep a
  /// long walk under the API's rate limit. The waits are timers of the event loop the pages
  /// arrive on; no thread sleeps.
  double pages_per_second = 0;
  /// How a pace wait is taken; empty = a timer on the event loop. Pages that do not come from
  /// an event loop (a mock answering at once) are paced only through this.
  std::function<Future<void>(std::chrono::milliseconds)> wait = nullptr;
};

/// One page of a list operation of the async client. Value type; thread-compatible.
template <class T>
class AsyncPage {
 public:
  /// Fetches the page after (or, with `kBefore`, before) `cursor` with the original parameters.
  using Fetcher = std::function<Future<AsyncPage<T>>(const std::string& cursor, PageDirection)>;

  std::vector<T> data;         ///< The items of this page.
  ListMetadata list_metadata;  ///< The cursors before and after this page.

  AsyncPage() = default;
  /// Takes the items and cursors of `page`, fetching further pages with `fetcher`.
  explicit AsyncPage(Page<T> page, Fetcher fetcher = {})
      : data(std::move(page.data)),
        list_metadata(std::move(page.list_metadata)),
        fetcher_(std::move(fetcher)) {}

  /// True when the API reported a next page (`list_metadata.after` set and not empty).
  bool has_more() const noexcept {
    return list_metadata.after.has_value() && !list_metadata.after->empty();
  }
  /// Starts fetching the next page. An error future (`kInvalidArgument`) when `!has_more()` or
  /// the page has no fetcher.
  Future<AsyncPage<T>> next_page() const {
    return fetch(has_more(), list_metadata.after, PageDirection::kAfter, "no next page");
  }
  /// True when the API reported a previous page (`list_metadata.before` set and not empty).
  bool has_previous() const noexcept {
    return list_metadata.before.has_value() && !list_metadata.before->empty();
  }
  /// Starts fetching the previous page; an error future when `!has_previous()` or without a
  /// fetcher.
  Future<AsyncPage<T>> previous_page() const {
    return fetch(has_previous(), list_metadata.before, PageDirection::kBefore, "no previous page");
  }

  /// Set by the service that made the page (so auto-paging also works on mocked pages).
  void set_fetcher(Fetcher fetcher) { fetcher_ = std::move(fetcher); }
  /// The fetcher of the following pages (empty on a page built by hand).
  const Fetcher& fetcher() const noexcept { return fetcher_; }

  /// Every item of this page and every page after it, fetched on demand.
  AsyncPager<T> auto_paging(AsyncPagingOptions options = {}) const& {
    return AsyncPager<T>(*this, options);
  }
  /// Same, without copying this page's items.
  AsyncPager<T> auto_paging(AsyncPagingOptions options = {}) && {
    return AsyncPager<T>(std::move(*this), options);
  }

 private:
  Future<AsyncPage<T>> fetch(bool there, const std::optional<std::string>& cursor,
                             PageDirection direction, const char* none) const {
    if (!there || !fetcher_)
      return make_ready_future(Result<AsyncPage<T>>(Error(ErrorKind::kInvalidArgument, none)));
    return fetcher_(*cursor, direction);
  }

  Fetcher fetcher_;
};

/// Walks the pages from a starting page on. Copies share one position. Single consumer: call
/// `next_page` again only after the previous future completed (otherwise that call fails with
/// `kInvalidArgument`); `for_each` and `collect` take care of it themselves.
template <class T>
class AsyncPager {
 public:
  /// Walks from `first` on (see `AsyncPage::auto_paging`).
  AsyncPager(AsyncPage<T> first, AsyncPagingOptions options)
      : state_(std::make_shared<State>(std::move(options))) {
    state_->first.emplace(std::move(first));
  }

  /// The next page that has items (the starting page first), or an empty optional after the
  /// last one. Empty pages in between are skipped; a server that hands out a cursor already
  /// followed (A, B, A, ...) ends the walk with a `kDecode` error instead of looping forever.
  Future<std::optional<AsyncPage<T>>> next_page() {
    using Out = std::optional<AsyncPage<T>>;
    std::shared_ptr<State> st = state_;
    {
      std::lock_guard<std::mutex> lock(st->mutex);
      if (st->busy) {
        return make_ready_future(
            Result<Out>(Error(ErrorKind::kInvalidArgument,
                              "AsyncPager::next_page() called before the previous one completed")));
      }
      st->busy = true;
    }
    Future<Out> f;
    std::optional<AsyncPage<T>> first;
    {
      std::lock_guard<std::mutex> lock(st->mutex);
      if (st->first) {
        first = std::move(st->first);
        st->first.reset();
      }
    }
    if (first) {
      const std::optional<std::string> next_cursor = st->walk.cursor_of(first->list_metadata);
      if (!first->data.empty() || !next_cursor) {
        f = make_ready_future(Result<Out>(deliver(st, std::move(*first))));
      } else {
        f = fetch_after(st, first->fetcher(), follow(st, *next_cursor, first->fetcher()));
      }
    } else {
      Future<AsyncPage<T>> next;
      std::optional<std::string> after;
      typename AsyncPage<T>::Fetcher fetcher;
      {
        std::lock_guard<std::mutex> lock(st->mutex);
        next = std::move(st->prefetched);
        after = st->after;
        fetcher = st->fetcher;
      }
      if (!next.valid()) {
        if (!after || after->empty() || !fetcher) {
          f = make_ready_future(Result<Out>(Out()));
        } else {
          next = follow(st, *after, fetcher);
        }
      }
      if (next.valid()) f = fetch_after(st, fetcher, std::move(next));
    }
    return f.then(inline_executor(), [st](Result<Out> r) {
      std::lock_guard<std::mutex> lock(st->mutex);
      st->busy = false;
      return r;
    });
  }

  /// Calls `f(const T&)` for every remaining item, page by page; `f` may return `bool` (false
  /// stops early). Completes after the last item, or with the first fetch error. `f` runs where
  /// page futures complete (an event-loop thread, or the client's executor): it must not
  /// block. Cancelling the returned future cancels the page being fetched; once the future has
  /// completed, `f` is not called again (a cancel during a call completes it after that call).
  template <class F>
  Future<void> for_each(F f) {
    auto run = std::make_shared<ForEach<F>>(*this, std::move(f));
    Future<void> out = run->promise.get_future();
    run->promise.set_canceller([weak = std::weak_ptr<ForEach<F>>(run)] {
      if (auto r = weak.lock()) r->cancel();
    });
    ForEach<F>::pump(run);
    return out;
  }

  /// Every remaining item (at most `max_items` when not 0), in order.
  Future<std::vector<T>> collect(std::size_t max_items = 0) {
    auto items = std::make_shared<std::vector<T>>();
    return for_each([items, max_items](const T& item) {
             items->push_back(item);
             return max_items == 0 || items->size() < max_items;
           })
        .then(inline_executor(), [items](Result<void> r) -> Result<std::vector<T>> {
          if (!r) return r.error();
          return std::move(*items);
        });
  }

  /// The cursor to resume from (the `after`, or walking back the `before`, of the last page
  /// handed out), if any. A walk resumed from it starts with the page after that one, so items
  /// of that page a `for_each` stopped before are not listed again.
  std::optional<std::string> cursor() const {
    std::lock_guard<std::mutex> lock(state_->mutex);
    if (state_->first) return state_->walk.cursor_of(state_->first->list_metadata);
    return state_->after;
  }

 private:
  struct State {
    explicit State(AsyncPagingOptions o)
        : options(std::move(o)), walk(options.direction, options.pages_per_second) {}
    std::mutex mutex;
    AsyncPagingOptions options;
    detail::PageWalk walk;              // cursors followed, pace (under the mutex)
    std::optional<AsyncPage<T>> first;  // not handed out yet
    std::optional<std::string> after;   // cursor of the last page handed out
    typename AsyncPage<T>::Fetcher fetcher;
    Future<AsyncPage<T>> prefetched;
    bool busy = false;
    std::weak_ptr<void> loop;  // where the pages arrive: the pace's timers run there
    ~State() {
      if (prefetched.valid()) prefetched.cancel();  // nobody will read it
    }
  };

  // Fetches the page after `cursor` (after the pace's wait), or fails when that cursor was
  // followed before.
  static Future<AsyncPage<T>> follow(const std::shared_ptr<State>& st, const std::string& cursor,
                                     const typename AsyncPage<T>::Fetcher& fetcher) {
    Result<std::chrono::milliseconds> pause = std::chrono::milliseconds(0);
    std::weak_ptr<void> loop;
    {
      std::lock_guard<std::mutex> lock(st->mutex);
      pause = st->walk.admit(cursor);
      loop = st->loop;
    }
    if (!pause) return make_ready_future(Result<AsyncPage<T>>(pause.error()));
    if (!fetcher) {
      return make_ready_future(
          Result<AsyncPage<T>>(Error(ErrorKind::kInvalidArgument, "no next page")));
    }
    const std::weak_ptr<State> weak = st;
    if (pause->count() <= 0) return fetch_at(weak, fetcher, cursor);
    Future<void> waited =
        st->options.wait ? st->options.wait(*pause) : detail::delay_on_loop(loop, *pause);
    return waited.then(inline_executor(),
                       [weak, fetcher, cursor](Result<void> r) -> Future<AsyncPage<T>> {
                         std::shared_ptr<State> alive = weak.lock();
                         if (!alive) r = Error(ErrorKind::kCancelled, "auto-paging was dropped");
                         if (!r) {
                           if (alive) forget(*alive, cursor);
                           return make_ready_future(Result<AsyncPage<T>>(r.error()));
                         }
                         {
                           std::lock_guard<std::mutex> lock(alive->mutex);
                           alive->walk.sent();
                         }
                         return fetch_at(weak, fetcher, cursor);
                       });
  }

  // Fetches the page at `cursor`. When it does not arrive (an error, a cancellation), the walk
  // may follow that cursor again: the next `next_page` retries it.
  static Future<AsyncPage<T>> fetch_at(const std::weak_ptr<State>& weak,
                                       const typename AsyncPage<T>::Fetcher& fetcher,
                                       const std::string& cursor) {
    std::shared_ptr<State> st = weak.lock();
    if (!st) {
      return make_ready_future(
          Result<AsyncPage<T>>(Error(ErrorKind::kCancelled, "auto-paging was dropped")));
    }
    return fetcher(cursor, st->walk.direction())
        .then(inline_executor(), [weak, cursor](Result<AsyncPage<T>> r) {
          if (!r) {
            if (std::shared_ptr<State> alive = weak.lock()) forget(*alive, cursor);
          }
          return r;
        });
  }

  static void forget(State& st, const std::string& cursor) {
    std::lock_guard<std::mutex> lock(st.mutex);
    st.walk.failed(cursor);
  }

  // Records `page` as handed out and, with prefetch, starts fetching the one after it.
  static std::optional<AsyncPage<T>> deliver(const std::shared_ptr<State>& st, AsyncPage<T> page) {
    Future<AsyncPage<T>> ahead;
    const std::optional<std::string> next_cursor = st->walk.cursor_of(page.list_metadata);
    if (st->options.prefetch && next_cursor && page.fetcher())
      ahead = follow(st, *next_cursor, page.fetcher());
    std::lock_guard<std::mutex> lock(st->mutex);
    st->after = next_cursor;
    st->fetcher = page.fetcher();
    st->prefetched = std::move(ahead);
    return std::optional<AsyncPage<T>>(std::move(page));
  }

  // Waits for `next` (a page fetched with `fetcher`), skipping empty pages.
  static Future<std::optional<AsyncPage<T>>> fetch_after(const std::shared_ptr<State>& st,
                                                         typename AsyncPage<T>::Fetcher fetcher,
                                                         Future<AsyncPage<T>> next) {
    using Out = std::optional<AsyncPage<T>>;
    return next.then(inline_executor(), [st, fetcher](Result<AsyncPage<T>> r) -> Future<Out> {
      if (st->options.pages_per_second > 0) {
        if (std::weak_ptr<void> here = detail::current_loop_handle(); !here.expired()) {
          std::lock_guard<std::mutex> lock(st->mutex);
          st->loop = std::move(here);
        }
      }
      if (!r) return make_ready_future(Result<Out>(r.error()));
      AsyncPage<T> page = std::move(*r);
      if (!page.fetcher()) page.set_fetcher(fetcher);
      if (const auto next_cursor = st->walk.cursor_of(page.list_metadata);
          page.data.empty() && next_cursor) {
        auto next_fetcher = page.fetcher();
        return fetch_after(st, next_fetcher, follow(st, *next_cursor, next_fetcher));
      }
      if (page.data.empty()) {
        std::lock_guard<std::mutex> lock(st->mutex);
        st->after.reset();
        return make_ready_future(Result<Out>(Out()));
      }
      return make_ready_future(Result<Out>(deliver(st, std::move(page))));
    });
  }

  template <class F>
  struct ForEach {
    ForEach(AsyncPager p, F fn) : pager(std::move(p)), f(std::move(fn)) {}
    AsyncPager pager;
    F f;
    Promise<void> promise;
    std::mutex mutex;
    Future<void> current;  // the step in progress, to cancel it
    std::size_t seq = 0;
    bool cancelled = false;
    bool in_f = false;  // `f` is running: a cancel leaves completing the promise to that step

    static Error cancelled_error() {
      return Error(ErrorKind::kCancelled, "auto-paging was cancelled");
    }

    // Completes the promise with kCancelled at once, unless `f` is running: then it completes
    // once `f` returned, so that no `f` runs after the future completed (what `f` captures may
    // be gone by then).
    void cancel() {
      Future<void> c;
      bool now = false;
      {
        std::lock_guard<std::mutex> lock(mutex);
        cancelled = true;
        c = std::move(current);
        now = !in_f;
      }
      c.cancel();
      if (now) promise.set_error(cancelled_error());
    }

    bool is_cancelled() {
      std::lock_guard<std::mutex> lock(mutex);
      return cancelled;
    }

    // Hands one page's items to `f`; true when the walk goes on (the promise is complete
    // otherwise).
    bool consume(Result<std::optional<AsyncPage<T>>> r) {
      if (!r) {
        promise.set_error(r.error());
        return false;
      }
      if (!*r) {
        promise.set_value();
        return false;
      }
      {
        std::lock_guard<std::mutex> lock(mutex);
        if (cancelled) return false;  // cancel() completed the promise
        in_f = true;
      }
      bool more = true;
      std::optional<Error> threw;
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
      try {
#endif
        for (const T& item : (*r)->data) {
          if constexpr (std::is_same_v<std::invoke_result_t<F&, const T&>, bool>) {
            more = f(item);
          } else {
            f(item);
          }
          if (!more || is_cancelled()) break;
        }
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
      } catch (...) {
        threw = detail::current_exception_error("a continuation");
      }
#endif
      bool was_cancelled = false;
      {
        std::lock_guard<std::mutex> lock(mutex);
        in_f = false;
        was_cancelled = cancelled;
      }
      if (was_cancelled) {
        promise.set_error(cancelled_error());
        return false;
      }
      if (threw) {
        promise.set_error(std::move(*threw));
        return false;
      }
      if (!more) {
        promise.set_value();
        return false;
      }
      return true;
    }

    // Walks on. Pages that are already there (a mock, a finished prefetch) are consumed in this
    // loop rather than by a nested call, so a long walk does not grow the stack.
    static void pump(const std::shared_ptr<ForEach>& self) {
      for (;;) {
        std::size_t my_seq = 0;
        {
          std::lock_guard<std::mutex> lock(self->mutex);
          if (self->cancelled) return;
          my_seq = ++self->seq;
        }
        Future<std::optional<AsyncPage<T>>> next = self->pager.next_page();
        if (next.is_ready()) {
          if (!self->consume(next.get())) return;
          continue;
        }
        Future<void> step =
            next.then(inline_executor(), [self](Result<std::optional<AsyncPage<T>>> r) {
              if (self->consume(std::move(r))) pump(self);
            });
        Future<void> stale;
        {
          std::lock_guard<std::mutex> lock(self->mutex);
          if (self->cancelled) {
            stale = std::move(step);  // cancelled while it started: cancel it too
          } else if (self->seq == my_seq) {
            self->current = std::move(step);
          }
        }
        stale.cancel();
        return;
      }
    }
  };

  std::shared_ptr<State> state_;
};

namespace detail {

/// Turns the raw page of an async connection into an `AsyncPage<T>` whose next pages come from
/// `fetcher` (used by the generated async services).
template <class T>
Future<AsyncPage<T>> to_async_page(Future<Page<T>> page, typename AsyncPage<T>::Fetcher fetcher) {
  return page.then(
      inline_executor(),
      [fetcher = std::move(fetcher)](Result<Page<T>> r) mutable -> Result<AsyncPage<T>> {
        if (!r) return r.error();
        std::shared_ptr<const ResponseInfo> info = r.response_ptr();
        AsyncPage<T> out(std::move(*r), std::move(fetcher));
        if (info) return Result<AsyncPage<T>>(std::move(out), std::move(info));
        return Result<AsyncPage<T>>(std::move(out));
      });
}

}  // namespace detail

}  // namespace workos
