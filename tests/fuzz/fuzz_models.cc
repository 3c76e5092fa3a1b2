// Copyright workos-cpp authors. Handwritten.
//
// Fuzzes the JSON decoding of every generated model. The first two bytes (little endian,
// modulo the model count) pick the model; the rest is the JSON text, decoded with the SDK's
// json::decode_document and checked for a stable round trip (model_fuzzing.h). Seeds:
// `scripts/generate --fuzz-seeds DIR` (one example per model, prefixed with its index).

#include "model_fuzzing.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using workos::fuzz::kModelCount;
  using workos::fuzz::kModels;
  if (size < 2) return 0;
  const std::size_t index =
      (static_cast<std::size_t>(data[0]) | (std::size_t{data[1]} << 8)) % kModelCount;
  const std::string_view json(reinterpret_cast<const char*>(data) + 2, size - 2);
  kModels[index].decode(json, kModels[index].name);
  return 0;
}
