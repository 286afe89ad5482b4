// Helpers shared by the core tests.
#pragma once
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/course.h"
#include "core/learner_json.h"

namespace coach::test {

// Reads a file under the source tree (works natively and under node with NODERAWFS).
inline std::string read_source_file(const std::string& relative) {
    std::ifstream in(std::string(COACH_SOURCE_DIR) + "/" + relative, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// Every JSON file of a content folder (content/ by default), named as the loader expects:
// relative to the folder ("lessons/1-six-steps.json").
inline std::vector<SourceFile> content_files(const std::string& dir = "content") {
    namespace fs = std::filesystem;
    const fs::path root = fs::path(COACH_SOURCE_DIR) / dir;
    std::vector<SourceFile> files;
    for (const auto& entry : fs::recursive_directory_iterator(root))
        if (entry.is_regular_file() && entry.path().extension() == ".json") {
            const std::string name = fs::relative(entry.path(), root).generic_string();
            files.push_back({name, read_source_file(dir + "/" + name)});
        }
    return files;
}

// Writes and reads back: the one-line round trip every serialized type is tested with.
inline StoredDocument roundtrip(const StoredDocument& stored, bool pretty = false) {
    return read_document(write_document(stored, pretty)).stored.value_or(StoredDocument{{}, 0xDEAD});
}

// The same document text, claiming another class version.
inline std::string with_class_version(std::string text, int version) {
    const std::string field = "\"cereal_class_version\": " + std::to_string(kLearnerDocVersion);
    const auto at = text.find(field);
    if (at != std::string::npos) text.replace(at, field.size(), "\"cereal_class_version\": " + std::to_string(version));
    return text;
}

// A document with something in every field: a learner's week. Two quizzes finished (an item of
// each missed went into review, one has since moved up a box), the credit quiz open at its
// third item, a quiz finished in the moment before its attempt was recorded, quotes studied
// (one learned). Scores are to a millionth, as the document holds them (learner_json.h).
inline constexpr std::int64_t kSampleNov26 = 1764115200000 - 8 * 60 * 60 * 1000;  // Beijing's midnight, 2025-11-26
inline constexpr std::int64_t kSampleHour = 60 * 60 * 1000;

inline LearnerDoc sample_doc() {
    const std::int64_t day = kDayMs, nov26 = kSampleNov26, hour = kSampleHour;
    LearnerDoc d;
    d.prefs = {"zh", "回款计划：先收旧款，再接新单", "王小明 🌱"};
    d.reading = {175, "high-contrast"};
    d.lessons = {{"six-steps", 2, 3, 5}, {"credit-management", 0, 1, 5}};
    d.attempts = {
        AttemptRecord{"buyer-roles",
                      nov26 - 2 * day + 10 * hour,
                      {ItemAnswer{"decision-maker", {{1}, {}}, 0, 1, false},  // true/false, wrong
                       ItemAnswer{"finance-head", {{0, 1}, {}}, 1, 1, false}},  // scenario: two replies to the best ending
                      0.5,
                      false},
        AttemptRecord{"six-steps",
                      nov26 + 17 * hour + 35 * 60 * 1000,
                      {ItemAnswer{"first-step", {{1}, {}}, 1, 1, false},
                       ItemAnswer{"order-of-steps", {{0, 2, 1, 3, 4, 5}, {}}, 0.866667, 2, false},  // one pair of 15 swapped
                       ItemAnswer{"roles", {{}, {{0, 0}, {1, 1}, {2, 2}, {3, 4}, {4, 3}}}, 0.2, 1, true}},
                      0.688889,
                      false}};
    d.open_quizzes = {
        QuizSession{"credit-management",
                    2,
                    {ItemProgress{{{0}, {}}, ItemPhase::solution_shown, true, 0, 1},
                     ItemProgress{{{}, {{0, 0}, {1, 1}, {2, 2}, {3, 2}}}, ItemPhase::checked, true, 0.5, 1},
                     ItemProgress{{{1, 0, 2, 3}, {}}, ItemPhase::answering, false, 0, 0}},
                    std::nullopt},
        QuizSession{"left-right-brain",
                    0,
                    {ItemProgress{{{}, {{0, 0}, {1, 1}}}, ItemPhase::checked, true, 1, 1}},
                    AttemptRecord{"left-right-brain", nov26 + 18 * hour, {ItemAnswer{"two-minds", {{}, {{0, 0}, {1, 1}}}, 1, 1, false}}, 1, true}}};
    d.review.cards = {{"buyer-roles/decision-maker", 2, nov26 + day},  // missed on the 24th, right on the 25th
                      {"six-steps/order-of-steps", 1, nov26 + day},
                      {"six-steps/roles", 1, nov26 + day}};
    d.quote_review.cards = {{"six-steps", kLearnedBox, nov26 - 3 * day},
                            {"purpose-of-sales", 2, nov26 + 2 * day},
                            {"left-right-brain", 1, nov26 + day}};
    d.assessments = {{"before-training", 1764115100000, {{"know-overdue-balance", 3}, {"finance-head-by-name", 4}, {"ship-before-old-balance", 2}}}};
    d.open_assessment = {"before-training", nov26 + 10 * day, {{"know-overdue-balance", 5}, {"finance-head-by-name", 4}}};
    d.early_plan = {{"a1", "华东机电 \"总部\"", 12345678, 95, "财务总监：王总\n周三回电"}};
    return d;
}

// What the committed version 3 fixture holds, as read today: the sample with its one
// self-assessment as version 3 kept it (ratings by position, no assessment named) and none in
// progress (learner_json.h).
inline LearnerDoc sample_doc_v3() {
    LearnerDoc d = sample_doc();
    d.assessments = {{"", 1764115100000, {{"", 3}, {"", 4}, {"", 2}, {"", 5}}}};
    d.open_assessment = {};
    return d;
}

// What the committed version 1 and 2 fixtures hold, as read today: the sample without what
// version 3 added, and their one old quiz attempt (2 of 3 right) migrated (learner_json.h).
inline LearnerDoc sample_doc_v2() {
    LearnerDoc d = sample_doc_v3();
    d.prefs.name.clear();
    d.attempts = {AttemptRecord{"six-steps", 1764115200000, {}, 0.666667, false}};
    d.open_quizzes.clear();
    d.review = {};
    d.quote_review = {};
    return d;
}

}  // namespace coach::test
