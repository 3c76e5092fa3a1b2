// Copyright workos-cpp authors. Handwritten.

#include <workos/auth/session_codec.h>

#include <gtest/gtest.h>

#include "auth/encoding.h"

namespace {

using workos::auth::make_fernet_codec;
using workos::auth::make_iron_codec;

const std::string kPassword = "this-is-a-test-cookie-password-of-32+chars";

// Sealed by @workos-inc/node 11.0.0 (sealSessionDataFromAuthenticationResponse) with kPassword.
const std::string kNodeSeal =
    "Fe26.2*1*234a826aeefd1d3cd20a4b32c52415bc381ba3fcaf32684cbbfeb1203a1265db*Rdkf4ZLjeJUawY_"
    "tNaAwUA*DCrM6Jpn3wekJqdz6LaDIWgMhOa4RVEjNQMWROVanlYA-_"
    "qaMIO1JT3qiNh2u4rLw0McgL7R9sZkXzSzP2MP3S0gpk9IrRUOUAdrvpyNucKRt2aCqLbPYNHx4BdgzBykakgdpykR1q7"
    "Qpwj2buvSMvTxGnUSJq2fD2hJgt_ovLhIcDj3zHNZcE5xW7zKb0JuN360GdvI8rHTTt5khPamKJOVj5ytocSEA_mDM_"
    "oj_RibeP0eDn5GKPBQoVW69FeF8R3U6_xB52evjKEfYQ0JvGl8LkaQAIpGoBaTyJmuT7fwHvRg3nSnTEbUWZMmc5hi**"
    "0696ee1f07edb2a395116e0fb98d8e5e20ad2f15d88a6bff9c4a2fe257901a18*eP_"
    "SEwTcJh6a7L5cw_w3ZROEMJYY6TLYbLkXXqmkbvs~2";
const std::string kNodePlain =
    R"({"organizationId":"org_1","user":{"object":"user","id":"user_1","email":"a@b.c"},)"
    R"("accessToken":"eyJhbGciOiJSUzI1NiJ9.eyJzaWQiOiJzZXNzaW9uXzEiLCJvcmdfaWQiOiJvcmdfMSJ9.c2ln",)"
    R"("refreshToken":"rt_1","authenticationMethod":"Password"})";

TEST(AuthIronCodec, UnsealsANodeSdkSeal) {
  auto codec = make_iron_codec(kPassword).value();
  auto plain = codec->unseal(kNodeSeal);
  ASSERT_TRUE(plain) << plain.error().message();
  EXPECT_EQ(*plain, kNodePlain);
}

TEST(AuthIronCodec, RoundTripsAndWritesNodeLayout) {
  auto codec = make_iron_codec(kPassword).value();
  auto sealed = codec->seal("{\"a\":1}").value();
  EXPECT_EQ(sealed.rfind("Fe26.2*1*", 0), 0u);
  EXPECT_EQ(sealed.substr(sealed.size() - 2), "~2");
  // 8 components: prefix, id, salt, iv, data, expiration (empty), salt, mac.
  std::string seal = sealed.substr(0, sealed.size() - 2);
  EXPECT_EQ(std::count(seal.begin(), seal.end(), '*'), 7);
  EXPECT_NE(seal.find("**"), std::string::npos);  // empty expiration, as the Node SDK writes
  EXPECT_EQ(codec->unseal(sealed).value(), "{\"a\":1}");
  EXPECT_NE(codec->seal("{\"a\":1}").value(), sealed);  // fresh salts and IV every time
}

TEST(AuthIronCodec, AcceptsSealWithoutVersionSuffix) {
  auto codec = make_iron_codec(kPassword).value();
  EXPECT_EQ(codec->unseal(kNodeSeal.substr(0, kNodeSeal.size() - 2)).value(), kNodePlain);
}

TEST(AuthIronCodec, OlderVersionUnwrapsPersistent) {
  auto codec = make_iron_codec(kPassword).value();
  std::string sealed = codec->seal(R"({"persistent":{"accessToken":"x"}})").value();
  sealed.back() = '1';  // "~1"
  EXPECT_EQ(codec->unseal(sealed).value(), R"({"accessToken":"x"})");
}

TEST(AuthIronCodec, RejectsWrongPasswordAndTampering) {
  auto other = make_iron_codec(kPassword + "-other").value();
  auto r = other->unseal(kNodeSeal);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), workos::ErrorKind::kCrypto);

  auto codec = make_iron_codec(kPassword).value();
  std::string tampered = kNodeSeal;
  tampered[120] = tampered[120] == 'A' ? 'B' : 'A';  // inside the ciphertext
  EXPECT_FALSE(codec->unseal(tampered));
  EXPECT_FALSE(codec->unseal("Fe26.2*1*a*b*c*d*e"));
  EXPECT_FALSE(codec->unseal("Fe26.1" + kNodeSeal.substr(6)));
  EXPECT_FALSE(codec->unseal(""));
  EXPECT_FALSE(codec->unseal("not a seal"));
}

