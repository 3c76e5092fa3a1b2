// Copyright workos-cpp authors. Handwritten.
// Machine-to-machine tokens through both clients: the form-encoded client_credentials grant, the
// cache renewed before expiry, one request for concurrent callers, the OAuth error shapes, and
// the application's secret kept out of logs and errors.

#include <workos/async_client.h>
#include <workos/auth/client_credentials.h>
#include <workos/client.h>
#include <workos/testing/fake_transport.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "support/core_test_helpers.h"
#include "unit/async_helpers_support.h"

namespace {

using workos::auth::AsyncClientCredentials;
using workos::auth::ClientCredentials;
using workos::auth::ClientCredentialsOptions;
using workos::testing::FakeTransport;

const std::string kSecret = "m2m_SeCrEt_0123456789abcdef";

std::string token_answer(const std::string& token, int expires_in = 3600) {
  return R"({"access_token":")" + token + R"(","token_type":"Bearer","expires_in":)" +
         std::to_string(expires_in) + R"(,"scope":"reports:read"})";
}

struct ClientCredentialsTest : ::testing::Test {
  std::shared_ptr<FakeTransport> fake = std::make_shared<FakeTransport>();
  workos::test::FakeClock clock;
  std::mutex mu;
  std::vector<std::string> lines;

  workos::ClientOptions options() {
    workos::ClientOptions o;
    o.api_key = "sk_test_m2m";
    o.client_id = "client_123";
    o.transport = fake;
    o.clock = clock.clock();
    o.max_retries = 0;
    o.log_level = workos::LogLevel::kDebug;
    o.logger = [this](workos::LogLevel, std::string_view line) {
      std::lock_guard<std::mutex> lock(mu);
      lines.emplace_back(line);
    };
    return o;
  }
  static ClientCredentialsOptions m2m() {
    ClientCredentialsOptions o;
    o.client_id = "client_01M2M";
    o.client_secret = kSecret;
    o.scopes = {"reports:read", "reports:write"};
    return o;
  }
  void advance(std::chrono::seconds d) {
    std::lock_guard<std::mutex> lock(clock.mutex);
    clock.now += d;
    clock.wall += d;
  }
  void expect_secret_never_logged() {
    std::lock_guard<std::mutex> lock(mu);
    ASSERT_FALSE(lines.empty());
    for (const auto& line : lines) EXPECT_EQ(line.find(kSecret), std::string::npos);
  }
};

TEST_F(ClientCredentialsTest, SendsTheFormEncodedGrantAndCachesTheToken) {
  workos::Client client(options());
  ClientCredentials tokens(client, m2m());
  fake->enqueue_json(200, token_answer("at_1"));
  auto token = tokens.token();
  ASSERT_TRUE(token) << token.error().to_string();
  EXPECT_EQ(token->access_token, "at_1");
  EXPECT_EQ(token->token_type, "Bearer");
  EXPECT_EQ(token->scope, "reports:read");
  EXPECT_EQ(token->expires_in, std::chrono::seconds(3600));
  EXPECT_EQ(token->expires_at, clock.wall + std::chrono::seconds(3600));

  const auto request = fake->last_request();
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.url, "https://api.workos.com/oauth2/token");
  EXPECT_EQ(workos::testing::header_value(request.headers, "content-type"),
            "application/x-www-form-urlencoded");
  EXPECT_EQ(workos::testing::header_value(request.headers, "authorization"), "");
  EXPECT_EQ(request.body, "grant_type=client_credentials&client_id=client_01M2M&client_secret=" +
                              kSecret + "&scope=reports%3Aread%20reports%3Awrite");

  // Cached while more than a minute is left; renewed after.
  advance(std::chrono::seconds(3600 - 61));
  EXPECT_EQ(tokens.token()->access_token, "at_1");
  EXPECT_EQ(fake->request_count(), 1u);
  advance(std::chrono::seconds(2));
  fake->enqueue_json(200, token_answer("at_2"));
  EXPECT_EQ(tokens.token()->access_token, "at_2");
  EXPECT_EQ(fake->request_count(), 2u);
  // invalidate() drops it at once.
  tokens.invalidate();
  fake->enqueue_json(200, token_answer("at_3"));
  EXPECT_EQ(tokens.token()->access_token, "at_3");
  expect_secret_never_logged();
}

