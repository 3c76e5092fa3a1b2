// Copyright workos-cpp authors. Handwritten.
// Vault local encryption: AES-256-GCM vectors, the envelope format, codecs and every failure.

#include <workos/vault/vault_crypto.h>

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <set>
#include <string>

#include "crypto/aes_gcm.h"
#include "vault/codec.h"

namespace {

namespace codec = workos::detail::vault_codec;
using workos::vault::VaultCryptoFailure;

std::string unhex(std::string_view hex) {
  std::string out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    out += static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16));
  }
  return out;
}

std::string hex(std::string_view bytes) {
  static const char d[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out += d[c >> 4];
    out += d[c & 15];
  }
  return out;
}

// Key bytes 0..31, keys blob "KEYS-BLOB", IV bytes 0..11, AAD "ctx", data "hello vault";
// built with Python's cryptography AESGCM.
constexpr char kKeyB64[] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
constexpr char kKeysB64[] = "S0VZUy1CTE9C";
constexpr char kEnvelope[] = "AAECAwQFBgcICQoL97B61DVnyT8RN/b5qOLDIglLRVlTLUJMT0IvZ7p3qsW0evgt4w==";

VaultCryptoFailure failure_of(const workos::Error& e) {
  return workos::vault::vault_crypto_failure_of(e);
}

TEST(VaultCrypto, AesGcmMatchesTheGcmSpecTestCase16) {
  const std::string key = unhex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
  const std::string iv = unhex("cafebabefacedbaddecaf888");
  const std::string pt = unhex(
      "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e24"
      "49a6b525b16aedf5aa0de657ba637b39");
  const std::string aad = unhex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
  auto sealed = codec::seal(pt, key, "", aad, reinterpret_cast<const unsigned char*>(iv.data()));
  ASSERT_TRUE(sealed);
  // IV ‖ TAG ‖ 0x00 (no keys) ‖ ciphertext
  ASSERT_EQ(sealed->size(), 12u + 16u + 1u + pt.size());
  EXPECT_EQ(hex(sealed->substr(0, 12)), "cafebabefacedbaddecaf888");
  EXPECT_EQ(hex(sealed->substr(12, 16)), "76fc6ece0f4e1768cddf8853bb2d551b");
  EXPECT_EQ(static_cast<unsigned char>((*sealed)[28]), 0);
  EXPECT_EQ(hex(sealed->substr(29)),
            "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b0"
            "8b1056828838c5f61e6393ba7a0abcc9f662");
  auto env = workos::vault::parse_encrypted_bytes(*sealed);
  ASSERT_TRUE(env);
  auto opened = codec::open(*env, key, aad);
  ASSERT_TRUE(opened);
  EXPECT_EQ(*opened, pt);
}

TEST(VaultCrypto, DecryptsAReferenceEnvelope) {
  auto plain = workos::vault::decrypt_with_key(kEnvelope, kKeyB64, "ctx");
  ASSERT_TRUE(plain) << plain.error().message();
  EXPECT_EQ(*plain, "hello vault");
  auto env = workos::vault::parse_encrypted(kEnvelope);
  ASSERT_TRUE(env);
  EXPECT_EQ(env->encrypted_keys, "KEYS-BLOB");
  EXPECT_EQ(env->encrypted_keys_base64(), kKeysB64);
  EXPECT_EQ(env->ciphertext.size(), std::string("hello vault").size());
}

TEST(VaultCrypto, SealWithAFixedIvReproducesTheReferenceEnvelope) {
  const std::string iv = unhex("000102030405060708090a0b");
  auto key = codec::base64_decode(kKeyB64);
  ASSERT_TRUE(key);
  auto sealed = codec::seal("hello vault", *key, "KEYS-BLOB", "ctx",
                            reinterpret_cast<const unsigned char*>(iv.data()));
  ASSERT_TRUE(sealed);
  EXPECT_EQ(codec::base64_encode(*sealed), kEnvelope);
}

