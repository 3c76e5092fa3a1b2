// Copyright workos-cpp authors. Handwritten.
// webhooks::construct_event: verification, then the generated Event union (known and unknown
// event types).

#include <workos/events/models.h>
#include <workos/signing/webhooks.h>
#include <workos/testing/sign_webhook.h>

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

constexpr std::int64_t kT = 1700000000000;
constexpr char kSecret[] = "whsec_events";

std::chrono::system_clock::time_point at(std::int64_t ms) {
  return std::chrono::system_clock::time_point(milliseconds(ms));
}

constexpr char kUserCreated[] = R"({
  "object": "event",
  "id": "event_01HZUSER",
  "event": "user.created",
  "data": {
    "object": "user", "id": "user_01E4ZCR3C56J083X43JQXF3JK5", "email": "marcelina@example.com",
    "first_name": "Marcelina", "last_name": "Davis", "email_verified": true,
    "profile_picture_url": null, "last_sign_in_at": null, "external_id": null,
    "metadata": {}, "created_at": "2021-06-25T19:07:33.155Z", "updated_at": "2021-06-25T19:07:33.155Z"
  },
  "created_at": "2021-06-25T19:07:33.155Z",
  "context": {}
})";

TEST(WebhooksConstructEvent, DecodesAKnownEventTypeIntoItsAlternative) {
  const std::string h = workos::testing::sign_webhook_ms(kUserCreated, kSecret, kT);
  auto event = workos::webhooks::construct_event(kUserCreated, h, kSecret, seconds(180), at(kT));
  ASSERT_TRUE(event) << event.error().message();
  EXPECT_EQ(event->tag(), "user.created");
  EXPECT_FALSE(event->is_unknown());
  const workos::EventUserCreated* e = event->as_user_created();
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->id, "event_01HZUSER");
  EXPECT_EQ(e->data.id, "user_01E4ZCR3C56J083X43JQXF3JK5");
  EXPECT_EQ(e->data.email, "marcelina@example.com");
  EXPECT_EQ(e->created_at.text(), "2021-06-25T19:07:33.155Z");
  EXPECT_EQ(event->as_user_deleted(), nullptr);
}

TEST(WebhooksConstructEvent, KeepsAnUnknownEventTypeWithItsRawJson) {
  const std::string body =
      R"({"object":"event","id":"event_02","event":"brand_new.thing_happened",)"
      R"("data":{"x":[1,2,{"y":null}]},"created_at":"2026-01-15T12:00:00.000Z"})";
  const std::string h = workos::testing::sign_webhook_ms(body, kSecret, kT);
  auto event = workos::webhooks::construct_event(body, h, kSecret, seconds(180), at(kT));
  ASSERT_TRUE(event) << event.error().message();
  EXPECT_TRUE(event->is_unknown());
  EXPECT_EQ(event->tag(), "brand_new.thing_happened");
  const workos::EventUnknown* u = event->as_unknown();
  ASSERT_NE(u, nullptr);
  EXPECT_EQ(u->tag, "brand_new.thing_happened");
  EXPECT_NE(u->raw.text().find(R"("data":{"x":[1,2,{"y":null}]})"), std::string::npos)
      << u->raw.text();
}

TEST(WebhooksConstructEvent, RefusesBeforeDecodingAndKeepsTheReason) {
  const std::string h = workos::testing::sign_webhook_ms(kUserCreated, kSecret, kT);
  std::string tampered = kUserCreated;
  tampered.replace(tampered.find("marcelina@"), 9, "attacker@");
  auto bad = workos::webhooks::construct_event(tampered, h, kSecret, seconds(180), at(kT));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind(), workos::ErrorKind::kCrypto);
  EXPECT_EQ(workos::signing::failure_of(bad.error()),
            workos::signing::SignatureFailure::kSignatureMismatch);
  auto stale =
      workos::webhooks::construct_event(kUserCreated, h, kSecret, seconds(180), at(kT + 181000));
  EXPECT_EQ(workos::signing::failure_of(stale.error()),
            workos::signing::SignatureFailure::kTimestampTooOld);
  auto malformed = workos::webhooks::construct_event(kUserCreated, "v1=abc", kSecret);
  EXPECT_EQ(workos::signing::failure_of(malformed.error()),
            workos::signing::SignatureFailure::kMalformedHeader);
}

TEST(WebhooksConstructEvent, AVerifiedBodyThatIsNotAnEventIsADecodeError) {
  for (const std::string& body : {std::string("not json"), std::string("[]"),
                                  std::string(R"({"event":"user.created","data":"oops"})")}) {
    const std::string h = workos::testing::sign_webhook_ms(body, kSecret, kT);
    auto event = workos::webhooks::construct_event(body, h, kSecret, seconds(180), at(kT));
    ASSERT_FALSE(event) << body;
    EXPECT_EQ(event.error().kind(), workos::ErrorKind::kDecode) << body;
  }
}

TEST(WebhooksConstructEvent, DefaultOverloadUsesNow) {
  const std::string h = workos::testing::sign_webhook(kUserCreated, kSecret);
  EXPECT_TRUE(workos::webhooks::construct_event(kUserCreated, h, kSecret));
}

}  // namespace
