// Copyright workos-cpp authors. Handwritten.
#pragma once

// Parsing of the `WorkOS-Signature` header (`t=<ms>, v1=<hex>[, v1=<hex>...]`) without
// allocation. Internal; used by signature.cc, the unit tests and the header fuzzer.

#include <workos/signing/signature.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace workos::detail::sig {

/// Iterates the comma-separated `key=value` items of a signature header, trimming spaces and
/// tabs around items, keys and values, and skipping empty items.
class SignatureHeaderItems {
 public:
  explicit SignatureHeaderItems(std::string_view header) noexcept : rest_(header) {}
  /// Next item; false at the end. `malformed` is set for an item without '='.
  bool next(std::string_view& key, std::string_view& value, bool& malformed) noexcept;

 private:
  std::string_view rest_;
  bool done_ = false;
};

/// What a well-formed header holds.
struct SignatureHeaderScan {
  std::string_view timestamp_text;  ///< The digits of `t`, exactly as sent (they are signed).
  std::int64_t timestamp_ms = 0;
  std::size_t v1_count = 0;
};

/// Checks the shape: exactly one `t` of 1 to 18 decimal digits, at least one `v1`, every item
/// `key=value`. Returns `kNone` or `kMalformedHeader`.
signing::SignatureFailure scan_signature_header(std::string_view header,
                                                SignatureHeaderScan& out) noexcept;

/// Calls `f(value)` for every `v1` item until `f` returns true; returns whether it did.
template <class F>
bool any_v1(std::string_view header, F&& f) noexcept {
  SignatureHeaderItems items(header);
  std::string_view key, value;
  bool malformed = false;
  while (items.next(key, value, malformed)) {
    if (!malformed && key == "v1" && f(value)) return true;
  }
  return false;
}

}  // namespace workos::detail::sig
