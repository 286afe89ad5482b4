#include "course.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>

#include "json_tree.h"
#include "rich_text.h"
#include "utf8.h"

namespace coach {

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

namespace {

constexpr std::string_view kBundleFormat = "collection-coach-course";
constexpr JsonLimits kContentLimits{.max_bytes = 8u << 20, .max_depth = 16, .max_entries = 5000};

bool is_id(std::string_view id) {
    if (id.empty() || id.front() == '-' || id.back() == '-') return false;
    return std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

// Reads one JSON text into course structures, collecting errors with file and line.
class Parser {
public:
    Parser(std::string file, std::string_view text, std::vector<ContentError>& errors) : file_(std::move(file)), text_(text), errors_(errors) {}

    SourceRef at(const JsonValue& v) const {
        std::size_t line = 0, column = 0;
        line_and_column(text_, v.offset, line, column);
        return {file_, line};
    }
    void fail(const JsonValue& v, ContentProblem p, std::string subject, std::string detail = {}) const {
        errors_.push_back({at(v), p, std::move(subject), std::move(detail)});
    }

    // The root, or nullopt after reporting why there is none.
    std::optional<JsonValue> root() const {
        JsonTree tree = parse_json_tree(text_, kContentLimits);
        if (!tree.root) {
            errors_.push_back({{file_, tree.check.line}, ContentProblem::not_json, {}, {}, tree.check});
            return std::nullopt;
        }
        if (tree.root->type != JsonValue::Type::object) {
            fail(*tree.root, ContentProblem::wrong_type, "(file)", "object");
            return std::nullopt;
        }
        return std::move(tree.root);
    }

    const JsonValue* field(const JsonValue& obj, std::string_view key, JsonValue::Type type, const std::string& path) const {
        const JsonValue* v = obj.find(key);
        const std::string name = path.empty() ? std::string(key) : path + "." + std::string(key);
        if (v == nullptr) {
            fail(obj, ContentProblem::missing_field, name);
            return nullptr;
        }
        if (v->type != type) {
            fail(*v, ContentProblem::wrong_type, name, std::string(json_type_name(type)));
            return nullptr;
        }
        return v;
    }

    std::string id(const JsonValue& obj, const std::string& path) const {
        const JsonValue* v = field(obj, "id", JsonValue::Type::string, path);
        if (v == nullptr) return {};
        if (!is_id(v->text)) fail(*v, ContentProblem::bad_id, v->text);
        return v->text;
    }

    Text text(const JsonValue& obj, std::string_view key, const std::string& path) const {
        const std::string name = path.empty() ? std::string(key) : path + "." + std::string(key);
        const JsonValue* v = field(obj, key, JsonValue::Type::object, path);
        return v ? bilingual(*v, name) : Text{};
    }

    Text bilingual(const JsonValue& v, const std::string& name) const {
        Text t;
        t.where = at(v);
        if (v.type != JsonValue::Type::object) {
            fail(v, ContentProblem::wrong_type, name, "object");
            return t;
        }
        for (const char* lang : {"zh", "en"}) {
            const JsonValue* s = v.find(lang);
            if (s == nullptr || s->type != JsonValue::Type::string || s->text.empty()) {
                fail(s ? *s : v, ContentProblem::missing_translation, name, lang);
                continue;
            }
            (lang[0] == 'z' ? t.zh : t.en) = s->text;
        }
        return t;
    }

    // Calls fn(item, path) for each item of a non-empty list; `objects` reports items that
    // are not objects instead of handing them on.
    template <class Fn>
    void each(const JsonValue& obj, std::string_view key, const std::string& path, Fn fn, bool objects = true) const {
        const JsonValue* list = field(obj, key, JsonValue::Type::array, path);
        if (list == nullptr) return;
        const std::string name = path.empty() ? std::string(key) : path + "." + std::string(key);
        if (list->items.empty()) fail(*list, ContentProblem::empty, name);
        for (std::size_t i = 0; i < list->items.size(); ++i) {
            const JsonValue& item = list->items[i];
            const std::string item_path = name + "[" + std::to_string(i) + "]";
            if (objects && item.type != JsonValue::Type::object) fail(item, ContentProblem::wrong_type, item_path, "object");
            else fn(item, item_path);
        }
    }

private:
    std::string file_;
    std::string_view text_;
    std::vector<ContentError>& errors_;
};

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

template <class Items, class Ref>
void check_unique(const Items& items, Ref where, std::vector<ContentError>& errors) {
    std::set<std::string> seen;
    for (const auto& item : items)
        if (!item.id.empty() && !seen.insert(item.id).second) errors.push_back({where(item), ContentProblem::duplicate_id, item.id, {}});
}

void check_links(const Course& c, const Text& t, std::vector<ContentError>& errors) {
    std::set<std::string> ids[2];
    int side = 0;
    for (const std::string* s : {&t.zh, &t.en}) {
        const RichText rich = parse_rich_text(*s);
        if (!rich.error.empty()) errors.push_back({t.where, ContentProblem::bad_link, rich.error, {}});
        for (const TextLink& link : rich.links) {
            ids[side].insert(link.term);
            if (c.term(link.term) == nullptr) errors.push_back({t.where, ContentProblem::dangling_link, link.term, {}});
        }
        ++side;
    }
    if (!t.zh.empty() && !t.en.empty() && ids[0] != ids[1]) {
        std::string diff;
        for (int a = 0; a < 2; ++a)
            for (const std::string& id : ids[a])
                if (!ids[1 - a].count(id)) diff += (diff.empty() ? "" : ", ") + id;
        errors.push_back({t.where, ContentProblem::link_mismatch, diff, {}});
    }
}

// Cross-file rules: unique ids, quotes that name real lessons, links to real terms.
void validate(const Course& c, const std::vector<SourceRef>& quote_lesson_refs, std::vector<ContentError>& errors) {
    check_unique(c.lessons, [](const Lesson& l) { return l.title.where; }, errors);
    for (const Lesson& l : c.lessons) check_unique(l.pages, [](const Page& p) { return p.title.where; }, errors);
    check_unique(c.quotes, [](const Quote& q) { return q.text.where; }, errors);
    check_unique(c.glossary, [](const Term& t) { return t.term.where; }, errors);
    for (std::size_t i = 0; i < c.quotes.size(); ++i)
        if (!c.quotes[i].lesson.empty() && c.lesson(c.quotes[i].lesson) == nullptr)
            errors.push_back({quote_lesson_refs[i], ContentProblem::unknown_lesson, c.quotes[i].lesson, {}});
    for (const Lesson& l : c.lessons)
        for (const Page& p : l.pages)
            for (const Block& b : p.blocks) {
                if (b.kind == BlockKind::list)
                    for (const Text& item : b.items) check_links(c, item, errors);
                else
                    check_links(c, b.text, errors);
            }
}

// "lessons/12-team-kpi.json" -> 12, "team-kpi"; nullopt for other names.
std::optional<std::pair<int, std::string>> lesson_file(std::string_view name) {
    constexpr std::string_view dir = "lessons/", ext = ".json";
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

const SourceFile* find_file(const std::vector<SourceFile>& files, std::string_view name) {
    for (const SourceFile& f : files)
        if (f.name == name) return &f;
    return nullptr;
}

}  // namespace

CourseLoad load_course_files(const std::vector<SourceFile>& files) {
    CourseLoad load;
    std::vector<SourceRef> quote_refs;
    for (const char* required : {"course.json", "quotes.json", "glossary.json"})
        if (!find_file(files, required)) load.errors.push_back({{required, 0}, ContentProblem::missing_field, required, {}});
    if (const SourceFile* f = find_file(files, "course.json")) {
        Parser p(f->name, f->text, load.errors);
        if (auto root = p.root()) parse_course_info(p, *root, load.course, "");
    }
    std::vector<std::pair<int, const SourceFile*>> lessons;
    for (const SourceFile& f : files)
        if (auto lf = lesson_file(f.name)) lessons.push_back({lf->first, &f});
    std::stable_sort(lessons.begin(), lessons.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [number, f] : lessons) {
        Parser p(f->name, f->text, load.errors);
        auto root = p.root();
        if (!root) continue;
        Lesson lesson = parse_lesson(p, *root, "");
        const auto lf = lesson_file(f->name);
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
    return load;
}

std::string bundle_course_files(const std::vector<SourceFile>& files) {
    const auto text_of = [&](std::string_view name) {
        const SourceFile* f = find_file(files, name);
        return f ? f->text : std::string("{}");
    };
    std::vector<std::pair<int, const SourceFile*>> lessons;
    for (const SourceFile& f : files)
        if (auto lf = lesson_file(f.name)) lessons.push_back({lf->first, &f});
    std::stable_sort(lessons.begin(), lessons.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::string out = "{\"format\":\"" + std::string(kBundleFormat) + "\",\"version\":1,\n\"course\":" + text_of("course.json") + ",\n\"lessons\":[\n";
    for (std::size_t i = 0; i < lessons.size(); ++i) out += (i ? ",\n" : "") + lessons[i].second->text;
    out += "],\n\"quotes\":" + text_of("quotes.json") + ",\n\"glossary\":" + text_of("glossary.json") + "}\n";
    return out;
}

void check_glyphs(const Course& c, const HasGlyph& has_glyph, std::vector<ContentError>& errors) {
    std::set<char32_t> reported;
    const auto check = [&](const Text& t) {
        for (const std::string* s : {&t.zh, &t.en}) {
            for (std::size_t at = 0; at < s->size();) {
                const Utf8Step step = utf8_decode(*s, at);
                at += step.length;
                const char32_t cp = step.code_point;
                if (cp < 0x20 || cp == ' ' || cp == '\n' || reported.count(cp) || has_glyph(cp)) continue;
                reported.insert(cp);
                char hex[16];
                std::snprintf(hex, sizeof hex, "%04X", static_cast<unsigned>(cp));
                errors.push_back({t.where, ContentProblem::missing_glyph, s->substr(at - step.length, step.length), hex});
            }
        }
    };
    check(c.title);
    check(c.about);
    for (const Lesson& l : c.lessons) {
        check(l.title);
        check(l.summary);
        for (const Page& p : l.pages) {
            check(p.title);
            for (const Block& b : p.blocks) {
                check(b.text);
                for (const Text& item : b.items) check(item);
            }
        }
    }
    for (const Quote& q : c.quotes) check(q.text);
    for (const Term& t : c.glossary) {
        check(t.term);
        check(t.definition);
    }
}

}  // namespace coach

namespace coach {

std::string describe(const ContentError& e, Lang lang) {
    const auto type_name = [&](const std::string& t) -> std::string {
        if (t == "object") return std::string(tr(Msg::type_object, lang));
        if (t == "list") return std::string(tr(Msg::type_list, lang));
        if (t == "number") return std::string(tr(Msg::type_number, lang));
        return std::string(tr(Msg::type_text, lang));
    };
    std::string reason;
    switch (e.problem) {
        case ContentProblem::not_json: reason = describe(e.json, lang, kContentLimits); break;
        case ContentProblem::not_course: reason = tr(Msg::content_not_course, lang); break;
        case ContentProblem::missing_field: reason = format(tr(Msg::content_missing_field, lang), {e.subject}); break;
        case ContentProblem::wrong_type: reason = format(tr(Msg::content_wrong_type, lang), {e.subject, type_name(e.detail)}); break;
        case ContentProblem::missing_translation:
            reason = format(tr(Msg::content_missing_translation, lang), {e.subject, tr(e.detail == "zh" ? Msg::lang_name_zh : Msg::lang_name_en, lang)});
            break;
        case ContentProblem::empty: reason = format(tr(Msg::content_empty, lang), {e.subject}); break;
        case ContentProblem::bad_id: reason = format(tr(Msg::content_bad_id, lang), {e.subject}); break;
        case ContentProblem::duplicate_id: reason = format(tr(Msg::content_duplicate_id, lang), {e.subject}); break;
        case ContentProblem::unknown_lesson: reason = format(tr(Msg::content_unknown_lesson, lang), {e.subject}); break;
        case ContentProblem::dangling_link: reason = format(tr(Msg::content_dangling_link, lang), {e.subject}); break;
        case ContentProblem::bad_link: reason = format(tr(Msg::content_bad_link, lang), {e.subject}); break;
        case ContentProblem::link_mismatch: reason = format(tr(Msg::content_link_mismatch, lang), {e.subject}); break;
        case ContentProblem::unknown_value: reason = format(tr(Msg::content_unknown_value, lang), {e.subject, e.detail}); break;
        case ContentProblem::missing_glyph: reason = format(tr(Msg::content_missing_glyph, lang), {e.subject, e.detail}); break;
        case ContentProblem::file_name: reason = format(tr(Msg::content_file_name, lang), {e.subject}); break;
        case ContentProblem::fetch_failed: reason = format(tr(Msg::content_fetch_failed, lang), {e.detail}); break;
    }
    return format(tr(Msg::content_location, lang), {e.where.file, std::to_string(e.where.line), reason});
}

}  // namespace coach
