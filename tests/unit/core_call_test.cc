// Copyright workos-cpp authors. Handwritten.
// call<T>: decoding answers into models (DecodeError with response metadata, warnings logged,
// raw JSON and headers kept) and Page<T> / auto_paging over several pages.

#include <gtest/gtest.h>

#include <workos/page.h>
#include <workos/testing/fake_transport.h>

#include "core/call.h"
#include "support/core_test_helpers.h"

namespace core_call_test {

using namespace workos;
using workos::testing::FakeTransport;
namespace json = workos::detail::json;

struct Item {
  std::string id;
  std::string name;
};

void read(json::Value v, Item& it, json::DecodeContext& c) {
  json::ObjectReader r(v, c);
  if (!r.ok()) return;
  bool seen_id = false;
  for (auto f : r.fields()) {
    if (f.key == "id") {
      seen_id = true;
      json::field(c, "Item", "id", f.value, it.id, true);
    } else if (f.key == "name")
      json::field(c, "Item", "name", f.value, it.name, false);
  }
  if (!seen_id) c.missing_required("Item", "id");
}

struct CallTest : ::testing::Test {
  std::shared_ptr<FakeTransport> fake = std::make_shared<FakeTransport>();
  test::FakeClock clock;
  test::LogCapture logs;
  std::shared_ptr<detail::ClientCore> core;
  void SetUp() override {
    ClientOptions o = test::fake_options(fake, &clock);
    o.logger = logs.sink();
    core = test::make_core(o);
  }
  detail::ApiRequest get(std::string path) {
    detail::ApiRequest r;
    r.path = std::move(path);
    return r;
  }
};

TEST_F(CallTest, DecodesModelAndKeepsRawJsonAndHeaders) {
  fake->enqueue_json(200, R"({"id":"item_1","name":"A","extra":true})",
                     {{"X-Request-ID", "req_7"}});
  Result<Item> r = detail::call<Item>(*core, get("/items/item_1"), {}, "Item");
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->id, "item_1");
  EXPECT_EQ(r->name, "A");
  ASSERT_NE(r.response(), nullptr);
  EXPECT_EQ(r.response()->body, R"({"id":"item_1","name":"A","extra":true})");
  EXPECT_EQ(r.response()->request_id(), "req_7");
}

TEST_F(CallTest, NonJsonTwoHundredIsDecodeErrorWithResponseMetadata) {
  fake->enqueue(FakeTransport::json(200, "<html>maintenance</html>", {{"X-Request-ID", "req_8"}}));
  Result<Item> r = detail::call<Item>(*core, get("/items/1"), {}, "Item");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kDecode);
  EXPECT_EQ(r.error().status(), 200);
  EXPECT_EQ(r.error().request_id(), "req_8");
  EXPECT_EQ(r.error().raw_body(), "<html>maintenance</html>");
  EXPECT_NE(r.error().message().find("Item"), std::string::npos);
  EXPECT_THROW(r.value(), DecodeError);
}

TEST_F(CallTest, EmptyTwoHundredBodyForAModelIsDecodeError) {
  fake->enqueue(FakeTransport::empty(200));
  Result<Item> r = detail::call<Item>(*core, get("/items/1"), {}, "Item");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kDecode);
}

TEST_F(CallTest, WrongFieldTypeIsDecodeErrorNamingField) {
  fake->enqueue_json(200, R"({"id":12})");
  Result<Item> r = detail::call<Item>(*core, get("/items/1"), {}, "Item");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message(), "Item.id: expected string, got number");
}

TEST_F(CallTest, MissingRequiredFieldLogsWarningAndKeepsDefault) {
  fake->enqueue_json(200, R"({"name":"no id"})");
  Result<Item> r = detail::call<Item>(*core, get("/items/1"), {}, "Item");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->id, "");
  EXPECT_EQ(r->name, "no id");
  auto lines = logs.all();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].first, LogLevel::kWarning);
  EXPECT_EQ(lines[0].second, "Item.id: required field missing; default kept");
}

// A list operation as the generated code would write it: decode the page, then set a fetcher
// that repeats the call with `after` (and without `before`).
Result<Page<Item>> list_items(const std::shared_ptr<detail::ClientCore>& core,
                              std::optional<std::string> after,
                              std::optional<std::string> before = std::nullopt) {
  detail::ApiRequest req;
  req.path = "/items";
  detail::QueryBuilder q;
  q.add("limit", std::int64_t{2});
  q.add("after", after);
  q.add("before", before);
  req.query = q.str();
  Result<Page<Item>> page = detail::call<Page<Item>>(*core, req, {}, "ItemList");
  if (page) {
    page->set_fetcher([core](const std::string& cursor, PageDirection direction) {
      return direction == PageDirection::kBefore ? list_items(core, std::nullopt, cursor)
                                                 : list_items(core, cursor);
    });
  }
  return page;
}

