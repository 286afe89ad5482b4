#include "line_breaking.h"

#include <algorithm>

#include "utf8.h"

namespace coach {
namespace {

bool is_any_of(char32_t cp, std::u32string_view set) { return set.find(cp) != std::u32string_view::npos; }

// Marks that must not start a line (Chinese 行首禁则) and must not end one (行尾禁则).
// ’ is narrow: as an apostrophe it sits inside a Latin word ("company’s"), where no break may fall.
constexpr std::u32string_view kClosingWide = U"，。、；：？！）》」』”〕】〉｝］〗〙〛…‥·・～％‰℃々〻ー";
constexpr std::u32string_view kOpeningWide = U"（《「『“‘〔【〈｛［〖〘〚";
constexpr std::u32string_view kClosingNarrow = U",.;:?!)]}%’";
constexpr std::u32string_view kOpeningNarrow = U"([{";
constexpr std::u32string_view kDashes = U"—–―⸺⸻";

// Ideographs that follow a number as its unit or measure word (量词): "30天", "3个月",
// "100万元", "5小时", "30多天". A number keeps a run of these; the next other ideograph may
// break away ("30天|内", "1+2+1|原则").
constexpr std::u32string_view kUnits = U"个月天日年周岁时小分秒钟元角块万亿千百十倍次笔家位名人件台条项份张页章节号期季度折成米吨克斤届轮遍批单户多余半";

bool is_digit(char32_t cp) { return (cp >= U'0' && cp <= U'9') || (cp >= U'０' && cp <= U'９'); }

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
    bool visible() const { return visible_end > begin; }
};

std::vector<Cluster> split_clusters(std::string_view text) {
    std::vector<Cluster> clusters;
    std::size_t at = 0;
    bool have_prev = false;
    BreakClass prev = BreakClass::space;
    BreakClass prev_visible = BreakClass::space;  // the last class that was not a space
    char32_t prev_visible_cp = 0;
    bool in_unit = false;                         // inside the unit ideographs after a number
    bool typed_dash = false;                      // the word since the last space is all hyphens: "-", "--"
    while (at < text.size()) {
        const Utf8Step step = utf8_decode(text, at);
        const char32_t cp = step.code_point;
        const BreakClass cls = break_class(cp);
        if (cls == BreakClass::newline) {
            if (clusters.empty() || !have_prev) clusters.push_back({at, at, at, false});
            clusters.back().hard_break_after = true;
            at += step.length;
            have_prev = false;
            prev_visible = BreakClass::space;
            prev_visible_cp = 0;
            in_unit = false;
            typed_dash = false;
            continue;
        }
        bool may_break = !have_prev || break_allowed(prev, cls);
        if (have_prev && cls != BreakClass::space) {
            const bool unit = cls == BreakClass::ideograph && is_any_of(cp, kUnits);
            const bool after_number = is_digit(prev_visible_cp);
            // "word — word": the line may end before the dash, never after it. The same for a
            // dash typed as hyphens standing alone ("word - word", "word -- word").
            if (prev == BreakClass::space && (prev_visible == BreakClass::dash || typed_dash)) may_break = false;
            // "90 days", "120 天", "30天": a number and what it counts stay on one line.
            if (after_number && (unit || (prev == BreakClass::space && cls == BreakClass::alphabetic))) may_break = false;
            // "3个月": the unit may take more than one ideograph.
            if (in_unit && prev == BreakClass::ideograph && unit) may_break = false;
            in_unit = unit && (after_number || (in_unit && prev == BreakClass::ideograph));
        }
        if (may_break) clusters.push_back({at, at, at, false});
        Cluster& c = clusters.back();
        c.end = at + step.length;
        if (cls != BreakClass::space) {
            typed_dash = cp == U'-' && (prev == BreakClass::space || !have_prev || typed_dash);
            c.visible_end = c.end;
            prev_visible = cls;
            prev_visible_cp = cp;
        }
        prev = cls;
        have_prev = true;
        at += step.length;
    }
    return clusters;
}

// Whether a unit reads as Chinese (its first letter-like code point is an ideograph).
bool is_chinese_unit(std::string_view text, const Cluster& c) {
    for (std::size_t at = c.begin; at < c.visible_end;) {
        const Utf8Step step = utf8_decode(text, at);
        const BreakClass cls = break_class(step.code_point);
        if (cls == BreakClass::ideograph) return true;
        if (cls == BreakClass::alphabetic) return false;
        at += step.length;
    }
    return false;
}

// One line as it is being built, with what the widow rule needs to know about it.
struct Placed {
    TextLine line;
    std::size_t units = 0;       // whole clusters with visible text on the line
    std::size_t last = 0;        // the index of the last of them
    bool cut = false;            // holds a piece of a cluster wider than the line
    bool paragraph_end = false;  // followed by a hard break or the end of the text
};

// Splits one cluster wider than the line into pieces by code point (the last resort).
void break_long_cluster(std::string_view text, const Cluster& c, float max_width, const MeasureText& measure,
                        std::vector<Placed>& lines, Placed& line) {
    std::size_t at = c.begin;
    BreakClass prev = BreakClass::space;
    line.cut = true;
    while (at < c.visible_end) {
        const Utf8Step step = utf8_decode(text, at);
        const std::size_t next = at + step.length;
        const BreakClass cls = break_class(step.code_point);
        const float width = measure(text.substr(line.line.begin, next - line.line.begin));
        // Even here a closing mark never starts a line and an opening mark or a dash never
        // ends it: the line overflows by that one mark instead.
        const bool may_cut = cls != BreakClass::closing_wide && cls != BreakClass::closing_narrow &&
                             prev != BreakClass::opening_wide && prev != BreakClass::opening_narrow && prev != BreakClass::dash;
        prev = cls;
        if (width > max_width && line.line.end > line.line.begin && may_cut) {
            lines.push_back(line);
            line = Placed{{at, next, measure(text.substr(at, step.length))}};
            line.cut = true;
            at = next;
            continue;
        }
        line.line.end = next;
        line.line.width = width;
        at = next;
    }
}

// Moves the unit before a paragraph's lone last unit down to it, where the rules allow.
void avoid_widows(std::string_view text, const std::vector<Cluster>& clusters, float max_width, const MeasureText& measure,
                  std::vector<Placed>& lines) {
    for (std::size_t i = 1; i < lines.size(); ++i) {
        Placed& last = lines[i];
        Placed& above = lines[i - 1];
        if (!last.paragraph_end || above.paragraph_end || last.cut || above.cut || last.units != 1) continue;
        // Chinese: the line above keeps some text. Latin: it keeps two words, so the fix
        // never trades a one-word last line for a one-word line above it.
        const std::size_t needed = is_chinese_unit(text, clusters[last.last]) ? 2 : 3;
        if (above.units < needed) continue;
        const Cluster& moved = clusters[above.last];
        const float width = measure(text.substr(moved.begin, last.line.end - moved.begin));
        if (width > max_width) continue;
        std::size_t keep = above.last;
        do --keep; while (!clusters[keep].visible());
        above.line.end = clusters[keep].visible_end;
        above.line.width = measure(text.substr(above.line.begin, above.line.end - above.line.begin));
        above.units -= 1;
        above.last = keep;
        last.line.begin = moved.begin;
        last.line.width = width;
        last.units += 1;
    }
}

}  // namespace

