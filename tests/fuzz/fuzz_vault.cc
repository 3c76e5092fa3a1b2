// Copyright workos-cpp authors. Handwritten.
//
// Fuzzes the vault envelope (`iv(12) | tag(16) | LEB128 keys length | keys | ciphertext`,
// base64) and its byte codecs. The first byte picks a mode:
//   'B'  the rest is the raw envelope bytes;
//   'E'  the rest is the data to encrypt (round trip through encrypt_with_key / decrypt);
//   else the rest is the base64 text a caller would pass to decrypt.
// Invariants: parsing never reads out of bounds; a parsed envelope re-serializes to bytes that
// parse to the same envelope; base64 and LEB128 decode what they encode, and decoded base64
// is six bits per symbol; decrypting text not encrypted here always fails (GCM
// tag); encrypting any data decrypts to it.

#include <workos/vault/vault_crypto.h>

#include "vault/codec.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

namespace codec = workos::detail::vault_codec;

// A fixed AES-256 data key (base64 of 32 bytes) and an opaque encrypted-keys blob.
constexpr std::string_view kDataKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
constexpr std::string_view kEncryptedKeys = "ZW5jcnlwdGVkLWtleXM=";

[[noreturn]] void fail(const char* what, std::string_view text) {
  std::fprintf(stderr, "vault invariant: %s: %.*s\n", what, static_cast<int>(text.size()),
               text.data());
  std::abort();
}

std::string serialize(const workos::vault::EncryptedEnvelope& env) {
  std::string out(reinterpret_cast<const char*>(env.iv.data()), env.iv.size());
  out.append(reinterpret_cast<const char*>(env.tag.data()), env.tag.size());
  codec::leb128_append(out, static_cast<std::uint32_t>(env.encrypted_keys.size()));
  return out + env.encrypted_keys + env.ciphertext;
}

void check_envelope_bytes(std::string_view bytes) {
  auto env = workos::vault::parse_encrypted_bytes(bytes);
  if (!env) return;
  if (env->encrypted_keys.size() + env->ciphertext.size() + 28 >= bytes.size() + 1) {
    fail("parts longer than the input", bytes);
  }
  const std::string again = serialize(*env);
  auto reparsed = workos::vault::parse_encrypted_bytes(again);
  if (!reparsed || reparsed->iv != env->iv || reparsed->tag != env->tag ||
      reparsed->encrypted_keys != env->encrypted_keys || reparsed->ciphertext != env->ciphertext) {
    fail("envelope does not round-trip", bytes);
  }
  if (codec::base64_decode(env->encrypted_keys_base64()) != env->encrypted_keys) {
    fail("encrypted keys base64 does not round-trip", bytes);
  }
}

void check_codecs(std::string_view bytes) {
  // base64: encode / decode round trip, and decode / encode up to padding.
  if (codec::base64_decode(codec::base64_encode(bytes)) != std::string(bytes)) {
    fail("base64 does not round-trip", bytes);
  }
  // Forgiving base64 (what atob() and the Node SDK accept: whitespace skipped, padding
  // optional, trailing bits ignored): every symbol still carries exactly six bits.
  if (auto decoded = codec::base64_decode(bytes)) {
    std::size_t symbols = 0;
    for (char c : bytes) {
      if (c != '=' && c != ' ' && c != '\t' && c != '\n' && c != '\f' && c != '\r') ++symbols;
    }
    if (decoded->size() != symbols * 6 / 8) fail("base64 decoded size", bytes);
  }
  // LEB128 at every offset of the first few bytes.
  for (std::size_t offset = 0; offset < 6 && offset <= bytes.size(); ++offset) {
    std::uint32_t value = 0;
    std::size_t next = 0;
    if (codec::leb128_decode(bytes, offset, value, next) != codec::LebStatus::kOk) continue;
    if (next <= offset || next > bytes.size() || next - offset > 5) fail("LEB128 length", bytes);
    std::string encoded;
    codec::leb128_append(encoded, value);
    std::uint32_t back = 0;
    std::size_t end = 0;
    if (codec::leb128_decode(encoded, 0, back, end) != codec::LebStatus::kOk || back != value ||
        end != encoded.size()) {
      fail("LEB128 does not round-trip", bytes);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0]) {
    case 'B':
      check_envelope_bytes(rest);
      check_codecs(rest);
      if (auto plain = workos::vault::decrypt_with_key(codec::base64_encode(rest), kDataKey)) {
        fail("decrypted bytes not encrypted here", rest);
      }
      break;
    case 'E': {
      // The first line of the rest is the associated data, the remainder the plaintext.
      const std::size_t eol = rest.find('\n');
      const std::string_view aad = rest.substr(0, eol);
      const std::string_view plain =
          eol == std::string_view::npos ? std::string_view() : rest.substr(eol + 1);
      auto sealed = workos::vault::encrypt_with_key(plain, kDataKey, kEncryptedKeys, aad);
      if (!sealed) fail("encrypt failed", rest);
      auto back = workos::vault::decrypt_with_key(*sealed, kDataKey, aad);
      if (!back || *back != plain) fail("encrypt does not decrypt", rest);
      auto env = workos::vault::parse_encrypted(*sealed);
      if (!env || env->encrypted_keys_base64() != kEncryptedKeys) fail("keys not embedded", rest);
      if (workos::vault::decrypt_with_key(*sealed, kDataKey, std::string(aad) + "x")) {
        fail("decrypted under other associated data", rest);
      }
      break;
    }
    default: {
      if (auto env = workos::vault::parse_encrypted(rest)) {
        check_envelope_bytes(*codec::base64_decode(rest));
        (void)workos::vault::decrypt_envelope(*env, kDataKey);
      }
      check_codecs(rest);
      if (workos::vault::decrypt_with_key(rest, kDataKey))
        fail("decrypted text not encrypted here", rest);
      break;
    }
  }
  return 0;
}
