// utf8: the few UTF-8 steps the core needs (decode one code point, count code points), and
// the one rule for what counts as text.
//
// Invalid bytes decode as U+FFFD one byte at a time, so a broken string never stalls a loop.
//
// The rule: text is UTF-8 of Unicode scalar values -- no byte that does not start a complete
// sequence, no overlong form, no encoded surrogate (U+D800..U+DFFF, what a lone `\uDxxx`
// escape in JSON turns into), nothing past U+10FFFF -- and no U+0000 (C strings end there, so
// a reader would silently drop whatever follows). A learner's document holds only such text:
// JSON that breaks the rule is refused whole (json_guard.h), and text that enters any other
// way (typed) or leaves (written) is passed through valid_text().
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace coach {

struct Utf8Step {
    char32_t code_point;  // U+FFFD where the bytes are not valid UTF-8
    std::size_t length;   // bytes consumed, at least 1 while text remains
    bool valid() const { return length > 1 || code_point != 0xFFFD; }  // a real U+FFFD takes 3 bytes
};

// Decodes the code point that starts at byte `at` of `text` (at < text.size()).
Utf8Step utf8_decode(std::string_view text, std::size_t at);

std::size_t utf8_count(std::string_view text);

// Byte offset of the first byte that breaks the rule above; npos when the text keeps it.
std::size_t first_invalid_text(std::string_view text);
inline bool is_valid_text(std::string_view text) { return first_invalid_text(text) == std::string_view::npos; }

// The text with every byte that breaks the rule replaced by U+FFFD (the way utf8_decode
// reads it); valid text comes back unchanged, byte for byte.
std::string valid_text(std::string_view text);

}  // namespace coach