BreakClass break_class(char32_t cp) {
    if (cp == U'\n') return BreakClass::newline;
    if (cp == U' ' || cp == U'\t' || cp == U'\r') return BreakClass::space;
    if (is_any_of(cp, kDashes)) return BreakClass::dash;
    if (is_any_of(cp, kClosingWide)) return BreakClass::closing_wide;
    if (is_any_of(cp, kOpeningWide)) return BreakClass::opening_wide;
    if (is_any_of(cp, kClosingNarrow)) return BreakClass::closing_narrow;
    if (is_any_of(cp, kOpeningNarrow)) return BreakClass::opening_narrow;
    if (is_digit(cp)) return BreakClass::alphabetic;  // full-width digits too: a number stays whole
    if (cp == 0x3000) return BreakClass::ideograph;  // ideographic space behaves like a glyph
    if (is_wide(cp)) return BreakClass::ideograph;
    return BreakClass::alphabetic;
}

bool break_allowed(BreakClass before, BreakClass after) {
    using B = BreakClass;
    if (after == B::closing_wide || after == B::closing_narrow || after == B::space || after == B::newline) return false;
    if (before == B::opening_wide || before == B::opening_narrow || before == B::dash) return false;
    // Only a spaced dash may start a line; "1–30" and "行为——信用" hold together.
    if (after == B::dash) return before == B::space;
    if (before == B::space || before == B::ideograph || before == B::closing_wide) return true;
    if (after == B::ideograph || after == B::opening_wide) return true;
    return false;  // inside a Latin word or number: "80%", "f(x)", "3.5", "DSO,", "company’s"
}

std::vector<TextLine> break_lines(std::string_view text, float max_width, const MeasureText& measure) {
    std::vector<TextLine> lines;
    const std::vector<Cluster> clusters = split_clusters(text);
    if (clusters.empty()) return lines;
    std::vector<Placed> placed;
    Placed line{{clusters.front().begin, clusters.front().begin, 0}};
    for (std::size_t i = 0; i < clusters.size(); ++i) {
        const Cluster& c = clusters[i];
        if (line.line.end == line.line.begin) line = Placed{{c.begin, c.begin, 0}};
        const float width = measure(text.substr(line.line.begin, c.visible_end - line.line.begin));
        if (width <= max_width || !c.visible()) {
            if (c.visible()) {
                line.line.end = c.visible_end;
                line.line.width = width;
                line.units += 1;
                line.last = i;
            }
        } else if (line.line.end > line.line.begin) {
            placed.push_back(line);
            line = Placed{{c.begin, c.visible_end, measure(text.substr(c.begin, c.visible_end - c.begin))}, 1, i};
            if (line.line.width > max_width) {
                line = Placed{{c.begin, c.begin, 0}};
                break_long_cluster(text, c, max_width, measure, placed, line);
            }
        } else {
            break_long_cluster(text, c, max_width, measure, placed, line);
        }
        if (c.hard_break_after) {
            line.paragraph_end = true;
            placed.push_back(line);
            line = Placed{{c.end + 1, c.end + 1, 0}};  // past the '\n'
        }
    }
    if (line.line.end > line.line.begin) {
        line.paragraph_end = true;
        placed.push_back(line);
    }
    avoid_widows(text, clusters, max_width, measure, placed);
    lines.reserve(placed.size());
    for (const Placed& p : placed) lines.push_back(p.line);
    return lines;
}

}  // namespace coach
