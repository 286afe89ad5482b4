// lesson_html: the plain version of the course, as static HTML pages a learner can read,
// print or keep when the app itself cannot run (no WebAssembly, no WebGL2, an old phone, a
// screen reader that cannot see a canvas).
//
// For each language (zh, en): one page per lesson, `<lesson-id>.<lang>.html`, every page of
// the lesson in order as a section (h1 the lesson, h2 each page, id = the page's id); a
// glossary, `glossary.<lang>.html`, one entry per term (id = the term's id); and a contents
// page, `index.<lang>.html`, listing the lessons and the course quotes. Every page links the
// contents, the glossary, the same page in the other language, and, for lessons, the
// previous and next lesson. Blocks read as in the app: key ideas and examples set off and
// labelled, whose words they are said where it changes, glossary terms linked.
//
// The output is complete HTML with a small inline style sheet (readable line length, system
// CJK fonts, a print layout) and no script, so it needs nothing but a browser. Text is
// escaped; nothing from the content reaches the page as markup. The pages are written for
// the folder layout the build makes: dist/lessons/ next to the app's dist/index.html.
// This file only makes text; writing the files is the content tool's job.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "course.h"
#include "i18n.h"

namespace coach {

struct HtmlFile {
    std::string name;  // a bare file name: "six-steps.zh.html"
    std::string html;
};

struct PlainOptions {
    // The app, as seen from the pages, for the link "practise this lesson in the app"
    // (?lesson=…&lang=… is added). Empty: no link to the app.
    std::string app = "../index.html";
};

// "six-steps.zh.html"; the same rule names "index.<lang>.html" and "glossary.<lang>.html".
std::string plain_file_name(std::string_view page, Lang lang);

// Lesson ids the plain version cannot use as file names, because its contents page and
// glossary already do ("index", "glossary"); the content tool refuses to write over them.
std::vector<std::string> plain_name_clashes(const Course& course);

// Every page of the plain version, in both languages: lessons in course order, then the
// glossary and the contents page, Chinese before English.
std::vector<HtmlFile> plain_lessons(const Course& course, const PlainOptions& options = {});

// &, <, >, " and ' as character references: safe in text and in quoted attribute values.
std::string html_escape(std::string_view text);

}  // namespace coach
