// Copyright workos-cpp authors. Handwritten.
//
// Fuzzes the sealed-session cookie codecs: iron (the Node SDK's `Fe26.2*...` seals) and Fernet
// (Python's `cryptography`). The first byte picks codec and mode: bit 0 iron / Fernet, bit 1
// unseal the rest / seal the rest. Invariants: unsealing never crashes and, when it succeeds,
// the plaintext seals again and unseals to itself; sealing any plaintext unseals to exactly
// that plaintext; a seal altered in one byte never unseals to a different plaintext.

#include <workos/auth/session_codec.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

namespace {

using std::chrono::system_clock;
using workos::auth::SessionCodec;

// The unit tests' password and the Fernet spec's key, so their vectors make valid seeds.
constexpr std::string_view kIronPassword = "this-is-a-test-cookie-password-of-32+chars";
constexpr std::string_view kFernetKey = "cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=";
const system_clock::time_point kNow{std::chrono::seconds(1767225600)};  // 2026-01-01T00:00:00Z

[[noreturn]] void fail(const char* codec, const char* what, std::string_view text) {
  std::fprintf(stderr, "%s invariant: %s: %.*s\n", codec, what, static_cast<int>(text.size()),
               text.data());
  std::abort();
}

const SessionCodec& iron() {
  static const std::shared_ptr<const SessionCodec> codec = [] {
    workos::auth::IronOptions options;
    options.now = [] { return kNow; };
    return workos::auth::make_iron_codec(std::string(kIronPassword), options).value();
  }();
  return *codec;
}

const SessionCodec& fernet() {
  static const std::shared_ptr<const SessionCodec> codec = [] {
    workos::auth::FernetOptions options;
    options.now = [] { return kNow; };
    return workos::auth::make_fernet_codec(kFernetKey, options).value();
  }();
  return *codec;
}

void round_trip(const SessionCodec& codec, std::string_view plaintext) {
  auto sealed = codec.seal(plaintext);
  if (!sealed) fail(codec.name().data(), "seal failed", plaintext);
  auto back = codec.unseal(*sealed);
  if (!back || *back != plaintext) fail(codec.name().data(), "seal does not unseal", *sealed);
  // One flipped byte: refused, or (a base64 alias of the same bits) the same plaintext.
  std::string altered = *sealed;
  const std::size_t at = plaintext.size() % altered.size();
  altered[at] = static_cast<char>(altered[at] ^ 0x01);
  auto tampered = codec.unseal(altered);
  if (tampered && *tampered != plaintext)
    fail(codec.name().data(), "tampering went through", altered);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const SessionCodec& codec = (data[0] & 1) ? fernet() : iron();
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] & 2) {
    round_trip(codec, rest);
    return 0;
  }
  auto plain = codec.unseal(rest);
  if (plain) {
    round_trip(codec, *plain);
  } else {
    (void)plain.error().message();
  }
  return 0;
}
