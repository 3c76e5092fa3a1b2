// Copyright workos-cpp authors. Handwritten.
// Device authorization (RFC 8628): start and the poll loop (interval, slow_down,
// authorization_pending, expired_token, access_denied, cancellation), with an injected clock.

#include <workos/testing/fake_transport.h>
#include <workos/user_management/user_management_client.h>

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/core_access.h"
#include "support/auth_test_client.h"
#include "support/core_test_helpers.h"

namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using workos::test::auth::TestClient;
using workos::testing::FakeTransport;

const char* kTokens = R"({"user":{"object":"user","id":"user_1","email":"ada@example.com",
  "email_verified":true,"created_at":"2024-01-01T00:00:00.000Z",
  "updated_at":"2024-01-01T00:00:00.000Z"},"access_token":"at","refresh_token":"rt"})";

class AuthDevice : public ::testing::Test {
 protected:
  std::shared_ptr<FakeTransport> fake = std::make_shared<FakeTransport>();
  workos::test::FakeClock clock;
  workos::ClientOptions options(bool public_client = true) {
    workos::ClientOptions o;
    if (!public_client) o.api_key = "sk_test_device";
    o.public_client = public_client;
    o.client_id = "client_cli";
    o.transport = fake;
    o.clock = clock.clock();
    o.max_retries = 0;
    return o;
  }
  static workos::DeviceAuthorizationResponse device(double expires_in = 300, double interval = 5) {
    workos::DeviceAuthorizationResponse d;
    d.device_code = "dc_1";
    d.user_code = "BCDF-GHJK";
    d.verification_uri = "https://auth.example.com/device";
    d.expires_in = expires_in;
    d.interval = interval;
    return d;
  }
  void enqueue_oauth_error(const char* error) {
    fake->enqueue_json(
        400, std::string(R"({"error":")") + error + R"(","error_description":"...")" + "}");
  }
};

TEST_F(AuthDevice, StartSendsTheClientIdWithoutAuthorization) {
  fake->enqueue_json(200, R"({"device_code":"dc_1","user_code":"BCDF-GHJK",
    "verification_uri":"https://auth.example.com/device",
    "verification_uri_complete":"https://auth.example.com/device?user_code=BCDF-GHJK",
    "expires_in":300,"interval":5})");
  TestClient client(options());
  const auto& users = client.user_management();
  auto d = users.start_device_authorization();
  ASSERT_TRUE(d) << d.error().message();
  EXPECT_EQ(d->user_code, "BCDF-GHJK");
  EXPECT_EQ(d->interval.value(), 5);
  auto req = fake->last_request();
  EXPECT_EQ(req.url, "https://api.workos.com/user_management/authorize/device");
  EXPECT_EQ(req.body, R"({"client_id":"client_cli"})");
  EXPECT_EQ(workos::testing::header_value(req.headers, "authorization"), "");
}

TEST_F(AuthDevice, PollHonoursIntervalPendingAndSlowDown) {
  enqueue_oauth_error("authorization_pending");
  enqueue_oauth_error("slow_down");
  enqueue_oauth_error("authorization_pending");
  fake->enqueue_json(200, kTokens);
  TestClient client(options());
  const auto& users = client.user_management();
  std::vector<workos::auth::DevicePollStatus> events;
  workos::auth::DevicePollOptions o;
  o.on_poll = [&](workos::auth::DevicePollStatus s, seconds) { events.push_back(s); };
  auto r = users.poll_device_authorization(device(), o);
  ASSERT_TRUE(r) << r.error().message();
  EXPECT_EQ(r->access_token, "at");
  EXPECT_EQ(fake->request_count(), 4u);
  EXPECT_EQ(clock.recorded_sleeps(),
            (std::vector<milliseconds>{seconds(5), seconds(5), seconds(10), seconds(10)}));
  EXPECT_EQ(events, (std::vector<workos::auth::DevicePollStatus>{
                        workos::auth::DevicePollStatus::kAuthorizationPending,
                        workos::auth::DevicePollStatus::kSlowDown,
                        workos::auth::DevicePollStatus::kAuthorizationPending}));
  EXPECT_NE(fake->last_request().body.find("urn:ietf:params:oauth:grant-type:device_code"),
            std::string::npos);
  EXPECT_NE(fake->last_request().body.find("\"device_code\":\"dc_1\""), std::string::npos);
  EXPECT_EQ(fake->last_request().body.find("client_secret"), std::string::npos);
}

TEST_F(AuthDevice, AccessDeniedAndExpiredTokenEndThePoll) {
  TestClient client(options());
  const auto& users = client.user_management();
  enqueue_oauth_error("authorization_pending");
  enqueue_oauth_error("access_denied");
  auto denied = users.poll_device_authorization(device());
  ASSERT_FALSE(denied);
  EXPECT_EQ(denied.error().error(), "access_denied");
  EXPECT_EQ(fake->request_count(), 2u);
  enqueue_oauth_error("expired_token");
  auto expired = users.poll_device_authorization(device());
  ASSERT_FALSE(expired);
  EXPECT_EQ(expired.error().error(), "expired_token");
  EXPECT_EQ(expired.error().status(), 400);
}

