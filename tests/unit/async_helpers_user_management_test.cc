// Copyright workos-cpp authors. Handwritten.
// AsyncUserManagementClient: the grant wrappers (grant types, client
// credentials, public clients, typed step-up errors), the fake async connection seam, the PKCE
// URL, device authorization start, and the device poll on event-loop timers (interval,
// slow_down, pending, access_denied, expiry, cancellation through the future and through a
// token, shutdown).

#include <workos/async_client.h>
#include <workos/testing/fake_transport.h>
#include <workos/user_management/async_user_management_client.h>
#include <workos/user_management/user_management_client.h>

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <functional>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/core_access.h"
#include "support/core_test_helpers.h"
#include "support/loopback_server.h"
#include "unit/async_helpers_support.h"

// Brace-initialised params (`{"code", "token"}`) leave the optional members empty on purpose.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace async_helpers_user_management_test {

using namespace workos;
using std::chrono::milliseconds;
using std::chrono::seconds;
using workos::testing::FakeTransport;
namespace um = workos::user_management;

// Both clients are the one template in its two forms: requests return `Result<T>` or
// `Future<T>` with the same parameters and defaults; local work returns the same type; the
// factories return the form's session and verifier.
template <class C>
const C& some();
static_assert(std::is_base_of_v<um::BasicUserManagementClient<SyncMode>, um::UserManagementClient>);
static_assert(
    std::is_base_of_v<um::BasicUserManagementClient<AsyncMode>, um::AsyncUserManagementClient>);
static_assert(std::is_base_of_v<um::AsyncUserManagementService, um::AsyncUserManagementClient>);
static_assert(std::is_same_v<decltype(some<um::UserManagementClient>().authenticate_with_password(
                                 std::declval<const um::AuthenticateWithPasswordParams&>())),
                             Result<AuthenticateResponse>>);
static_assert(
    std::is_same_v<decltype(some<um::AsyncUserManagementClient>().authenticate_with_password(
                       std::declval<const um::AuthenticateWithPasswordParams&>())),
                   Future<AuthenticateResponse>>);
static_assert(
    std::is_same_v<decltype(some<um::AsyncUserManagementClient>().start_device_authorization()),
                   Future<DeviceAuthorizationResponse>>);
static_assert(
    std::is_same_v<decltype(some<um::AsyncUserManagementClient>().poll_device_authorization(
                       std::declval<const DeviceAuthorizationResponse&>())),
                   Future<AuthenticateResponse>>);
static_assert(std::is_same_v<
              decltype(some<um::AsyncUserManagementClient>().get_authorization_url_with_pkce({})),
              Result<auth::AuthorizationUrlWithPkce>>);
static_assert(std::is_same_v<decltype(some<um::AsyncUserManagementClient>().load_sealed_session(
                                 std::string(), std::string())),
                             auth::AsyncSealedSession>);
static_assert(std::is_same_v<decltype(some<um::UserManagementClient>().load_sealed_session(
                                 std::string(), std::string())),
                             auth::SealedSession>);
static_assert(
    std::is_same_v<decltype(some<um::AsyncUserManagementClient>().access_token_verifier()),
                   auth::AsyncAccessTokenVerifier>);
static_assert(
    std::is_same_v<decltype(some<um::AsyncUserManagementClient>().get_jwks_url()), std::string>);

const char* kAuthResponse = R"({"user":{"object":"user","id":"user_1","email":"ada@example.com",
  "first_name":"Ada","last_name":null,"profile_picture_url":null,"email_verified":true,
  "external_id":null,"last_sign_in_at":null,"created_at":"2024-01-01T00:00:00.000Z",
  "updated_at":"2024-01-01T00:00:00.000Z"},"organization_id":"org_1",
  "access_token":"eyJhbGciOiJSUzI1NiJ9.e30.c2ln","refresh_token":"rt_new",
  "authentication_method":"Password"})";

struct AsyncHelpersUserManagement : ::testing::Test {
  std::shared_ptr<FakeTransport> fake = std::make_shared<FakeTransport>();
  async_helpers::LoopClock clock;

