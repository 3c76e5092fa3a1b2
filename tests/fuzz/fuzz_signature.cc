// Copyright workos-cpp authors. Handwritten.
//
// Fuzzes the `WorkOS-Signature` header of webhooks and Actions. Input: the first line is the
// header, the rest the payload. Invariants:
//   - the header scanner accepts only `t=<1 to 18 digits>` and reports that number;
//   - a header that verifies carries the HMAC of "<t>.<payload>" under the secret;
//   - a header this SDK computes for the payload always verifies (webhooks and Actions);
//   - construct_event / construct_action behind that valid header return a value or an error.

#include <workos/events/models.h>
#include <workos/signing/actions.h>
#include <workos/signing/webhooks.h>

#include "signing/signature_header.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

constexpr std::string_view kSecret = "whsec_fuzz_0123456789abcdef";
constexpr std::int64_t kNowMs = 1767225600000;  // 2026-01-01T00:00:00Z
const std::chrono::system_clock::time_point kNow{std::chrono::milliseconds(kNowMs)};

[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "signature invariant: %s\n", what);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace sig = workos::detail::sig;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t eol = input.find('\n');
  const std::string_view header = input.substr(0, eol);
  const std::string_view payload =
      eol == std::string_view::npos ? std::string_view() : input.substr(eol + 1);

  sig::SignatureHeaderScan scan;
  const bool well_formed =
      sig::scan_signature_header(header, scan) == workos::signing::SignatureFailure::kNone;
  if (well_formed) {
    const std::string_view t = scan.timestamp_text;
    if (t.empty() || t.size() > 18) fail("timestamp is not 1 to 18 digits");
    std::int64_t value = 0;
    for (char ch : t) {
      if (ch < '0' || ch > '9') fail("timestamp holds a non-digit");
      value = value * 10 + (ch - '0');
    }
    if (value != scan.timestamp_ms) fail("timestamp value differs from its digits");
  }

  const auto webhook = workos::webhooks::verify_header(payload, header, kSecret,
                                                       workos::webhooks::kDefaultTolerance, kNow);
  const auto action = workos::actions::verify_header(payload, header, kSecret,
                                                     workos::actions::kDefaultTolerance, kNow);
  for (const auto* r : {&webhook, &action}) {
    if (r->ok()) {
      if (!well_formed) fail("a malformed header verified");
      if (workos::signing::compute_signature(scan.timestamp_ms, payload, kSecret) !=
          scan.signature) {
        fail("a header verified without the payload's HMAC");
      }
    } else {
      (void)r->error().message();
    }
  }
  if (action.ok() && !webhook.ok()) fail("Actions accepted what webhooks (wider window) refused");

  // The SDK's own header for this payload must verify, and the payload then decodes or fails
  // cleanly as an event and as an Action context.
  const std::string good = "t=" + std::to_string(kNowMs) +
                           ", v1=" + workos::webhooks::compute_signature(kNowMs, payload, kSecret);
  if (!workos::webhooks::verify_header(payload, good, kSecret, workos::webhooks::kDefaultTolerance,
                                       kNow)) {
    fail("the SDK's own webhook header does not verify");
  }
  if (!workos::actions::verify_header(payload, good, kSecret, workos::actions::kDefaultTolerance,
                                      kNow)) {
    fail("the SDK's own Actions header does not verify");
  }
  auto event = workos::webhooks::construct_event(payload, good, kSecret,
                                                 workos::webhooks::kDefaultTolerance, kNow);
  if (event) (void)workos::to_json(*event);
  auto context = workos::actions::construct_action(payload, good, kSecret,
                                                   workos::actions::kDefaultTolerance, kNow);
  if (context) (void)context->type();
  return 0;
}
