// Copyright workos-cpp authors. Handwritten.
#pragma once

// UTF-8 sanitizing for text that ends up in signed JSON: a JavaScript peer (the official Node
// SDK, WorkOS itself) only ever sees well-formed Unicode, so bytes that are not valid UTF-8 are
// replaced by U+FFFD before signing, one replacement per invalid byte.

#include <string>
#include <string_view>

namespace workos::detail::sig {

/// `text` with every byte that does not belong to a well-formed UTF-8 sequence (overlongs,
/// surrogates and code points above U+10FFFF included) replaced by U+FFFD.
std::string sanitize_utf8(std::string_view text);

}  // namespace workos::detail::sig
