#include <catch2/catch.hpp>

#include <cmath>
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
    each.attempts = full.attempts;
    CHECK(roundtrip({each, 1}).doc == each);
    each.open_quizzes = full.open_quizzes;
    CHECK(roundtrip({each, 1}).doc == each);
    each.review = full.review;
    CHECK(roundtrip({each, 1}).doc == each);
    each.quote_review = full.quote_review;
    CHECK(roundtrip({each, 1}).doc == each);
    each.assessments = full.assessments;
    CHECK(roundtrip({each, 1}).doc == each);
    each.open_assessment = full.open_assessment;
    CHECK(roundtrip({each, 1}).doc == each);
    each.early_plan = full.early_plan;
    CHECK(roundtrip({each, 1}).doc == each);
    each.reading = full.reading;
    CHECK(roundtrip({each, 1}).doc == each);
}

TEST_CASE("the committed version 1 fixture still reads", "[learner_json][fixtures]") {
    const ReadResult r = read_document(coach::test::read_source_file("tests/fixtures/learner-v1.json"));
    REQUIRE(r.ok());
    LearnerDoc expected = coach::test::sample_doc_v2();
    expected.reading = {};  // version 1 had no reading preferences: the defaults
    CHECK(r.stored->doc == expected);
    CHECK(r.stored->doc.reading.text_percent == 100);
    CHECK(r.stored->generation == 12);
}

TEST_CASE("the committed version 2 fixture reads, reading preferences and all", "[learner_json][fixtures]") {
    const ReadResult r = read_document(coach::test::read_source_file("tests/fixtures/learner-v2.json"));
    REQUIRE(r.ok());
    CHECK(r.stored->doc == coach::test::sample_doc_v2());
    CHECK(r.stored->doc.reading == ReadingPrefs{175, "high-contrast"});
    CHECK(r.stored->generation == 12);
}

TEST_CASE("the committed version 5 fixture reads as the whole sample document", "[learner_json][fixtures]") {
    const ReadResult r = read_document(coach::test::read_source_file("tests/fixtures/learner-v5.json"));
    REQUIRE(r.ok());
    const LearnerDoc& d = r.stored->doc;
    CHECK(d == sample_doc());
    CHECK(r.stored->generation == 12);
    // The sample written today is the fixture, byte for byte: the format has not drifted.
    CHECK(write_document(*r.stored, true) == coach::test::read_source_file("tests/fixtures/learner-v5.json"));
    REQUIRE(d.early_plan.size() == 1);
    CHECK(d.early_plan[0] == EarlyAccount{"a1", "华东机电 \"总部\"", 12345678, 95, "财务总监：王总\n周三回电"});
}

TEST_CASE("the committed version 4 fixture reads as the whole sample document", "[learner_json][fixtures]") {
    const ReadResult r = read_document(coach::test::read_source_file("tests/fixtures/learner-v4.json"));
    REQUIRE(r.ok());
    const LearnerDoc& d = r.stored->doc;
    CHECK(d == sample_doc());
    CHECK(r.stored->generation == 12);
    REQUIRE(d.assessments.size() == 1);
    CHECK(d.assessments[0].ratings[2] == Rating{"ship-before-old-balance", 2});
    CHECK(d.open_assessment.ratings.size() == 2);
    // Written today it is the version 5 fixture: only the plan's placeholder changed its name.
    CHECK(write_document(*r.stored, true) == coach::test::read_source_file("tests/fixtures/learner-v5.json"));
}

TEST_CASE("version 1 to 4 plan accounts become early accounts until the plan has stored them", "[learner_json][migration]") {
    for (const char* fixture : {"tests/fixtures/learner-v1.json", "tests/fixtures/learner-v2.json", "tests/fixtures/learner-v3.json",
                                "tests/fixtures/learner-v4.json"}) {
        CAPTURE(fixture);
        const ReadResult r = read_document(coach::test::read_source_file(fixture));
        REQUIRE(r.ok());
        CHECK(r.stored->doc.early_plan == std::vector<EarlyAccount>{{"a1", "华东机电 \"总部\"", 12345678, 95, "财务总监：王总\n周三回电"}});
        // Written again as version 5, they read back unchanged, under their new name.
        const std::string rewritten = write_document(*r.stored);
        CHECK(rewritten.find("\"early_plan\"") != std::string::npos);
        CHECK(rewritten.find("\"plan\"") == std::string::npos);
        CHECK(read_document(rewritten).stored == r.stored);
    }
    // What every release actually wrote: an empty placeholder, which reads as no early accounts.
    const std::string v4 = R"({"app":"collection-coach","course":"key-account-collection","generation":3,"document":{"cereal_class_version":4,)"
                           R"("prefs":{"lang":"","goal":"","name":""},"lessons":[],"attempts":[],"open_quizzes":[],"review":{"cards":[]},)"
                           R"("quote_review":{"cards":[]},"assessments":[],"plan":{"accounts":[]},"reading":{"text_percent":100,"theme":""},)"
                           R"("open_assessment":{"assessment":"","at":0,"ratings":[]}}})";
    const ReadResult empty = read_document(v4);
    REQUIRE(empty.ok());
    CHECK(empty.stored->doc == LearnerDoc{});
    // A version 4 document without its placeholder is of the wrong shape, named.
    std::string without = v4;
    without.erase(without.find(R"("plan":{"accounts":[]},)"), std::string_view(R"("plan":{"accounts":[]},)").size());
    const ReadResult missing = read_document(without);
    CHECK(missing.error.failure == ReadFailure::wrong_shape);
    CHECK(missing.error.detail == "plan");
}