TEST_F(CallTest, AutoPagingFollowsAfterCursorAcrossPages) {
  fake->enqueue_json(
      200, R"({"data":[{"id":"1"},{"id":"2"}],"list_metadata":{"before":null,"after":"c2"}})");
  fake->enqueue_json(200, R"({"data":[],"list_metadata":{"before":"c1","after":"c3"}})");
  fake->enqueue_json(200, R"({"data":[{"id":"3"}],"list_metadata":{"before":"c2","after":null}})");
  auto first = list_items(core, std::nullopt, std::string("b0"));
  ASSERT_TRUE(first);
  EXPECT_TRUE(first->has_more());
  std::vector<std::string> ids;
  for (const Item& it : first->auto_paging()) ids.push_back(it.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"1", "2", "3"}));
  auto reqs = fake->requests();
  ASSERT_EQ(reqs.size(), 3u);
  EXPECT_EQ(reqs[0].url, "https://api.workos.com/items?limit=2&before=b0");
  EXPECT_EQ(reqs[1].url, "https://api.workos.com/items?limit=2&after=c2");
  EXPECT_EQ(reqs[2].url, "https://api.workos.com/items?limit=2&after=c3");
}

TEST_F(CallTest, AutoPagingThrowsTheErrorOfALaterPage) {
  fake->enqueue_json(200, R"({"data":[{"id":"1"}],"list_metadata":{"after":"c2"}})");
  fake->enqueue_json(404, R"({"message":"cursor expired"})");
  auto first = list_items(core, std::nullopt);
  ASSERT_TRUE(first);
  std::vector<std::string> ids;
  auto pager = first->auto_paging();
  try {
    for (const Item& it : pager) ids.push_back(it.id);
    FAIL() << "the error of page 2 was swallowed";
  } catch (const NotFoundError& e) {
    EXPECT_EQ(e.error().message(), "cursor expired");
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"1"}));
  EXPECT_EQ(pager.cursor(), std::optional<std::string>("c2"));  // where to resume
}

TEST_F(CallTest, AutoPagingStopsWithAnErrorOnACursorCycle) {
  // A -> B -> A: a server whose cursors loop would otherwise be paged forever.
  fake->enqueue_json(200, R"({"data":[{"id":"1"}],"list_metadata":{"after":"A"}})");
  fake->enqueue_json(200, R"({"data":[{"id":"2"}],"list_metadata":{"after":"B"}})");
  fake->enqueue_json(200, R"({"data":[{"id":"3"}],"list_metadata":{"after":"A"}})");
  fake->enqueue_json(200, R"({"data":[{"id":"4"}],"list_metadata":{"after":"B"}})");
  auto first = list_items(core, std::nullopt);
  ASSERT_TRUE(first);
  std::vector<std::string> ids;
  try {
    for (const Item& it : first->auto_paging()) ids.push_back(it.id);
    FAIL() << "the cursor cycle was not detected";
  } catch (const DecodeError& e) {
    EXPECT_NE(e.error().message().find("'A' a second time"), std::string::npos);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"1", "2", "3"}));
  EXPECT_EQ(fake->request_count(), 3u);
}

TEST_F(CallTest, AutoPagingStopsWithAnErrorOnARepeatedIdenticalCursor) {
  fake->enqueue_json(200, R"({"data":[{"id":"1"}],"list_metadata":{"after":"A"}})");
  fake->enqueue_json(200, R"({"data":[],"list_metadata":{"after":"A"}})");
  auto first = list_items(core, std::nullopt);
  ASSERT_TRUE(first);
  std::vector<std::string> ids;
  EXPECT_THROW(
      {
        for (const Item& it : first->auto_paging()) ids.push_back(it.id);
      },
      DecodeError);
  EXPECT_EQ(ids, (std::vector<std::string>{"1"}));
  EXPECT_EQ(fake->request_count(), 2u);
}

TEST_F(CallTest, NextPageWithoutMoreIsAnError) {
  fake->enqueue_json(200, R"({"data":[{"id":"1"}],"list_metadata":{"after":null}})");
  auto page = list_items(core, std::nullopt);
  ASSERT_TRUE(page);
  EXPECT_FALSE(page->has_more());
  EXPECT_FALSE(page->next_page());
}

TEST_F(CallTest, MockedPageDrivesAutoPagingWithoutTransport) {
  // A page built by hand (as a user's mock would) with a fetcher: no HTTP at all.
  Page<Item> p;
  p.data = {{"a", ""}};
  p.list_metadata.after = "next";
  p.set_fetcher([](const std::string& cursor, PageDirection) -> Result<Page<Item>> {
    Page<Item> q;
    q.data = {{"b-" + cursor, ""}};
    return q;
  });
  std::vector<std::string> ids;
  for (const auto& it : p.auto_paging()) ids.push_back(it.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"a", "b-next"}));
}

}  // namespace core_call_test
