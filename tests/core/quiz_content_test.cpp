// Quizzes as course content: read from content/quizzes/, checked by the validator's rules
// (each problem with its file and line), bundled apart from the course and read back.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "core/course.h"
#include "test_support.h"

using namespace coach;

namespace {

// The smallest course the quizzes can link into: one lesson with two pages.
std::vector<SourceFile> course_files() {
    return {
        {"course.json", R"({"id": "c", "title": {"zh": "课程", "en": "Course"}, "about": {"zh": "关于", "en": "About"}})"},
        {"quotes.json", R"({"quotes": [{"id": "q", "text": {"zh": "金句", "en": "Quote"}, "lesson": "six-steps"}]})"},
        {"glossary.json", R"({"terms": [{"id": "dso", "term": {"zh": "账期", "en": "DSO"}, "definition": {"zh": "天数", "en": "Days"}}]})"},
        {"lessons/1-six-steps.json", R"({"id": "six-steps", "title": {"zh": "六步", "en": "Six steps"}, "summary": {"zh": "摘要", "en": "Summary"},
  "pages": [{"id": "hub", "title": {"zh": "核心", "en": "Hub"}, "blocks": [{"kind": "paragraph", "voice": "course", "text": {"zh": "回款", "en": "Collect"}}]},
            {"id": "collect", "title": {"zh": "回款", "en": "Collect"}, "blocks": [{"kind": "paragraph", "voice": "course", "text": {"zh": "回款", "en": "Collect"}}]}]})"},
    };
}

// One item of every type, one per line (or a few), so each rule's line is known.
const std::string kQuiz = R"({"id": "six-steps", "title": {"zh": "六步法测验", "en": "Six steps quiz"}, "lesson": "six-steps", "pass_mark": 0.75,
 "items": [
  {"id": "single", "type": "single", "voice": "speaker", "prompt": {"zh": "核心是？", "en": "The hub?"}, "explanation": {"zh": "回款", "en": "Collection"}, "link": {"lesson": "six-steps", "page": "hub"},
   "options": [{"id": "a", "text": {"zh": "回款", "en": "Collection"}, "feedback": {"zh": "对", "en": "Yes"}, "correct": true},
               {"id": "b", "text": {"zh": "成单", "en": "Closing"}, "feedback": {"zh": "成单只是一步", "en": "One step only"}}]},
  {"id": "multiple", "type": "multiple", "voice": "course", "prompt": {"zh": "哪些？", "en": "Which?"}, "explanation": {"zh": "解释", "en": "Because"}, "link": {"lesson": "six-steps", "page": "collect"},
   "options": [{"id": "a", "text": {"zh": "甲", "en": "A"}, "feedback": {"zh": "甲", "en": "A"}, "correct": true},
               {"id": "b", "text": {"zh": "乙", "en": "B"}, "feedback": {"zh": "乙", "en": "B"}, "correct": false},
               {"id": "c", "text": {"zh": "丙", "en": "C"}, "feedback": {"zh": "丙", "en": "C"}, "correct": true}]},
  {"id": "yes-no", "type": "true_false", "voice": "course", "prompt": {"zh": "先发货？", "en": "Ship first?"}, "explanation": {"zh": "不", "en": "No"}, "link": {"lesson": "six-steps", "page": "collect"}, "answer": false,
   "feedback": {"true": {"zh": "会拖款", "en": "Payment slips"}, "false": {"zh": "先谈回款", "en": "Agree payment first"}}},
  {"id": "order", "type": "ordering", "voice": "speaker", "prompt": {"zh": "排序", "en": "Order"}, "explanation": {"zh": "顺序", "en": "Sequence"}, "link": {"lesson": "six-steps", "page": "hub"},
   "steps": [{"id": "research", "text": {"zh": "研究", "en": "Research"}, "feedback": {"zh": "先", "en": "First"}},
             {"id": "relate", "text": {"zh": "关系", "en": "Relate"}, "feedback": {"zh": "再", "en": "Then"}},
             {"id": "collect", "text": {"zh": "回款", "en": "Collect"}, "feedback": {"zh": "后", "en": "Later"}}]},
  {"id": "match", "type": "matching", "voice": "course", "prompt": {"zh": "配对", "en": "Match"}, "explanation": {"zh": "角色", "en": "Roles"}, "link": {"lesson": "six-steps", "page": "hub"},
   "pairs": [{"id": "user", "left": {"zh": "用户", "en": "User"}, "right": {"zh": "用", "en": "Uses"}, "feedback": {"zh": "用", "en": "Uses it"}},
             {"id": "payer", "left": {"zh": "财务", "en": "Payer"}, "right": {"zh": "付", "en": "Pays"}, "feedback": {"zh": "付", "en": "Pays it"}},
             {"id": "coach", "left": {"zh": "教练", "en": "Coach"}, "right": {"zh": "教", "en": "Guides"}, "feedback": {"zh": "教", "en": "Guides you"}}]},
  {"id": "talk", "type": "scenario", "voice": "course", "prompt": {"zh": "对话", "en": "Talk"}, "explanation": {"zh": "先旧后新", "en": "Old before new"}, "link": {"lesson": "six-steps", "page": "collect"}, "start": "n1",
   "nodes": [{"id": "n1", "speaker": {"zh": "财务", "en": "Finance"}, "prompt": {"zh": "下月付", "en": "Next month"}, "replies": [{"id": "a", "text": {"zh": "先付旧款", "en": "Old first"}, "feedback": {"zh": "好", "en": "Fine"}, "next": "n2"}, {"id": "b", "text": {"zh": "好的", "en": "Sure"}, "feedback": {"zh": "拖", "en": "Slips"}, "next": "lost"}]},
             {"id": "n2", "speaker": {"zh": "财务", "en": "Finance"}, "prompt": {"zh": "可以", "en": "All right"}, "replies": [{"id": "a", "text": {"zh": "谢谢", "en": "Thanks"}, "feedback": {"zh": "好", "en": "Good"}, "next": "kept"}, {"id": "b", "text": {"zh": "再打折", "en": "Discount"}, "feedback": {"zh": "亏", "en": "Loss"}, "next": "lost"}]}],
   "endings": [{"id": "kept", "outcome": {"zh": "款到，关系好", "en": "Paid, still friends"}, "score": 1},
               {"id": "lost", "outcome": {"zh": "款没到", "en": "Not paid"}, "score": 0.2}]}
 ]})";

