#include <catch2/catch.hpp>

#include <map>
#include <random>

#include "core/store.h"
#include "test_support.h"

using namespace coach;
using coach::test::sample_doc;

namespace {

// Browser storage reduced to a map; `quota` makes every write fail the way a full origin does.
struct FakeStorage {
    std::map<std::string, std::string> values;
    bool quota = false;
    std::optional<std::string> get(const std::string& key) const {
        auto it = values.find(key);
        return it == values.end() ? std::nullopt : std::optional<std::string>(it->second);
    }
    WriteOutcome run(const std::vector<Write>& writes) {
        for (const Write& w : writes) {
            if (quota) return WriteOutcome::quota;
            if (w.value) values[w.key] = *w.value;
            else values.erase(w.key);
        }
        return WriteOutcome::ok;
    }
    Found found() const {
        const StorageKeys k = storage_keys();
        Found f{get(k.document), get(k.backup), get(k.loose_lang), get(k.loose_goal), {}};
        for (const auto& [key, value] : values)
            if (key.rfind(k.unreadable_prefix, 0) == 0) f.unreadable.push_back({key, value});
        return f;
    }
    Store open(std::int64_t now = 1000) {
        std::vector<Write> repairs;
        Store s = load(found(), now, repairs);
        if (!repairs.empty()) repairs_done(s, run(repairs));
        return s;
    }
    WriteOutcome flush(Store& s, std::int64_t now = 2000) {
        auto plan = plan_flush(s, get(storage_keys().document), now);
        if (!plan) return WriteOutcome::ok;
        const WriteOutcome outcome = run(plan->writes);
        flush_done(s, *plan, outcome);
        return outcome;
    }
};

const std::string kDoc = storage_keys().document;
const std::string kBackup = storage_keys().backup;

// Every kind of bad data loads the same way: a notice, the backup (or nothing), the raw value kept.
void check_bad_document(const std::string& raw) {
    FakeStorage storage;
    storage.values[kBackup] = write_document({sample_doc(), 4});
    storage.values[kDoc] = raw;
    Store s = storage.open(1234);
    CHECK(s.notice == Notice::recovered);
    CHECK(s.doc == sample_doc());
    CHECK_FALSE(notice_text(s, Lang::zh).empty());
    CHECK_FALSE(notice_text(s, Lang::en).empty());
    REQUIRE(s.unreadable.size() == 1);
    CHECK(s.unreadable[0].text == raw);
    CHECK(storage.values.at(storage_keys().unreadable_prefix + "1234") == raw);  // kept byte for byte
    CHECK(storage.flush(s) == WriteOutcome::ok);  // the app goes on saving
    CHECK(read_document(storage.values.at(kDoc)).ok());

    FakeStorage no_backup;
    no_backup.values[kDoc] = raw;
    Store empty = no_backup.open();
    CHECK(empty.notice == Notice::started_empty);
    CHECK(empty.doc == LearnerDoc{});
    CHECK(empty.unreadable.size() == 1);
}

}  // namespace

TEST_CASE("a first visit starts empty and writes nothing", "[store]") {
    FakeStorage storage;
    Store s = storage.open();
    CHECK(s.doc == LearnerDoc{});
    CHECK(s.notice == Notice::none);
    CHECK_FALSE(plan_flush(s, std::nullopt, 1).has_value());
}

TEST_CASE("changes are batched and written as the next generation, keeping the last as backup", "[store]") {
    FakeStorage storage;
    Store s = storage.open();
    change(s, SetGoal{"回"});
    change(s, SetGoal{"回款"});
    change(s, SetLang{"zh"});
    CHECK(storage.values.empty());  // nothing written while typing
    storage.flush(s);
    const std::string first = storage.values.at(kDoc);
    CHECK(read_document(first).stored->generation == 1);
    change(s, SetGoal{"回款计划"});
    storage.flush(s);
    CHECK(read_document(storage.values.at(kDoc)).stored->generation == 2);
    CHECK(storage.values.at(kBackup) == first);
    CHECK(storage.open().doc.prefs.goal == "回款计划");
}

TEST_CASE("version 0 loose keys become the document on first start", "[store][fixtures]") {
    FakeStorage storage;
    storage.values["collection-coach:lang"] = "en";
    storage.values["collection-coach:goal"] = "三个月内把平均账龄降到60天";
    Store s = storage.open();
    CHECK(s.doc.prefs.lang == "en");
    CHECK(s.doc.prefs.goal == "三个月内把平均账龄降到60天");
    storage.flush(s);
    CHECK(read_document(storage.values.at(kDoc)).stored->doc.prefs.goal == "三个月内把平均账龄降到60天");
}

