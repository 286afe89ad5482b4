// The self-assessment as content: content/assessment.json read into statements, and every
// rule of the validator shown with the file:line reason it gives (the fixture's lines are
// listed in assessment_fixture.h).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "assessment_fixture.h"
#include "core/assessment.h"
#include "test_support.h"

using namespace coach;
using coach::test::kAssessmentName;
using coach::test::kAssessmentText;

namespace {

AssessmentLoad load(const std::string& text) { return load_assessment(text, kAssessmentName, test::assessment_course()); }

std::string all_errors(const std::vector<ContentError>& errors, Lang lang = Lang::en) {
    std::string out;
    for (const ContentError& e : errors) out += describe(e, lang) + "\n";
    return out;
}

// The text with the first `from` replaced (the test fails if there is none).
std::string with(std::string text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

// The text with every `from` replaced; how many were.
std::string with_all(std::string text, const std::string& from, const std::string& to, std::size_t& count) {
    count = 0;
    for (std::size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += to.size(), ++count) text.replace(at, from.size(), to);
    return text;
}

// Line `n` (1-based) of the text replaced, so the other lines keep their numbers.
std::string with_line(const std::string& text, std::size_t n, const std::string& line) {
    std::size_t begin = 0;
    for (std::size_t i = 1; i < n; ++i) begin = text.find('\n', begin) + 1;
    const std::size_t end = text.find('\n', begin);
    return text.substr(0, begin) + line + (end == std::string::npos ? "" : text.substr(end));
}

std::string line_of(const std::string& text, std::size_t n) {
    std::size_t begin = 0;
    for (std::size_t i = 1; i < n; ++i) begin = text.find('\n', begin) + 1;
    return text.substr(begin, text.find('\n', begin) - begin);
}

// The rule's problem and nothing else, its reason as the validator prints it; and no assessment.
void only(const AssessmentLoad& l, ContentProblem problem, const std::string& reason_en) {
    INFO(all_errors(l.errors));
    CHECK_FALSE(l.assessment.has_value());
    REQUIRE(l.errors.size() == 1);
    CHECK(l.errors[0].problem == problem);
    CHECK(describe(l.errors[0], Lang::en) == reason_en);
}

bool has(const AssessmentLoad& l, const std::string& reason_en) {
    return std::any_of(l.errors.begin(), l.errors.end(), [&](const ContentError& e) { return describe(e, Lang::en) == reason_en; });
}

}  // namespace

// ---- reading ----

TEST_CASE("an assessment file is read statement by statement", "[assessment]") {
    const AssessmentLoad l = load(kAssessmentText);
    INFO(all_errors(l.errors));
    REQUIRE(l.errors.empty());
    REQUIRE(l.assessment.has_value());
    const Assessment& a = *l.assessment;
    CHECK(a.id == "before-training");
    CHECK(a.title.zh == "训练前自我评估");
    CHECK(a.about.en == "Five minutes, no right answers.");
    REQUIRE(a.steps.size() == 6);
    for (std::size_t i = 0; i < 6; ++i) CHECK(a.steps[i].id == kSixSteps[i]);
    CHECK(a.steps[4].name.zh == "回款");
    CHECK(a.steps[4].name.en == "Collect payment");
    REQUIRE(a.statements.size() == 13);

    const Statement& first = a.statements[0];
    CHECK(first.id == "know-goals");
    CHECK(first.text.en == "I know the customer’s goals this year.");
    CHECK(first.scale == RatingScale::frequency);
    CHECK_FALSE(first.reversed);  // left out: not reversed
    CHECK(first.step == "research");
    CHECK(first.side == BrainSide::left);
    CHECK_FALSE(first.buying_team);  // left out: not about the buying team
    CHECK(first.link == LessonLink{"six-steps", "why-key-accounts"});
    CHECK(first.where.file == "assessment.json");
    CHECK(first.where.line == 11);

    const Statement& ship = a.statements[9];
    CHECK(ship.id == "ship-before-paid");
    CHECK(ship.scale == RatingScale::agreement);
    CHECK(ship.reversed);
    CHECK(ship.where.line == 20);
    CHECK(a.statements[1].buying_team);
    CHECK(a.statements[1].side == BrainSide::right);

    CHECK(a.statement("ask-referrals") == &a.statements[11]);
    CHECK(a.statement("nope") == nullptr);
    CHECK(a.step("closing") == &a.steps[3]);
    CHECK(a.step("selling") == nullptr);
}

TEST_CASE("every text a learner sees, in file order", "[assessment]") {
    const Assessment a = test::test_assessment();
    std::vector<std::string> seen;
    for_each_text(a, [&](const Text& t) { seen.push_back(t.zh); });
    // title, about, six step names, thirteen statements
    REQUIRE(seen.size() == 2 + 6 + 13);
    CHECK(seen[0] == "训练前自我评估");
    CHECK(seen[2] == "研究客户");
    CHECK(seen[8] == "我了解客户今年的目标。");
    CHECK(seen.back() == "我每季度复盘客户。");
}

// ---- the rules, each with the reason the validator prints ----

TEST_CASE("assessment rule: the file is JSON, an object", "[assessment]") {
    const AssessmentLoad cut = load(kAssessmentText.substr(0, 200));
    REQUIRE(cut.errors.size() == 1);
    CHECK(cut.errors[0].problem == ContentProblem::not_json);
    CHECK_FALSE(cut.assessment.has_value());
    only(load("[1, 2]"), ContentProblem::wrong_type, "assessment.json:1: “(file)” should be an object {…}.");
}

TEST_CASE("assessment rule: required fields, with their types", "[assessment]") {
    only(load(with(kAssessmentText, R"("scale": "frequency", "step": "research", "side": "left", )", R"("step": "research", "side": "left", )")),
         ContentProblem::missing_field, "assessment.json:11: The field “statements[0].scale” is missing.");
    only(load(with(kAssessmentText, R"( "about": {"zh": "五分钟，没有标准答案。", "en": "Five minutes, no right answers."},)", "")),
         ContentProblem::missing_field, "assessment.json:1: The field “about” is missing.");
    only(load(with(kAssessmentText, R"("reversed": true, "step": "closing")", R"("reversed": "yes", "step": "closing")")), ContentProblem::wrong_type,
         "assessment.json:18: “statements[7].reversed” should be true or false.");
    // A flag of the wrong type counts as not set: map-buyers no longer counts towards the three.
    const AssessmentLoad team = load(with(kAssessmentText, R"("buying_team": true, "link": {"lesson": "buyer-roles", "page": "one-two-one"})",
                                          R"("buying_team": 1, "link": {"lesson": "buyer-roles", "page": "one-two-one"})"));
    INFO(all_errors(team.errors));
    CHECK(team.errors.size() == 2);
    CHECK(has(team, "assessment.json:12: “statements[1].buying_team” should be true or false."));
    CHECK(has(team, "assessment.json:10: Too few statements have “buying_team”: at least 3 are needed."));
    only(load(with(kAssessmentText, R"("link": {"lesson": "six-steps", "page": "practice"})", R"("link": "six-steps/practice")")), ContentProblem::wrong_type,
         "assessment.json:22: “statements[11].link” should be an object {…}.");
    only(load(with(kAssessmentText, R"("page": "practice")", R"("pg": "practice")")), ContentProblem::missing_field,
         "assessment.json:22: The field “statements[11].link.page” is missing.");
}

TEST_CASE("assessment rule: every text in Chinese and English", "[assessment]") {
    only(load(with(kAssessmentText, R"(, "en": "I remember key people’s birthdays.")", "")), ContentProblem::missing_translation,
         "assessment.json:13: “statements[2].text” has no English text.");
    only(load(with(kAssessmentText, R"("zh": "成单", )", R"("zh": "", )")), ContentProblem::missing_translation,
         "assessment.json:6: “steps[3].name” has no Chinese text.");
    only(load(with(kAssessmentText, R"("title": {"zh": "训练前自我评估", "en": "Before training"})", R"("title": {"zh": "训练前自我评估"})")),
         ContentProblem::missing_translation, "assessment.json:1: “title” has no English text.");
}

TEST_CASE("assessment rule: ids are kebab-case, statement ids unique", "[assessment]") {
    only(load(with(kAssessmentText, R"("id": "know-goals")", R"("id": "Know_Goals")")), ContentProblem::bad_id,
         "assessment.json:11: The id “Know_Goals” may only use lowercase letters, digits and hyphens.");
    only(load(with(kAssessmentText, R"("id": "review-account")", R"("id": "know-goals")")), ContentProblem::duplicate_id,
         "assessment.json:23: The id “know-goals” is used more than once.");
    only(load(with(kAssessmentText, R"("id": "before-training")", R"("id": "-before")")), ContentProblem::bad_id,
         "assessment.json:1: The id “-before” may only use lowercase letters, digits and hyphens.");
}

TEST_CASE("assessment rule: the six steps, in the course's order", "[assessment]") {
    // marketing and closing swapped: reported where the list first departs from the six
    const std::string swapped = with_line(with_line(kAssessmentText, 5, line_of(kAssessmentText, 6)), 6, line_of(kAssessmentText, 5));
    only(load(swapped), ContentProblem::wrong_steps,
         "assessment.json:5: “steps” must be these six steps in this order: research, relationship, marketing, closing, collection, repeat-sale; "
         "they are: research, relationship, closing, marketing, collection, repeat-sale.");
    // the last one missing: reported at the list
    const std::string short_list = with_line(with_line(kAssessmentText, 7, R"(  {"id": "collection", "name": {"zh": "回款", "en": "Collect payment"}})"), 8, "");
    only(load(short_list), ContentProblem::wrong_steps,
         "assessment.json:2: “steps” must be these six steps in this order: research, relationship, marketing, closing, collection, repeat-sale; "
         "they are: research, relationship, marketing, closing, collection.");
    // a seventh
    const std::string seven = with_line(kAssessmentText, 8, R"(  {"id": "repeat-sale", "name": {"zh": "二次销售", "en": "Sell again"}}, {"id": "referral", "name": {"zh": "转介绍", "en": "Referral"}})");
    only(load(seven), ContentProblem::wrong_steps,
         "assessment.json:8: “steps” must be these six steps in this order: research, relationship, marketing, closing, collection, repeat-sale; "
         "they are: research, relationship, marketing, closing, collection, repeat-sale, referral.");
}

TEST_CASE("assessment rule: scale, side and step take known values", "[assessment]") {
    only(load(with(kAssessmentText, R"("scale": "agreement", "step": "marketing")", R"("scale": "sometimes", "step": "marketing")")), ContentProblem::unknown_value,
         "assessment.json:16: “statements[5].scale” has an unknown value “sometimes”.");
    only(load(with(kAssessmentText, R"("step": "research", "side": "left")", R"("step": "research", "side": "middle")")), ContentProblem::unknown_value,
         "assessment.json:11: “statements[0].side” has an unknown value “middle”.");
    // A statement of no known step leaves its step one short, which is said too.
    const AssessmentLoad l = load(with(kAssessmentText, R"("step": "research", "side": "left")", R"("step": "selling", "side": "left")"));
    INFO(all_errors(l.errors));
    CHECK(l.errors.size() == 2);
    CHECK(has(l, "assessment.json:11: “statements[0].step” has an unknown value “selling”."));
    CHECK(has(l, "assessment.json:3: The step “research” has too few statements: it needs at least 2."));
}

TEST_CASE("assessment rule: each step has at least two statements", "[assessment]") {
    // map-buyers moved from research to relationship: research keeps one (know-goals)
    only(load(with(kAssessmentText, R"("step": "research", "side": "right")", R"("step": "relationship", "side": "right")")), ContentProblem::too_few_in_step,
         "assessment.json:3: The step “research” has too few statements: it needs at least 2.");
}

TEST_CASE("assessment rule: each side has at least four statements", "[assessment]") {
    // two of the five right-brain statements moved to the left: three stay
    const std::string text = with(with(kAssessmentText, R"("step": "relationship", "side": "right", "link")", R"("step": "relationship", "side": "left", "link")"),
                                  R"("step": "marketing", "side": "right")", R"("step": "marketing", "side": "left")");
    only(load(text), ContentProblem::too_few_on_side, "assessment.json:10: Too few statements have the side “right”: at least 4 are needed.");
    const AssessmentLoad zh = load(text);
    CHECK(all_errors(zh.errors, Lang::zh) == "assessment.json 第 10 行：“side”为“right”的陈述太少，至少要 4 条。\n");
}

TEST_CASE("assessment rule: at least three statements about the buying team", "[assessment]") {
    only(load(with(kAssessmentText, R"(, "buying_team": true, "link": {"lesson": "six-steps")", R"(, "link": {"lesson": "six-steps")")), ContentProblem::too_few_buying_team,
         "assessment.json:10: Too few statements have “buying_team”: at least 3 are needed.");
}

TEST_CASE("assessment rule: at least one and at most half of the statements reversed", "[assessment]") {
    std::size_t count = 0;
    const std::string none = with_all(kAssessmentText, R"("reversed": true, )", "", count);
    REQUIRE(count == 2);
    only(load(none), ContentProblem::reversed_count, "assessment.json:10: 0 statements are reversed; there must be at least 1 and at most 6 (half of the statements).");
    // the ten frequency statements reversed too: 12 of 13, and half of 13 is 6
    const std::string most = with_all(kAssessmentText, R"("scale": "frequency", )", R"("scale": "frequency", "reversed": true, )", count);
    REQUIRE(count == 10);
    only(load(most), ContentProblem::reversed_count, "assessment.json:10: 12 statements are reversed; there must be at least 1 and at most 6 (half of the statements).");
}

TEST_CASE("assessment rule: 12 to 40 statements", "[assessment]") {
    // review-account dropped: 12 are left, still enough; talk-value dropped too: 11
    const std::string twelve = with(kAssessmentText, ",\n" + line_of(kAssessmentText, 23), "");
    CHECK(load(twelve).errors.size() == 1);  // repeat-sale is left with one
    const std::string eleven = with(twelve, line_of(kAssessmentText, 16) + "\n", "");
    const AssessmentLoad few = load(eleven);
    INFO(all_errors(few.errors));
    CHECK(has(few, "assessment.json:10: “statements” has too few entries: it needs at least 12."));

    // 28 more, balanced (two per step at least stays true): 41
    std::string extra;
    for (int i = 0; i < 28; ++i)
        extra += ",\n  {\"id\": \"extra-" + std::to_string(i) +
                 R"(", "text": {"zh": "多一条。", "en": "One more."}, "scale": "frequency", "step": "closing", "side": "left", "link": {"lesson": "six-steps", "page": "practice"}})";
    const AssessmentLoad many = load(with(kAssessmentText, "\n ]}", extra + "\n ]}"));
    only(many, ContentProblem::too_many, "assessment.json:10: “statements” has too many entries: it takes at most 40.");
}