constexpr const char* kName = "quizzes/1-six-steps.json";

// The quiz text with the first `from` replaced (the test fails if there is none).
std::string with(std::string text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

CourseLoad load_with(const std::vector<SourceFile>& quizzes) {
    std::vector<SourceFile> files = course_files();
    files.insert(files.end(), quizzes.begin(), quizzes.end());
    return load_course_files(files);
}
CourseLoad load_quiz(const std::string& text, const std::string& name = kName) { return load_with({{name, text}}); }

std::string all_errors(const std::vector<ContentError>& errors) {
    std::string out;
    for (const ContentError& e : errors) out += describe(e, Lang::en) + "\n";
    return out;
}

// Whether `errors` holds this problem at this line (of kName), about `subject`.
bool has(const std::vector<ContentError>& errors, ContentProblem problem, std::size_t line, const std::string& subject) {
    return std::any_of(errors.begin(), errors.end(), [&](const ContentError& e) {
        return e.problem == problem && e.where.line == line && e.subject == subject && e.where.file == kName;
    });
}

// The rule's problem, and nothing else.
void only(const CourseLoad& load, ContentProblem problem, std::size_t line, const std::string& subject) {
    INFO(all_errors(load.errors));
    CHECK(load.errors.size() == 1);
    CHECK(has(load.errors, problem, line, subject));
}

bool same_text(const Text& a, const Text& b) { return a.zh == b.zh && a.en == b.en; }

bool same_quiz(const Quiz& a, const Quiz& b) {
    if (a.id != b.id || !same_text(a.title, b.title) || a.lesson != b.lesson || a.pass_mark != b.pass_mark || a.items.size() != b.items.size()) return false;
    for (std::size_t i = 0; i < a.items.size(); ++i) {
        const QuizItem& x = a.items[i];
        const QuizItem& y = b.items[i];
        if (x.id != y.id || x.kind != y.kind || x.voice != y.voice || !same_text(x.prompt, y.prompt) || !same_text(x.explanation, y.explanation) ||
            !(x.link == y.link) || x.options.size() != y.options.size() || x.steps.size() != y.steps.size() || x.pairs.size() != y.pairs.size() ||
            x.scenario.start != y.scenario.start || x.scenario.nodes.size() != y.scenario.nodes.size() ||
            x.scenario.endings.size() != y.scenario.endings.size())
            return false;
        for (std::size_t k = 0; k < x.options.size(); ++k)
            if (x.options[k].id != y.options[k].id || !same_text(x.options[k].text, y.options[k].text) ||
                !same_text(x.options[k].feedback, y.options[k].feedback) || x.options[k].correct != y.options[k].correct)
                return false;
        for (std::size_t k = 0; k < x.steps.size(); ++k)
            if (x.steps[k].id != y.steps[k].id || !same_text(x.steps[k].text, y.steps[k].text) || !same_text(x.steps[k].feedback, y.steps[k].feedback)) return false;
        for (std::size_t k = 0; k < x.pairs.size(); ++k)
            if (x.pairs[k].id != y.pairs[k].id || !same_text(x.pairs[k].left, y.pairs[k].left) || !same_text(x.pairs[k].right, y.pairs[k].right) ||
                !same_text(x.pairs[k].feedback, y.pairs[k].feedback))
                return false;
        for (std::size_t k = 0; k < x.scenario.nodes.size(); ++k) {
            const ScenarioNode& m = x.scenario.nodes[k];
            const ScenarioNode& n = y.scenario.nodes[k];
            if (m.id != n.id || !same_text(m.speaker, n.speaker) || !same_text(m.prompt, n.prompt) || m.replies.size() != n.replies.size()) return false;
            for (std::size_t r = 0; r < m.replies.size(); ++r)
                if (m.replies[r].id != n.replies[r].id || m.replies[r].next != n.replies[r].next || !same_text(m.replies[r].text, n.replies[r].text) ||
                    !same_text(m.replies[r].feedback, n.replies[r].feedback))
                    return false;
        }
        for (std::size_t k = 0; k < x.scenario.endings.size(); ++k)
            if (x.scenario.endings[k].id != y.scenario.endings[k].id || x.scenario.endings[k].score != y.scenario.endings[k].score ||
                !same_text(x.scenario.endings[k].outcome, y.scenario.endings[k].outcome))
                return false;
    }
    return true;
}

}  // namespace