  ClientOptions options(bool public_client = false) {
    ClientOptions o;
    if (!public_client) o.api_key = "sk_test_secret_key";
    o.public_client = public_client;
    o.client_id = "client_123";
    o.transport = fake;
    o.clock = clock.clock();
    o.max_retries = 0;
    return o;
  }
  std::map<std::string, std::string> last_body() {
    return async_helpers::members(fake->last_request().body);
  }
  void enqueue_oauth_error(const char* error) {
    fake->enqueue_json(400,
                       std::string(R"({"error":")") + error + R"(","error_description":"..."})");
  }
  static DeviceAuthorizationResponse device(double expires_in = 300, double interval = 5) {
    DeviceAuthorizationResponse d;
    d.device_code = "dc_1";
    d.user_code = "BCDF-GHJK";
    d.verification_uri = "https://auth.example.com/device";
    d.expires_in = expires_in;
    d.interval = interval;
    return d;
  }
};

// ---- grants ------------------------------------------------------------------------------------

TEST_F(AsyncHelpersUserManagement, PasswordGrantSendsGrantTypeClientIdAndSecret) {
  fake->enqueue_json(200, kAuthResponse);
  AsyncClient client(options());
  const auto& users = client.user_management();
  um::AuthenticateWithPasswordParams p;
  p.email = "ada@example.com";
  p.password = "correct horse";
  p.ip_address = "203.0.113.7";
  Future<AuthenticateResponse> f = users.authenticate_with_password(p);
  Result<AuthenticateResponse> r = async_helpers::await(f);
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->user.email, "ada@example.com");
  EXPECT_EQ(r->refresh_token, "rt_new");
  const HttpRequest req = fake->last_request();
  EXPECT_EQ(req.method, "POST");
  EXPECT_EQ(req.url, "https://api.workos.com/user_management/authenticate");
  auto b = last_body();
  EXPECT_EQ(b["grant_type"], "password");
  EXPECT_EQ(b["client_id"], "client_123");
  EXPECT_EQ(b["client_secret"], "sk_test_secret_key");
  EXPECT_EQ(b["email"], "ada@example.com");
  EXPECT_EQ(b["password"], "correct horse");
  EXPECT_EQ(b["ip_address"], "203.0.113.7");
  EXPECT_EQ(workos::testing::header_value(req.headers, "authorization"),
            "Bearer sk_test_secret_key");
}

TEST_F(AsyncHelpersUserManagement, EveryGrantUsesTheSpecGrantTypeAndCredentials) {
  AsyncClient client(options());
  const auto& users = client.user_management();
  struct Case {
    std::string grant;
    std::function<Future<AuthenticateResponse>()> call;
    bool secret;
  };
  std::vector<Case> cases = {
      {"authorization_code", [&] { return users.authenticate_with_code({"code_1"}); }, true},
      {"authorization_code",
       [&] {
         um::AuthenticateWithCodePkceParams p;
         p.code = "code_1";
         p.code_verifier = "verifier";
         return users.authenticate_with_code_pkce(p);
       },
       false},
      {"refresh_token", [&] { return users.authenticate_with_refresh_token({"rt_1"}); }, true},
      {"urn:workos:oauth:grant-type:magic-auth:code",
       [&] {
         return users.authenticate_with_magic_auth({"123456", "ada@example.com"});
       },
       true},
      {"urn:workos:oauth:grant-type:email-verification:code",
       [&] {
         return users.authenticate_with_email_verification({"123456", "pat_1"});
       },
       true},
      {"urn:workos:oauth:grant-type:mfa-totp",
       [&] {
         return users.authenticate_with_totp({"123456", "pat_1", "auth_challenge_1"});
       },
       true},
      {"urn:workos:oauth:grant-type:organization-selection",
       [&] {
         return users.authenticate_with_organization_selection({"pat_1", "org_1"});
       },
       true},
      {"urn:ietf:params:oauth:grant-type:device_code",
       [&] { return users.authenticate_with_device_code({"dc_1"}); }, false},
      {"urn:workos:oauth:grant-type:radar-email-challenge:code",
       [&] {
         return users.authenticate_with_radar_email_challenge({"123456", "pat_1", "rc_1"});
       },
       true},
      {"urn:workos:oauth:grant-type:radar-sms-challenge:code",
       [&] {
         um::AuthenticateWithRadarSmsChallengeParams p;
         p.code = "123456";
         p.pending_authentication_token = "pat_1";
         p.phone_number = "+15555550100";
         return users.authenticate_with_radar_sms_challenge(p);
       },
       true},
  };
  for (const auto& c : cases) {
    fake->enqueue_json(200, kAuthResponse);
    Result<AuthenticateResponse> r = async_helpers::await(c.call());
    ASSERT_TRUE(r) << c.grant << ": " << r.error().to_string();
    auto b = last_body();
    EXPECT_EQ(b["grant_type"], c.grant);
    EXPECT_EQ(b["client_id"], "client_123") << c.grant;
    EXPECT_EQ(b.count("client_secret"), c.secret ? 1u : 0u) << c.grant;
    if (c.secret) {
      EXPECT_EQ(b["client_secret"], "sk_test_secret_key") << c.grant;
    }
  }
  EXPECT_EQ(fake->request_count(), cases.size());
}