TEST_F(ClientCredentialsTest, ConcurrentCallersShareOneRequest) {
  std::atomic<int> calls{0};
  fake->set_handler([&](const workos::HttpRequest&) -> workos::Result<workos::HttpResponse> {
    ++calls;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    return FakeTransport::json(200, token_answer("at_shared"));
  });
  workos::Client client(options());
  ClientCredentials tokens(client, m2m());
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      auto t = tokens.token();
      if (t && t->access_token == "at_shared") ++ok;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 8);
  EXPECT_EQ(calls.load(), 1);
}

TEST_F(ClientCredentialsTest, OAuthErrorsAreTypedAndNothingIsSentWithoutASecret) {
  workos::Client client(options());
  ClientCredentials tokens(client, m2m());
  fake->enqueue_json(401, R"({"error":"invalid_client","error_description":"Invalid client"})");
  auto bad_client = tokens.token();
  ASSERT_FALSE(bad_client);
  EXPECT_EQ(bad_client.error().kind(), workos::ErrorKind::kApi);
  EXPECT_EQ(bad_client.error().status(), 401);
  EXPECT_EQ(bad_client.error().error(), "invalid_client");
  EXPECT_EQ(bad_client.error().to_string().find(kSecret), std::string::npos);

  for (const char* code : {"invalid_scope", "unauthorized_client", "unsupported_grant_type"}) {
    fake->enqueue_json(400, std::string(R"({"error":")") + code + R"("})");
    auto r = tokens.token();
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().status(), 400);
    EXPECT_EQ(r.error().error(), code);
  }
  fake->enqueue_json(200, R"({"token_type":"Bearer","expires_in":3600})");
  auto no_token = tokens.token();
  ASSERT_FALSE(no_token);
  EXPECT_EQ(no_token.error().kind(), workos::ErrorKind::kDecode);

  const std::size_t sent = fake->request_count();
  ClientCredentialsOptions no_secret = m2m();
  no_secret.client_secret.clear();
  auto missing = ClientCredentials(client, no_secret).token();
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind(), workos::ErrorKind::kConfiguration);
  EXPECT_EQ(fake->request_count(), sent);
  expect_secret_never_logged();
}

TEST_F(ClientCredentialsTest, AWholeTokenUrlIsUsedAsItIs) {
  workos::Client client(options());
  ClientCredentialsOptions o = m2m();
  o.token_url = "https://auth.example.com/oauth2/token";
  fake->enqueue_json(200, token_answer("at_domain"));
  ASSERT_TRUE(ClientCredentials(client, o).token());
  EXPECT_EQ(fake->last_request().url, "https://auth.example.com/oauth2/token");
}

TEST_F(ClientCredentialsTest, TheAsyncClientCachesAndSharesOneRequestToo) {
  std::atomic<int> calls{0};
  fake->set_handler([&](const workos::HttpRequest&) -> workos::Result<workos::HttpResponse> {
    ++calls;
    return FakeTransport::json(200, token_answer("at_async"));
  });
  workos::AsyncClient client(options());
  AsyncClientCredentials tokens(client, m2m());
  auto first = tokens.token();
  auto second = tokens.token();
  auto a = async_helpers::await(first);
  auto b = async_helpers::await(second);
  ASSERT_TRUE(a) << a.error().to_string();
  ASSERT_TRUE(b) << b.error().to_string();
  EXPECT_EQ(a->access_token, "at_async");
  EXPECT_EQ(b->access_token, "at_async");
  EXPECT_EQ(calls.load(), 1);
  // Cached: ready at once, no request.
  auto cached = tokens.token();
  EXPECT_TRUE(cached.is_ready());
  EXPECT_EQ(calls.load(), 1);

  fake->set_handler([&](const workos::HttpRequest&) -> workos::Result<workos::HttpResponse> {
    return FakeTransport::json(401, R"({"error":"invalid_client"})");
  });
  tokens.invalidate();
  auto refused = async_helpers::await(tokens.token());
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().error(), "invalid_client");
  expect_secret_never_logged();
}

}  // namespace