// ---- reading ----

TEST_CASE("a quiz file is read item by item, every type", "[quiz_content]") {
    const CourseLoad load = load_quiz(kQuiz);
    INFO(all_errors(load.errors));
    REQUIRE(load.ok());
    REQUIRE(load.course.quizzes.size() == 1);
    const Quiz& q = load.course.quizzes[0];
    CHECK(q.id == "six-steps");
    CHECK(q.title.en == "Six steps quiz");
    CHECK(q.lesson == "six-steps");
    CHECK(q.pass_mark == 0.75);
    CHECK(load.course.quiz("six-steps") == &q);
    REQUIRE(q.items.size() == 6);

    const QuizItem& single = q.items[0];
    CHECK(single.kind == QuizItemKind::single_choice);
    CHECK(single.voice == Voice::speaker);
    CHECK(single.where.line == 3);
    CHECK(single.prompt.zh == "核心是？");
    CHECK(single.link == LessonLink{"six-steps", "hub"});
    REQUIRE(single.options.size() == 2);
    CHECK(single.options[0].correct);
    CHECK_FALSE(single.options[1].correct);  // "correct" left out
    CHECK(single.options[1].feedback.en == "One step only");

    const QuizItem& multiple = q.items[1];
    CHECK(multiple.kind == QuizItemKind::multiple_choice);
    CHECK(multiple.voice == Voice::course);
    REQUIRE(multiple.options.size() == 3);
    CHECK((multiple.options[0].correct && !multiple.options[1].correct && multiple.options[2].correct));

    const QuizItem& yes_no = q.items[2];
    CHECK(yes_no.kind == QuizItemKind::true_false);
    REQUIRE(yes_no.options.size() == 2);
    CHECK(yes_no.options[0].id == "true");
    CHECK((yes_no.options[0].text.zh == "对" && yes_no.options[0].text.en == "True"));
    CHECK(yes_no.options[0].feedback.en == "Payment slips");
    CHECK_FALSE(yes_no.options[0].correct);
    CHECK(yes_no.options[1].id == "false");
    CHECK((yes_no.options[1].text.zh == "错" && yes_no.options[1].text.en == "False"));
    CHECK(yes_no.options[1].feedback.zh == "先谈回款");
    CHECK(yes_no.options[1].correct);

    const QuizItem& order = q.items[3];
    CHECK(order.kind == QuizItemKind::ordering);
    REQUIRE(order.steps.size() == 3);
    CHECK((order.steps[0].id == "research" && order.steps[2].id == "collect"));
    CHECK(order.steps[1].feedback.en == "Then");

    const QuizItem& match = q.items[4];
    CHECK(match.kind == QuizItemKind::matching);
    REQUIRE(match.pairs.size() == 3);
    CHECK((match.pairs[1].left.en == "Payer" && match.pairs[1].right.en == "Pays"));

    const QuizItem& talk = q.items[5];
    CHECK(talk.kind == QuizItemKind::scenario);
    CHECK(talk.where.line == 20);
    const Scenario& s = talk.scenario;
    CHECK(s.start == "n1");
    REQUIRE(s.nodes.size() == 2);
    CHECK(s.nodes[0].speaker.en == "Finance");
    REQUIRE(s.nodes[0].replies.size() == 2);
    CHECK(s.nodes[0].replies[0].next == "n2");
    CHECK(s.nodes[1].replies[0].feedback.en == "Good");
    REQUIRE(s.endings.size() == 2);
    CHECK(s.ending("kept")->score == 1.0);
    CHECK(s.ending("lost")->score == 0.2);
}

