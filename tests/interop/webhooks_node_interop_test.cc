// Copyright workos-cpp authors. Handwritten.
// Interop with the official Node SDK (@workos-inc/node 11): webhook signatures both ways,
// Actions responses byte for byte, vault envelopes both ways.

#include <workos/signing/actions.h>
#include <workos/signing/webhooks.h>
#include <workos/testing/sign_webhook.h>
#include <workos/vault/vault_crypto.h>

#include <gtest/gtest.h>

#include <cctype>
#include <chrono>
#include <string>

#include "vault/codec.h"
#include "webhooks_node_peer.h"

namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using webhooks_interop::Input;
using webhooks_interop::PeerAnswer;

constexpr char kSecret[] = "whsec_interop_Zm9vYmFy";
// A delivery with non-ASCII text and escapes, as WorkOS sends it (the raw bytes are signed).
constexpr char kEvent[] =
    R"({"id":"event_01HZ","event":"user.created","data":{"object":"user","id":"user_01",)"
    R"("email":"zoë@example.com","first_name":"Zoë \"Z\"","last_name":"Ünal"},)"
    R"("created_at":"2026-01-15T12:00:00.000Z"})";

std::int64_t now_ms() {
  return workos::signing::to_unix_ms(std::chrono::system_clock::now());
}

TEST(WebhooksNodeInterop, NodeSignedWebhookVerifiesHere) {
  const std::int64_t t = 1760000000123;
  PeerAnswer a(
      Input("webhook_sign").s("payload", kEvent).s("secret", kSecret).i("timestamp", t).done());
  ASSERT_TRUE(a.ok);
  const std::string header = a.str("header");
  const auto at = std::chrono::system_clock::time_point(milliseconds(t + 1000));
  EXPECT_TRUE(workos::webhooks::verify_header(kEvent, header, kSecret, seconds(180), at)) << header;
  EXPECT_EQ(a.str("signature"), workos::webhooks::compute_signature(t, kEvent, kSecret));
  // Tampered body or other secret: rejected.
  std::string tampered = kEvent;
  tampered.replace(tampered.find("user_01"), 7, "user_02");
  EXPECT_EQ(workos::webhooks::verify_header(tampered, header, kSecret, seconds(180), at).failure(),
            workos::signing::SignatureFailure::kSignatureMismatch);
  EXPECT_FALSE(workos::webhooks::verify_header(kEvent, header, "whsec_other", seconds(180), at));
}

TEST(WebhooksNodeInterop, WebhookSignedHereVerifiesInNode) {
  const std::string header = workos::testing::sign_webhook(kEvent, kSecret);
  PeerAnswer a(Input("webhook_verify")
                   .s("payload", kEvent)
                   .s("sig_header", header)
                   .s("secret", kSecret)
                   .done());
  ASSERT_TRUE(a.ok);
  EXPECT_TRUE(a.flag("ok")) << a.str("error");
  EXPECT_EQ(a.str("event_id"), "event_01HZ");
  EXPECT_EQ(a.str("event"), "user.created");

  // The peer really checks: a tampered body and a stale header are refused there too.
  std::string tampered = kEvent;
  tampered.replace(tampered.find("Ünal"), 5, "Unal");
  PeerAnswer bad(Input("webhook_verify")
                     .s("payload", tampered)
                     .s("sig_header", header)
                     .s("secret", kSecret)
                     .done());
  ASSERT_TRUE(bad.ok);
  EXPECT_FALSE(bad.flag("ok"));
  EXPECT_EQ(bad.str("error"), "SignatureVerificationException");
  const std::string stale = workos::testing::sign_webhook_ms(kEvent, kSecret, now_ms() - 600000);
  PeerAnswer old(Input("webhook_verify")
                     .s("payload", kEvent)
                     .s("sig_header", stale)
                     .s("secret", kSecret)
                     .done());
  ASSERT_TRUE(old.ok);
  EXPECT_FALSE(old.flag("ok"));
}