TEST_F(AsyncHelpersUserManagement, PublicClientFailsSecretGrantsLocallyAndSendsNoAuthorization) {
  AsyncClient client(options(/*public_client=*/true));
  const auto& users = client.user_management();
  Result<AuthenticateResponse> denied =
      async_helpers::await(users.authenticate_with_password({"ada@example.com", "pw"}));
  ASSERT_FALSE(denied);
  EXPECT_EQ(denied.error().kind(), ErrorKind::kConfiguration);
  EXPECT_EQ(fake->request_count(), 0u);

  fake->enqueue_json(200, kAuthResponse);
  um::AuthenticateWithCodePkceParams p;
  p.code = "code_1";
  p.code_verifier = "verifier";
  Result<AuthenticateResponse> ok = async_helpers::await(users.authenticate_with_code_pkce(p));
  ASSERT_TRUE(ok) << ok.error().to_string();
  EXPECT_EQ(workos::testing::header_value(fake->last_request().headers, "authorization"), "");
  EXPECT_EQ(last_body().count("client_secret"), 0u);
}

TEST_F(AsyncHelpersUserManagement, StepUpAnswersKeepTheirTypedError) {
  fake->enqueue_json(403, R"({"code":"mfa_challenge","message":"MFA challenge required",
    "pending_authentication_token":"pat_mfa","authentication_factors":[]})");
  AsyncClient client(options());
  const auto& users = client.user_management();
  Result<AuthenticateResponse> r =
      async_helpers::await(users.authenticate_with_password({"ada@example.com", "pw"}));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().status(), 403);
  EXPECT_EQ(r.error().code(), "mfa_challenge");
  EXPECT_EQ(r.error().auth_flow(), AuthFlowKind::kMfaChallenge);
  EXPECT_EQ(r.error().info().pending_authentication_token, "pat_mfa");
}

// A fake async connection: the grants go through `create_authenticate` of the seam.
struct RecordingConnection : um::AsyncUserManagementConnection {
  std::vector<um::CreateAuthenticateParams> seen;
  Future<AuthenticateResponse> create_authenticate(const um::CreateAuthenticateParams& params,
                                                   const RequestOptions&) override {
    seen.push_back(params);
    AuthenticateResponse r;
    r.access_token = "at_fake";
    r.refresh_token = "rt_fake";
    return make_ready_future(Result<AuthenticateResponse>(std::move(r)));
  }
};

TEST_F(AsyncHelpersUserManagement, GrantsGoThroughAFakeAsyncConnection) {
  AsyncClient client(options());
  auto connection = std::make_shared<RecordingConnection>();
  auto users = detail::CoreAccess::make<um::AsyncUserManagementClient>(
      connection, detail::CoreAccess::async_core(client));
  Result<AuthenticateResponse> r =
      async_helpers::await(users.authenticate_with_refresh_token({"rt_1"}));
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->access_token, "at_fake");
  ASSERT_EQ(connection->seen.size(), 1u);
  ASSERT_TRUE(
      std::holds_alternative<AuthenticateRequestRefreshToken>(connection->seen[0].body.value));
  const auto& body = std::get<AuthenticateRequestRefreshToken>(connection->seen[0].body.value);
  EXPECT_EQ(body.refresh_token, "rt_1");
  EXPECT_EQ(body.client_id, "client_123");
  EXPECT_EQ(body.client_secret.value_or(""), "sk_test_secret_key");
  EXPECT_EQ(fake->request_count(), 0u);
}