TEST_CASE("a quiz without a pass mark passes at 80 %, and a final quiz names no lesson", "[quiz_content]") {
    const std::string final_quiz = with(with(kQuiz, R"("lesson": "six-steps", "pass_mark": 0.75,)", ""), R"("id": "six-steps")", R"("id": "final")");
    const CourseLoad load = load_with({{kName, kQuiz}, {"quizzes/2-final.json", final_quiz}});
    INFO(all_errors(load.errors));
    REQUIRE(load.ok());
    REQUIRE(load.course.quizzes.size() == 2);
    CHECK(load.course.quizzes[1].id == "final");
    CHECK(load.course.quizzes[1].lesson.empty());
    CHECK(load.course.quizzes[1].pass_mark == 0.8);
}

TEST_CASE("quiz files are ordered by their numbers", "[quiz_content]") {
    const std::string final_quiz = with(kQuiz, R"("id": "six-steps")", R"("id": "final")");
    const CourseLoad load = load_with({{"quizzes/10-final.json", final_quiz}, {"quizzes/2-six-steps.json", kQuiz}});
    INFO(all_errors(load.errors));
    REQUIRE(load.ok());
    REQUIRE(load.course.quizzes.size() == 2);
    CHECK(load.course.quizzes[0].id == "six-steps");
    CHECK(load.course.quizzes[1].id == "final");
}

// ---- the rules, one each ----

TEST_CASE("quiz rule: an unknown item type", "[quiz_content]") {
    only(load_quiz(with(kQuiz, R"("type": "ordering")", R"("type": "essay")")), ContentProblem::unknown_item_type, 12, "essay");
}

TEST_CASE("quiz rule: an unknown voice", "[quiz_content]") {
    only(load_quiz(with(kQuiz, R"("voice": "speaker")", R"("voice": "narrator")")), ContentProblem::unknown_value, 3, "items[0].voice");
}

TEST_CASE("quiz rule: an option id used twice in an item", "[quiz_content]") {
    only(load_quiz(with(kQuiz, R"({"id": "c", )", R"({"id": "b", )")), ContentProblem::duplicate_id, 9, "b");
}

TEST_CASE("quiz rule: a step, pair or reply id used twice in an item", "[quiz_content]") {
    only(load_quiz(with(kQuiz, R"({"id": "relate")", R"({"id": "research")")), ContentProblem::duplicate_id, 14, "research");
    only(load_quiz(with(kQuiz, R"({"id": "coach")", R"({"id": "user")")), ContentProblem::duplicate_id, 19, "user");
    only(load_quiz(with(kQuiz, R"({"id": "b", "text": {"zh": "好的")", R"({"id": "a", "text": {"zh": "好的")")), ContentProblem::duplicate_id, 21, "a");
}

TEST_CASE("quiz rule: an item id used twice in a quiz", "[quiz_content]") {
    only(load_quiz(with(kQuiz, R"({"id": "match")", R"({"id": "order")")), ContentProblem::duplicate_id, 16, "order");
}

TEST_CASE("quiz rule: a quiz id used twice in the course", "[quiz_content]") {
    const CourseLoad load = load_with({{kName, kQuiz}, {"quizzes/2-six-steps.json", kQuiz}});
    INFO(all_errors(load.errors));
    REQUIRE(load.errors.size() == 1);
    CHECK(load.errors[0].problem == ContentProblem::duplicate_id);
    CHECK(load.errors[0].where.file == "quizzes/2-six-steps.json");
    CHECK(load.errors[0].where.line == 1);
}

TEST_CASE("quiz rule: a scenario node that cannot be reached", "[quiz_content]") {
    // n1 now skips n2.
    const CourseLoad load = load_quiz(with(kQuiz, R"("next": "n2")", R"("next": "kept")"));
    only(load, ContentProblem::unreachable_node, 22, "n2");
    CHECK(describe(load.errors[0], Lang::en) == "quizzes/1-six-steps.json:22: The scenario node “n2” cannot be reached from the start.");
    CHECK(describe(load.errors[0], Lang::zh) == "quizzes/1-six-steps.json 第 22 行：情景对话的节点“n2”从开头无法到达。");
}

