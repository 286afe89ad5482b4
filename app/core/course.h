// course: the course as data (content/), loaded and checked by the same code in the build's
// content validator and in the app.
//
// Two ways in: the content/ folder as files (what instructors edit; the build checks it and
// bundles it), or bundle files (what the app loads: the built-in course.json and
// quizzes.json, or another course given with ?content=URL). Every problem is collected, not
// just the first, each with its file and line, so one run of the validator shows everything
// to fix.
//
// The bundles splice the checked files' own text in unchanged:
//   course.json   {"format":"collection-coach-course","version":1,"course":{…},
//                  "lessons":[{…},…],"quotes":{…},"glossary":{…}}
//                 with the first load, so it holds no quizzes. An instructor's course may
//                 add "quizzes":[{…},…] (each as in content/quizzes/), checked by the same
//                 rules; a bundle without the list is a course without quizzes.
//   quizzes.json  {"format":"collection-coach-quizzes","version":1,"quizzes":[{…},…]}
//                 the built-in quizzes, loaded after the first frame into the course already
//                 shown (their links name its lessons and pages).
//
// One file per job behind this interface: course_parse.cpp and quiz_parse.cpp read (the
// former owns the lookups by id), course_validate.cpp checks what spans files and the
// glyphs, quiz_validate.cpp the quiz rules, course_bundle.cpp writes the bundles,
// course_describe.cpp words a problem; course_detail.h and content_parser.h are what they
// share.
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "i18n.h"
#include "json_guard.h"

namespace coach {

struct SourceRef {
    std::string file;
    std::size_t line = 0;
};

// Text in both languages; Chinese is the source.
struct Text {
    std::string zh, en;
    SourceRef where;
    const std::string& in(Lang lang) const { return lang == Lang::zh ? zh : en; }
};

enum class BlockKind { paragraph, key_idea, list, example };
enum class Voice { speaker, course };  // the transcript's words, or the course's own explanation

struct Block {
    BlockKind kind = BlockKind::paragraph;
    Voice voice = Voice::course;
    Text text;               // paragraph, key_idea, example
    std::vector<Text> items; // list
};

struct Page {
    std::string id;
    Text title;
    std::vector<Block> blocks;
};

struct Lesson {
    std::string id;
    Text title, summary;
    std::vector<Page> pages;
};

struct Quote {
    std::string id;
    Text text;
    std::string lesson;  // the lesson that teaches it
};

struct Term {
    std::string id;
    Text term, definition;
};

// ---- quizzes (content/quizzes/; how they score and run is quiz.h) ----

enum class QuizItemKind { single_choice, multiple_choice, true_false, ordering, matching, scenario };

// Where a missed item is taught: a page of a lesson.
struct LessonLink {
    std::string lesson;  // lesson id
    std::string page;    // page id within it
    bool operator==(const LessonLink&) const = default;
};

// Single choice, multiple choice and true/false (two options: "对 / true" first, then
// "错 / false", exactly one of them right). Ids name options, steps, pairs and replies in
// exported results and in the validator's messages; answers refer to them by position.
struct ChoiceOption {
    std::string id;
    Text text;
    Text feedback;  // shown once checked, for this option
    bool correct = false;
};

// Ordering: the steps are listed in the right order; screens show them shuffled.
struct OrderStep {
    std::string id;
    Text text;
    Text feedback;  // why the step stands where it does
};

// Matching: left item i belongs with right item i; screens shuffle the right column.
struct MatchPair {
    std::string id;
    Text left, right;
    Text feedback;
};

// Scenario: nodes and endings share one set of ids; a reply leads to either.
struct ScenarioReply {
    std::string id;
    Text text;
    Text feedback;     // the customer's reaction, shown at once
    std::string next;  // a node id or an ending id
};
struct ScenarioNode {
    std::string id;
    Text speaker;  // who speaks: "客户的财务总监 / The customer's finance head"
    Text prompt;   // what they say
    std::vector<ScenarioReply> replies;
};
struct ScenarioEnding {
    std::string id;
    Text outcome;
    double score = 0;  // 0..1
};
struct Scenario {
    std::string start;  // the first node's id
    std::vector<ScenarioNode> nodes;
    std::vector<ScenarioEnding> endings;

