// assessment: the self-assessment a learner takes before training, what their ratings score,
// and what a class of results adds up to.
//
// The assessment is content (content/assessment.json, described in content/README.md): about
// two dozen statements a salesperson rates on a five-point scale, each tied to one of the six
// steps, to one side of the brain the course speaks of (left: collection discipline and data;
// right: relationship and EQ), optionally to the buying team (1+2+1), and to the lesson page
// that teaches it. Some statements are worded in reverse ("I ship a new order before asking
// about the old balance"): agreeing with them scores low.
//
// Scoring (pure; every score from 0 to 1, shown as a percent):
//   - a rating r of 1..5 scores (r - 1) / 4, a reversed statement (5 - r) / 4; 0 means not
//     rated and counts for nothing (neither 0 nor 1);
//   - a score (a step, the left side, the right side, the buying team) is the mean of the
//     rated statements behind it; with none rated it has no value (`rated == 0`);
//   - where to start: the statements that score 0.5 or less, weakest first (ties: the weaker
//     step first, then file order), each adding its lesson page unless its lesson is already
//     named; at most three. A profile without such a statement names none: the learner is
//     ready for the whole course.
// A class: for each score, over the results that have it, the number of results, the mean,
// the spread (population standard deviation), the lowest and the highest; the weakest steps
// are the two with the lowest mean.
//
// Result files: what a learner exports (JSON) and an instructor loads into the class view,
// read here with every problem put into words; a CSV of the same for a spreadsheet.
// Limits: the scale is fixed at five points; a result keeps ratings by statement id, so a
// statement added to the content later is simply not rated in older results.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "course.h"
#include "i18n.h"
#include "json_guard.h"
#include "learner.h"

namespace coach {

// ---- content ----

enum class RatingScale { frequency, agreement };  // 从不…总是 never…always; 非常不同意…非常同意
enum class BrainSide { left, right };

// The six steps of the course, in its order; ids as in content/assessment.json.
inline constexpr std::string_view kSixSteps[] = {"research", "relationship", "marketing", "closing", "collection", "repeat-sale"};

struct AssessmentStep {
    std::string id;  // one of kSixSteps
    Text name;       // 研究客户 / Research the customer
};

struct Statement {
    std::string id;
    Text text;
    RatingScale scale = RatingScale::frequency;
    bool reversed = false;     // agreeing scores low
    std::string step;          // an AssessmentStep id
    BrainSide side = BrainSide::left;
    bool buying_team = false;  // counts towards the buying-team coverage (1+2+1)
    LessonLink link;           // the page that teaches it
    SourceRef where;
};

struct Assessment {
    std::string id;
    Text title, about;
    std::vector<AssessmentStep> steps;  // the six, in the course's order
    std::vector<Statement> statements;  // in the order they are asked
    SourceRef where;