TEST_CASE("quiz rule: a scenario ending that cannot be reached", "[quiz_content]") {
    // Nothing leads to "lost" any more (n1's second reply goes on to n2).
    const CourseLoad load = load_quiz(with(with(kQuiz, R"("next": "lost")", R"("next": "n2")"), R"("next": "lost")", R"("next": "kept")"));
    only(load, ContentProblem::unreachable_node, 24, "lost");
    CHECK_THAT(describe(load.errors[0], Lang::en), Catch::EndsWith("The scenario ending “lost” cannot be reached from the start."));
}

TEST_CASE("quiz rule: a scenario node from which no ending can be reached", "[quiz_content]") {
    // n2 answers only back to itself: the conversation loops for ever.
    const std::string looping = with(with(kQuiz, R"("next": "kept")", R"("next": "n2")"), R"("next": "lost"}]}],)", R"("next": "n2"}]}],)");
    const CourseLoad load = load_quiz(looping);
    INFO(all_errors(load.errors));
    CHECK(has(load.errors, ContentProblem::endless_node, 22, "n2"));
    CHECK(has(load.errors, ContentProblem::unreachable_node, 23, "kept"));  // the way to it was the loop's exit
    CHECK_FALSE(has(load.errors, ContentProblem::endless_node, 21, "n1"));  // n1 can still end ("lost")
    CHECK(load.errors.size() == 2);
}

TEST_CASE("quiz rule: a reply leading to an unknown id", "[quiz_content]") {
    const CourseLoad load = load_quiz(with(kQuiz, R"("next": "lost"}]}],)", R"("next": "gone"}]}],)"));
    only(load, ContentProblem::unknown_next, 22, "b");
    CHECK(load.errors[0].detail == "gone");
    CHECK_THAT(describe(load.errors[0], Lang::en), Catch::EndsWith("The reply “b” leads to “gone”, which is no node or ending of this scenario."));
}

TEST_CASE("quiz rule: a scenario that starts at no node", "[quiz_content]") {
    only(load_quiz(with(kQuiz, R"("start": "n1")", R"("start": "kept")")), ContentProblem::unknown_start, 20, "kept");
}

TEST_CASE("quiz rule: node and ending ids are unique together", "[quiz_content]") {
    const CourseLoad load = load_quiz(with(kQuiz, R"({"id": "kept", )", R"({"id": "n2", )"));
    INFO(all_errors(load.errors));
    CHECK(has(load.errors, ContentProblem::duplicate_id, 23, "n2"));
}

TEST_CASE("quiz rule: a scenario needs an ending with the score 1", "[quiz_content]") {
    only(load_quiz(with(kQuiz, R"("score": 1})", R"("score": 0.9})")), ContentProblem::no_full_score, 20, "talk");
}

TEST_CASE("quiz rule: an ending's score lies from 0 to 1", "[quiz_content]") {
    const CourseLoad load = load_quiz(with(kQuiz, R"("score": 0.2)", R"("score": 1.5)"));
    only(load, ContentProblem::bad_score, 24, "items[5].endings[1].score");
    CHECK(load.errors[0].detail == "1.5");
}

TEST_CASE("quiz rule: replies per node, 2 to 4", "[quiz_content]") {
    const std::string one_reply = with(kQuiz, R"(, {"id": "b", "text": {"zh": "再打折", "en": "Discount"}, "feedback": {"zh": "亏", "en": "Loss"}, "next": "lost"})", "");
    only(load_quiz(one_reply), ContentProblem::too_few, 22, "items[5].nodes[1].replies");
}

TEST_CASE("quiz rule: single choice has exactly one correct option", "[quiz_content]") {
    const CourseLoad two = load_quiz(with(kQuiz, R"("feedback": {"zh": "成单只是一步", "en": "One step only"}})",
                                          R"("feedback": {"zh": "成单只是一步", "en": "One step only"}, "correct": true})"));
    only(two, ContentProblem::bad_answer_key, 3, "single");
    CHECK_THAT(describe(two.errors[0], Lang::en), Catch::EndsWith("The single-choice item “single” must have exactly one correct option."));
    only(load_quiz(with(kQuiz, R"("correct": true},)", R"("correct": false},)")), ContentProblem::bad_answer_key, 3, "single");
}