TEST(VaultCrypto, RoundTripsWithAndWithoutAssociatedData) {
  for (const std::string& data : {std::string(), std::string("x"), std::string(100000, 'q'),
                                  std::string("bin\0ary\xff", 8)}) {
    auto enc = workos::vault::encrypt_with_key(data, kKeyB64, kKeysB64);
    ASSERT_TRUE(enc) << enc.error().message();
    auto dec = workos::vault::decrypt_with_key(*enc, kKeyB64);
    ASSERT_TRUE(dec);
    EXPECT_EQ(*dec, data);
    auto enc_aad = workos::vault::encrypt_with_key(data, kKeyB64, kKeysB64, "user_123");
    ASSERT_TRUE(enc_aad);
    auto dec_aad = workos::vault::decrypt_with_key(*enc_aad, kKeyB64, "user_123");
    ASSERT_TRUE(dec_aad);
    EXPECT_EQ(*dec_aad, data);
  }
}

TEST(VaultCrypto, EachEncryptionUsesAFreshIv) {
  std::set<std::string> ivs;
  for (int i = 0; i < 50; ++i) {
    auto enc = workos::vault::encrypt_with_key("same", kKeyB64, kKeysB64);
    ASSERT_TRUE(enc);
    auto env = workos::vault::parse_encrypted(*enc);
    ASSERT_TRUE(env);
    ivs.insert(std::string(env->iv.begin(), env->iv.end()));
    EXPECT_EQ(env->encrypted_keys, "KEYS-BLOB");
  }
  EXPECT_EQ(ivs.size(), 50u);
}

TEST(VaultCrypto, WrongAssociatedDataOrKeyFailsAuthentication) {
  auto enc = workos::vault::encrypt_with_key("secret", kKeyB64, kKeysB64, "ctx-a");
  ASSERT_TRUE(enc);
  auto wrong_aad = workos::vault::decrypt_with_key(*enc, kKeyB64, "ctx-b");
  ASSERT_FALSE(wrong_aad);
  EXPECT_EQ(wrong_aad.error().kind(), workos::ErrorKind::kCrypto);
  EXPECT_EQ(failure_of(wrong_aad.error()), VaultCryptoFailure::kAuthenticationFailed);
  EXPECT_EQ(wrong_aad.error().code(), "vault_authentication_failed");
  auto no_aad = workos::vault::decrypt_with_key(*enc, kKeyB64);
  EXPECT_EQ(failure_of(no_aad.error()), VaultCryptoFailure::kAuthenticationFailed);
  const std::string other_key = codec::base64_encode(std::string(32, '\x07'));
  auto wrong_key = workos::vault::decrypt_with_key(*enc, other_key, "ctx-a");
  EXPECT_EQ(failure_of(wrong_key.error()), VaultCryptoFailure::kAuthenticationFailed);
}

TEST(VaultCrypto, EmptyAssociatedDataMeansNone) {
  // GCM with zero-length AAD equals no AAD, as in the official SDKs ("" is falsy there).
  auto enc = workos::vault::encrypt_with_key("v", kKeyB64, kKeysB64, "");
  ASSERT_TRUE(enc);
  EXPECT_TRUE(workos::vault::decrypt_with_key(*enc, kKeyB64));
}

TEST(VaultCrypto, FlippingAnyAuthenticatedBitFails) {
  auto enc = workos::vault::encrypt_with_key("tamper me", kKeyB64, kKeysB64);
  ASSERT_TRUE(enc);
  const std::string raw = *codec::base64_decode(*enc);
  const std::size_t keys_start = 12 + 16 + 1;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (i >= keys_start && i < keys_start + 9) continue;  // keys are not authenticated
    std::string bad = raw;
    bad[i] = static_cast<char>(bad[i] ^ 0x01);
    auto dec = workos::vault::decrypt_with_key(codec::base64_encode(bad), kKeyB64);
    ASSERT_FALSE(dec) << "byte " << i;
    // Byte 28 is the key length: changing it shifts the split, which is either malformed or
    // a failed tag; every other byte is caught by the tag.
    if (i != 28) {
      EXPECT_EQ(failure_of(dec.error()), VaultCryptoFailure::kAuthenticationFailed);
    }
  }
}