    const Statement* statement(std::string_view id) const;
    const AssessmentStep* step(std::string_view id) const;
};

struct AssessmentLoad {
    std::optional<Assessment> assessment;  // set only when there is no error: all or nothing
    std::vector<ContentError> errors;
};
// Reads content/assessment.json (the app loads the same file as it is) and checks it against
// the course's lessons and pages. `name` is the file's name in messages ("assessment.json").
AssessmentLoad load_assessment(std::string_view text, std::string_view name, const Course& course);

// Every text a learner can see, in file order (the glyph check and the font build read them).
void for_each_text(const Assessment& assessment, const std::function<void(const Text&)>& fn);

// ---- scoring ----

// A rating's score, 0..1, or nullopt for 0 (not rated) and values outside 1..5.
std::optional<double> statement_score(const Statement& statement, std::uint32_t rating);

// The rating a result gives a statement (0 = none). Results from before statement ids were
// kept (version 3 of the document) rate by position.
std::uint32_t rating_of(const AssessmentResult& result, const Assessment& assessment, std::size_t statement_index);

enum class ScoreKind { step, left_side, right_side, buying_team };

struct Score {
    ScoreKind kind = ScoreKind::step;
    std::string id;  // the step's id, or "left", "right", "buying-team"
    double value = 0;        // 0..1, meaningful when rated > 0
    std::size_t rated = 0;   // statements behind it that were rated
    std::vector<std::size_t> statements;  // every statement behind it (indexes), in file order
};

struct Profile {
    std::vector<Score> scores;       // the six steps in order, then left, right, buying team
    std::vector<LessonLink> start_with;  // where to start, at most three (see the rules above)
    std::size_t rated = 0;           // statements rated in all
    const Score* find(std::string_view id) const;
};

Profile profile(const Assessment& assessment, const AssessmentResult& result);

// The score's label: the step's name, or "左脑：回款纪律 / Left brain: collection discipline", ...
std::string score_label(const Assessment& assessment, const Score& score, Lang lang);

// ---- a class ----

struct ScoreSpread {
    std::string id;          // as Score::id
    ScoreKind kind = ScoreKind::step;
    std::size_t count = 0;   // results with a value for it
    double mean = 0, spread = 0, low = 0, high = 0;  // 0..1; spread: population standard deviation
};

struct ClassProfile {
    std::size_t learners = 0;            // results in the class
    std::vector<ScoreSpread> scores;     // the same order as Profile::scores
    std::vector<std::string> weakest_steps;  // the two steps with the lowest mean (ids)
};

ClassProfile class_profile(const Assessment& assessment, const std::vector<Profile>& profiles);

// ---- result files ----

// One learner's exported file, as the class view reads it.
struct ResultFile {
    std::string name;                  // the file's name, as picked or dropped
    std::string learner;               // the name the learner typed ("" = none)
    std::vector<AssessmentResult> results;  // oldest first; the class view takes the latest
};

// What a result file says it is, and the most it may weigh: one learner's results are a few
// KB, so anything near the limit is some other file.
inline constexpr std::string_view kResultFileFormat = "collection-coach-assessment-results";
inline constexpr int kResultFileVersion = 1;
inline constexpr std::size_t kResultFileMaxBytes = 1u << 20;

// Why a file could not be read, put into words by describe(ResultFileRead, Lang).
enum class ResultFileProblem { none, not_json, not_results, other_assessment, future_version, no_results, wrong_shape, too_large };

struct ResultFileRead {
    std::optional<ResultFile> file;
    ResultFileProblem problem = ResultFileProblem::none;
    std::string name;    // the file's name, as given (messages name it)
    std::string detail;  // the technical detail: the JSON reader's message (English), the field, the id,
                         // format or version found, the size in bytes
    JsonCheck json{};    // for not_json and too_large: what the JSON reader found
};

// The export, JSON (UTF-8, no byte order mark):
//   {"format":"collection-coach-assessment-results","version":1,"course":"<course id>",
//    "assessment":"<id>","learner":"<name>","exported_at":"2026-11-29T08:15:00Z",
//    "results":[{"at":"2025-11-20T09:00:00Z","at_ms":1763629200000,
//                "ratings":{"<statement id>":4,…},
//                "scores":{"research":75,…,"marketing":null,…,"left":62.5,"right":80,"buying-team":50}}]}
// Scores are percents (score_percent), null for a score with nothing rated; "ratings" (1..5,
// statements not rated left out, named by id also for results kept by position) is what is
// read back, "scores" is for people and other programs. Results of another assessment than
// `assessment` are left out, here and in the CSV.
std::string assessment_results_json(const Assessment& assessment, const std::vector<AssessmentResult>& results,
                                    std::string_view learner, std::int64_t now_ms);
// CSV (RFC 4180, CRLF, UTF-8 byte order mark, formula guard, as results_export.h): one row per
// result: learner, taken (UTC), one column per score (percent, labelled in `lang`), then one
// column per statement (its rating 1..5, empty if not rated, headed by the statement's id).
std::string assessment_results_csv(const Assessment& assessment, const std::vector<AssessmentResult>& results,
                                   std::string_view learner, Lang lang);
// Reads an exported file back (a leading byte order mark is allowed). A problem refuses the
// whole file, the first found in this order: not JSON or over kResultFileMaxBytes, another
// "format", a "version" above ours, another "assessment", no "results", a field of the wrong
// shape (a rating must be a whole number 0..5). A rating of a statement the assessment does
// not have is skipped, a rating of 0 too (not rated); results come back oldest first.
ResultFileRead read_result_file(std::string_view text, std::string_view file_name, const Assessment& assessment);
// One sentence naming the file: "“wang.json” holds no results: …" ("" when it was read).
std::string describe(const ResultFileRead& read, Lang lang);

// The class as CSV: one row per file (the learner's name, or the file's name when there is
// none; the latest result: taken, scores), then a row each for the mean, the spread, the
// lowest and the highest (percents; empty where no one has the score), as class_profile.
std::string class_csv(const Assessment& assessment, const std::vector<ResultFile>& files, Lang lang);

}  // namespace coach
