// results_export: a learner's finished quiz attempts as a file for their instructor, in CSV
// (a spreadsheet) or JSON (a program). Pure: the platform downloads the string.
//
// What is in it: the learner's name (prefs.name, empty if none), and for every finished
// attempt (oldest first) the quiz id and title, when it was finished, its score and whether
// it passed, and each item: its id, what was answered, its score, how many times it was
// checked and whether the solution was shown. Open quizzes and review cards are not results
// and are left out.
//
// Answers are written as the course's ids, which stay the same when wording or screen order
// change:
//   single choice, true/false, multiple choice: the chosen options, in the item's order: "b;d"
//   ordering: the steps in the learner's order: "research>relationship>marketing"
//   matching: each left item with the right item the learner gave it, both named by their
//             pair's id, in the order of the left column: "user=cost;buyer=user"
//   scenario: the replies chosen from the start: "ask-date>offer-plan"
// A position the item does not have (the course changed since) is written "?". An item or a
// quiz the course no longer has is exported with its id and an empty answer and title.
//
// Times are UTC, ISO 8601, to the second: "2026-11-29T08:15:00Z" (the document keeps no time
// zone per attempt, and an instructor gathers files from learners in many). Scores are
// percents with at most one decimal: 68.9, 100.
//
// CSV: RFC 4180. Fields holding a comma, a double quote, CR or LF are quoted, quotes inside
// doubled; lines end in CRLF; the file starts with a UTF-8 byte order mark (EF BB BF), without
// which Excel and WPS read Chinese as another encoding. Header and yes/no are in the chosen
// language. One row per item answer, the attempt's columns repeated on each, so the file
// sorts and filters as one table (an attempt without item answers, migrated from version 1 or
// 2 of the document, has one row with the item columns empty):
//   learner, quiz, quiz title, finished (UTC), quiz score %, passed, item, prompt (in the
//   language), answer, item score %, checks, solution shown
// Formula injection: a spreadsheet runs a cell that starts with = + - @ (or tab or CR) as a
// formula, and a learner's name or a course's text could start so. Such a field is written
// with a leading apostrophe ('=A1), which spreadsheets show as text; the apostrophe is visible
// to a program reading the file, which should use the JSON instead.
//
// JSON, UTF-8, no byte order mark; text in both languages, numbers as numbers:
//   {"app":"collection-coach","course":"<course id>","learner":"<name>",
//    "exported_at":"2026-11-29T08:15:00Z",
//    "attempts":[{"quiz":"six-steps","title":{"zh":"…","en":"…"},"at":"2026-11-26T09:35:00Z",
//                 "score_percent":68.9,"passed":false,
//                 "answers":[{"item":"order-of-steps","kind":"ordering","answer":["research",…],
//                             "score_percent":86.7,"checks":2,"solution_shown":false}, …]}]}
// "kind" is single_choice, multiple_choice, true_false, ordering, matching or scenario;
// "answer" is a list of ids as above, for matching a list of {"left":…,"right":…} (null for a
// position the item does not have). An item the course no longer has: kind and answer null;
// a quiz it no longer has: title null.
#pragma once
#include <cstdint>
#include <string>

#include "course.h"
#include "i18n.h"
#include "learner.h"

namespace coach {

std::string results_csv(const LearnerDoc& doc, const Course& course, Lang lang);
std::string results_json(const LearnerDoc& doc, const Course& course, std::int64_t now_ms);

// "2026-11-29T08:15:00Z" for ms since 1970 (seconds truncated toward the past).
std::string utc_iso8601(std::int64_t ms);
// A 0..1 score as a percent with at most one decimal: 0.688889 -> "68.9", 1 -> "100".
std::string score_percent(double score);

}  // namespace coach
