#include <catch2/catch.hpp>

#include "core/learner.h"

using namespace coach;

TEST_CASE("preferences change through actions", "[learner]") {
    LearnerDoc d = apply({}, SetLang{"en"});
    d = apply(d, SetGoal{"回款"});
    CHECK(d.prefs.lang == "en");
    CHECK(d.prefs.goal == "回款");
}

TEST_CASE("opening a lesson page records where the learner is and how far they got", "[learner]") {
    LearnerDoc d = apply({}, OpenLessonPage{"six-steps", 2, 5});
    d = apply(d, OpenLessonPage{"six-steps", 0, 5});
    const LessonProgress* p = find_lesson(d, "six-steps");
    REQUIRE(p != nullptr);
    CHECK(p->page == 0);
    CHECK(p->pages_seen == 3);  // going back does not undo progress
    d = apply(d, OpenLessonPage{"six-steps", 4, 5});
    CHECK(find_lesson(d, "six-steps")->pages_seen == 5);
    CHECK(find_lesson(d, "team-kpi") == nullptr);
}

TEST_CASE("an import replaces the whole document", "[learner]") {
    LearnerDoc imported;
    imported.prefs.goal = "imported";
    LearnerDoc d = apply(apply({}, SetGoal{"mine"}), ReplaceDocument{imported});
    CHECK(d == imported);
}

namespace {

constexpr std::int64_t kHour = 60LL * 60 * 1000;
constexpr int kBeijing = 480;
constexpr std::int64_t kNov26 = 1764115200000 - 8 * kHour;  // Beijing's midnight, 2025-11-26

QuizSession session(std::string quiz, std::size_t current) {
    return QuizSession{std::move(quiz), current, {ItemProgress{}, ItemProgress{}}, std::nullopt};
}

AttemptRecord attempt(std::int64_t at, std::vector<ItemAnswer> answers) {
    AttemptRecord a{"six-steps", at, std::move(answers), 0, false};
    for (const ItemAnswer& x : a.answers) a.score += x.score / double(a.answers.size());
    return a;
}

ItemAnswer answer(std::string item, double score) { return ItemAnswer{std::move(item), {}, score, 1, false}; }

}  // namespace

TEST_CASE("the name for exported results is set through an action", "[learner]") {
    LearnerDoc d = apply({}, SetName{"王小明 🌱"});
    CHECK(d.prefs.name == "王小明 🌱");
    CHECK(apply(d, SetName{""}).prefs.name.empty());
}

TEST_CASE("saving a quiz in progress replaces that quiz's session only", "[learner][quiz]") {
    LearnerDoc d = apply({}, SaveQuizSession{session("six-steps", 0)});
    d = apply(d, SaveQuizSession{session("credit-management", 1)});
    d = apply(d, SaveQuizSession{session("six-steps", 1)});
    REQUIRE(d.open_quizzes.size() == 2);  // at most one per quiz
    REQUIRE(find_open_quiz(d, "six-steps") != nullptr);
    CHECK(find_open_quiz(d, "six-steps")->current == 1);
    CHECK(find_open_quiz(d, "credit-management")->current == 1);
    CHECK(find_open_quiz(d, "team-kpi") == nullptr);
    // Starting again drops the session; the other quiz stays open.
    d = apply(d, DiscardQuizSession{"six-steps"});
    CHECK(find_open_quiz(d, "six-steps") == nullptr);
    CHECK(d.open_quizzes == std::vector<QuizSession>{session("credit-management", 1)});
    CHECK(apply(d, DiscardQuizSession{"never-opened"}) == d);
}

TEST_CASE("a finished attempt is kept, closes its session and puts its misses into review", "[learner][quiz][review]") {
    LearnerDoc d = apply({}, SaveQuizSession{session("six-steps", 1)});
    d = apply(d, SaveQuizSession{session("credit-management", 0)});
    const AttemptRecord first = attempt(kNov26 + 20 * kHour, {answer("q1", 1), answer("q2", 0.5), answer("q3", 0)});
    d = apply(d, FinishAttempt{first, kBeijing});
    CHECK(d.attempts == std::vector<AttemptRecord>{first});
    CHECK(find_open_quiz(d, "six-steps") == nullptr);
    CHECK(find_open_quiz(d, "credit-management") != nullptr);
    // Below full score, due the next local morning; a full score needs no review.
    CHECK(d.review.cards == std::vector<ReviewCard>{{"six-steps/q2", 1, kNov26 + kDayMs}, {"six-steps/q3", 1, kNov26 + kDayMs}});
    CHECK(d.quote_review == ReviewState{});
    // The next day the quiz again: q2 fully right moves up, q3 missed again stays in box 1.
    const AttemptRecord second = attempt(kNov26 + kDayMs + 9 * kHour, {answer("q1", 1), answer("q2", 1), answer("q3", 0.25)});
    d = apply(d, FinishAttempt{second, kBeijing});
    CHECK(d.attempts == std::vector<AttemptRecord>{first, second});  // oldest first
    CHECK(d.review.cards ==
          std::vector<ReviewCard>{{"six-steps/q2", 2, kNov26 + 3 * kDayMs}, {"six-steps/q3", 1, kNov26 + 2 * kDayMs}});
}