TEST_CASE("the plan moving in clears the early accounts, and nothing else", "[learner_json][migration]") {
    LearnerDoc d = sample_doc();
    REQUIRE_FALSE(d.early_plan.empty());
    const LearnerDoc after = apply(d, PlanMovedIn{});
    CHECK(after.early_plan.empty());
    d.early_plan.clear();
    CHECK(after == d);
}

TEST_CASE("version 1 to 3 self-assessment results keep their ratings, by position", "[learner_json][migration]") {
    for (const char* fixture : {"tests/fixtures/learner-v1.json", "tests/fixtures/learner-v2.json", "tests/fixtures/learner-v3.json"}) {
        CAPTURE(fixture);
        const ReadResult r = read_document(coach::test::read_source_file(fixture));
        REQUIRE(r.ok());
        const std::vector<Rating> by_position{{"", 3}, {"", 4}, {"", 2}, {"", 5}};
        REQUIRE(r.stored->doc.assessments.size() == 1);
        CHECK(r.stored->doc.assessments[0].assessment.empty());
        CHECK(r.stored->doc.assessments[0].at == 1764115100000);
        CHECK(r.stored->doc.assessments[0].ratings == by_position);
        CHECK(r.stored->doc.open_assessment == AssessmentResult{});
        // Written again as the current version, the migrated result reads back unchanged.
        CHECK(read_document(write_document(*r.stored)).stored == r.stored);
    }
}

TEST_CASE("the committed version 3 fixture reads as the whole sample document", "[learner_json][fixtures]") {
    const ReadResult r = read_document(coach::test::read_source_file("tests/fixtures/learner-v3.json"));
    REQUIRE(r.ok());
    const LearnerDoc& d = r.stored->doc;
    CHECK(d == coach::test::sample_doc_v3());
    CHECK(r.stored->generation == 12);
    // Spelled out, so a change to the sample cannot silently change what the fixture is checked against.
    CHECK(d.prefs.name == "王小明 🌱");
    REQUIRE(d.attempts.size() == 2);
    CHECK(d.attempts[1].answers[1].response.picks == std::vector<std::uint32_t>{0, 2, 1, 3, 4, 5});
    CHECK(d.attempts[1].answers[2].response.matches[3] == MatchPick{3, 4});
    CHECK(d.attempts[1].score == 0.688889);
    REQUIRE(d.open_quizzes.size() == 2);
    CHECK(d.open_quizzes[0].current == 2);
    CHECK(d.open_quizzes[0].items[0].phase == ItemPhase::solution_shown);
    CHECK(d.open_quizzes[0].items[1].phase == ItemPhase::checked);
    CHECK(d.open_quizzes[0].items[2].phase == ItemPhase::answering);
    CHECK_FALSE(d.open_quizzes[0].attempt.has_value());
    CHECK(d.open_quizzes[1].finished());
    CHECK(d.review.cards.size() == 3);
    CHECK(d.quote_review.cards[0] == ReviewCard{"six-steps", kLearnedBox, coach::test::kSampleNov26 - 3 * kDayMs});
}

