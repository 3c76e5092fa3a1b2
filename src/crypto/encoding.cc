// Copyright workos-cpp authors. Handwritten.
// Base64 / hex codecs for the auth helpers (RFC 4648).

#include "crypto/encoding.h"

#include <array>

namespace workos::auth::detail {
namespace {

constexpr char kUrlAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr char kStdAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// 0..63 for alphabet characters, 0xFF otherwise.
constexpr std::array<std::uint8_t, 256> make_table(const char* alphabet) {
  std::array<std::uint8_t, 256> t{};
  for (auto& v : t) v = 0xFF;
  for (int i = 0; i < 64; ++i)
    t[static_cast<unsigned char>(alphabet[i])] = static_cast<std::uint8_t>(i);
  return t;
}
constexpr std::array<std::uint8_t, 256> kUrlTable = make_table(kUrlAlphabet);
constexpr std::array<std::uint8_t, 256> kStdTable = make_table(kStdAlphabet);

std::string encode(std::string_view in, const char* alphabet, bool pad) {
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  std::size_t i = 0;
  for (; i + 3 <= in.size(); i += 3) {
    std::uint32_t v = (std::uint32_t(p[i]) << 16) | (std::uint32_t(p[i + 1]) << 8) | p[i + 2];
    out += alphabet[(v >> 18) & 63];
    out += alphabet[(v >> 12) & 63];
    out += alphabet[(v >> 6) & 63];
    out += alphabet[v & 63];
  }
  std::size_t rest = in.size() - i;
  if (rest == 1) {
    std::uint32_t v = std::uint32_t(p[i]) << 16;
    out += alphabet[(v >> 18) & 63];
    out += alphabet[(v >> 12) & 63];
    if (pad) out += "==";
  } else if (rest == 2) {
    std::uint32_t v = (std::uint32_t(p[i]) << 16) | (std::uint32_t(p[i + 1]) << 8);
    out += alphabet[(v >> 18) & 63];
    out += alphabet[(v >> 12) & 63];
    out += alphabet[(v >> 6) & 63];
    if (pad) out += '=';
  }
  return out;
}

bool decode(std::string_view in, const std::array<std::uint8_t, 256>& table, std::string& out) {
  // Strip padding: at most two '=' and only when the padded length is a multiple of 4.
  std::size_t n = in.size();
  if (n > 0 && in[n - 1] == '=') {
    if (n % 4 != 0) return false;
    --n;
    if (n > 0 && in[n - 1] == '=') --n;
  }
  if (n % 4 == 1) return false;
  out.clear();
  out.reserve(n / 4 * 3 + 2);
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    std::uint32_t a = table[p[i]], b = table[p[i + 1]], c = table[p[i + 2]], d = table[p[i + 3]];
    if ((a | b | c | d) & 0x80) return false;
    std::uint32_t v = (a << 18) | (b << 12) | (c << 6) | d;
    out += static_cast<char>((v >> 16) & 0xFF);
    out += static_cast<char>((v >> 8) & 0xFF);
    out += static_cast<char>(v & 0xFF);
  }
  std::size_t rest = n - i;
  if (rest == 2) {
    std::uint32_t a = table[p[i]], b = table[p[i + 1]];
    if ((a | b) & 0x80) return false;
    if (b & 0x0F) return false;  // non-canonical trailing bits
    out += static_cast<char>((a << 2) | (b >> 4));
  } else if (rest == 3) {
    std::uint32_t a = table[p[i]], b = table[p[i + 1]], c = table[p[i + 2]];
    if ((a | b | c) & 0x80) return false;
    if (c & 0x03) return false;
    std::uint32_t v = (a << 18) | (b << 12) | (c << 6);
    out += static_cast<char>((v >> 16) & 0xFF);
    out += static_cast<char>((v >> 8) & 0xFF);
  }
  return true;
}

}  // namespace

std::string base64url_encode(std::string_view bytes) {
  return encode(bytes, kUrlAlphabet, false);
}
std::string base64url_encode_padded(std::string_view bytes) {
  return encode(bytes, kUrlAlphabet, true);
}
std::string base64_encode(std::string_view bytes) {
  return encode(bytes, kStdAlphabet, true);
}
bool base64url_decode(std::string_view text, std::string& out) {
  return decode(text, kUrlTable, out);
}
bool base64url_decode_padded(std::string_view text, std::string& out) {
  return text.size() % 4 == 0 && decode(text, kUrlTable, out);
}
bool base64_decode(std::string_view text, std::string& out) {
  return decode(text, kStdTable, out);
}

std::string hex_encode(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.resize(bytes.size() * 2);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    auto b = static_cast<unsigned char>(bytes[i]);
    out[2 * i] = kHex[b >> 4];
    out[2 * i + 1] = kHex[b & 15];
  }
  return out;
}

}  // namespace workos::auth::detail
