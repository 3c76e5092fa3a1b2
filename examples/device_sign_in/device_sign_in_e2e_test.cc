// Copyright workos-cpp authors. Handwritten.
// End-to-end: the device sign-in example against an in-process fake of the WorkOS endpoints it
// uses: device authorization, the device-code grant (pending twice, then the tokens; or denied)
// and the JWKS that verifies the RS256 access token it issues.

#include "device_sign_in.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <vector>

#include "core/json.h"
#include "support/auth_test_keys.h"
#include "support/http_test_helpers.h"
#include "support/loopback_server.h"

namespace {

using workos::test::json_string;

using workos::test::auth::TestClaims;
using workos::test::auth::TestRsaKey;

const std::string kClientId = "client_device_e2e";

class FakeWorkOS {
 public:
  FakeWorkOS() {
    server.on("POST", "/user_management/authorize/device", [](const auto& req, auto& res) {
      if (req.get_param_value("client_id") != kClientId &&
          json_string(req.body, "client_id") != kClientId) {
        res.status = 400;
        return;
      }
      res.set_content(
          R"({"device_code":"dc_e2e","user_code":"BDWD-HQPK",)"
          R"("verification_uri":"https://auth.example.com/device",)"
          R"("verification_uri_complete":"https://auth.example.com/device?code=BDWD-HQPK",)"
          R"("expires_in":300,"interval":5})",
          "application/json");
    });
    server.on("POST", "/user_management/authenticate", [this](const auto& req, auto& res) {
      std::lock_guard<std::mutex> lock(mu);
      ++polls;
      if (json_string(req.body, "device_code") != "dc_e2e" ||
          !json_string(req.body, "client_secret").empty()) {
        res.status = 400;
        res.set_content(R"({"error":"invalid_request"})", "application/json");
        return;
      }
      if (polls <= 2) {
        res.status = 400;
        res.set_content(R"({"error":"authorization_pending"})", "application/json");
        return;
      }
      if (deny) {
        res.status = 400;
        res.set_content(R"({"error":"access_denied"})", "application/json");
        return;
      }
      TestClaims c;
      c.sub = "user_device";
      c.org_id = "org_device";
      res.set_content(
          R"({"user":{"object":"user","id":"user_device","email":"ada@example.com",)"
          R"("first_name":"Ada","last_name":"Lovelace","profile_picture_url":null,)"
          R"("email_verified":true,"external_id":null,"last_sign_in_at":null,)"
          R"("created_at":"2024-01-01T00:00:00.000Z","updated_at":"2024-01-01T00:00:00.000Z"},)"
          R"("organization_id":"org_device","access_token":")" +
              workos::test::auth::mint_access_token(*key, c) +
              R"(","refresh_token":"rt_device","authentication_method":"GoogleOAuth"})",
          "application/json");
    });
    server.on("GET", "/sso/jwks/" + kClientId, [this](const auto&, auto& res) {
      res.set_content(workos::test::auth::jwks_json({key}), "application/json");
    });
  }

  std::shared_ptr<const TestRsaKey> key = TestRsaKey::shared("device_e2e_key");
  workos::test::LoopbackServer server;
  std::mutex mu;
  int polls = 0;
  bool deny = false;
};

struct DeviceSignIn : ::testing::Test {
  FakeWorkOS fake;
  std::vector<std::chrono::milliseconds> waits;
  std::mutex mu;

  workos::Client client() {
    workos::ClientOptions o;
    o.public_client = true;  // no API key on a device
    o.client_id = kClientId;
    o.base_url = fake.server.base_url();
    o.clock.sleep = [this](std::chrono::milliseconds d) {  // the polling interval, not waited
      std::lock_guard<std::mutex> lock(mu);
      waits.push_back(d);
    };
    return workos::Client(o);
  }
};

TEST_F(DeviceSignIn, ShowsTheCodeWaitsForApprovalAndVerifiesTheToken) {
  std::string shown;
  auto who = device_sign_in::sign_in(client(), [&](const workos::DeviceAuthorizationResponse& d) {
    shown = d.user_code + " at " + d.verification_uri_complete.value_or("");
  });
  ASSERT_TRUE(who) << who.error().to_string();
  EXPECT_EQ(shown, "BDWD-HQPK at https://auth.example.com/device?code=BDWD-HQPK");
  EXPECT_EQ(who->user_id, "user_device");
  EXPECT_EQ(who->email, "ada@example.com");
  EXPECT_EQ(who->organization_id.value_or(""), "org_device");
  EXPECT_EQ(who->refresh_token, "rt_device");
  {
    std::lock_guard<std::mutex> lock(fake.mu);
    EXPECT_EQ(fake.polls, 3);
  }
  std::lock_guard<std::mutex> lock(mu);
  ASSERT_GE(waits.size(), 3u);
  EXPECT_EQ(waits.front(), std::chrono::milliseconds(5000));  // the server's interval
  // No API key ever left the device.
  for (const auto& r : fake.server.requests()) {
    EXPECT_EQ(r.headers.count("Authorization"), 0u) << r.target;
  }
}

TEST_F(DeviceSignIn, ADeniedRequestIsAnError) {
  {
    std::lock_guard<std::mutex> lock(fake.mu);
    fake.deny = true;
  }
  auto who = device_sign_in::sign_in(client(), [](const workos::DeviceAuthorizationResponse&) {});
  ASSERT_FALSE(who);
  EXPECT_EQ(who.error().error(), "access_denied");
}

}  // namespace