TEST(VaultCrypto, MalformedInputsAreTypedErrors) {
  struct Case {
    std::string input;
    VaultCryptoFailure expected;
  };
  const std::string iv_tag(28, 'A');
  const Case cases[] = {
      {"", VaultCryptoFailure::kMalformedCiphertext},
      {"!!!!", VaultCryptoFailure::kMalformedCiphertext},      // not base64
      {"QUJD=A==", VaultCryptoFailure::kMalformedCiphertext},  // data after padding
      {codec::base64_encode(std::string(27, 'x')), VaultCryptoFailure::kMalformedCiphertext},
      {codec::base64_encode(iv_tag), VaultCryptoFailure::kMalformedCiphertext},  // no length
      {codec::base64_encode(iv_tag + "\x80"), VaultCryptoFailure::kMalformedCiphertext},
      {codec::base64_encode(iv_tag + "\x05" + "abcd"), VaultCryptoFailure::kMalformedCiphertext},
      {codec::base64_encode(iv_tag + "\xff\xff\xff\xff\x1f" + "x"),
       VaultCryptoFailure::kLengthOverflow},  // 5th byte above 2^32
      {codec::base64_encode(iv_tag + "\x80\x80\x80\x80\x80\x01"),
       VaultCryptoFailure::kLengthOverflow},  // 6 bytes
      {codec::base64_encode(iv_tag + "\xff\xff\xff\xff\x0f" + "x"),
       VaultCryptoFailure::kMalformedCiphertext},  // 2^32-1 > remaining
  };
  for (const Case& c : cases) {
    auto parsed = workos::vault::parse_encrypted(c.input);
    ASSERT_FALSE(parsed) << c.input;
    EXPECT_EQ(parsed.error().kind(), workos::ErrorKind::kCrypto);
    EXPECT_EQ(failure_of(parsed.error()), c.expected) << c.input;
    auto dec = workos::vault::decrypt_with_key(c.input, kKeyB64);
    EXPECT_EQ(failure_of(dec.error()), c.expected) << c.input;
  }
}

TEST(VaultCrypto, ZeroLengthKeysAndEmptyCiphertextParse) {
  auto env = workos::vault::parse_encrypted_bytes(std::string(28, 'x') + std::string(1, '\0'));
  ASSERT_TRUE(env);
  EXPECT_TRUE(env->encrypted_keys.empty());
  EXPECT_TRUE(env->ciphertext.empty());
}

TEST(VaultCrypto, InvalidDataKeysAreRejected) {
  for (const std::string& key :
       {std::string(), std::string("not base64!"), codec::base64_encode(std::string(16, 'k')),
        codec::base64_encode(std::string(33, 'k'))}) {
    auto enc = workos::vault::encrypt_with_key("x", key, kKeysB64);
    ASSERT_FALSE(enc);
    EXPECT_EQ(failure_of(enc.error()), VaultCryptoFailure::kInvalidDataKey) << key;
    auto dec = workos::vault::decrypt_with_key(kEnvelope, key, "ctx");
    EXPECT_EQ(failure_of(dec.error()), VaultCryptoFailure::kInvalidDataKey) << key;
  }
  auto bad_keys = workos::vault::encrypt_with_key("x", kKeyB64, "%%%");
  EXPECT_EQ(failure_of(bad_keys.error()), VaultCryptoFailure::kInvalidDataKey);
}

TEST(VaultCrypto, ErrorMessagesCarryNoKeyMaterial) {
  auto dec = workos::vault::decrypt_with_key(kEnvelope, kKeyB64, "wrong");
  ASSERT_FALSE(dec);
  EXPECT_EQ(dec.error().to_string().find(kKeyB64), std::string::npos);
  EXPECT_EQ(dec.error().to_string().find("hello"), std::string::npos);
}

TEST(VaultCrypto, RandomMutationsNeverCrash) {
  std::mt19937 rng(12345);
  const std::string raw = *codec::base64_decode(kEnvelope);
  for (int i = 0; i < 3000; ++i) {
    std::string m = raw.substr(0, rng() % (raw.size() + 1));
    const int flips = static_cast<int>(rng() % 4);
    for (int f = 0; f < flips && !m.empty(); ++f) m[rng() % m.size()] = static_cast<char>(rng());
    if (rng() % 2) m += std::string(rng() % 8, static_cast<char>(rng()));
    auto dec = workos::vault::decrypt_with_key(codec::base64_encode(m), kKeyB64, "ctx");
    if (!dec) {
      EXPECT_NE(failure_of(dec.error()), VaultCryptoFailure::kNone);
    }
    std::string text = kEnvelope;
    text[rng() % text.size()] = static_cast<char>(rng());
    (void)workos::vault::parse_encrypted(text);
  }
}

