// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// Cursor pagination: `Page<T>` (one page of a list operation) and `Page<T>::auto_paging()`
/// (every item of every following page, fetched on demand).

#include <workos/result.h>

#include <chrono>
#include <cstddef>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace workos {

/// `list_metadata` of a list answer: the cursors around the page.
struct ListMetadata {
  std::optional<std::string> before;  ///< Cursor of the previous page, if any.
  std::optional<std::string> after;   ///< Cursor of the next page, if any.
};

/// Which cursor a walk follows: `after` (the pages that follow, the default) or `before` (the
/// pages that precede).
enum class PageDirection {
  kAfter,   ///< `list_metadata.after`, sent as `after`.
  kBefore,  ///< `list_metadata.before`, sent as `before`.
};

/// How `Page<T>::auto_paging` walks.
struct AutoPagingOptions {
  /// Stop after this many items (unset: every item); no page past the limit is fetched.
  std::optional<std::size_t> max_items;
  /// At most this many page requests per second (0: as fast as the answers come), to keep a
  /// long walk under the API's rate limit. The wait happens in the loop's `++`.
  double pages_per_second = 0;
  /// `kBefore` walks the pages before the starting one.
  PageDirection direction = PageDirection::kAfter;
  /// How the pace waits; empty = `std::this_thread::sleep_for` (tests record it instead).
  std::function<void(std::chrono::milliseconds)> sleep = nullptr;
};

namespace detail {

/// The decisions of a walk over cursor pages, written once for the blocking `AutoPager` and the
/// event-loop `AsyncPager` (which drive it and do the waiting and fetching): which cursor comes
/// next, whether it was followed before, and how long to wait to keep to the pace.
/// Not thread-safe (the async pager holds its lock around it).
class PageWalk {
 public:
  /// A walk in `direction`, at most `pages_per_second` page requests per second (0: no pace).
  PageWalk(PageDirection direction, double pages_per_second);
  /// Destroys the record of the cursors followed.
  ~PageWalk();
  PageWalk(const PageWalk&) = delete;             ///< One walk, one record.
  PageWalk& operator=(const PageWalk&) = delete;  ///< One walk, one record.

  /// The direction this walk follows.
  PageDirection direction() const noexcept { return direction_; }
  /// The cursor this walk follows from a page's cursors; none when unset or empty.
  std::optional<std::string> cursor_of(const ListMetadata& cursors) const;
  /// Admits fetching the page at `cursor`: how long to wait first to keep to the pace (zero
  /// without one), or a `kDecode` error when the server handed out this cursor before
  /// (A, B, A, ...), so that the walk ends instead of looping forever.
  Result<std::chrono::milliseconds> admit(const std::string& cursor);
  /// Forgets that `cursor` was followed: its page did not arrive (an error, a cancellation), so
  /// following it again is a retry, not a loop.
  void failed(const std::string& cursor);
  /// Records that the admitted request leaves now (after its wait), for the next pace.
  void sent();

 private:
  struct Followed;
  PageDirection direction_;
  double pages_per_second_;
  std::optional<std::chrono::steady_clock::time_point> last_fetch_;
  std::unique_ptr<Followed> followed_;
};

/// Blocks the calling thread for `wait` (a blocking walk's pace).
void sleep_for(std::chrono::milliseconds wait);

}  // namespace detail

/// One page of a list operation. Value type; thread-compatible.
///
/// @code
/// auto page = client.organizations().list_organizations({}).value();
/// for (const auto& org : page.data) ...;                  // this page only
/// for (const auto& org : page.auto_paging()) ...;         // this page and all that follow
///
/// workos::AutoPagingOptions gently;                        // at most 500 items, 2 pages/s
/// gently.max_items = 500;
/// gently.pages_per_second = 2;
/// for (const auto& org : page.auto_paging(gently)) ...;
/// @endcode
template <class T>
class Page {
 public:
  /// Fetches the page after (or, with `kBefore`, before) `cursor` with the original parameters.
  using Fetcher = std::function<Result<Page<T>>(const std::string& cursor, PageDirection)>;

  /// The items of this page.
  std::vector<T> data;
  /// Cursors around this page.
  ListMetadata list_metadata;

  /// True when the API reported a next page (`list_metadata.after` is set and not empty).
  bool has_more() const noexcept {
    return list_metadata.after.has_value() && !list_metadata.after->empty();
  }
  /// True when the API reported a previous page (`list_metadata.before` is set and not empty).
  bool has_previous() const noexcept {
    return list_metadata.before.has_value() && !list_metadata.before->empty();
  }
  /// The next page; an error when `!has_more()` or when the page was built without a fetcher.
  Result<Page<T>> next_page() const {
    if (!has_more() || !fetcher_) return Error(ErrorKind::kInvalidArgument, "no next page");
    return fetcher_(*list_metadata.after, PageDirection::kAfter);
  }
  /// The previous page; an error when `!has_previous()` or without a fetcher.
  Result<Page<T>> previous_page() const {
    if (!has_previous() || !fetcher_) return Error(ErrorKind::kInvalidArgument, "no previous page");
    return fetcher_(*list_metadata.before, PageDirection::kBefore);
  }

