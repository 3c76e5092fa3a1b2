// Copyright workos-cpp authors. Handwritten.
// Path segment and query encoding, and redaction of secrets.

#include <gtest/gtest.h>

#include "core/call.h"
#include "core/redact.h"

namespace core_encoding_test {

using namespace workos::detail;

TEST(CorePathEncoding, HostileSegmentsStayInTheirSegment) {
  EXPECT_EQ(encode_path_segment("org_123"), "org_123");
  EXPECT_EQ(encode_path_segment("a/../b?x#"), "a%2F..%2Fb%3Fx%23");
  EXPECT_EQ(encode_path_segment(".."), "%2E%2E");
  EXPECT_EQ(encode_path_segment("."), "%2E");
  EXPECT_EQ(encode_path_segment("..."), "...");
  EXPECT_EQ(encode_path_segment("a b+c%d&e=f;g"), "a%20b%2Bc%25d%26e%3Df%3Bg");
  EXPECT_EQ(encode_path_segment(std::string("nul\0x", 5)), "nul%00x");
  EXPECT_EQ(encode_path_segment("é"), "%C3%A9");
  EXPECT_EQ(encode_path_segment("A-Z_a.z~0"), "A-Z_a.z~0");
  EXPECT_EQ(encode_path_segment("\r\nHost: evil"), "%0D%0AHost%3A%20evil");
  EXPECT_EQ(encode_path_segment(""), "");
}

TEST(CoreQueryEncoding, BuildsEncodedQuery) {
  QueryBuilder q;
  q.add("limit", std::int64_t{10});
  q.add("order", "desc");
  q.add("search", std::string("a&b=c d"));
  q.add("active", true);
  q.add("archived", false);
  q.add("ratio", 0.25);
  q.add("domains", std::vector<std::string>{"a.com", "b,c.com"});
  q.add("empty_list", std::vector<std::string>{});
  q.add("metadata", std::map<std::string, std::string>{{"tier", "gold"}, {"a b", "x&y"}});
  q.add("unset", std::optional<std::string>());
  q.add("set", std::optional<std::int64_t>(3));
  q.add_raw("pre=encoded%20value");
  EXPECT_EQ(q.str(),
            "limit=10&order=desc&search=a%26b%3Dc%20d&active=true&archived=false&ratio=0.25&"
            "domains=a.com,b%2Cc.com&metadata[a%20b]=x%26y&metadata[tier]=gold&set=3&"
            "pre=encoded%20value");
  EXPECT_EQ(encode_query_component("a+b c/é"), "a%2Bb%20c%2F%C3%A9");
}

TEST(CoreQueryEncoding, EmptyBuilder) {
  QueryBuilder q;
  EXPECT_TRUE(q.empty());
  q.add("x", std::optional<bool>());
  EXPECT_TRUE(q.empty());
}

constexpr const char* kKey = "sk_test_a1B2c3D4e5F6g7H8i9J0secretkey";

TEST(CoreRedaction, ApiKeyAndBearerTokens) {
  const std::string line = std::string("Authorization: Bearer ") + kKey + " and raw " + kKey;
  const std::string out = redact(line, kKey);
  EXPECT_EQ(out.find(kKey), std::string::npos);
  EXPECT_EQ(redact("authorization: bearer eyJhbGciOi.abc.def rest"),
            "authorization: bearer [REDACTED] rest");
  // A WorkOS-looking secret key is caught even when it is not the configured key.
  EXPECT_EQ(redact("key sk_live_ZZZZZZZZZZZZZZZZ end"), "key [REDACTED] end");
  EXPECT_EQ(redact("task_list is fine"), "task_list is fine");
}

TEST(CoreRedaction, JsonBodyFields) {
  const std::string body =
      R"({"client_secret":"cs_1","code":"01HCODE","password":"hunter2","refresh_token":"rt",)"
      R"("access_token":"at","email":"a@b.c","nested":{"new_password" : "p2"},"name":"ok"})";
  EXPECT_EQ(redact(body),
            R"({"client_secret":"[REDACTED]","code":"[REDACTED]","password":"[REDACTED]",)"
            R"("refresh_token":"[REDACTED]","access_token":"[REDACTED]","email":"a@b.c",)"
            R"("nested":{"new_password" : "[REDACTED]"},"name":"ok"})");
  EXPECT_EQ(redact(R"({"password":"with \"escaped\" quote","x":1})"),
            R"({"password":"[REDACTED]","x":1})");
}

TEST(CoreRedaction, ResponseBodiesKeepErrorCodes) {
  EXPECT_EQ(redact_response_body(R"({"code":"invalid_credentials","refresh_token":"rt"})"),
            R"({"code":"invalid_credentials","refresh_token":"[REDACTED]"})");
}

TEST(CoreRedaction, QueryParameters) {
  EXPECT_EQ(redact_url("https://x/callback?code=abc123&state=s1&client_secret=zz#frag"),
            "https://x/callback?code=[REDACTED]&state=s1&client_secret=[REDACTED]#frag");
  EXPECT_EQ(redact("GET /sso/token?password=pw&limit=5"),
            "GET /sso/token?password=[REDACTED]&limit=5");
}

TEST(CoreRedaction, HeaderValues) {
  EXPECT_EQ(redact_header_value("Authorization", std::string("Bearer ") + kKey, kKey),
            "Bearer [REDACTED]");
  EXPECT_EQ(redact_header_value("Cookie", "wos-session=abc; theme=dark"),
            "wos-session=[REDACTED]; theme=[REDACTED]");
  EXPECT_EQ(redact_header_value("Set-Cookie", "wos-session=abc; Path=/; HttpOnly"),
            "wos-session=[REDACTED]; Path=[REDACTED]; HttpOnly");
  EXPECT_EQ(redact_header_value("X-Request-ID", "req_1"), "req_1");
  const std::string formatted =
      format_headers({{"Authorization", std::string("Bearer ") + kKey}, {"Accept", "x"}}, kKey);
  EXPECT_EQ(formatted, "Authorization: Bearer [REDACTED]\nAccept: x");
}

TEST(CoreRedaction, SensitiveNames) {
  for (const char* n : {"code", "password", "client_secret", "refresh_token", "access_token",
                        "pending_authentication_token", "cookie_password", "Code", "api_key"}) {
    EXPECT_TRUE(is_sensitive_name(n)) << n;
  }
  for (const char* n : {"email", "limit", "after", "organization_id", "state", "codec"})
    EXPECT_FALSE(is_sensitive_name(n)) << n;
}

}  // namespace core_encoding_test
