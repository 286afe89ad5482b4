#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "core/learner_json.h"
#include "test_support.h"

using namespace coach;
using coach::test::roundtrip;
using coach::test::sample_doc;

TEST_CASE("every serialized type survives a round trip", "[learner_json]") {
    const LearnerDoc full = sample_doc();
    CHECK(roundtrip({full, 7}) == StoredDocument{full, 7});
    CHECK(roundtrip({full, 7}, true) == StoredDocument{full, 7});
    CHECK(roundtrip({LearnerDoc{}, 0}) == StoredDocument{LearnerDoc{}, 0});
    LearnerDoc each;
    each.prefs = full.prefs;
    CHECK(roundtrip({each, 1}).doc == each);
    each.lessons = full.lessons;
    CHECK(roundtrip({each, 1}).doc == each);
    each.quiz_attempts = full.quiz_attempts;
    CHECK(roundtrip({each, 1}).doc == each);
    each.assessments = full.assessments;
    CHECK(roundtrip({each, 1}).doc == each);
    each.plan = full.plan;
    CHECK(roundtrip({each, 1}).doc == each);
    each.reading = full.reading;
    CHECK(roundtrip({each, 1}).doc == each);
}

TEST_CASE("the committed version 1 fixture still reads", "[learner_json][fixtures]") {
    const ReadResult r = read_document(coach::test::read_source_file("tests/fixtures/learner-v1.json"));
    REQUIRE(r.ok());
    LearnerDoc expected = sample_doc();
    expected.reading = {};  // version 1 had no reading preferences: the defaults
    CHECK(r.stored->doc == expected);
    CHECK(r.stored->doc.reading.text_percent == 100);
    CHECK(r.stored->generation == 12);
}

TEST_CASE("the committed version 2 fixture reads, reading preferences and all", "[learner_json][fixtures]") {
    const ReadResult r = read_document(coach::test::read_source_file("tests/fixtures/learner-v2.json"));
    REQUIRE(r.ok());
    CHECK(r.stored->doc == sample_doc());
    CHECK(r.stored->doc.reading == ReadingPrefs{175, "high-contrast"});
    CHECK(r.stored->generation == 12);
}

TEST_CASE("version 0 loose keys migrate into a document", "[learner_json][fixtures]") {
    const std::string fixture = coach::test::read_source_file("tests/fixtures/storage-v0.json");
    REQUIRE(fixture.find("collection-coach:lang") != std::string::npos);
    const LearnerDoc d = migrate_loose_keys("en", "三个月内把平均账龄降到60天");
    CHECK(d.prefs.lang == "en");
    CHECK(d.prefs.goal == "三个月内把平均账龄降到60天");
    CHECK(migrate_loose_keys("klingon", "").prefs.lang.empty());
}

TEST_CASE("truncated JSON is reported as cut off", "[learner_json][bad_input]") {
    const std::string full = write_document({sample_doc(), 3});
    const ReadResult r = read_document(full.substr(0, full.size() / 2));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error.failure == ReadFailure::not_json);
    CHECK(r.error.json.syntax == JsonSyntax::truncated);
    CHECK_THAT(describe(r.error, Lang::en), Catch::Contains("cut off"));
    CHECK_THAT(describe(r.error, Lang::zh), Catch::Contains("中途断了"));
}

TEST_CASE("random bytes are not JSON", "[learner_json][bad_input]") {
    std::mt19937 rng(42);
    for (int round = 0; round < 200; ++round) {
        std::string bytes(1 + rng() % 300, '\0');
        for (char& c : bytes) c = static_cast<char>(rng());
        const ReadResult r = read_document(bytes);
        CHECK_FALSE(r.ok());
    }
}

TEST_CASE("valid JSON of the wrong shape names the field", "[learner_json][bad_input]") {
    ReadResult r = read_document(R"({"hello":"world"})");
    CHECK(r.error.failure == ReadFailure::not_coach);
    r = read_document(R"({"app":"collection-coach","course":"key-account-collection","generation":1,"document":{"cereal_class_version":1,"prefs":{"lang":5,"goal":""}}})");
    CHECK(r.error.failure == ReadFailure::wrong_shape);
    r = read_document(R"({"app":"collection-coach","course":"key-account-collection","generation":1,"document":{"cereal_class_version":1,"prefs":{"lang":"zh","goal":""}}})");
    CHECK(r.error.failure == ReadFailure::wrong_shape);
    CHECK(r.error.detail == "lessons");
    CHECK_THAT(describe(r.error, Lang::en), Catch::Contains("“lessons”"));
    r = read_document(R"([1,2,3])");
    CHECK(r.error.failure == ReadFailure::not_coach);
    r = read_document(R"({"app":"collection-coach","course":"another-course","generation":1,"document":{}})");
    CHECK(r.error.failure == ReadFailure::other_course);
    CHECK(r.error.detail == "another-course");
}

