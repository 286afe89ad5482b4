// Line breaking on real sentences from the course, measured with a fixed-pitch ruler:
// an ideograph or full-width mark is 1 em, anything else half an em.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/line_breaking.h"
#include "core/utf8.h"

using namespace coach;

namespace {

float ruler(std::string_view s) {
    float w = 0;
    for (std::size_t at = 0; at < s.size();) {
        const Utf8Step step = utf8_decode(s, at);
        const BreakClass cls = break_class(step.code_point);
        const bool wide = cls == BreakClass::ideograph || cls == BreakClass::closing_wide || cls == BreakClass::opening_wide ||
                          cls == BreakClass::dash;
        w += wide ? 1.0f : 0.5f;
        at += step.length;
    }
    return w;
}

std::vector<std::string> lines_of(std::string_view text, float width) {
    std::vector<std::string> out;
    for (const TextLine& l : break_lines(text, width, ruler)) out.emplace_back(text.substr(l.begin, l.end - l.begin));
    return out;
}

std::string with_bars(const std::vector<std::string>& lines) {
    std::string all;
    for (const auto& l : lines) all += "|" + l;
    return all;
}

bool on_one_line(const std::vector<std::string>& lines, const std::string& whole) {
    for (const auto& l : lines)
        if (l.find(whole) != std::string::npos) return true;
    return false;
}

char32_t first_cp(const std::string& s) { return utf8_decode(s, 0).code_point; }
char32_t last_cp(const std::string& s) {
    std::size_t at = s.size() - 1;
    while (at > 0 && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
    return utf8_decode(s, at).code_point;
}

const char* kHub = "程老师分享搞定大客户六个步骤：研究客户、建立关系、营销、成单、回款、二次销售，以回款为核心来重视这六个步骤。";
const char* kBrain = "一个销售人员左脑要有回款的意识，右脑要有销售的意识，为什么把它放在左右脑呢？因为左脑是偏理性的，对数据敏感，所以左脑是要控制回收货款的，而右脑是感性的，它往往注重情商的表达。";
const char* kCredit = "所以我们以前有过一种关于销售团队的一种补充行为——信用管理（credit management），对客户的信用进行分析，然后监控，协助应收账款回收。";
const char* kIntro = "The six steps to win a key account — research the customer, build relationships, market, close, collect, sell again — all turn on collection: the company’s “money in the bank”.";

}  // namespace

TEST_CASE("a Chinese paragraph fills every line but the last", "[line_breaking]") {
    for (float width : {7.0f, 10.0f, 13.0f, 20.0f}) {
        const auto lines = break_lines(kBrain, width, ruler);
        REQUIRE(lines.size() >= 4);
        for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
            CAPTURE(width, i);
            CHECK(lines[i].width <= width);
            // Pure ideographs could fill the line exactly; a glued mark may push one glyph down.
            CHECK(lines[i].width >= width - 2.0f);
        }
    }
}

TEST_CASE("no line starts with closing or ends with opening punctuation", "[line_breaking]") {
    for (const char* text : {kHub, kBrain, kCredit, kIntro}) {
        for (float width = 3.0f; width <= 24.0f; width += 1.0f) {
            for (const std::string& line : lines_of(text, width)) {
                CAPTURE(text, width, line);
                const BreakClass first = break_class(first_cp(line));
                const BreakClass last = break_class(last_cp(line));
                CHECK(first != BreakClass::closing_wide);
                CHECK(first != BreakClass::closing_narrow);
                CHECK(last != BreakClass::opening_wide);
                CHECK(last != BreakClass::opening_narrow);
            }
        }
    }
}

TEST_CASE("the lines put back together are the text", "[line_breaking]") {
    for (const char* text : {kHub, kBrain, kCredit, kIntro}) {
        std::string joined;
        for (const std::string& line : lines_of(text, 9.0f)) joined += line;
        std::string without_spaces;
        for (char c : std::string(text)) if (c != ' ') without_spaces += c;
        std::string joined_without_spaces;
        for (char c : joined) if (c != ' ') joined_without_spaces += c;
        CHECK(joined_without_spaces == without_spaces);
    }
}

