// Copyright workos-cpp authors. Handwritten.
// Missing required fields: a result says which ones its answer lacked
// (ResponseInfo::decode_warnings), and ClientOptions::strict_decoding turns them into errors,
// for the sync and the async client alike.

#include <workos/async_client.h>
#include <workos/client.h>
#include <workos/organizations/async_service.h>
#include <workos/organizations/service.h>
#include <workos/testing/fake_transport.h>

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace {

constexpr char kComplete[] = R"({"object":"organization","id":"org_1","name":"Acme",
  "allow_profiles_outside_organization":false,"domains":[],"metadata":{},"external_id":null,
  "created_at":"2026-01-15T12:00:00.000Z","updated_at":"2026-01-15T12:00:00.000Z"})";
// `name` missing, `created_at` null.
constexpr char kDrifted[] = R"({"object":"organization","id":"org_1",
  "allow_profiles_outside_organization":false,"domains":[],"metadata":{},"external_id":null,
  "created_at":null,"updated_at":"2026-01-15T12:00:00.000Z"})";

struct StrictDecoding : ::testing::Test {
  std::shared_ptr<workos::testing::FakeTransport> fake =
      std::make_shared<workos::testing::FakeTransport>();

  workos::ClientOptions options(bool strict) {
    workos::ClientOptions o;
    o.api_key = "sk_test_strict";
    o.base_url = "https://api.workos.test";
    o.transport = fake;
    o.max_retries = 0;
    o.strict_decoding = strict;
    return o;
  }
};

bool mentions(const std::vector<std::string>& warnings, const std::string& text) {
  for (const auto& w : warnings)
    if (w.find(text) != std::string::npos) return true;
  return false;
}

TEST_F(StrictDecoding, ACompleteAnswerHasNoWarnings) {
  workos::Client client(options(/*strict=*/true));
  fake->enqueue_json(200, kComplete);
  auto org = client.organizations().get_organization("org_1");
  ASSERT_TRUE(org) << org.error().to_string();
  ASSERT_NE(org.response(), nullptr);
  EXPECT_TRUE(org.response()->decode_warnings.empty());
}

TEST_F(StrictDecoding, ByDefaultTheResultSaysWhatWasMissing) {
  workos::Client client(options(/*strict=*/false));
  fake->enqueue_json(200, kDrifted, {{"X-Request-ID", "req_drift"}});
  auto org = client.organizations().get_organization("org_1");
  ASSERT_TRUE(org) << org.error().to_string();
  EXPECT_EQ(org->name, "");  // the default kept
  const auto& warnings = org.response()->decode_warnings;
  EXPECT_EQ(warnings.size(), 2u);
  EXPECT_TRUE(mentions(warnings, "name: required field missing"));
  EXPECT_TRUE(mentions(warnings, "created_at: required field is null"));
  EXPECT_EQ(org.response()->request_id(), "req_drift");
}

TEST_F(StrictDecoding, StrictModeMakesThemADecodeError) {
  workos::Client client(options(/*strict=*/true));
  fake->enqueue_json(200, kDrifted, {{"X-Request-ID", "req_strict"}});
  auto org = client.organizations().get_organization("org_1");
  ASSERT_FALSE(org);
  EXPECT_EQ(org.error().kind(), workos::ErrorKind::kDecode);
  EXPECT_EQ(org.error().code(), "missing_required_field");
  EXPECT_NE(org.error().message().find("and 1 more"), std::string::npos) << org.error().message();
  EXPECT_EQ(org.error().request_id(), "req_strict");
  EXPECT_EQ(org.error().status(), 200);
}

TEST_F(StrictDecoding, TheAsyncClientDecodesTheSameWay) {
  workos::AsyncClient lenient(options(/*strict=*/false));
  fake->enqueue_json(200, kDrifted);
  auto org = lenient.organizations().get_organization("org_1").get();
  ASSERT_TRUE(org) << org.error().to_string();
  EXPECT_EQ(org.response()->decode_warnings.size(), 2u);

  workos::AsyncClient strict(options(/*strict=*/true));
  fake->enqueue_json(200, kDrifted);
  auto failed = strict.organizations().get_organization("org_1").get();
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code(), "missing_required_field");
}

}  // namespace