TEST_CASE("version 1 and 2 quiz attempts migrate to attempt records", "[learner_json][migration]") {
    // The committed fixtures hold one: 3 answers, 2 of them right.
    for (const char* fixture : {"tests/fixtures/learner-v1.json", "tests/fixtures/learner-v2.json"}) {
        CAPTURE(fixture);
        const ReadResult r = read_document(coach::test::read_source_file(fixture));
        REQUIRE(r.ok());
        CHECK(r.stored->doc.attempts == std::vector<AttemptRecord>{{"six-steps", 1764115200000, {}, 0.666667, false}});
        CHECK(r.stored->doc.prefs.name.empty());
        CHECK(r.stored->doc.open_quizzes.empty());
        CHECK(r.stored->doc.review == ReviewState{});
        CHECK(r.stored->doc.quote_review == ReviewState{});
    }
    const auto v2 = [](const std::string& attempts) {
        return R"({"app":"collection-coach","course":"key-account-collection","generation":3,"document":{"cereal_class_version":2,)"
               R"("prefs":{"lang":"","goal":""},"lessons":[],"quiz_attempts":)" +
               attempts + R"(,"assessments":[],"plan":{"accounts":[]},"reading":{"text_percent":100,"theme":""}}})";
    };
    // What every release actually wrote: none.
    ReadResult r = read_document(v2("[]"));
    REQUIRE(r.ok());
    CHECK(r.stored->doc == LearnerDoc{});
    // No answers: nothing to take a share of. More right than answered: at most all.
    r = read_document(v2(R"([{"quiz":"a","at":5,"answers":[],"score":3},{"quiz":"b","at":6,"answers":[1,1],"score":7}])"));
    REQUIRE(r.ok());
    CHECK(r.stored->doc.attempts == std::vector<AttemptRecord>{{"a", 5, {}, 0, false}, {"b", 6, {}, 1, false}});
    // Once read, the document is written as version 3 and reads back the same.
    const std::string rewritten = write_document(*r.stored);
    CHECK(rewritten.find("quiz_attempts") == std::string::npos);
    CHECK(read_document(rewritten).stored == r.stored);
    // A version 2 document of the wrong shape is still refused by name.
    r = read_document(v2(R"([{"quiz":"a","at":5,"answers":[],"score":"3"}])"));
    CHECK(r.error.failure == ReadFailure::wrong_shape);
}

TEST_CASE("every version 3 type survives a round trip on its own", "[learner_json]") {
    const LearnerDoc full = sample_doc();
    const auto alone = [](auto set) {
        LearnerDoc d;
        set(d);
        return d;
    };
    for (const AttemptRecord& a : full.attempts) {
        const LearnerDoc d = alone([&](LearnerDoc& x) { x.attempts = {a}; });
        CHECK(roundtrip({d, 2}).doc == d);
    }
    for (const QuizSession& s : full.open_quizzes) {
        const LearnerDoc d = alone([&](LearnerDoc& x) { x.open_quizzes = {s}; });
        CHECK(roundtrip({d, 2}).doc == d);
        CHECK(roundtrip({d, 2}, true).doc == d);
    }
    const LearnerDoc review = alone([&](LearnerDoc& x) { x.review = full.quote_review; });
    CHECK(roundtrip({review, 2}).doc == review);
    const LearnerDoc quotes = alone([&](LearnerDoc& x) { x.quote_review = full.review; });
    CHECK(roundtrip({quotes, 2}).doc == quotes);
    const LearnerDoc named = alone([&](LearnerDoc& x) { x.prefs.name = "=王 \"小明\"\n🌱"; });
    CHECK(roundtrip({named, 2}).doc == named);
    // Empty lists and an empty session are values too.
    const LearnerDoc empty_session = alone([&](LearnerDoc& x) { x.open_quizzes = {QuizSession{"q", 0, {}, std::nullopt}}; });
    CHECK(roundtrip({empty_session, 2}).doc == empty_session);
}

TEST_CASE("scores are kept to a millionth, so what is read writes and reads as itself", "[learner_json][numbers]") {
    CHECK(stored_score(2.0 / 3) == 0.666667);
    CHECK(stored_score(1.0 / 3) == 0.333333);
    CHECK(stored_score(0.9999996) == 1);
    CHECK(stored_score(-0.25) == 0);
    CHECK(stored_score(7) == 1);
    CHECK(stored_score(std::nan("")) == 0);
    // A score straight from the quiz engine: written to a millionth, then stable.
    LearnerDoc d;
    d.attempts = {AttemptRecord{"q", 1, {ItemAnswer{"i", {}, 2.0 / 3, 1, false}}, (1 + 2.0 / 3 + 1.0 / 7) / 3, false}};
    const StoredDocument once = roundtrip({d, 1});
    CHECK(once.doc.attempts[0].answers[0].score == 0.666667);
    CHECK(once.doc.attempts[0].score == 0.603175);
    CHECK(roundtrip(once) == once);
    // Every millionth reads back exactly, whatever digits the writer picks for it.
    for (int n = 0; n <= 1000000; n += 7) {
        LearnerDoc x;
        x.attempts = {AttemptRecord{"q", 0, {}, n / 1e6, false}};
        const StoredDocument back = roundtrip({x, 1});
        if (back.doc.attempts.empty() || back.doc.attempts[0].score != stored_score(n / 1e6)) FAIL("millionth " << n);
    }
    // Hand-written numbers: 17 digits and more, an integer, out of range. Each reads as a
    // millionth in 0..1 and then writes back as itself (the fuzz property).
    const std::string text = write_document({sample_doc(), 1});
    for (const std::string score : {"0.33333333333333331483", "0.7000000000000000666", "1", "0", "1e-7", "4.5", "-2", "1.0E0"}) {
        CAPTURE(score);
        std::string edited = text;
        const std::string field = "\"score\": 0.688889";
        const auto at = edited.find(field);
        REQUIRE(at != std::string::npos);
        edited.replace(at, field.size(), "\"score\": " + score);
        const ReadResult r = read_document(edited);
        REQUIRE(r.ok());
        const double read = r.stored->doc.attempts[1].score;
        CHECK(read == stored_score(std::stod(score)));
        CHECK(roundtrip(*r.stored) == *r.stored);
    }
}

