// quiz_parse: reads quizzes into the structures of course.h, from content/'s quizzes/ folder
// (one file per quiz, "<n>-<quiz id>.json", ordered by n), from a quiz bundle
// (load_quiz_bundle) or from a course bundle's own "quizzes" list. Like the lessons' reader,
// it collects every problem with its file and line and keeps going with what it has.
//
// What it checks itself is what only the text shows: missing fields and translations, wrong
// types, unknown item types and voices, malformed ids, a file named unlike its quiz, and the
// numbers that must lie in a range (pass_mark, an ending's score). The rules over a quiz as a
// whole (answer keys, counts, scenario paths, links into the lessons) are quiz_validate.cpp's,
// called on every quiz read here. The format is described in content/README.md.
#include <optional>

#include "content_parser.h"
#include "course.h"
#include "course_detail.h"

namespace coach {

using namespace course_detail;

namespace {

using Type = JsonValue::Type;

std::optional<QuizItemKind> item_kind(std::string_view type) {
    if (type == "single") return QuizItemKind::single_choice;
    if (type == "multiple") return QuizItemKind::multiple_choice;
    if (type == "true_false") return QuizItemKind::true_false;
    if (type == "ordering") return QuizItemKind::ordering;
    if (type == "matching") return QuizItemKind::matching;
    if (type == "scenario") return QuizItemKind::scenario;
    return std::nullopt;
}

void parse_options(const Parser& p, const JsonValue& v, const std::string& path, QuizItem& item) {
    p.each(v, "options", path, [&](const JsonValue& ov, const std::string& name) {
        ChoiceOption o;
        o.id = p.id(ov, name);
        o.text = p.text(ov, "text", name);
        o.feedback = p.text(ov, "feedback", name);
        // A wrong option may leave "correct" out.
        if (const JsonValue* correct = p.optional_field(ov, "correct", Type::boolean, name)) o.correct = p.boolean(*correct);
        item.options.push_back(std::move(o));
    });
}

// The file gives the answer and the feedback for each choice; the two options are the same
// for every true/false item.
void parse_true_false(const Parser& p, const JsonValue& v, const std::string& path, QuizItem& item) {
    bool answer = false;
    if (const JsonValue* a = p.field(v, "answer", Type::boolean, path)) answer = p.boolean(*a);
    Text if_true, if_false;
    if (const JsonValue* feedback = p.field(v, "feedback", Type::object, path)) {
        const std::string name = Parser::join(path, "feedback");
        if_true = p.text(*feedback, "true", name);
        if_false = p.text(*feedback, "false", name);
    }
    item.options = {
        ChoiceOption{.id = "true", .text = {"对", "True", item.where}, .feedback = std::move(if_true), .correct = answer},
        ChoiceOption{.id = "false", .text = {"错", "False", item.where}, .feedback = std::move(if_false), .correct = !answer},
    };
}

void parse_steps(const Parser& p, const JsonValue& v, const std::string& path, QuizItem& item) {
    p.each(v, "steps", path, [&](const JsonValue& sv, const std::string& name) {
        OrderStep s;
        s.id = p.id(sv, name);
        s.text = p.text(sv, "text", name);
        s.feedback = p.text(sv, "feedback", name);
        item.steps.push_back(std::move(s));
    });
}

void parse_pairs(const Parser& p, const JsonValue& v, const std::string& path, QuizItem& item) {
    p.each(v, "pairs", path, [&](const JsonValue& pv, const std::string& name) {
        MatchPair m;
        m.id = p.id(pv, name);
        m.left = p.text(pv, "left", name);
        m.right = p.text(pv, "right", name);
        m.feedback = p.text(pv, "feedback", name);
        item.pairs.push_back(std::move(m));
    });
}

void parse_scenario(const Parser& p, const JsonValue& v, const std::string& path, QuizItem& item) {
    Scenario& s = item.scenario;
    if (const JsonValue* start = p.field(v, "start", Type::string, path)) s.start = start->text;
    p.each(v, "nodes", path, [&](const JsonValue& nv, const std::string& name) {
        ScenarioNode node;
        node.id = p.id(nv, name);
        node.speaker = p.text(nv, "speaker", name);
        node.prompt = p.text(nv, "prompt", name);
        p.each(nv, "replies", name, [&](const JsonValue& rv, const std::string& rname) {
            ScenarioReply r;
            r.id = p.id(rv, rname);
            r.text = p.text(rv, "text", rname);
            r.feedback = p.text(rv, "feedback", rname);
            if (const JsonValue* next = p.field(rv, "next", Type::string, rname)) r.next = next->text;
            node.replies.push_back(std::move(r));
        });
        s.nodes.push_back(std::move(node));
    });
    p.each(v, "endings", path, [&](const JsonValue& ev, const std::string& name) {
        ScenarioEnding e;
        e.id = p.id(ev, name);
        e.outcome = p.text(ev, "outcome", name);
        if (const JsonValue* score = p.field(ev, "score", Type::number, name)) {
            e.score = Parser::number(*score);
            if (!(e.score >= 0 && e.score <= 1)) {
                p.fail(*score, ContentProblem::bad_score, Parser::join(name, "score"), score->text);
                e.score = 0;
            }
        }
        s.endings.push_back(std::move(e));
    });
}

QuizItem parse_item(const Parser& p, const JsonValue& v, const std::string& path, SourceRef& link_ref) {
    QuizItem item;
    item.where = p.at(v);
    item.id = p.id(v, path);
    std::optional<QuizItemKind> kind;
    if (const JsonValue* type = p.field(v, "type", Type::string, path)) {
        kind = item_kind(type->text);
        if (kind) item.kind = *kind;
        else p.fail(*type, ContentProblem::unknown_item_type, type->text);
    }
    if (const JsonValue* voice = p.field(v, "voice", Type::string, path)) {
        if (voice->text == "speaker") item.voice = Voice::speaker;
        else if (voice->text == "course") item.voice = Voice::course;
        else p.fail(*voice, ContentProblem::unknown_value, Parser::join(path, "voice"), voice->text);
    }
    item.prompt = p.text(v, "prompt", path);
    item.explanation = p.text(v, "explanation", path);
    link_ref = item.where;
    if (const JsonValue* link = p.field(v, "link", Type::object, path)) {
        link_ref = p.at(*link);
        const std::string name = Parser::join(path, "link");
        if (const JsonValue* lesson = p.field(*link, "lesson", Type::string, name)) item.link.lesson = lesson->text;
        if (const JsonValue* page = p.field(*link, "page", Type::string, name)) item.link.page = page->text;
    }
    // An item of an unknown type is reported once, not again for fields its type would need.
    if (!kind) return item;
    switch (*kind) {
        case QuizItemKind::single_choice:
        case QuizItemKind::multiple_choice: parse_options(p, v, path, item); break;
        case QuizItemKind::true_false: parse_true_false(p, v, path, item); break;
        case QuizItemKind::ordering: parse_steps(p, v, path, item); break;
        case QuizItemKind::matching: parse_pairs(p, v, path, item); break;
        case QuizItemKind::scenario: parse_scenario(p, v, path, item); break;
    }
    return item;
}

Quiz parse_quiz(const Parser& p, const JsonValue& v, const std::string& path, QuizRefs& refs) {
    Quiz q;
    q.where = p.at(v);
    q.id = p.id(v, path);
    q.title = p.text(v, "title", path);
    refs.lesson = q.where;
    // The mixed final quiz tests no one lesson.
    if (const JsonValue* lesson = p.optional_field(v, "lesson", Type::string, path)) {
        q.lesson = lesson->text;
        refs.lesson = p.at(*lesson);
    }
    if (const JsonValue* mark = p.optional_field(v, "pass_mark", Type::number, path)) {
        const double value = Parser::number(*mark);
        // 0 would pass an empty attempt.
        if (value > 0 && value <= 1) q.pass_mark = value;
        else p.fail(*mark, ContentProblem::bad_pass_mark, Parser::join(path, "pass_mark"), mark->text);
    }
    p.each(v, "items", path, [&](const JsonValue& iv, const std::string& name) {
        SourceRef link;
        q.items.push_back(parse_item(p, iv, name, link));
        refs.links.push_back(std::move(link));
    });
    return q;
}

}  // namespace

std::vector<Quiz> course_detail::read_quiz_files(const std::vector<SourceFile>& files, const Course& course, std::vector<ContentError>& errors) {
    std::vector<Quiz> quizzes;
    std::vector<QuizRefs> refs;
    for (const auto& [number, f] : ordered_files(files, kQuizDir)) {
        Parser p(f->name, f->text, errors);
        auto root = p.root();
        if (!root) continue;
        QuizRefs r;
        Quiz quiz = parse_quiz(p, *root, "", r);
        // A missing or malformed id is reported already; the file name cannot match it.
        if (!quiz.id.empty() && (number < 0 || numbered_file(f->name, kQuizDir)->second != quiz.id))
            errors.push_back({quiz.where, ContentProblem::file_name, quiz.id, "quiz"});
        quizzes.push_back(std::move(quiz));
        refs.push_back(std::move(r));
    }
    validate_quizzes(course, quizzes, refs, errors);
    return quizzes;
}

std::vector<Quiz> course_detail::read_quiz_list(const Parser& p, const JsonValue& list, const std::string& path, const Course& course,
                                                std::vector<ContentError>& errors) {
    std::vector<Quiz> quizzes;
    std::vector<QuizRefs> refs;
    for (std::size_t i = 0; i < list.items.size(); ++i) {
        const JsonValue& v = list.items[i];
        const std::string name = path + "[" + std::to_string(i) + "]";
        if (v.type != Type::object) {
            p.fail(v, ContentProblem::wrong_type, name, "object");
            continue;
        }
        QuizRefs r;
        quizzes.push_back(parse_quiz(p, v, name, r));
        refs.push_back(std::move(r));
    }
    validate_quizzes(course, quizzes, refs, errors);
    return quizzes;
}

void load_quiz_bundle(std::string_view text, std::string_view name, Course& course, std::vector<ContentError>& errors) {
    const std::size_t before = errors.size();
    Parser p(std::string(name), text, errors);
    auto root = p.root();
    if (!root) return;
    const JsonValue* format = root->find("format");
    if (format == nullptr || format->type != Type::string || format->text != kQuizBundleFormat) {
        p.fail(*root, ContentProblem::not_quizzes, {});
        return;
    }
    const JsonValue* list = p.field(*root, "quizzes", Type::array, "");
    if (list == nullptr) return;
    std::vector<Quiz> quizzes = read_quiz_list(p, *list, "quizzes", course, errors);
    // All or nothing: screens never see a quiz with a broken scenario or a dangling link.
    if (errors.size() != before) return;
    for (Quiz& q : quizzes) course.quizzes.push_back(std::move(q));
}

}  // namespace coach
