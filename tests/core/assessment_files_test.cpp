// The self-assessment's files: a learner's export (JSON and CSV), the instructor reading the
// JSON back with every problem put into words, and the class as CSV. Scores are those worked
// by hand in assessment_score_test.cpp, on the fixture of assessment_fixture.h.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "assessment_fixture.h"
#include "core/assessment.h"

using namespace coach;
using coach::test::rated;

namespace {

constexpr std::int64_t kNov20 = 1763629200000;  // 2025-11-20 09:00:00 UTC
constexpr std::int64_t kNov29 = 1795940100000;  // 2026-11-29 08:15:00 UTC
constexpr std::int64_t kHour = 60 * 60 * 1000;

// The collection example: know-overdue 5, ship-before-paid (reversed) 4, ask-old-balance 2:
// collection and left both (1 + 0.25 + 0.25) / 3 = 50 %.
AssessmentResult collection_result(std::int64_t at = kNov20) {
    return rated(at, {{"know-overdue", 5}, {"ship-before-paid", 4}, {"ask-old-balance", 2}});
}

std::string with(std::string text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// The file a learner exports: the collection example and, a day later, every statement at 4
// (reversed at 2), in the order they are asked.
std::string exported(const Assessment& a) {
    AssessmentResult all{"before-training", kNov20 + 24 * kHour, {}};
    for (const Statement& s : a.statements) all.ratings.push_back({s.id, s.reversed ? 2u : 4u});
    return assessment_results_json(a, {collection_result(), all}, "王小明", kNov29);
}

// A problem, and how it is put into words.
void refused(const ResultFileRead& read, ResultFileProblem problem, const std::string& detail, const std::string& en) {
    CHECK(read.problem == problem);
    CHECK_FALSE(read.file.has_value());
    CHECK(read.detail == detail);
    CHECK(describe(read, Lang::en) == en);
}

}  // namespace

// ---- the export ----

TEST_CASE("the JSON export: ratings by statement id, scores as percents, null where nothing is rated", "[assessment]") {
    const Assessment a = test::test_assessment();
    CHECK(assessment_results_json(a, {collection_result()}, "王小明", kNov29) ==
          R"({"format":"collection-coach-assessment-results","version":1,"course":"key-account-collection","assessment":"before-training",)"
          R"("learner":"王小明","exported_at":"2026-11-29T08:15:00Z","results":[{"at":"2025-11-20T09:00:00Z","at_ms":1763629200000,)"
          R"("ratings":{"know-overdue":5,"ship-before-paid":4,"ask-old-balance":2},)"
          R"("scores":{"research":null,"relationship":null,"marketing":null,"closing":null,"collection":50,"repeat-sale":null,"left":50,"right":null,"buying-team":null}}]})");
    // A name is escaped as JSON; results of another assessment are left out.
    const AssessmentResult other{"after-training", kNov20, {{"know-overdue", 5}}};
    CHECK(assessment_results_json(a, {other}, "A \"B\"\n", kNov29) ==
          R"({"format":"collection-coach-assessment-results","version":1,"course":"key-account-collection","assessment":"before-training",)"
          R"("learner":"A \"B\"\n","exported_at":"2026-11-29T08:15:00Z","results":[]})");
}

TEST_CASE("exported results read back as they were", "[assessment]") {
    const Assessment a = test::test_assessment();
    AssessmentResult all{"before-training", kNov20 + 24 * kHour, {}};
    for (const Statement& s : a.statements) all.ratings.push_back({s.id, s.reversed ? 2u : 4u});
    const std::vector<AssessmentResult> results{collection_result(), all};
    const ResultFileRead read = read_result_file(assessment_results_json(a, results, "王小明 🌱", kNov29), "wang.json", a);
    INFO(describe(read, Lang::en));
    REQUIRE(read.problem == ResultFileProblem::none);
    REQUIRE(read.file.has_value());
    CHECK(read.name == "wang.json");
    CHECK(read.file->name == "wang.json");
    CHECK(read.file->learner == "王小明 🌱");
    CHECK(read.file->results == results);
    CHECK(describe(read, Lang::en).empty());
    CHECK(describe(read, Lang::zh).empty());
}

TEST_CASE("a result kept by position (version 3) is exported by statement id", "[assessment]") {
    const Assessment a = test::test_assessment();
    const AssessmentResult v3{"", kNov20, {{"", 5}, {"", 0}, {"", 3}}};  // know-goals 5, map-buyers not rated, remember-birthdays 3
    const std::string json = assessment_results_json(a, {v3}, "", kNov29);
    CHECK(json.find(R"("ratings":{"know-goals":5,"remember-birthdays":3})") != std::string::npos);
    const ResultFileRead read = read_result_file(json, "v3.json", a);
    REQUIRE(read.file.has_value());
    CHECK(read.file->results == std::vector<AssessmentResult>{rated(kNov20, {{"know-goals", 5}, {"remember-birthdays", 3}})});
}

