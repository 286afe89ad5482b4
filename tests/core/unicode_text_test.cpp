// unicode_text: the learner's own words, whatever script or symbol they use, cross every
// boundary byte for byte: typed into the document (a store action), written to storage and
// read at the next start, exported and imported. The hard cases are characters outside the
// Basic Multilingual Plane (four UTF-8 bytes, a surrogate pair in JavaScript), sequences of
// several code points, and what JSON has to escape. Text that is not valid Unicode is the
// other half of the rule (core/utf8.h): see json_guard_test, learner_json_test, store_test.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/store.h"
#include "core/utf8.h"
#include "test_support.h"

using namespace coach;

namespace {

const std::vector<std::string> kTexts = {
    "回款 💰 𠀀 ok",                              // CJK, an emoji, CJK Extension B
    "𪜀 𫝀 𫠠 𬺰 𰀀 𱍐",                            // Extensions C to H
    "👩‍👩‍👧‍👦 团队 🇨🇳 👍🏽",                          // joined by U+200D, a flag, a skin tone
    "e\u0301 n\u0303 a\u0308\u0304 ก\u0e34\u0e49",  // combining marks, stacked
    "\u200f\u05e9\u05dc\u05d5\u05dd\u200e 1,000\u00a0¥",  // direction marks, no-break space
    "\"quoted\" back\\slash / tab\t line\nbreak \x01\x1f",  // what JSON must escape
    "\xEF\xBF\xBD \xEF\xBB\xBF \xF4\x8F\xBF\xBF",  // U+FFFD, U+FEFF, U+10FFFF: all valid text
    std::string(2000, 'x') + "🧾",
};

// Storage at the next start: the plan a flush writes, read back by load().
Store reopen(Store& s, std::int64_t now) {
    const std::optional<FlushPlan> plan = plan_flush(s, std::nullopt, now);
    REQUIRE(plan.has_value());
    flush_done(s, *plan, WriteOutcome::ok);
    std::vector<Write> repairs;
    Store next = load(Found{plan->writes.back().value, std::nullopt, std::nullopt, std::nullopt, {}}, now + 1, repairs);
    CHECK(repairs.empty());
    CHECK(next.notice == Notice::none);
    return next;
}

}  // namespace

TEST_CASE("the test texts are valid Unicode, most of them beyond the Basic Multilingual Plane", "[unicode_text]") {
    const auto beyond_bmp = [](const std::string& text) {
        for (std::size_t at = 0; at < text.size(); at += utf8_decode(text, at).length)
            if (utf8_decode(text, at).code_point > 0xFFFF) return true;
        return false;
    };
    for (const std::string& text : kTexts) CHECK(is_valid_text(text));
    for (const std::size_t i : {0, 1, 2, 6, 7}) CHECK(beyond_bmp(kTexts[i]));
}

TEST_CASE("typed text goes through storage byte for byte", "[unicode_text][store]") {
    for (const std::string& text : kTexts) {
        CAPTURE(text);
        Store s;
        change(s, SetGoal{text});
        CHECK(s.doc.prefs.goal == text);
        const Store next = reopen(s, 1000);
        CHECK(next.doc.prefs.goal == text);
        CHECK(next.doc == s.doc);
        if (text.find_first_of("\"\\\t\n\x01\x1f") == std::string::npos)
            CHECK(s.last_written.find(text) != std::string::npos);  // stored as UTF-8, not as \u escapes
    }
}

TEST_CASE("typed text goes through export and import byte for byte", "[unicode_text][export]") {
    for (const std::string& text : kTexts) {
        CAPTURE(text);
        Store s;
        change(s, SetGoal{text});
        const std::string file = export_document(s);
        Store other;
        change(other, SetGoal{"before"});
        REQUIRE(import_document(other, file));
        CHECK(other.doc.prefs.goal == text);
        CHECK(reopen(other, 2000).doc.prefs.goal == text);  // and into the importing browser's storage
    }
}

TEST_CASE("every text field of the document keeps hard text through export, import and storage", "[unicode_text][export]") {
    LearnerDoc d = coach::test::sample_doc();
    d.prefs.goal = kTexts[0];
    d.early_plan.push_back({"a2", kTexts[1] + kTexts[2], 99, 30, kTexts[3] + kTexts[5]});
    d.early_plan[0].notes = kTexts[4] + kTexts[6];
    Store s;
    change(s, ReplaceDocument{d});
    Store other;
    REQUIRE(import_document(other, export_document(s)));
    CHECK(other.doc == d);
    CHECK(reopen(other, 3000).doc == d);
}
