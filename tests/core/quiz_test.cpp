// Quizzes: how each kind of item scores, the session's flow, the attempt record and the
// pages to reread. Every expected score is worked out by hand in the comment beside it.
#include <catch2/catch.hpp>

#include "core/quiz.h"

using namespace coach;

namespace {

Text text(const char* zh, const char* en) { return Text{zh, en}; }

ChoiceOption option(bool correct) { return ChoiceOption{.text = text("选项", "option"), .feedback = text("反馈", "feedback"), .correct = correct}; }

QuizItem choice(std::string id, QuizItemKind kind, std::vector<bool> right, LessonLink link = {}) {
    QuizItem item{.id = std::move(id), .kind = kind, .prompt = text("问题", "question"), .link = std::move(link)};
    for (bool r : right) item.options.push_back(option(r));
    return item;
}

QuizItem ordering(std::size_t steps) {
    QuizItem item{.id = "order", .kind = QuizItemKind::ordering};
    item.steps.resize(steps);
    return item;
}

QuizItem matching(std::size_t pairs) {
    QuizItem item{.id = "match", .kind = QuizItemKind::matching};
    item.pairs.resize(pairs);
    return item;
}

// A customer says payment will be late.
//   open:      0 -> press-date, 1 -> give-in (0), 2 -> escalate (0.5)
//   press-date: 0 -> committed (1), 1 -> vague (0.4), 2 -> back to open
QuizItem late_payment(LessonLink link = {}) {
    QuizItem item{.id = "late-payment", .kind = QuizItemKind::scenario, .voice = Voice::speaker, .link = std::move(link)};
    ScenarioReply to_press{.next = "press-date"}, give_in{.next = "give-in"}, escalate{.next = "escalate"};
    ScenarioReply committed{.next = "committed"}, vague{.next = "vague"}, again{.next = "open"};
    item.scenario.start = "open";
    item.scenario.nodes = {
        ScenarioNode{.id = "open", .replies = {to_press, give_in, escalate}},
        ScenarioNode{.id = "press-date", .replies = {committed, vague, again}},
    };
    item.scenario.endings = {
        ScenarioEnding{.id = "give-in", .score = 0.0},
        ScenarioEnding{.id = "escalate", .score = 0.5},
        ScenarioEnding{.id = "committed", .score = 1.0},
        ScenarioEnding{.id = "vague", .score = 0.4},
    };
    return item;
}

QuizResponse picks(std::vector<std::uint32_t> p) { return QuizResponse{.picks = std::move(p)}; }
QuizResponse matches(std::vector<MatchPick> m) { return QuizResponse{.matches = std::move(m)}; }

QuizSession run(const Quiz& quiz, std::initializer_list<QuizEvent> events, QuizSession session) {
    for (const QuizEvent& e : events) session = update(quiz, session, e);
    return session;
}

}  // namespace

TEST_CASE("single choice and true/false score 1 for the right option, else 0", "[quiz]") {
    const QuizItem single = choice("s", QuizItemKind::single_choice, {false, true, false});
    CHECK(score_item(single, picks({1})) == 1.0);
    CHECK(score_item(single, picks({0})) == 0.0);
    CHECK(score_item(single, picks({})) == 0.0);
    CHECK(score_item(single, picks({1, 0})) == 0.0);  // two answers to a one-answer question
    CHECK(score_item(single, picks({7})) == 0.0);     // no such option
    CHECK(score_item(single, picks({1, 1})) == 1.0);  // the same option twice is one answer
    CHECK(solution(single) == picks({1}));

    const QuizItem truth = choice("tf", QuizItemKind::true_false, {false, true});  // the statement is false
    CHECK(score_item(truth, picks({1})) == 1.0);
    CHECK(score_item(truth, picks({0})) == 0.0);
    CHECK(complete(truth, picks({0})));
    CHECK_FALSE(complete(truth, picks({})));
}

