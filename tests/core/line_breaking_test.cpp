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
        const bool wide = cls == BreakClass::ideograph || cls == BreakClass::closing_wide || cls == BreakClass::opening_wide;
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

char32_t first_cp(const std::string& s) { return utf8_decode(s, 0).code_point; }
char32_t last_cp(const std::string& s) {
    std::size_t at = s.size() - 1;
    while (at > 0 && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
    return utf8_decode(s, at).code_point;
}

const char* kHub = "程老师分享搞定大客户六个步骤：研究客户、建立关系、营销、成单、回款、二次销售，以回款为核心来重视这六个步骤。";
const char* kBrain = "一个销售人员左脑要有回款的意识，右脑要有销售的意识，为什么把它放在左右脑呢？因为左脑是偏理性的，对数据敏感，所以左脑是要控制回收货款的，而右脑是感性的，它往往注重情商的表达。";
const char* kCredit = "所以我们以前有过一种关于销售团队的一种补充行为——信用管理（credit management），对客户的信用进行分析，然后监控，协助应收账款回收。";

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
    for (const char* text : {kHub, kBrain, kCredit}) {
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
    for (const char* text : {kHub, kBrain, kCredit}) {
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
        std::string all;
        for (const auto& l : lines) all += "|" + l;
        CAPTURE(width, all);
        for (const char* whole : {"20%", "80%", "credit", "management"}) {
            bool found = false;
            for (const auto& l : lines) found = found || l.find(whole) != std::string::npos;
            CHECK(found);
        }
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
    CHECK(break_class(U'a') == BreakClass::alphabetic);
    CHECK(break_class(U'8') == BreakClass::alphabetic);
    CHECK(break_allowed(BreakClass::ideograph, BreakClass::ideograph));
    CHECK_FALSE(break_allowed(BreakClass::alphabetic, BreakClass::alphabetic));
    CHECK_FALSE(break_allowed(BreakClass::ideograph, BreakClass::closing_wide));
    CHECK_FALSE(break_allowed(BreakClass::opening_wide, BreakClass::ideograph));
}
