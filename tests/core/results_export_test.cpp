// Exported results: the CSV an instructor opens in a spreadsheet and the JSON a program reads,
// from a known document and a small course built here.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/json_tree.h"
#include "core/results_export.h"

using namespace coach;

namespace {

// 2026-11-29 08:15:00 UTC.
constexpr std::int64_t kNov29 = 1795940100000;

Text text(std::string zh, std::string en) { return Text{std::move(zh), std::move(en), {}}; }

QuizItem item(std::string id, QuizItemKind kind, Text prompt) {
    QuizItem i;
    i.id = std::move(id);
    i.kind = kind;
    i.prompt = std::move(prompt);
    return i;
}

Course course() {
    Quiz q;
    q.id = "six-steps";
    q.title = text("六步法", "Six steps");
    QuizItem first = item("first-step", QuizItemKind::single_choice, text("第一步是什么？", "What comes first?"));
    first.options = {{"a", {}, {}, false}, {"b", {}, {}, true}, {"c", {}, {}, false}};
    QuizItem signs = item("signs", QuizItemKind::multiple_choice,
                          text("客户说\"下周付款\"，哪些是信号？", "The customer says \"next week, maybe\": which are signs?"));
    signs.options = {{"a", {}, {}, false}, {"b", {}, {}, true}, {"c", {}, {}, false}, {"d", {}, {}, true}};
    QuizItem order = item("order", QuizItemKind::ordering, text("排出顺序", "Put in order"));
    order.steps = {{"research", {}, {}}, {"relationship", {}, {}}, {"marketing", {}, {}}};
    QuizItem roles = item("roles", QuizItemKind::matching, text("配对\n角色", "Match\nthe roles"));
    roles.pairs = {{"user", {}, {}, {}}, {"buyer", {}, {}, {}}, {"finance", {}, {}, {}}};
    QuizItem call = item("call", QuizItemKind::scenario, text("财务总监来电", "The finance head calls"));
    call.scenario.start = "n1";
    call.scenario.nodes = {{"n1", {}, {}, {{"r-ask", {}, {}, "n2"}, {"r-push", {}, {}, "bad"}}}, {"n2", {}, {}, {{"r-plan", {}, {}, "good"}}}};
    call.scenario.endings = {{"good", {}, 1}, {"bad", {}, 0}};
    QuizItem truth = item("truth", QuizItemKind::true_false, text("-回款优先", "-Collection first"));
    truth.options = {{"true", {}, {}, true}, {"false", {}, {}, false}};
    q.items = {first, signs, order, roles, call, truth};
    Course c;
    c.id = "key-account-collection";
    c.quizzes = {q};
    return c;
}

ItemAnswer answer(std::string id, QuizResponse r, double score, std::uint32_t checks = 1, bool shown = false) {
    return ItemAnswer{std::move(id), std::move(r), score, checks, shown};
}

LearnerDoc doc() {
    LearnerDoc d;
    d.prefs.name = "=王小明, \"组长\"";
    d.attempts = {
        AttemptRecord{"six-steps",
                      kNov29,
                      {answer("first-step", {{1}, {}}, 1),
                       answer("signs", {{3, 1, 3}, {}}, 0.5, 2),  // clicked d, b, d again
                       answer("order", {{1, 0, 2}, {}}, 0.333333),
                       answer("roles", {{}, {{1, 0}, {0, 0}, {2, 7}}}, 0),  // right item 7 is not in the item
                       answer("call", {{0, 0}, {}}, 1, 1, true),
                       answer("truth", {}, 0, 0),  // skipped
                       answer("gone", {{0}, {}}, 0.25)},  // no longer in the course
                      0.583333,
                      false},
        AttemptRecord{"six-steps", kNov29 + 60 * 60 * 1000 + 999, {}, 0.666667, true},  // migrated from version 2: no items
        AttemptRecord{"retired-quiz", kNov29, {answer("x", {{0}, {}}, 1)}, 1, true}};
    return d;
}

// RFC 4180 read back: fields of each CRLF-ended record.
std::vector<std::vector<std::string>> parse_csv(std::string_view s) {
    std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
    bool quoted = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (quoted) {
            if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') rows.back().back() += s[++i];
            else if (c == '"') quoted = false;
            else rows.back().back() += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().emplace_back();
        } else if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
            ++i;
            rows.emplace_back(1);
        } else {
            rows.back().back() += c;
        }
    }
    if (rows.back() == std::vector<std::string>(1)) rows.pop_back();  // after the last CRLF
    return rows;
}

}  // namespace

