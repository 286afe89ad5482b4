// course_detail: what the course's four source files share and nothing else may use.
//
// The course is read (course_parse.cpp), checked across files (course_validate.cpp), bundled
// (course_bundle.cpp) and its problems put into words (course_describe.cpp); each of those is
// its own file, and these are the few facts they must agree on: the bundle's format name,
// the reader's JSON limits, how lesson files are named and ordered, and the one entry point
// into the cross-file checks. The public interface stays course.h.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "course.h"
#include "json_guard.h"

namespace coach::course_detail {

inline constexpr std::string_view kBundleFormat = "collection-coach-course";
// Content is written by people and bundled whole, so it may be larger than a learner's
// document, but never deeper than its own shape needs.
inline constexpr JsonLimits kContentLimits{.max_bytes = 8u << 20, .max_depth = 16, .max_entries = 5000};

// "lessons/12-team-kpi.json" -> 12, "team-kpi"; a lesson file without a number -> -1 and its
// base name (so it is still read, and reported); nullopt for files that are no lesson.
std::optional<std::pair<int, std::string>> lesson_file(std::string_view name);

// The lesson files among `files`, in the order their numbers give (stable for equal numbers).
std::vector<std::pair<int, const SourceFile*>> ordered_lesson_files(const std::vector<SourceFile>& files);

const SourceFile* find_file(const std::vector<SourceFile>& files, std::string_view name);

// Cross-file rules: unique ids, quotes that name real lessons, links to real terms.
// quote_lesson_refs[i] is where quote i names its lesson.
void validate(const Course& course, const std::vector<SourceRef>& quote_lesson_refs, std::vector<ContentError>& errors);

}  // namespace coach::course_detail