TEST_CASE("bad data: truncated JSON", "[store][bad_input]") {
    const std::string full = write_document({sample_doc(), 5});
    check_bad_document(full.substr(0, full.size() - 40));
}

TEST_CASE("bad data: random bytes", "[store][bad_input]") {
    std::mt19937 rng(7);
    std::string bytes(512, '\0');
    for (char& c : bytes) c = static_cast<char>(rng());
    check_bad_document(bytes);
}

TEST_CASE("bad data: valid JSON of the wrong shape", "[store][bad_input]") {
    check_bad_document(R"({"app":"collection-coach","course":"key-account-collection","generation":"five","document":[]})");
}

TEST_CASE("bad data: a document from a future version", "[store][bad_input]") {
    check_bad_document(coach::test::with_class_version(write_document({sample_doc(), 5}), 7));
}

TEST_CASE("bad data: a 50 MB string field", "[store][bad_input]") {
    std::string text = R"({"app":"collection-coach","course":"key-account-collection","generation":1,"document":{"prefs":{"lang":"zh","goal":")";
    text.append(50u << 20, 'y');
    check_bad_document(text + "\"}}}");
}

TEST_CASE("bad data: a million entries", "[store][bad_input]") {
    std::string text = R"({"app":"collection-coach","course":"key-account-collection","generation":1,"document":{"lessons":[)";
    for (int i = 0; i < 1'000'000; ++i) text += (i ? ",1" : "1");
    check_bad_document(text + "]}}");
}

TEST_CASE("bad data: nesting 100,000 levels deep", "[store][bad_input]") {
    check_bad_document(R"({"app":)" + std::string(100000, '[') + std::string(100000, ']') + "}");
}

TEST_CASE("bad data: text that is not valid Unicode", "[store][bad_input][text]") {
    const std::string lone = coach::test::read_source_file("tests/fixtures/fuzz/lone-low-surrogate-escape-in-goal.json");
    REQUIRE(lone.find("\\udda7") != std::string::npos);
    check_bad_document(lone);
    std::string raw = write_document({sample_doc(), 5});
    raw.replace(raw.find("王总"), 3, "\xCD\xF5");  // 王 as GBK bytes: another encoding
    check_bad_document(raw);

    FakeStorage storage;
    storage.values[kBackup] = write_document({sample_doc(), 4});
    storage.values[kDoc] = lone;
    const Store s = storage.open();
    CHECK_THAT(notice_text(s, Lang::en), Catch::Contains("line 9, column 16 holds characters that are not valid Unicode"));
    CHECK_THAT(notice_text(s, Lang::zh), Catch::Contains("不是有效的 Unicode 文字"));
}

TEST_CASE("an unreadable value that cannot be copied holds every write until downloaded", "[store][bad_input]") {
    FakeStorage storage;
    storage.values[kDoc] = "{\"app\": broken";
    storage.quota = true;
    Store s = storage.open();
    CHECK(s.notice == Notice::hold);
    CHECK(s.unreadable.at(0).key.empty());  // only in memory, offered as a download
    storage.quota = false;
    change(s, SetGoal{"new"});
    CHECK_FALSE(plan_flush(s, storage.get(kDoc), 5).has_value());
    CHECK(storage.values.at(kDoc) == "{\"app\": broken");  // untouched
    unreadable_downloaded(s);
    CHECK(storage.flush(s) == WriteOutcome::ok);
    CHECK(read_document(storage.values.at(kDoc)).stored->doc.prefs.goal == "new");
}

TEST_CASE("a full quota keeps the document in memory, says so and retries", "[store][quota]") {
    FakeStorage storage;
    Store s = storage.open();
    change(s, SetGoal{"before"});
    storage.flush(s);
    storage.quota = true;
    change(s, SetGoal{"after"});
    CHECK(storage.flush(s) == WriteOutcome::quota);
    CHECK(s.notice == Notice::quota);
    CHECK(s.doc.prefs.goal == "after");
    CHECK(s.dirty);
    CHECK_THAT(notice_text(s, Lang::en), Catch::Contains("Export"));
    CHECK(read_document(storage.values.at(kDoc)).stored->doc.prefs.goal == "before");  // last good kept
    storage.quota = false;
    CHECK(storage.flush(s) == WriteOutcome::ok);
    CHECK(s.notice == Notice::none);
    CHECK(read_document(storage.values.at(kDoc)).stored->doc.prefs.goal == "after");
}

