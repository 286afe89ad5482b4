#include <catch2/catch.hpp>

#include <set>

#include "core/i18n.h"

using namespace coach;

TEST_CASE("every message exists once, in Chinese and in English", "[i18n]") {
    std::set<Msg> seen;
    std::size_t index = 0;
    for (const MessageText& m : all_messages()) {
        CAPTURE(index);
        CHECK(static_cast<std::size_t>(m.id) == index);  // tr() indexes the table by id
        CHECK(seen.insert(m.id).second);
        CHECK_FALSE(m.zh.empty());
        CHECK_FALSE(m.en.empty());
        ++index;
    }
    CHECK(seen.size() == static_cast<std::size_t>(Msg::count_));
    CHECK(tr(Msg::app_title, Lang::zh) == "回款教练");
    CHECK(tr(Msg::app_title, Lang::en) == "Collection Coach");
}

TEST_CASE("language tags", "[i18n]") {
    CHECK(parse_lang("zh") == Lang::zh);
    CHECK(parse_lang("zh-CN") == Lang::zh);
    CHECK(parse_lang("ZH-Hans-SG") == Lang::zh);
    CHECK(parse_lang("en-GB") == Lang::en);
    CHECK_FALSE(parse_lang("fr").has_value());
    CHECK_FALSE(parse_lang("zhx").has_value());
    CHECK_FALSE(parse_lang("").has_value());
}

TEST_CASE("the address wins, then the remembered choice, then the browser", "[i18n]") {
    CHECK(choose_lang("en", "zh", "zh-CN") == Lang::en);
    CHECK(choose_lang("", "en", "zh-CN") == Lang::en);
    CHECK(choose_lang("bogus", "", "zh-TW") == Lang::zh);
    CHECK(choose_lang("", "", "en-US") == Lang::en);
    CHECK(choose_lang("", "", "de-DE") == Lang::en);
    CHECK(choose_lang("", "", "") == Lang::zh);
    CHECK(choose_lang("", "", "<script>") == Lang::zh);
}