TEST_CASE("the parts of an open quiz are read strictly, or as the nearest valid value", "[learner_json][bad_input]") {
    LearnerDoc d;
    d.open_quizzes = {QuizSession{"credit-management", 2, {ItemProgress{}, ItemProgress{}, ItemProgress{}}, std::nullopt}};
    d.review.cards = {{"k", 3, 0}};
    const std::string text = write_document({d, 1});
    const auto edit = [&](const std::string& from, const std::string& to) {
        std::string t = text;
        const auto at = t.find(from);
        REQUIRE(at != std::string::npos);
        t.replace(at, from.size(), to);
        return read_document(t);
    };
    // An unknown phase is not guessed at.
    ReadResult r = edit("\"phase\": \"answering\"", "\"phase\": \"skipped\"");
    CHECK(r.error.failure == ReadFailure::wrong_shape);
    CHECK(r.error.detail == "phase");
    CHECK_THAT(describe(r.error, Lang::en), Catch::Contains("“phase”"));
    // An attempt that is neither null nor a record, or no attempt field at all.
    r = edit("\"attempt\": null", "\"attempt\": 3");
    CHECK(r.error.failure == ReadFailure::wrong_shape);
    r = edit("\"attempt\": null", "\"attempt_\": null");
    CHECK(r.error.failure == ReadFailure::wrong_shape);
    CHECK(r.error.detail == "attempt");
    r = edit("\"attempt\": null", R"("attempt":{"quiz":"credit-management","at":9,"answers":[],"score":0.25,"passed":false})");
    REQUIRE(r.ok());
    CHECK(r.stored->doc.open_quizzes[0].attempt == AttemptRecord{"credit-management", 9, {}, 0.25, false});
    // A place past the last item is the last item; a box outside the schedule the nearest box.
    r = edit("\"current\": 2", "\"current\": 4000000000");
    REQUIRE(r.ok());
    CHECK(r.stored->doc.open_quizzes[0].current == 2);
    r = edit("\"box\": 3", "\"box\": 0");
    REQUIRE(r.ok());
    CHECK(r.stored->doc.review.cards[0].box == 1);
    r = edit("\"box\": 3", "\"box\": 99");
    REQUIRE(r.ok());
    CHECK(r.stored->doc.review.cards[0].box == kLearnedBox);
    // A negative place is not a place.
    CHECK(edit("\"current\": 2", "\"current\": -1").error.failure == ReadFailure::wrong_shape);
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

TEST_CASE("a document of the next version, 6, is refused", "[learner_json][bad_input]") {
    const std::string text = coach::test::with_class_version(write_document({sample_doc(), 3}, true), 6);
    REQUIRE(text.find("\"cereal_class_version\": 6") != std::string::npos);
    const ReadResult r = read_document(text);
    CHECK(r.error.failure == ReadFailure::future_version);
    CHECK(r.error.version == 6);
    CHECK_THAT(describe(r.error, Lang::en), Catch::Contains("6") && Catch::Contains("5"));
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
    // Every text field of the document, each set to `text`.
    const auto every_text = [](const std::string& text) {
        LearnerDoc d = sample_doc();
        d.prefs = {text, text, text};
        d.reading.theme = text;
        d.lessons[0].lesson = text;
        d.attempts[0].quiz = d.attempts[0].answers[1].item = text;
        d.open_quizzes[0].quiz = text;
        d.open_quizzes[1].attempt->quiz = d.open_quizzes[1].attempt->answers[0].item = text;
        d.review.cards[1].key = d.quote_review.cards[2].key = text;
        d.early_plan[0] = {text, text, 1, 2, text};
        return d;
    };
    for (const bool pretty : {false, true}) {
        const ReadResult r = read_document(write_document({every_text(bad), 2}, pretty));
        REQUIRE(r.ok());
        CHECK(r.stored->doc == every_text(fixed));
    }
}
