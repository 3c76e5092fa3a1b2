// Copyright workos-cpp authors. Handwritten.
#pragma once

/// @file
/// Cursor pagination: `Page<T>` (one page of a list operation) and `Page<T>::auto_paging()`
/// (every item of every following page, fetched on demand).

#include <workos/result.h>

#include <cstddef>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace workos {

/// `list_metadata` of a list answer: the cursors around the page.
struct ListMetadata {
  std::optional<std::string> before;  ///< Cursor of the previous page, if any.
  std::optional<std::string> after;   ///< Cursor of the next page, if any.
};

/// One page of a list operation. Value type; thread-compatible.
///
/// @code
/// auto page = client.organizations().list_organizations({}).value();
/// for (const auto& org : page.data) ...;                  // this page only
/// for (const auto& org : page.auto_paging()) ...;         // this page and all that follow
/// @endcode
template <class T>
class Page {
 public:
  /// Fetches the page after `cursor` with the original parameters (minus `before`).
  using Fetcher = std::function<Result<Page<T>>(const std::string& cursor)>;

  /// The items of this page.
  std::vector<T> data;
  /// Cursors around this page.
  ListMetadata list_metadata;

  /// True when the API reported a next page (`list_metadata.after` is set and not empty).
  bool has_more() const noexcept {
    return list_metadata.after.has_value() && !list_metadata.after->empty();
  }
  /// The next page; an error when `!has_more()` or when the page was built without a fetcher.
  Result<Page<T>> next_page() const {
    if (!has_more() || !fetcher_) return Error(ErrorKind::kInvalidArgument, "no next page");
    return fetcher_(*list_metadata.after);
  }

  /// Set by the service that made the page (so auto-paging also works on mocked pages).
  void set_fetcher(Fetcher fetcher) { fetcher_ = std::move(fetcher); }
  /// The fetcher of the next page (may be empty).
  const Fetcher& fetcher() const noexcept { return fetcher_; }

  /// See `auto_paging()`.
  class AutoPager;
  /// A range over every item of this page and every page after it. A failed fetch throws its
  /// typed exception from the iterator's `++`; without exceptions the loop ends and
  /// `AutoPager::error()` holds the error. A server that hands out a cursor already followed
  /// (A, B, A, ...) ends the walk with a `kDecode` error instead of looping forever.
  AutoPager auto_paging() const { return AutoPager(*this); }

 private:
  Fetcher fetcher_;
};

/// Range over all items from a starting page on. Single-pass; not thread-safe.
template <class T>
class Page<T>::AutoPager {
  struct State;

 public:
  /// Starts at `first`.
  explicit AutoPager(Page<T> first) : state_(std::make_shared<State>()) {
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
  /// The cursor to resume from: the `after` cursor of the page being iterated.
  std::optional<std::string> cursor() const { return state_->page.list_metadata.after; }
  /// The page currently being iterated.
  const Page<T>& current_page() const noexcept { return state_->page; }

 private:
  struct State {
    Page<T> page;
    std::size_t index = 0;
    std::optional<Error> error;
    std::set<std::string> followed;  // every cursor fetched so far
    bool done() const { return error.has_value() || index >= page.data.size(); }
    void fail(Error e) {
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
      detail::throw_error(e);
#else
      error = std::move(e);
#endif
    }
    void skip_empty_pages() {
      while (!error && index >= page.data.size() && page.has_more() && page.fetcher()) {
        const std::string& cursor = *page.list_metadata.after;
        if (!followed.insert(cursor).second) {
          fail(Error(ErrorKind::kDecode,
                     "auto-paging stopped: the server returned the list "
                     "cursor '" +
                         cursor + "' a second time"));
          return;
        }
        Result<Page<T>> next = page.next_page();
        if (!next) {
          fail(next.error());
          return;
        }
        page = std::move(*next);
        index = 0;
      }
    }
  };
  std::shared_ptr<State> state_;
};

}  // namespace workos
