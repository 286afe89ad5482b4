// json_guard: checks untrusted JSON text before anything builds objects from it.
//
// A learner's stored document or an imported file may be anything: truncated, random bytes,
// 50 MB, a million entries, nested 100,000 levels deep. RapidJSON's default parser recurses
// once per level and dies (uncatchable stack overflow) near 6,000 levels, so the guard reads
// the text first with RapidJSON's iterative SAX reader (no recursion) and stops at the first
// limit crossed: size, depth, entries in one list or object, a syntax error, or a string or
// key that is not valid Unicode text (utf8.h states the rule: invalid bytes, overlong forms,
// surrogates -- also those written as a lone `\uDxxx` escape -- and U+0000). Such JSON is
// refused whole rather than repaired: what is read is exactly what was written, and what the
// app writes back always reads again. Only text that passes is handed to cereal.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "i18n.h"

namespace coach {

// Defaults sized for one learner's document with plenty of headroom.
struct JsonLimits {
    std::size_t max_bytes = 4u << 20;    // 4 MiB
    std::size_t max_depth = 32;          // the document nests 5 levels
    std::size_t max_entries = 10000;     // per list or object
};

enum class JsonProblem { none, too_large, too_deep, too_many_entries, not_unicode, syntax };

// What kind of syntax error, in words a learner can be told.
enum class JsonSyntax { none, empty, truncated, bad_value, bad_string, missing_separator, trailing_text };

struct JsonCheck {
    JsonProblem problem = JsonProblem::none;
    JsonSyntax syntax = JsonSyntax::none;
    std::size_t line = 0, column = 0;  // 1-based, where the problem was found (all but size)
    std::size_t measured = 0;          // bytes, depth or entries found, for the message
    bool ok() const { return problem == JsonProblem::none; }
};

JsonCheck check_json(std::string_view text, const JsonLimits& limits = {});

// What is wrong with the JSON, one sentence in the reader's language ("" when nothing is).
std::string describe(const JsonCheck& check, Lang lang, const JsonLimits& limits = {});

// 1-based line and column (in code points) of a byte offset.
void line_and_column(std::string_view text, std::size_t offset, std::size_t& line, std::size_t& column);

// The lines of many offsets in one text (every item of a quiz file names its line): where each
// line starts, found once, then each line by a binary search instead of a scan from the start.
struct LineIndex {
    std::vector<std::size_t> starts;  // byte offset of each line's first byte; starts[0] == 0
};
LineIndex index_lines(std::string_view text);
std::size_t line_at(const LineIndex& index, std::size_t offset);  // 1-based, as line_and_column's

}  // namespace coach