TEST_F(AsyncHelpersUserManagement, AuthorizationUrlWithPkceIsLocal) {
  AsyncClient client(options());
  const auto& users = client.user_management();
  um::GetAuthorizationUrlParams p;
  p.provider = UserManagementGetAuthorizationUrlProvider::kAuthkit;
  p.redirect_uri = "https://app.example.com/callback";
  Result<auth::AuthorizationUrlWithPkce> r = users.get_authorization_url_with_pkce(p);
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_NE(r->url.find("code_challenge="), std::string::npos);
  EXPECT_NE(r->url.find("code_challenge_method=S256"), std::string::npos);
  EXPECT_NE(r->url.find("state=" + r->state), std::string::npos);
  EXPECT_NE(r->url.find("client_id=client_123"), std::string::npos);
  EXPECT_GE(r->code_verifier.size(), 43u);
  EXPECT_EQ(fake->request_count(), 0u);
  EXPECT_FALSE(users.get_authorization_url_with_pkce(um::GetAuthorizationUrlParams{}));
  EXPECT_EQ(users.get_jwks_url(), "https://api.workos.com/sso/jwks/client_123");
}

// ---- device authorization
// ------------------------------------------------------------------------

TEST_F(AsyncHelpersUserManagement, StartDeviceAuthorizationForAPublicClient) {
  fake->enqueue_json(200, R"({"device_code":"dc_1","user_code":"BCDF-GHJK",
    "verification_uri":"https://auth.example.com/device","expires_in":300,"interval":5})");
  AsyncClient client(options(/*public_client=*/true));
  const auto& users = client.user_management();
  Result<DeviceAuthorizationResponse> d = async_helpers::await(users.start_device_authorization());
  ASSERT_TRUE(d) << d.error().to_string();
  EXPECT_EQ(d->user_code, "BCDF-GHJK");
  const HttpRequest req = fake->last_request();
  EXPECT_EQ(req.url, "https://api.workos.com/user_management/authorize/device");
  EXPECT_EQ(req.body, R"({"client_id":"client_123"})");
  EXPECT_EQ(workos::testing::header_value(req.headers, "authorization"), "");
}

TEST_F(AsyncHelpersUserManagement, PollGoesPendingSlowDownSuccessWithTheWaitsOnTheLoop) {
  enqueue_oauth_error("authorization_pending");
  enqueue_oauth_error("slow_down");
  enqueue_oauth_error("authorization_pending");
  fake->enqueue_json(200, kAuthResponse);
  AsyncClient client(options(/*public_client=*/true));
  const auto& users = client.user_management();
  std::mutex mu;
  std::vector<auth::DevicePollStatus> events;
  std::vector<seconds> intervals;
  std::vector<bool> events_on_loop;
  auth::DevicePollOptions o;
  o.on_poll = [&](auth::DevicePollStatus s, seconds next) {
    std::lock_guard<std::mutex> lock(mu);
    events.push_back(s);
    intervals.push_back(next);
    events_on_loop.push_back(detail::on_event_loop_thread());
  };
  Future<AuthenticateResponse> f = users.poll_device_authorization(device(), o);
  Result<AuthenticateResponse> r = async_helpers::await(f);
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->refresh_token, "rt_new");
  EXPECT_EQ(fake->request_count(), 4u);
  // The same waits as the blocking poll, each taken on the event loop (not a caller thread).
  EXPECT_EQ(clock.fake.recorded_sleeps(),
            (std::vector<milliseconds>{seconds(5), seconds(5), seconds(10), seconds(10)}));
  EXPECT_EQ(clock.sleeps_on_loop(), (std::vector<bool>{true, true, true, true}));
  std::lock_guard<std::mutex> lock(mu);
  EXPECT_EQ(events,
            (std::vector<auth::DevicePollStatus>{auth::DevicePollStatus::kAuthorizationPending,
                                                 auth::DevicePollStatus::kSlowDown,
                                                 auth::DevicePollStatus::kAuthorizationPending}));
  EXPECT_EQ(intervals, (std::vector<seconds>{seconds(5), seconds(10), seconds(10)}));
  EXPECT_EQ(events_on_loop, (std::vector<bool>{true, true, true}));
  auto b = last_body();
  EXPECT_EQ(b["grant_type"], "urn:ietf:params:oauth:grant-type:device_code");
  EXPECT_EQ(b["device_code"], "dc_1");
  EXPECT_EQ(b.count("client_secret"), 0u);
}