TEST_CASE("multiple choice: share of right chosen minus share of wrong chosen, at least 0", "[quiz]") {
    const QuizItem three_right = choice("m", QuizItemKind::multiple_choice, {true, true, true, false});
    CHECK(score_item(three_right, picks({0, 1, 2})) == 1.0);
    CHECK(score_item(three_right, picks({0, 1, 2, 3})) == 0.0);  // everything: 3/3 - 1/1
    CHECK(score_item(three_right, picks({0, 1})) == Approx(2.0 / 3));
    CHECK(score_item(three_right, picks({0, 3})) == 0.0);        // 1/3 - 1/1, floored
    CHECK(score_item(three_right, picks({})) == 0.0);
    CHECK(score_item(three_right, picks({2, 2, 2})) == Approx(1.0 / 3));

    const QuizItem two_of_four = choice("m2", QuizItemKind::multiple_choice, {true, false, true, false});
    CHECK(score_item(two_of_four, picks({0, 1, 2, 3})) == 0.0);
    CHECK(score_item(two_of_four, picks({0, 1, 2})) == Approx(0.5));  // 2/2 - 1/2
    CHECK(score_item(two_of_four, picks({0})) == Approx(0.5));        // 1/2 - 0/2
    CHECK(solution(two_of_four) == picks({0, 2}));
    CHECK_FALSE(complete(two_of_four, picks({})));
    CHECK(complete(two_of_four, picks({3})));
}

TEST_CASE("ordering: pairs in the right order minus pairs in the wrong, over all pairs", "[quiz]") {
    const QuizItem four = ordering(4);  // 6 pairs
    CHECK(score_item(four, picks({0, 1, 2, 3})) == 1.0);
    CHECK(score_item(four, picks({3, 2, 1, 0})) == 0.0);               // 0 right, 6 wrong
    CHECK(score_item(four, picks({1, 0, 2, 3})) == Approx(4.0 / 6));   // 5 right, 1 wrong
    CHECK(score_item(four, picks({0, 2, 1, 3})) == Approx(4.0 / 6));
    CHECK(score_item(four, picks({1, 2, 3, 0})) == 0.0);               // 3 right, 3 wrong
    CHECK(score_item(four, picks({2, 3, 0, 1})) == 0.0);               // 2 right, 4 wrong, floored
    // Step 3 left out: its three pairs count wrong, the other three are right.
    CHECK(score_item(four, picks({0, 1, 2})) == 0.0);
    CHECK_FALSE(complete(four, picks({0, 1, 2})));
    CHECK_FALSE(complete(four, picks({0, 1, 2, 2})));
    CHECK(complete(four, picks({3, 1, 2, 0})));
    CHECK(solution(four) == picks({0, 1, 2, 3}));

    const QuizItem three = ordering(3);  // 3 pairs
    CHECK(score_item(three, picks({0, 2, 1})) == Approx(1.0 / 3));  // 2 right, 1 wrong
}

TEST_CASE("matching: right pairs minus wrong pairs, over the left items", "[quiz]") {
    const QuizItem four = matching(4);
    CHECK(score_item(four, matches({{0, 0}, {1, 1}, {2, 2}, {3, 3}})) == 1.0);
    CHECK(score_item(four, matches({{0, 1}, {1, 0}, {2, 2}, {3, 3}})) == 0.0);  // 2 right, 2 wrong
    CHECK(score_item(four, matches({{0, 0}, {1, 1}, {2, 2}})) == Approx(0.75));
    CHECK(score_item(four, matches({{0, 0}, {1, 1}, {2, 2}, {3, 0}})) == Approx(0.5));
    CHECK(score_item(four, matches({{0, 0}, {0, 0}, {1, 1}})) == Approx(0.5));  // a repeat counts once
    std::vector<MatchPick> everything;
    for (std::uint32_t l = 0; l < 4; ++l) {
        for (std::uint32_t r = 0; r < 4; ++r) everything.push_back({l, r});
    }
    CHECK(score_item(four, matches(everything)) == 0.0);  // 4 right, 12 wrong
    CHECK_FALSE(complete(four, matches(everything)));
    CHECK_FALSE(complete(four, matches({{0, 0}, {1, 1}, {2, 2}})));
    CHECK(complete(four, matches({{0, 3}, {1, 2}, {2, 1}, {3, 0}})));
    CHECK(score_item(four, solution(four)) == 1.0);
}

TEST_CASE("a scenario scores the ending its replies lead to", "[quiz]") {
    const QuizItem item = late_payment();
    CHECK(score_item(item, picks({1})) == 0.0);                  // give in
    CHECK(score_item(item, picks({2})) == Approx(0.5));          // escalate
    CHECK(score_item(item, picks({0, 0})) == 1.0);               // press for a date, get it
    CHECK(score_item(item, picks({0, 1})) == Approx(0.4));       // press, accept a vague answer
    CHECK(score_item(item, picks({0, 2, 0, 0})) == 1.0);         // back to the start, then the good path
    CHECK(score_item(item, picks({0})) == 0.0);                  // still talking
    CHECK_FALSE(complete(item, picks({0})));
    CHECK(complete(item, picks({0, 1})));

    CHECK(walk(item.scenario, {}).node->id == "open");
    CHECK(walk(item.scenario, {0}).node->id == "press-date");
    CHECK(walk(item.scenario, {0, 1}).ending->id == "vague");
    CHECK_FALSE(walk(item.scenario, {5}).valid);     // no such reply
    CHECK_FALSE(walk(item.scenario, {1, 0}).valid);  // nothing after an ending
    CHECK(solution(item) == picks({0, 0}));
}