TEST(VaultCodec, Base64MatchesRfc4648Vectors) {
  const std::pair<std::string, std::string> v[] = {{"", ""},
                                                   {"f", "Zg=="},
                                                   {"fo", "Zm8="},
                                                   {"foo", "Zm9v"},
                                                   {"foob", "Zm9vYg=="},
                                                   {"fooba", "Zm9vYmE="},
                                                   {"foobar", "Zm9vYmFy"}};
  for (const auto& [plain, enc] : v) {
    EXPECT_EQ(codec::base64_encode(plain), enc);
    EXPECT_EQ(codec::base64_decode(enc), plain);
  }
  EXPECT_EQ(codec::base64_decode("Zg"), "f");               // padding optional
  EXPECT_EQ(codec::base64_decode("Zm9v\nYmFy"), "foobar");  // whitespace skipped (as atob)
  EXPECT_FALSE(codec::base64_decode("Z"));
  EXPECT_FALSE(codec::base64_decode("Zg="));
  EXPECT_FALSE(codec::base64_decode("Zg==="));
  EXPECT_FALSE(codec::base64_decode("Zm9v-_"));  // URL-safe alphabet is not standard base64
}

TEST(VaultCodec, Leb128RoundTripsAndMatchesKnownEncodings) {
  const std::pair<std::uint32_t, std::string> v[] = {{0, std::string(1, '\0')},
                                                     {1, "\x01"},
                                                     {127, "\x7f"},
                                                     {128, "\x80\x01"},
                                                     {200, "\xc8\x01"},
                                                     {16384, "\x80\x80\x01"},
                                                     {0xFFFFFFFFu, "\xff\xff\xff\xff\x0f"}};
  for (const auto& [value, bytes] : v) {
    std::string out;
    codec::leb128_append(out, value);
    EXPECT_EQ(out, bytes);
    std::uint32_t back = 0;
    std::size_t next = 0;
    ASSERT_EQ(codec::leb128_decode("z" + bytes + "tail", 1, back, next), codec::LebStatus::kOk);
    EXPECT_EQ(back, value);
    EXPECT_EQ(next, 1 + bytes.size());
  }
  std::uint32_t value = 0;
  std::size_t next = 0;
  EXPECT_EQ(codec::leb128_decode("", 0, value, next), codec::LebStatus::kTruncated);
  EXPECT_EQ(codec::leb128_decode("\x80\x80", 0, value, next), codec::LebStatus::kTruncated);
  EXPECT_EQ(codec::leb128_decode("\xff\xff\xff\xff\x10", 0, value, next),
            codec::LebStatus::kOverflow);
  EXPECT_EQ(codec::leb128_decode("\xff\xff\xff\xff\x8f\x00", 0, value, next),
            codec::LebStatus::kOverflow);
}

TEST(VaultCodec, TwoByteKeyLengthEnvelopeFromPythonParses) {
  // IV 00..0b, 200-byte keys blob (LEB128 c8 01), empty plaintext, no AAD; tag from Python.
  std::string raw = unhex("000102030405060708090a0b") + unhex("f4c2db1dc38805a37b92171c5d0a81cc");
  raw += "\xc8\x01";
  raw += std::string(200, '\x07');
  auto env = workos::vault::parse_encrypted_bytes(raw);
  ASSERT_TRUE(env);
  EXPECT_EQ(env->encrypted_keys, std::string(200, '\x07'));
  EXPECT_TRUE(env->ciphertext.empty());
  auto plain = workos::vault::decrypt_envelope(*env, kKeyB64);
  ASSERT_TRUE(plain) << plain.error().message();
  EXPECT_EQ(*plain, "");
}

}  // namespace