TEST_CASE("the local day of a finished attempt follows its UTC offset", "[learner][quiz][review]") {
    // 23:30 in Beijing is 15:30 UTC: in Beijing the item is due from the next midnight there.
    const AttemptRecord late = attempt(kNov26 + 23 * kHour + 30 * 60 * 1000, {answer("q1", 0)});
    CHECK(apply({}, FinishAttempt{late, kBeijing}).review.cards[0].due_ms == kNov26 + kDayMs);
    CHECK(apply({}, FinishAttempt{late, 0}).review.cards[0].due_ms == 1764115200000 + kDayMs);
}

TEST_CASE("review answers go to their own deck; only the quote deck enrolls", "[learner][review]") {
    const std::int64_t morning = kNov26 + 9 * kHour;
    const ItemResult knew{.key = "purpose-of-sales", .correct = true, .now_ms = morning, .utc_offset_minutes = kBeijing};
    // A quote known at first sight enters the quote deck in box 2.
    LearnerDoc d = apply({}, AnswerReview{ReviewDeck::quotes, knew});
    CHECK(d.quote_review.cards == std::vector<ReviewCard>{{"purpose-of-sales", 2, kNov26 + 2 * kDayMs}});
    CHECK(d.review == ReviewState{});
    // Right for an item never missed changes nothing in the items deck, even if the screen
    // asked to enroll: the deck decides.
    ItemResult enrolled = knew;
    enrolled.key = "six-steps/q1";
    enrolled.enroll = true;
    CHECK(apply(d, AnswerReview{ReviewDeck::items, enrolled}) == d);
    // A quote not known enters in box 1; an item missed in review goes to box 1 of the items deck.
    const ItemResult missed{.key = "left-right-brain", .correct = false, .now_ms = morning, .utc_offset_minutes = kBeijing};
    d = apply(d, AnswerReview{ReviewDeck::quotes, missed});
    CHECK(d.quote_review.cards.back() == ReviewCard{"left-right-brain", 1, kNov26 + kDayMs});
    ItemResult item_missed = missed;
    item_missed.key = "six-steps/q1";
    d = apply(d, AnswerReview{ReviewDeck::items, item_missed});
    CHECK(d.review.cards == std::vector<ReviewCard>{{"six-steps/q1", 1, kNov26 + kDayMs}});
    CHECK(d.quote_review.cards.size() == 2);
}

TEST_CASE("a learned quote stays in its deck; a learned item leaves", "[learner][review]") {
    LearnerDoc d;
    d.review.cards = {{"six-steps/q1", 5, kNov26}};
    d.quote_review.cards = {{"six-steps", 5, kNov26}};
    const ItemResult item{.key = "six-steps/q1", .correct = true, .now_ms = kNov26 + 9 * kHour, .utc_offset_minutes = kBeijing};
    ItemResult quote = item;
    quote.key = "six-steps";
    d = apply(d, AnswerReview{ReviewDeck::items, item});
    d = apply(d, AnswerReview{ReviewDeck::quotes, quote});
    CHECK(d.review.cards.empty());
    CHECK(d.quote_review.cards == std::vector<ReviewCard>{{"six-steps", kLearnedBox, kNov26}});
}

TEST_CASE("rating statements builds the self-assessment in progress, one rating per statement", "[learner][assessment]") {
    LearnerDoc d;
    d = apply(d, RateStatement{"before-training", "know-overdue-balance", 4, 100});
    d = apply(d, RateStatement{"before-training", "finance-head-by-name", 2, 200});
    d = apply(d, RateStatement{"before-training", "know-overdue-balance", 5, 300});  // changed: stays in its place
    CHECK(d.open_assessment == AssessmentResult{"before-training", 300, {{"know-overdue-balance", 5}, {"finance-head-by-name", 2}}});
    d = apply(d, RateStatement{"before-training", "know-overdue-balance", 0, 400});  // taken back
    CHECK(d.open_assessment.ratings == std::vector<Rating>{{"finance-head-by-name", 2}});
    // A rating in another assessment starts that one afresh.
    d = apply(d, RateStatement{"after-training", "x", 3, 500});
    CHECK(d.open_assessment == AssessmentResult{"after-training", 500, {{"x", 3}}});
    CHECK(d.assessments.empty());
}

TEST_CASE("finishing keeps every result; an assessment with nothing rated is not one", "[learner][assessment]") {
    LearnerDoc d;
    d = apply(d, RateStatement{"before-training", "a", 3, 100});
    d = apply(d, FinishAssessment{1000});
    REQUIRE(d.assessments.size() == 1);
    CHECK(d.assessments[0] == AssessmentResult{"before-training", 1000, {{"a", 3}}});
    CHECK(d.open_assessment == AssessmentResult{});
    d = apply(d, FinishAssessment{2000});  // nothing open: nothing added
    CHECK(d.assessments.size() == 1);
    d = apply(d, RateStatement{"before-training", "a", 5, 3000});
    d = apply(d, FinishAssessment{4000});
    REQUIRE(d.assessments.size() == 2);  // the first is kept beside the latest
    CHECK(d.assessments[0].ratings[0].value == 3);
    CHECK(d.assessments[1].ratings[0].value == 5);
    d = apply(d, RateStatement{"before-training", "a", 1, 5000});
    d = apply(d, DiscardAssessment{});
    CHECK(d.open_assessment == AssessmentResult{});
    CHECK(d.assessments.size() == 2);
}
