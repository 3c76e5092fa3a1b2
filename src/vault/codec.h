// Copyright workos-cpp authors. Handwritten.
#pragma once

// Byte codecs of the vault envelope: standard base64 and unsigned LEB128 (32-bit). Internal;
// used by vault_crypto.cc, the unit tests and the envelope fuzzer. Every decoder is total:
// any input gives a value or a failure, never an out-of-bounds read.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace workos::detail::vault_codec {

/// Standard base64 (RFC 4648 §4) with '=' padding.
std::string base64_encode(std::string_view bytes);

/// Decodes standard base64 forgivingly, as `atob` and the Node SDK do: padding optional, ASCII
/// white space skipped, non-zero trailing bits ignored. `std::nullopt` on any other input.
std::optional<std::string> base64_decode(std::string_view text);

/// Appends the ULEB128 encoding of `value` (1 to 5 bytes).
void leb128_append(std::string& out, std::uint32_t value);

/// Outcome of `leb128_decode`.
enum class LebStatus { kOk, kTruncated, kOverflow };

/// Decodes an unsigned 32-bit LEB128 value at `data[offset]`; on success `next` is the index
/// after it. More than 5 bytes, or a 5th byte carrying bits above 2^32, is `kOverflow`.
LebStatus leb128_decode(std::string_view data, std::size_t offset, std::uint32_t& value,
                        std::size_t& next) noexcept;

}  // namespace workos::detail::vault_codec
