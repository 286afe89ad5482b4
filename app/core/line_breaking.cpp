#include "line_breaking.h"

#include <algorithm>

#include "utf8.h"

namespace coach {
namespace {

bool is_any_of(char32_t cp, std::u32string_view set) { return set.find(cp) != std::u32string_view::npos; }

// Marks that must not start a line (Chinese 行首禁则) and must not end one (行尾禁则).
constexpr std::u32string_view kClosingWide = U"，。、；：？！）》」』”’〕】〉｝］〗〙〛…‥·・—～％‰℃々〻ー";
constexpr std::u32string_view kOpeningWide = U"（《「『“‘〔【〈｛［〖〘〚";
constexpr std::u32string_view kClosingNarrow = U",.;:?!)]}%";
constexpr std::u32string_view kOpeningNarrow = U"([{";

bool is_wide(char32_t cp) {
    return (cp >= 0x1100 && cp <= 0x115F) ||   // Hangul Jamo
           (cp >= 0x2E80 && cp <= 0x303E) ||   // CJK radicals, symbols and punctuation
           (cp >= 0x3041 && cp <= 0x33FF) ||   // kana, CJK compatibility
           (cp >= 0x3400 && cp <= 0x4DBF) ||   // CJK extension A
           (cp >= 0x4E00 && cp <= 0x9FFF) ||   // CJK unified ideographs
           (cp >= 0xAC00 && cp <= 0xD7A3) ||   // Hangul syllables
           (cp >= 0xF900 && cp <= 0xFAFF) ||   // CJK compatibility ideographs
           (cp >= 0xFF01 && cp <= 0xFF60) ||   // fullwidth forms
           (cp >= 0xFFE0 && cp <= 0xFFE6) ||
           (cp >= 0x20000 && cp <= 0x3FFFD);   // CJK extensions B and later
}

// A run of code points with no break opportunity inside; trailing spaces belong to it.
struct Cluster {
    std::size_t begin, end;      // bytes, spaces included
    std::size_t visible_end;     // bytes, spaces excluded
    bool hard_break_after;
};

std::vector<Cluster> split_clusters(std::string_view text) {
    std::vector<Cluster> clusters;
    std::size_t at = 0;
    bool have_prev = false;
    BreakClass prev = BreakClass::space;
    while (at < text.size()) {
        const Utf8Step step = utf8_decode(text, at);
        const BreakClass cls = break_class(step.code_point);
        if (cls == BreakClass::newline) {
            if (clusters.empty() || !have_prev) clusters.push_back({at, at, at, false});
            clusters.back().hard_break_after = true;
            at += step.length;
            have_prev = false;
            continue;
        }
        if (!have_prev || break_allowed(prev, cls)) clusters.push_back({at, at, at, false});
        Cluster& c = clusters.back();
        c.end = at + step.length;
        if (cls != BreakClass::space) c.visible_end = c.end;
        prev = cls;
        have_prev = true;
        at += step.length;
    }
    return clusters;
}

// Splits one cluster wider than the line into pieces by code point (the last resort).
void break_long_cluster(std::string_view text, const Cluster& c, float max_width, const MeasureText& measure,
                        std::vector<TextLine>& lines, TextLine& line) {
    std::size_t at = c.begin;
    BreakClass prev = BreakClass::space;
    while (at < c.visible_end) {
        const Utf8Step step = utf8_decode(text, at);
        const std::size_t next = at + step.length;
        const BreakClass cls = break_class(step.code_point);
        const float width = measure(text.substr(line.begin, next - line.begin));
        // Even here a closing mark never starts a line and an opening one never ends it:
        // the line overflows by that one mark instead.
        const bool may_cut = cls != BreakClass::closing_wide && cls != BreakClass::closing_narrow &&
                             prev != BreakClass::opening_wide && prev != BreakClass::opening_narrow;
        prev = cls;
        if (width > max_width && line.end > line.begin && may_cut) {
            lines.push_back(line);
            line = {at, next, measure(text.substr(at, step.length))};
            at = next;
            continue;
        }
        line.end = next;
        line.width = width;
        at = next;
    }
}

}  // namespace

BreakClass break_class(char32_t cp) {
    if (cp == U'\n') return BreakClass::newline;
    if (cp == U' ' || cp == U'\t' || cp == U'\r') return BreakClass::space;
    if (is_any_of(cp, kClosingWide)) return BreakClass::closing_wide;
    if (is_any_of(cp, kOpeningWide)) return BreakClass::opening_wide;
    if (is_any_of(cp, kClosingNarrow)) return BreakClass::closing_narrow;
    if (is_any_of(cp, kOpeningNarrow)) return BreakClass::opening_narrow;
    if (cp == 0x3000) return BreakClass::ideograph;  // ideographic space behaves like a glyph
    if (is_wide(cp)) return BreakClass::ideograph;
    return BreakClass::alphabetic;
}

bool break_allowed(BreakClass before, BreakClass after) {
    using B = BreakClass;
    if (after == B::closing_wide || after == B::closing_narrow || after == B::space || after == B::newline) return false;
    if (before == B::opening_wide || before == B::opening_narrow) return false;
    if (before == B::space || before == B::ideograph || before == B::closing_wide) return true;
    if (after == B::ideograph || after == B::opening_wide) return true;
    return false;  // inside a Latin word or number: "80%", "f(x)", "3.5", "DSO,"
}

std::vector<TextLine> break_lines(std::string_view text, float max_width, const MeasureText& measure) {
    std::vector<TextLine> lines;
    const std::vector<Cluster> clusters = split_clusters(text);
    if (clusters.empty()) return lines;
    TextLine line{clusters.front().begin, clusters.front().begin, 0};
    for (const Cluster& c : clusters) {
        if (line.end == line.begin) line = {c.begin, c.begin, 0};
        const float width = measure(text.substr(line.begin, c.visible_end - line.begin));
        if (width <= max_width || c.visible_end == c.begin) {
            if (c.visible_end > c.begin) { line.end = c.visible_end; line.width = width; }
        } else if (line.end > line.begin) {
            lines.push_back(line);
            line = {c.begin, c.visible_end, measure(text.substr(c.begin, c.visible_end - c.begin))};
            if (line.width > max_width) { line.end = c.begin; line.width = 0; break_long_cluster(text, c, max_width, measure, lines, line); }
        } else {
            break_long_cluster(text, c, max_width, measure, lines, line);
        }
        if (c.hard_break_after) {
            lines.push_back(line);
            line = {c.end + 1, c.end + 1, 0};  // past the '\n'
        }
    }
    if (line.end > line.begin) lines.push_back(line);
    return lines;
}

}  // namespace coach