TEST_CASE("quiz rule: multiple choice has a right and a wrong option", "[quiz_content]") {
    const CourseLoad all_right = load_quiz(with(kQuiz, R"("correct": false)", R"("correct": true)"));
    only(all_right, ContentProblem::bad_answer_key, 6, "multiple");
    CHECK(all_right.errors[0].detail == "multiple");
}

TEST_CASE("quiz rule: options 2 to 6, steps 3 to 7, pairs 3 to 6", "[quiz_content]") {
    // The lines stay where they were: only the entries go.
    only(load_quiz(with(kQuiz, R"("correct": true},
               {"id": "b", "text": {"zh": "成单", "en": "Closing"}, "feedback": {"zh": "成单只是一步", "en": "One step only"}}]},)",
                        R"("correct": true}
               ]},)")),
         ContentProblem::too_few, 3, "items[0].options");
    std::string seven;
    for (char c = 'd'; c <= 'g'; ++c) seven += std::string(R"(, {"id": ")") + c + R"(", "text": {"zh": "丁", "en": "D"}, "feedback": {"zh": "丁", "en": "D"}})";
    only(load_quiz(with(kQuiz, R"("correct": true}]},)", R"("correct": true})" + seven + "]},")), ContentProblem::too_many, 6, "items[1].options");
    only(load_quiz(with(kQuiz, R"(,
             {"id": "relate", "text": {"zh": "关系", "en": "Relate"}, "feedback": {"zh": "再", "en": "Then"}})", "")),
         ContentProblem::too_few, 12, "items[3].steps");
    only(load_quiz(with(kQuiz, R"("feedback": {"zh": "付", "en": "Pays it"}},
             {"id": "coach", "left": {"zh": "教练", "en": "Coach"}, "right": {"zh": "教", "en": "Guides"}, "feedback": {"zh": "教", "en": "Guides you"}}]},)",
                        R"("feedback": {"zh": "付", "en": "Pays it"}}
             ]},)")),
         ContentProblem::too_few, 16, "items[4].pairs");
}

TEST_CASE("quiz rule: a link to a lesson or page that does not exist", "[quiz_content]") {
    const CourseLoad no_page = load_quiz(with(kQuiz, R"("page": "hub")", R"("page": "hubb")"));
    only(no_page, ContentProblem::unknown_page, 3, "hubb");
    CHECK_THAT(describe(no_page.errors[0], Lang::en), Catch::EndsWith("The lesson “six-steps” has no page with the id “hubb”."));
    only(load_quiz(with(kQuiz, R"("link": {"lesson": "six-steps")", R"("link": {"lesson": "seven-steps")")), ContentProblem::unknown_lesson, 3, "seven-steps");
}

TEST_CASE("quiz rule: a quiz's lesson must exist", "[quiz_content]") {
    only(load_quiz(with(kQuiz, R"("lesson": "six-steps", "pass_mark")", R"("lesson": "six-step", "pass_mark")")), ContentProblem::unknown_lesson, 1, "six-step");
}

TEST_CASE("quiz rule: every text in both languages", "[quiz_content]") {
    const CourseLoad load = load_quiz(with(kQuiz, R"({"zh": "丙", "en": "C"}, "correct")", R"({"zh": "丙"}, "correct")"));
    only(load, ContentProblem::missing_translation, 9, "items[1].options[2].feedback");
    CHECK_THAT(describe(load.errors[0], Lang::en), Catch::EndsWith("“items[1].options[2].feedback” has no English text."));
    only(load_quiz(with(kQuiz, R"("false": {"zh": "先谈回款", "en": "Agree payment first"})", R"("false": {"en": "Agree payment first"})")),
         ContentProblem::missing_translation, 11, "items[2].feedback.false");
}

TEST_CASE("quiz rule: ids are kebab-case", "[quiz_content]") {
    only(load_quiz(with(kQuiz, R"({"id": "yes-no")", R"({"id": "Yes_No")")), ContentProblem::bad_id, 10, "Yes_No");
}

TEST_CASE("quiz rule: a true/false answer is true or false", "[quiz_content]") {
    const CourseLoad load = load_quiz(with(kQuiz, R"("answer": false)", R"("answer": "no")"));
    only(load, ContentProblem::wrong_type, 10, "items[2].answer");
    CHECK_THAT(describe(load.errors[0], Lang::en), Catch::EndsWith("“items[2].answer” should be true or false."));
}

