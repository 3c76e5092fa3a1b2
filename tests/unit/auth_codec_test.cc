// Copyright workos-cpp authors. Handwritten.

#include <workos/auth/session_codec.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>

#include "crypto/encoding.h"

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

// iron (and so the Node SDK) counts the password in UTF-16 code units of a JavaScript string:
// Node refuses "密" x 11 (33 UTF-8 bytes, 11 units), so that cookies sealed here with it could
// never be read there.
TEST(AuthIronCodec, CountsThePasswordLengthInUtf16UnitsLikeNode) {
  std::string cjk11, cjk32, emoji16, emoji15;
  for (int i = 0; i < 11; ++i) cjk11 += "\xE5\xAF\x86";  // U+5BC6, 3 bytes, 1 unit
  for (int i = 0; i < 32; ++i) cjk32 += "\xE5\xAF\x86";
  for (int i = 0; i < 16; ++i) emoji16 += "\xF0\x9F\x98\x80";  // U+1F600, 4 bytes, 2 units
  emoji15 = emoji16.substr(4) + "x";                           // 31 units, 61 bytes
  auto refused = make_iron_codec(cjk11);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind(), workos::ErrorKind::kConfiguration);
  EXPECT_FALSE(make_iron_codec(emoji15));
  EXPECT_TRUE(make_iron_codec(cjk32));
  EXPECT_TRUE(make_iron_codec(emoji16));  // Node accepts "😀" x 16 too
  // Bytes that are not UTF-8 count one each (no such password exists in Node).
  EXPECT_FALSE(make_iron_codec(std::string(31, '\xFF')));
  EXPECT_TRUE(make_iron_codec(std::string(32, '\xFF')));
}

// Sealed by @workos-inc/node 11.0.0 with the password "密" x 32 (the key is derived from the
// password's UTF-8 bytes).
TEST(AuthIronCodec, UnsealsANodeSealMadeWithANonAsciiPassword) {
  std::string cjk32;
  for (int i = 0; i < 32; ++i) cjk32 += "\xE5\xAF\x86";
  const std::string seal =
      "Fe26.2*1*d789cb174d24858d516ee35879d252cc583b86a4d64781f99357903232fe684f*"
      "402MIyF52DBZVcTQcm35mQ*jC8i8FWE_y-vq0ALwlBLqeXneLTXldw1yC2aLfmhNYplUdQcfMgrBzPS1_"
      "KBWd5EBpP4ifkhTT7G7pq3AUAeepQ8-t7rXgxOrRdLUnegDHCrgS0S2taE-wJn0U5NXdK7GVBP-"
      "0z3G1fzaOisXybQbFx41ZqgVlEOuaXlRmAT-StrlWS-veEJUip_9PX3gVxG**"
      "913916f70157aa194e55ea2c3ea1d2546045569f8e6dbc049d07f482e3c6e6cb*"
      "z6EN0-OzFm5zVg1WBVv2biud-ltCESbA66dJXIcXE7U~2";
  auto plain = make_iron_codec(cjk32).value()->unseal(seal);
  ASSERT_TRUE(plain) << plain.error().message();
  EXPECT_NE(plain->find("\"refreshToken\":\"rt_2\""), std::string::npos) << *plain;
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

const std::string kSpecKey = "cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=";
const std::string kSpecToken =
    "gAAAAAAdwJ6wAAECAwQFBgcICQoLDA0ODy021cpGVWKZ_eEwCGM4BLLF_"
    "5CV9dOPmrhuVUPgJobwOz7JcbmrR64jVmpU4IwqDA==";

// Python's base64.urlsafe_b64decode raises "Incorrect padding": cryptography refuses the spec
// vector without its "==", and a key without its "=".
TEST(AuthFernetCodec, RefusesTokensAndKeysWithoutPaddingLikePython) {
  auto codec = make_fernet_codec(kSpecKey).value();
  ASSERT_TRUE(codec->unseal(kSpecToken));
  auto stripped = codec->unseal(kSpecToken.substr(0, kSpecToken.size() - 2));
  ASSERT_FALSE(stripped);
  EXPECT_EQ(stripped.error().kind(), workos::ErrorKind::kCrypto);
  EXPECT_FALSE(codec->unseal(kSpecToken.substr(0, kSpecToken.size() - 1)));  // one '=' only
  EXPECT_FALSE(codec->unseal(kSpecToken + "\n"));  // stricter than Python, which drops it
  auto key = make_fernet_codec(kSpecKey.substr(0, kSpecKey.size() - 1));
  ASSERT_FALSE(key);
  EXPECT_EQ(key.error().kind(), workos::ErrorKind::kConfiguration);
}

// The spec vector with its timestamp replaced (the MAC no longer matches, but the TTL check
// comes first, as in cryptography).
std::string spec_token_with_timestamp(std::uint64_t ts) {
  std::string raw;
  EXPECT_TRUE(workos::auth::detail::base64url_decode(kSpecToken, raw));
  for (int i = 0; i < 8; ++i) raw[1 + i] = static_cast<char>((ts >> (56 - 8 * i)) & 0xFF);
  return workos::auth::detail::base64url_encode_padded(raw);
}

// Timestamps near or beyond INT64_MAX once made `timestamp + ttl` overflow (undefined
// behaviour, in practice a wrap to a negative "expired" time). They are from the future.
TEST(AuthFernetCodec, HugeTimestampsAreFromTheFutureWithoutOverflow) {
  workos::auth::FernetOptions o;
  o.ttl = std::chrono::seconds(3600);
  o.now = [] { return std::chrono::system_clock::time_point(std::chrono::seconds(1'700'000'000)); };
  auto codec = make_fernet_codec(kSpecKey, o).value();
  for (std::uint64_t ts : {std::uint64_t{0x7FFFFFFFFFFFFFFF}, std::uint64_t{0x7FFFFFFFFFFFF000},
                           std::uint64_t{0x8000000000000000}, std::uint64_t{0xFFFFFFFFFFFFFFFF}}) {
    auto r = codec->unseal(spec_token_with_timestamp(ts));
    ASSERT_FALSE(r) << ts;
    EXPECT_EQ(r.error().message(), "fernet: token from the future") << ts;
  }
  auto old = codec->unseal(spec_token_with_timestamp(1'700'000'000 - 3601));
  ASSERT_FALSE(old);
  EXPECT_EQ(old.error().message(), "fernet: token expired");
  // Within TTL and skew, only the (replaced-timestamp) MAC fails.
  EXPECT_EQ(codec->unseal(spec_token_with_timestamp(1'700'000'000 + 60)).error().message(),
            "fernet: bad HMAC value");
  EXPECT_EQ(codec->unseal(spec_token_with_timestamp(1'700'000'000 + 61)).error().message(),
            "fernet: token from the future");
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
  EXPECT_FALSE(base64url_decode_padded("Zg", out));
  EXPECT_FALSE(base64url_decode_padded("Zg=", out));
  EXPECT_TRUE(base64url_decode_padded("Zg==", out));
  EXPECT_EQ(out, "f");
  EXPECT_TRUE(base64url_decode_padded("Zm9v", out));
  EXPECT_EQ(out, "foo");
}

}  // namespace
