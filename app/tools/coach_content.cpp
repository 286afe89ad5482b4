// coach_content: checks the course content and bundles it for the app.
//
//   coach_content check          CONTENT_DIR [--glyphs FILE] [--lang zh|en]
//   coach_content bundle         CONTENT_DIR OUT_FILE [--glyphs FILE]
//   coach_content bundle-quizzes CONTENT_DIR OUT_FILE [--glyphs FILE]
//   coach_content plain          CONTENT_DIR OUT_DIR  [--glyphs FILE] [--app URL]
//
// Loads every file, quizzes included, through the same core code the app uses
// (core/course.h), then the self-assessment (assessment.json, core/assessment.h) against the
// course when the folder has one, and prints each problem as "file:line: reason"; exits 1 if
// there is any,
// so the build stops and nothing is written. --glyphs names a file of the code points the
// app's fonts cover (one hex number a line, written by tools/font_subset.py coverage); every
// character of the content must be among them. `bundle` writes the course (course.json),
// `bundle-quizzes` the quizzes (quizzes.json), which the app loads after the first frame.
//
// `plain` writes the plain version of the course (core/lesson_html.h) into OUT_DIR, one HTML
// file per lesson and language plus the glossary and the contents page, and removes pages of
// lessons that no longer exist (only files named like its own, "*.zh.html" and "*.en.html").
// --app is the app's address as seen from OUT_DIR (default ../index.html; "" for no link).
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/assessment.h"
#include "core/course.h"
#include "core/lesson_html.h"

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::vector<coach::SourceFile> read_content(const fs::path& dir) {
    std::vector<coach::SourceFile> files;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
        files.push_back({fs::relative(entry.path(), dir).generic_string(), read_file(entry.path())});
    }
    return files;
}

std::set<char32_t> read_glyphs(const fs::path& path) {
    std::set<char32_t> glyphs;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line))
        if (!line.empty()) glyphs.insert(static_cast<char32_t>(std::stoul(line, nullptr, 16)));
    return glyphs;
}

// Writes through a temporary file, so a reader never sees half a file.
void write_file(const fs::path& path, const std::string& text) {
    const fs::path tmp = path.string() + ".tmp";
    std::ofstream(tmp, std::ios::binary) << text;
    fs::rename(tmp, path);
}

bool plain_page_name(const std::string& name) {
    const auto ends_with = [&](std::string_view end) { return name.size() > end.size() && name.compare(name.size() - end.size(), end.size(), end) == 0; };
    return ends_with(".zh.html") || ends_with(".en.html");
}

// Lesson ids that would overwrite a page of the plain version, reported with the content's
// other problems (so one run names them all); returns how many.
std::size_t report_plain_clashes(const coach::Course& course, const fs::path& content, coach::Lang lang) {
    const std::vector<std::string> clashes = coach::plain_name_clashes(course);
    for (const std::string& id : clashes) {
        const coach::SourceRef& where = course.lesson(id)->title.where;
        std::cerr << (content / where.file).generic_string() << ":" << where.line << ": "
                  << (lang == coach::Lang::zh ? "课程 id“" + id + "”与纯文本版的目录页或术语表同名，请换一个 id。"
                                              : "The lesson id “" + id + "” is the name of a page of the plain version (its contents or glossary); choose another id.")
                  << "\n";
    }
    return clashes.size();
}

int write_plain(const coach::Course& course, const fs::path& out, const coach::PlainOptions& options) {
    fs::create_directories(out);
    std::set<std::string> written;
    for (const coach::HtmlFile& file : coach::plain_lessons(course, options)) {
        write_file(out / file.name, file.html);
        written.insert(file.name);
    }
    for (const auto& entry : fs::directory_iterator(out)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file() && plain_page_name(name) && !written.count(name)) fs::remove(entry.path());
    }
    std::cout << "coach_content: " << written.size() << " plain pages in " << out.string() << "\n";
    return 0;
}

