// Copyright workos-cpp authors. Handwritten.
// The delivery helpers on client.webhooks() (and the async client's): sign a body, verify it,
// decode it into the Event union; the REST operations stay beside them. The Actions helpers on
// client.actions(): verify and decode an Actions request, sign the verdict.

#include <workos/actions/actions_client.h>
#include <workos/async_client.h>
#include <workos/client.h>
#include <workos/events/models.h>
#include <workos/signing/signature.h>
#include <workos/testing/fake_transport.h>
#include <workos/testing/sign_webhook.h>
#include <workos/webhooks/async_webhooks_client.h>
#include <workos/webhooks/webhooks_client.h>

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>

namespace {

constexpr char kSecret[] = "whsec_client_helpers";
constexpr char kBody[] =
    R"({"object":"event","id":"event_01HZ","event":"organization.created",)"
    R"("data":{"object":"organization","id":"org_01","name":"Acme","domains":[],)"
    R"("created_at":"2026-01-15T12:00:00.000Z","updated_at":"2026-01-15T12:00:00.000Z"},)"
    R"("created_at":"2026-01-15T12:00:01.000Z"})";

workos::ClientOptions options() {
  workos::ClientOptions o;
  o.api_key = "sk_test_webhooks";
  o.base_url = "https://api.workos.test";
  o.transport = std::make_shared<workos::testing::FakeTransport>();
  return o;
}

TEST(WebhooksClientHelpers, SignThenConstructEventRoundTrips) {
  workos::Client client(options());
  const auto& webhooks = client.webhooks();
  const auto at = std::chrono::system_clock::now();
  const std::string header = webhooks.sign(kBody, kSecret, at);
  // The header is the one the testing helper (and WorkOS) produce.
  EXPECT_EQ(header, workos::testing::sign_webhook(kBody, kSecret, at));
  EXPECT_TRUE(webhooks.verify_header(kBody, header, kSecret));

  auto event = webhooks.construct_event(kBody, header, kSecret);
  ASSERT_TRUE(event) << event.error().to_string();
  EXPECT_EQ(event->type(), "organization.created");
  EXPECT_EQ(event->id(), "event_01HZ");
  ASSERT_NE(event->as_organization_created(), nullptr);
  EXPECT_EQ(event->as_organization_created()->data.name, "Acme");
}

TEST(WebhooksClientHelpers, ATamperedBodyOrAWrongSecretFails) {
  workos::Client client(options());
  const auto& webhooks = client.webhooks();
  const std::string header = webhooks.sign(kBody, kSecret);
  std::string tampered = kBody;
  tampered.replace(tampered.find("Acme"), 4, "Evil");
  auto bad_body = webhooks.construct_event(tampered, header, kSecret);
  ASSERT_FALSE(bad_body);
  EXPECT_EQ(bad_body.error().kind(), workos::ErrorKind::kCrypto);
  EXPECT_FALSE(webhooks.verify_header(kBody, header, "whsec_other"));
  // compute_signature is the v1 part of the header.
  const std::int64_t t = 1767225600000;
  EXPECT_EQ(webhooks.sign(kBody, kSecret,
                          std::chrono::system_clock::time_point(std::chrono::milliseconds(t))),
            "t=" + std::to_string(t) + ", v1=" + webhooks.compute_signature(t, kBody, kSecret));
}

TEST(WebhooksClientHelpers, TheAsyncClientCarriesTheSameHelpers) {
  workos::AsyncClient client(options());
  const auto& webhooks = client.webhooks();
  const std::string header = webhooks.sign(kBody, kSecret);
  auto event = webhooks.construct_event(kBody, header, kSecret);
  ASSERT_TRUE(event) << event.error().to_string();
  EXPECT_EQ(event->created_at().text(), "2026-01-15T12:00:01.000Z");
}

constexpr char kActionBody[] =
    R"({"id":"01HZACTION","object":"authentication_action_context",)"
    R"("user":{"object":"user","id":"user_01","email":"a@example.com"},"ip_address":"10.0.0.1"})";

TEST(ActionsClientHelpers, VerifyTheRequestAndSignTheVerdict) {
  workos::Client client(options());
  const auto& actions = client.actions();
  const std::string header = client.webhooks().sign(kActionBody, kSecret);
  auto action = actions.construct_action(kActionBody, header, kSecret);
  ASSERT_TRUE(action) << action.error().to_string();
  EXPECT_EQ(action->id, "01HZACTION");
  EXPECT_EQ(action->type(), workos::actions::ActionType::kAuthentication);
  EXPECT_EQ(action->ip_address.value_or(""), "10.0.0.1");
  EXPECT_FALSE(actions.construct_action(kActionBody, header, "whsec_other"));

  auto response = actions.sign_response(workos::actions::ActionType::kAuthentication,
                                        workos::actions::Verdict::kDeny, "Closed", kSecret);
  ASSERT_TRUE(response) << response.error().to_string();
  EXPECT_EQ(response->object, "authentication_action_response");
  const std::string signed_part =
      "t=" + std::to_string(response->payload.timestamp) + ", v1=" + response->signature;
  EXPECT_TRUE(actions.verify_header(response->payload_json, signed_part, kSecret));
  EXPECT_FALSE(actions.sign_response(workos::actions::ActionType::kAuthentication,
                                     workos::actions::Verdict::kAllow, "", ""));
}

TEST(ActionsClientHelpers, TheAsyncClientHasTheSameOne) {
  workos::Client client(options());
  workos::AsyncClient async_client(client);
  const std::string header = client.webhooks().sign(kActionBody, kSecret);
  auto action = async_client.actions().construct_action(kActionBody, header, kSecret);
  ASSERT_TRUE(action) << action.error().to_string();
  EXPECT_EQ(action->id, "01HZACTION");
}

}  // namespace
