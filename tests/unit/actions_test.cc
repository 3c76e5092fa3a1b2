// Copyright workos-cpp authors. Handwritten.
// AuthKit Actions: response signing (exact bytes) and request decoding.

#include <workos/signing/actions.h>
#include <workos/testing/sign_webhook.h>

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "signing/utf8.h"

namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using workos::actions::ActionType;
using workos::actions::Verdict;

constexpr std::int64_t kT = 1700000000000;
constexpr char kSecret[] = "whsec_test_secret";

std::chrono::system_clock::time_point at(std::int64_t ms) {
  return std::chrono::system_clock::time_point(milliseconds(ms));
}

TEST(Actions, SignsAnAllowVerdictExactly) {
  auto r = workos::actions::sign_response(ActionType::kAuthentication, Verdict::kAllow, "", kSecret,
                                          at(kT));
  ASSERT_TRUE(r) << r.error().message();
  EXPECT_EQ(r->object, "authentication_action_response");
  EXPECT_EQ(r->payload.timestamp, kT);
  EXPECT_EQ(r->payload.verdict, Verdict::kAllow);
  EXPECT_FALSE(r->payload.error_message.has_value());
  EXPECT_EQ(r->payload_json, R"({"timestamp":1700000000000,"verdict":"Allow"})");
  // HMAC-SHA256 of "1700000000000." + payload_json, computed with Python's hmac.
  EXPECT_EQ(r->signature, "d15b9ec58d5e6987f2bf44439f24e5b3ec6fe7401383c3926e23e89eb21786a5");
  EXPECT_EQ(
      r->to_json(),
      R"({"object":"authentication_action_response","payload":{"timestamp":1700000000000,)"
      R"("verdict":"Allow"},"signature":"d15b9ec58d5e6987f2bf44439f24e5b3ec6fe7401383c3926e23e89eb21786a5"})");
}

TEST(Actions, SignsADenyWithAnEscapedErrorMessage) {
  auto r = workos::actions::sign_response(ActionType::kUserRegistration, Verdict::kDeny,
                                          "Nope \"quoted\" \xC3\xA9\n\x01", kSecret, at(kT));
  ASSERT_TRUE(r) << r.error().message();
  EXPECT_EQ(r->object, "user_registration_action_response");
  EXPECT_EQ(r->payload_json,
            "{\"timestamp\":1700000000000,\"verdict\":\"Deny\",\"error_message\":"
            "\"Nope \\\"quoted\\\" \xC3\xA9\\n\\u0001\"}");
  EXPECT_EQ(r->signature, "b78d9e991ebe8e27a2272d9cb0009ef2c87f726826f23b8f1b87e8ed10ba72f2");
  ASSERT_TRUE(r->payload.error_message.has_value());
}

TEST(Actions, ErrorMessageIsDroppedForAllowAndWhenEmpty) {
  auto allow = workos::actions::sign_response(ActionType::kAuthentication, Verdict::kAllow,
                                              "ignored", kSecret, at(kT));
  ASSERT_TRUE(allow);
  EXPECT_EQ(allow->payload_json, R"({"timestamp":1700000000000,"verdict":"Allow"})");
  auto deny = workos::actions::sign_response(ActionType::kAuthentication, Verdict::kDeny, "",
                                             kSecret, at(kT));
  ASSERT_TRUE(deny);
  EXPECT_EQ(deny->payload_json, R"({"timestamp":1700000000000,"verdict":"Deny"})");
}

TEST(Actions, SignatureVerifiesAsAWorkOSSignatureOverThePayloadJson) {
  auto r = workos::actions::sign_response(ActionType::kAuthentication, Verdict::kDeny, "no",
                                          kSecret, at(kT));
  ASSERT_TRUE(r);
  const std::string h = "t=" + std::to_string(kT) + ", v1=" + r->signature;
  EXPECT_TRUE(workos::actions::verify_header(r->payload_json, h, kSecret, seconds(30), at(kT)));
}

TEST(Actions, DefaultTimestampIsNow) {
  const auto before = std::chrono::system_clock::now();
  auto r =
      workos::actions::sign_response(ActionType::kAuthentication, Verdict::kAllow, "", kSecret);
  const auto after = std::chrono::system_clock::now();
  ASSERT_TRUE(r);
  EXPECT_GE(r->payload.timestamp, workos::signing::to_unix_ms(before));
  EXPECT_LE(r->payload.timestamp, workos::signing::to_unix_ms(after));
}

TEST(Actions, SignResponseRefusesAnEmptySecret) {
  for (Verdict verdict : {Verdict::kAllow, Verdict::kDeny}) {
    auto r =
        workos::actions::sign_response(ActionType::kAuthentication, verdict, "denied", "", at(kT));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind(), workos::ErrorKind::kInvalidArgument);
    EXPECT_NE(r.error().message().find("secret is empty"), std::string::npos);
  }
  auto now = workos::actions::sign_response(ActionType::kUserRegistration, Verdict::kAllow, "", "");
  ASSERT_FALSE(now);
  EXPECT_EQ(now.error().kind(), workos::ErrorKind::kInvalidArgument);
}

