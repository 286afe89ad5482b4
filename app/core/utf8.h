// utf8: the few UTF-8 steps the core needs (decode one code point, count code points).
// Invalid bytes decode as U+FFFD one byte at a time, so a broken string never stalls a loop.
#pragma once
#include <cstddef>
#include <string_view>

namespace coach {

struct Utf8Step {
    char32_t code_point;  // U+FFFD where the bytes are not valid UTF-8
    std::size_t length;   // bytes consumed, at least 1 while text remains
};

// Decodes the code point that starts at byte `at` of `text` (at < text.size()).
Utf8Step utf8_decode(std::string_view text, std::size_t at);

std::size_t utf8_count(std::string_view text);

}  // namespace coach
