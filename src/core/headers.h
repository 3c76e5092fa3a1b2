// Copyright workos-cpp authors. Handwritten.
#pragma once

// Internal helpers for header lists (names compared case-insensitively, RFC 9110 §5.1).

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace workos::detail {

/// `s` without leading blanks and trailing blanks or line ends (a header value's
/// optional white space, RFC 9110 §5.6.3).
inline std::string_view trim_ows(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

/// ASCII case-insensitive equality.
inline bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

/// Value of the first header named `name`, or empty.
inline std::string_view find_header(const std::vector<std::pair<std::string, std::string>>& headers,
                                    std::string_view name) noexcept {
  for (const auto& h : headers)
    if (iequals(h.first, name)) return h.second;
  return {};
}

/// Sets `name` to `value`, replacing every header of the same name (case-insensitive).
inline void set_header(std::vector<std::pair<std::string, std::string>>& headers,
                       std::string_view name, std::string value) {
  auto first = headers.begin();
  while (first != headers.end() && !iequals(first->first, name)) ++first;
  if (first == headers.end()) {
    headers.emplace_back(std::string(name), std::move(value));
    return;
  }
  first->second = std::move(value);
  for (auto it = first + 1; it != headers.end();) {
    it = iequals(it->first, name) ? headers.erase(it) : it + 1;
  }
}

}  // namespace workos::detail