TEST_F(AsyncHelpersUserManagement, PollEndsOnAccessDeniedExpiredTokenAndLocalExpiry) {
  AsyncClient client(options(/*public_client=*/true));
  const auto& users = client.user_management();
  enqueue_oauth_error("authorization_pending");
  enqueue_oauth_error("access_denied");
  Result<AuthenticateResponse> denied =
      async_helpers::await(users.poll_device_authorization(device()));
  ASSERT_FALSE(denied);
  EXPECT_EQ(denied.error().error(), "access_denied");
  EXPECT_EQ(fake->request_count(), 2u);

  enqueue_oauth_error("expired_token");
  Result<AuthenticateResponse> expired =
      async_helpers::await(users.poll_device_authorization(device()));
  ASSERT_FALSE(expired);
  EXPECT_EQ(expired.error().error(), "expired_token");
  EXPECT_EQ(expired.error().status(), 400);

  fake->reset();
  enqueue_oauth_error("authorization_pending");
  enqueue_oauth_error("authorization_pending");
  Result<AuthenticateResponse> local = async_helpers::await(
      users.poll_device_authorization(device(/*expires_in=*/12, /*interval=*/5)));
  ASSERT_FALSE(local);
  EXPECT_EQ(local.error().kind(), ErrorKind::kTimeout);
  EXPECT_EQ(fake->request_count(), 2u);  // at 5 s and 10 s; 15 s is past the 12 s lifetime

  Result<AuthenticateResponse> no_code =
      async_helpers::await(users.poll_device_authorization(DeviceAuthorizationResponse{}));
  ASSERT_FALSE(no_code);
  EXPECT_EQ(no_code.error().kind(), ErrorKind::kInvalidArgument);
}

TEST_F(AsyncHelpersUserManagement, PollWithoutExpiryOrTimeoutFailsAtOnceWithoutPolling) {
  AsyncClient client(options(/*public_client=*/true));
  const auto& users = client.user_management();
  fake->enqueue_json(200, kAuthResponse);
  for (double expires_in : {0.0, -5.0, std::nan("")}) {
    Result<AuthenticateResponse> r =
        async_helpers::await(users.poll_device_authorization(device(expires_in, /*interval=*/5)));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind(), ErrorKind::kInvalidArgument);
    EXPECT_NE(r.error().message().find("expires_in"), std::string::npos);
  }
  auth::DevicePollOptions zero;
  zero.timeout = seconds(0);
  Result<AuthenticateResponse> r =
      async_helpers::await(users.poll_device_authorization(device(), zero));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kInvalidArgument);
  EXPECT_EQ(fake->request_count(), 0u);
  EXPECT_TRUE(clock.fake.recorded_sleeps().empty());

  // A caller timeout alone bounds the poll.
  auth::DevicePollOptions bounded;
  bounded.timeout = seconds(60);
  Result<AuthenticateResponse> ok =
      async_helpers::await(users.poll_device_authorization(device(/*expires_in=*/0), bounded));
  ASSERT_TRUE(ok) << ok.error().to_string();
  EXPECT_EQ(fake->request_count(), 1u);
}

TEST_F(AsyncHelpersUserManagement, PollTreatsAZeroIntervalAsTheFiveSecondDefault) {
  AsyncClient client(options(/*public_client=*/true));
  const auto& users = client.user_management();
  enqueue_oauth_error("authorization_pending");
  fake->enqueue_json(200, kAuthResponse);
  auth::DevicePollOptions o;
  o.interval = seconds(0);
  Result<AuthenticateResponse> r =
      async_helpers::await(users.poll_device_authorization(device(300, /*interval=*/0), o));
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(clock.fake.recorded_sleeps(), (std::vector<milliseconds>{seconds(5), seconds(5)}));
}

// The real loop timers (no injected clock), against the loopback server.
struct AsyncHelpersDevicePollLoop : ::testing::Test {
  test::LoopbackServer server;
  std::atomic<int> polls{0};
  ClientOptions options() {
    ClientOptions o;
    o.public_client = true;
    o.client_id = "client_cli";
    o.base_url = server.base_url();
    o.max_retries = 0;
    return o;
  }
  static DeviceAuthorizationResponse device() {
    DeviceAuthorizationResponse d;
    d.device_code = "dc_loop";
    d.expires_in = 600;
    d.interval = 5;
    return d;
  }
  void pending_forever() {
    server.on("POST", "/user_management/authenticate",
              [this](const httplib::Request&, httplib::Response& res) {
                ++polls;
                res.status = 400;
                res.set_content(R"({"error":"authorization_pending"})", "application/json");
              });
  }
};

