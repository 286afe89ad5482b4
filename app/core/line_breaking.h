// line_breaking: where a paragraph of mixed Chinese and Latin text breaks into lines.
//
// ImGui wraps only at spaces, which leaves Chinese paragraphs ragged. This follows the
// Chinese typesetting rules a reader expects (a simplified UAX #14 with 禁则 kinsoku):
//   - a break may fall between any two ideographs;
//   - Latin words and numbers stay whole (they break at spaces, or only if one word is
//     wider than the whole line);
//   - no line starts with closing punctuation (，。、；：？！）》」』” …) and none ends with
//     opening punctuation (（《「『“ …): such marks stay glued to their neighbour;
//   - '\n' is a hard break; spaces at the end of a line take no width.
// Pure: the caller measures text (in pixels, ems, anything) through a callback.
#pragma once
#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

namespace coach {

struct TextLine {
    std::size_t begin = 0;  // byte offsets into the text; trailing spaces excluded
    std::size_t end = 0;
    float width = 0;        // measured width of [begin, end)
};

using MeasureText = std::function<float(std::string_view)>;

std::vector<TextLine> break_lines(std::string_view text, float max_width, const MeasureText& measure);

// The class of one code point for line breaking; exposed for tests.
enum class BreakClass { ideograph, alphabetic, space, newline, closing_wide, closing_narrow, opening_wide, opening_narrow };
BreakClass break_class(char32_t cp);

// True where a line may break between two adjacent code points of these classes.
bool break_allowed(BreakClass before, BreakClass after);

}  // namespace coach
