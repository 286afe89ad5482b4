// line_breaking: where a paragraph of mixed Chinese and Latin text breaks into lines.
//
// ImGui wraps only at spaces, which leaves Chinese paragraphs ragged. This follows the
// Chinese typesetting rules a reader expects (a simplified UAX #14 with 禁则 kinsoku) and a
// few English ones:
//   - a break may fall between any two ideographs;
//   - Latin words and numbers stay whole (they break at spaces, or only if one word is
//     wider than the whole line); an apostrophe (’) is part of its word;
//   - no line starts with closing punctuation (，。、；：？！）》」』”’ …) and none ends with
//     opening punctuation (（《「『“‘ …): such marks stay glued to their neighbour;
//   - a number stays with what it counts: "30天", "120 天", "3 个月", "90 days", "50%"
//     (digits glue to a following unit ideograph, see kUnits, and across spaces to the
//     next Latin word);
//   - no line ends on a dash (— – ―, or hyphens standing alone as one: "word - word"). A
//     spaced dash ("word — word") may start the next line, taking the word after it along; a
//     closed one ("1–30", "account—research") and the Chinese 破折号 (“行为——信用”) stay with
//     the text on both sides;
//   - no paragraph ends on a widow: when the last line would hold a single unit (one
//     ideograph with its punctuation, "大。"; one Latin word; anything that cannot break),
//     the unit before it moves down too, if that still fits and the line above keeps at
//     least one unit (Chinese) or two (Latin, "more than two words");
//   - '\n' is a hard break and ends a paragraph; spaces at the end of a line take no width.
// Pure: the caller measures text (in pixels, ems, anything) through a callback.
// Limits: no hyphenation, no justification, no bidirectional text; a unit is a run with no
// break opportunity inside, so "90 days" counts as one when looking for widows.
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
enum class BreakClass { ideograph, alphabetic, space, newline, closing_wide, closing_narrow, opening_wide, opening_narrow, dash };
BreakClass break_class(char32_t cp);

// True where a line may break between two adjacent code points of these classes. (Two rules
// look further than one neighbour and live in break_lines: the space after a dash is no
// break, and a number keeps its unit across a space.)
bool break_allowed(BreakClass before, BreakClass after);

}  // namespace coach
