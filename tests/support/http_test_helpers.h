// Copyright workos-cpp authors. Handwritten.
#pragma once

// Small readers for what tests see on the wire: one string member of a JSON body, and the
// percent-decoded query parameters of a URL.

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

#include "core/json.h"

namespace workos::test {

/// The string member `key` of the JSON object `body`, or empty.
inline std::string json_string(const std::string& body, const char* key) {
  detail::json::Value root;
  if (!detail::json::parse(detail::json::JsonText(body), "test", root)) return {};
  std::string_view s;
  if (root[key].get_string().get(s) != simdjson::SUCCESS) return {};
  return std::string(s);
}

/// The query parameters of `url`, percent-decoded.
inline std::map<std::string, std::string> query_of(const std::string& url) {
  std::map<std::string, std::string> out;
  auto q = url.find('?');
  if (q == std::string::npos) return out;
  std::string rest = url.substr(q + 1);
  auto decode = [](const std::string& s) {
    std::string o;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '%' && i + 2 < s.size()) {
        o += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
        i += 2;
      } else {
        o += s[i];
      }
    }
    return o;
  };
  std::size_t start = 0;
  while (start <= rest.size()) {
    auto amp = rest.find('&', start);
    std::string pair =
        rest.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
    auto eq = pair.find('=');
    out[decode(pair.substr(0, eq))] = eq == std::string::npos ? "" : decode(pair.substr(eq + 1));
    if (amp == std::string::npos) break;
    start = amp + 1;
  }
  return out;
}

}  // namespace workos::test
