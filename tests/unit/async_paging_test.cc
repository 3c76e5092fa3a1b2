// Copyright workos-cpp authors. Handwritten.
// AsyncPage / AsyncPager over scripted fetchers: pages on demand, prefetch of one page ahead,
// empty pages skipped, a repeated cursor ends the walk with an error, a failed page is retried,
// for_each / collect, errors, cancel, long walks of pages that are already there.

#include <gtest/gtest.h>

#include <workos/async/async_page.h>

#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace async_paging_test {

using namespace workos;

/// Pages of ints keyed by the cursor that leads to them; every fetch is recorded and answered
/// either at once (ready futures) or later by the test (`hold = true`).
struct Pages {
  std::mutex mutex;
  std::map<std::string, AsyncPage<int>> by_cursor;
  std::vector<std::string> fetched;
  bool hold = false;
  std::vector<std::pair<std::string, std::shared_ptr<Promise<AsyncPage<int>>>>> held;
  std::map<std::string, Error> failing;

  static AsyncPage<int> page(std::vector<int> items, std::optional<std::string> after) {
    Page<int> p;
    p.data = std::move(items);
    p.list_metadata.after = std::move(after);
    return AsyncPage<int>(std::move(p));
  }
  void add(const std::string& cursor, std::vector<int> items, std::optional<std::string> after) {
    by_cursor[cursor] = page(std::move(items), std::move(after));
  }
  AsyncPage<int>::Fetcher fetcher() {
    return [this](const std::string& cursor, PageDirection) -> Future<AsyncPage<int>> {
      std::lock_guard<std::mutex> lock(mutex);
      fetched.push_back(cursor);
      if (auto it = failing.find(cursor); it != failing.end())
        return make_ready_future(Result<AsyncPage<int>>(it->second));
      AsyncPage<int> p = by_cursor.at(cursor);
      p.set_fetcher(fetcher());
      if (!hold) return make_ready_future(Result<AsyncPage<int>>(std::move(p)));
      auto promise = std::make_shared<Promise<AsyncPage<int>>>();
      Future<AsyncPage<int>> f = promise->get_future();
      held.emplace_back(cursor, promise);
      by_cursor[cursor + "#held"] = std::move(p);
      return f;
    };
  }
  void answer_held(std::size_t i) {
    std::shared_ptr<Promise<AsyncPage<int>>> promise;
    AsyncPage<int> p;
    {
      std::lock_guard<std::mutex> lock(mutex);
      promise = held.at(i).second;
      p = by_cursor.at(held.at(i).first + "#held");
    }
    promise->set_value(std::move(p));
  }
  std::vector<std::string> fetches() {
    std::lock_guard<std::mutex> lock(mutex);
    return fetched;
  }
  AsyncPage<int> first(std::vector<int> items, std::optional<std::string> after) {
    AsyncPage<int> p = page(std::move(items), std::move(after));
    p.set_fetcher(fetcher());
    return p;
  }
};

TEST(AsyncPaging, NextPageFetchesOnlyWhenAsked) {
  Pages pages;
  pages.add("c1", {3, 4}, "c2");
  pages.add("c2", {5}, std::nullopt);
  AsyncPager<int> pager = pages.first({1, 2}, "c1").auto_paging();
  auto p1 = pager.next_page().get().value();
  ASSERT_TRUE(p1);
  EXPECT_EQ(p1->data, (std::vector<int>{1, 2}));
  EXPECT_TRUE(pages.fetches().empty());
  auto p2 = pager.next_page().get().value();
  ASSERT_TRUE(p2);
  EXPECT_EQ(p2->data, (std::vector<int>{3, 4}));
  EXPECT_EQ(pages.fetches(), (std::vector<std::string>{"c1"}));
  EXPECT_EQ(pager.cursor(), std::optional<std::string>("c2"));
  auto p3 = pager.next_page().get().value();
  ASSERT_TRUE(p3);
  EXPECT_EQ(p3->data, (std::vector<int>{5}));
  auto end = pager.next_page().get().value();
  EXPECT_FALSE(end);
  EXPECT_EQ(pages.fetches().size(), 2u);
}

TEST(AsyncPaging, PrefetchStartsTheNextPageWhenOneIsHandedOut) {
  Pages pages;
  pages.hold = true;
  pages.add("c1", {3}, "c2");
  pages.add("c2", {4}, std::nullopt);
  AsyncPager<int> pager = pages.first({1, 2}, "c1").auto_paging(AsyncPagingOptions{true});
  auto p1 = pager.next_page().get().value();
  ASSERT_TRUE(p1);
  // The fetch of page 2 is already under way while page 1 is being consumed.
  EXPECT_EQ(pages.fetches(), (std::vector<std::string>{"c1"}));
  Future<std::optional<AsyncPage<int>>> second = pager.next_page();
  EXPECT_FALSE(second.is_ready());
  pages.answer_held(0);
  auto p2 = second.get().value();
  ASSERT_TRUE(p2);
  EXPECT_EQ(p2->data, (std::vector<int>{3}));
  EXPECT_EQ(pages.fetches(), (std::vector<std::string>{"c1", "c2"}));  // page 3 prefetched
  pages.answer_held(1);
  EXPECT_EQ(pager.next_page().get().value()->data, (std::vector<int>{4}));
  EXPECT_FALSE(pager.next_page().get().value());
}

