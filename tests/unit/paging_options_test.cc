// Copyright workos-cpp authors. Handwritten.
// Auto-paging options: an item cap that fetches no page past it, a pace between page requests
// (sync, and async on the event loop's timers), walking back with `before` (hand-built pages,
// then a generated list through the fake transport, sync and async), and previous_page().

#include <workos/async/async_page.h>
#include <workos/async_client.h>
#include <workos/client.h>
#include <workos/organizations/async_service.h>
#include <workos/organizations/service.h>
#include <workos/page.h>
#include <workos/testing/fake_transport.h>

#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace {

using workos::AutoPagingOptions;
using workos::Page;
using workos::PageDirection;
using workos::Result;
using workos::testing::FakeTransport;

// Pages "p0" <-> "p1" <-> "p2" <-> "p3" of two items each, linked both ways; records fetches.
struct Chain {
  std::vector<std::string> fetched;  // "after:p1", "before:p0", ...

  Page<std::string> page(int i) {
    Page<std::string> p;
    p.data = {"p" + std::to_string(i) + "a", "p" + std::to_string(i) + "b"};
    if (i < 3) p.list_metadata.after = "p" + std::to_string(i + 1);
    if (i > 0) p.list_metadata.before = "p" + std::to_string(i - 1);
    p.set_fetcher([this](const std::string& cursor, PageDirection d) -> Result<Page<std::string>> {
      fetched.push_back((d == PageDirection::kBefore ? "before:" : "after:") + cursor);
      return page(cursor.back() - '0');
    });
    return p;
  }
};

std::vector<std::string> walk(const Page<std::string>& first, AutoPagingOptions o) {
  std::vector<std::string> out;
  for (const auto& item : first.auto_paging(std::move(o))) out.push_back(item);
  return out;
}

TEST(PagingOptions, MaxItemsStopsWithoutFetchingPastTheLimit) {
  Chain chain;
  AutoPagingOptions o;
  o.max_items = 3;
  EXPECT_EQ(walk(chain.page(0), o), (std::vector<std::string>{"p0a", "p0b", "p1a"}));
  EXPECT_EQ(chain.fetched, std::vector<std::string>{"after:p1"});
  o.max_items = 2;
  chain.fetched.clear();
  EXPECT_EQ(walk(chain.page(0), o).size(), 2u);
  EXPECT_TRUE(chain.fetched.empty());
  o.max_items = 0;
  EXPECT_TRUE(walk(chain.page(0), o).empty());
}

TEST(PagingOptions, APaceSpacesThePageRequests) {
  Chain chain;
  std::vector<std::chrono::milliseconds> waits;
  AutoPagingOptions o;
  o.pages_per_second = 4;
  o.sleep = [&](std::chrono::milliseconds d) { waits.push_back(d); };
  EXPECT_EQ(walk(chain.page(0), o).size(), 8u);
  EXPECT_EQ(chain.fetched.size(), 3u);
  // The first request follows the caller's own page at once; each later one waits for what is
  // left of a quarter second since the one before.
  ASSERT_EQ(waits.size(), 2u);
  for (auto w : waits) {
    EXPECT_GT(w.count(), 0);
    EXPECT_LE(w.count(), 250);
  }
  // Without a pace nothing waits.
  waits.clear();
  o.pages_per_second = 0;
  walk(chain.page(0), o);
  EXPECT_TRUE(waits.empty());
}

TEST(PagingOptions, WalkingBackFollowsBefore) {
  Chain chain;
  AutoPagingOptions o;
  o.direction = PageDirection::kBefore;
  EXPECT_EQ(walk(chain.page(2), o),
            (std::vector<std::string>{"p2a", "p2b", "p1a", "p1b", "p0a", "p0b"}));
  EXPECT_EQ(chain.fetched, (std::vector<std::string>{"before:p1", "before:p0"}));
  auto previous = chain.page(1).previous_page();
  ASSERT_TRUE(previous);
  EXPECT_EQ(previous->data.front(), "p0a");
  EXPECT_FALSE(chain.page(0).previous_page());
}