TEST_CASE("times are UTC ISO 8601 and scores percents with one decimal at most", "[results_export]") {
    CHECK(utc_iso8601(kNov29) == "2026-11-29T08:15:00Z");
    CHECK(utc_iso8601(kNov29 + 999) == "2026-11-29T08:15:00Z");
    CHECK(utc_iso8601(0) == "1970-01-01T00:00:00Z");
    CHECK(utc_iso8601(-1) == "1969-12-31T23:59:59Z");
    CHECK(utc_iso8601(951782400000) == "2000-02-29T00:00:00Z");  // a leap day of a year divisible by 400
    CHECK(utc_iso8601(4107542399000) == "2100-02-28T23:59:59Z");  // 2100 is no leap year
    CHECK(score_percent(0.688889) == "68.9");
    CHECK(score_percent(1) == "100");
    CHECK(score_percent(0) == "0");
    CHECK(score_percent(0.333333) == "33.3");
    CHECK(score_percent(0.9996) == "100");
    CHECK(score_percent(0.05) == "5");
}

TEST_CASE("the CSV opens in a spreadsheet: BOM, CRLF, quoted fields, one row per item answer", "[results_export][csv]") {
    const std::string csv = results_csv(doc(), course(), Lang::zh);
    REQUIRE(csv.rfind("\xEF\xBB\xBF", 0) == 0);
    // Every record ends in CRLF; the one bare LF is the prompt's own line break, inside quotes.
    std::size_t bare_lf = 0;
    for (std::size_t i = 0; i < csv.size(); ++i)
        if (csv[i] == '\n' && csv[i - 1] != '\r') ++bare_lf;
    CHECK(bare_lf == 1);
    CHECK(csv.find(",\"配对\n角色\",") != std::string::npos);
    CHECK(csv.substr(csv.size() - 2) == "\r\n");
    const auto rows = parse_csv(std::string_view(csv).substr(3));
    REQUIRE(rows.size() == 1 + 7 + 1 + 1);
    for (const auto& row : rows) CHECK(row.size() == 12);
    CHECK(rows[0] == std::vector<std::string>{"学员", "测验", "测验名称", "完成时间（UTC）", "测验得分 %", "是否通过", "题目", "题干", "作答",
                                              "本题得分 %", "检查次数", "看过答案"});
    const std::string name = "'=王小明, \"组长\"";  // the apostrophe keeps a spreadsheet from running it
    CHECK(rows[1] == std::vector<std::string>{name, "six-steps", "六步法", "2026-11-29T08:15:00Z", "58.3", "否", "first-step", "第一步是什么？", "b",
                                              "100", "1", "否"});
    CHECK(rows[2][7] == "客户说\"下周付款\"，哪些是信号？");
    CHECK(rows[2][8] == "b;d");  // in the item's order, each once
    CHECK(rows[2][9] == "50");
    CHECK(rows[2][10] == "2");
    CHECK(rows[3][8] == "relationship>research>marketing");
    CHECK(rows[3][9] == "33.3");
    CHECK(rows[4][7] == "配对\n角色");
    CHECK(rows[4][8] == "user=user;buyer=user;finance=?");
    CHECK(rows[5][8] == "r-ask>r-plan");
    CHECK(rows[5][11] == "是");
    CHECK(rows[6][7] == "'-回款优先");  // course text is guarded the same way
    CHECK(rows[6][8] == "");
    CHECK(rows[7] == std::vector<std::string>{name, "six-steps", "六步法", "2026-11-29T08:15:00Z", "58.3", "否", "gone", "", "", "25", "1", "否"});
    CHECK(rows[8] == std::vector<std::string>{name, "six-steps", "六步法", "2026-11-29T09:15:00Z", "66.7", "是", "", "", "", "", "", ""});
    CHECK(rows[9] == std::vector<std::string>{name, "retired-quiz", "", "2026-11-29T08:15:00Z", "100", "是", "x", "", "", "100", "1", "否"});
    // The raw text: quotes doubled inside a quoted field.
    CHECK(csv.find("\"'=王小明, \"\"组长\"\"\",six-steps,六步法,2026-11-29T08:15:00Z,58.3,否,first-step,第一步是什么？,b,100,1,否\r\n") != std::string::npos);
    CHECK(csv.find(",\"客户说\"\"下周付款\"\"，哪些是信号？\",b;d,50,2,否\r\n") != std::string::npos);
}