// ---- reading a file: what is kept, what is refused ----

TEST_CASE("a result file keeps the ratings of statements it knows", "[assessment]") {
    const Assessment a = test::test_assessment();
    const std::string json = assessment_results_json(a, {collection_result()}, "", kNov29);
    // a statement since removed from the assessment, and a rating taken back (0)
    const ResultFileRead read = read_result_file(with(json, R"("know-overdue":5)", R"("gone":3,"know-overdue":5,"know-goals":0)"), "x.json", a);
    INFO(describe(read, Lang::en));
    REQUIRE(read.file.has_value());
    CHECK(read.file->results == std::vector<AssessmentResult>{collection_result()});
}

TEST_CASE("a result file's results come back oldest first, a byte order mark is no problem", "[assessment]") {
    const Assessment a = test::test_assessment();
    const std::string json = assessment_results_json(a, {collection_result(kNov20 + kHour), collection_result(kNov20)}, "", kNov29);
    const ResultFileRead read = read_result_file("\xEF\xBB\xBF" + json, "x.json", a);
    REQUIRE(read.file.has_value());
    REQUIRE(read.file->results.size() == 2);
    CHECK(read.file->results[0].at == kNov20);
    CHECK(read.file->results[1].at == kNov20 + kHour);
    CHECK(read.file->learner.empty());
}

TEST_CASE("result file problem: not JSON", "[assessment]") {
    const Assessment a = test::test_assessment();
    const ResultFileRead cut = read_result_file(exported(a).substr(0, 40), "cut.json", a);
    CHECK(cut.problem == ResultFileProblem::not_json);
    CHECK_FALSE(cut.file.has_value());
    CHECK(cut.json.problem == JsonProblem::syntax);
    CHECK(starts_with(describe(cut, Lang::en), "“cut.json” cannot be read: This is not valid JSON (line 1, column 41: it stops in the middle"));
    CHECK(starts_with(describe(cut, Lang::zh), "无法读取“cut.json”：这不是有效的 JSON（第 1 行第 41 列"));
    refused(read_result_file("", "empty.json", a), ResultFileProblem::not_json, "It is empty.", "“empty.json” cannot be read: It is empty.");
}

TEST_CASE("result file problem: too large", "[assessment]") {
    const Assessment a = test::test_assessment();
    const ResultFileRead read = read_result_file(std::string(kResultFileMaxBytes + 1, ' '), "big.json", a);
    refused(read, ResultFileProblem::too_large, "1048577",
            "“big.json” is too large (1025 KB) to be exported self-assessment results (they take at most 1024 KB).");
    CHECK(describe(read, Lang::zh) == "“big.json”太大（1025 KB），不是导出的自我评估结果（结果文件最多 1024 KB）。");
}

TEST_CASE("result file problem: not our format", "[assessment]") {
    const Assessment a = test::test_assessment();
    // the quiz results export, a course bundle, a list
    refused(read_result_file(R"({"app":"collection-coach","course":"key-account-collection","learner":"","attempts":[]})", "quiz.json", a),
            ResultFileProblem::not_results, "", "“quiz.json” is not a self-assessment result file exported from Collection Coach.");
    refused(read_result_file(R"({"format":"collection-coach-course","version":1})", "course.json", a), ResultFileProblem::not_results,
            "collection-coach-course", "“course.json” is not a self-assessment result file exported from Collection Coach.");
    const ResultFileRead list = read_result_file("[1]", "list.json", a);
    CHECK(list.problem == ResultFileProblem::not_results);
    CHECK(describe(list, Lang::zh) == "“list.json”不是回款教练导出的自我评估结果。");
}

TEST_CASE("result file problem: a newer version", "[assessment]") {
    const Assessment a = test::test_assessment();
    // said before the assessment's id: a newer format may name it differently
    const std::string newer = with(with(exported(a), R"("version":1)", R"("version":2)"), R"("assessment":"before-training")", R"("assessment":"other")");
    const ResultFileRead read = read_result_file(newer, "new.json", a);
    refused(read, ResultFileProblem::future_version, "2",
            "“new.json” comes from a newer Collection Coach (file version 2; this app reads up to version 1). Open it with the latest version.");
    CHECK(describe(read, Lang::zh) == "“new.json”来自更新版本的回款教练（文件版本 2，本应用最多读到版本 1），请用最新版本打开。");
}

