// Copyright workos-cpp authors. Handwritten.

#include <workos/auth/pkce.h>

#include <gtest/gtest.h>

#include <set>

namespace {

using workos::auth::code_challenge_s256;
using workos::auth::generate_code_verifier;
using workos::auth::generate_pkce;
using workos::auth::is_valid_code_verifier;

TEST(AuthPkce, ChallengeMatchesRfc7636AppendixB) {
  // RFC 7636 Appendix B: the S256 example.
  EXPECT_EQ(code_challenge_s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

TEST(AuthPkce, VerifierHasRequestedLengthAndUnreservedCharacters) {
  for (std::size_t len : {43u, 44u, 64u, 100u, 127u, 128u}) {
    auto v = generate_code_verifier(len);
    ASSERT_TRUE(v) << v.error().message();
    EXPECT_EQ(v->size(), len);
    EXPECT_TRUE(is_valid_code_verifier(*v)) << *v;
  }
}

TEST(AuthPkce, RejectsLengthsOutsideRfcRange) {
  for (std::size_t len : {0u, 42u, 129u, 1000u}) {
    auto v = generate_code_verifier(len);
    ASSERT_FALSE(v);
    EXPECT_EQ(v.error().kind(), workos::ErrorKind::kInvalidArgument);
  }
}

TEST(AuthPkce, VerifiersAreDistinct) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) seen.insert(generate_code_verifier().value());
  EXPECT_EQ(seen.size(), 200u);
}

TEST(AuthPkce, PairChallengeIsS256OfVerifier) {
  auto pair = generate_pkce().value();
  EXPECT_EQ(pair.code_challenge_method, "S256");
  EXPECT_EQ(pair.code_challenge, code_challenge_s256(pair.code_verifier));
  EXPECT_EQ(pair.code_challenge.size(), 43u);  // 32 bytes, base64url without padding
  EXPECT_EQ(pair.code_challenge.find('='), std::string::npos);
}

TEST(AuthPkce, ValidatesVerifierCharacterSet) {
  EXPECT_TRUE(is_valid_code_verifier(std::string(43, 'a')));
  EXPECT_TRUE(is_valid_code_verifier("abcdefghijklmnopqrstuvwxyzABCDEFGHIJ-._~0123"));
  EXPECT_FALSE(is_valid_code_verifier(std::string(42, 'a')));
  EXPECT_FALSE(is_valid_code_verifier(std::string(129, 'a')));
  EXPECT_FALSE(is_valid_code_verifier(std::string(42, 'a') + "+"));
  EXPECT_FALSE(is_valid_code_verifier(std::string(42, 'a') + "="));
}

TEST(AuthPkce, StateIsRandomAndUrlSafe) {
  auto a = workos::auth::generate_state().value();
  auto b = workos::auth::generate_state().value();
  EXPECT_NE(a, b);
  EXPECT_TRUE(is_valid_code_verifier(a));
}

}  // namespace