TEST(Actions, InvalidUtf8InTheMessageIsReplaced) {
  EXPECT_EQ(workos::detail::sig::sanitize_utf8("ok\xC3\xA9"), "ok\xC3\xA9");
  EXPECT_EQ(workos::detail::sig::sanitize_utf8("a\xFF"
                                               "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(workos::detail::sig::sanitize_utf8("\xC3"), "\xEF\xBF\xBD");  // truncated
  EXPECT_EQ(workos::detail::sig::sanitize_utf8("\xED\xA0\x80"),           // surrogate
            "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(workos::detail::sig::sanitize_utf8("\xF0\x9F\x98\x80"), "\xF0\x9F\x98\x80");  // emoji
  EXPECT_EQ(workos::detail::sig::sanitize_utf8("\xC0\xAF"),
            "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong
}

constexpr char kAuthContext[] = R"({
  "id": "01JATCMZJY26PQ59XT9BNT0FNN",
  "object": "authentication_action_context",
  "user": {"object": "user", "id": "user_01", "email": "jane@example.com",
           "first_name": "Jane", "last_name": "Doe", "email_verified": true,
           "created_at": "2024-10-22T17:12:50.746Z", "updated_at": "2024-10-22T17:12:50.746Z"},
  "organization": {"object": "organization", "id": "org_01", "name": "Acme"},
  "organization_membership": null,
  "ip_address": "50.141.123.10",
  "user_agent": "Mozilla/5.0",
  "device_fingerprint": "notafingerprint",
  "issuer": "test",
  "authentication_method": "Password",
  "new_field_from_the_future": [1, 2, 3]
})";

constexpr char kRegistrationContext[] = R"({
  "id": "01JATCMZJY26PQ59XT9BNT0FNN",
  "object": "user_registration_action_context",
  "user_data": {"object": "user_data", "email": "jane@example.com", "name": null,
                "first_name": "Jane", "last_name": "Doe"},
  "invitation": {"object": "invitation", "id": "invitation_01"},
  "ip_address": "50.141.123.10"
})";

TEST(Actions, ConstructActionDecodesAnAuthenticationContext) {
  const std::string h = workos::testing::sign_webhook_ms(kAuthContext, kSecret, kT);
  auto a = workos::actions::construct_action(kAuthContext, h, kSecret, seconds(30), at(kT));
  ASSERT_TRUE(a) << a.error().message();
  EXPECT_EQ(a->id, "01JATCMZJY26PQ59XT9BNT0FNN");
  EXPECT_EQ(a->type(), ActionType::kAuthentication);
  EXPECT_NE(a->user.text().find("\"email\":\"jane@example.com\""), std::string::npos);
  EXPECT_EQ(a->organization.text(), R"({"object":"organization","id":"org_01","name":"Acme"})");
  EXPECT_TRUE(a->organization_membership.empty());
  EXPECT_EQ(a->issuer, "test");
  EXPECT_EQ(a->authentication_method, "Password");
  EXPECT_EQ(a->ip_address, "50.141.123.10");
  EXPECT_EQ(a->user_agent, "Mozilla/5.0");
  EXPECT_EQ(a->device_fingerprint, "notafingerprint");
  EXPECT_FALSE(a->user_data.has_value());
  EXPECT_EQ(a->raw.text(), kAuthContext);
}

TEST(Actions, ConstructActionDecodesAUserRegistrationContext) {
  const std::string h = workos::testing::sign_webhook_ms(kRegistrationContext, kSecret, kT);
  auto a = workos::actions::construct_action(kRegistrationContext, h, kSecret, seconds(30),
                                             at(kT + 29000));
  ASSERT_TRUE(a) << a.error().message();
  EXPECT_EQ(a->type(), ActionType::kUserRegistration);
  ASSERT_TRUE(a->user_data.has_value());
  EXPECT_EQ(a->user_data->object, "user_data");
  EXPECT_EQ(a->user_data->email, "jane@example.com");
  EXPECT_FALSE(a->user_data->name.has_value());
  EXPECT_EQ(a->user_data->first_name, "Jane");
  EXPECT_EQ(a->user_data->last_name, "Doe");
  EXPECT_EQ(a->invitation.text(), R"({"object":"invitation","id":"invitation_01"})");
  EXPECT_TRUE(a->user.empty());
}

TEST(Actions, ConstructActionRejectsBeforeDecoding) {
  const std::string h = workos::testing::sign_webhook_ms(kAuthContext, kSecret, kT);
  auto stale =
      workos::actions::construct_action(kAuthContext, h, kSecret, seconds(30), at(kT + 31000));
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().kind(), workos::ErrorKind::kCrypto);
  EXPECT_EQ(workos::signing::failure_of(stale.error()),
            workos::signing::SignatureFailure::kTimestampTooOld);
  auto wrong = workos::actions::construct_action(kAuthContext, h, "other", seconds(30), at(kT));
  EXPECT_EQ(workos::signing::failure_of(wrong.error()),
            workos::signing::SignatureFailure::kSignatureMismatch);
}

TEST(Actions, AVerifiedBodyThatIsNotJsonIsADecodeError) {
  for (const std::string& body :
       {std::string("not json"), std::string("[1,2]"), std::string(R"({"id": 5})")}) {
    const std::string h = workos::testing::sign_webhook_ms(body, kSecret, kT);
    auto a = workos::actions::construct_action(body, h, kSecret, seconds(30), at(kT));
    ASSERT_FALSE(a) << body;
    EXPECT_EQ(a.error().kind(), workos::ErrorKind::kDecode) << body;
  }
}

TEST(Actions, UnknownContextObjectHasNoType) {
  const std::string body = R"({"id":"x","object":"brand_new_action_context"})";
  const std::string h = workos::testing::sign_webhook_ms(body, kSecret, kT);
  auto a = workos::actions::construct_action(body, h, kSecret, seconds(30), at(kT));
  ASSERT_TRUE(a);
  EXPECT_FALSE(a->type().has_value());
  EXPECT_EQ(a->object, "brand_new_action_context");
}

}  // namespace