int usage() {
    std::cerr << "usage: coach_content check CONTENT_DIR [--glyphs FILE] [--lang zh|en]\n"
                 "       coach_content bundle CONTENT_DIR OUT_FILE [--glyphs FILE]\n"
                 "       coach_content bundle-quizzes CONTENT_DIR OUT_FILE [--glyphs FILE]\n"
                 "       coach_content plain CONTENT_DIR OUT_DIR [--glyphs FILE] [--app URL]\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    std::string glyphs_file;
    coach::PlainOptions plain;
    coach::Lang lang = coach::Lang::en;
    std::vector<std::string> positional;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--glyphs" && i + 1 < args.size()) glyphs_file = args[++i];
        else if (args[i] == "--lang" && i + 1 < args.size()) lang = coach::parse_lang(args[++i]).value_or(coach::Lang::en);
        else if (args[i] == "--app" && i + 1 < args.size()) plain.app = args[++i];
        else positional.push_back(args[i]);
    }
    if (positional.size() < 2) return usage();
    const std::string& command = positional[0];
    const fs::path dir = positional[1];
    if ((command != "check" && command != "bundle" && command != "bundle-quizzes" && command != "plain") || (command != "check" && positional.size() < 3))
        return usage();
    if (!fs::is_directory(dir)) {
        std::cerr << dir.string() << ": not a folder\n";
        return 2;
    }

    const std::vector<coach::SourceFile> files = read_content(dir);
    coach::CourseLoad load = coach::load_course_files(files);
    // The self-assessment links into the course, so it is read after it. A course without one
    // (an instructor's) is still a course.
    std::optional<coach::AssessmentLoad> assessment;
    if (const auto f = std::find_if(files.begin(), files.end(), [](const coach::SourceFile& sf) { return sf.name == "assessment.json"; }); f != files.end()) {
        assessment = coach::load_assessment(f->text, f->name, load.course);
        load.errors.insert(load.errors.end(), assessment->errors.begin(), assessment->errors.end());
    }
    if (!glyphs_file.empty()) {
        const std::set<char32_t> glyphs = read_glyphs(glyphs_file);
        if (glyphs.empty()) {
            std::cerr << glyphs_file << ": no glyph list\n";
            return 2;
        }
        const auto has_glyph = [&](char32_t c) { return glyphs.count(c) > 0; };
        coach::check_glyphs(load.course, has_glyph, load.errors);
        if (assessment && assessment->assessment) {
            // The glyph check reads a course: the assessment's texts go to it as one page. (A
            // refused assessment has no texts to give; its glyphs are checked once it loads.)
            coach::Course texts;
            coach::Page page;
            coach::for_each_text(*assessment->assessment, [&](const coach::Text& t) { page.blocks.push_back({.text = t}); });
            texts.lessons.push_back({.pages = {std::move(page)}});
            coach::check_glyphs(texts, has_glyph, load.errors);
        }
    }
    for (const coach::ContentError& e : load.errors) {
        coach::ContentError located = e;
        located.where.file = (dir / e.where.file).generic_string();
        std::cerr << coach::describe(located, lang) << "\n";
    }
    const std::size_t clashes = command == "plain" ? report_plain_clashes(load.course, dir, lang) : 0;
    if (!load.ok() || clashes > 0) {
        std::cerr << load.errors.size() + clashes << " problem(s) in " << dir.string() << "\n";
        return 1;
    }
    std::size_t pages = 0, items = 0;
    for (const coach::Lesson& l : load.course.lessons) pages += l.pages.size();
    for (const coach::Quiz& q : load.course.quizzes) items += q.items.size();
    if (command == "bundle") write_file(positional[2], coach::bundle_course_files(files));
    if (command == "bundle-quizzes") write_file(positional[2], coach::bundle_quiz_files(files));
    if (command == "plain" && write_plain(load.course, positional[2], plain) != 0) return 1;
    std::cout << "coach_content: " << load.course.lessons.size() << " lessons, " << pages << " pages, " << load.course.quotes.size()
              << " quotes, " << load.course.glossary.size() << " terms, " << load.course.quizzes.size() << " quizzes with " << items << " items, "
              << (assessment ? "a self-assessment of " + std::to_string(assessment->assessment->statements.size()) + " statements"
                             : std::string("no self-assessment"))
              << ": all checks passed\n";
    return 0;
}