TEST(AuthIronCodec, ChecksExpiryWithSkew) {
  auto now = std::chrono::system_clock::time_point(std::chrono::seconds(1'700'000'000));
  workos::auth::IronOptions o;
  o.ttl = std::chrono::minutes(1);
  o.now = [&] { return now; };
  auto codec = make_iron_codec(kPassword, o).value();
  auto sealed = codec->seal("{}").value();
  EXPECT_TRUE(codec->unseal(sealed));
  now += std::chrono::seconds(60 + 59);  // within the 60 s skew
  EXPECT_TRUE(codec->unseal(sealed));
  now += std::chrono::seconds(2);
  auto r = codec->unseal(sealed);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message().find("expired"), std::string::npos);
}

TEST(AuthIronCodec, RequiresA32CharacterPassword) {
  auto r = make_iron_codec(std::string(31, 'x'));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind(), workos::ErrorKind::kConfiguration);
  EXPECT_TRUE(make_iron_codec(std::string(32, 'x')));
}

// The Fernet specification's test vector (github.com/fernet/spec, generate.json / verify.json).
TEST(AuthFernetCodec, DecryptsSpecVector) {
  auto codec = make_fernet_codec("cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=").value();
  auto plain = codec->unseal(
      "gAAAAAAdwJ6wAAECAwQFBgcICQoLDA0ODy021cpGVWKZ_eEwCGM4BLLF_"
      "5CV9dOPmrhuVUPgJobwOz7JcbmrR64jVmpU4IwqDA==");
  ASSERT_TRUE(plain) << plain.error().message();
  EXPECT_EQ(*plain, "hello");
}

TEST(AuthFernetCodec, TtlRejectsOldTokens) {
  workos::auth::FernetOptions o;
  o.ttl = std::chrono::seconds(60);  // the vector is from 1985
  auto codec = make_fernet_codec("cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=", o).value();
  EXPECT_FALSE(
      codec->unseal("gAAAAAAdwJ6wAAECAwQFBgcICQoLDA0ODy021cpGVWKZ_eEwCGM4BLLF_"
                    "5CV9dOPmrhuVUPgJobwOz7JcbmrR64jVmpU4IwqDA=="));
}

TEST(AuthFernetCodec, RoundTripsWithPaddedUrlSafeBase64) {
  auto key = workos::auth::generate_fernet_key().value();
  EXPECT_EQ(key.size(), 44u);
  auto codec = make_fernet_codec(key).value();
  auto token = codec->seal("{\"access_token\":\"x\"}").value();
  EXPECT_EQ(token.rfind("gAAAAA", 0), 0u);
  EXPECT_EQ(token.size() % 4, 0u);
  EXPECT_EQ(codec->unseal(token).value(), "{\"access_token\":\"x\"}");
  std::string tampered = token;
  tampered[30] = tampered[30] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(codec->unseal(tampered));
  auto other = make_fernet_codec(workos::auth::generate_fernet_key().value()).value();
  EXPECT_FALSE(other->unseal(token));
}

TEST(AuthFernetCodec, RejectsBadKeys) {
  EXPECT_EQ(make_fernet_codec("short").error().kind(), workos::ErrorKind::kConfiguration);
  EXPECT_FALSE(make_fernet_codec(std::string(44, '!')));
}

TEST(AuthEncoding, Base64UrlRoundTripAndStrictness) {
  using namespace workos::auth::detail;
  std::string out;
  for (std::string s : {"", "f", "fo", "foo", "foob", "fooba", "foobar", "\xff\xfe\xfd"}) {
    ASSERT_TRUE(base64url_decode(base64url_encode(s), out));
    EXPECT_EQ(out, s);
    ASSERT_TRUE(base64url_decode(base64url_encode_padded(s), out));
    EXPECT_EQ(out, s);
  }
  EXPECT_EQ(base64url_encode("\xfb\xff"), "-_8");
  EXPECT_FALSE(base64url_decode("+/8", out));  // standard alphabet is not base64url
  EXPECT_FALSE(base64url_decode("Zg=", out));  // bad padding length
  EXPECT_FALSE(base64url_decode("Z", out));    // impossible length
  EXPECT_FALSE(base64url_decode("Zh", out));   // non-canonical trailing bits
  EXPECT_TRUE(base64url_decode("Zg", out));
  EXPECT_EQ(out, "f");
}

}  // namespace