TEST_CASE("quiz rule: the file is named after the quiz", "[quiz_content]") {
    const CourseLoad load = load_quiz(kQuiz, "quizzes/1-six-step.json");
    INFO(all_errors(load.errors));
    REQUIRE(load.errors.size() == 1);
    CHECK(load.errors[0].problem == ContentProblem::file_name);
    CHECK(describe(load.errors[0], Lang::en) == "quizzes/1-six-step.json:1: The quiz file should be named “<number>-six-steps.json”.");
    CHECK(load_quiz(kQuiz, "quizzes/six-steps.json").errors.size() == 1);  // no number
}

TEST_CASE("quiz rule: the pass mark is above 0 and at most 1", "[quiz_content]") {
    only(load_quiz(with(kQuiz, R"("pass_mark": 0.75)", R"("pass_mark": 0)")), ContentProblem::bad_pass_mark, 1, "pass_mark");
    const CourseLoad high = load_quiz(with(kQuiz, R"("pass_mark": 0.75)", R"("pass_mark": 80)"));
    only(high, ContentProblem::bad_pass_mark, 1, "pass_mark");
    CHECK_THAT(describe(high.errors[0], Lang::en), Catch::EndsWith("The pass mark “pass_mark” must be more than 0 and at most 1; it is 80."));
}

TEST_CASE("quiz rule: a quiz has items", "[quiz_content]") {
    const std::string empty = R"({"id": "six-steps", "title": {"zh": "测验", "en": "Quiz"},
 "items": []})";
    only(load_quiz(empty), ContentProblem::empty, 2, "items");
}

TEST_CASE("quiz rule: quiz text has no glossary links", "[quiz_content]") {
    const CourseLoad load = load_quiz(with(kQuiz, R"("explanation": {"zh": "不", "en": "No"})", R"("explanation": {"zh": "不", "en": "No, see [[DSO|dso]]"})"));
    only(load, ContentProblem::plain_text, 10, "[[DSO|dso]]");
}

// ---- bundles ----

TEST_CASE("the quiz bundle reads back as the same quizzes", "[quiz_content]") {
    const std::string final_quiz = with(with(kQuiz, R"("lesson": "six-steps", "pass_mark": 0.75,)", ""), R"("id": "six-steps")", R"("id": "final")");
    std::vector<SourceFile> files = course_files();
    files.push_back({kName, kQuiz});
    files.push_back({"quizzes/2-final.json", final_quiz});
    const CourseLoad from_files = load_course_files(files);
    REQUIRE(from_files.ok());
    REQUIRE(from_files.course.quizzes.size() == 2);

    // The course as the app has it before the quizzes arrive.
    const CourseLoad course = load_course_bundle(bundle_course_files(files), "course.json");
    INFO(all_errors(course.errors));
    REQUIRE(course.ok());
    CHECK(course.course.quizzes.empty());
    Course shown = course.course;
    std::vector<ContentError> errors;
    load_quiz_bundle(bundle_quiz_files(files), "quizzes.json", shown, errors);
    INFO(all_errors(errors));
    REQUIRE(errors.empty());
    REQUIRE(shown.quizzes.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) CHECK(same_quiz(shown.quizzes[i], from_files.course.quizzes[i]));
    CHECK(shown.quizzes[1].item("talk")->scenario.ending("kept")->score == 1.0);
}

TEST_CASE("a quiz bundle is checked against the course it joins, all or nothing", "[quiz_content]") {
    std::vector<SourceFile> files = course_files();
    files.push_back({kName, kQuiz});
    const std::string bundle = bundle_quiz_files(files);

    // A course without the lesson the quiz tests and links to.
    Course other = load_quiz(kQuiz).course;
    other.quizzes.clear();
    other.lessons[0].id = "credit";
    std::vector<ContentError> errors;
    load_quiz_bundle(bundle, "quizzes.json", other, errors);
    INFO(all_errors(errors));
    CHECK(errors.size() == 7);  // the quiz's lesson, and each item's link
    CHECK(std::all_of(errors.begin(), errors.end(), [](const ContentError& e) { return e.problem == ContentProblem::unknown_lesson && e.where.file == "quizzes.json"; }));
    CHECK(other.quizzes.empty());

    // Loaded twice, the quiz ids clash with the ones the course has.
    Course course = load_quiz(kQuiz).course;
    errors.clear();
    load_quiz_bundle(bundle, "quizzes.json", course, errors);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].problem == ContentProblem::duplicate_id);
    CHECK(course.quizzes.size() == 1);
}

