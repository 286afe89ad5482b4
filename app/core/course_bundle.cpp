// course_bundle: the content/ folder as the files the app loads: the course, and the quizzes
// apart (they load after the first frame). The files' own text is spliced in line for line
// (a bundle's lines are then the files' lines, offset), which is only safe for files that
// load_course_files accepted: the build checks first, then bundles. Only the indentation
// goes: JSON strings hold no raw line breaks, so what starts a line is never inside a string,
// and the first load is a little smaller.
#include "course.h"
#include "course_detail.h"

namespace coach {

using namespace course_detail;

namespace {

std::string without_indentation(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool line_start = true;
    for (char ch : text) {
        if (line_start && (ch == ' ' || ch == '\t')) continue;
        line_start = ch == '\n';
        out += ch;
    }
    return out;
}

}  // namespace

std::string bundle_course_files(const std::vector<SourceFile>& files) {
    const auto text_of = [&](std::string_view name) {
        const SourceFile* f = find_file(files, name);
        return f ? without_indentation(f->text) : std::string("{}");
    };
    const auto lessons = ordered_files(files, kLessonDir);
    std::string out = "{\"format\":\"" + std::string(kBundleFormat) + "\",\"version\":1,\n\"course\":" + text_of("course.json") + ",\n\"lessons\":[\n";
    for (std::size_t i = 0; i < lessons.size(); ++i) out += (i ? ",\n" : "") + without_indentation(lessons[i].second->text);
    out += "],\n\"quotes\":" + text_of("quotes.json") + ",\n\"glossary\":" + text_of("glossary.json") + "}\n";
    return out;
}

std::string bundle_quiz_files(const std::vector<SourceFile>& files) {
    const auto quizzes = ordered_files(files, kQuizDir);
    std::string out = "{\"format\":\"" + std::string(kQuizBundleFormat) + "\",\"version\":1,\n\"quizzes\":[\n";
    for (std::size_t i = 0; i < quizzes.size(); ++i) out += (i ? ",\n" : "") + without_indentation(quizzes[i].second->text);
    out += "]}\n";
    return out;
}

}  // namespace coach