TEST(AsyncPaging, WithoutPrefetchNothingIsFetchedAhead) {
  Pages pages;
  pages.hold = true;
  pages.add("c1", {3}, std::nullopt);
  AsyncPager<int> pager = pages.first({1}, "c1").auto_paging();
  ASSERT_TRUE(pager.next_page().get().value());
  EXPECT_TRUE(pages.fetches().empty());
}

TEST(AsyncPaging, ASecondNextPageWhileOneIsPendingIsRefused) {
  Pages pages;
  pages.hold = true;
  pages.add("c1", {3}, std::nullopt);
  AsyncPager<int> pager = pages.first({}, "c1").auto_paging();
  Future<std::optional<AsyncPage<int>>> first = pager.next_page();  // empty page: fetches c1
  Result<std::optional<AsyncPage<int>>> second = pager.next_page().get();
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().kind(), ErrorKind::kInvalidArgument);
  pages.answer_held(0);
  EXPECT_EQ(first.get().value()->data, (std::vector<int>{3}));
}

TEST(AsyncPaging, EmptyPagesAreSkippedAndARepeatedCursorEndsTheWalkWithAnError) {
  Pages pages;
  pages.add("c1", {}, "c2");
  pages.add("c2", {7}, "c2");  // a server repeating its cursor
  std::vector<int> seen;
  Result<void> r =
      pages.first({}, "c1").auto_paging().for_each([&](const int& v) { seen.push_back(v); }).get();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kDecode);
  EXPECT_NE(r.error().message().find("'c2' a second time"), std::string::npos);
  EXPECT_EQ(seen, (std::vector<int>{7}));
  EXPECT_EQ(pages.fetches(), (std::vector<std::string>{"c1", "c2"}));
}

TEST(AsyncPaging, ACursorCycleEndsTheWalkWithAnErrorWithAndWithoutPrefetch) {
  for (bool prefetch : {false, true}) {
    Pages pages;
    pages.add("A", {2}, "B");
    pages.add("B", {3}, "A");  // A -> B -> A -> ...
    std::vector<int> seen;
    Result<void> r = pages.first({1}, "A")
                         .auto_paging(AsyncPagingOptions{prefetch})
                         .for_each([&](const int& v) { seen.push_back(v); })
                         .get();
    ASSERT_FALSE(r) << "prefetch " << prefetch;
    EXPECT_EQ(r.error().kind(), ErrorKind::kDecode);
    EXPECT_EQ(seen, (std::vector<int>{1, 2, 3}));
    EXPECT_EQ(pages.fetches(), (std::vector<std::string>{"A", "B"}));
  }
}

TEST(AsyncPaging, ForEachVisitsEveryItemInOrder) {
  Pages pages;
  pages.add("c1", {3, 4}, "c2");
  pages.add("c2", {5, 6}, std::nullopt);
  std::vector<int> seen;
  Result<void> r = pages.first({1, 2}, "c1")
                       .auto_paging(AsyncPagingOptions{true})
                       .for_each([&](const int& v) { seen.push_back(v); })
                       .get();
  EXPECT_TRUE(r);
  EXPECT_EQ(seen, (std::vector<int>{1, 2, 3, 4, 5, 6}));
}

TEST(AsyncPaging, ForEachStopsWhenTheCallbackReturnsFalse) {
  Pages pages;
  pages.add("c1", {3, 4}, "c2");
  pages.add("c2", {5}, std::nullopt);
  std::vector<int> seen;
  EXPECT_TRUE(pages.first({1, 2}, "c1")
                  .auto_paging()
                  .for_each([&](const int& v) {
                    seen.push_back(v);
                    return v < 3;
                  })
                  .get());
  EXPECT_EQ(seen, (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(pages.fetches(), (std::vector<std::string>{"c1"}));
}

TEST(AsyncPaging, CollectStopsAtMaxItems) {
  Pages pages;
  pages.add("c1", {3, 4}, std::nullopt);
  EXPECT_EQ(pages.first({1, 2}, "c1").auto_paging().collect(3).get().value(),
            (std::vector<int>{1, 2, 3}));
}

TEST(AsyncPaging, AFetchErrorEndsTheWalkWithThatError) {
  Pages pages;
  pages.failing.emplace("c1", Error(ErrorKind::kApi, "page failed"));
  std::vector<int> seen;
  Result<void> r =
      pages.first({1}, "c1").auto_paging().for_each([&](const int& v) { seen.push_back(v); }).get();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message(), "page failed");
  EXPECT_EQ(seen, (std::vector<int>{1}));
}

TEST(AsyncPaging, AThrowingCallbackEndsForEachWithAnError) {
  Pages pages;
  Result<void> r = pages.first({1}, std::nullopt)
                       .auto_paging()
                       .for_each([](const int&) { throw std::runtime_error("callback bug"); })
                       .get();
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message().find("callback bug"), std::string::npos);
}

