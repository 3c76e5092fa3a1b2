// Copyright workos-cpp authors. Handwritten.
// End to end through the generated async organizations service: list with async auto-paging
// over the loopback server, get, create (JSON body, idempotency key), and a user's fake
// connection driving auto-paging without HTTP.

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <variant>
#include <vector>

#include <workos/async_client.h>
#include <workos/client.h>
#include <workos/organizations/async_service.h>
#include <workos/organizations/service.h>
#include <workos/user_management/async_user_management_client.h>

#include "support/core_test_helpers.h"
#include "support/loopback_server.h"

namespace async_organizations_test {

using namespace workos;
using workos::organizations::AsyncOrganizationsConnection;
using workos::organizations::AsyncOrganizationsService;
using workos::organizations::CreateOrganizationParams;
using workos::organizations::ListOrganizationsParams;

ClientOptions options_for(const test::LoopbackServer& server) {
  ClientOptions o;
  o.api_key = test::kTestApiKey;
  o.base_url = server.base_url();
  return o;
}

/// Three pages of organizations behind `after` cursors.
void serve_three_pages(test::LoopbackServer& server) {
  server.on("GET", "/organizations", [](const httplib::Request& req, httplib::Response& res) {
    const std::string after = req.has_param("after") ? req.get_param_value("after") : "";
    std::string body;
    if (after.empty()) {
      body = R"({"object":"list","data":[{"object":"organization","id":"org_1","name":"A"},)"
             R"({"object":"organization","id":"org_2","name":"B"}],)"
             R"("list_metadata":{"before":null,"after":"org_2"}})";
    } else if (after == "org_2") {
      body = R"({"object":"list","data":[{"object":"organization","id":"org_3","name":"C"}],)"
             R"("list_metadata":{"before":"org_3","after":"org_3"}})";
    } else {
      body = R"({"object":"list","data":[{"object":"organization","id":"org_4","name":"D"}],)"
             R"("list_metadata":{"before":"org_4","after":null}})";
    }
    res.set_content(body, "application/json");
  });
}

TEST(AsyncOrganizations, ListAutoPagesAcrossEveryPage) {
  test::LoopbackServer server;
  serve_three_pages(server);
  AsyncClient client(options_for(server));
  ListOrganizationsParams params;
  params.limit = 2;
  AsyncPage<Organization> first = client.organizations().list_organizations(params).get().value();
  EXPECT_EQ(first.data.size(), 2u);
  EXPECT_TRUE(first.has_more());
  std::vector<std::string> ids;
  Result<void> r = std::move(first)
                       .auto_paging(AsyncPagingOptions{true})
                       .for_each([&](const Organization& o) { ids.push_back(o.id); })
                       .get();
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(ids, (std::vector<std::string>{"org_1", "org_2", "org_3", "org_4"}));
  auto reqs = server.requests();
  ASSERT_EQ(reqs.size(), 3u);
  EXPECT_EQ(reqs[0].target, "/organizations?limit=2");
  EXPECT_EQ(reqs[1].target, "/organizations?after=org_2&limit=2");  // limit kept, cursor added
  EXPECT_EQ(reqs[2].target, "/organizations?after=org_3&limit=2");
}

TEST(AsyncOrganizations, ListKeepsTheResponseMetadata) {
  test::LoopbackServer server;
  serve_three_pages(server);
  workos::Client sync_client(options_for(server));
  AsyncClient client(sync_client);  // shares the sync client's configuration
  Result<AsyncPage<Organization>> page = client.organizations().list_organizations().get();
  ASSERT_TRUE(page);
  ASSERT_NE(page.response(), nullptr);
  EXPECT_EQ(page.response()->status, 200);
  EXPECT_NE(page.response()->body.find("org_1"), std::string::npos);
  // The same answer through the generated sync service decodes identically.
  Result<Page<Organization>> sync_page = sync_client.organizations().list_organizations({});
  ASSERT_TRUE(sync_page);
  ASSERT_EQ(sync_page->data.size(), page->data.size());
  EXPECT_EQ(sync_page->data[1].name, page->data[1].name);
}

TEST(AsyncOrganizations, GetEncodesThePathSegment) {
  test::LoopbackServer server;
  server.set_default([](const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"object":"organization","id":"org_/x","name":"Slash"})",
                    "application/json");
  });
  AsyncClient client(options_for(server));
  Result<Organization> r = client.organizations().get_organization("org_/x").get();
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->name, "Slash");
  EXPECT_EQ(server.requests().at(0).target, "/organizations/org_%2Fx");
}

TEST(AsyncOrganizations, CreatePostsTheJsonBodyWithAnIdempotencyKey) {
  test::LoopbackServer server;
  server.on("POST", "/organizations", [](const httplib::Request& req, httplib::Response& res) {
    res.status = 201;
    res.set_content(R"({"object":"organization","id":"org_new","name":"Acme","external_id":"e1"})",
                    "application/json");
    (void)req;
  });
  AsyncClient client(options_for(server));
  CreateOrganizationParams p;
  p.name = "Acme";
  p.external_id = std::string("e1");
  Result<Organization> r = client.organizations().create_organization(p).get();
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->id, "org_new");
  EXPECT_EQ(r->external_id, std::optional<std::string>("e1"));
  auto req = server.requests().at(0);
  EXPECT_EQ(req.body, R"({"name":"Acme","external_id":"e1"})");
  EXPECT_EQ(req.header("Content-Type"), "application/json");
  EXPECT_EQ(req.header("Idempotency-Key").size(), 36u);
}

