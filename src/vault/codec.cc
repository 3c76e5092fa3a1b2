// Copyright workos-cpp authors. Handwritten.
// See codec.h.

#include "vault/codec.h"

namespace workos::detail::vault_codec {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int decode_char(unsigned char c) noexcept {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

}  // namespace

std::string base64_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  for (; i + 3 <= bytes.size(); i += 3) {
    const std::uint32_t v = (std::uint32_t{p[i]} << 16) | (std::uint32_t{p[i + 1]} << 8) | p[i + 2];
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += kAlphabet[v & 63];
  }
  const std::size_t rest = bytes.size() - i;
  if (rest == 1) {
    const std::uint32_t v = std::uint32_t{p[i]} << 16;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += "==";
  } else if (rest == 2) {
    const std::uint32_t v = (std::uint32_t{p[i]} << 16) | (std::uint32_t{p[i + 1]} << 8);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += '=';
  }
  return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
  // WHATWG "forgiving base64" (what atob() and the official Node SDK accept): ASCII whitespace
  // is skipped, padding is optional but, when present, must complete the last quantum.
  std::string out;
  out.reserve(text.size() / 4 * 3 + 2);
  std::uint32_t acc = 0;
  int bits = 0;
  std::size_t symbols = 0;
  std::size_t pad = 0;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r') continue;
    if (c == '=') {
      ++pad;
      continue;
    }
    if (pad > 0) return std::nullopt;  // data after padding
    const int v = decode_char(c);
    if (v < 0) return std::nullopt;
    ++symbols;
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  if (symbols % 4 == 1) return std::nullopt;
  if (pad > 2 || (pad > 0 && (symbols + pad) % 4 != 0)) return std::nullopt;
  return out;
}

void leb128_append(std::string& out, std::uint32_t value) {
  do {
    auto byte = static_cast<unsigned char>(value & 0x7F);
    value >>= 7;
    if (value != 0) byte |= 0x80;
    out += static_cast<char>(byte);
  } while (value != 0);
}

LebStatus leb128_decode(std::string_view data, std::size_t offset, std::uint32_t& value,
                        std::size_t& next) noexcept {
  std::uint32_t result = 0;
  for (int i = 0; i < 5; ++i) {
    if (offset + static_cast<std::size_t>(i) >= data.size()) return LebStatus::kTruncated;
    const auto byte = static_cast<unsigned char>(data[offset + static_cast<std::size_t>(i)]);
    if (i == 4 && (byte & 0x7F) > 0x0F) return LebStatus::kOverflow;  // bits above 2^32
    result |= static_cast<std::uint32_t>(byte & 0x7F) << (7 * i);
    if ((byte & 0x80) == 0) {
      value = result;
      next = offset + static_cast<std::size_t>(i) + 1;
      return LebStatus::kOk;
    }
  }
  return LebStatus::kOverflow;  // a 6th byte would be needed
}

}  // namespace workos::detail::vault_codec