TEST(WebhooksNodeInterop, HeaderVectorsGetTheSameVerdictAsInNode) {
  const std::int64_t t = now_ms();
  const std::string ts = std::to_string(t);
  const std::string sig = workos::webhooks::compute_signature(t, kEvent, kSecret);
  std::string upper = sig;
  for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  const std::string wrong(64, 'a');
  const std::string vectors[] = {
      "t=" + ts + ", v1=" + sig,                    // canonical
      "t=" + ts + ",v1=" + sig,                     // no space after the comma
      "t=" + ts + ", v1=" + upper,                  // upper-case hex
      "v1=" + sig + ", t=" + ts,                    // v1 before t
      "t=" + ts + " , v1=" + sig,                   // space before the comma
      "t= " + ts + ", v1=" + sig,                   // space after t=
      "t=" + ts + ", v1= " + sig,                   // space after v1=
      "t=" + ts + ", v1=" + sig + " ",              // trailing space
      " t=" + ts + ",  v1=" + sig,                  // spaces before keys
      "t =" + ts + ", v1 =" + sig,                  // spaces before '='
      "t=" + ts + ",\tv1=" + sig,                   // tab before a key
      "t=" + ts + ", v1=" + wrong + ", v1=" + sig,  // valid signature second
      "t=" + ts + ", v1=" + sig + ", v1=" + wrong,  // valid signature first
      "t=" + ts + ", v0=" + wrong + ", v1=" + sig,  // unknown scheme before v1
      "t=" + ts + ", v1=" + sig + ", v0=" + wrong,  // unknown scheme after v1
      "t=" + ts + ", v1=" + sig + ",",              // trailing comma
      "t=" + ts + ",, v1=" + sig,                   // empty item
      "t=" + ts,                                    // no v1
  };
  for (const std::string& h : vectors) {
    PeerAnswer a(Input("webhook_verify")
                     .s("payload", kEvent)
                     .s("sig_header", h)
                     .s("secret", kSecret)
                     .i("tolerance_ms", 180000)
                     .done());
    ASSERT_TRUE(a.ok) << h;
    const bool ours = workos::webhooks::verify_header(kEvent, h, kSecret).ok();
    EXPECT_EQ(ours, a.flag("ok")) << "header [" << h << "] node: " << a.str("error");
  }
}

TEST(WebhooksNodeInterop, ActionsResponseEqualsTheNodeSdksByteForByte) {
  struct Case {
    workos::actions::ActionType type;
    const char* node_type;
    workos::actions::Verdict verdict;
    const char* node_verdict;
    std::string message;
  };
  const Case cases[] = {
      {workos::actions::ActionType::kAuthentication, "authentication",
       workos::actions::Verdict::kAllow, "Allow", ""},
      {workos::actions::ActionType::kAuthentication, "authentication",
       workos::actions::Verdict::kDeny, "Deny", "Access denied"},
      {workos::actions::ActionType::kUserRegistration, "user_registration",
       workos::actions::Verdict::kDeny, "Deny",
       "Nope: \"quoted\" \\ back/slash \xC3\xA9\xE2\x80\xA8 \xF0\x9F\x98\x80 \t\n\x01\x1f\x7f"},
      {workos::actions::ActionType::kUserRegistration, "user_registration",
       workos::actions::Verdict::kAllow, "Allow", "dropped for Allow"},
      {workos::actions::ActionType::kUserRegistration, "user_registration",
       workos::actions::Verdict::kDeny, "Deny", ""},
  };
  const std::int64_t t = 1760000000456;
  for (const Case& c : cases) {
    auto ours =
        workos::actions::sign_response(c.type, c.verdict, c.message, kSecret,
                                       std::chrono::system_clock::time_point(milliseconds(t)));
    Input in("actions_sign");
    in.s("type", c.node_type).s("verdict", c.node_verdict).s("secret", kSecret).i("timestamp", t);
    if (!c.message.empty()) in.s("error_message", c.message);
    PeerAnswer a(in.done());
    ASSERT_TRUE(a.ok);
    ASSERT_TRUE(ours) << ours.error().message();
    EXPECT_EQ(ours->to_json(), a.str("json")) << c.node_type << " " << c.node_verdict;
  }
}

