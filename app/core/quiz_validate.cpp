// quiz_validate: the rules a quiz must keep beyond the shape of its file, so that every item
// can be answered, scored and explained:
//   - quiz ids unique in the course, item ids unique in a quiz, and option, step, pair and
//     reply ids unique in their item (results and messages name them);
//   - the quiz's "lesson" and every item's link name a lesson (and a page of it) that exists;
//   - a single-choice item has exactly one right option, a multiple-choice item at least one
//     right and one wrong; options 2–6, steps 3–7, pairs 3–6, replies 2–4 per node;
//   - a scenario starts at one of its nodes, every node and ending can be reached from the
//     start, every node can still reach an ending (no loop without a way out), every reply
//     leads to a node or ending, node and ending ids are unique together, and at least one
//     ending scores 1 (there is a right way through);
//   - quiz text is plain: no glossary links ([[…|…]]).
// Problems are appended with the line of what they concern, never thrown.
// Limits: whether the text is good (feedback that says why, voice used honestly, typography)
// is for people and the typography test; wrong types and missing fields are the reader's.
#include <functional>
#include <map>
#include <set>
#include <string>

#include "course.h"
#include "course_detail.h"

namespace coach {

using namespace course_detail;

namespace {

struct Range {
    std::size_t min, max;
};

// An empty or missing list is reported by the reader already.
void check_count(std::size_t count, Range range, const SourceRef& where, const std::string& name, std::vector<ContentError>& errors) {
    if (count == 0) return;
    if (count < range.min) errors.push_back({where, ContentProblem::too_few, name, std::to_string(range.min)});
    if (count > range.max) errors.push_back({where, ContentProblem::too_many, name, std::to_string(range.max)});
}

template <class Items, class Ref>
void check_unique(const Items& items, Ref where, std::vector<ContentError>& errors) {
    std::set<std::string> seen;
    for (const auto& item : items)
        if (!item.id.empty() && !seen.insert(item.id).second) errors.push_back({where(item), ContentProblem::duplicate_id, item.id, {}});
}

void check_link(const Course& course, const LessonLink& link, const SourceRef& where, std::vector<ContentError>& errors) {
    if (link.lesson.empty()) return;
    const Lesson* lesson = course.lesson(link.lesson);
    if (lesson == nullptr) {
        errors.push_back({where, ContentProblem::unknown_lesson, link.lesson, {}});
        return;
    }
    for (const Page& page : lesson->pages)
        if (page.id == link.page) return;
    if (!link.page.empty()) errors.push_back({where, ContentProblem::unknown_page, link.page, link.lesson});
}

void check_choices(const QuizItem& item, const std::string& path, std::vector<ContentError>& errors) {
    check_count(item.options.size(), {2, 6}, item.where, path + ".options", errors);
    check_unique(item.options, [](const ChoiceOption& o) { return o.text.where; }, errors);
    if (item.options.empty()) return;
    std::size_t right = 0;
    for (const ChoiceOption& o : item.options) right += o.correct;
    if (item.kind == QuizItemKind::single_choice && right != 1)
        errors.push_back({item.where, ContentProblem::bad_answer_key, item.id, "single"});
    if (item.kind == QuizItemKind::multiple_choice && (right == 0 || right == item.options.size()))
        errors.push_back({item.where, ContentProblem::bad_answer_key, item.id, "multiple"});
}

void check_scenario(const QuizItem& item, const std::string& path, std::vector<ContentError>& errors) {
    const Scenario& s = item.scenario;
    const auto node_ref = [](const ScenarioNode& n) { return n.speaker.where; };
    const auto ending_ref = [](const ScenarioEnding& e) { return e.outcome.where; };

    // Nodes and endings share one set of ids: a reply's "next" names either.
    std::set<std::string> ids;
    for (const ScenarioNode& n : s.nodes)
        if (!n.id.empty() && !ids.insert(n.id).second) errors.push_back({node_ref(n), ContentProblem::duplicate_id, n.id, {}});
    for (const ScenarioEnding& e : s.endings)
        if (!e.id.empty() && !ids.insert(e.id).second) errors.push_back({ending_ref(e), ContentProblem::duplicate_id, e.id, {}});

    for (std::size_t i = 0; i < s.nodes.size(); ++i) {
        const ScenarioNode& n = s.nodes[i];
        check_count(n.replies.size(), {2, 4}, node_ref(n), path + ".nodes[" + std::to_string(i) + "].replies", errors);
        check_unique(n.replies, [](const ScenarioReply& r) { return r.text.where; }, errors);
        for (const ScenarioReply& r : n.replies)
            if (!r.next.empty() && !ids.count(r.next)) errors.push_back({r.text.where, ContentProblem::unknown_next, r.id, r.next});
    }

    // Reached from the start, following every reply.
    const bool starts = !s.start.empty() && s.node(s.start) != nullptr;
    if (!s.start.empty() && !starts) errors.push_back({item.where, ContentProblem::unknown_start, s.start, {}});
    if (starts) {
        std::set<std::string> reached{s.start};
        std::vector<const ScenarioNode*> open{s.node(s.start)};
        while (!open.empty()) {
            const ScenarioNode* n = open.back();
            open.pop_back();
            for (const ScenarioReply& r : n->replies)
                if (reached.insert(r.next).second)
                    if (const ScenarioNode* next = s.node(r.next)) open.push_back(next);
        }
        for (const ScenarioNode& n : s.nodes)
            if (!reached.count(n.id)) errors.push_back({node_ref(n), ContentProblem::unreachable_node, n.id, {}});
        for (const ScenarioEnding& e : s.endings)
            if (!reached.count(e.id)) errors.push_back({ending_ref(e), ContentProblem::unreachable_node, e.id, "ending"});
    }

    // A node can end when a reply leads to an ending or to a node that can; grown until
    // nothing changes, what is left only loops.
    std::set<std::string> can_end;
    for (const ScenarioEnding& e : s.endings) can_end.insert(e.id);
    for (bool grew = true; grew;) {
        grew = false;
        for (const ScenarioNode& n : s.nodes) {
            if (can_end.count(n.id)) continue;
            for (const ScenarioReply& r : n.replies)
                if (can_end.count(r.next)) {
                    can_end.insert(n.id);
                    grew = true;
                    break;
                }
        }
    }
    for (const ScenarioNode& n : s.nodes)
        if (!can_end.count(n.id)) errors.push_back({node_ref(n), ContentProblem::endless_node, n.id, {}});

    bool full_score = false;
    for (const ScenarioEnding& e : s.endings) full_score = full_score || e.score >= 1;
    if (!s.endings.empty() && !full_score) errors.push_back({item.where, ContentProblem::no_full_score, item.id, {}});
}

// Quiz text is drawn as it is: a glossary link would show its brackets.
void check_plain(const Text& t, std::vector<ContentError>& errors) {
    for (const std::string* s : {&t.zh, &t.en}) {
        const std::size_t open = s->find("[[");
        if (open == std::string::npos) continue;
        const std::size_t close = s->find("]]", open);
        errors.push_back({t.where, ContentProblem::plain_text, s->substr(open, close == std::string::npos ? std::string::npos : close + 2 - open), {}});
        return;
    }
}

}  // namespace

void course_detail::for_each_text(const Quiz& quiz, const std::function<void(const Text&)>& fn) {
    fn(quiz.title);
    for (const QuizItem& item : quiz.items) {
        fn(item.prompt);
        fn(item.explanation);
        for (const ChoiceOption& o : item.options) {
            fn(o.text);
            fn(o.feedback);
        }
        for (const OrderStep& s : item.steps) {
            fn(s.text);
            fn(s.feedback);
        }
        for (const MatchPair& p : item.pairs) {
            fn(p.left);
            fn(p.right);
            fn(p.feedback);
        }
        for (const ScenarioNode& n : item.scenario.nodes) {
            fn(n.speaker);
            fn(n.prompt);
            for (const ScenarioReply& r : n.replies) {
                fn(r.text);
                fn(r.feedback);
            }
        }
        for (const ScenarioEnding& e : item.scenario.endings) fn(e.outcome);
    }
}

void course_detail::validate_quizzes(const Course& course, const std::vector<Quiz>& quizzes, const std::vector<QuizRefs>& refs,
                                     std::vector<ContentError>& errors) {
    std::set<std::string> quiz_ids;
    for (const Quiz& q : course.quizzes) quiz_ids.insert(q.id);
    for (std::size_t qi = 0; qi < quizzes.size(); ++qi) {
        const Quiz& quiz = quizzes[qi];
        const QuizRefs& ref = refs[qi];
        if (!quiz.id.empty() && !quiz_ids.insert(quiz.id).second) errors.push_back({quiz.where, ContentProblem::duplicate_id, quiz.id, {}});
        if (!quiz.lesson.empty() && course.lesson(quiz.lesson) == nullptr) errors.push_back({ref.lesson, ContentProblem::unknown_lesson, quiz.lesson, {}});
        check_unique(quiz.items, [](const QuizItem& i) { return i.where; }, errors);
        for (std::size_t i = 0; i < quiz.items.size(); ++i) {
            const QuizItem& item = quiz.items[i];
            const std::string path = "items[" + std::to_string(i) + "]";
            check_link(course, item.link, i < ref.links.size() ? ref.links[i] : item.where, errors);
            switch (item.kind) {
                case QuizItemKind::single_choice:
                case QuizItemKind::multiple_choice: check_choices(item, path, errors); break;
                case QuizItemKind::true_false: break;  // its two options are built, not written
                case QuizItemKind::ordering:
                    check_count(item.steps.size(), {3, 7}, item.where, path + ".steps", errors);
                    check_unique(item.steps, [](const OrderStep& s) { return s.text.where; }, errors);
                    break;
                case QuizItemKind::matching:
                    check_count(item.pairs.size(), {3, 6}, item.where, path + ".pairs", errors);
                    check_unique(item.pairs, [](const MatchPair& p) { return p.left.where; }, errors);
                    break;
                case QuizItemKind::scenario: check_scenario(item, path, errors); break;
            }
        }
        for_each_text(quiz, [&](const Text& t) { check_plain(t, errors); });
    }
}

}  // namespace coach
