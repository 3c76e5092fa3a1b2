// Copyright workos-cpp authors. Handwritten.
//
// Fuzzes URL building: path segments, query components and QueryBuilder. Input: lines; the
// first is a path segment and a query value, the following ones `name=value` pairs (a line
// without '=' is a name with an empty value). Invariants:
//   - an encoded segment or component holds only unreserved characters and %XX (uppercase hex),
//     and percent-decodes back to the input; a segment is never "." or "..";
//   - a query built from the pairs splits on '&' and '=' back into exactly those pairs;
//   - a comma-joined array splits back into its values, a map into `name[key]=value` pairs.

#include "core/call.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

[[noreturn]] void fail(const char* what, std::string_view text) {
  std::fprintf(stderr, "url invariant: %s: %.*s\n", what, static_cast<int>(text.size()),
               text.data());
  std::abort();
}

bool unreserved(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;  // lowercase hex is not what the encoder writes
}

// Decodes text that must consist of unreserved characters and %XX only.
std::string decode_strict(std::string_view encoded) {
  std::string out;
  for (std::size_t i = 0; i < encoded.size(); ++i) {
    const char c = encoded[i];
    if (c == '%') {
      if (i + 2 >= encoded.size()) fail("cut %XX", encoded);
      const int hi = hex_value(encoded[i + 1]);
      const int lo = hex_value(encoded[i + 2]);
      if (hi < 0 || lo < 0) fail("bad %XX", encoded);
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (unreserved(c)) {
      out += c;
    } else {
      fail("reserved character left unencoded", encoded);
    }
  }
  return out;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t at = s.find(sep, start);
    out.push_back(
        s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos) return out;
    start = at + 1;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using workos::detail::encode_path_segment;
  using workos::detail::encode_query_component;
  using workos::detail::QueryBuilder;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::vector<std::string_view> lines = split(input, '\n');

  const std::string segment = encode_path_segment(lines[0]);
  if (segment == "." || segment == "..") fail("dot segment", segment);
  if (decode_strict(segment) != lines[0]) fail("segment does not round-trip", segment);
  const std::string component = encode_query_component(lines[0]);
  if (decode_strict(component) != lines[0]) fail("component does not round-trip", component);

  // name=value pairs, added one by one.
  std::vector<std::pair<std::string, std::string>> pairs;
  std::vector<std::string> values;
  std::map<std::string, std::string> map;
  QueryBuilder q;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const std::size_t eq = lines[i].find('=');
    std::string name(lines[i].substr(0, eq));
    std::string value(eq == std::string_view::npos ? std::string_view() : lines[i].substr(eq + 1));
    q.add(name, value);
    pairs.emplace_back(name, value);
    values.push_back(value);
    map[name] = value;
  }
  if (q.empty() != pairs.empty()) fail("empty() disagrees with the pairs", q.str());
  if (!pairs.empty()) {
    const std::vector<std::string_view> items = split(q.str(), '&');
    if (items.size() != pairs.size()) fail("pair count", q.str());
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::vector<std::string_view> kv = split(items[i], '=');
      if (kv.size() != 2) fail("pair without exactly one '='", items[i]);
      if (decode_strict(kv[0]) != pairs[i].first || decode_strict(kv[1]) != pairs[i].second) {
        fail("pair does not round-trip", items[i]);
      }
    }
  }

  // An array parameter named by the first line, and a map parameter.
  QueryBuilder arr;
  arr.add(lines[0], values);
  if (!values.empty()) {
    const std::vector<std::string_view> kv = split(arr.str(), '=');
    if (kv.size() != 2 || decode_strict(kv[0]) != lines[0]) fail("array name", arr.str());
    const std::vector<std::string_view> parts = split(kv[1], ',');
    if (parts.size() != values.size()) fail("array value count", arr.str());
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (decode_strict(parts[i]) != values[i]) fail("array value", arr.str());
    }
  } else if (!arr.empty()) {
    fail("empty array emitted", arr.str());
  }
  QueryBuilder m;
  m.add(lines[0], map);
  if (!map.empty()) {
    const std::vector<std::string_view> items = split(m.str(), '&');
    if (items.size() != map.size()) fail("map pair count", m.str());
    auto it = map.begin();
    const std::string prefix = encode_query_component(lines[0]) + "[";
    for (std::string_view item : items) {
      if (item.substr(0, prefix.size()) != prefix) fail("map name", item);
      const std::size_t close = item.find("]=", prefix.size());
      if (close == std::string_view::npos) fail("map bracket", item);
      if (decode_strict(item.substr(prefix.size(), close - prefix.size())) != it->first ||
          decode_strict(item.substr(close + 2)) != it->second) {
        fail("map pair does not round-trip", item);
      }
      ++it;
    }
  }

  // Numbers and raw pairs never produce reserved characters either.
  QueryBuilder n;
  std::int64_t integer = 0;
  double real = 0;
  for (std::size_t i = 0; i < sizeof integer && i < size; ++i) {
    integer = static_cast<std::int64_t>((static_cast<std::uint64_t>(integer) << 8) | data[i]);
  }
  std::memcpy(&real, &integer, sizeof real);
  n.add("i", integer);
  n.add("d", real);
  n.add("b", size % 2 == 0);
  n.add("o", std::optional<std::string>());
  for (std::string_view item : split(n.str(), '&')) {
    const std::vector<std::string_view> kv = split(item, '=');
    if (kv.size() != 2) fail("number pair", item);
    (void)decode_strict(kv[1]);
  }
  return 0;
}