TEST(PagingOptions, AnEmptyCursorEndsTheWalkAndIsNoResumePoint) {
  Chain chain;
  Page<std::string> last = chain.page(3);
  last.list_metadata.after = "";  // some servers send "" rather than null at the end
  auto pager = last.auto_paging();
  std::vector<std::string> items;
  for (const auto& item : pager) items.push_back(item);
  EXPECT_EQ(items, (std::vector<std::string>{"p3a", "p3b"}));
  EXPECT_TRUE(chain.fetched.empty());
  EXPECT_EQ(pager.cursor(), std::nullopt);
}

TEST(PageWalk, FollowsTheCursorOfItsDirectionAndNoEmptyOne) {
  workos::ListMetadata cursors;
  cursors.before = "b1";
  cursors.after = "a1";
  const workos::detail::PageWalk forward(PageDirection::kAfter, 0);
  const workos::detail::PageWalk back(PageDirection::kBefore, 0);
  EXPECT_EQ(forward.cursor_of(cursors), std::optional<std::string>("a1"));
  EXPECT_EQ(back.cursor_of(cursors), std::optional<std::string>("b1"));
  cursors.after = "";
  cursors.before = std::nullopt;
  EXPECT_EQ(forward.cursor_of(cursors), std::nullopt);
  EXPECT_EQ(back.cursor_of(cursors), std::nullopt);
}

TEST(PageWalk, RefusesACursorHandedOutTwice) {
  workos::detail::PageWalk walk(PageDirection::kAfter, 0);
  ASSERT_TRUE(walk.admit("A"));
  ASSERT_TRUE(walk.admit("B"));
  const auto again = walk.admit("A");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().kind(), workos::ErrorKind::kDecode);
  EXPECT_NE(again.error().message().find("'A' a second time"), std::string::npos);
  EXPECT_TRUE(walk.admit("C"));
}

TEST(PageWalk, ACursorWhosePageDidNotArriveMayBeFollowedAgain) {
  workos::detail::PageWalk walk(PageDirection::kAfter, 0);
  ASSERT_TRUE(walk.admit("A"));
  walk.failed("A");
  EXPECT_TRUE(walk.admit("A"));  // a retry, not a loop
  EXPECT_FALSE(walk.admit("A"));
}

TEST(PageWalk, APaceAsksTheSecondRequestToWaitForWhatIsLeftOfTheGap) {
  // One page per 100 s: the first request leaves at once, the one admitted right after it
  // waits (almost) the whole gap; without a pace nothing waits.
  workos::detail::PageWalk paced(PageDirection::kAfter, 0.01);
  const auto first = paced.admit("A");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->count(), 0);
  paced.sent();
  const auto second = paced.admit("B");
  ASSERT_TRUE(second);
  EXPECT_GT(second->count(), 90'000);
  EXPECT_LE(second->count(), 100'000);
  workos::detail::PageWalk free(PageDirection::kAfter, 0);
  ASSERT_TRUE(free.admit("A"));
  const auto unpaced = free.admit("B");
  ASSERT_TRUE(unpaced);
  EXPECT_EQ(unpaced->count(), 0);
}

constexpr char kOrgs[] =
    R"({"object":"list","data":[{"object":"organization","id":"org_c","name":"C"}],)"
    R"("list_metadata":{"before":"org_c","after":null}})";
constexpr char kOlderOrgs[] =
    R"({"object":"list","data":[{"object":"organization","id":"org_b","name":"B"}],)"
    R"("list_metadata":{"before":null,"after":"org_b"}})";

workos::ClientOptions fake_options(const std::shared_ptr<FakeTransport>& fake) {
  workos::ClientOptions o;
  o.api_key = "sk_test_paging";
  o.transport = fake;
  o.max_retries = 0;
  return o;
}

TEST(PagingOptions, AGeneratedListWalksBackWithTheBeforeParameter) {
  auto fake = std::make_shared<FakeTransport>();
  fake->enqueue_json(200, kOrgs);
  fake->enqueue_json(200, kOlderOrgs);
  workos::Client client(fake_options(fake));
  workos::organizations::ListOrganizationsParams params;
  params.after = "org_d";
  auto page = client.organizations().list_organizations(params);
  ASSERT_TRUE(page) << page.error().to_string();
  AutoPagingOptions back;
  back.direction = PageDirection::kBefore;
  std::vector<std::string> ids;
  for (const auto& org : page->auto_paging(back)) ids.push_back(org.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"org_c", "org_b"}));
  ASSERT_EQ(fake->request_count(), 2u);
  const std::string url = fake->last_request().url;
  EXPECT_NE(url.find("before=org_c"), std::string::npos) << url;
  EXPECT_EQ(url.find("after="), std::string::npos) << url;
}