TEST_CASE("a document from a future version is refused, not misread", "[learner_json][bad_input]") {
    const std::string text = coach::test::with_class_version(write_document({sample_doc(), 3}), 9);
    REQUIRE(text.find("\"cereal_class_version\": 9") != std::string::npos);
    const ReadResult r = read_document(text);
    CHECK(r.error.failure == ReadFailure::future_version);
    CHECK(r.error.version == 9);
    CHECK_THAT(describe(r.error, Lang::zh), Catch::Contains("数据版本 9"));
}

TEST_CASE("a 50 MB string field is refused by size", "[learner_json][bad_input]") {
    std::string text = R"({"app":"collection-coach","course":"key-account-collection","generation":1,"document":{"prefs":{"goal":")";
    text.append(50u << 20, 'x');
    text += "\"}}}";
    const ReadResult r = read_document(text);
    CHECK(r.error.failure == ReadFailure::too_large);
    CHECK_THAT(describe(r.error, Lang::en), Catch::Contains("51200 KB"));
}

TEST_CASE("a million entries are refused by count", "[learner_json][bad_input]") {
    std::string text = R"({"app":"collection-coach","course":"key-account-collection","generation":1,"document":{"lessons":[)";
    text.reserve(text.size() + 2'000'010);
    for (int i = 0; i < 1'000'000; ++i) text += (i ? ",0" : "0");
    text += "]}}";
    const ReadResult r = read_document(text);
    CHECK(r.error.failure == ReadFailure::too_many_entries);
}

TEST_CASE("nesting 100,000 levels deep is refused without a stack overflow", "[learner_json][bad_input]") {
    const std::string text = std::string(100000, '{') ;  // also unterminated: depth is hit first
    CHECK(read_document(text).error.failure == ReadFailure::not_json);  // '{' needs a key
    const std::string arrays = R"({"app":)" + std::string(100000, '[') + std::string(100000, ']') + "}";
    const ReadResult r = read_document(arrays);
    CHECK(r.error.failure == ReadFailure::too_deep);
    CHECK_THAT(describe(r.error, Lang::en), Catch::Contains("more than 32 levels"));
}

TEST_CASE("a document holding text that is not valid Unicode is refused whole", "[learner_json][bad_input][text]") {
    const ReadResult r = read_document(coach::test::read_source_file("tests/fixtures/fuzz/lone-low-surrogate-escape-in-goal.json"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error.failure == ReadFailure::not_unicode);
    CHECK(r.error.json.line == 9);
    CHECK(r.error.json.column == 16);  // the `\udda7` escape
    CHECK_THAT(describe(r.error, Lang::en), Catch::Contains("line 9, column 16") && Catch::Contains("not valid Unicode"));
    CHECK_THAT(describe(r.error, Lang::zh), Catch::Contains("第 9 行第 16 列的文字里有无效的字符"));
}

TEST_CASE("what is written is always valid text, so it always reads back", "[learner_json][text]") {
    // No reader and no typed text lets such text in; if a bug ever did, the file must still read.
    const std::string bad = std::string("a\xED\xB6\xA7") + '\0' + "b\xFF";
    const std::string fffd = "\xEF\xBF\xBD";
    const std::string fixed = "a" + fffd + fffd + fffd + fffd + "b" + fffd;
    LearnerDoc d = sample_doc();
    d.prefs = {bad, bad};
    d.reading.theme = bad;
    d.lessons[0].lesson = d.quiz_attempts[0].quiz = bad;
    d.plan.accounts[0] = {bad, bad, 1, 2, bad};
    LearnerDoc expected = sample_doc();
    expected.prefs = {fixed, fixed};
    expected.reading.theme = fixed;
    expected.lessons[0].lesson = expected.quiz_attempts[0].quiz = fixed;
    expected.plan.accounts[0] = {fixed, fixed, 1, 2, fixed};
    for (const bool pretty : {false, true}) {
        const ReadResult r = read_document(write_document({d, 2}, pretty));
        REQUIRE(r.ok());
        CHECK(r.stored->doc == expected);
    }
}