TEST_CASE("result file problem: another assessment", "[assessment]") {
    const Assessment a = test::test_assessment();
    const ResultFileRead read = read_result_file(with(exported(a), R"("assessment":"before-training")", R"("assessment":"after-training")"), "after.json", a);
    refused(read, ResultFileProblem::other_assessment, "after-training",
            "“after.json” holds the results of another self-assessment (after-training), so it cannot be counted here.");
    CHECK(describe(read, Lang::zh) == "“after.json”是另一份自我评估（after-training）的结果，不能放在这里一起统计。");
}

TEST_CASE("result file problem: no results", "[assessment]") {
    const Assessment a = test::test_assessment();
    const ResultFileRead read = read_result_file(assessment_results_json(a, {}, "王小明", kNov29), "none.json", a);
    refused(read, ResultFileProblem::no_results, "", "“none.json” holds no results: the learner had not finished a self-assessment when it was exported.");
    CHECK(describe(read, Lang::zh) == "“none.json”里没有评估结果：导出时学员还没有完成自我评估。");
}

TEST_CASE("result file problem: a field of the wrong shape, named", "[assessment]") {
    const Assessment a = test::test_assessment();
    const std::string json = exported(a);
    const auto shape = [&](const std::string& from, const std::string& to) { return read_result_file(with(json, from, to), "x.json", a); };
    // ratings outside 0..5, or not whole numbers
    refused(shape(R"("know-overdue":5)", R"("know-overdue":6)"), ResultFileProblem::wrong_shape, "results[0].ratings.know-overdue",
            "“x.json” is incomplete or was changed: the field “results[0].ratings.know-overdue” is missing or wrong.");
    CHECK(shape(R"("know-overdue":5)", R"("know-overdue":-1)").detail == "results[0].ratings.know-overdue");
    CHECK(shape(R"("know-overdue":5)", R"("know-overdue":4.5)").detail == "results[0].ratings.know-overdue");
    CHECK(shape(R"("know-overdue":5)", R"("know-overdue":"5")").detail == "results[0].ratings.know-overdue");
    // a statement rated twice in one result
    CHECK(shape(R"("know-overdue":5)", R"("know-overdue":5,"know-overdue":4)").detail == "results[0].ratings.know-overdue");
    // an unknown statement is skipped, but not a rating out of range
    CHECK(shape(R"("know-overdue":5)", R"("gone":9,"know-overdue":5)").detail == "results[0].ratings.gone");
    CHECK(shape(R"("at_ms":1763629200000)", R"("at":1763629200000)").detail == "results[0].at_ms");
    CHECK(shape(R"("at_ms":1763629200000)", R"("at_ms":"1763629200000")").detail == "results[0].at_ms");
    CHECK(shape(R"("ratings":{"know-overdue")", R"("ratings":[],"x":{"know-overdue")").detail == "results[0].ratings");
    CHECK(shape(R"("version":1)", R"("version":"1")").detail == "version");
    CHECK(shape(R"("version":1)", R"("version":0)").detail == "version");
    CHECK(shape(R"("assessment":"before-training")", R"("assessment":null)").detail == "assessment");
    CHECK(shape(R"("learner":"王小明")", R"("learner":7)").detail == "learner");
    CHECK(shape(R"("results":[)", R"("results":{"x":[)").problem == ResultFileProblem::not_json);  // broken JSON, not a shape
    const ResultFileRead read = shape(R"("know-overdue":5)", R"("know-overdue":6)");
    CHECK(describe(read, Lang::zh) == "“x.json”的内容不完整或被改动过：字段“results[0].ratings.know-overdue”缺失或不对。");
    const std::string no_list = R"({"format":"collection-coach-assessment-results","version":1,"assessment":"before-training","results":{}})";
    CHECK(read_result_file(no_list, "x.json", a).detail == "results");
    const std::string not_object = R"({"format":"collection-coach-assessment-results","version":1,"assessment":"before-training","results":[3]})";
    CHECK(read_result_file(not_object, "x.json", a).detail == "results[0]");
}

// ---- CSV ----

