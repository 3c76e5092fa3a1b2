// Copyright workos-cpp authors. Handwritten.
// Access-token verification against a fixed key set.

#include <workos/auth/access_token.h>

#include <gtest/gtest.h>

#include "support/auth_test_keys.h"

namespace {

using workos::auth::AccessTokenVerifier;
using workos::auth::TokenFailure;
using workos::auth::TokenVerifyOptions;
using workos::test::auth::b64url;
using workos::test::auth::mint_access_token;
using workos::test::auth::TestClaims;
using workos::test::auth::TestRsaKey;

const auto kNow = std::chrono::system_clock::time_point(std::chrono::seconds(1'800'000'000));

class AuthToken : public ::testing::Test {
 protected:
  std::shared_ptr<const TestRsaKey> key = TestRsaKey::shared("key_a");
  std::shared_ptr<const TestRsaKey> other = TestRsaKey::shared("key_b");

  AccessTokenVerifier verifier(TokenVerifyOptions o = {}) {
    if (!o.now) o.now = [] { return kNow; };
    return AccessTokenVerifier::from_jwks_json(workos::test::auth::jwks_json({key}), o).value();
  }
  static TokenFailure failure_of(const workos::Result<workos::auth::AccessTokenClaims>& r) {
    EXPECT_FALSE(r);
    return r ? TokenFailure::kNone : workos::auth::token_failure(r.error());
  }
};

TEST_F(AuthToken, VerifiesAndDecodesWorkosClaims) {
  TestClaims c;
  c.extra = R"(,"act":{"sub":"admin@example.com","reason":"debugging"},"custom":{"x":1})";
  auto r = verifier().verify(mint_access_token(*key, c, kNow));
  ASSERT_TRUE(r) << r.error().message();
  EXPECT_EQ(r->sub, "user_01TEST");
  EXPECT_EQ(r->sid, "session_01TEST");
  EXPECT_EQ(r->iss, "https://api.workos.com");
  EXPECT_EQ(r->org_id.value(), "org_01TEST");
  EXPECT_EQ(r->role.value(), "admin");
  EXPECT_EQ(r->roles, std::vector<std::string>{"admin"});
  EXPECT_EQ(r->permissions, (std::vector<std::string>{"posts:read", "posts:write"}));
  EXPECT_EQ(r->entitlements, std::vector<std::string>{"audit-logs"});
  EXPECT_EQ(r->feature_flags, std::vector<std::string>{"new-dashboard"});
  ASSERT_TRUE(r->act);
  EXPECT_EQ(r->act->sub, "admin@example.com");
  EXPECT_EQ(r->act->reason.value(), "debugging");
  EXPECT_EQ(r->kid, "key_a");
  EXPECT_EQ(workos::test::auth::epoch_seconds(r->exp), 1'800'000'000 - 5 + 300);
  EXPECT_NE(r->raw_json.find("\"custom\":{\"x\":1}"), std::string::npos);
}

TEST_F(AuthToken, RejectsAlgNoneAndHmacWhateverTheKeySet) {
  TestClaims c;
  std::string payload = b64url(c.to_json(kNow));
  std::string none = b64url(R"({"alg":"none","kid":"key_a"})") + "." + payload + ".";
  EXPECT_EQ(failure_of(verifier().verify(none)), TokenFailure::kMalformed);  // empty signature
  std::string none_sig = b64url(R"({"alg":"none","kid":"key_a"})") + "." + payload + ".AAAA";
  EXPECT_EQ(failure_of(verifier().verify(none_sig)), TokenFailure::kUnsupportedAlgorithm);
  // HS256 "signed" with the public key text: the classic key-confusion attack.
  std::string hs = key->sign_jwt(R"({"alg":"HS256","kid":"key_a"})", c.to_json(kNow));
  EXPECT_EQ(failure_of(verifier().verify(hs)), TokenFailure::kUnsupportedAlgorithm);
  std::string rs512 = key->sign_jwt(R"({"alg":"RS512","kid":"key_a"})", c.to_json(kNow));
  EXPECT_EQ(failure_of(verifier().verify(rs512)), TokenFailure::kUnsupportedAlgorithm);
}

TEST_F(AuthToken, NeverEchoesTheTokensAlgInTheError) {
  TestClaims c;
  // An attacker-chosen alg: control characters, a fake log line, markup.
  const std::string evil = key->sign_jwt(
      R"({"alg":"EVIL\n[error] forged log line\u0001<b>x</b>","kid":"key_a"})", c.to_json(kNow));
  auto r = verifier().verify(evil);
  ASSERT_FALSE(r);
  EXPECT_EQ(workos::auth::token_failure(r.error()), TokenFailure::kUnsupportedAlgorithm);
  const std::string message = r.error().message();
  EXPECT_NE(message.find("unsupported algorithm"), std::string::npos) << message;
  for (const char* part : {"EVIL", "forged", "<b>", "\n", "\x01"}) {
    EXPECT_EQ(message.find(part), std::string::npos) << part << " in: " << message;
  }
  EXPECT_EQ(r.error().to_string().find("EVIL"), std::string::npos);
  // A registered algorithm is named (our own text, not the token's), which helps spot an
  // HS256 / RS256 mix-up; a long or unknown one is not.
  auto hs = verifier().verify(key->sign_jwt(R"({"alg":"HS256","kid":"key_a"})", c.to_json(kNow)));
  ASSERT_FALSE(hs);
  EXPECT_NE(hs.error().message().find("HS256"), std::string::npos) << hs.error().message();
  const std::string long_alg(300, 'A');
  auto lng = verifier().verify(
      key->sign_jwt(R"({"alg":")" + long_alg + R"(","kid":"key_a"})", c.to_json(kNow)));
  ASSERT_FALSE(lng);
  EXPECT_EQ(lng.error().message().find("AAAA"), std::string::npos) << lng.error().message();
}

TEST_F(AuthToken, RequiresAKnownKid) {
  TestClaims c;
  std::string no_kid = key->sign_jwt(R"({"alg":"RS256"})", c.to_json(kNow));
  EXPECT_EQ(failure_of(verifier().verify(no_kid)), TokenFailure::kMissingKeyId);
  EXPECT_EQ(failure_of(verifier().verify(mint_access_token(*other, c, kNow))),
            TokenFailure::kUnknownKeyId);
}

TEST_F(AuthToken, RejectsASignatureFromAnotherKeyUnderTheSameKid) {
  TestClaims c;
  std::string forged = other->sign_jwt(R"({"alg":"RS256","kid":"key_a"})", c.to_json(kNow));
  EXPECT_EQ(failure_of(verifier().verify(forged)), TokenFailure::kInvalidSignature);
}

TEST_F(AuthToken, RejectsATamperedPayload) {
  TestClaims c;
  std::string token = mint_access_token(*key, c, kNow);
  const std::size_t a = token.find('.'), b = token.rfind('.');
  TestClaims evil = c;
  evil.role = "owner";
  std::string tampered = token.substr(0, a + 1) + b64url(evil.to_json(kNow)) + token.substr(b);
  EXPECT_EQ(failure_of(verifier().verify(tampered)), TokenFailure::kInvalidSignature);
}

TEST_F(AuthToken, ChecksExpiryWithLeeway) {
  TestClaims c;
  c.issued_ago = std::chrono::seconds(400);  // expired 100 s ago
  std::string token = mint_access_token(*key, c, kNow);
  EXPECT_EQ(failure_of(verifier().verify(token)), TokenFailure::kExpired);
  TokenVerifyOptions generous;
  generous.leeway = std::chrono::seconds(101);
  EXPECT_TRUE(verifier(generous).verify(token));
  TokenVerifyOptions strict;
  strict.leeway = std::chrono::seconds(0);
  c.issued_ago = std::chrono::seconds(300);  // exp == now: expired (RFC 7519 4.1.4)
  EXPECT_EQ(failure_of(verifier(strict).verify(mint_access_token(*key, c, kNow))),
            TokenFailure::kExpired);
}

TEST_F(AuthToken, ChecksNotBeforeAndIssuedAt) {
  TestClaims c;
  c.extra = R"(,"nbf":)" + std::to_string(1'800'000'000 + 60);
  EXPECT_EQ(failure_of(verifier().verify(mint_access_token(*key, c, kNow))),
            TokenFailure::kNotYetValid);
  TestClaims future;
  future.issued_ago = std::chrono::seconds(-60);
  EXPECT_EQ(failure_of(verifier().verify(mint_access_token(*key, future, kNow))),
            TokenFailure::kIssuedInFuture);
  future.issued_ago = std::chrono::seconds(-5);  // within the default 10 s leeway
  EXPECT_TRUE(verifier().verify(mint_access_token(*key, future, kNow)));
}

TEST_F(AuthToken, RequiresExp) {
  std::string token = key->sign_jwt(R"({"alg":"RS256","kid":"key_a"})", R"({"sub":"u"})");
  EXPECT_EQ(failure_of(verifier().verify(token)), TokenFailure::kMissingExpiration);
}

TEST_F(AuthToken, ChecksIssuerAndAudienceWhenAsked) {
  TestClaims c;
  c.extra = R"(,"aud":["client_1","other"])";
  std::string token = mint_access_token(*key, c, kNow);
  TokenVerifyOptions o;
  o.issuer = "https://api.workos.com";
  o.audience = "client_1";
  EXPECT_TRUE(verifier(o).verify(token));
  o.issuer = "https://auth.example.com";
  EXPECT_EQ(failure_of(verifier(o).verify(token)), TokenFailure::kInvalidIssuer);
  o.issuer.reset();
  o.audience = "client_2";
  EXPECT_EQ(failure_of(verifier(o).verify(token)), TokenFailure::kInvalidAudience);
  TestClaims single;
  single.extra = R"(,"aud":"client_2")";
  EXPECT_TRUE(verifier(o).verify(mint_access_token(*key, single, kNow)));
}

TEST_F(AuthToken, RejectsMalformedTokens) {
  auto v = verifier();
  for (std::string bad : {"", "a", "a.b", "a.b.c.d", "..", "!!.??.**", "e30.e30.e30"}) {
    EXPECT_EQ(failure_of(v.verify(bad)), TokenFailure::kMalformed) << bad;
  }
  TestClaims c;
  std::string bad_claims =
      key->sign_jwt(R"({"alg":"RS256","kid":"key_a"})", R"({"exp":"tomorrow","sub":"u"})");
  EXPECT_EQ(failure_of(v.verify(bad_claims)), TokenFailure::kMalformed);
  std::string crit =
      key->sign_jwt(R"({"alg":"RS256","kid":"key_a","crit":["x"]})", c.to_json(kNow));
  EXPECT_EQ(failure_of(v.verify(crit)), TokenFailure::kMalformed);
}

TEST_F(AuthToken, ErrorsAreCryptoKindWithStableCodes) {
  TestClaims c;
  c.issued_ago = std::chrono::hours(1);
  auto r = verifier().verify(mint_access_token(*key, c, kNow));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), workos::ErrorKind::kCrypto);
  EXPECT_EQ(r.error().code(), "token_expired");
  EXPECT_STREQ(workos::auth::to_string(TokenFailure::kExpired), "token_expired");
}

TEST_F(AuthToken, KeyWithOtherAlgorithmIsAMismatch) {
  std::string jwk = key->jwk_json();
  jwk.replace(jwk.find("RS256"), 5, "RS512");
  auto v = AccessTokenVerifier::from_jwks_json(
      R"({"keys":[)" + other->jwk_json() + "," + jwk + "]}", {});
  ASSERT_TRUE(v);
  TestClaims c;
  auto r = v->verify(mint_access_token(*key, c));
  EXPECT_EQ(failure_of(r), TokenFailure::kAlgorithmMismatch);
}

TEST_F(AuthToken, FromJwksJsonNeedsAUsableKey) {
  EXPECT_FALSE(AccessTokenVerifier::from_jwks_json("{}", {}));
  EXPECT_FALSE(AccessTokenVerifier::from_jwks_json(R"({"keys":[]})", {}));
  EXPECT_FALSE(AccessTokenVerifier::from_jwks_json("not json", {}));
  auto small = TestRsaKey::generate("small", 1024);
  EXPECT_FALSE(AccessTokenVerifier::from_jwks_json(workos::test::auth::jwks_json({small}), {}));
}

TEST_F(AuthToken, FromJwksJsonRefusesAnEvenOrUnitExponent) {
  const std::string jwk = key->jwk_json();
  ASSERT_NE(jwk.find(R"("e":"AQAB")"), std::string::npos) << jwk;
  auto with_exponent = [&](const char* e) {
    std::string changed = jwk;
    changed.replace(changed.find(R"("e":"AQAB")"), 10, std::string(R"("e":")") + e + "\"");
    return AccessTokenVerifier::from_jwks_json(R"({"keys":[)" + changed + "]}", {});
  };
  EXPECT_TRUE(with_exponent("AQAB"));   // 65537
  EXPECT_TRUE(with_exponent("Aw"));     // 3
  EXPECT_FALSE(with_exponent("AQ"));    // 1: a "signature" would be its own message
  EXPECT_FALSE(with_exponent("AQAA"));  // 65536: even
}

TEST_F(AuthToken, RefusesPaddedPartsSoATokenHasOneSpelling) {
  TestClaims c;
  const std::string token = mint_access_token(*key, c, kNow);
  ASSERT_TRUE(verifier().verify(token));
  // The signature of a 2048-bit key is 256 bytes: 342 base64url characters, 344 with padding,
  // which decode to the same bytes. RFC 7515 has no padding; the padded spelling is refused.
  for (const std::string& padded : {token + "==", token + "="}) {
    auto r = verifier().verify(padded);
    EXPECT_EQ(failure_of(r), TokenFailure::kMalformed);
  }
  const std::size_t dot = token.find('.');
  const std::string padded_header = token.substr(0, dot) + "=" + token.substr(dot);
  EXPECT_EQ(failure_of(verifier().verify(padded_header)), TokenFailure::kMalformed);
  EXPECT_FALSE(workos::auth::decode_access_token_unverified(token + "=="));
}

TEST_F(AuthToken, DecodeUnverifiedReadsClaimsOnly) {
  TestClaims c;
  auto r = workos::auth::decode_access_token_unverified(
      other->sign_jwt(R"({"alg":"RS256","kid":"nope"})", c.to_json(kNow)));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->sid, "session_01TEST");
  EXPECT_EQ(r->kid, "nope");
  EXPECT_FALSE(workos::auth::decode_access_token_unverified("x.y"));
}

}  // namespace
