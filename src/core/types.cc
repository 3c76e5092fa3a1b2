// Copyright workos-cpp authors. Handwritten.
// Timestamp conversions (RFC 3339) and case-insensitive header lookup.

#include <workos/result.h>
#include <workos/transport.h>
#include <workos/types.h>

#include <cstdint>
#include <cstdio>

#include "core/civil_time.h"
#include "core/headers.h"

namespace workos {

namespace {

struct Civil {
  std::int64_t y;
  unsigned m;
  unsigned d;
};

Civil civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Civil{y + (m <= 2), m, d};
}

bool is_leap(std::int64_t y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

unsigned days_in_month(std::int64_t y, unsigned m) {
  static const unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

// Reads exactly `n` digits at s[pos...]; false when any is not a digit.
bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const char c = s[pos + i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  out = v;
  return true;
}

}  // namespace

Timestamp Timestamp::from_time_point(std::chrono::system_clock::time_point tp) {
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(tp.time_since_epoch()).count();
  std::int64_t days = ms / 86400000;
  std::int64_t rem = ms % 86400000;
  if (rem < 0) {
    rem += 86400000;
    --days;
  }
  const Civil c = civil_from_days(days);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02d.%03dZ",
                static_cast<long long>(c.y), c.m, c.d, static_cast<int>(rem / 3600000),
                static_cast<int>(rem / 60000 % 60), static_cast<int>(rem / 1000 % 60),
                static_cast<int>(rem % 1000));
  return Timestamp(buf);
}

// RFC 3339 §5.6: full-date "T" partial-time time-offset, with an optional fraction of any
// length (digits beyond nanoseconds are ignored) and `Z` or `+hh:mm` / `-hh:mm`. A lowercase
// `t` / `z` and a space instead of `T` are accepted (RFC 3339 allows them).
std::optional<std::chrono::system_clock::time_point> Timestamp::time_point() const {
  const std::string_view s = text();
  int year, month, day, hour, minute, second;
  if (!digits(s, 0, 4, year) || s.size() < 19 || s[4] != '-' || !digits(s, 5, 2, month) ||
      s[7] != '-' || !digits(s, 8, 2, day) || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') ||
      !digits(s, 11, 2, hour) || s[13] != ':' || !digits(s, 14, 2, minute) || s[16] != ':' ||
      !digits(s, 17, 2, second)) {
    return std::nullopt;
  }
  if (month < 1 || month > 12 || day < 1 ||
      static_cast<unsigned>(day) > days_in_month(year, static_cast<unsigned>(month)) || hour > 23 ||
      minute > 59 || second > 60) {
    return std::nullopt;
  }
  std::size_t pos = 19;
  std::int64_t nanos = 0;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    const std::size_t start = pos;
    std::int64_t scale = 100000000;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
      nanos += (s[pos] - '0') * scale;
      scale /= 10;
      ++pos;
    }
    if (pos == start) return std::nullopt;
  }
  if (pos >= s.size()) return std::nullopt;
  std::int64_t offset_seconds = 0;
  if (s[pos] == 'Z' || s[pos] == 'z') {
    ++pos;
  } else if (s[pos] == '+' || s[pos] == '-') {
    int oh, om;
    if (!digits(s, pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
        !digits(s, pos + 4, 2, om) || oh > 23 || om > 59) {
      return std::nullopt;
    }
    offset_seconds = (std::int64_t{oh} * 3600 + std::int64_t{om} * 60) * (s[pos] == '-' ? -1 : 1);
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != s.size()) return std::nullopt;
  const std::int64_t days =
      detail::days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  const std::int64_t secs = days * 86400 + std::int64_t{hour} * 3600 + std::int64_t{minute} * 60 +
                            second - offset_seconds;
  // system_clock counts in a 64-bit unit (nanoseconds with libstdc++: years 1678 to 2262); a
  // valid date-time outside its range (`9999-12-31T23:59:59Z`, `0001-01-01T00:00:00Z`) has no
  // time point rather than a wrapped one.
  using Duration = std::chrono::system_clock::duration;
  constexpr std::int64_t kMaxSeconds =
      std::chrono::duration_cast<std::chrono::seconds>(Duration::max()).count() - 1;
  if (secs > kMaxSeconds || secs < -kMaxSeconds) return std::nullopt;
  return std::chrono::system_clock::time_point(
      std::chrono::duration_cast<Duration>(std::chrono::seconds(secs)) +
      std::chrono::duration_cast<Duration>(std::chrono::nanoseconds(nanos)));
}

std::string_view ResponseInfo::header(std::string_view name) const noexcept {
  return detail::find_header(headers, name);
}

std::string_view HttpResponse::header(std::string_view name) const noexcept {
  return detail::find_header(headers, name);
}

}  // namespace workos
