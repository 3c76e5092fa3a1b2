// Copyright workos-cpp authors. Handwritten.
//
// Fuzzes the `Retry-After` parser (delta seconds or an HTTP-date: IMF-fixdate, RFC 850 and
// asctime forms) and the error mapping that reads it from a 429 answer whose body is the same
// text. Invariants: a delay is never negative; up to 9 digits give exactly that many seconds;
// a date gives the whole seconds until it (rounded up), zero once past, and never more when
// "now" is later; both parsers are deterministic; the error keeps the parsed Retry-After.

#include "core/error_mapping.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

[[noreturn]] void fail(const char* what, std::string_view text) {
  std::fprintf(stderr, "retry-after invariant: %s: %.*s\n", what, static_cast<int>(text.size()),
               text.data());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace std::chrono;
  const std::string_view value(reinterpret_cast<const char*>(data), size);
  const system_clock::time_point now{seconds(1767225600)};  // 2026-01-01T00:00:00Z

  const auto delay = workos::detail::parse_retry_after(value, now);
  if (delay && delay->count() < 0) fail("negative delay", value);

  if (!value.empty() && value.size() <= 9 &&
      value.find_first_not_of("0123456789") == std::string_view::npos) {
    std::int64_t n = 0;
    for (char c : value) n = n * 10 + (c - '0');
    if (!delay || delay->count() != n) fail("digits are not read as seconds", value);
  }

  const auto date = workos::detail::parse_http_date(value);
  if (date && delay) {
    const auto expected = *date <= now ? seconds(0) : ceil<seconds>(*date - now);
    if (*delay != expected) fail("delay differs from the date it names", value);
  }
  // Both parsers again on the same text give the same answers (no hidden state).
  if (workos::detail::parse_retry_after(value, now) != delay) fail("not deterministic", value);
  if (workos::detail::parse_http_date(value) != date) fail("date not deterministic", value);
  // The same date seen a day later never waits longer.
  if (date) {
    const auto later = workos::detail::parse_retry_after(value, now + hours(24));
    if (later && delay && *later > *delay) fail("a later now waits longer", value);
  }

  workos::HttpResponse response;
  response.status = 429;
  response.headers.emplace_back("Retry-After", std::string(value));
  response.body = std::string(value);
  const workos::ErrorInfo info = workos::detail::map_http_error(
      response, "GET", "https://api.workos.com/organizations?limit=1", 1, "sk_test_fuzz", now);
  if (info.retry_after != workos::detail::parse_retry_after(value, now)) {
    fail("the mapped error lost the Retry-After value", value);
  }
  return 0;
}
