// UTF-8 checks and encoding for text read from files (WinkEmbeddings.cpp's JSON strings).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ada {

// Whether `s` is well-formed UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
[[nodiscard]] bool validUtf8(std::string_view s);

// Appends the UTF-8 encoding of the code point `code` (≤ U+10FFFF, not a surrogate) to `out`.
void appendUtf8(std::string& out, std::uint32_t code);

} // namespace ada
