#include "learner.h"

#include <algorithm>

namespace coach {
namespace {

struct Apply {
    LearnerDoc& doc;
    void operator()(const SetLang& a) const { doc.prefs.lang = a.lang; }
    void operator()(const SetGoal& a) const { doc.prefs.goal = a.goal; }
    void operator()(const OpenLessonPage& a) const {
        auto it = std::find_if(doc.lessons.begin(), doc.lessons.end(), [&](const LessonProgress& p) { return p.lesson == a.lesson; });
        if (it == doc.lessons.end()) it = doc.lessons.insert(doc.lessons.end(), LessonProgress{a.lesson, 0, 0, 0});
        it->page = a.page;
        it->page_count = a.page_count;
        it->pages_seen = std::max(it->pages_seen, std::min(a.page + 1, a.page_count));
    }
    void operator()(const ReplaceDocument& a) const { doc = a.doc; }
};

}  // namespace

LearnerDoc apply(LearnerDoc doc, const LearnerAction& action) {
    std::visit(Apply{doc}, action);
    return doc;
}

const LessonProgress* find_lesson(const LearnerDoc& doc, std::string_view lesson) {
    for (const LessonProgress& p : doc.lessons)
        if (p.lesson == lesson) return &p;
    return nullptr;
}

}  // namespace coach