TEST_CASE("Latin words and numbers stay whole", "[line_breaking]") {
    const std::string text = "20%的大客户创造了企业80%的收入，这就是credit management的意义。";
    for (float width = 5.0f; width <= 16.0f; width += 0.5f) {
        const auto lines = lines_of(text, width);
        CAPTURE(width, with_bars(lines));
        for (const char* whole : {"20%", "80%", "credit", "management"}) CHECK(on_one_line(lines, whole));
    }
    // A curly apostrophe is part of its word.
    for (float width = 5.0f; width <= 12.0f; width += 0.5f) {  // company’s is 4.5 em
        const auto lines = lines_of("the customer company’s rules", width);
        CAPTURE(width, with_bars(lines));
        CHECK(on_one_line(lines, "company’s"));
    }
    // English breaks at spaces; the space at the end of a line takes no width.
    const auto english = lines_of("Old balances are paid before new orders", 11.0f);
    REQUIRE(english.size() == 2);
    CHECK(english[0] == "Old balances are paid");
    CHECK(english[1] == "before new orders");
}

TEST_CASE("an opening mark goes down with the word it opens", "[line_breaking]") {
    // 《 must not end a line: at a width where only 《 would still fit, it moves down too.
    const std::string text = "课程金句《销售》";
    const auto lines = lines_of(text, 5.0f);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == "课程金句");
    CHECK(lines[1] == "《销售》");
}

TEST_CASE("a closing mark stays with the glyph before it", "[line_breaking]") {
    const auto lines = lines_of("回款，回款。", 2.0f);
    REQUIRE(lines.size() == 4);
    CHECK(lines[0] == "回");
    CHECK(lines[1] == "款，");  // wider than the line, but better than a line that starts with ，
    CHECK(lines[2] == "回");
    CHECK(lines[3] == "款。");
}

TEST_CASE("hard breaks, blank lines and empty text", "[line_breaking]") {
    CHECK(break_lines("", 10.0f, ruler).empty());
    const auto lines = lines_of("第一段\n\n第二段", 10.0f);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "第一段");
    CHECK(lines[1].empty());
    CHECK(lines[2] == "第二段");
}

TEST_CASE("a word wider than the line is cut rather than overflowing", "[line_breaking]") {
    const auto lines = break_lines("accountsreceivable", 4.0f, ruler);
    REQUIRE(lines.size() == 3);  // 18 half-em letters, 8 to a 4 em line
    for (const auto& l : lines) CHECK(l.width <= 4.0f);
}

TEST_CASE("break classes of common marks", "[line_breaking]") {
    CHECK(break_class(U'回') == BreakClass::ideograph);
    CHECK(break_class(U'，') == BreakClass::closing_wide);
    CHECK(break_class(U'”') == BreakClass::closing_wide);
    CHECK(break_class(U'…') == BreakClass::closing_wide);
    CHECK(break_class(U'（') == BreakClass::opening_wide);
    CHECK(break_class(U'“') == BreakClass::opening_wide);
    CHECK(break_class(U'’') == BreakClass::closing_narrow);  // an apostrophe, inside a word
    CHECK(break_class(U'—') == BreakClass::dash);
    CHECK(break_class(U'–') == BreakClass::dash);
    CHECK(break_class(U'３') == BreakClass::alphabetic);
    CHECK(break_class(U'a') == BreakClass::alphabetic);
    CHECK(break_class(U'8') == BreakClass::alphabetic);
    CHECK(break_allowed(BreakClass::ideograph, BreakClass::ideograph));
    CHECK_FALSE(break_allowed(BreakClass::alphabetic, BreakClass::alphabetic));
    CHECK_FALSE(break_allowed(BreakClass::ideograph, BreakClass::closing_wide));
    CHECK_FALSE(break_allowed(BreakClass::opening_wide, BreakClass::ideograph));
    CHECK(break_allowed(BreakClass::space, BreakClass::dash));
    CHECK_FALSE(break_allowed(BreakClass::dash, BreakClass::alphabetic));
    CHECK_FALSE(break_allowed(BreakClass::alphabetic, BreakClass::dash));
    CHECK_FALSE(break_allowed(BreakClass::ideograph, BreakClass::dash));
}

TEST_CASE("a number stays with its unit", "[line_breaking]") {
    const std::string zh = "平均账期从120 天降到30天，回款率提高50%，只用了3 个月，合计1000万元。";
    const std::string en = "Within 90 days the team collected 50% of the old balance, 1 million yuan in 3 months.";
    for (float width = 5.0f; width <= 24.0f; width += 0.5f) {  // from the widest unit, "collected"
        const auto zh_lines = lines_of(zh, width);
        CAPTURE(width, with_bars(zh_lines));
        for (const char* whole : {"120 天", "30天", "50%", "3 个月", "1000万元"}) CHECK(on_one_line(zh_lines, whole));
        const auto en_lines = lines_of(en, width);
        CAPTURE(with_bars(en_lines));
        for (const char* whole : {"90 days", "50%", "1 million", "3 months."}) CHECK(on_one_line(en_lines, whole));
    }
    // Where the break would fall between 0 and 天, the number goes down with its unit.
    // (账期三十天或30 would fill the 7 em line exactly.)
    CHECK(lines_of("账期三十天或30天内", 7.0f) == std::vector<std::string>{"账期三十天或", "30天内"});
    // Only a unit is held: what follows it, and words that are not units, may break away.
    CHECK(lines_of("30天内", 2.5f) == std::vector<std::string>{"30天", "内"});
    CHECK(lines_of("1+2+1原则", 3.0f) == std::vector<std::string>{"1+2+1", "原则"});
    // Full-width digits are a number too.
    CHECK(lines_of("账期３０天", 3.0f) == std::vector<std::string>{"账期", "３０天"});
}

