// typography: the English a learner reads is typeset, not typed. Quotation marks are curly
// (“double”, ‘single’), an apostrophe is ’, a range of numbers takes an en dash (1–30), a break
// in a sentence an em dash (“word — word”), an ellipsis is one mark (…).
//
// This reads every English string of content/ (any "en" value in any .json file, named by file,
// line and path) and every English UI message, and fails naming each one that still has a
// straight quote or apostrophe, "--", " - " used as a dash, a hyphen between two numbers, "...",
// or curly double quotes that do not pair up. The one place straight quotes stay is quoted JSON
// ("format": "collection-coach-course"), which a course writer must type exactly so.
// Limits: it cannot tell a hyphen that should be a dash when it has no spaces round it
// ("gift-giving" is right, "now-or never" would pass), and Chinese text is not checked here.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "core/i18n.h"
#include "core/json_tree.h"
#include "test_support.h"

using namespace coach;

namespace {

// What is wrong with the typography of one English string; empty when nothing is.
std::vector<std::string> typography_problems(std::string text) {
    std::vector<std::string> problems;
    // Quoted JSON is code: its straight quotes are what a writer types.
    static const std::regex json_member(R"re("[A-Za-z_-]+": "[^"]*")re");
    text = std::regex_replace(text, json_member, "");
    if (text.find('"') != std::string::npos) problems.push_back("a straight double quote: use “ ”");
    if (text.find('\'') != std::string::npos) problems.push_back("a straight apostrophe or single quote: use ’ (or ‘ ’)");
    if (text.find("--") != std::string::npos) problems.push_back("two hyphens: use — (or – for a range)");
    if (text.find(" - ") != std::string::npos) problems.push_back("a hyphen used as a dash: use —");
    if (std::regex_search(text, std::regex("[0-9]-[0-9]"))) problems.push_back("a hyphen between numbers: use – for a range");
    if (text.find("...") != std::string::npos) problems.push_back("three dots: use …");
    // “ and ” take turns, beginning with “ and ending with ”.
    bool open = false;
    bool paired = true;
    for (std::size_t at = 0; (at = text.find("\xE2\x80", at)) != std::string::npos; at += 3) {
        if (at + 2 >= text.size()) break;
        const unsigned char third = static_cast<unsigned char>(text[at + 2]);
        if (third == 0x9C) { paired = paired && !open; open = true; }        // “
        else if (third == 0x9D) { paired = paired && open; open = false; }  // ”
    }
    if (!paired || open) problems.push_back("“ and ” do not pair up");
    return problems;
}

std::string line_of(const std::string& text, std::size_t offset) {
    std::size_t line = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) line += text[i] == '\n';
    return std::to_string(line);
}

struct English {
    std::string where;  // file:line: path
    std::string text;
};

void collect_english(const JsonValue& value, const std::string& path, const std::string& file, const std::string& source,
                     std::vector<English>& out) {
    if (value.type == JsonValue::Type::object) {
        for (const JsonMember& m : value.members) {
            const std::string inner = path.empty() ? m.name : path + "." + m.name;
            if (m.name == "en" && m.value.type == JsonValue::Type::string)
                out.push_back({file + ":" + line_of(source, m.value.offset) + ": " + inner, m.value.text});
            else
                collect_english(m.value, inner, file, source, out);
        }
    } else if (value.type == JsonValue::Type::array) {
        for (std::size_t i = 0; i < value.items.size(); ++i)
            collect_english(value.items[i], path + "[" + std::to_string(i) + "]", file, source, out);
    }
}

std::vector<English> content_english() {
    namespace fs = std::filesystem;
    const fs::path root = fs::path(COACH_SOURCE_DIR) / "content";
    std::vector<English> out;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
        const std::string file = "content/" + fs::relative(entry.path(), root).generic_string();
        const std::string source = coach::test::read_source_file(file);
        const JsonTree tree = parse_json_tree(source);
        INFO(file);
        REQUIRE(tree.root.has_value());
        collect_english(*tree.root, "", file, source, out);
    }
    return out;
}

}  // namespace

TEST_CASE("the typography check finds what it is for", "[typography]") {
    CHECK(typography_problems("the webinar “How a sales team upgrades itself”, the company’s 1–30 days — and then…").empty());
    CHECK(typography_problems("no \"format\": \"collection-coach-course\" here").empty());
    CHECK(typography_problems("the webinar \"How a sales team upgrades itself\"").size() == 1);
    CHECK(typography_problems("the company's revenue").size() == 1);
    CHECK(typography_problems("‘single’ and 'single'").size() == 1);
    CHECK(typography_problems("a key account -- research").size() == 1);
    CHECK(typography_problems("a key account - research").size() == 1);
    CHECK(typography_problems("up to 30-60 days").size() == 1);
    CHECK(typography_problems("our new product...").size() == 1);
    CHECK(typography_problems("“open and never closed").size() == 1);
    CHECK(typography_problems("closed” before “opened").size() == 1);
    CHECK(typography_problems("gift-giving, high-EQ, 1+2+1, [[glue|glue-person]]").empty());
}

TEST_CASE("the course's English is typeset", "[typography]") {
    const std::vector<English> strings = content_english();
    CHECK(strings.size() > 100);  // every lesson, quote and term: the walk found them
    for (const English& s : strings) {
        CAPTURE(s.where, s.text);
        CHECK(typography_problems(s.text) == std::vector<std::string>{});
    }
}

TEST_CASE("the English UI messages are typeset", "[typography]") {
    for (const MessageText& m : all_messages()) {
        const std::string text(m.en);
        CAPTURE(static_cast<int>(m.id), text);
        CHECK(typography_problems(text) == std::vector<std::string>{});
    }
}
