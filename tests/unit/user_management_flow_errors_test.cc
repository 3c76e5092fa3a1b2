// Copyright workos-cpp authors. Handwritten.
// Typed models of what authentication-flow errors carry: the user, the MFA factors and the
// organizations to pick from, decoded from the answer through the fake transport.

#include <workos/client.h>
#include <workos/testing/fake_transport.h>
#include <workos/user_management/flow_errors.h>
#include <workos/user_management/user_management_client.h>

#include <gtest/gtest.h>

#include <memory>

namespace {

namespace um = workos::user_management;

struct FlowErrors : ::testing::Test {
  std::shared_ptr<workos::testing::FakeTransport> fake =
      std::make_shared<workos::testing::FakeTransport>();
  workos::Client client = [this] {
    workos::ClientOptions o;
    o.api_key = "sk_test_flow_errors";
    o.client_id = "client_flow";
    o.base_url = "https://api.workos.test";
    o.transport = fake;
    o.max_retries = 0;
    return workos::Client(o);
  }();

  workos::Error sign_in_answering(const char* body) {
    fake->enqueue_json(403, body);
    um::AuthenticateWithPasswordParams params;
    params.email = "ada@example.com";
    params.password = "pw";
    auto r = client.user_management().authenticate_with_password(params);
    EXPECT_FALSE(r);
    return r.error();
  }
};

TEST_F(FlowErrors, MfaChallengeCarriesTypedFactorsAndTheUser) {
  workos::Error e = sign_in_answering(R"({"code":"mfa_challenge","message":"MFA required",
    "pending_authentication_token":"pat_mfa",
    "user":{"object":"user","id":"user_1","email":"ada@example.com","email_verified":true},
    "authentication_factors":[{"object":"authentication_factor","id":"auth_factor_1",
      "type":"totp","user_id":"user_1","created_at":"2026-01-15T12:00:00.000Z",
      "updated_at":"2026-01-15T12:00:00.000Z"}]})");
  ASSERT_EQ(e.auth_flow(), workos::AuthFlowKind::kMfaChallenge);
  auto factors = um::flow_authentication_factors(e);
  ASSERT_TRUE(factors) << factors.error().to_string();
  ASSERT_EQ(factors->size(), 1u);
  EXPECT_EQ((*factors)[0].id, "auth_factor_1");
  EXPECT_EQ((*factors)[0].type.wire(), "totp");
  EXPECT_EQ((*factors)[0].user_id.value_or(""), "user_1");
  auto user = um::flow_user(e);
  ASSERT_TRUE(user) << user.error().to_string();
  EXPECT_EQ(user->email, "ada@example.com");
  // The raw JSON stays on the error.
  EXPECT_NE(e.info().authentication_factors_json.find("auth_factor_1"), std::string::npos);
}

TEST_F(FlowErrors, OrganizationSelectionCarriesTheChoices) {
  workos::Error e = sign_in_answering(R"({"code":"organization_selection_required",
    "message":"pick","pending_authentication_token":"pat_org",
    "organizations":[{"id":"org_1","name":"Acme"},{"id":"org_2","name":"Globex"}]})");
  auto orgs = um::flow_organizations(e);
  ASSERT_TRUE(orgs) << orgs.error().to_string();
  ASSERT_EQ(orgs->size(), 2u);
  EXPECT_EQ((*orgs)[1].id, "org_2");
  EXPECT_EQ((*orgs)[1].name, "Globex");
  EXPECT_EQ(e.info().pending_authentication_token, "pat_org");
}

TEST_F(FlowErrors, MissingOrMalformedPartsAreDecodeErrors) {
  workos::Error ev = sign_in_answering(R"({"code":"email_verification_required",
    "message":"verify","pending_authentication_token":"pat_ev","email":"ada@example.com",
    "email_verification_id":"email_verification_1"})");
  auto none = um::flow_organizations(ev);
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().kind(), workos::ErrorKind::kDecode);
  EXPECT_FALSE(um::flow_user(ev));

  workos::Error bad = sign_in_answering(R"({"code":"organization_selection_required",
    "message":"pick","pending_authentication_token":"p","organizations":[{"name":"no id"}]})");
  auto orgs = um::flow_organizations(bad);
  ASSERT_FALSE(orgs);
  EXPECT_EQ(orgs.error().kind(), workos::ErrorKind::kDecode);

  workos::Error wrong = sign_in_answering(R"({"code":"mfa_challenge","message":"m",
    "pending_authentication_token":"p","authentication_factors":[{"id":7}]})");
  auto factors = um::flow_authentication_factors(wrong);
  ASSERT_FALSE(factors);
  EXPECT_EQ(factors.error().kind(), workos::ErrorKind::kDecode);
}

}  // namespace
