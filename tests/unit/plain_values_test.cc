// Copyright workos-cpp authors. Handwritten.
// Request parameters that take plain values where the wire takes plain values (a role slug, a
// password, a resource id), and lists that come back as the one page type, checked on the
// requests and answers through the fake transport.

#include <workos/authorization/service.h>
#include <workos/client.h>
#include <workos/organization_membership/service.h>
#include <workos/testing/fake_transport.h>
#include <workos/user_management/user_management_client.h>

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace {

struct PlainValues : ::testing::Test {
  std::shared_ptr<workos::testing::FakeTransport> fake =
      std::make_shared<workos::testing::FakeTransport>();
  workos::Client client = [this] {
    workos::ClientOptions o;
    o.api_key = "sk_test_plain_values";
    o.base_url = "https://api.workos.test";
    o.transport = fake;
    o.max_retries = 0;
    return workos::Client(o);
  }();

  std::string last_body() { return fake->request(fake->request_count() - 1).body; }
};

TEST_F(PlainValues, AMembershipTakesARoleSlug) {
  workos::organization_membership::CreateOrganizationMembershipParams p;
  p.user_id = "user_1";
  p.organization_id = "org_1";
  p.set_role_slug("admin");
  fake->enqueue_json(201, "{}");
  (void)client.organization_membership().create_organization_membership(p);
  ASSERT_EQ(fake->request_count(), 1u);
  EXPECT_NE(last_body().find(R"("role_slug":"admin")"), std::string::npos) << last_body();
  EXPECT_EQ(last_body().find("role_slugs"), std::string::npos) << last_body();
  // The other variant replaces it: never both on the wire.
  p.set_role_slugs({"admin", "billing"});
  fake->enqueue_json(201, "{}");
  (void)client.organization_membership().create_organization_membership(p);
  EXPECT_NE(last_body().find(R"("role_slugs":["admin","billing"])"), std::string::npos)
      << last_body();
  EXPECT_EQ(last_body().find(R"("role_slug":)"), std::string::npos) << last_body();
}

TEST_F(PlainValues, AUserTakesAPassword) {
  workos::user_management::CreateUserParams p;
  p.email = "ada@example.com";
  p.set_password("correct horse battery staple");
  fake->enqueue_json(201, "{}");
  (void)client.user_management().create_user(p);
  ASSERT_EQ(fake->request_count(), 1u);
  EXPECT_NE(last_body().find(R"("password":"correct horse battery staple")"), std::string::npos);
  EXPECT_EQ(last_body().find("password_hash"), std::string::npos);
}

TEST_F(PlainValues, EnvironmentRolesComeBackAsAPage) {
  fake->enqueue_json(200, R"({"object":"list","data":[
    {"object":"role","id":"role_1","slug":"admin","name":"Admin","type":"EnvironmentRole",
     "resource_type_slug":"organization","permissions":["read"],
     "created_at":"2026-01-15T12:00:00.000Z","updated_at":"2026-01-15T12:00:00.000Z"},
    {"object":"role","id":"role_2","slug":"member","name":"Member","type":"EnvironmentRole",
     "resource_type_slug":"organization","permissions":[],
     "created_at":"2026-01-15T12:00:00.000Z","updated_at":"2026-01-15T12:00:00.000Z"}]})");
  workos::Result<workos::Page<workos::Role>> roles =
      client.authorization().list_environment_roles();
  ASSERT_TRUE(roles) << roles.error().to_string();
  ASSERT_EQ(roles->data.size(), 2u);
  EXPECT_EQ(roles->data[1].slug, "member");
  EXPECT_FALSE(roles->has_more());
  int seen = 0;
  for (const workos::Role& role : roles->auto_paging()) {
    EXPECT_FALSE(role.id.empty());
    ++seen;
  }
  EXPECT_EQ(seen, 2);
  EXPECT_EQ(fake->request_count(), 1u);  // one list, no further page requested
}

}  // namespace