TEST_CASE("a session: answer, check, retry, next, finish leaves the attempt", "[quiz]") {
    const Quiz quiz{
        .id = "six-steps",
        .items = {
            choice("q1", QuizItemKind::single_choice, {false, true}, {"six-steps", "p1"}),
            choice("q2", QuizItemKind::multiple_choice, {true, true, true, false}, {"six-steps", "p2"}),
            late_payment({"credit-management", "p4"}),
        },
    };
    QuizSession s = start(quiz);
    REQUIRE(s.items.size() == 3);
    CHECK(s.quiz == "six-steps");

    s = update(quiz, s, CheckItem{});  // nothing answered: nothing to check
    CHECK(s.items[0].phase == ItemPhase::answering);

    s = run(quiz, {AnswerItem{picks({0})}, CheckItem{}}, s);
    CHECK(s.items[0].phase == ItemPhase::checked);
    CHECK(s.items[0].score == 0.0);
    CHECK(s.items[0].checks == 1);
    CHECK(update(quiz, s, AnswerItem{picks({1})}) == s);  // a checked answer is not changed

    s = update(quiz, s, RetryItem{});
    CHECK(s.items[0].phase == ItemPhase::answering);
    CHECK(s.items[0].response == QuizResponse{});
    s = run(quiz, {AnswerItem{picks({1})}, CheckItem{}}, s);
    CHECK(s.items[0].phase == ItemPhase::checked);
    CHECK(s.items[0].checks == 2);
    CHECK(s.items[0].score == 0.0);  // the first check counts

    s = run(quiz, {NextItem{}, AnswerItem{picks({0, 1, 2})}, CheckItem{}, NextItem{}}, s);
    CHECK(s.items[1].score == 1.0);
    CHECK(s.current == 2);

    // A scenario: one reply per answer, checked on reaching an ending.
    s = update(quiz, s, AnswerItem{picks({0})});
    CHECK(s.items[2].phase == ItemPhase::answering);
    CHECK(s.items[2].response == picks({0}));
    s = update(quiz, s, AnswerItem{picks({9})});  // no such reply: ignored
    CHECK(s.items[2].response == picks({0}));
    s = update(quiz, s, AnswerItem{picks({1})});
    CHECK(s.items[2].phase == ItemPhase::checked);
    CHECK(s.items[2].score == Approx(0.4));
    CHECK(s.items[2].checks == 1);

    CHECK(update(quiz, s, NextItem{}).current == 2);  // the last item
    CHECK(update(quiz, s, PreviousItem{}).current == 1);
    CHECK(update(quiz, s, GoToItem{0}).current == 0);
    CHECK(update(quiz, s, GoToItem{3}).current == 2);

    s = update(quiz, s, FinishQuiz{1764115200000});
    REQUIRE(s.finished());
    const AttemptRecord expected{
        .quiz = "six-steps",
        .at = 1764115200000,
        .answers = {
            {.item = "q1", .response = picks({1}), .score = 0.0, .checks = 2, .solution_shown = false},
            {.item = "q2", .response = picks({0, 1, 2}), .score = 1.0, .checks = 1, .solution_shown = false},
            {.item = "late-payment", .response = picks({0, 1}), .score = s.items[2].score, .checks = 1, .solution_shown = false},
        },
        .score = (0.0 + 1.0 + s.items[2].score) / 3,
        .passed = false,
    };
    CHECK(*s.attempt == expected);
    CHECK(s.attempt->score == Approx(1.4 / 3));
    CHECK(update(quiz, s, RetryItem{}) == s);  // a finished session is closed
    CHECK(update(quiz, s, PreviousItem{}) == s);

    // Missed: q1 (0) and the scenario (0.4); q2 was full marks.
    CHECK(pages_to_reread(quiz, *s.attempt) == std::vector<LessonLink>{{"six-steps", "p1"}, {"credit-management", "p4"}});
}