TEST(PagingOptions, TheAsyncPagerWalksBackToo) {
  auto fake = std::make_shared<FakeTransport>();
  fake->enqueue_json(200, kOrgs);
  fake->enqueue_json(200, kOlderOrgs);
  workos::AsyncClient client(fake_options(fake));
  auto page = client.organizations().list_organizations({}).get();
  ASSERT_TRUE(page) << page.error().to_string();
  workos::AsyncPagingOptions back;
  back.direction = PageDirection::kBefore;
  auto items = std::move(*page).auto_paging(back).collect().get();
  ASSERT_TRUE(items) << items.error().to_string();
  ASSERT_EQ(items->size(), 2u);
  EXPECT_EQ(items->at(1).id, "org_b");
  EXPECT_NE(fake->last_request().url.find("before=org_c"), std::string::npos);
}

// Async twin of Chain: pages answered at once (no event loop), so only the `wait` hook paces.
struct AsyncChain {
  std::vector<std::string> fetched;

  workos::AsyncPage<std::string> page(int i) {
    Chain sync;
    workos::AsyncPage<std::string> p(sync.page(i));
    p.set_fetcher([this](const std::string& cursor, PageDirection d) {
      fetched.push_back((d == PageDirection::kBefore ? "before:" : "after:") + cursor);
      return workos::make_ready_future(
          Result<workos::AsyncPage<std::string>>(page(cursor.back() - '0')));
    });
    return p;
  }
};

TEST(PagingOptions, TheAsyncPacePassesEachWaitToTheHook) {
  AsyncChain chain;
  std::vector<std::chrono::milliseconds> waits;
  workos::AsyncPagingOptions o;
  o.pages_per_second = 4;
  o.wait = [&](std::chrono::milliseconds d) {
    waits.push_back(d);
    return workos::make_ready_future();
  };
  auto items = chain.page(0).auto_paging(o).collect().get();
  ASSERT_TRUE(items) << items.error().to_string();
  EXPECT_EQ(items->size(), 8u);
  EXPECT_EQ(chain.fetched.size(), 3u);
  ASSERT_EQ(waits.size(), 2u);
  for (auto w : waits) {
    EXPECT_GT(w.count(), 0);
    EXPECT_LE(w.count(), 250);
  }
  waits.clear();
  o.pages_per_second = 0;
  ASSERT_TRUE(chain.page(0).auto_paging(o).collect().get());
  EXPECT_TRUE(waits.empty());
}

TEST(PagingOptions, TheAsyncPaceWaitsOnTheEventLoop) {
  // Four pages from a real async client: the walk makes three requests, and with 20 pages a
  // second the third cannot leave before two gaps of 50 ms have passed since the walk began (a
  // lower bound the loop's timers guarantee; nothing here measures speed).
  auto fake = std::make_shared<FakeTransport>();
  fake->set_handler([](const workos::HttpRequest& r) -> Result<workos::HttpResponse> {
    // org_1 first; the page after org_N holds org_N+1; org_4 is the last.
    const auto at = r.url.find("after=org_");
    const int n = at == std::string::npos ? 1 : r.url[at + 10] - '0' + 1;
    const std::string id = "org_" + std::to_string(n);
    return FakeTransport::json(200,
                               R"({"object":"list","data":[{"object":"organization","id":")" + id +
                                   R"(","name":"N"}],"list_metadata":{"before":null,"after":)" +
                                   (n == 4 ? std::string("null") : "\"" + id + "\"") + "}}");
  });
  workos::AsyncClient client(fake_options(fake));
  auto page = client.organizations().list_organizations({}).get();
  ASSERT_TRUE(page) << page.error().to_string();
  workos::AsyncPagingOptions o;
  o.pages_per_second = 20;
  const auto start = std::chrono::steady_clock::now();
  auto items = std::move(*page).auto_paging(o).collect().get();
  const auto took = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(items) << items.error().to_string();
  ASSERT_EQ(items->size(), 4u);
  EXPECT_EQ(items->back().id, "org_4");
  EXPECT_EQ(fake->request_count(), 4u);
  EXPECT_GE(took, std::chrono::milliseconds(99));
}

}  // namespace