TEST_CASE("a learner's CSV: byte order mark, CRLF, header in the language, formula guard", "[assessment][csv]") {
    const Assessment a = test::test_assessment();
    const std::string en = assessment_results_csv(a, {collection_result()}, "=cmd", Lang::en);
    CHECK(en ==
          "\xEF\xBB\xBF"
          "Learner,Taken (UTC),Research the customer %,Build the relationship %,Marketing %,Close the order %,Collect payment %,Sell again %,"
          "Left brain: collection discipline %,Right brain: relationship and EQ %,Buying-team coverage (1+2+1) %,"
          "know-goals,map-buyers,remember-birthdays,meet-finance,plan-visits,talk-value,terms-in-contract,discount-to-close,know-overdue,"
          "ship-before-paid,ask-old-balance,ask-referrals,review-account\r\n"
          // collection and left 50 %; ratings 5, 4, 2 in the columns of statements 8, 9, 10
          "'=cmd,2025-11-20T09:00:00Z,,,,,50,,50,,,,,,,,,,,5,4,2,,\r\n");

    const std::string zh = assessment_results_csv(a, {collection_result()}, "Wang, \"Boss\"", Lang::zh);
    CHECK(starts_with(zh, "\xEF\xBB\xBF"
                          "学员,评估时间（UTC）,研究客户 %,建立关系 %,营销 %,成单 %,回款 %,二次销售 %,左脑：回款纪律 %,右脑：关系与情商 %,采购团队覆盖（1+2+1） %,"
                          "know-goals,"));
    CHECK(zh.find("\r\n\"Wang, \"\"Boss\"\"\",2025-11-20T09:00:00Z,,,,,50,,50,,,,,,,,,,,5,4,2,,\r\n") != std::string::npos);
    std::size_t bare_lf = 0;
    for (std::size_t i = 1; i < zh.size(); ++i) bare_lf += zh[i] == '\n' && zh[i - 1] != '\r';
    CHECK(bare_lf == 0);

    // another assessment's result is no row; no result leaves the header alone
    const std::string header_only = assessment_results_csv(a, {AssessmentResult{"after-training", kNov20, {{"know-overdue", 5}}}}, "", Lang::en);
    CHECK(header_only == assessment_results_csv(a, {}, "", Lang::en));
    CHECK(std::count(header_only.begin(), header_only.end(), '\n') == 1);
}

TEST_CASE("the class CSV: a row per learner's latest result, then mean, spread, lowest and highest", "[assessment][csv]") {
    const Assessment a = test::test_assessment();
    // The class of assessment_score_test.cpp: A, B, and C (whose earlier result is not counted).
    const std::vector<ResultFile> files{
        {"a.json", "王小明", {rated(kNov20, {{"know-overdue", 2}, {"know-goals", 5}, {"map-buyers", 5}})}},
        {"b.json", "", {rated(kNov20 + kHour, {{"know-overdue", 3}, {"know-goals", 3}})}},
        {"c.json", "=cmd", {rated(kNov20 - 24 * kHour, {{"know-overdue", 1}}), rated(kNov20 + 2 * kHour, {{"know-overdue", 4}, {"remember-birthdays", 2}})}},
        {"empty.json", "nobody", {}},
    };
    CHECK(class_csv(a, files, Lang::en) ==
          "\xEF\xBB\xBF"
          "Learner,Taken (UTC),Research the customer %,Build the relationship %,Marketing %,Close the order %,Collect payment %,Sell again %,"
          "Left brain: collection discipline %,Right brain: relationship and EQ %,Buying-team coverage (1+2+1) %\r\n"
          // research, relationship, marketing, closing, collection, repeat-sale, left, right, buying team
          "王小明,2025-11-20T09:00:00Z,100,,,,25,,62.5,100,100\r\n"
          "b.json,2025-11-20T10:00:00Z,50,,,,50,,50,,\r\n"
          "'=cmd,2025-11-20T11:00:00Z,,25,,,75,,75,25,\r\n"
          "Mean,,75,25,,,50,,62.5,62.5,100\r\n"
          // collection sqrt(0.125 / 3) = 20.4 %, left sqrt(0.03125 / 3) = 10.2 %
          "Spread (SD),,25,0,,,20.4,,10.2,37.5,0\r\n"
          "Lowest,,50,25,,,25,,50,25,100\r\n"
          "Highest,,100,25,,,75,,75,100,100\r\n");
    const std::string zh = class_csv(a, files, Lang::zh);
    CHECK(zh.find("\r\n平均,,75,25,") != std::string::npos);
    CHECK(zh.find("\r\n标准差,,25,0,") != std::string::npos);
    CHECK(zh.find("\r\n最低,,50,") != std::string::npos);
    CHECK(zh.find("\r\n最高,,100,") != std::string::npos);
    // an empty class: the header, and summary rows with nothing in them
    CHECK(class_csv(a, {}, Lang::en).find("\r\nMean,,,,,,,,,,\r\n") != std::string::npos);
}