TEST_CASE("showing the solution before checking counts 0; after a check the check counts", "[quiz]") {
    const Quiz quiz{.id = "q", .items = {choice("a", QuizItemKind::single_choice, {true, false}), choice("b", QuizItemKind::single_choice, {true, false})}};
    QuizSession s = update(quiz, start(quiz), ShowSolution{});
    CHECK(s.items[0].phase == ItemPhase::solution_shown);
    CHECK(s.items[0].scored);
    CHECK(s.items[0].score == 0.0);
    CHECK(update(quiz, s, AnswerItem{picks({0})}) == s);
    CHECK(update(quiz, s, CheckItem{}) == s);
    CHECK(update(quiz, s, RetryItem{}) == s);

    s = run(quiz, {NextItem{}, AnswerItem{picks({0})}, CheckItem{}, ShowSolution{}, FinishQuiz{5}}, s);
    REQUIRE(s.finished());
    CHECK(s.attempt->answers[1].score == 1.0);
    CHECK(s.attempt->answers[1].solution_shown);
    CHECK(s.attempt->score == Approx(0.5));
}

TEST_CASE("retrying a scenario walks it again; the first ending still counts", "[quiz]") {
    const Quiz quiz{.id = "q", .items = {late_payment()}};
    QuizSession s = run(quiz, {AnswerItem{picks({1})}}, start(quiz));  // gives in at once
    CHECK(s.items[0].phase == ItemPhase::checked);
    s = run(quiz, {RetryItem{}, AnswerItem{picks({0})}, AnswerItem{picks({0})}}, s);
    CHECK(s.items[0].response == picks({0, 0}));
    CHECK(s.items[0].checks == 2);
    CHECK(s.items[0].score == 0.0);
}

TEST_CASE("a skipped item counts 0, and a mean on the pass mark passes", "[quiz]") {
    Quiz quiz{.id = "q"};
    for (int i = 0; i < 5; ++i) quiz.items.push_back(choice("i" + std::to_string(i), QuizItemKind::single_choice, {true, false}));
    CHECK(quiz.pass_mark == 0.8);
    QuizSession s = start(quiz);
    for (int i = 0; i < 4; ++i) s = run(quiz, {AnswerItem{picks({0})}, CheckItem{}, NextItem{}}, s);
    const QuizSession finished = update(quiz, s, FinishQuiz{1});  // the fifth never answered
    CHECK(finished.attempt->answers[4].score == 0.0);
    CHECK(finished.attempt->answers[4].checks == 0);
    CHECK(finished.attempt->score == Approx(0.8));
    CHECK(finished.attempt->passed);
    quiz.pass_mark = 0.9;
    CHECK_FALSE(update(quiz, s, FinishQuiz{1}).attempt->passed);

    CHECK(passed(quiz_score({1, 1, 1, 0.2}), 0.8));
    CHECK_FALSE(passed(quiz_score({1, 1, 1, 0.1}), 0.8));
    CHECK(quiz_score({}) == 0.0);
}

TEST_CASE("a session of another quiz is left alone", "[quiz]") {
    const Quiz one{.id = "one", .items = {choice("a", QuizItemKind::single_choice, {true})}};
    const Quiz two{.id = "two", .items = {choice("a", QuizItemKind::single_choice, {true}), choice("b", QuizItemKind::single_choice, {true})}};
    const QuizSession s = start(two);
    CHECK(update(one, s, AnswerItem{picks({0})}) == s);
    CHECK(update(one, s, FinishQuiz{1}) == s);
}

TEST_CASE("pages to reread: each missed item's page once, in quiz order", "[quiz]") {
    const LessonLink a{"six-steps", "p1"}, b{"six-steps", "p2"}, c{"credit-management", "p3"};
    const Quiz quiz{.id = "q", .items = {
        choice("i1", QuizItemKind::single_choice, {true}, a),
        choice("i2", QuizItemKind::single_choice, {true}, b),
        choice("i3", QuizItemKind::single_choice, {true}, a),
        choice("i4", QuizItemKind::single_choice, {true}, c),
        choice("i5", QuizItemKind::single_choice, {true}, b),
    }};
    // Recorded out of order, and i5 missing (a record of an older version of the quiz).
    const AttemptRecord attempt{.quiz = "q", .answers = {
        {.item = "i4", .score = 0.9}, {.item = "i3", .score = 0.0}, {.item = "i2", .score = 1.0}, {.item = "i1", .score = 0.5},
    }};
    CHECK(pages_to_reread(quiz, attempt) == std::vector<LessonLink>{a, c});

    AttemptRecord all_right = attempt;
    for (ItemAnswer& x : all_right.answers) x.score = 1.0;
    CHECK(pages_to_reread(quiz, all_right).empty());
    CHECK_FALSE(all_right == attempt);
}
