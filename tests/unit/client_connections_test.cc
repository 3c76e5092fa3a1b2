// Copyright workos-cpp authors. Handwritten.
// A workos::Client built from gMock connections: code that takes a `workos::Client&` is tested
// without a network, each service built on first use on its connection.

#include <workos/client.h>
#include <workos/directory_sync/service.h>
#include <workos/mocks/organizations_mock.h>
#include <workos/mocks/user_management_mock.h>
#include <workos/organizations/service.h>
#include <workos/testing/fake_transport.h>
#include <workos/user_management/user_management_client.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <variant>
#include <vector>

namespace {

using ::testing::_;
using ::testing::Return;

workos::Organization organization(std::string id, std::string name) {
  workos::Organization org;
  org.id = std::move(id);
  org.name = std::move(name);
  return org;
}

// What a user of the SDK writes: every organization's name, all pages, and one user's email.
workos::Result<std::vector<std::string>> organization_names(const workos::Client& client) {
  auto page = client.organizations().list_organizations();
  if (!page) return page.error();
  std::vector<std::string> names;
  for (const auto& org : page->auto_paging()) names.push_back(org.name);
  return names;
}

workos::ClientOptions test_options() {
  workos::ClientOptions options;
  options.api_key = "sk_test_connections";
  options.client_id = "client_connections";
  options.max_retries = 0;
  return options;
}

TEST(ClientConnections, AUserFunctionTakingAClientRunsOnMockedConnections) {
  auto orgs = std::make_shared<workos::mocks::MockOrganizationsConnection>();
  workos::Page<workos::Organization> first;
  first.data = {organization("org_1", "Acme"), organization("org_2", "Globex")};
  first.list_metadata.after = "org_2";
  workos::Page<workos::Organization> second;
  second.data = {organization("org_3", "Initech")};
  EXPECT_CALL(*orgs, list_organizations(_, _))
      .WillOnce(Return(workos::Result<workos::Page<workos::Organization>>(first)))
      .WillOnce([second](const workos::organizations::ListOrganizationsParams& params,
                         const workos::RequestOptions&) {
        EXPECT_EQ(params.after.value_or(""), "org_2");
        return workos::Result<workos::Page<workos::Organization>>(second);
      });

  workos::ClientConnections connections;
  connections.organizations = orgs;
  workos::Client client(test_options(), connections);
  auto names = organization_names(client);
  ASSERT_TRUE(names) << names.error().to_string();
  EXPECT_EQ(*names, (std::vector<std::string>{"Acme", "Globex", "Initech"}));
}

TEST(ClientConnections, AMockedErrorReachesTheUserFunction) {
  auto orgs = std::make_shared<workos::mocks::MockOrganizationsConnection>();
  EXPECT_CALL(*orgs, list_organizations(_, _))
      .WillOnce(Return(workos::Result<workos::Page<workos::Organization>>(
          workos::Error(workos::ErrorKind::kTimeout, "slow down"))));
  workos::ClientConnections connections;
  connections.organizations = orgs;
  auto client = workos::Client::create(test_options(), connections);
  ASSERT_TRUE(client);
  auto names = organization_names(*client);
  ASSERT_FALSE(names);
  EXPECT_EQ(names.error().kind(), workos::ErrorKind::kTimeout);
  EXPECT_EQ(names.error().message(), "slow down");
}

TEST(ClientConnections, AHandwrittenClientCallsThroughItsConnection) {
  auto users = std::make_shared<workos::mocks::MockUserManagementConnection>();
  workos::User user;
  user.id = "user_1";
  user.email = "ada@example.com";
  EXPECT_CALL(*users, get_user(std::string_view("user_1"), _))
      .WillOnce(Return(workos::Result<workos::User>(user)));
  workos::ClientConnections connections;
  connections.user_management = users;
  workos::Client client(test_options(), connections);
  auto got = client.user_management().get_user("user_1");
  ASSERT_TRUE(got) << got.error().to_string();
  EXPECT_EQ(got->email, "ada@example.com");
}

TEST(ClientConnections, APublicClientsGrantGoesThroughTheConnection) {
  auto users = std::make_shared<workos::mocks::MockUserManagementConnection>();
  workos::AuthenticateResponse answer;
  answer.access_token = "at_public";
  EXPECT_CALL(*users, create_authenticate(_, _))
      .WillOnce([answer](const workos::user_management::CreateAuthenticateParams& params,
                         const workos::RequestOptions&) {
        const auto* code =
            std::get_if<workos::AuthenticateRequestAuthorizationCode>(&params.body.value);
        EXPECT_NE(code, nullptr);
        if (code) {
          EXPECT_EQ(code->client_id, "client_connections");
          EXPECT_FALSE(code->client_secret.has_value());  // a public client has no secret
          EXPECT_EQ(code->code_verifier.value_or(""), "verifier_1");
        }
        return workos::Result<workos::AuthenticateResponse>(answer);
      });
  workos::ClientOptions options = test_options();
  options.api_key.clear();
  options.public_client = true;
  workos::ClientConnections connections;
  connections.user_management = users;
  workos::Client client(options, connections);
  workos::user_management::AuthenticateWithCodePkceParams pkce;
  pkce.code = "code_1";
  pkce.code_verifier = "verifier_1";
  auto got = client.user_management().authenticate_with_code_pkce(pkce);
  ASSERT_TRUE(got) << got.error().to_string();
  EXPECT_EQ(got->access_token, "at_public");
}

TEST(ClientConnections, ServicesWithoutAConnectionCallOverTheTransport) {
  auto orgs = std::make_shared<workos::mocks::MockOrganizationsConnection>();
  EXPECT_CALL(*orgs, get_organization(_, _)).Times(0);
  auto fake = std::make_shared<workos::testing::FakeTransport>();
  fake->enqueue_json(200, R"({"object":"directory","id":"directory_1","name":"Dir",)"
                          R"("organization_id":"org_1","type":"okta scim v2.0",)"
                          R"("state":"active","domain":"example.com",)"
                          R"("created_at":"2026-01-01T00:00:00.000Z",)"
                          R"("updated_at":"2026-01-01T00:00:00.000Z"})");
  workos::ClientOptions options = test_options();
  options.transport = fake;
  workos::ClientConnections connections;
  connections.organizations = orgs;
  workos::Client client(options, connections);
  auto dir = client.directory_sync().get_directory("directory_1");
  ASSERT_EQ(fake->requests().size(), 1u);
  EXPECT_NE(fake->requests()[0].url.find("/directories/directory_1"), std::string::npos);
  ASSERT_TRUE(dir) << dir.error().to_string();
  EXPECT_EQ(dir->id, "directory_1");
}

TEST(ClientConnections, EachServiceIsBuiltOnceAndSharedByCopies) {
  workos::Client client(test_options());
  const auto* first = &client.organizations();
  std::vector<const workos::organizations::OrganizationsService*> seen(8, nullptr);
  std::vector<std::thread> threads;
  workos::Client copy = client;
  for (std::size_t i = 0; i < seen.size(); ++i) {
    threads.emplace_back([&, i] { seen[i] = &copy.organizations(); });
  }
  for (auto& t : threads) t.join();
  for (const auto* s : seen) EXPECT_EQ(s, first);
  EXPECT_EQ(&client.mfa(), &client.multi_factor_auth());
}

}  // namespace
