// Copyright workos-cpp authors. Handwritten.
// Inputs the fuzzers (tests/fuzz) found to misbehave, kept as unit tests so the ASan + UBSan run
// and the plain build both check them. The same inputs sit in tests/fuzz/corpus/.

#include <gtest/gtest.h>

#include <workos/events/models.h>
#include <workos/signing/webhooks.h>

#include <chrono>
#include <string>
#include <string_view>

#include "auth/jwt.h"
#include "core/error_mapping.h"
#include "core/json.h"
#include "core/redact.h"
#include "events/models_json.h"

namespace fuzz_findings_test {

namespace detail = workos::detail;
using std::chrono::seconds;
using std::chrono::system_clock;

// An empty std::string_view carries a null pointer; it used to reach memcpy inside simdjson
// (undefined behaviour, reported by UBSan) instead of failing as "not JSON".
TEST(FuzzFindings, EmptyJsonViewIsADecodeErrorNotANullCopy) {
  detail::json::Value root;
  auto parsed = detail::json::parse(std::string_view(), "Event", root);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().kind(), workos::ErrorKind::kDecode);

  // The same through construct_event: a correctly signed, empty webhook body.
  const system_clock::time_point now{seconds(1767225600)};
  const std::int64_t t = workos::signing::to_unix_ms(now);
  const std::string header =
      "t=" + std::to_string(t) + ", v1=" + workos::webhooks::compute_signature(t, {}, "whsec_1");
  auto event = workos::webhooks::construct_event(std::string_view(), header, "whsec_1",
                                                 workos::webhooks::kDefaultTolerance, now);
  ASSERT_FALSE(event);
  EXPECT_EQ(event.error().kind(), workos::ErrorKind::kDecode);
}

// A year past 2262 overflowed system_clock's 64-bit nanosecond count (signed overflow, UB).
TEST(FuzzFindings, HttpDateBeyondTheClockRangeIsRejected) {
  const system_clock::time_point now{seconds(1767225600)};
  EXPECT_FALSE(detail::parse_http_date("Wed, 21 Oct 4030 07:28:00 GMT"));
  EXPECT_FALSE(detail::parse_http_date("Sat, 01 Jan 0000 00:00:00 GMT"));
  EXPECT_FALSE(detail::parse_retry_after("Wed, 21 Oct 4030 07:28:00 GMT", now));
  EXPECT_FALSE(detail::parse_retry_after("Fri Oct 21 07:28:00 9999", now));
  // Plausible dates still parse.
  EXPECT_EQ(detail::parse_retry_after("Thu, 01 Jan 2026 00:02:00 GMT", now), seconds(120));
  EXPECT_EQ(detail::parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now), seconds(0));
}

// A numeric date past 2262 overflowed the conversion to system_clock's nanoseconds (a double
// out of range of std::int64_t, UB); such a claim is now malformed.
TEST(FuzzFindings, JwtDateBeyondTheClockRangeIsMalformed) {
  namespace jwt = workos::auth::detail;
  // base64url of {"exp":17259022590} and of {"exp":1767225900}.
  workos::auth::AccessTokenClaims claims;
  bool has_exp = false;
  EXPECT_EQ(jwt::decode_claims("eyJleHAiOjE3MjU5MDIyNTkwfQ", claims, has_exp),
            workos::auth::TokenFailure::kMalformed);
  EXPECT_EQ(jwt::decode_claims("eyJleHAiOjE3NjcyMjU5MDB9", claims, has_exp),
            workos::auth::TokenFailure::kNone);
  EXPECT_TRUE(has_exp);
  EXPECT_EQ(claims.exp, system_clock::time_point(seconds(1767225900)));
}

// A tagged union whose tag key is repeated used to pick its alternative from the first tag
// while its fields (the tag included) came from the last: the decoded event disagreed with its
// own tag and re-encoded as another event type. Both now come from the last occurrence.
TEST(FuzzFindings, ARepeatedEventTagChoosesTheAlternativeOfTheFieldsItDecodes) {
  const std::string json =
      R"({"object":"event","id":"event_01","event":"dsync.group.deleted","data":)"
      R"({"object":"organization","id":"org_01","name":"Acme"},)"
      R"("created_at":"2026-01-15T12:00:00.000Z","event":"organization.created"})";
  workos::Event event;
  ASSERT_TRUE(detail::json::decode_document(json, "Event", event));
  const std::string once = detail::json::encode_document(event);
  EXPECT_NE(once.find("\"organization.created\""), std::string::npos) << once;
  EXPECT_EQ(once.find("dsync.group.deleted"), std::string::npos) << once;
  workos::Event again;
  ASSERT_TRUE(detail::json::decode_document(once, "Event", again));
  EXPECT_EQ(detail::json::encode_document(again), once);
}

// A key longer than 64 characters was never sensitive, and a query value could swallow the
// backslash that escaped a JSON quote; either way a second redaction found more to redact. Now
// a long key ending in `password` is sensitive and query values stop at a backslash. The first
// input sits in tests/fuzz/corpus/text_readers/.
TEST(FuzzFindings, RedactingTwiceChangesNothing) {
  const std::string long_key = std::string(70, 'x') + "_password";
  const std::string body = "{\"" + long_key + "\":\"hunter2\"}";
  EXPECT_TRUE(detail::is_sensitive_name(long_key));
  EXPECT_EQ(detail::redact(body), "{\"" + long_key + "\":\"[REDACTED]\"}");
  const std::string found = std::string("2P4\"code\":\"est_abD\":c\"} token=a") +
                            std::string(95, '_') + std::string(";\0\0\0_Bearel0password\":\"", 23) +
                            "\xe8"
                            "2POSun4\x9bT\x8d\xcd\xce";
  const std::string once = detail::redact(found);
  EXPECT_EQ(detail::redact(once), once);
  const std::string escaped = R"({"u":"a?token=ab\","password":"s"})";
  const std::string escaped_once = detail::redact(escaped);
  EXPECT_EQ(detail::redact(escaped_once), escaped_once) << escaped_once;
}

}  // namespace fuzz_findings_test