TEST_CASE("the CSV in English: header, titles, prompts and yes/no", "[results_export][csv]") {
    const auto rows = parse_csv(std::string_view(results_csv(doc(), course(), Lang::en)).substr(3));
    REQUIRE(rows.size() == 10);
    CHECK(rows[0] == std::vector<std::string>{"Learner", "Quiz", "Quiz title", "Finished (UTC)", "Quiz score %", "Passed", "Item", "Prompt", "Answer",
                                              "Item score %", "Checks", "Solution shown"});
    CHECK(rows[1][2] == "Six steps");
    CHECK(rows[1][5] == "no");
    CHECK(rows[2][7] == "The customer says \"next week, maybe\": which are signs?");
    CHECK(rows[5][11] == "yes");
    CHECK(rows[6][7] == "'-Collection first");
}

TEST_CASE("a learner with no name and no attempts exports a header only", "[results_export][csv]") {
    CHECK(results_csv({}, course(), Lang::en) ==
          "\xEF\xBB\xBFLearner,Quiz,Quiz title,Finished (UTC),Quiz score %,Passed,Item,Prompt,Answer,Item score %,Checks,Solution shown\r\n");
    CHECK(results_json({}, course(), 0) ==
          R"({"app":"collection-coach","course":"key-account-collection","learner":"","exported_at":"1970-01-01T00:00:00Z","attempts":[]})");
}

TEST_CASE("the JSON holds the same results, numbers as numbers, text in both languages", "[results_export][json]") {
    const std::string json = results_json(doc(), course(), kNov29 + 5 * 60 * 1000);
    const JsonTree tree = parse_json_tree(json);
    REQUIRE(tree.root.has_value());
    const std::string expected =
        R"({"app":"collection-coach","course":"key-account-collection","learner":"=王小明, \"组长\"","exported_at":"2026-11-29T08:20:00Z",)"
        R"("attempts":[{"quiz":"six-steps","title":{"zh":"六步法","en":"Six steps"},"at":"2026-11-29T08:15:00Z","score_percent":58.3,"passed":false,)"
        R"("answers":[)"
        R"({"item":"first-step","kind":"single_choice","answer":["b"],"score_percent":100,"checks":1,"solution_shown":false},)"
        R"({"item":"signs","kind":"multiple_choice","answer":["b","d"],"score_percent":50,"checks":2,"solution_shown":false},)"
        R"({"item":"order","kind":"ordering","answer":["relationship","research","marketing"],"score_percent":33.3,"checks":1,"solution_shown":false},)"
        R"({"item":"roles","kind":"matching","answer":[{"left":"user","right":"user"},{"left":"buyer","right":"user"},{"left":"finance","right":null}],)"
        R"("score_percent":0,"checks":1,"solution_shown":false},)"
        R"({"item":"call","kind":"scenario","answer":["r-ask","r-plan"],"score_percent":100,"checks":1,"solution_shown":true},)"
        R"({"item":"truth","kind":"true_false","answer":[],"score_percent":0,"checks":0,"solution_shown":false},)"
        R"({"item":"gone","kind":null,"answer":null,"score_percent":25,"checks":1,"solution_shown":false}]},)"
        R"({"quiz":"six-steps","title":{"zh":"六步法","en":"Six steps"},"at":"2026-11-29T09:15:00Z","score_percent":66.7,"passed":true,"answers":[]},)"
        R"({"quiz":"retired-quiz","title":null,"at":"2026-11-29T08:15:00Z","score_percent":100,"passed":true,)"
        R"("answers":[{"item":"x","kind":null,"answer":null,"score_percent":100,"checks":1,"solution_shown":false}]}]})";
    CHECK(json == expected);
    // The prompt's line break never reaches the JSON (prompts are not in it), but a name's does, escaped.
    LearnerDoc named;
    named.prefs.name = "a\nb\t\x01\\";
    CHECK(results_json(named, course(), 0).find(R"("learner":"a\nb\t\u0001\\")") != std::string::npos);
    CHECK(parse_json_tree(results_json(named, course(), 0)).root.has_value());
}

TEST_CASE("a scenario path that leaves the item is cut where it is lost", "[results_export]") {
    LearnerDoc d;
    d.attempts = {AttemptRecord{"six-steps", 0, {answer("call", {{1, 0}, {}}, 0), answer("signs", {{9}, {}}, 0)}, 0, false}};
    // r-push leads to an ending: a further reply has nowhere to be.
    const auto rows = parse_csv(std::string_view(results_csv(d, course(), Lang::en)).substr(3));
    REQUIRE(rows.size() == 3);
    CHECK(rows[1][8] == "r-push>?");
    CHECK(rows[2][8] == "?");
}
