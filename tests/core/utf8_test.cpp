#include <catch2/catch.hpp>

#include <string_view>

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

TEST_CASE("valid text is UTF-8 of scalar values without U+0000", "[utf8][text]") {
    CHECK(is_valid_text(""));
    CHECK(is_valid_text("回款 💰 𠀀 ok"));  // BMP, an emoji, CJK Extension B
    CHECK(is_valid_text("e\xCC\x81 \xEF\xBF\xBD"));  // a combining accent; U+FFFD itself is text
    CHECK(is_valid_text("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last code point
    CHECK(first_invalid_text("ab\xFF") == 2);
    CHECK(first_invalid_text("回\xED\xB6\xA7") == 3);  // U+DDA7 encoded: a lone surrogate
    CHECK(first_invalid_text("\xED\xA0\xBD\xED\xB2\xB0") == 0);  // an emoji as two encoded surrogates (CESU-8)
    CHECK(first_invalid_text("\xC0\xAF") == 0);  // overlong '/'
    CHECK(first_invalid_text("\xE0\x80\xAF") == 0);  // overlong '/', three bytes
    CHECK(first_invalid_text("\xF4\x90\x80\x80") == 0);  // past U+10FFFF
    CHECK(first_invalid_text("ok\xF0\x9F\x92") == 2);  // an emoji cut short
    CHECK(first_invalid_text(std::string_view("a\0b", 3)) == 1);
}

TEST_CASE("valid_text keeps valid text byte for byte and replaces each bad byte with U+FFFD", "[utf8][text]") {
    CHECK(valid_text("回款 💰 𠀀 ok") == "回款 💰 𠀀 ok");
    CHECK(valid_text("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
    CHECK(valid_text("\xED\xB6\xA7") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // three bytes, three replacements
    CHECK(valid_text(std::string_view("a\0b", 3)) == "a\xEF\xBF\xBD" "b");
    CHECK(is_valid_text(valid_text("\xC0\xAF\xF0\x9F\x92 \xF4\x90\x80\x80")));
}
