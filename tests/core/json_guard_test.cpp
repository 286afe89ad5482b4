#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "core/json_guard.h"

using namespace coach;

TEST_CASE("well-formed JSON passes the guard", "[json_guard]") {
    CHECK(check_json(R"({"a":[1,2,{"b":"回款"}]})").ok());
    CHECK(check_json("[]").ok());
}

TEST_CASE("the guard rejects text over the size limit before parsing", "[json_guard]") {
    const JsonCheck c = check_json(std::string(100, ' ') + "{}", {.max_bytes = 50});
    CHECK(c.problem == JsonProblem::too_large);
    CHECK(c.measured == 102);
}

TEST_CASE("the guard stops at the depth limit without recursion", "[json_guard]") {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    const JsonCheck c = check_json(deep);
    CHECK(c.problem == JsonProblem::too_deep);
    CHECK(c.line == 1);
    CHECK(c.column == JsonLimits{}.max_depth + 1);
}

TEST_CASE("the guard counts entries per list or object", "[json_guard]") {
    std::string many = "{\"a\":[";
    for (int i = 0; i < 11; ++i) many += (i ? ",1" : "1");
    many += "]}";
    CHECK(check_json(many, {.max_entries = 10}).problem == JsonProblem::too_many_entries);
    CHECK(check_json(many, {.max_entries = 11}).ok());
}

TEST_CASE("syntax errors say where and what", "[json_guard]") {
    JsonCheck c = check_json("{\"a\": 1,\n \"b\": [1, 2");
    CHECK(c.problem == JsonProblem::syntax);
    CHECK(c.syntax == JsonSyntax::truncated);
    c = check_json("{\"a\": 1\n \"b\": 2}");
    CHECK(c.syntax == JsonSyntax::missing_separator);
    CHECK(c.line == 2);
    CHECK(check_json("").syntax == JsonSyntax::empty);
    CHECK(check_json("{} x").syntax == JsonSyntax::trailing_text);
    CHECK(check_json("{\"a\": tru}").syntax == JsonSyntax::bad_value);
    CHECK(check_json("\"a\\qb\"").syntax == JsonSyntax::bad_string);  // an escape JSON does not have
}

TEST_CASE("line and column count code points", "[json_guard]") {
    std::size_t line = 0, column = 0;
    line_and_column("回款\nab", 8, line, column);
    CHECK(line == 2);
    CHECK(column == 2);
}

TEST_CASE("the line index gives every offset the line a scan from the start gives", "[json_guard]") {
    for (const std::string_view text : {std::string_view(""), std::string_view("x"), std::string_view("\n"), std::string_view("回款\nab\n\n{\"a\": 1}\n"),
                                        std::string_view("a\r\nb\r\n")}) {
        const LineIndex index = index_lines(text);
        for (std::size_t offset = 0; offset <= text.size() + 2; ++offset) {
            std::size_t line = 0, column = 0;
            line_and_column(text, offset, line, column);
            INFO("offset " << offset << " of " << text.size());
            CHECK(line_at(index, offset) == line);
        }
    }
}

// One rule for text that is not valid Unicode (core/utf8.h): refused whole, with its own
// problem and the place of the string.
TEST_CASE("a string or key that is not valid Unicode is refused with its place", "[json_guard][text]") {
    const auto refused_at = [](std::string_view json, std::size_t line, std::size_t column) {
        const JsonCheck c = check_json(json);
        CAPTURE(json);
        CHECK(c.problem == JsonProblem::not_unicode);
        CHECK(c.line == line);
        CHECK(c.column == column);
    };
    refused_at(R"({"goal": "ab\udda7"})", 1, 13);  // a lone low surrogate escape (the reader lets it through)
    refused_at("{\"a\": 1,\n \"\\udc00\": 2}", 2, 3);  // in a key
    refused_at(R"(["a", "\"\\\ud83d\udcb0\udc00"])", 1, 24);  // after an escaped quote, a backslash and a real pair
    refused_at(R"(["x\u0000y"])", 1, 4);  // U+0000: C strings end there, so the rest would be lost
    refused_at(R"(["\ud800x"])", 1, 3);  // a high surrogate escape without its low half
    refused_at(R"(["\ud800\u0041"])", 1, 3);
    refused_at("[\"ok\", \"\xFF\"]", 1, 9);  // raw bytes that are not UTF-8
    refused_at("[\"\xED\xB6\xA7\"]", 1, 3);  // a surrogate encoded in raw bytes
    refused_at("[\"\xC0\xAF\"]", 1, 3);  // overlong
    refused_at("[\"\xF4\x90\x80\x80\"]", 1, 3);  // past U+10FFFF
}

TEST_CASE("text the rule allows passes, escaped or raw", "[json_guard][text]") {
    CHECK(check_json(R"(["回款 💰 𠀀 ok", "e\u0301", "\ud83d\udcb0", "\u56de\uFFFD", "a\\udc00"])").ok());
    CHECK(check_json("{\"💰\": \"\xF4\x8F\xBF\xBF\"}").ok());
}

TEST_CASE("a character cut short by the end of the text is a cut-off document", "[json_guard][text]") {
    const JsonCheck c = check_json("{\"goal\": \"回款\xF0\x9F\x92");
    CHECK(c.problem == JsonProblem::syntax);
    CHECK(c.syntax == JsonSyntax::truncated);
}

TEST_CASE("a NUL byte after the document is extra text, not the end", "[json_guard]") {
    const JsonCheck c = check_json(std::string_view("{\"a\": 1}\0{\"b\": 2}", 17));
    CHECK(c.problem == JsonProblem::syntax);
    CHECK(c.syntax == JsonSyntax::trailing_text);
    CHECK(c.column == 9);
}

TEST_CASE("the text problem has its own message in both languages", "[json_guard][text]") {
    const JsonCheck c = check_json(R"({"goal": "\udda7"})");
    CHECK(describe(c, Lang::en) == "The text at line 1, column 11 holds characters that are not valid Unicode (perhaps half of an emoji, or text saved in another encoding).");
    CHECK_THAT(describe(c, Lang::zh), Catch::StartsWith("第 1 行第 11 列的文字里有无效的字符"));
}
