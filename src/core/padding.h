// Copyright workos-cpp authors. Handwritten.
#pragma once

#include <cstddef>

namespace workos::detail {

/// Spare capacity the transport reserves after a response body so simdjson can parse it in
/// place (SIMDJSON_PADDING; json.cc checks that this is large enough).
inline constexpr std::size_t kJsonPadding = 64;

}  // namespace workos::detail
