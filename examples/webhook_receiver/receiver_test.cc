// Copyright workos-cpp authors. Handwritten.
// examples/webhook_receiver over real HTTP on 127.0.0.1: signed deliveries are dispatched by
// type; tampered, stale, unsigned and mis-signed ones are refused and never reach a handler.

#include "receiver.h"

#include <workos/testing/sign_webhook.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

constexpr char kSecret[] = "whsec_example_receiver";

std::string user_created(const std::string& id) {
  return R"({"object":"event","id":")" + id +
         R"(","event":"user.created","data":{"object":"user","id":"user_01","email":"a@example.com",)"
         R"("first_name":"A","last_name":"B","email_verified":true,"profile_picture_url":null,)"
         R"("last_sign_in_at":null,"external_id":null,"metadata":{},)"
         R"("created_at":"2026-01-15T12:00:00.000Z","updated_at":"2026-01-15T12:00:00.000Z"},)"
         R"("created_at":"2026-01-15T12:00:00.000Z"})";
}

class ReceiverOverHttp : public ::testing::Test {
 protected:
  void SetUp() override {
    receiver_.on("user.created", [this](const workos::Event& e) {
      std::lock_guard<std::mutex> lock(mutex_);
      seen_.push_back("user.created:" + e.as_user_created()->id);
    });
    receiver_.on("organization.deleted",
                 [](const workos::Event&) { throw std::runtime_error("handler bug"); });
    receiver_.on_other([this](const workos::Event& e) {
      std::lock_guard<std::mutex> lock(mutex_);
      seen_.push_back("other:" + std::string(e.tag()));
    });
    receiver_.mount(server_);
    port_ = server_.bind_to_any_port("127.0.0.1");
    ASSERT_GT(port_, 0);
    // Connections queue in the listen backlog until the loop runs: no wait needed.
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  void TearDown() override {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }

  httplib::Result post(const std::string& body, const std::string& signature) {
    httplib::Client client("127.0.0.1", port_);
    client.set_connection_timeout(5);
    client.set_read_timeout(10);
    httplib::Headers headers;
    if (!signature.empty()) headers.emplace("WorkOS-Signature", signature);
    return client.Post("/webhooks", headers, body, "application/json");
  }
  std::vector<std::string> seen() {
    std::lock_guard<std::mutex> lock(mutex_);
    return seen_;
  }

  webhook_receiver::Receiver receiver_{kSecret};
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex mutex_;
  std::vector<std::string> seen_;
};

TEST_F(ReceiverOverHttp, DispatchesASignedDeliveryByType) {
  const std::string body = user_created("event_01");
  auto res = post(body, workos::testing::sign_webhook(body, kSecret));
  ASSERT_TRUE(res) << httplib::to_string(res.error());
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, R"({"received":true})");
  EXPECT_EQ(seen(), std::vector<std::string>{"user.created:event_01"});
}

TEST_F(ReceiverOverHttp, RefusesATamperedDelivery) {
  const std::string body = user_created("event_02");
  const std::string signature = workos::testing::sign_webhook(body, kSecret);
  std::string tampered = body;
  tampered.replace(tampered.find("a@example.com"), 13, "x@example.com");
  auto res = post(tampered, signature);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(res->body, R"({"error":"signature_mismatch"})");
  EXPECT_TRUE(seen().empty());
}

TEST_F(ReceiverOverHttp, RefusesUnsignedStaleAndForeignDeliveries) {
  const std::string body = user_created("event_03");
  auto unsigned_res = post(body, "");
  ASSERT_TRUE(unsigned_res);
  EXPECT_EQ(unsigned_res->status, 400);
  EXPECT_EQ(unsigned_res->body, R"({"error":"signature_header_malformed"})");

  auto stale =
      post(body, workos::testing::sign_webhook(
                     body, kSecret, std::chrono::system_clock::now() - std::chrono::minutes(10)));
  ASSERT_TRUE(stale);
  EXPECT_EQ(stale->status, 400);
  EXPECT_EQ(stale->body, R"({"error":"signature_timestamp_too_old"})");

  auto foreign = post(body, workos::testing::sign_webhook(body, "whsec_someone_else"));
  ASSERT_TRUE(foreign);
  EXPECT_EQ(foreign->status, 400);
  EXPECT_TRUE(seen().empty());
}

TEST_F(ReceiverOverHttp, UnknownEventTypesReachTheFallbackHandler) {
  const std::string body =
      R"({"object":"event","id":"event_04","event":"future.feature.launched","data":{},)"
      R"("created_at":"2026-01-15T12:00:00.000Z"})";
  auto res = post(body, workos::testing::sign_webhook(body, kSecret));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(seen(), std::vector<std::string>{"other:future.feature.launched"});
}

TEST_F(ReceiverOverHttp, AFailingHandlerAnswers500SoWorkOSRetries) {
  const std::string body =
      R"({"object":"event","id":"event_05","event":"organization.deleted","data":)"
      R"({"object":"organization","id":"org_01","name":"Acme","domains":[],)"
      R"("created_at":"2026-01-15T12:00:00.000Z","updated_at":"2026-01-15T12:00:00.000Z"},)"
      R"("created_at":"2026-01-15T12:00:00.000Z"})";
  auto res = post(body, workos::testing::sign_webhook(body, kSecret));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 500);
}

TEST(Receiver, HonoursAnInjectedClockAndTolerance) {
  webhook_receiver::Receiver receiver(kSecret, std::chrono::seconds(5));
  const std::string body = user_created("event_06");
  const auto t = std::chrono::system_clock::time_point(std::chrono::milliseconds(1760000000000));
  const std::string sig = workos::testing::sign_webhook(body, kSecret, t);
  EXPECT_EQ(receiver.handle(body, sig, t + std::chrono::seconds(5)).status, 200);
  EXPECT_EQ(receiver.handle(body, sig, t + std::chrono::seconds(6)).status, 400);
  EXPECT_EQ(receiver.handle(body, sig, t - std::chrono::seconds(6)).body,
            R"({"error":"signature_timestamp_in_future"})");
}

}  // namespace
