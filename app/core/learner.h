// learner: everything one learner produces in one course, as plain data, and the actions
// that change it.
//
// The document is a value; `apply(doc, action)` is the only way it changes. Storage keeps
// the actions not yet written, so when another tab wrote a newer document first, this tab
// replays its own actions on top of that one instead of overwriting it (see store.h).
#pragma once
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "quiz.h"
#include "review.h"

namespace coach {

// The course this app teaches; storage keys and exported files carry it.
inline constexpr const char* kCourseId = "key-account-collection";

struct Preferences {
    std::string lang;  // "zh" | "en" | "" (not chosen: follow the browser)
    std::string goal;  // the learner's goal for the course, in their own words
    std::string name;  // the name an instructor sees in exported results; "" = none (version 3)
    bool operator==(const Preferences&) const = default;
};

// Reading comfort, as the learner set it in Settings (version 2 of the document).
struct ReadingPrefs {
    std::uint32_t text_percent = 100;  // 100..200
    std::string theme;                 // "" follows the system; "light", "dark", "high-contrast"
    bool operator==(const ReadingPrefs&) const = default;
};

struct LessonProgress {
    std::string lesson;           // lesson id from content/
    std::uint32_t page = 0;       // where the learner left off (0-based)
    std::uint32_t pages_seen = 0; // how far the learner has got (pages, not an index)
    std::uint32_t page_count = 0; // pages the lesson had when last opened
    bool operator==(const LessonProgress&) const = default;
};

// One rating of a self-assessment statement (assessment.h): 1..5, 0 = not rated.
struct Rating {
    std::string statement;  // the statement's id; "" in results from version 3 (by position)
    std::uint32_t value = 0;
    bool operator==(const Rating&) const = default;
};

// One self-assessment, finished or in progress.
struct AssessmentResult {
    std::string assessment;       // the assessment's id (version 4; "" before)
    std::int64_t at = 0;          // finished, or (in progress) last rated: ms since 1970
    std::vector<Rating> ratings;  // in the order they were asked
    bool operator==(const AssessmentResult&) const = default;
};

// An account as versions 1 to 4 of the document held it, in a placeholder for the collection
// plan. No release wrote one (none had a plan screen), but a document that holds some keeps
// them here until the plan (plan_store.h, its own storage) has taken them in (PlanMovedIn).
struct EarlyAccount {
    std::string id;
    std::string name;
    std::int64_t receivable_cents = 0;  // money as integer cents
    std::uint32_t ageing_days = 0;      // how old the balance was when typed
    std::string notes;
    bool operator==(const EarlyAccount&) const = default;
};

struct LearnerDoc {
    Preferences prefs;
    ReadingPrefs reading;
    std::vector<LessonProgress> lessons;  // the lesson opened last comes last
    std::vector<AttemptRecord> attempts;  // every finished quiz attempt, oldest first (version 3)
    std::vector<QuizSession> open_quizzes;  // quizzes in progress, at most one per quiz (version 3)
    ReviewState review;                   // missed quiz items, keyed "quiz-id/item-id" (version 3)
    ReviewState quote_review;             // the quote deck, keyed by quote id (version 3)
    std::vector<AssessmentResult> assessments;  // every finished self-assessment, oldest first
    AssessmentResult open_assessment;  // the one in progress (version 4); no ratings = none
    // Accounts from before version 5, moved into the plan once the plan has stored them.
    std::vector<EarlyAccount> early_plan;
    bool operator==(const LearnerDoc&) const = default;
};

// Actions: each one a learner's intent, applied the same way in every tab.
struct SetLang {
    std::string lang;
};
struct SetGoal {
    std::string goal;
};
struct OpenLessonPage {
    std::string lesson;
    std::uint32_t page = 0;
    std::uint32_t page_count = 0;
};
struct ReplaceDocument {  // an import: the whole document at once
    LearnerDoc doc;
};
struct SetReading {
    ReadingPrefs reading;
};
struct SetName {  // the name shown in exported results
    std::string name;
};
struct SaveQuizSession {  // a quiz in progress, after each step (replaces that quiz's session)
    QuizSession session;
};
struct DiscardQuizSession {  // start again: the session in progress is dropped
    std::string quiz;
};
// A finished quiz: the attempt is kept, the session in progress closes, and every item below
// full score goes into review (an item answered fully right that was due moves up a box).
struct FinishAttempt {
    AttemptRecord attempt;
    int utc_offset_minutes = 0;
};
enum class ReviewDeck { items, quotes };
// One card answered in a review session. The quote deck enrolls (a quote studied for the first
// time enters it, a learned quote stays as learned); the items deck does not. The deck sets
// `result.enroll`, whatever the result says (review.h).
struct AnswerReview {
    ReviewDeck deck = ReviewDeck::items;
    ItemResult result;
};
// A statement rated (or its rating changed) in the assessment in progress; one in another
// assessment than the open one starts it afresh.
struct RateStatement {
    std::string assessment;
    std::string statement;
    std::uint32_t value = 0;  // 1..5; 0 takes the rating back
    std::int64_t at = 0;
};
// The assessment in progress is finished: it joins the results (none rated: dropped).
struct FinishAssessment {
    std::int64_t at = 0;
};
struct DiscardAssessment {};  // start again: the one in progress is dropped
// The collection plan has stored the early accounts as its own (version 5): they leave the document.
struct PlanMovedIn {};
using LearnerAction = std::variant<SetLang, SetGoal, OpenLessonPage, ReplaceDocument, SetReading, SetName, SaveQuizSession,
                                   DiscardQuizSession, FinishAttempt, AnswerReview, RateStatement, FinishAssessment, DiscardAssessment,
                                   PlanMovedIn>;

LearnerDoc apply(LearnerDoc doc, const LearnerAction& action);

const LessonProgress* find_lesson(const LearnerDoc& doc, std::string_view lesson);
const QuizSession* find_open_quiz(const LearnerDoc& doc, std::string_view quiz);
// The review key of a quiz item: "quiz-id/item-id".
std::string review_key(std::string_view quiz, std::string_view item);

}  // namespace coach