TEST_CASE("two tabs: neither overwrites the other's newer change", "[store][tabs]") {
    FakeStorage storage;
    Store first = storage.open();
    change(first, SetGoal{"shared"});
    storage.flush(first);
    Store a = storage.open();
    Store b = storage.open();
    change(a, SetGoal{"goal from A"});
    storage.flush(a);
    change(b, SetLang{"en"});  // B has not seen A's write
    storage.flush(b);
    const StoredDocument stored = *read_document(storage.values.at(kDoc)).stored;
    CHECK(stored.doc.prefs.goal == "goal from A");
    CHECK(stored.doc.prefs.lang == "en");
    CHECK(stored.generation == 3);
    // A hears about B's write through the storage event and shows it.
    external_change(a, storage.get(kDoc));
    CHECK(a.doc == stored.doc);
    CHECK(a.generation == 3);
}

TEST_CASE("a storage event keeps this tab's unwritten changes on top", "[store][tabs]") {
    FakeStorage storage;
    Store a = storage.open();
    Store b = storage.open();
    change(b, SetGoal{"typing in B"});
    change(a, OpenLessonPage{"six-steps", 1, 5});
    storage.flush(a);
    external_change(b, storage.get(kDoc));
    CHECK(b.doc.prefs.goal == "typing in B");
    REQUIRE(find_lesson(b.doc, "six-steps") != nullptr);
    storage.flush(b);
    const LearnerDoc stored = read_document(storage.values.at(kDoc)).stored->doc;
    CHECK(stored.prefs.goal == "typing in B");
    CHECK(find_lesson(stored, "six-steps") != nullptr);
}

TEST_CASE("two tabs: a quiz finished in one is replayed on top of the other's newer document", "[store][tabs][quiz]") {
    constexpr std::int64_t kNov26 = coach::test::kSampleNov26, kHour = coach::test::kSampleHour;
    FakeStorage storage;
    Store first = storage.open();
    change(first, SaveQuizSession{QuizSession{"six-steps", 2, {ItemProgress{}, ItemProgress{}, ItemProgress{}}, std::nullopt}});
    change(first, SaveQuizSession{QuizSession{"credit-management", 0, {ItemProgress{}}, std::nullopt}});
    storage.flush(first);
    Store a = storage.open();
    Store b = storage.open();
    // A studies quotes and saves the credit quiz further on; B finishes the six-steps quiz and
    // names the learner, without having seen A's writes.
    change(a, AnswerReview{ReviewDeck::quotes, {.key = "six-steps", .correct = true, .now_ms = kNov26 + 9 * kHour, .utc_offset_minutes = 480}});
    change(a, SaveQuizSession{QuizSession{"credit-management", 1, {ItemProgress{}, ItemProgress{}}, std::nullopt}});
    storage.flush(a);
    const AttemptRecord finished{"six-steps", kNov26 + 10 * kHour, {ItemAnswer{"q1", {{1}, {}}, 1, 1, false}, ItemAnswer{"q2", {{0}, {}}, 2.0 / 3, 2, false}}, 5.0 / 6, true};
    change(b, FinishAttempt{finished, 480});
    change(b, SetName{"王小明"});
    storage.flush(b);

    const StoredDocument stored = *read_document(storage.values.at(kDoc)).stored;
    CHECK(stored.generation == 3);
    CHECK(stored.doc.prefs.name == "王小明");
    REQUIRE(stored.doc.attempts.size() == 1);
    CHECK(stored.doc.attempts[0].quiz == "six-steps");
    CHECK(stored.doc.attempts[0].answers[1].score == 0.666667);  // as the document holds it
    CHECK(stored.doc.attempts[0].score == 0.833333);
    CHECK(find_open_quiz(stored.doc, "six-steps") == nullptr);  // closed by the finish
    REQUIRE(find_open_quiz(stored.doc, "credit-management") != nullptr);
    CHECK(find_open_quiz(stored.doc, "credit-management")->current == 1);  // A's step kept
    CHECK(stored.doc.review.cards == std::vector<ReviewCard>{{"six-steps/q2", 1, kNov26 + kDayMs}});
    CHECK(stored.doc.quote_review.cards == std::vector<ReviewCard>{{"six-steps", 2, kNov26 + 2 * kDayMs}});
    // What B shows is what a reload shows, scores to a millionth included.
    CHECK(b.doc == stored.doc);
    CHECK(storage.open().doc == b.doc);
    external_change(a, storage.get(kDoc));
    CHECK(a.doc == stored.doc);
}

