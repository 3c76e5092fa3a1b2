// Copyright workos-cpp authors. Handwritten.
//
// The decisions of a walk over cursor pages (include/workos/page.h), shared by the blocking and
// the event-loop pager.

#include <workos/page.h>

#include <chrono>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <thread>

namespace workos::detail {

struct PageWalk::Followed {
  std::set<std::string> cursors;
};

PageWalk::PageWalk(PageDirection direction, double pages_per_second)
    : direction_(direction),
      pages_per_second_(pages_per_second),
      followed_(std::make_unique<Followed>()) {}

PageWalk::~PageWalk() = default;

std::optional<std::string> PageWalk::cursor_of(const ListMetadata& cursors) const {
  const std::optional<std::string>& c =
      direction_ == PageDirection::kBefore ? cursors.before : cursors.after;
  if (!c || c->empty()) return std::nullopt;
  return c;
}

Result<std::chrono::milliseconds> PageWalk::admit(const std::string& cursor) {
  if (!followed_->cursors.insert(cursor).second) {
    return Error(ErrorKind::kDecode, "auto-paging stopped: the server returned the list cursor '" +
                                         cursor + "' a second time");
  }
  std::chrono::milliseconds wait{0};
  if (pages_per_second_ > 0) {
    const auto now = std::chrono::steady_clock::now();
    const auto gap = std::chrono::duration_cast<std::chrono::steady_clock::duration>(
        std::chrono::duration<double>(1.0 / pages_per_second_));
    if (last_fetch_ && now - *last_fetch_ < gap)
      wait = std::chrono::ceil<std::chrono::milliseconds>(gap - (now - *last_fetch_));
    last_fetch_ = now;  // moved to when the request leaves, after the wait (sent())
  }
  return wait;
}

void PageWalk::failed(const std::string& cursor) {
  followed_->cursors.erase(cursor);
}

void PageWalk::sent() {
  last_fetch_ = std::chrono::steady_clock::now();
}

void sleep_for(std::chrono::milliseconds wait) {
  std::this_thread::sleep_for(wait);
}

}  // namespace workos::detail