TEST_CASE("no line ends on a dash", "[line_breaking]") {
    const std::string spaced = "Collect first — then sell again — and keep the old balance low.";
    struct Case { std::string_view text; bool spaced; float from; };  // from: the widest unit, below which words are cut
    bool dash_led = false;
    for (const Case& c : {Case{spaced, true, 3.0f}, Case{kIntro, true, 3.0f}, Case{kCredit, false, 3.0f},
                          Case{"账龄分为1–30天、31–60天，越长越难收——要早催。", false, 5.0f}}) {
        for (float width = c.from; width <= 30.0f; width += 0.5f) {
            const auto lines = lines_of(c.text, width);
            CAPTURE(c.text, width, with_bars(lines));
            for (const std::string& line : lines) {
                CHECK(break_class(last_cp(line)) != BreakClass::dash);
                // A closed dash keeps the text on both sides: a range, and Chinese 破折号.
                if (break_class(first_cp(line)) == BreakClass::dash) {
                    CHECK(c.spaced);
                    dash_led = true;
                }
            }
            if (c.text.find("1–30") != std::string_view::npos) CHECK(on_one_line(lines, "1–30"));
        }
    }
    CHECK(dash_led);  // a spaced dash does lead a line at some width
    // What a learner types for a dash is held the same way.
    for (float width = 3.0f; width <= 20.0f; width += 0.5f) {
        const auto lines = lines_of("Collect first - then sell again -- and keep the old balance low.", width);
        CAPTURE(width, with_bars(lines));
        for (const std::string& line : lines) CHECK(line.back() != '-');
    }
    // The dash takes the word after it along, even where "then" alone would still have fitted.
    CHECK(lines_of(spaced, 9.5f).front() == "Collect first");
    CHECK(lines_of(spaced, 9.5f)[1].rfind("— then", 0) == 0);
}

TEST_CASE("a paragraph does not end on a single character or word", "[line_breaking]") {
    // 以回款为核心做 fills 8 em and 大。 would be left alone: 做 goes down with it.
    CHECK(lines_of("以回款为核心做大。", 8.0f) == std::vector<std::string>{"以回款为核心", "做大。"});
    // Every paragraph: the one before a hard break too.
    CHECK(lines_of("以回款为核心做大。\n以回款为核心做大。", 8.0f) ==
          std::vector<std::string>{"以回款为核心", "做大。", "以回款为核心", "做大。"});
    // Chinese: the line above may keep a single ideograph.
    CHECK(lines_of("回款大。", 3.0f) == std::vector<std::string>{"回", "款大。"});
    // Nothing overflows: 款，大。 is 4 em on a 3 em line, so the widow stays.
    CHECK(lines_of("回款，大。", 3.0f) == std::vector<std::string>{"回款，", "大。"});
    // Nor may the line above be emptied.
    CHECK(lines_of("回款，回款。", 2.0f) == std::vector<std::string>{"回", "款，", "回", "款。"});
    // English: the last line keeps two words when the line above has more than two.
    CHECK(lines_of("Settle the old balance before the new order.", 19.0f) ==
          std::vector<std::string>{"Settle the old balance before the", "new order."});
    CHECK(lines_of("Collect everything promptly.", 10.0f) == std::vector<std::string>{"Collect everything", "promptly."});
    // A piece of a word cut because it is wider than the line is no unit to move.
    CHECK(lines_of("accountsreceivable x", 4.5f) == std::vector<std::string>{"accountsr", "eceivable", "x"});
    // Real paragraphs at every width: the last line holds two units or more, unless the line above would be left empty.
    for (const char* text : {kHub, kBrain, kCredit}) {
        for (float width = 4.0f; width <= 24.0f; width += 1.0f) {
            const auto lines = lines_of(text, width);
            CAPTURE(text, width, with_bars(lines));
            REQUIRE(lines.size() >= 2);
            CHECK(utf8_count(lines.back()) >= 3);  // 两字 at least, with the closing 。
        }
    }
}
