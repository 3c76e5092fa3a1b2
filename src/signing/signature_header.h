// Copyright workos-cpp authors. Handwritten.
#pragma once

// Parsing of the `WorkOS-Signature` header (`t=<ms>, v1=<hex>`) without allocation. Internal;
// used by signature.cc and the unit tests.
//
// The grammar follows the official Node SDK (@workos-inc/node 11,
// SignatureProvider.getTimestampAndSignatureHash), which splits the header on ',' and reads the
// first item as the timestamp and the second as the signature, so that a header gets the same
// verdict from both SDKs:
//   - only the first two items count, by position: `t` first, then `v1` (a `v1` before `t`, or
//     an unknown scheme such as `v0` in second place, fails); items after the second are
//     ignored, so of several `v1` entries only the first is checked;
//   - values are taken verbatim: a space or tab around a value makes it a different value (a
//     timestamp that is not digits, a signature that does not match); whitespace around keys is
//     ignored, as Node ignores the key text altogether;
//   - the signature must be the lowercase hex WorkOS sends (Node compares the hex text).
// Stricter than Node, on headers WorkOS never sends (Node's behaviour there is a quirk of its
// split, not a rule): the keys must be `t` and `v1` (Node accepts any key text), the timestamp
// must be 1 to 18 decimal digits (Node signs whatever precedes a second '=' and lets a
// non-numeric timestamp skip its tolerance check), and a second '=' inside a value is part of
// that value (Node cuts the value there).

#include <workos/signing/signature.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace workos::detail::sig {

/// What a well-formed header holds.
struct SignatureHeaderScan {
  std::string_view timestamp_text;  ///< The digits of `t`, exactly as sent (they are signed).
  std::int64_t timestamp_ms = 0;
  std::string_view signature;  ///< The value of the `v1` item, verbatim.
};

/// Checks the shape: a first item `t=<1 to 18 decimal digits>` and a second item `v1=<value>`
/// (the value is not checked here). Returns `kNone` or `kMalformedHeader`.
signing::SignatureFailure scan_signature_header(std::string_view header,
                                                SignatureHeaderScan& out) noexcept;

/// A verified payload decoded into `T` by `decode(T&) -> Result<void>`: the signature check's
/// error when `check` failed (nothing is decoded then), else the decode error or the value.
template <class T, class Decode>
Result<T> verified(const signing::VerifyResult& check, Decode decode) {
  if (!check) return check.error();
  T out;
  Result<void> decoded = decode(out);
  if (!decoded) return decoded.error();
  return out;
}

}  // namespace workos::detail::sig
