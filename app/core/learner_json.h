// learner_json: the learner document as JSON, for browser storage and for export files.
//
// Format: an envelope naming the app, the course and the write generation, around the
// document serialized by cereal with class versions:
//   {"app":"collection-coach","course":"key-account-collection","generation":12,
//    "document":{"cereal_class_version":1,"prefs":{...},"lessons":[...],...}}
// Version history (each has a committed fixture under tests/fixtures/):
//   0  before documents: two loose keys, `collection-coach:lang` and `collection-coach:goal`
//   1  the document above
//   2  added `reading` (a version 1 document reads with the defaults: 100 %, system colours)
//   3  added `prefs.name`, `attempts` (finished quiz attempts, item by item), `open_quizzes`
//      (quizzes in progress), `review` (missed quiz items) and `quote_review` (the quote
//      deck); they replace `quiz_attempts`. Versions 1 and 2 read with no name, no open
//      quiz and empty review decks. Their `quiz_attempts` ({quiz, at, answers, score}: an
//      option index per question and the count of right answers) were never written non-empty
//      by any release, since no release had a quiz screen; should a document hold one, each
//      becomes an attempt with its quiz and date, the score as the share of right answers
//      (2 of 3: 0.666667) and not passed (no pass mark was recorded). The option indices are
//      not kept: those questions had no ids, so they cannot be tied to any item of a quiz.
//      No typed text is lost: an attempt held none.
//   4  self-assessment results name their assessment and rate statements by id
//      (`assessments`: [{assessment, at, ratings: [{statement, value}]}]), and the one in
//      progress is kept (`open_assessment`). Versions 1 to 3 kept `answers`, a rating per
//      position, with no assessment named; no release wrote one (none had an assessment
//      screen), but should a document hold one, each answer becomes a rating without a
//      statement id in its place, which is read by position. Nothing is lost.
//   5  the collection plan leaves the document for its own storage (plan_store.h). Versions 1
//      to 4 held a placeholder, `plan`: {accounts: [{id, name, receivable_cents, ageing_days,
//      notes}]}, which no release wrote non-empty (none had a plan screen). Should a document
//      hold such accounts, they are read into `early_plan` (the same fields) and stay there
//      until the plan has stored them as its own accounts (PlanMovedIn), so nothing typed is
//      lost even if the plan's storage is unavailable for a while.
// Numbers: scores (0 to 1) are kept to a millionth (stored_score), since a JSON number of 17
// digits does not read back exactly with the reader's number parsing (json_config.h);
// `stored_score` is applied on writing and on reading, so what is read always writes and reads
// again as itself. An item phase is a word ("answering", "checked", "solution_shown"); an
// open quiz's `attempt` is null. A few values a hand-edited file could get wrong are read as
// the nearest valid one rather than refusing the document: a score outside 0..1, the current
// item of an open quiz beyond its last, a review box outside 1..6.
// Reading never throws and never trusts the input: json_guard checks size, depth, entries
// and that every string is valid Unicode text first, and every failure comes back as a
// ReadError that says what is wrong. Writing writes only valid text (utf8.h), so whatever
// is written reads back as the same document.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "i18n.h"
#include "json_guard.h"
#include "learner.h"

namespace coach {

inline constexpr std::uint32_t kLearnerDocVersion = 5;  // 5: the plan in its own storage, early accounts kept until moved
inline constexpr const char* kAppId = "collection-coach";

enum class ReadFailure {
    none,
    too_large,
    too_deep,
    too_many_entries,
    not_unicode,     // a string or key that is not valid Unicode text (utf8.h)
    not_json,
    not_coach,       // valid JSON, but not a Collection Coach document
    other_course,    // a Collection Coach document of another course
    future_version,  // written by a newer version of the app
    wrong_shape,     // a field missing or of the wrong type
};

struct ReadError {
    ReadFailure failure = ReadFailure::none;
    JsonCheck json;            // size, depth, entries or syntax details
    std::uint32_t version = 0; // for future_version
    std::string detail;        // technical detail (field name, course id)
};

struct StoredDocument {
    LearnerDoc doc;
    std::uint64_t generation = 0;
    bool operator==(const StoredDocument&) const = default;
};

struct ReadResult {
    std::optional<StoredDocument> stored;
    ReadError error;
    bool ok() const { return stored.has_value(); }
};

// `pretty` indents for a file a person may open; storage stays compact. Text that is not
// valid (which no reader and no typed text lets in) is written as U+FFFD, never as is.
std::string write_document(const StoredDocument& stored, bool pretty = false);
ReadResult read_document(std::string_view text, const JsonLimits& limits = {});

// A score (0..1) as the document holds it: to a millionth, clamped to 0..1 (NaN reads as 0).
double stored_score(double score);

// Version 0: the loose keys of the first release.
LearnerDoc migrate_loose_keys(std::string_view lang, std::string_view goal);

// What went wrong, in the learner's language, one sentence.
std::string describe(const ReadError& error, Lang lang);

}  // namespace coach
