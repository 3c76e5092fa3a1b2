// Copyright workos-cpp authors. Handwritten.
#pragma once

// Shared by the model and event fuzzers: decode JSON text into a model with the SDK's own
// json::decode_document, then check the encode / decode round trip. The generated table of
// every model (generated/decode_any_model.cc) points at decode_and_check<T>.
//
// Invariants (a violation aborts with the model name and both texts, so libFuzzer keeps the
// input as a crash):
//   - whatever the input, decoding returns a value or a DecodeError (no crash, UB or leak);
//   - a value that decoded encodes to JSON that decodes again without error;
//   - that second value encodes to the same text (encoding is a fixed point after one trip),
//     also for input that repeats a key (the last occurrence wins everywhere, tags included).

#include "core/json.h"

#include <simdjson.h>

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace workos::fuzz {

/// Prints the broken invariant and aborts (libFuzzer reports the input).
[[noreturn]] inline void invariant_failed(const char* model, const char* what,
                                          std::string_view first, std::string_view second) {
  std::fprintf(stderr, "%s: %s\n  first:  %.*s\n  second: %.*s\n", model, what,
               static_cast<int>(first.size()), first.data(), static_cast<int>(second.size()),
               second.data());
  std::abort();
}

/// Decodes `json` into a T named `model`; when that succeeds, checks the round trip.
template <class T>
void decode_and_check(std::string_view json, const char* model) {
  T first{};
  if (!detail::json::decode_document(json, model, first)) return;
  const std::string once = detail::json::encode_document(first);
  T second{};
  const Result<void> again = detail::json::decode_document(once, model, second);
  if (!again) invariant_failed(model, "its own encoding does not decode", json, once);
  const std::string twice = detail::json::encode_document(second);
  if (once != twice) {
    invariant_failed(model, "encoding is not stable across a round trip", once, twice);
  }
}

/// One entry of the generated model table.
struct ModelEntry {
  const char* name;
  void (*decode)(std::string_view json, const char* model);
};

/// Every generated model (generated/decode_any_model.cc).
extern const ModelEntry kModels[];
extern const std::size_t kModelCount;

}  // namespace workos::fuzz
