#include <catch2/catch.hpp>

#include "core/learner.h"

using namespace coach;

TEST_CASE("preferences change through actions", "[learner]") {
    LearnerDoc d = apply({}, SetLang{"en"});
    d = apply(d, SetGoal{"回款"});
    CHECK(d.prefs.lang == "en");
    CHECK(d.prefs.goal == "回款");
}

TEST_CASE("opening a lesson page records where the learner is and how far they got", "[learner]") {
    LearnerDoc d = apply({}, OpenLessonPage{"six-steps", 2, 5});
    d = apply(d, OpenLessonPage{"six-steps", 0, 5});
    const LessonProgress* p = find_lesson(d, "six-steps");
    REQUIRE(p != nullptr);
    CHECK(p->page == 0);
    CHECK(p->pages_seen == 3);  // going back does not undo progress
    d = apply(d, OpenLessonPage{"six-steps", 4, 5});
    CHECK(find_lesson(d, "six-steps")->pages_seen == 5);
    CHECK(find_lesson(d, "team-kpi") == nullptr);
}

TEST_CASE("an import replaces the whole document", "[learner]") {
    LearnerDoc imported;
    imported.prefs.goal = "imported";
    LearnerDoc d = apply(apply({}, SetGoal{"mine"}), ReplaceDocument{imported});
    CHECK(d == imported);
}
