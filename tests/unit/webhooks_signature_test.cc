// Copyright workos-cpp authors. Handwritten.
// Webhook / Actions signature verification: vectors, header grammar, tolerance, errors.

#include <workos/signing/actions.h>
#include <workos/signing/webhooks.h>
#include <workos/testing/sign_webhook.h>

#include <gtest/gtest.h>

#include <atomic>
#include <cctype>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "crypto/hmac.h"
#include "signing/signature_header.h"

namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using workos::signing::SignatureFailure;

constexpr std::int64_t kT = 1700000000000;  // 2023-11-14T22:13:20Z
constexpr char kSecret[] = "whsec_test_secret";
constexpr char kBody[] = R"({"id":"event_01","event":"user.created"})";
// HMAC-SHA256("whsec_test_secret", "1700000000000." + kBody), computed with Python's hmac.
constexpr char kSig[] = "328170a6cf43449bbfe1f8c7c25bdbc14cee17ad94101563a4e347f582bfc1fa";

std::chrono::system_clock::time_point at(std::int64_t ms) {
  return std::chrono::system_clock::time_point(milliseconds(ms));
}

std::string header(std::int64_t t, const std::string& sig) {
  return "t=" + std::to_string(t) + ", v1=" + sig;
}

TEST(WebhooksHmac, MatchesRfc4231TestCase2) {
  unsigned char mac[workos::detail::sig::kSha256Size];
  ASSERT_TRUE(workos::detail::sig::hmac_sha256("Jefe", {"what do ya ", "want for nothing?"}, mac));
  EXPECT_EQ(workos::detail::sig::to_hex(mac, sizeof mac),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(WebhooksHmac, AlternatingSecretsOnOneThreadGiveIndependentResults) {
  // The thread-local context is re-keyed when the secret changes; results must not leak state.
  const std::string a = workos::signing::compute_signature(kT, kBody, kSecret);
  const std::string b = workos::signing::compute_signature(kT, kBody, "other");
  const std::string a2 = workos::signing::compute_signature(kT, kBody, kSecret);
  const std::string prefix = workos::signing::compute_signature(kT, kBody, "whsec_test_secre");
  EXPECT_EQ(a, kSig);
  EXPECT_EQ(a2, kSig);
  EXPECT_NE(b, kSig);
  EXPECT_NE(prefix, kSig);
  EXPECT_EQ(workos::signing::compute_signature(kT, kBody, kSecret), kSig);
}

TEST(WebhooksHmac, EmptyKeyIsAValidHmacKey) {
  unsigned char mac[workos::detail::sig::kSha256Size];
  ASSERT_TRUE(workos::detail::sig::hmac_sha256("", {""}, mac));
  // HMAC-SHA256 with empty key and empty message (well-known value).
  EXPECT_EQ(workos::detail::sig::to_hex(mac, sizeof mac),
            "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
}

TEST(WebhooksSignature, ComputeSignatureMatchesKnownVector) {
  EXPECT_EQ(workos::webhooks::compute_signature(kT, kBody, kSecret), kSig);
}

TEST(WebhooksSignature, AcceptsAValidSignatureAndReportsItsTimestamp) {
  auto r = workos::webhooks::verify_header(kBody, header(kT, kSig), kSecret, seconds(180), at(kT));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.failure(), SignatureFailure::kNone);
  EXPECT_EQ(r.timestamp_ms(), kT);
  EXPECT_EQ(r.timestamp(), at(kT));
  EXPECT_TRUE(r.to_result().has_value());
}

TEST(WebhooksSignature, AcceptsNoSpaceAfterTheComma) {
  EXPECT_TRUE(workos::webhooks::verify_header(kBody, "t=" + std::to_string(kT) + ",v1=" + kSig,
                                              kSecret, seconds(180), at(kT)));
}

// The vectors below are the header kinds on which a looser parser and the official Node SDK
// (@workos-inc/node 11) disagree; each states Node's verdict, which ours must equal.

TEST(WebhooksHeaderLikeNode, RejectsUpperCaseHex) {
  // Node compares the hex text with its lowercase HMAC: REJECT.
  std::string upper = kSig;
  for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  auto r = workos::webhooks::verify_header(kBody, "t=" + std::to_string(kT) + ", v1=" + upper,
                                           kSecret, seconds(180), at(kT));
  EXPECT_EQ(r.failure(), SignatureFailure::kSignatureMismatch);
  // One upper-case digit is enough.
  std::string one = kSig;
  one[10] = 'F';
  ASSERT_NE(one, kSig);
  EXPECT_FALSE(
      workos::webhooks::verify_header(kBody, header(kT, one), kSecret, seconds(180), at(kT)));
}

TEST(WebhooksHeaderLikeNode, RejectsV1BeforeT) {
  // Node reads the first item as the timestamp and the second as the signature: REJECT.
  const std::string h = "v1=" + std::string(kSig) + ", t=" + std::to_string(kT);
  EXPECT_EQ(workos::webhooks::verify_header(kBody, h, kSecret, seconds(180), at(kT)).failure(),
            SignatureFailure::kMalformedHeader);
}

TEST(WebhooksHeaderLikeNode, RejectsSpacesAroundValues) {
  // Node signs / compares the value text as is, spaces included: REJECT for each.
  const std::string t = std::to_string(kT);
  const std::string sig = kSig;
  struct Vector {
    std::string header;
    SignatureFailure failure;
  };
  for (const Vector& v : {
           Vector{"t=" + t + " , v1=" + sig, SignatureFailure::kMalformedHeader},
           Vector{"t= " + t + ", v1=" + sig, SignatureFailure::kMalformedHeader},
           Vector{"t=" + t + "\t, v1=" + sig, SignatureFailure::kMalformedHeader},
           Vector{"t=" + t + ", v1= " + sig, SignatureFailure::kSignatureMismatch},
           Vector{"t=" + t + ", v1=" + sig + " ", SignatureFailure::kSignatureMismatch},
       }) {
    EXPECT_EQ(
        workos::webhooks::verify_header(kBody, v.header, kSecret, seconds(180), at(kT)).failure(),
        v.failure)
        << "header: [" << v.header << "]";
  }
}

TEST(WebhooksHeaderLikeNode, AcceptsWhitespaceAroundKeys) {
  // Node ignores the key text: ACCEPT for each.
  const std::string t = std::to_string(kT);
  const std::string sig = kSig;
  for (const std::string& h :
       {" t=" + t + ", v1=" + sig, "t=" + t + ",  v1=" + sig, "t =" + t + ", v1 =" + sig,
        "t=" + t + ",\tv1=" + sig, "t=" + t + ",\r\n v1=" + sig}) {
    EXPECT_TRUE(workos::webhooks::verify_header(kBody, h, kSecret, seconds(180), at(kT)))
        << "header: [" << h << "]";
  }
}

TEST(WebhooksHeaderLikeNode, OnlyTheFirstV1EntryCounts) {
  // Node checks the second item only. Valid signature in a later v1: REJECT; valid first v1
  // followed by others: ACCEPT.
  const std::string wrong(64, 'a');
  const std::string t = std::to_string(kT);
  auto later = workos::webhooks::verify_header(kBody, "t=" + t + ", v1=" + wrong + ", v1=" + kSig,
                                               kSecret, seconds(180), at(kT));
  EXPECT_EQ(later.failure(), SignatureFailure::kSignatureMismatch);
  EXPECT_TRUE(workos::webhooks::verify_header(kBody, "t=" + t + ", v1=" + kSig + ", v1=" + wrong,
                                              kSecret, seconds(180), at(kT)));
  // Whatever follows the second item is not read (Node ignores it too): ACCEPT.
  EXPECT_TRUE(workos::webhooks::verify_header(kBody, "t=" + t + ", v1=" + kSig + ", garbage,",
                                              kSecret, seconds(180), at(kT)));
  EXPECT_TRUE(workos::webhooks::verify_header(kBody, "t=" + t + ", v1=" + kSig + ",", kSecret,
                                              seconds(180), at(kT)));
}

TEST(WebhooksHeaderLikeNode, RejectsAnUnknownSchemeBeforeV1) {
  // Node takes the second item's value as the signature, whatever its scheme: REJECT.
  const std::string t = std::to_string(kT);
  const std::string v0 = "t=" + t + ", v0=deadbeef, v1=" + kSig;
  EXPECT_EQ(workos::webhooks::verify_header(kBody, v0, kSecret, seconds(180), at(kT)).failure(),
            SignatureFailure::kMalformedHeader);
  // An empty second item: Node finds no signature: REJECT.
  EXPECT_EQ(workos::webhooks::verify_header(kBody, "t=" + t + ",, v1=" + kSig, kSecret,
                                            seconds(180), at(kT))
                .failure(),
            SignatureFailure::kMalformedHeader);
  // After v1, an unknown scheme is not read: ACCEPT.
  EXPECT_TRUE(workos::webhooks::verify_header(kBody, "t=" + t + ", v1=" + kSig + ", v0=deadbeef",
                                              kSecret, seconds(180), at(kT)));
}

TEST(WebhooksHeaderLikeNode, IsStricterThanNodeAboutKeysAndExtraEqualsSigns) {
  // Node accepts these (it ignores key names and cuts a value at a second '='); WorkOS never
  // sends them, and refusing them loses nothing: REJECT here by design.
  const std::string t = std::to_string(kT);
  EXPECT_EQ(workos::webhooks::verify_header(kBody, "x=" + t + ", y=" + kSig, kSecret, seconds(180),
                                            at(kT))
                .failure(),
            SignatureFailure::kMalformedHeader);
  EXPECT_EQ(workos::webhooks::verify_header(kBody, "t=" + t + ", v1=" + kSig + "=x", kSecret,
                                            seconds(180), at(kT))
                .failure(),
            SignatureFailure::kSignatureMismatch);
}

TEST(WebhooksSignature, RejectsATamperedBody) {
  std::string body = kBody;
  body[body.size() - 3] = 'X';
  auto r = workos::webhooks::verify_header(body, header(kT, kSig), kSecret, seconds(180), at(kT));
  EXPECT_FALSE(r);
  EXPECT_EQ(r.failure(), SignatureFailure::kSignatureMismatch);
  EXPECT_EQ(r.timestamp_ms(), kT);
}

TEST(WebhooksSignature, RejectsABodyWithOneExtraTrailingNewline) {
  // Re-serialized or re-encoded bodies are the classic mistake: the check is on raw bytes.
  auto r = workos::webhooks::verify_header(std::string(kBody) + "\n", header(kT, kSig), kSecret,
                                           seconds(180), at(kT));
  EXPECT_EQ(r.failure(), SignatureFailure::kSignatureMismatch);
}

TEST(WebhooksSignature, RejectsTheWrongSecret) {
  auto r =
      workos::webhooks::verify_header(kBody, header(kT, kSig), "whsec_other", seconds(180), at(kT));
  EXPECT_EQ(r.failure(), SignatureFailure::kSignatureMismatch);
}

TEST(WebhooksSignature, RejectsASignatureForAnotherTimestamp) {
  // Same signature, t moved by one millisecond: t is part of the signed text.
  auto r =
      workos::webhooks::verify_header(kBody, header(kT + 1, kSig), kSecret, seconds(180), at(kT));
  EXPECT_EQ(r.failure(), SignatureFailure::kSignatureMismatch);
}

TEST(WebhooksSignature, SignsTheTimestampDigitsExactlyAsSent) {
  // "t=01700000000000" has the same value but different signed text.
  auto r = workos::webhooks::verify_header(kBody, "t=0" + std::to_string(kT) + ", v1=" + kSig,
                                           kSecret, seconds(180), at(kT));
  EXPECT_EQ(r.failure(), SignatureFailure::kSignatureMismatch);
  unsigned char mac[workos::detail::sig::kSha256Size];
  ASSERT_TRUE(workos::detail::sig::hmac_sha256(kSecret, {"01700000000000", ".", kBody}, mac));
  const std::string sig0 = workos::detail::sig::to_hex(mac, sizeof mac);
  EXPECT_TRUE(workos::webhooks::verify_header(kBody, "t=01700000000000, v1=" + sig0, kSecret,
                                              seconds(180), at(kT)));
}

TEST(WebhooksSignature, AV1EntryOfTheWrongLengthIsAMismatchNotACrash) {
  for (const std::string& sig : {std::string(), std::string(kSig).substr(0, 63),
                                 std::string(kSig) + "00", std::string(64, 'z')}) {
    auto r = workos::webhooks::verify_header(kBody, header(kT, sig), kSecret, seconds(180), at(kT));
    EXPECT_EQ(r.failure(), SignatureFailure::kSignatureMismatch) << sig;
  }
}

TEST(WebhooksSignature, MalformedHeadersAreTypedAsSuch) {
  const std::string t = std::to_string(kT);
  for (const std::string& h : {
           std::string(), std::string("   "), std::string("garbage"),
           "t=" + t,                                          // no v1
           "v1=" + std::string(kSig),                         // no t
           "t=, v1=" + std::string(kSig),                     // empty t
           "t=abc, v1=" + std::string(kSig),                  // not a number
           "t=-5, v1=" + std::string(kSig),                   // negative
           "t=1.5, v1=" + std::string(kSig),                  // fraction
           "t=1234567890123456789, v1=" + std::string(kSig),  // 19 digits
           "t=" + t + ", t=" + t + ", v1=" + kSig,            // two t
           "t=" + t + ", v1",                                 // item without '='
       }) {
    auto r = workos::webhooks::verify_header(kBody, h, kSecret, seconds(180), at(kT));
    EXPECT_EQ(r.failure(), SignatureFailure::kMalformedHeader) << "header: " << h;
    EXPECT_EQ(r.timestamp_ms(), 0);
  }
}

TEST(WebhooksSignature, ToleranceRejectsOldAndFutureTimestamps) {
  const std::string h = header(kT, kSig);
  // Exactly at the edges: accepted.
  EXPECT_TRUE(workos::webhooks::verify_header(kBody, h, kSecret, seconds(180), at(kT + 180000)));
  EXPECT_TRUE(workos::webhooks::verify_header(kBody, h, kSecret, seconds(180), at(kT - 180000)));
  // One millisecond past: rejected with the direction named.
  auto old = workos::webhooks::verify_header(kBody, h, kSecret, seconds(180), at(kT + 180001));
  EXPECT_EQ(old.failure(), SignatureFailure::kTimestampTooOld);
  EXPECT_EQ(old.timestamp_ms(), kT);
  auto future = workos::webhooks::verify_header(kBody, h, kSecret, seconds(180), at(kT - 180001));
  EXPECT_EQ(future.failure(), SignatureFailure::kTimestampInFuture);
}

TEST(WebhooksSignature, AHugeToleranceDoesNotOverflow) {
  // now + tolerance would leave the int64 range; the check must still pass a fresh, valid
  // header and still check the MAC.
  const auto kMax = milliseconds::max();
  const std::string h = header(kT, kSig);
  EXPECT_TRUE(workos::webhooks::verify_header(kBody, h, kSecret, kMax, at(kT)));
  EXPECT_TRUE(workos::webhooks::verify_header(kBody, h, kSecret, kMax, at(kT - 3600000)));
  EXPECT_TRUE(workos::webhooks::verify_header(kBody, h, kSecret, kMax, at(kT + 3600000)));
  EXPECT_TRUE(workos::actions::verify_header(kBody, h, kSecret, kMax, at(kT)));
  EXPECT_EQ(workos::webhooks::verify_header(kBody, header(kT, std::string(64, 'c')), kSecret, kMax,
                                            at(kT))
                .failure(),
            SignatureFailure::kSignatureMismatch);
  EXPECT_EQ(
      workos::webhooks::verify_header(kBody, h, kSecret, milliseconds::min(), at(kT + 1)).failure(),
      SignatureFailure::kTimestampTooOld);
}

TEST(WebhooksSignature, ExtremeClocksAndTimestampsFailClosedWithoutOverflow) {
  const std::string h = header(kT, kSig);
  using TP = std::chrono::system_clock::time_point;
  EXPECT_EQ(workos::webhooks::verify_header(kBody, h, kSecret, seconds(180), TP::max()).failure(),
            SignatureFailure::kTimestampTooOld);
  EXPECT_EQ(workos::webhooks::verify_header(kBody, h, kSecret, seconds(180), TP::min()).failure(),
            SignatureFailure::kTimestampInFuture);
  // The largest timestamp the header may carry (18 digits).
  const std::string huge = "999999999999999999";
  auto far = workos::webhooks::verify_header(kBody, "t=" + huge + ", v1=" + kSig, kSecret,
                                             seconds(180), at(kT));
  EXPECT_EQ(far.failure(), SignatureFailure::kTimestampInFuture);
  EXPECT_EQ(far.timestamp_ms(), 999999999999999999);
  // Beyond what system_clock holds: saturated, not wrapped.
  EXPECT_EQ(far.timestamp(), TP::max());
  // With the largest tolerance and the earliest "now" (now + tolerance leaves int64): within
  // tolerance, so the MAC decides.
  auto any = workos::webhooks::verify_header(kBody, "t=" + huge + ", v1=" + kSig, kSecret,
                                             milliseconds::max(), TP::min());
  EXPECT_EQ(any.failure(), SignatureFailure::kSignatureMismatch);
}

TEST(WebhooksSignature, StaleTimestampIsReportedEvenWithAWrongSignature) {
  // The timestamp is checked before the HMAC: cheap rejection of replays.
  auto r = workos::webhooks::verify_header(kBody, header(kT, std::string(64, '0')), kSecret,
                                           seconds(1), at(kT + 5000));
  EXPECT_EQ(r.failure(), SignatureFailure::kTimestampTooOld);
}

TEST(WebhooksSignature, ToleranceZeroAcceptsOnlyTheExactMillisecond) {
  const std::string h = header(kT, kSig);
  EXPECT_TRUE(workos::webhooks::verify_header(kBody, h, kSecret, milliseconds(0), at(kT)));
  EXPECT_EQ(
      workos::webhooks::verify_header(kBody, h, kSecret, milliseconds(0), at(kT + 1)).failure(),
      SignatureFailure::kTimestampTooOld);
  EXPECT_EQ(
      workos::webhooks::verify_header(kBody, h, kSecret, milliseconds(0), at(kT - 1)).failure(),
      SignatureFailure::kTimestampInFuture);
  // A negative tolerance behaves as 0.
  EXPECT_TRUE(workos::webhooks::verify_header(kBody, h, kSecret, milliseconds(-10), at(kT)));
  EXPECT_FALSE(workos::webhooks::verify_header(kBody, h, kSecret, milliseconds(-10), at(kT + 1)));
}

TEST(WebhooksSignature, DefaultOverloadUsesTheSystemClock) {
  const std::string body = "{}";
  const std::string fresh = workos::testing::sign_webhook(body, kSecret);
  EXPECT_TRUE(workos::webhooks::verify_header(body, fresh, kSecret));
  const std::string old = workos::testing::sign_webhook(
      body, kSecret, std::chrono::system_clock::now() - seconds(181) - seconds(60));
  EXPECT_EQ(workos::webhooks::verify_header(body, old, kSecret).failure(),
            SignatureFailure::kTimestampTooOld);
  // Same header, wider tolerance.
  EXPECT_TRUE(workos::webhooks::verify_header(body, old, kSecret, std::chrono::minutes(10)));
}

TEST(WebhooksSignature, EmptySecretIsAnErrorOfItsOwn) {
  auto r = workos::webhooks::verify_header(kBody, header(kT, kSig), "", seconds(180), at(kT));
  EXPECT_EQ(r.failure(), SignatureFailure::kEmptySecret);
}

TEST(WebhooksSignature, ErrorsAreCryptoErrorsWithStableCodesAndNoSecrets) {
  auto r = workos::webhooks::verify_header(kBody, header(kT, std::string(64, 'b')), kSecret,
                                           seconds(180), at(kT));
  ASSERT_FALSE(r);
  const workos::Error e = r.error();
  EXPECT_EQ(e.kind(), workos::ErrorKind::kCrypto);
  EXPECT_EQ(e.code(), "signature_mismatch");
  EXPECT_EQ(workos::signing::failure_of(e), SignatureFailure::kSignatureMismatch);
  EXPECT_EQ(e.message().find(kSecret), std::string::npos);
  EXPECT_EQ(e.message().find(std::string(64, 'b')), std::string::npos);
  EXPECT_EQ(e.to_string().find(kSecret), std::string::npos);
  EXPECT_FALSE(r.to_result().has_value());
  EXPECT_EQ(r.to_result().error().code(), "signature_mismatch");

  EXPECT_EQ(workos::signing::failure_of(workos::Error(workos::ErrorKind::kDecode, "x")),
            SignatureFailure::kNone);
  for (auto f : {SignatureFailure::kMalformedHeader, SignatureFailure::kTimestampTooOld,
                 SignatureFailure::kTimestampInFuture, SignatureFailure::kSignatureMismatch,
                 SignatureFailure::kEmptySecret}) {
    auto failed = workos::signing::VerifyResult::failed(f);
    EXPECT_EQ(workos::signing::failure_of(failed.error()), f);
    EXPECT_EQ(failed.error().code(), workos::signing::to_code(f));
  }
}

#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
TEST(WebhooksSignature, ValueThrowsCryptoError) {
  auto r = workos::webhooks::verify_header(kBody, "nonsense", kSecret, seconds(180), at(kT));
  EXPECT_THROW(r.value(), workos::CryptoError);
  auto ok = workos::webhooks::verify_header(kBody, header(kT, kSig), kSecret, seconds(180), at(kT));
  EXPECT_NO_THROW(ok.value());
}
#endif

TEST(WebhooksSignature, SignWebhookProducesTheOfficialHeaderShape) {
  EXPECT_EQ(workos::testing::sign_webhook_ms(kBody, kSecret, kT),
            "t=1700000000000, v1=" + std::string(kSig));
  EXPECT_EQ(workos::testing::sign_webhook(kBody, kSecret, at(kT)),
            "t=1700000000000, v1=" + std::string(kSig));
}

TEST(WebhooksSignature, VerifiesBinaryPayloadsWithEmbeddedNul) {
  const std::string body("a\0b\xff", 4);
  const std::string h = workos::testing::sign_webhook_ms(body, kSecret, kT);
  EXPECT_TRUE(workos::webhooks::verify_header(body, h, kSecret, seconds(1), at(kT)));
  EXPECT_FALSE(workos::webhooks::verify_header(std::string("a"), h, kSecret, seconds(1), at(kT)));
}

TEST(WebhooksSignature, VerificationIsSafeFromManyThreadsWithDifferentSecrets) {
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([i, &failures] {
      const std::string secret = "whsec_thread_" + std::to_string(i);
      for (int n = 0; n < 200; ++n) {
        const std::string body = "{\"n\":" + std::to_string(n) + "}";
        const std::string h = workos::testing::sign_webhook_ms(body, secret, kT);
        if (!workos::webhooks::verify_header(body, h, secret, seconds(1), at(kT))) ++failures;
        if (workos::webhooks::verify_header(body, h, kSecret, seconds(1), at(kT))) ++failures;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
}

TEST(WebhooksSignatureHeader, ScanReadsTheFirstTwoItemsByPosition) {
  workos::detail::sig::SignatureHeaderScan scan;
  ASSERT_EQ(workos::detail::sig::scan_signature_header(" t =042, v1 =aa ,, v1=bb ,v2=cc", scan),
            SignatureFailure::kNone);
  EXPECT_EQ(scan.timestamp_text, "042");
  EXPECT_EQ(scan.timestamp_ms, 42);
  EXPECT_EQ(scan.signature, "aa ");  // verbatim: the space makes it a non-match later
  EXPECT_EQ(workos::detail::sig::scan_signature_header("t=1 ,v1=aa", scan),
            SignatureFailure::kMalformedHeader);
  EXPECT_EQ(workos::detail::sig::scan_signature_header("t=1", scan),
            SignatureFailure::kMalformedHeader);
}

TEST(Actions, VerifyHeaderDefaultsToThirtySeconds) {
  const std::string body = R"({"id":"01","object":"authentication_action_context"})";
  const auto now = std::chrono::system_clock::now();
  const std::string recent = workos::testing::sign_webhook(body, kSecret, now - seconds(10));
  const std::string old = workos::testing::sign_webhook(body, kSecret, now - seconds(90));
  EXPECT_TRUE(workos::actions::verify_header(body, recent, kSecret));
  EXPECT_EQ(workos::actions::verify_header(body, old, kSecret).failure(),
            SignatureFailure::kTimestampTooOld);
  // The same delivery passes the 180 s webhook default.
  EXPECT_TRUE(workos::webhooks::verify_header(body, old, kSecret));
}

}  // namespace
