// course: the course as data (content/), loaded and checked by the same code in the build's
// content validator and in the app.
//
// Two ways in: the content/ folder as files (what instructors edit; the build checks it and
// bundles it), or one bundle file (what the app loads: the built-in course.json, or another
// course given with ?content=URL). Every problem is collected, not just the first, each with
// its file and line, so one run of the validator shows everything to fix.
//
// One file per job behind this interface: course_parse.cpp reads (and owns the lookups by
// id), course_validate.cpp checks what spans files and the glyphs, course_bundle.cpp writes
// the bundle, course_describe.cpp words a problem; course_detail.h is what they share.
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "i18n.h"
#include "json_guard.h"

namespace coach {

struct SourceRef {
    std::string file;
    std::size_t line = 0;
};

// Text in both languages; Chinese is the source.
struct Text {
    std::string zh, en;
    SourceRef where;
    const std::string& in(Lang lang) const { return lang == Lang::zh ? zh : en; }
};

enum class BlockKind { paragraph, key_idea, list, example };
enum class Voice { speaker, course };  // the transcript's words, or the course's own explanation

struct Block {
    BlockKind kind = BlockKind::paragraph;
    Voice voice = Voice::course;
    Text text;               // paragraph, key_idea, example
    std::vector<Text> items; // list
};

struct Page {
    std::string id;
    Text title;
    std::vector<Block> blocks;
};

struct Lesson {
    std::string id;
    Text title, summary;
    std::vector<Page> pages;
};

struct Quote {
    std::string id;
    Text text;
    std::string lesson;  // the lesson that teaches it
};

struct Term {
    std::string id;
    Text term, definition;
};

struct Course {
    std::string id;
    Text title, about;
    std::vector<Lesson> lessons;
    std::vector<Quote> quotes;
    std::vector<Term> glossary;

    const Lesson* lesson(std::string_view id) const;
    const Term* term(std::string_view id) const;
};

enum class ContentProblem {
    not_json, not_course, missing_field, wrong_type, missing_translation, empty, bad_id, duplicate_id,
    unknown_lesson, dangling_link, bad_link, link_mismatch, unknown_value, missing_glyph, file_name, fetch_failed,
};

struct ContentError {
    SourceRef where;
    ContentProblem problem = ContentProblem::not_json;
    std::string subject;  // the field, id or character concerned
    std::string detail;   // the value found, the expected type, the language missing
    JsonCheck json{};     // for not_json: what the JSON reader found
};

// "lessons/1-six-steps.json:12: the field "title" is missing", in the reader's language.
std::string describe(const ContentError& error, Lang lang);

struct SourceFile {
    std::string name;  // relative to content/: "course.json", "lessons/1-six-steps.json", ...
    std::string text;
};

struct CourseLoad {
    Course course;
    std::vector<ContentError> errors;
    bool ok() const { return errors.empty(); }
};

// content/ as files: course.json, lessons/<n>-<id>.json (ordered by n), quotes.json, glossary.json.
CourseLoad load_course_files(const std::vector<SourceFile>& files);
// One bundle file, as bundle_course_files writes it.
CourseLoad load_course_bundle(std::string_view text, std::string_view name);
// The files as one bundle: {"format":"collection-coach-course","version":1,"course":…,"lessons":[…],"quotes":…,"glossary":…}
std::string bundle_course_files(const std::vector<SourceFile>& files);

// Reports every character of the course's text that the font cannot show.
using HasGlyph = std::function<bool(char32_t)>;
void check_glyphs(const Course& course, const HasGlyph& has_glyph, std::vector<ContentError>& errors);

}  // namespace coach