TEST_CASE("assessment rule: a link names a lesson of the course and a page of it", "[assessment]") {
    only(load(with(kAssessmentText, R"("lesson": "six-steps", "page": "practice")", R"("lesson": "team-building", "page": "practice")")), ContentProblem::unknown_lesson,
         "assessment.json:22: There is no lesson with the id “team-building”.");
    only(load(with(kAssessmentText, R"("lesson": "six-steps", "page": "practice")", R"("lesson": "six-steps", "page": "kpi-logic")")), ContentProblem::unknown_page,
         "assessment.json:22: The lesson “six-steps” has no page with the id “kpi-logic”.");
    only(load(with(kAssessmentText, R"("lesson": "six-steps", "page": "practice")", R"("lesson": "six-steps", "page": "")")), ContentProblem::empty,
         "assessment.json:22: “statements[11].link.page” is empty.");
}

TEST_CASE("assessment rule: every problem at once, and then no assessment", "[assessment]") {
    const std::string text = with(with(kAssessmentText, R"("id": "know-goals")", R"("id": "Know")"), R"("page": "practice")", R"("page": "nowhere")");
    const AssessmentLoad l = load(text);
    INFO(all_errors(l.errors));
    CHECK(l.errors.size() == 2);
    CHECK_FALSE(l.assessment.has_value());
    CHECK(has(l, "assessment.json:11: The id “Know” may only use lowercase letters, digits and hyphens."));
    CHECK(has(l, "assessment.json:22: The lesson “six-steps” has no page with the id “nowhere”."));
}

