// course_parse: reads the course from its JSON text, the content/ folder's files or one
// bundle, into the structures of course.h. Every problem found on the way is collected with
// its file and line instead of stopping at the first, and the reader keeps going with what
// it has, so one run reports everything. Rules that need the whole course (ids unique, links
// and quotes pointing at real things) are course_validate.cpp's; the loaders call it last.
// Quizzes are read by quiz_parse.cpp, after the lessons they link to.
#include <algorithm>
#include <cctype>

#include "content_parser.h"
#include "course.h"
#include "course_detail.h"
#include "json_tree.h"

namespace coach {

using namespace course_detail;

const Lesson* Course::lesson(std::string_view id) const {
    for (const Lesson& l : lessons)
        if (l.id == id) return &l;
    return nullptr;
}

const Term* Course::term(std::string_view id) const {
    for (const Term& t : glossary)
        if (t.id == id) return &t;
    return nullptr;
}

const Quiz* Course::quiz(std::string_view id) const {
    for (const Quiz& q : quizzes)
        if (q.id == id) return &q;
    return nullptr;
}

namespace {

Block parse_block(const Parser& p, const JsonValue& v, const std::string& path) {
    Block b;
    if (const JsonValue* kind = p.field(v, "kind", JsonValue::Type::string, path)) {
        if (kind->text == "paragraph") b.kind = BlockKind::paragraph;
        else if (kind->text == "key_idea") b.kind = BlockKind::key_idea;
        else if (kind->text == "list") b.kind = BlockKind::list;
        else if (kind->text == "example") b.kind = BlockKind::example;
        else p.fail(*kind, ContentProblem::unknown_value, path + ".kind", kind->text);
    }
    if (const JsonValue* voice = p.field(v, "voice", JsonValue::Type::string, path)) {
        if (voice->text == "speaker") b.voice = Voice::speaker;
        else if (voice->text == "course") b.voice = Voice::course;
        else p.fail(*voice, ContentProblem::unknown_value, path + ".voice", voice->text);
    }
    if (b.kind == BlockKind::list) {
        p.each(v, "items", path, [&](const JsonValue& item, const std::string& name) { b.items.push_back(p.bilingual(item, name)); }, false);
    } else {
        b.text = p.text(v, "text", path);
    }
    return b;
}

Lesson parse_lesson(const Parser& p, const JsonValue& v, const std::string& path) {
    Lesson l;
    if (v.type != JsonValue::Type::object) {
        p.fail(v, ContentProblem::wrong_type, path.empty() ? "(lesson)" : path, "object");
        return l;
    }
    l.id = p.id(v, path);
    l.title = p.text(v, "title", path);
    l.summary = p.text(v, "summary", path);
    p.each(v, "pages", path, [&](const JsonValue& pv, const std::string& name) {
        Page page;
        page.id = p.id(pv, name);
        page.title = p.text(pv, "title", name);
        p.each(pv, "blocks", name, [&](const JsonValue& bv, const std::string& bname) { page.blocks.push_back(parse_block(p, bv, bname)); });
        l.pages.push_back(std::move(page));
    });
    return l;
}

void parse_course_info(const Parser& p, const JsonValue& v, Course& c, const std::string& path) {
    c.id = p.id(v, path);
    c.title = p.text(v, "title", path);
    c.about = p.text(v, "about", path);
}

void parse_quotes(const Parser& p, const JsonValue& v, Course& c, const std::string& path, std::vector<SourceRef>& quote_lesson_refs) {
    p.each(v, "quotes", path, [&](const JsonValue& qv, const std::string& name) {
        Quote q;
        q.id = p.id(qv, name);
        q.text = p.text(qv, "text", name);
        if (const JsonValue* lesson = p.field(qv, "lesson", JsonValue::Type::string, name)) {
            q.lesson = lesson->text;
            quote_lesson_refs.push_back(p.at(*lesson));
        } else {
            quote_lesson_refs.push_back(p.at(qv));
        }
        c.quotes.push_back(std::move(q));
    });
}

void parse_glossary(const Parser& p, const JsonValue& v, Course& c, const std::string& path) {
    p.each(v, "terms", path, [&](const JsonValue& tv, const std::string& name) {
        Term t;
        t.id = p.id(tv, name);
        t.term = p.text(tv, "term", name);
        t.definition = p.text(tv, "definition", name);
        c.glossary.push_back(std::move(t));
    });
}

}  // namespace

namespace course_detail {

std::optional<std::pair<int, std::string>> numbered_file(std::string_view name, std::string_view dir) {
    constexpr std::string_view ext = ".json";
    if (name.substr(0, dir.size()) != dir || name.size() <= dir.size() + ext.size() || name.substr(name.size() - ext.size()) != ext) return std::nullopt;
    const std::string_view base = name.substr(dir.size(), name.size() - dir.size() - ext.size());
    const std::size_t dash = base.find('-');
    if (dash == 0 || dash == std::string_view::npos) return std::pair<int, std::string>{-1, std::string(base)};
    int number = 0;
    for (char ch : base.substr(0, dash)) {
        if (!std::isdigit(static_cast<unsigned char>(ch))) return std::pair<int, std::string>{-1, std::string(base)};
        number = number * 10 + (ch - '0');
    }
    return std::pair<int, std::string>{number, std::string(base.substr(dash + 1))};
}

std::vector<std::pair<int, const SourceFile*>> ordered_files(const std::vector<SourceFile>& files, std::string_view dir) {
    std::vector<std::pair<int, const SourceFile*>> found;
    for (const SourceFile& f : files)
        if (auto nf = numbered_file(f.name, dir)) found.push_back({nf->first, &f});
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    return found;
}

const SourceFile* find_file(const std::vector<SourceFile>& files, std::string_view name) {
    for (const SourceFile& f : files)
        if (f.name == name) return &f;
    return nullptr;
}

}  // namespace course_detail

CourseLoad load_course_files(const std::vector<SourceFile>& files) {
    CourseLoad load;
    std::vector<SourceRef> quote_refs;
    for (const char* required : {"course.json", "quotes.json", "glossary.json"})
        if (!find_file(files, required)) load.errors.push_back({{required, 0}, ContentProblem::missing_field, required, {}});
    if (const SourceFile* f = find_file(files, "course.json")) {
        Parser p(f->name, f->text, load.errors);
        if (auto root = p.root()) parse_course_info(p, *root, load.course, "");
    }
    const auto lessons = ordered_files(files, kLessonDir);
    for (const auto& [number, f] : lessons) {
        Parser p(f->name, f->text, load.errors);
        auto root = p.root();
        if (!root) continue;
        Lesson lesson = parse_lesson(p, *root, "");
        const auto lf = numbered_file(f->name, kLessonDir);
        if (number < 0 || lf->second != lesson.id) load.errors.push_back({{f->name, 1}, ContentProblem::file_name, lesson.id, {}});
        load.course.lessons.push_back(std::move(lesson));
    }
    if (lessons.empty()) load.errors.push_back({{"lessons/", 0}, ContentProblem::empty, "lessons", {}});
    if (const SourceFile* f = find_file(files, "quotes.json")) {
        Parser p(f->name, f->text, load.errors);
        if (auto root = p.root()) parse_quotes(p, *root, load.course, "", quote_refs);
    }
    if (const SourceFile* f = find_file(files, "glossary.json")) {
        Parser p(f->name, f->text, load.errors);
        if (auto root = p.root()) parse_glossary(p, *root, load.course, "");
    }
    validate(load.course, quote_refs, load.errors);
    load.course.quizzes = read_quiz_files(files, load.course, load.errors);
    return load;
}

CourseLoad load_course_bundle(std::string_view text, std::string_view name) {
    CourseLoad load;
    Parser p(std::string(name), text, load.errors);
    auto root = p.root();
    if (!root) return load;
    const JsonValue* format = root->find("format");
    if (format == nullptr || format->type != JsonValue::Type::string || format->text != kBundleFormat) {
        p.fail(*root, ContentProblem::not_course, {});
        return load;
    }
    std::vector<SourceRef> quote_refs;
    if (const JsonValue* info = p.field(*root, "course", JsonValue::Type::object, "")) parse_course_info(p, *info, load.course, "course");
    p.each(*root, "lessons", "", [&](const JsonValue& v, const std::string& path) { load.course.lessons.push_back(parse_lesson(p, v, path)); });
    if (const JsonValue* q = p.field(*root, "quotes", JsonValue::Type::object, "")) parse_quotes(p, *q, load.course, "quotes", quote_refs);
    if (const JsonValue* g = p.field(*root, "glossary", JsonValue::Type::object, "")) parse_glossary(p, *g, load.course, "glossary");
    validate(load.course, quote_refs, load.errors);
    // An instructor's course may bring its own quizzes; bundles written before quizzes existed have none.
    if (const JsonValue* quizzes = p.optional_field(*root, "quizzes", JsonValue::Type::array, ""))
        load.course.quizzes = read_quiz_list(p, *quizzes, "quizzes", load.course, load.errors);
    return load;
}

}  // namespace coach
