// Copyright workos-cpp authors. Handwritten.
// Percent-encoding of path segments and query components, and QueryBuilder (see call.h).

#include <charconv>
#include <cmath>

#include "core/call.h"

namespace workos::detail {

namespace {

// RFC 3986 §2.3 unreserved characters.
bool is_unreserved(unsigned char c) noexcept {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

void percent_encode(std::string& out, std::string_view value) {
  static const char kHex[] = "0123456789ABCDEF";
  out.reserve(out.size() + value.size());
  for (char ch : value) {
    const auto c = static_cast<unsigned char>(ch);
    if (is_unreserved(c)) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
}

}  // namespace

std::string encode_path_segment(std::string_view value) {
  std::string out;
  percent_encode(out, value);
  // "." and ".." are unreserved but would be resolved as dot-segments (RFC 3986 §5.2.4) by
  // servers and proxies: encode their dots so the segment stays a literal name.
  if (out == ".") return "%2E";
  if (out == "..") return "%2E%2E";
  return out;
}

std::string encode_query_component(std::string_view value) {
  std::string out;
  percent_encode(out, value);
  return out;
}

void QueryBuilder::add(std::string_view name, std::string_view value) {
  if (!query_.empty()) query_ += '&';
  percent_encode(query_, name);
  query_ += '=';
  percent_encode(query_, value);
}

void QueryBuilder::add(std::string_view name, std::int64_t value) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, value);
  add(name, std::string_view(buf, static_cast<std::size_t>(r.ptr - buf)));
}

void QueryBuilder::add(std::string_view name, double value) {
  if (!std::isfinite(value)) return;  // not representable; omitted like an unset value
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, value);
  add(name, std::string_view(buf, static_cast<std::size_t>(r.ptr - buf)));
}

void QueryBuilder::add(std::string_view name, bool value) {
  add(name, std::string_view(value ? "true" : "false"));
}

void QueryBuilder::add(std::string_view name, const std::vector<std::string>& values) {
  // OpenAPI style=form, explode=false: one parameter, values comma-joined; a comma inside a
  // value is percent-encoded so it cannot split it. An empty array is omitted like an unset one.
  if (values.empty()) return;
  if (!query_.empty()) query_ += '&';
  percent_encode(query_, name);
  query_ += '=';
  bool first = true;
  for (const auto& v : values) {
    if (!first) query_ += ',';
    first = false;
    percent_encode(query_, v);
  }
}

void QueryBuilder::add(std::string_view name, const std::map<std::string, std::string>& values) {
  // Deep-object style: name[key]=value, brackets literal, key and value encoded.
  for (const auto& [key, value] : values) {
    if (!query_.empty()) query_ += '&';
    percent_encode(query_, name);
    query_ += '[';
    percent_encode(query_, key);
    query_ += "]=";
    percent_encode(query_, value);
  }
}

void QueryBuilder::add_raw(std::string_view encoded_pair) {
  if (encoded_pair.empty()) return;
  if (!query_.empty()) query_ += '&';
  query_.append(encoded_pair);
}

}  // namespace workos::detail
