// Copyright workos-cpp authors. Handwritten.
//
// Fuzzes the readers of small texts that come from the network or a cookie: RFC 3339 dates
// (`Timestamp::time_point`), the session data inside a sealed cookie (`parse_session_data`,
// both the Node and the Python layout, with its repair of lone UTF-16 surrogate escapes) and
// the redaction of log lines and error bodies. The first byte picks the reader. Invariants
// besides the sanitizers': a date that reads is written and read again to the same
// millisecond; session data that does not read fails with a decode error, and an impersonator
// appears only when the text names one; redaction is stable when applied twice.

#include <workos/auth/session.h>
#include <workos/types.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/redact.h"

namespace {

[[noreturn]] void fail(const char* what, std::string_view text) {
  std::fprintf(stderr, "invariant: %s: %.*s\n", what, static_cast<int>(text.size()), text.data());
  std::abort();
}

void dates(std::string_view text) {
  const auto tp = workos::Timestamp(std::string(text)).time_point();
  if (!tp) return;
  const auto again = workos::Timestamp::from_time_point(*tp).time_point();
  if (!again) fail("a date that reads is written as one that does not", text);
  const auto gap = *tp > *again ? *tp - *again : *again - *tp;
  if (gap >= std::chrono::milliseconds(1)) fail("a date moved when written again", text);
}

void session_data(std::string_view text) {
  auto data = workos::auth::parse_session_data(text);
  if (!data) {
    if (data.error().kind() != workos::ErrorKind::kDecode) fail("not a decode error", text);
    return;
  }
  if (data->impersonator && text.find("impersonator") == std::string_view::npos)
    fail("an impersonator out of nowhere", text);
}

void redaction(std::string_view text) {
  const std::string once = workos::detail::redact(text);
  const std::string twice = workos::detail::redact(once);
  if (twice != once) fail("redacting twice changes the text", text);
  const std::string body = workos::detail::redact_response_body(text);
  if (workos::detail::redact_response_body(body) != body)
    fail("redacting a body twice changes it", text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 3) {
    case 0:
      dates(rest);
      break;
    case 1:
      session_data(rest);
      break;
    default:
      redaction(rest);
      break;
  }
  return 0;
}
