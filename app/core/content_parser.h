// content_parser: reads one JSON text of course content (a lesson, a quiz, a bundle) field by
// field, collecting every problem with its file and line instead of stopping at the first.
//
// Shared by course_parse.cpp and quiz_parse.cpp, which know what the fields mean; this only
// knows JSON: a field that is missing or of the wrong type, a malformed id, a text without
// one of its languages, an empty list. Nothing here is part of the public interface (course.h).
#pragma once
#include <algorithm>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "course.h"
#include "course_detail.h"
#include "json_tree.h"

namespace coach::course_detail {

// Ids are kebab-case: lowercase ASCII letters, digits and inner hyphens.
inline bool is_id(std::string_view id) {
    if (id.empty() || id.front() == '-' || id.back() == '-') return false;
    return std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

// Reads one JSON text into course structures, collecting errors with file and line.
class Parser {
public:
    Parser(std::string file, std::string_view text, std::vector<ContentError>& errors) : file_(std::move(file)), text_(text), errors_(errors) {}

    SourceRef at(const JsonValue& v) const {
        if (lines_.starts.empty()) lines_ = index_lines(text_);  // once: a quiz file names hundreds of lines
        return {file_, line_at(lines_, v.offset)};
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

    static std::string join(const std::string& path, std::string_view key) { return path.empty() ? std::string(key) : path + "." + std::string(key); }

    const JsonValue* field(const JsonValue& obj, std::string_view key, JsonValue::Type type, const std::string& path) const {
        if (obj.find(key) == nullptr) {
            fail(obj, ContentProblem::missing_field, join(path, key));
            return nullptr;
        }
        return optional_field(obj, key, type, path);
    }

    // A field that may be left out: nullptr when it is (silently) or when it has the wrong
    // type (reported).
    const JsonValue* optional_field(const JsonValue& obj, std::string_view key, JsonValue::Type type, const std::string& path) const {
        const JsonValue* v = obj.find(key);
        if (v == nullptr) return nullptr;
        if (v->type != type) {
            fail(*v, ContentProblem::wrong_type, join(path, key), std::string(json_type_name(type)));
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
        const JsonValue* v = field(obj, key, JsonValue::Type::object, path);
        return v ? bilingual(*v, join(path, key)) : Text{};
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

    bool boolean(const JsonValue& v) const { return v.text == "true"; }

    // A number as written ("0.8"); the tree has checked it is a JSON number, so strtod reads
    // all of it (content is parsed in the C locale: "." is the decimal point).
    static double number(const JsonValue& v) { return std::strtod(v.text.c_str(), nullptr); }

    // Calls fn(item, path) for each item of a non-empty list; `objects` reports items that
    // are not objects instead of handing them on.
    template <class Fn>
    void each(const JsonValue& obj, std::string_view key, const std::string& path, Fn fn, bool objects = true) const {
        const JsonValue* list = field(obj, key, JsonValue::Type::array, path);
        if (list == nullptr) return;
        const std::string name = join(path, key);
        if (list->items.empty()) fail(*list, ContentProblem::empty, name);
        for (std::size_t i = 0; i < list->items.size(); ++i) {
            const JsonValue& item = list->items[i];
            const std::string item_path = name + "[" + std::to_string(i) + "]";
            if (objects && item.type != JsonValue::Type::object) fail(item, ContentProblem::wrong_type, item_path, "object");
            else fn(item, item_path);
        }
    }

    const std::string& file() const { return file_; }

private:
    std::string file_;
    std::string_view text_;
    std::vector<ContentError>& errors_;
    mutable LineIndex lines_;  // built by the first at()
};

}  // namespace coach::course_detail
