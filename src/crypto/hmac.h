// Copyright workos-cpp authors. Handwritten.
#pragma once

// HMAC-SHA256 for the signature hot path (webhooks, Actions). One OpenSSL EVP_MAC context per
// thread is kept keyed with the last secret used on that thread, so a verification with the same
// secret costs one EVP_MAC_init(NULL key) (a copy of the precomputed inner state), the updates
// and one final: no allocation, no key schedule. See docs/adr/0006-signatures-and-vault.md.

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>

namespace workos::detail::sig {

inline constexpr std::size_t kSha256Size = 32;

/// out = HMAC-SHA256(key, concat(parts)). Returns false only when OpenSSL fails (out of memory).
/// Thread-safe (thread-local state).
bool hmac_sha256(std::string_view key, std::initializer_list<std::string_view> parts,
                 unsigned char (&out)[kSha256Size]);

/// Lowercase hex of `size` bytes.
std::string to_hex(const unsigned char* data, std::size_t size);

/// Decodes exactly `size` bytes of lowercase hex from `hex`; false when `hex` is not 2 * size
/// lowercase hex digits (an upper-case digit is refused: see hex_value in hmac.cc).
bool from_hex(std::string_view hex, unsigned char* out, std::size_t size) noexcept;

}  // namespace workos::detail::sig