TEST_CASE("a name typed with bytes the field could not decode is saved as U+FFFD", "[store][text]") {
    FakeStorage storage;
    Store s = storage.open();
    change(s, SetName{"王\xFF"});
    CHECK(s.doc.prefs.name == "王\xEF\xBF\xBD");
    storage.flush(s);
    CHECK(storage.open().doc == s.doc);
}

TEST_CASE("export then import gives an identical document", "[store][export]") {
    FakeStorage storage;
    Store s = storage.open();
    change(s, ReplaceDocument{sample_doc()});
    storage.flush(s);
    const std::string file = export_document(s);
    FakeStorage other;
    Store t = other.open();
    REQUIRE(import_document(t, file));
    CHECK(t.doc == s.doc);
    CHECK(t.notice == Notice::imported);
    other.flush(t);
    CHECK(other.open().doc == sample_doc());
}

TEST_CASE("a bad import names what is wrong and changes nothing", "[store][export]") {
    FakeStorage storage;
    Store s = storage.open();
    change(s, SetGoal{"keep me"});
    storage.flush(s);
    const LearnerDoc before = s.doc;
    CHECK_FALSE(import_document(s, "{\"app\":\"collection-coach\",\"course\":\"key-account-collection\""));
    CHECK(s.notice == Notice::import_failed);
    CHECK(s.doc == before);
    CHECK_THAT(notice_text(s, Lang::en), Catch::Contains("Nothing was changed"));
    CHECK_THAT(notice_text(s, Lang::zh), Catch::Contains("没有任何改变"));
    CHECK_FALSE(import_document(s, "name,balance\nACME,100"));
    CHECK_THAT(notice_text(s, Lang::en), Catch::Contains("not valid JSON (line 1, column"));
    CHECK(s.doc == before);
}

TEST_CASE("an import holding text that is not valid Unicode says so and changes nothing", "[store][export][text]") {
    FakeStorage storage;
    Store s = storage.open();
    change(s, SetGoal{"keep me 💰"});
    storage.flush(s);
    const LearnerDoc before = s.doc;
    const std::string stored = storage.values.at(kDoc);
    CHECK_FALSE(import_document(s, coach::test::read_source_file("tests/fixtures/fuzz/lone-low-surrogate-escape-in-goal.json")));
    CHECK(s.notice == Notice::import_failed);
    CHECK(s.read_error.failure == ReadFailure::not_unicode);
    CHECK(s.doc == before);
    CHECK(s.pending.empty());
    CHECK(storage.flush(s) == WriteOutcome::ok);
    CHECK(storage.values.at(kDoc) == stored);  // nothing to write: nothing changed
    CHECK(notice_text(s, Lang::en) ==
          "Could not import: The text at line 9, column 16 holds characters that are not valid Unicode (perhaps half of an emoji, or "
          "text saved in another encoding). Nothing was changed.");
    CHECK_THAT(notice_text(s, Lang::zh), Catch::StartsWith("无法导入：第 9 行第 16 列的文字里有无效的字符") && Catch::EndsWith("当前的数据没有任何改变。"));
}

TEST_CASE("typed text the field could not decode becomes U+FFFD, as on screen, and what is saved reads back", "[store][text]") {
    FakeStorage storage;
    Store s = storage.open();
    change(s, SetGoal{"回款\xED\xB6\xA7!"});
    CHECK(s.doc.prefs.goal == "回款\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD!");
    CHECK(storage.flush(s) == WriteOutcome::ok);
    CHECK(storage.open().doc == s.doc);
    FakeStorage other;
    Store t = other.open();
    REQUIRE(import_document(t, export_document(s)));
    CHECK(t.doc == s.doc);
}

TEST_CASE("a document that turns unreadable later is copied before it is replaced, even after a failed try", "[store][bad_input]") {
    FakeStorage storage;
    Store s = storage.open();
    change(s, SetGoal{"mine"});
    storage.flush(s);
    storage.values[kDoc] = "{\"app\": \"collection-coach\", \"gener";  // damaged behind the app's back
    change(s, SetGoal{"mine, edited"});
    storage.quota = true;
    CHECK(storage.flush(s, 10) == WriteOutcome::quota);
    CHECK(storage.values.at(kDoc) == "{\"app\": \"collection-coach\", \"gener");  // not replaced
    storage.quota = false;
    CHECK(storage.flush(s, 20) == WriteOutcome::ok);
    REQUIRE(s.unreadable.size() == 1);
    CHECK(storage.values.at(s.unreadable[0].key) == "{\"app\": \"collection-coach\", \"gener");
    CHECK(read_document(storage.values.at(kDoc)).stored->doc.prefs.goal == "mine, edited");
}
