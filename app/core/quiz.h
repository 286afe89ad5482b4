// quiz: how an answer scores, and one learner's way through a quiz.
//
// A quiz is content (Quiz, QuizItem in course.h: what the course says); a session is the learner's state
// (QuizSession: what they answered, what was checked). They are kept apart so the session
// stays small plain data that can be stored, and `update(quiz, session, event)` is the only
// way a session changes, the way `navigate` moves the learner and `apply` changes the
// learner's document.
//
// Six kinds of item: single choice, multiple choice, true/false, ordering, matching and a
// scenario (a short branching conversation with a customer). Every answer is one
// QuizResponse, whatever the kind, so answers are stored and compared the same way.
//
// Scoring (each item from 0 to 1; none can be gamed by answering everything):
//   - single choice, true/false: 1 for the right option, else 0.
//   - multiple choice: share of the right options chosen − share of the wrong options
//     chosen, at least 0. Choosing every option scores 0 (1 − 1), choosing nothing 0, a
//     random choice 0 on average before the floor. (The plainer (right − wrong) / right
//     would pay 2/3 for ticking all four boxes of a three-right question.)
//   - ordering: over every pair of steps, (pairs in the right relative order − pairs in the
//     wrong order) / pairs in all, at least 0 (Kendall's tau, floored). The right order
//     scores 1, the reversed order 0, and a random order 0 on average before the floor.
//     A step left out counts as wrong in every pair it belongs to.
//   - matching: (right pairs − wrong pairs) / left items, at least 0. Matching a left item
//     to every right item gains one and loses the rest.
//   - scenario: the score of the ending the learner's replies lead to (0 if none yet).
// A quiz scores the mean of its items; it is passed when that mean reaches the pass mark.
//
// Session rules (what a learner can do, in the words of common quiz tools):
//   - AnswerItem sets the response of the current item while it is being answered. In a
//     scenario each AnswerItem is one reply (its first pick), appended to the path; reaching
//     an ending checks the item, since every reply has already shown its feedback.
//   - CheckItem scores a complete response (see `complete`). The first check is the one that
//     counts: retrying is for learning, and the record says what the learner knew.
//   - RetryItem clears a checked response to answer again (not after the solution is shown).
//   - ShowSolution reveals `solution(item)`; an item not yet checked then counts 0.
//   - NextItem / PreviousItem move between items (skipping is allowed; a skipped item counts
//     0); FinishQuiz scores everything and leaves the attempt record in the session.
// Limits: presentation (shuffling options, drawing, wording of the feedback screens) is the
// screens' job; checking quiz content for consistency is the content validator's.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "course.h"

namespace coach {

// One match made by the learner: left item `left` to right item `right` (indices).
struct MatchPick {
    std::uint32_t left = 0, right = 0;
    bool operator==(const MatchPick&) const = default;
};

// A learner's answer to one item, whatever its kind:
//   single choice, true/false: picks = {the option};  multiple choice: picks = the options;
//   ordering: picks = the step indices in the learner's order;  matching: matches;
//   scenario: picks = the reply chosen at each node, from the start.
struct QuizResponse {
    std::vector<std::uint32_t> picks;
    std::vector<MatchPick> matches;
    bool operator==(const QuizResponse&) const = default;
};

// Scoring, as described at the top. Indices out of range are ignored; repeats count once.
double score_item(const QuizItem& item, const QuizResponse& response);
// Whether a response is a whole answer that can be checked: one option; at least one option;
// every step once; every left item matched; a scenario at an ending.
bool complete(const QuizItem& item, const QuizResponse& response);
// The full-score answer (a scenario: the shortest path to its best ending).
QuizResponse solution(const QuizItem& item);

// Where a path of replies has led in a scenario.
struct ScenarioPlace {
    const ScenarioNode* node = nullptr;      // still talking: the node reached
    const ScenarioEnding* ending = nullptr;  // finished: the ending reached
    bool valid = true;                       // false if a reply index or a `next` id is unknown
};
ScenarioPlace walk(const Scenario& scenario, const std::vector<std::uint32_t>& replies);

// ---- the record of an attempt, ready to be stored ----

struct ItemAnswer {
    std::string item;  // item id
    QuizResponse response;
    double score = 0;             // the score that counts (the first check)
    std::uint32_t checks = 0;     // how many times the learner checked
    bool solution_shown = false;
    bool operator==(const ItemAnswer&) const = default;
};

struct AttemptRecord {
    std::string quiz;
    std::int64_t at = 0;  // ms since 1970, when the learner finished
    std::vector<ItemAnswer> answers;  // in quiz order
    double score = 0;                 // mean of the item scores
    bool passed = false;
    bool operator==(const AttemptRecord&) const = default;
};

double quiz_score(const std::vector<double>& item_scores);  // the mean; 0 for none
// Passed when the score reaches the mark; a mean that lands on the mark passes even if the
// division rounds it a hair below (4 items of 1, 1, 1, 0.2 against 0.8).
bool passed(double score, double pass_mark);

// The pages to reread: the links of items scored below 1, in quiz order, each once.
std::vector<LessonLink> pages_to_reread(const Quiz& quiz, const AttemptRecord& attempt);

// ---- the session ----

enum class ItemPhase { answering, checked, solution_shown };

struct ItemProgress {
    QuizResponse response;
    ItemPhase phase = ItemPhase::answering;
    bool scored = false;  // the first check (or the solution) has fixed `score`
    double score = 0;
    std::uint32_t checks = 0;
    bool operator==(const ItemProgress&) const = default;
};

struct QuizSession {
    std::string quiz;
    std::size_t current = 0;
    std::vector<ItemProgress> items;       // one per quiz item
    std::optional<AttemptRecord> attempt;  // set by FinishQuiz; the session is then closed
    bool finished() const { return attempt.has_value(); }
    bool operator==(const QuizSession&) const = default;
};

QuizSession start(const Quiz& quiz);

struct AnswerItem {
    QuizResponse response;
};
struct CheckItem {};
struct RetryItem {};
struct ShowSolution {};
struct NextItem {};
struct PreviousItem {};
struct GoToItem {  // from a list of the items
    std::size_t index = 0;
};
struct FinishQuiz {
    std::int64_t at = 0;  // ms since 1970
};
using QuizEvent = std::variant<AnswerItem, CheckItem, RetryItem, ShowSolution, NextItem, PreviousItem, GoToItem, FinishQuiz>;

// An event that does not apply (checking an incomplete answer, answering a checked item,
// anything after the finish) leaves the session as it was.
QuizSession update(const Quiz& quiz, QuizSession session, const QuizEvent& event);

}  // namespace coach