TEST_F(AuthDevice, StopsLocallyWhenTheCodeExpires) {
  TestClient client(options());
  const auto& users = client.user_management();
  enqueue_oauth_error("authorization_pending");
  enqueue_oauth_error("authorization_pending");
  auto r = users.poll_device_authorization(device(/*expires_in=*/12, /*interval=*/5));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), workos::ErrorKind::kTimeout);
  EXPECT_EQ(fake->request_count(), 2u);  // at 5 s and 10 s; 15 s is past the 12 s lifetime
}

TEST_F(AuthDevice, CancellationStopsThePoll) {
  TestClient client(options());
  const auto& users = client.user_management();
  enqueue_oauth_error("authorization_pending");
  enqueue_oauth_error("authorization_pending");
  auto token = std::make_shared<workos::CancellationToken>();
  workos::auth::DevicePollOptions o;
  o.cancellation = token;
  o.on_poll = [&](workos::auth::DevicePollStatus, seconds) { token->cancel(); };
  auto r = users.poll_device_authorization(device(), o);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), workos::ErrorKind::kCancelled);
  EXPECT_EQ(fake->request_count(), 1u);
}

TEST_F(AuthDevice, DefaultIntervalIsFiveSeconds) {
  TestClient client(options());
  const auto& users = client.user_management();
  fake->enqueue_json(200, kTokens);
  auto d = device();
  d.interval.reset();
  ASSERT_TRUE(users.poll_device_authorization(d));
  EXPECT_EQ(clock.recorded_sleeps(), std::vector<milliseconds>{seconds(5)});
}

TEST_F(AuthDevice, WithoutExpiryOrTimeoutThePollFailsAtOnceAndSendsNothing) {
  TestClient client(options());
  const auto& users = client.user_management();
  fake->enqueue_json(200, kTokens);
  // expires_in absent (0 in the model), negative or not a number, and no caller timeout: the
  // poll could never end.
  for (double expires_in : {0.0, -1.0, std::nan("")}) {
    auto r = users.poll_device_authorization(device(expires_in, /*interval=*/5));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind(), workos::ErrorKind::kInvalidArgument);
    EXPECT_NE(r.error().message().find("expires_in"), std::string::npos) << r.error().message();
  }
  // A caller timeout that is not positive bounds nothing either.
  for (seconds timeout : {seconds(0), seconds(-3)}) {
    workos::auth::DevicePollOptions o;
    o.timeout = timeout;
    auto r = users.poll_device_authorization(device(), o);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind(), workos::ErrorKind::kInvalidArgument);
  }
  EXPECT_EQ(fake->request_count(), 0u);
  EXPECT_TRUE(clock.recorded_sleeps().empty());
}

TEST_F(AuthDevice, ACallerTimeoutBoundsAPollWithoutExpiry) {
  TestClient client(options());
  const auto& users = client.user_management();
  enqueue_oauth_error("authorization_pending");
  enqueue_oauth_error("authorization_pending");
  enqueue_oauth_error("authorization_pending");
  workos::auth::DevicePollOptions o;
  o.timeout = seconds(11);
  auto r = users.poll_device_authorization(device(/*expires_in=*/0, /*interval=*/5), o);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), workos::ErrorKind::kTimeout);
  EXPECT_EQ(fake->request_count(), 2u);  // at 5 s and 10 s; 15 s is past the 11 s timeout
}

TEST_F(AuthDevice, AZeroOrNegativeIntervalMeansTheFiveSecondDefault) {
  TestClient client(options());
  const auto& users = client.user_management();
  // From the server: 0, negative, not a number.
  for (double interval : {0.0, -2.0, std::nan("")}) {
    fake->enqueue_json(200, kTokens);
    ASSERT_TRUE(users.poll_device_authorization(device(300, interval)));
  }
  // From the caller: 0 and negative fall back to the server's interval (0 here, so 5 s).
  for (seconds interval : {seconds(0), seconds(-1)}) {
    workos::auth::DevicePollOptions o;
    o.interval = interval;
    fake->enqueue_json(200, kTokens);
    ASSERT_TRUE(users.poll_device_authorization(device(300, 0), o));
  }
  EXPECT_EQ(clock.recorded_sleeps(), std::vector<milliseconds>(5, seconds(5)));
}

TEST_F(AuthDevice, NeverPollsFasterThanOncePerSecond) {
  TestClient client(options());
  const auto& users = client.user_management();
  enqueue_oauth_error("authorization_pending");
  fake->enqueue_json(200, kTokens);
  // A fractional server interval is rounded up to whole seconds, never down to 0.
  ASSERT_TRUE(users.poll_device_authorization(device(300, /*interval=*/0.2)));
  EXPECT_EQ(clock.recorded_sleeps(), (std::vector<milliseconds>{seconds(1), seconds(1)}));
}

}  // namespace