TEST_CASE("a file that is not a quiz bundle says so", "[quiz_content]") {
    Course course = load_course_files(course_files()).course;
    std::vector<ContentError> errors;
    load_quiz_bundle(bundle_course_files(course_files()), "quizzes.json", course, errors);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].problem == ContentProblem::not_quizzes);
    CHECK_THAT(describe(errors[0], Lang::en), Catch::Contains("This is not a Collection Coach quiz file"));
    errors.clear();
    load_quiz_bundle("{\"format\": \"collection-coach-quizzes\", \"quizzes\": [", "quizzes.json", course, errors);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].problem == ContentProblem::not_json);
    CHECK(course.quizzes.empty());
}

TEST_CASE("an instructor's course bundle may bring its own quizzes", "[quiz_content]") {
    std::string bundle = bundle_course_files(course_files());
    const std::size_t end = bundle.rfind('}');
    const std::string with_quizzes = bundle.substr(0, end) + ",\n\"quizzes\": [" + kQuiz + "]}\n";
    const CourseLoad load = load_course_bundle(with_quizzes, "my-course.json");
    INFO(all_errors(load.errors));
    REQUIRE(load.ok());
    REQUIRE(load.course.quizzes.size() == 1);
    CHECK(load.course.quizzes[0].items.size() == 6);

    // Checked by the same rules, with the bundle's own lines.
    const std::size_t quiz_line = static_cast<std::size_t>(std::count(with_quizzes.begin(), with_quizzes.begin() + static_cast<std::ptrdiff_t>(with_quizzes.find("\"quizzes\": [")), '\n')) + 1;
    const CourseLoad broken = load_course_bundle(with(with_quizzes, R"("next": "n2")", R"("next": "kept")"), "my-course.json");
    REQUIRE(broken.errors.size() == 1);
    CHECK(broken.errors[0].problem == ContentProblem::unreachable_node);
    CHECK(broken.errors[0].where.file == "my-course.json");
    CHECK(broken.errors[0].where.line == quiz_line + 21);  // line 22 of the quiz
}

TEST_CASE("a course bundle without quizzes still loads, and the built course carries none", "[quiz_content]") {
    std::vector<SourceFile> files = course_files();
    files.push_back({kName, kQuiz});
    const std::string bundle = bundle_course_files(files);
    CHECK(bundle.find("\"items\"") == std::string::npos);  // the first load stays small
    const CourseLoad load = load_course_bundle(bundle, "course.json");
    INFO(all_errors(load.errors));
    CHECK(load.ok());
    CHECK(load.course.quizzes.empty());
    CHECK(load.course.lessons.size() == 1);
}

TEST_CASE("the glyph check reads the quizzes too", "[quiz_content]") {
    const CourseLoad load = load_quiz(kQuiz);
    REQUIRE(load.ok());
    std::vector<ContentError> errors;
    check_glyphs(load.course, [](char32_t c) { return c != U'亏'; }, errors);  // only in a reply's feedback
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].where.file == kName);
    CHECK(errors[0].where.line == 22);
}

// ---- the course's own quizzes ----

TEST_CASE("the quizzes in content/ load without a problem", "[quiz_content]") {
    const std::vector<SourceFile> files = coach::test::content_files();
    const CourseLoad load = load_course_files(files);
    INFO(all_errors(load.errors));
    REQUIRE(load.ok());
    const Course& c = load.course;

    // One quiz per lesson, named after it, then the mixed final quiz.
    for (const Lesson& l : c.lessons) {
        CAPTURE(l.id);
        REQUIRE(c.quiz(l.id) != nullptr);
        CHECK(c.quiz(l.id)->lesson == l.id);
    }
    REQUIRE(c.quiz("final") != nullptr);
    CHECK(c.quiz("final")->lesson.empty());
    CHECK(c.quizzes.back().id == "final");

    std::size_t lesson_items = 0, scenarios = 0;
    for (const Quiz& q : c.quizzes) {
        if (!q.lesson.empty()) lesson_items += q.items.size();
        for (const QuizItem& item : q.items) scenarios += item.kind == QuizItemKind::scenario;
    }
    CHECK(lesson_items >= 45);
    CHECK(scenarios >= 2);

    // And through the bundles, as the app gets them.
    const CourseLoad shown = load_course_bundle(bundle_course_files(files), "course.json");
    REQUIRE(shown.ok());
    Course course = shown.course;
    std::vector<ContentError> errors;
    load_quiz_bundle(bundle_quiz_files(files), "quizzes.json", course, errors);
    INFO(all_errors(errors));
    REQUIRE(errors.empty());
    REQUIRE(course.quizzes.size() == c.quizzes.size());
    for (std::size_t i = 0; i < c.quizzes.size(); ++i) CHECK(same_quiz(course.quizzes[i], c.quizzes[i]));
}
