// course_validate: the rules a course must keep beyond the shape of each file. Ids are
// unique where they are looked up, quotes name real lessons, glossary links are well formed,
// point at real terms and are the same in both languages, and (when the caller knows its
// font) every character can be drawn, the quizzes' too (their own rules are
// quiz_validate.cpp's). Problems are appended, never thrown, so the reader, the build's
// validator and the app report them all at once.
#include <cstdio>
#include <set>

#include "course.h"
#include "course_detail.h"
#include "rich_text.h"
#include "utf8.h"

namespace coach {
namespace {

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

}  // namespace

void course_detail::validate(const Course& c, const std::vector<SourceRef>& quote_lesson_refs, std::vector<ContentError>& errors) {
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
    for (const Quiz& q : c.quizzes) course_detail::for_each_text(q, check);
}

}  // namespace coach