TEST(AsyncOrganizations, ApiErrorsArriveAsTypedResults) {
  test::LoopbackServer server;
  server.set_default([](const httplib::Request&, httplib::Response& res) {
    res.status = 404;
    res.set_header("X-Request-ID", "req_nf");
    res.set_content(R"({"message":"Not found","code":"entity_not_found"})", "application/json");
  });
  AsyncClient client(options_for(server));
  Result<Organization> r = client.organizations().get_organization("org_missing").get();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().status(), 404);
  EXPECT_EQ(r.error().request_id(), "req_nf");
  EXPECT_THROW(r.value(), NotFoundError);
}

/// A user's fake of the seam: no HTTP at all, yet auto-paging works through the service.
struct FakeConnection : AsyncOrganizationsConnection {
  std::atomic<int> calls{0};
  Future<Page<Organization>> list_organizations(const ListOrganizationsParams& params,
                                                const RequestOptions&) override {
    ++calls;
    Page<Organization> page;
    Organization o;
    if (!params.after) {
      o.id = "org_a";
      page.list_metadata.after = "org_a";
    } else {
      o.id = "org_b";
    }
    page.data.push_back(o);
    return make_ready_future(Result<Page<Organization>>(std::move(page)));
  }
};

TEST(AsyncOrganizations, AMockedConnectionDrivesAutoPaging) {
  auto fake = std::make_shared<FakeConnection>();
  AsyncOrganizationsService service(fake);
  std::vector<Organization> all =
      service.list_organizations().get().value().auto_paging().collect().get().value();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, "org_a");
  EXPECT_EQ(all[1].id, "org_b");
  EXPECT_EQ(fake->calls, 2);
  // Operations the fake does not override fail with a clear error.
  Result<Organization> r = service.get_organization("org_x").get();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kConfiguration);
}

// What a user of the SDK writes against the async client: every organization's id, all pages.
Future<std::vector<Organization>> all_organizations(const workos::AsyncClient& client) {
  return client.organizations().list_organizations().then(
      [](Result<AsyncPage<Organization>> page) -> Future<std::vector<Organization>> {
        if (!page) return make_ready_future(Result<std::vector<Organization>>(page.error()));
        return std::move(*page).auto_paging().collect();
      });
}

TEST(AsyncOrganizations, AnAsyncClientRunsAUserFunctionOnAFakeConnection) {
  auto fake = std::make_shared<FakeConnection>();
  workos::AsyncClientConnections connections;
  connections.organizations = fake;
  ClientOptions options;
  options.api_key = "sk_test_async_connections";
  workos::AsyncClient client(options, {}, connections);
  std::vector<Organization> all = all_organizations(client).get().value();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, "org_a");
  EXPECT_EQ(all[1].id, "org_b");
  EXPECT_EQ(fake->calls, 2);
}

/// A fake of the async user_management seam: every grant of the helper client arrives here.
struct FakeUsers : workos::user_management::AsyncUserManagementConnection {
  std::atomic<int> calls{0};
  std::string grant_client_id;
  Future<AuthenticateResponse> create_authenticate(
      const workos::user_management::CreateAuthenticateParams& params,
      const RequestOptions&) override {
    ++calls;
    if (const auto* password = std::get_if<AuthenticateRequestPassword>(&params.body.value)) {
      grant_client_id = password->client_id;
    }
    AuthenticateResponse answer;
    answer.access_token = "at_fake";
    return make_ready_future(Result<AuthenticateResponse>(std::move(answer)));
  }
};

TEST(AsyncOrganizations, AnAsyncHelperClientSendsItsGrantsThroughItsConnection) {
  auto users = std::make_shared<FakeUsers>();
  workos::AsyncClientConnections connections;
  connections.user_management = users;
  ClientOptions options;
  options.api_key = "sk_test_async_connections";
  options.client_id = "client_async_connections";
  workos::AsyncClient client(options, {}, connections);
  workos::user_management::AuthenticateWithPasswordParams password;
  password.email = "ada@example.com";
  password.password = "pw";
  Result<AuthenticateResponse> r =
      client.user_management().authenticate_with_password(password).get();
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->access_token, "at_fake");
  EXPECT_EQ(users->calls, 1);
  // The helper still fills the credentials in from the client's configuration.
  EXPECT_EQ(users->grant_client_id, "client_async_connections");
}

TEST(AsyncOrganizations, APerCallApiKeyIsSentInsteadOfTheClients) {
  test::LoopbackServer server;
  serve_three_pages(server);
  AsyncClient client(options_for(server));
  RequestOptions other;
  other.api_key = "sk_test_other_environment";
  ASSERT_TRUE(client.organizations().list_organizations({}, other).get());
  ASSERT_TRUE(client.organizations().list_organizations({}).get());
  const auto reqs = server.requests();
  ASSERT_EQ(reqs.size(), 2u);
  const auto header = [](const test::RecordedRequest& r) {
    auto it = r.headers.find("Authorization");
    return it == r.headers.end() ? std::string() : it->second;
  };
  EXPECT_EQ(header(reqs[0]), "Bearer sk_test_other_environment");
  EXPECT_EQ(header(reqs[1]), std::string("Bearer ") + test::kTestApiKey);
}

}  // namespace async_organizations_test
