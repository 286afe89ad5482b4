#include <catch2/catch.hpp>

#include "core/utf8.h"

using namespace coach;

TEST_CASE("utf8 decodes one to four byte sequences", "[utf8]") {
    CHECK(utf8_decode("a", 0).code_point == U'a');
    CHECK(utf8_decode("回", 0).code_point == U'回');
    CHECK(utf8_decode("回", 0).length == 3);
    CHECK(utf8_decode("\xF0\x9F\x98\x80", 0).code_point == 0x1F600);
    CHECK(utf8_count("回款 plan") == 7);
}

TEST_CASE("broken utf8 becomes U+FFFD one byte at a time", "[utf8]") {
    CHECK(utf8_decode("\xE5\x9B", 0).code_point == 0xFFFD);  // truncated
    CHECK(utf8_decode("\xE5\x9B", 0).length == 1);
    CHECK(utf8_decode("\xC0\xAF", 0).code_point == 0xFFFD);  // overlong '/'
    CHECK(utf8_decode("\xED\xA0\x80", 0).code_point == 0xFFFD);  // surrogate
    CHECK(utf8_decode("\xFF", 0).code_point == 0xFFFD);
    CHECK(utf8_count("\xFF\xFE") == 2);
}
