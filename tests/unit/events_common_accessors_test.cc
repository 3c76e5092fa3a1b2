// Copyright workos-cpp authors. Handwritten.
// The Event union's common accessors: id(), type(), created_at() and data_json() answer for
// every alternative, known or unknown to this SDK version.

#include <workos/events/models.h>
#include <workos/json.h>

#include <gtest/gtest.h>

#include <string>

namespace {

constexpr char kUserCreated[] = R"({
  "object": "event", "id": "event_01HZUSER", "event": "user.created",
  "data": {"object": "user", "id": "user_01E4", "email": "marcelina@example.com",
           "email_verified": true, "created_at": "2021-06-25T19:07:33.155Z",
           "updated_at": "2021-06-25T19:07:33.155Z"},
  "created_at": "2021-06-25T19:07:34.000Z"
})";

constexpr char kFromTheFuture[] = R"({
  "object": "event", "id": "event_01HZNEW", "event": "robot.arrived",
  "data": {"robot": {"name": "R2"}, "count": 2},
  "created_at": "2031-01-01T00:00:00.000Z"
})";

TEST(EventsCommonAccessors, AKnownEventAnswersWithoutAVisit) {
  auto event = workos::from_json<workos::Event>(kUserCreated);
  ASSERT_TRUE(event) << event.error().to_string();
  EXPECT_FALSE(event->is_unknown());
  EXPECT_EQ(event->id(), "event_01HZUSER");
  EXPECT_EQ(event->type(), "user.created");
  EXPECT_EQ(event->created_at().text(), "2021-06-25T19:07:34.000Z");
  // The payload as JSON text decodes back into the alternative's model.
  auto user = workos::from_json<workos::User>(event->data_json());
  ASSERT_TRUE(user) << event->data_json();
  EXPECT_EQ(user->email, "marcelina@example.com");
  EXPECT_TRUE(user->email_verified);
}

TEST(EventsCommonAccessors, AnUnknownEventKeepsItsCommonFieldsAndItsPayload) {
  auto event = workos::from_json<workos::Event>(kFromTheFuture);
  ASSERT_TRUE(event) << event.error().to_string();
  ASSERT_TRUE(event->is_unknown());
  EXPECT_EQ(event->id(), "event_01HZNEW");
  EXPECT_EQ(event->type(), "robot.arrived");
  EXPECT_EQ(event->created_at().text(), "2031-01-01T00:00:00.000Z");
  EXPECT_EQ(event->data_json(), R"({"robot":{"name":"R2"},"count":2})");
  // Encoding still writes the whole object back as received.
  EXPECT_NE(workos::to_json(*event).find("\"robot.arrived\""), std::string::npos);
}

TEST(EventsCommonAccessors, AnUnknownEventWithoutCommonFieldsAnswersEmpty) {
  auto event = workos::from_json<workos::Event>(R"({"event": "robot.left"})");
  ASSERT_TRUE(event) << event.error().to_string();
  ASSERT_TRUE(event->is_unknown());
  EXPECT_EQ(event->id(), "");
  EXPECT_TRUE(event->created_at().empty());
  EXPECT_EQ(event->data_json(), "{}");
}

}  // namespace
