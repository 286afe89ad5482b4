// assessment_parse: reads content/assessment.json into the structures of assessment.h and
// checks it, collecting every problem with its file and line (the same Parser as the lessons
// and quizzes), so one run of the validator shows everything to fix.
//
// What the file must keep (content/README.md describes the format):
//   - every field present with its type, every text in Chinese and English;
//   - ids kebab-case, statement ids unique (results keep ratings by them);
//   - "steps" exactly the course's six, in its order (kSixSteps);
//   - "scale" frequency or agreement, "side" left or right, "step" one of the six;
//   - 12 to 40 statements; each step at least 2 (a step's score needs more than one voice),
//     each side at least 4, at least 3 about the buying team (1+2+1); at least one and at
//     most half of them reversed, so agreeing with everything cannot look like a good profile;
//   - each "link" names a lesson of the course and a page of that lesson.
// The assessment is returned only when there is no problem at all: screens never see a
// statement without its step or its page.
// Limits: whether the statements are well worded, and honestly reversed, is for people.
#include <algorithm>
#include <iterator>
#include <set>
#include <string>
#include <utility>

#include "assessment.h"
#include "content_parser.h"

namespace coach {

using namespace course_detail;

namespace {

using Type = JsonValue::Type;

// The counts the validator holds an assessment to (see the top of this file).
constexpr std::size_t kMinStatements = 12, kMaxStatements = 40;
constexpr std::size_t kMinPerStep = 2, kMinPerSide = 4, kMinBuyingTeam = 3;

// Where the file names things that are checked once everything is read.
struct Refs {
    SourceRef steps, statements;          // the two lists
    std::vector<SourceRef> step_entries;  // each step's entry
    std::vector<SourceRef> links;         // each statement's "link"
};

void parse_steps(const Parser& p, const JsonValue& root, Assessment& a, Refs& refs) {
    p.each(root, "steps", "", [&](const JsonValue& v, const std::string& name) {
        AssessmentStep step;
        step.id = p.id(v, name);
        step.name = p.text(v, "name", name);
        a.steps.push_back(std::move(step));
        refs.step_entries.push_back(p.at(v));
    });
}

Statement parse_statement(const Parser& p, const JsonValue& v, const std::string& path, SourceRef& link_ref) {
    Statement s;
    s.where = p.at(v);
    s.id = p.id(v, path);
    s.text = p.text(v, "text", path);
    if (const JsonValue* scale = p.field(v, "scale", Type::string, path)) {
        if (scale->text == "frequency") s.scale = RatingScale::frequency;
        else if (scale->text == "agreement") s.scale = RatingScale::agreement;
        else p.fail(*scale, ContentProblem::unknown_value, Parser::join(path, "scale"), scale->text);
    }
    if (const JsonValue* reversed = p.optional_field(v, "reversed", Type::boolean, path)) s.reversed = p.boolean(*reversed);
    if (const JsonValue* step = p.field(v, "step", Type::string, path)) {
        if (std::find(std::begin(kSixSteps), std::end(kSixSteps), step->text) != std::end(kSixSteps)) s.step = step->text;
        else p.fail(*step, ContentProblem::unknown_value, Parser::join(path, "step"), step->text);
    }
    if (const JsonValue* side = p.field(v, "side", Type::string, path)) {
        if (side->text == "left") s.side = BrainSide::left;
        else if (side->text == "right") s.side = BrainSide::right;
        else p.fail(*side, ContentProblem::unknown_value, Parser::join(path, "side"), side->text);
    }
    if (const JsonValue* team = p.optional_field(v, "buying_team", Type::boolean, path)) s.buying_team = p.boolean(*team);
    link_ref = s.where;
    if (const JsonValue* link = p.field(v, "link", Type::object, path)) {
        link_ref = p.at(*link);
        const std::string name = Parser::join(path, "link");
        // An empty id is reported here: later, empty means "missing, reported already".
        for (const auto& [key, id] : {std::pair{"lesson", &s.link.lesson}, std::pair{"page", &s.link.page}})
            if (const JsonValue* f = p.field(*link, key, Type::string, name)) {
                *id = f->text;
                if (f->text.empty()) p.fail(*f, ContentProblem::empty, Parser::join(name, key));
            }
    }
    return s;
}

// The six steps, in the course's order, and nothing else. Reported once, where the list first
// departs from them (or at the list when it is only short), showing what it holds.
void check_steps(const Assessment& a, const Refs& refs, std::vector<ContentError>& errors) {
    if (a.steps.empty()) return;  // the reader reported the empty list
    std::size_t first_wrong = a.steps.size();
    for (std::size_t i = 0; i < a.steps.size(); ++i)
        if (i >= std::size(kSixSteps) || a.steps[i].id != kSixSteps[i]) {
            first_wrong = i;
            break;
        }
    if (first_wrong == a.steps.size() && a.steps.size() == std::size(kSixSteps)) return;
    std::string found;
    for (const AssessmentStep& s : a.steps) found += (found.empty() ? "" : ", ") + s.id;
    const SourceRef& where = first_wrong < refs.step_entries.size() ? refs.step_entries[first_wrong] : refs.steps;
    errors.push_back({where, ContentProblem::wrong_steps, found, {}});
}

void check_link(const Course& course, const Statement& s, const SourceRef& where, std::vector<ContentError>& errors) {
    if (s.link.lesson.empty()) return;  // missing or empty: reported by the reader
    const Lesson* lesson = course.lesson(s.link.lesson);
    if (lesson == nullptr) {
        errors.push_back({where, ContentProblem::unknown_lesson, s.link.lesson, {}});
        return;
    }
    if (s.link.page.empty()) return;
    for (const Page& page : lesson->pages)
        if (page.id == s.link.page) return;
    errors.push_back({where, ContentProblem::unknown_page, s.link.page, s.link.lesson});
}

// The balance of the statements: how many, per step, per side, about the buying team, reversed.
void check_balance(const Assessment& a, const Refs& refs, std::vector<ContentError>& errors) {
    const std::size_t n = a.statements.size();
    if (n == 0) return;  // the reader reported the empty list
    if (n < kMinStatements) errors.push_back({refs.statements, ContentProblem::too_few, "statements", std::to_string(kMinStatements)});
    if (n > kMaxStatements) errors.push_back({refs.statements, ContentProblem::too_many, "statements", std::to_string(kMaxStatements)});

    for (std::size_t i = 0; i < a.steps.size(); ++i) {
        const std::string& id = a.steps[i].id;
        if (std::find(std::begin(kSixSteps), std::end(kSixSteps), id) == std::end(kSixSteps)) continue;  // wrong_steps says it
        const auto count = std::count_if(a.statements.begin(), a.statements.end(), [&](const Statement& s) { return s.step == id; });
        if (static_cast<std::size_t>(count) < kMinPerStep)
            errors.push_back({refs.step_entries[i], ContentProblem::too_few_in_step, id, std::to_string(kMinPerStep)});
    }
    std::size_t left = 0, right = 0, team = 0, reversed = 0;
    for (const Statement& s : a.statements) {
        (s.side == BrainSide::left ? left : right) += 1;
        team += s.buying_team;
        reversed += s.reversed;
    }
    if (left < kMinPerSide) errors.push_back({refs.statements, ContentProblem::too_few_on_side, "left", std::to_string(kMinPerSide)});
    if (right < kMinPerSide) errors.push_back({refs.statements, ContentProblem::too_few_on_side, "right", std::to_string(kMinPerSide)});
    if (team < kMinBuyingTeam) errors.push_back({refs.statements, ContentProblem::too_few_buying_team, {}, std::to_string(kMinBuyingTeam)});
    if (reversed < 1 || reversed > n / 2)
        errors.push_back({refs.statements, ContentProblem::reversed_count, std::to_string(reversed), std::to_string(n / 2)});
}

}  // namespace

const Statement* Assessment::statement(std::string_view id) const {
    for (const Statement& s : statements)
        if (s.id == id) return &s;
    return nullptr;
}

const AssessmentStep* Assessment::step(std::string_view id) const {
    for (const AssessmentStep& s : steps)
        if (s.id == id) return &s;
    return nullptr;
}

AssessmentLoad load_assessment(std::string_view text, std::string_view name, const Course& course) {
    AssessmentLoad load;
    std::vector<ContentError>& errors = load.errors;
    Parser p(std::string(name), text, errors);
    const auto root = p.root();
    if (!root) return load;

    Assessment a;
    Refs refs;
    a.where = p.at(*root);
    a.id = p.id(*root, "");
    a.title = p.text(*root, "title", "");
    a.about = p.text(*root, "about", "");
    // The lists' own lines, for the rules over all their entries; a list that is missing or
    // not a list is reported by the reader.
    refs.steps = refs.statements = a.where;
    if (const JsonValue* steps = root->find("steps")) refs.steps = p.at(*steps);
    if (const JsonValue* statements = root->find("statements")) refs.statements = p.at(*statements);

    parse_steps(p, *root, a, refs);
    p.each(*root, "statements", "", [&](const JsonValue& v, const std::string& path) {
        SourceRef link;
        a.statements.push_back(parse_statement(p, v, path, link));
        refs.links.push_back(std::move(link));
    });

    check_steps(a, refs, errors);
    std::set<std::string> ids;
    for (std::size_t i = 0; i < a.statements.size(); ++i) {
        const Statement& s = a.statements[i];
        if (!s.id.empty() && !ids.insert(s.id).second) errors.push_back({s.where, ContentProblem::duplicate_id, s.id, {}});
        check_link(course, s, refs.links[i], errors);
    }
    check_balance(a, refs, errors);

    if (errors.empty()) load.assessment = std::move(a);
    return load;
}

void for_each_text(const Assessment& assessment, const std::function<void(const Text&)>& fn) {
    fn(assessment.title);
    fn(assessment.about);
    for (const AssessmentStep& s : assessment.steps) fn(s.name);
    for (const Statement& s : assessment.statements) fn(s.text);
}

}  // namespace coach