    const ScenarioNode* node(std::string_view id) const;
    const ScenarioEnding* ending(std::string_view id) const;
};

struct QuizItem {
    std::string id;
    QuizItemKind kind = QuizItemKind::single_choice;
    Voice voice = Voice::course;  // the speaker's own case, or the course's question
    Text prompt;
    std::vector<ChoiceOption> options;  // single, multiple, true/false
    std::vector<OrderStep> steps;       // ordering
    std::vector<MatchPair> pairs;       // matching
    Scenario scenario;                  // scenario
    Text explanation;                   // shown once checked, whatever was answered
    LessonLink link;                    // the page to reread when missed
    SourceRef where;                    // the item's line in its file
};

struct Quiz {
    std::string id;
    Text title;
    std::string lesson;  // the lesson it tests; "" for the mixed final quiz
    std::vector<QuizItem> items;
    double pass_mark = 0.8;  // 0..1, from the file's "pass_mark" (80 % unless it says)
    SourceRef where;

    const QuizItem* item(std::string_view id) const;
};

struct Course {
    std::string id;
    Text title, about;
    std::vector<Lesson> lessons;
    std::vector<Quote> quotes;
    std::vector<Term> glossary;
    std::vector<Quiz> quizzes;  // one per lesson, then the mixed final quiz

    const Lesson* lesson(std::string_view id) const;
    const Term* term(std::string_view id) const;
    const Quiz* quiz(std::string_view id) const;
};

enum class ContentProblem {
    not_json, not_course, missing_field, wrong_type, missing_translation, empty, bad_id, duplicate_id,
    unknown_lesson, dangling_link, bad_link, link_mismatch, unknown_value, missing_glyph, file_name, fetch_failed,
    // quizzes
    not_quizzes, unknown_item_type, unknown_page, bad_answer_key, too_few, too_many, unknown_start, unknown_next,
    unreachable_node, endless_node, no_full_score, bad_pass_mark, bad_score, plain_text,
    // the self-assessment (assessment.h)
    wrong_steps, too_few_in_step, too_few_on_side, too_few_buying_team, reversed_count,
};

struct ContentError {
    SourceRef where;
    ContentProblem problem = ContentProblem::not_json;
    std::string subject;  // the field, id or character concerned
    std::string detail;   // the value found, the expected type, the language missing
    JsonCheck json{};     // for not_json: what the JSON reader found
};

// "lessons/1-six-steps.json:12: the field "title" is missing", in the reader's language.
std::string describe(const ContentError& error, Lang lang);

struct SourceFile {
    std::string name;  // relative to content/: "course.json", "lessons/1-six-steps.json", ...
    std::string text;
};

struct CourseLoad {
    Course course;
    std::vector<ContentError> errors;
    bool ok() const { return errors.empty(); }
};

// content/ as files: course.json, lessons/<n>-<id>.json (ordered by n), quotes.json,
// glossary.json, and quizzes/<n>-<id>.json (ordered by n; the folder may be absent).
CourseLoad load_course_files(const std::vector<SourceFile>& files);
// One course bundle, as bundle_course_files writes it, or with its own "quizzes".
CourseLoad load_course_bundle(std::string_view text, std::string_view name);
// The files as the course bundle (no quizzes: they load later, from bundle_quiz_files).
std::string bundle_course_files(const std::vector<SourceFile>& files);

// The quiz files among `files` as the quiz bundle.
std::string bundle_quiz_files(const std::vector<SourceFile>& files);
// Reads a quiz bundle and checks it against `course` (its lessons and pages, the quizzes it
// has); problems are appended to `errors`. The quizzes are added to course.quizzes only when
// there is none: all or nothing.
void load_quiz_bundle(std::string_view text, std::string_view name, Course& course, std::vector<ContentError>& errors);

// Reports every character of the course's text (quizzes included) that the font cannot show.
using HasGlyph = std::function<bool(char32_t)>;
void check_glyphs(const Course& course, const HasGlyph& has_glyph, std::vector<ContentError>& errors);

}  // namespace coach
