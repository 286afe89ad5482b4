#include <catch2/catch.hpp>

#include <string>

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
    CHECK(check_json("\"\xFF\xFE\"").syntax == JsonSyntax::bad_string);
}

TEST_CASE("line and column count code points", "[json_guard]") {
    std::size_t line = 0, column = 0;
    line_and_column("回款\nab", 8, line, column);
    CHECK(line == 2);
    CHECK(column == 2);
}
