#include "learner.h"

#include <algorithm>

namespace coach {
namespace {

struct Apply {
    LearnerDoc& doc;
    void operator()(const SetLang& a) const { doc.prefs.lang = a.lang; }
    void operator()(const SetGoal& a) const { doc.prefs.goal = a.goal; }
    void operator()(const SetReading& a) const { doc.reading = a.reading; }
    void operator()(const OpenLessonPage& a) const {
        // The lesson opened last goes last: that is where "continue" leads.
        LessonProgress p{a.lesson, 0, 0, 0};
        auto it = std::find_if(doc.lessons.begin(), doc.lessons.end(), [&](const LessonProgress& q) { return q.lesson == a.lesson; });
        if (it != doc.lessons.end()) {
            p = *it;
            doc.lessons.erase(it);
        }
        p.page = a.page;
        p.page_count = a.page_count;
        p.pages_seen = std::max(p.pages_seen, std::min(a.page + 1, a.page_count));
        doc.lessons.push_back(p);
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
