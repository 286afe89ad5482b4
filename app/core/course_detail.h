// course_detail: what the course's source files share and nothing else may use.
//
// The course is read (course_parse.cpp, quiz_parse.cpp, both through content_parser.h),
// checked across files (course_validate.cpp, quiz_validate.cpp), bundled (course_bundle.cpp)
// and its problems put into words (course_describe.cpp); each of those is its own file, and
// these are the few facts they must agree on: the bundles' format names, the reader's JSON
// limits, how lesson and quiz files are named and ordered, and the entry points into the
// quizzes and the cross-file checks. The public interface stays course.h.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "course.h"
#include "json_guard.h"
#include "json_tree.h"

namespace coach::course_detail {

inline constexpr std::string_view kBundleFormat = "collection-coach-course";
inline constexpr std::string_view kQuizBundleFormat = "collection-coach-quizzes";
inline constexpr std::string_view kLessonDir = "lessons/", kQuizDir = "quizzes/";
// Content is written by people and bundled whole, so it may be larger than a learner's
// document, but never deeper than its own shape needs.
inline constexpr JsonLimits kContentLimits{.max_bytes = 8u << 20, .max_depth = 16, .max_entries = 5000};

// ("lessons/", "lessons/12-team-kpi.json") -> 12, "team-kpi"; a file of the folder without a
// number -> -1 and its base name (so it is still read, and reported); nullopt for files
// outside the folder.
std::optional<std::pair<int, std::string>> numbered_file(std::string_view name, std::string_view dir);

// The files of one folder (kLessonDir, kQuizDir) among `files`, in the order their numbers
// give (stable for equal numbers).
std::vector<std::pair<int, const SourceFile*>> ordered_files(const std::vector<SourceFile>& files, std::string_view dir);

const SourceFile* find_file(const std::vector<SourceFile>& files, std::string_view name);

// Cross-file rules: unique ids, quotes that name real lessons, links to real terms.
// quote_lesson_refs[i] is where quote i names its lesson.
void validate(const Course& course, const std::vector<SourceRef>& quote_lesson_refs, std::vector<ContentError>& errors);

class Parser;  // content_parser.h

// The quizzes (quiz_parse.cpp): read from content/'s quizzes/ folder, or from a bundle's list
// of quiz objects (`list`, found at `path`), each checked by validate_quizzes against `course`
// (read as far as its lessons), and returned in order for the caller to add.
std::vector<Quiz> read_quiz_files(const std::vector<SourceFile>& files, const Course& course, std::vector<ContentError>& errors);
std::vector<Quiz> read_quiz_list(const Parser& p, const JsonValue& list, const std::string& path, const Course& course,
                                 std::vector<ContentError>& errors);

// Where a quiz refers to lessons (the structures keep only the lines of items and texts):
// its "lesson", and each item's "link", in item order.
struct QuizRefs {
    SourceRef lesson;
    std::vector<SourceRef> links;
};

// The quiz rules (quiz_validate.cpp): `quizzes` (refs[i] for quizzes[i]) each on its own,
// against the course's lessons and pages, and against the quizzes the course already has.
void validate_quizzes(const Course& course, const std::vector<Quiz>& quizzes, const std::vector<QuizRefs>& refs, std::vector<ContentError>& errors);

// Every text of a quiz a learner can see, in file order (the glyph check reads them too).
void for_each_text(const Quiz& quiz, const std::function<void(const Text&)>& fn);

}  // namespace coach::course_detail