TEST(WebhooksNodeInterop, ActionRequestsVerifyBothWays) {
  const std::string body =
      R"({"id":"01JAT","object":"user_registration_action_context","user_data":)"
      R"({"object":"user_data","email":"jane@example.com","name":null,"first_name":"Jane",)"
      R"("last_name":"Doe"},"ip_address":"203.0.113.7"})";
  // Ours -> Node.
  const std::string header = workos::testing::sign_webhook(body, kSecret);
  PeerAnswer a(Input("actions_verify")
                   .s("payload", body)
                   .s("sig_header", header)
                   .s("secret", kSecret)
                   .done());
  ASSERT_TRUE(a.ok);
  EXPECT_TRUE(a.flag("ok")) << a.str("error");
  EXPECT_EQ(a.str("object"), "user_registration_action_context");
  // Node -> ours.
  const std::int64_t t = now_ms();
  PeerAnswer s(
      Input("webhook_sign").s("payload", body).s("secret", kSecret).i("timestamp", t).done());
  ASSERT_TRUE(s.ok);
  auto action = workos::actions::construct_action(body, s.str("header"), kSecret);
  ASSERT_TRUE(action) << action.error().message();
  ASSERT_TRUE(action->user_data.has_value());
  EXPECT_EQ(action->user_data->email, "jane@example.com");
}

// A realistic data key and encrypted-keys blob (the spec's examples; the blob is 130 bytes,
// so its ULEB128 length takes two bytes).
constexpr char kDataKey[] = "DR9idtey9MpMrA1VRFrz30HB1yNgL2PoHZyjAkFeWgg=";
constexpr char kEncryptedKeys[] =
    "V09TLkVLTS52MQBiZjUxY2NlYy03OGI0LTUyMDAtYjM4My0zNTczMGU3MWVmNjEBATEBJGJmNjVlMzI2LTQzYTAtNGIy"
    "MC04OGM0LTA3ZmYzZGU1NDM0YwF0YmY2NWUzMjYtNDNhMC00YjIwLTg4YzQtMDdmZjNkZTU0MzRj";

TEST(WebhooksNodeInterop, VaultValueEncryptedByNodeDecryptsHere) {
  for (const std::string& aad : {std::string(), std::string("user_123")}) {
    const std::string data = "card 4242 4242 4242 4242 — zoë";
    Input in("vault_encrypt");
    in.s("data", data)
        .s("data_key", kDataKey)
        .s("encrypted_keys", kEncryptedKeys)
        .raw("context", R"({"organization_id":"org_01"})");
    if (!aad.empty()) in.s("associated_data", aad);
    PeerAnswer a(in.done());
    ASSERT_TRUE(a.ok);
    const std::string blob = a.str("encrypted");
    auto env = workos::vault::parse_encrypted(blob);
    ASSERT_TRUE(env) << env.error().message();
    EXPECT_EQ(env->encrypted_keys_base64(), kEncryptedKeys);
    auto plain = workos::vault::decrypt_with_key(blob, kDataKey, aad);
    ASSERT_TRUE(plain) << plain.error().message();
    EXPECT_EQ(*plain, data);
    if (!aad.empty()) {
      auto wrong = workos::vault::decrypt_with_key(blob, kDataKey, "user_124");
      EXPECT_EQ(workos::vault::vault_crypto_failure_of(wrong.error()),
                workos::vault::VaultCryptoFailure::kAuthenticationFailed);
    }
  }
}

TEST(WebhooksNodeInterop, VaultValueEncryptedHereDecryptsInNode) {
  for (const std::string& aad : {std::string(), std::string("user_123")}) {
    const std::string data = "{\"ssn\":\"078-05-1120\",\"note\":\"ünïcødé ✓\"}";
    auto blob = workos::vault::encrypt_with_key(data, kDataKey, kEncryptedKeys, aad);
    ASSERT_TRUE(blob) << blob.error().message();
    Input in("vault_decrypt");
    in.s("encrypted", *blob).s("data_key", kDataKey);
    if (!aad.empty()) in.s("associated_data", aad);
    PeerAnswer a(in.done());
    ASSERT_TRUE(a.ok);
    EXPECT_TRUE(a.flag("ok")) << a.str("error");
    EXPECT_EQ(a.str("data"), data);
    // Node asked its (stubbed) decrypt endpoint for exactly the keys we embedded.
    EXPECT_EQ(a.str("keys"), kEncryptedKeys);
  }
  // And Node refuses a value whose associated data differs.
  auto blob = workos::vault::encrypt_with_key("x", kDataKey, kEncryptedKeys, "ctx-a");
  ASSERT_TRUE(blob);
  PeerAnswer a(Input("vault_decrypt")
                   .s("encrypted", *blob)
                   .s("data_key", kDataKey)
                   .s("associated_data", "ctx-b")
                   .done());
  ASSERT_TRUE(a.ok);
  EXPECT_FALSE(a.flag("ok"));
}

}  // namespace
