#include "utf8.h"

#include <cstdint>
#include <cstring>

namespace coach {

Utf8Step utf8_decode(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    if (lead < 0x80) return {lead, 1};
    std::size_t length = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if ((lead & 0xE0) == 0xC0) { length = 2; cp = lead & 0x1F; min = 0x80; }
    else if ((lead & 0xF0) == 0xE0) { length = 3; cp = lead & 0x0F; min = 0x800; }
    else if ((lead & 0xF8) == 0xF0) { length = 4; cp = lead & 0x07; min = 0x10000; }
    else return {0xFFFD, 1};
    if (at + length > text.size()) return {0xFFFD, 1};
    for (std::size_t i = 1; i < length; ++i) {
        const unsigned char next = byte(at + i);
        if ((next & 0xC0) != 0x80) return {0xFFFD, 1};
        cp = (cp << 6) | (next & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not valid UTF-8.
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {0xFFFD, 1};
    return {cp, length};
}

std::size_t utf8_count(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t at = 0; at < text.size(); at += utf8_decode(text, at).length) ++count;
    return count;
}

namespace {

bool breaks_rule(const Utf8Step& step) { return !step.valid() || step.code_point == 0; }

// Eight bytes of ASCII without a NUL: valid text, skipped as a whole (most of a record is ASCII:
// keys, numbers, dates, ids).
bool plain_ascii8(std::string_view text, std::size_t at) {
    std::uint64_t w = 0;
    std::memcpy(&w, text.data() + at, 8);
    constexpr std::uint64_t kHigh = 0x8080808080808080ull, kOnes = 0x0101010101010101ull;
    return (w & kHigh) == 0 && ((w - kOnes) & ~w & kHigh) == 0;
}

}  // namespace

std::size_t first_invalid_text(std::string_view text) {
    for (std::size_t at = 0; at < text.size();) {
        if (at + 8 <= text.size() && plain_ascii8(text, at)) {
            at += 8;
            continue;
        }
        const Utf8Step step = utf8_decode(text, at);
        if (breaks_rule(step)) return at;
        at += step.length;
    }
    return std::string_view::npos;
}

std::string valid_text(std::string_view text) {
    const std::size_t bad = first_invalid_text(text);
    if (bad == std::string_view::npos) return std::string(text);
    std::string out(text.substr(0, bad));
    for (std::size_t at = bad; at < text.size();) {
        const Utf8Step step = utf8_decode(text, at);
        if (breaks_rule(step)) out += "\xEF\xBF\xBD";
        else out.append(text, at, step.length);
        at += step.length;
    }
    return out;
}

}  // namespace coach