  /// Set by the service that made the page (so auto-paging also works on mocked pages).
  void set_fetcher(Fetcher fetcher) { fetcher_ = std::move(fetcher); }
  /// The fetcher of the next page (may be empty).
  const Fetcher& fetcher() const noexcept { return fetcher_; }

  /// See `auto_paging()`.
  class AutoPager;
  /// A range over every item of this page and every page after it (before it with
  /// `PageDirection::kBefore`), within `options`' item limit and pace. A failed fetch throws its
  /// typed exception from the iterator's `++`; without exceptions the loop ends and
  /// `AutoPager::error()` holds the error. A server that hands out a cursor already followed
  /// (A, B, A, ...) ends the walk with a `kDecode` error instead of looping forever.
  AutoPager auto_paging(AutoPagingOptions options = {}) const {
    return AutoPager(*this, std::move(options));
  }

 private:
  Fetcher fetcher_;
};

/// Range over all items from a starting page on. Single-pass; not thread-safe.
template <class T>
class Page<T>::AutoPager {
  struct State;

 public:
  /// Starts at `first`.
  explicit AutoPager(Page<T> first, AutoPagingOptions options = {})
      : state_(std::make_shared<State>(std::move(options))) {
    state_->page = std::move(first);
  }

  /// Input iterator over the items; `++` may fetch the next page.
  class iterator {
   public:
    using iterator_category = std::input_iterator_tag;  ///< Single pass.
    using value_type = T;                               ///< Item type.
    using difference_type = std::ptrdiff_t;             ///< Required by iterator traits.
    using pointer = const T*;                           ///< Pointer to an item.
    using reference = const T&;                         ///< Reference to an item.

    /// The end iterator.
    iterator() = default;
    /// The current item.
    reference operator*() const { return state_->page.data[state_->index]; }
    /// The current item.
    pointer operator->() const { return &state_->page.data[state_->index]; }
    /// Next item (fetching the next page when this one is done).
    iterator& operator++() {
      ++state_->index;
      ++state_->taken;
      state_->skip_empty_pages();
      return *this;
    }
    /// Next item.
    void operator++(int) { ++*this; }
    /// Iterators compare equal when both are at the end.
    friend bool operator==(const iterator& a, const iterator& b) {
      return a.at_end() == b.at_end();
    }
    /// Negation of `==`.
    friend bool operator!=(const iterator& a, const iterator& b) { return !(a == b); }

   private:
    friend class AutoPager;
    explicit iterator(std::shared_ptr<State> s) : state_(std::move(s)) {}
    bool at_end() const { return !state_ || state_->done(); }
    std::shared_ptr<State> state_;
  };

  /// The first item (skips empty pages).
  iterator begin() {
    state_->skip_empty_pages();
    return iterator(state_);
  }
  /// The end.
  iterator end() { return iterator(); }

  /// The error that ended the iteration early (only without exceptions), if any.
  const std::optional<Error>& error() const noexcept { return state_->error; }
  /// The cursor to resume from: the `after` (or, walking back, `before`) cursor of the page
  /// being iterated. A walk resumed from it starts with the next page: items of the current
  /// page that were not reached yet are not listed again (save `current_page()` for them).
  std::optional<std::string> cursor() const {
    return state_->walk.cursor_of(state_->page.list_metadata);
  }
  /// The page currently being iterated.
  const Page<T>& current_page() const noexcept { return state_->page; }

 private:
  struct State {
    explicit State(AutoPagingOptions o)
        : options(std::move(o)), walk(options.direction, options.pages_per_second) {}
    Page<T> page;
    AutoPagingOptions options;
    detail::PageWalk walk;
    std::size_t index = 0;
    std::size_t taken = 0;  // items handed out
    std::optional<Error> error;
    bool limited() const { return options.max_items && taken >= *options.max_items; }
    bool done() const { return error.has_value() || limited() || index >= page.data.size(); }
    void fail(Error e) {
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
      detail::throw_error(e);
#else
      error = std::move(e);
#endif
    }
    void skip_empty_pages() {
      for (;;) {
        if (error || limited() || index < page.data.size() || !page.fetcher()) return;
        const std::optional<std::string> cursor = walk.cursor_of(page.list_metadata);
        if (!cursor) return;
        const Result<std::chrono::milliseconds> wait = walk.admit(*cursor);
        if (!wait) {
          fail(wait.error());
          return;
        }
        if (wait->count() > 0) {
          if (options.sleep) {
            options.sleep(*wait);
          } else {
            detail::sleep_for(*wait);
          }
          walk.sent();
        }
        Result<Page<T>> fetched = page.fetcher()(*cursor, walk.direction());
        if (!fetched) {
          walk.failed(*cursor);
          fail(fetched.error());
          return;
        }
        Fetcher fetcher = page.fetcher();
        page = std::move(*fetched);
        if (!page.fetcher()) page.set_fetcher(std::move(fetcher));
        index = 0;
      }
    }
  };
  std::shared_ptr<State> state_;
};

}  // namespace workos
