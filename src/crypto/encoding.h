// Copyright workos-cpp authors. Handwritten.
#pragma once

// Base64 codecs used by the auth helpers (internal): base64url without padding (JWT, PKCE,
// iron), base64url with padding (Fernet, as Python's `base64.urlsafe_b64encode` writes it).
// Decoders are strict about the alphabet; `base64url_decode` accepts input with or without `=`
// padding, `base64url_decode_padded` requires it (as Python's `base64.urlsafe_b64decode` does).

#include <cstdint>
#include <string>
#include <string_view>

namespace workos::auth::detail {

/// base64url (RFC 4648 §5) without padding.
std::string base64url_encode(std::string_view bytes);
/// base64url with `=` padding (Python `base64.urlsafe_b64encode`).
std::string base64url_encode_padded(std::string_view bytes);
/// Decodes base64url (`-` `_`), with or without padding. False on any invalid character,
/// misplaced padding or impossible length. `out` is replaced.
bool base64url_decode(std::string_view text, std::string& out);
/// Decodes base64url that must carry its `=` padding (length a multiple of 4), as Python's
/// `base64.urlsafe_b64decode` requires ("Incorrect padding" otherwise). `out` is replaced.
bool base64url_decode_padded(std::string_view text, std::string& out);
/// Decodes standard base64 (`+` `/`), with or without padding.
bool base64_decode(std::string_view text, std::string& out);
/// Standard base64 with padding.
std::string base64_encode(std::string_view bytes);

/// Lower-case hex of `bytes`.
std::string hex_encode(std::string_view bytes);

}  // namespace workos::auth::detail