TEST_F(AsyncHelpersDevicePollLoop, CompletesOnRealTimers) {
  server.enqueue(400, R"({"error":"authorization_pending"})");
  server.enqueue(200, kAuthResponse);
  AsyncClient client(options());
  const auto& users = client.user_management();
  auth::DevicePollOptions o;
  o.interval = seconds(1);  // the shortest interval allowed: two real 1 s timers
  Result<AuthenticateResponse> r =
      async_helpers::await(users.poll_device_authorization(device(), o));
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->refresh_token, "rt_new");
  ASSERT_EQ(server.request_count(), 2u);
  EXPECT_NE(server.requests()[1].body.find("\"device_code\":\"dc_loop\""), std::string::npos);
}

TEST_F(AsyncHelpersDevicePollLoop, CancellingTheFutureStopsAWaitingPoll) {
  pending_forever();
  AsyncClient client(options());
  const auto& users = client.user_management();
  auth::DevicePollOptions o;
  o.interval = seconds(300);  // a loop timer (within the 600 s lifetime) that only cancel() ends
  Future<AuthenticateResponse> f = users.poll_device_authorization(device(), o);
  EXPECT_FALSE(f.is_ready());
  f.cancel();
  Result<AuthenticateResponse> r = async_helpers::await(f);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kCancelled);
  EXPECT_EQ(polls.load(), 0);
}

TEST_F(AsyncHelpersDevicePollLoop, CancellingTheFutureStopsAPollInFlight) {
  server.set_default([this](const httplib::Request&, httplib::Response& res) {
    ++polls;
    server.wait_at_gate();  // the poll stays in flight until the gate opens
    res.status = 400;
    res.set_content(R"({"error":"authorization_pending"})", "application/json");
  });
  AsyncClient client(options());
  const auto& users = client.user_management();
  auth::DevicePollOptions o;
  o.interval = seconds(1);  // the shortest interval allowed
  Future<AuthenticateResponse> f = users.poll_device_authorization(device(), o);
  ASSERT_TRUE(server.wait_for_requests(1));
  f.cancel();
  Result<AuthenticateResponse> r = async_helpers::await(f);
  server.release();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kCancelled);
  EXPECT_EQ(server.request_count(), 1u);
}

TEST_F(AsyncHelpersDevicePollLoop, ACancellationTokenStopsTheWait) {
  pending_forever();
  AsyncClient client(options());
  const auto& users = client.user_management();
  auto token = std::make_shared<CancellationToken>();
  auth::DevicePollOptions o;
  o.interval = seconds(300);
  o.cancellation = token;
  Future<AuthenticateResponse> f = users.poll_device_authorization(device(), o);
  token->cancel();
  Result<AuthenticateResponse> r = async_helpers::await(f);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kCancelled);
  EXPECT_EQ(polls.load(), 0);
}

TEST_F(AsyncHelpersDevicePollLoop, ShuttingTheClientDownEndsTheWait) {
  pending_forever();
  Future<AuthenticateResponse> f;
  {
    AsyncClient client(options());
    const auto& users = client.user_management();
    auth::DevicePollOptions o;
    o.interval = seconds(300);
    f = users.poll_device_authorization(device(), o);
  }  // the client's loop drains: the poll's timer fires and sees the shutdown
  ASSERT_TRUE(f.is_ready());
  Result<AuthenticateResponse> r = f.get();
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kCancelled);
}

TEST_F(AsyncHelpersDevicePollLoop, WithoutACoreThePollFailsAtOnce) {
  auto connection = std::make_shared<um::AsyncUserManagementConnection>();
  auto users = detail::CoreAccess::make<um::AsyncUserManagementClient>(connection, nullptr);
  Result<AuthenticateResponse> r = async_helpers::await(users.poll_device_authorization(device()));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), ErrorKind::kConfiguration);
}

}  // namespace async_helpers_user_management_test