TEST_CASE("the assessment's problems in Chinese", "[assessment]") {
    const std::string swapped = with_line(with_line(kAssessmentText, 5, line_of(kAssessmentText, 6)), 6, line_of(kAssessmentText, 5));
    CHECK(all_errors(load(swapped).errors, Lang::zh) ==
          "assessment.json 第 5 行：“steps”必须依次是这六步：research、relationship、marketing、closing、collection、repeat-sale；"
          "现在是：research, relationship, closing, marketing, collection, repeat-sale。\n");
    CHECK(all_errors(load(with(kAssessmentText, R"("step": "research", "side": "right")", R"("step": "relationship", "side": "right")")).errors, Lang::zh) ==
          "assessment.json 第 3 行：步骤“research”的陈述太少，至少要 2 条。\n");
    std::size_t count = 0;
    CHECK(all_errors(load(with_all(kAssessmentText, R"("reversed": true, )", "", count)).errors, Lang::zh) ==
          "assessment.json 第 10 行：反向计分（reversed）的陈述有 0 条，应至少 1 条、最多 6 条（陈述总数的一半）。\n");
    CHECK(all_errors(load(with(kAssessmentText, R"(, "buying_team": true, "link": {"lesson": "six-steps")", R"(, "link": {"lesson": "six-steps")")).errors, Lang::zh) ==
          "assessment.json 第 10 行：标了“buying_team”的陈述太少，至少要 3 条。\n");
}

// ---- the course's own assessment ----

TEST_CASE("the assessment in content/ loads against the course without a problem", "[assessment]") {
    const std::vector<SourceFile> files = coach::test::content_files();
    const CourseLoad course = load_course_files(files);
    REQUIRE(course.ok());
    const std::string text = coach::test::read_source_file("content/assessment.json");
    const AssessmentLoad l = load_assessment(text, "assessment.json", course.course);
    INFO(all_errors(l.errors));
    REQUIRE(l.errors.empty());
    REQUIRE(l.assessment.has_value());
    CHECK(l.assessment->statements.size() >= 12);
    // Every statement can be scored and sends the learner to a page that exists.
    for (const Statement& s : l.assessment->statements) {
        CAPTURE(s.id);
        const Lesson* lesson = course.course.lesson(s.link.lesson);
        REQUIRE(lesson != nullptr);
        CHECK(std::any_of(lesson->pages.begin(), lesson->pages.end(), [&](const Page& p) { return p.id == s.link.page; }));
    }
}