TEST(AsyncPaging, CancellingForEachCancelsThePageBeingFetched) {
  Pages pages;
  pages.hold = true;
  pages.add("c1", {2}, std::nullopt);
  Future<void> f = pages.first({1}, "c1").auto_paging().for_each([](const int&) {});
  ASSERT_EQ(pages.fetches().size(), 1u);
  f.cancel();
  Result<void> r = f.get();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kCancelled);
}

TEST(AsyncPaging, AFailedPageIsFetchedAgainByTheNextCall) {
  Pages pages;
  pages.add("c1", {2}, std::nullopt);
  pages.failing.emplace("c1", Error(ErrorKind::kConnection, "reset"));
  AsyncPager<int> pager = pages.first({1}, "c1").auto_paging();
  ASSERT_TRUE(pager.next_page().get().value());
  Result<std::optional<AsyncPage<int>>> failed = pager.next_page().get();
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().kind(), ErrorKind::kConnection);
  pages.failing.clear();
  // The server did not hand the cursor out twice: the walk retries it.
  Result<std::optional<AsyncPage<int>>> retried = pager.next_page().get();
  ASSERT_TRUE(retried) << retried.error().to_string();
  ASSERT_TRUE(*retried);
  EXPECT_EQ((*retried)->data, (std::vector<int>{2}));
  EXPECT_EQ(pages.fetches(), (std::vector<std::string>{"c1", "c1"}));
}

TEST(AsyncPaging, NoCallbackRunsAfterACancelledForEachCompleted) {
  Pages pages;
  pages.hold = true;
  pages.add("c1", {2}, std::nullopt);
  std::vector<int> seen;
  Future<void> f =
      pages.first({1}, "c1").auto_paging().for_each([&](const int& v) { seen.push_back(v); });
  ASSERT_EQ(pages.fetches().size(), 1u);
  {
    // A transport whose answer is already on its way: cancelling does not stop it.
    std::lock_guard<std::mutex> lock(pages.mutex);
    pages.held.at(0).second->set_canceller([] {});
  }
  f.cancel();
  Result<void> r = f.get();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kCancelled);
  pages.answer_held(0);  // the page arrives after all
  EXPECT_EQ(seen, (std::vector<int>{1}));
}

TEST(AsyncPaging, ACancelDuringTheCallbackCompletesAfterItAndStopsThePage) {
  Pages pages;
  pages.hold = true;
  pages.add("c1", {1, 2, 3}, std::nullopt);
  std::vector<int> seen;
  Future<void> f;
  f = pages.first({}, "c1").auto_paging().for_each([&](const int& v) {
    seen.push_back(v);
    if (v == 1) {
      f.cancel();
      EXPECT_FALSE(f.is_ready());  // not while the callback runs
    }
  });
  pages.answer_held(0);  // runs the callback on this thread
  ASSERT_TRUE(f.is_ready());
  Result<void> r = f.get();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kCancelled);
  EXPECT_EQ(seen, (std::vector<int>{1}));
}

TEST(AsyncPaging, ALongWalkOfPagesAlreadyThereDoesNotGrowTheStack) {
  // Ready pages (a mock, a prefetch that finished first) are walked in a loop: one nested call
  // per page would overflow the stack long before the end.
  constexpr int kPages = 50'000;
  Pages pages;
  for (int i = 1; i < kPages; ++i) {
    pages.add(
        "c" + std::to_string(i), {i},
        i + 1 < kPages ? std::optional<std::string>("c" + std::to_string(i + 1)) : std::nullopt);
  }
  Result<std::vector<int>> all = pages.first({0}, "c1").auto_paging().collect().get();
  ASSERT_TRUE(all) << all.error().to_string();
  ASSERT_EQ(all->size(), static_cast<std::size_t>(kPages));
  EXPECT_EQ(all->back(), kPages - 1);
}

TEST(AsyncPaging, NextPageOfALastPageIsAnError) {
  AsyncPage<int> last = Pages::page({1}, std::nullopt);
  EXPECT_FALSE(last.has_more());
  Result<AsyncPage<int>> r = last.next_page().get();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kInvalidArgument);
}

}  // namespace async_paging_test
