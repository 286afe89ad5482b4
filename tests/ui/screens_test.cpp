// Every screen, drawn headless in both languages: the view tree it publishes is well formed,
// every control is named, it fits a 360 px phone at 200 % text, and the app can be driven by
// meaning (activate, focus, edit) as the page's mirror drives it.
#include <catch2/catch.hpp>

#include <set>

#include "headless.h"

using namespace coach;
using namespace coach::test;

namespace {

struct Place {
    const char* what;
    Route route;
};

std::vector<Place> places() {
    return {
        {"home", Route{}},
        {"lessons", Route{.screen = Screen::lessons}},
        {"a lesson page", Route{.screen = Screen::lesson, .lesson = "credit-management", .page = 2}},
        {"a term over a page", Route{.screen = Screen::lesson, .lesson = "buyer-roles", .page = 0, .term = "coach"}},
        {"the quote deck", Route{.screen = Screen::quotes, .quote = 5}},
        {"the glossary", Route{.screen = Screen::glossary}},
        {"settings", Route{.screen = Screen::settings}},
        {"the plan's dashboard", Route{.screen = Screen::plan}},
        {"the account list", Route{.screen = Screen::accounts}},
        {"an account", Route{.screen = Screen::account, .account = "no-such-account"}},
        {"the plan's import", Route{.screen = Screen::plan_import}},
        {"the quizzes", Route{.screen = Screen::quizzes}},
        {"a quiz item", Route{.screen = Screen::quiz, .quiz = "sample", .item = 3}},
        {"the review", Route{.screen = Screen::review}},
        {"the quote cards", Route{.screen = Screen::review, .deck = "quotes"}},
    };
}


void open(Headless& app, const Route& route, Lang lang) {
    app.state.lang = lang;
    app.state.nav = Nav{{route}};
    app.draw();
}

}  // namespace

TEST_CASE("every screen publishes a well-formed, named tree in both languages", "[screens]") {
    Headless app;
    REQUIRE(app.state.course.lesson("credit-management") != nullptr);
    REQUIRE(app.state.course.term("coach") != nullptr);
    for (Lang lang : {Lang::zh, Lang::en}) {
        for (const Place& place : places()) {
            INFO(place.what << " in " << lang_code(lang));
            open(app, place.route, lang);
            CHECK(app.tree().lang == lang_code(lang));
            check_well_formed(app.tree());  // one title per screen: where focus lands on arrival
        }
    }
}

TEST_CASE("a term opens as a dialog over its page, named by the term", "[screens]") {
    Headless app;
    open(app, Route{.screen = Screen::lesson, .lesson = "buyer-roles", .page = 0, .term = "coach"}, Lang::en);
    const ViewNode* dialog = app.tree().find("term");
    REQUIRE(dialog != nullptr);
    CHECK(dialog->role == Role::dialog);
    CHECK(dialog->name == app.state.course.term("coach")->term.en);
    REQUIRE(app.activate("term.close"));
    CHECK(app.state.nav.here().term.empty());
    CHECK(app.tree().find("term") == nullptr);
}

TEST_CASE("every screen fits 360 CSS px wide at 100 % and 200 % text", "[screens]") {
    for (int percent : {100, 200}) {
        Headless app(360, 740);
        change(app.state.store, SetReading{{static_cast<std::uint32_t>(percent), ""}});
        for (Lang lang : {Lang::zh, Lang::en}) {
            for (const Place& place : places()) {
                open(app, place.route, lang);
                for (const ViewNode* n : nodes(app.tree())) {
                    INFO(place.what << " in " << lang_code(lang) << " at " << percent << " %: " << n->id << " spans " << n->rect.x << " to "
                                    << n->rect.x + n->rect.w);
                    CHECK(n->rect.x >= -0.5f);
                    CHECK(n->rect.x + n->rect.w <= 360.5f);
                }
            }
        }
    }
}

TEST_CASE("body text is at least 16 CSS px an ideograph, and 200 % doubles it", "[screens]") {
    Headless app;
    const std::string run = "回款回款回款回款回款回款回款回款回款回款";  // 20 ideographs
    for (int percent : {100, 200}) {
        const ui::Metrics m = ui::scaled(ui::Metrics{}, percent);
        const float width = app.font()->CalcTextSizeA(ui::font_px(m.body), FLT_MAX, 0, run.data(), run.data() + run.size()).x / 20;
        INFO(percent << " %: " << width << " px an ideograph");
        CHECK(width >= 16.0f * percent / 100);
        CHECK(width == Approx(m.body).epsilon(0.03));
    }
}

TEST_CASE("the app is driven by meaning: activate, focus and edit", "[screens]") {
    Headless app;
    open(app, Route{}, Lang::zh);
    SECTION("activate opens a module, and Back goes up again") {
        REQUIRE(app.activate("module.lessons"));
        CHECK(app.state.nav.here().screen == Screen::lessons);
        REQUIRE(app.effects().history.size() == 1);
        CHECK(app.effects().history[0].op == HistoryOp::push);
        CHECK(app.effects().arrived);
        REQUIRE(app.activate("lessons.back"));
        CHECK(app.state.nav.here().screen == Screen::home);
        CHECK(app.effects().history[0].op == HistoryOp::go_back);
    }
    SECTION("an id that is not on screen is not taken") {
        CHECK_FALSE(app.activate("lesson.next"));
        CHECK(app.state.nav.here().screen == Screen::home);
    }
    SECTION("focus marks the node and the tree") {
        app.input.focus = "module.plan";
        app.input.focus_visible = true;
        const ViewTree& tree = app.draw();
        CHECK(tree.focus == "module.plan");
        CHECK(tree.find("module.plan")->state.focused);
        CHECK_FALSE(tree.find("module.lessons")->state.focused);
    }
    SECTION("a field keeps exactly what was typed, emoji and all") {
        const std::string typed = "回款 💰 𠀀 e\xCC\x81 ok";  // an emoji, CJK Extension B, a combining accent
        app.input.focus = "goal";
        app.input.edits["goal"] = {typed, 3, 3, ""};
        const ViewTree& tree = app.draw();
        CHECK(app.state.store.doc.prefs.goal == typed);
        CHECK(tree.find("goal")->state.value_text == typed);
        CHECK(tree.find("goal")->role == Role::textbox);
    }
    SECTION("a change from elsewhere (an import, another tab) is not undone by the field's old text") {
        app.input.focus = "goal";
        app.input.edits["goal"] = {"typed here", 10, 10, ""};
        app.draw();
        REQUIRE(app.state.store.doc.prefs.goal == "typed here");
        change(app.state.store, SetGoal{"from the other tab"});
        const ViewTree& tree = app.draw();
        CHECK(app.state.store.doc.prefs.goal == "from the other tab");
        CHECK(tree.find("goal")->state.value_text == "from the other tab");
    }
    SECTION("an IME's unfinished text is shown, never stored") {
        app.input.focus = "goal";
        app.input.edits["goal"] = {"回款", 6, 6, "jihua"};
        app.draw();
        CHECK(app.state.store.doc.prefs.goal == "回款");
    }
}

TEST_CASE("Escape goes up a screen and closes a term first", "[screens]") {
    Headless app;
    app.state.nav = Nav{{Route{}, Route{.screen = Screen::lessons}, Route{.screen = Screen::lesson, .lesson = "six-steps", .page = 1},
                         Route{.screen = Screen::lesson, .lesson = "six-steps", .page = 1, .term = "dso"}}};
    REQUIRE(app.state.course.term("dso") != nullptr);
    app.draw();
    ImGui::GetIO().AddKeyEvent(ImGuiKey_Escape, true);
    app.draw(1);
    ImGui::GetIO().AddKeyEvent(ImGuiKey_Escape, false);
    app.draw(1);
    CHECK(app.state.nav.here().term.empty());
    CHECK(app.state.nav.here().screen == Screen::lesson);
    ImGui::GetIO().AddKeyEvent(ImGuiKey_Escape, true);
    app.draw(1);
    ImGui::GetIO().AddKeyEvent(ImGuiKey_Escape, false);
    app.draw(1);
    CHECK(app.state.nav.here().screen == Screen::lessons);
}

TEST_CASE("continue leads to a lesson with something left to read", "[screens]") {
    Headless app;
    const Course& c = app.state.course;
    const Lesson& first = c.lessons[0];
    const Lesson& second = c.lessons[1];
    // The second lesson half read, then the first read to the end (the last one opened).
    change(app.state.store, OpenLessonPage{second.id, 1, static_cast<std::uint32_t>(second.pages.size())});
    for (std::uint32_t p = 0; p < first.pages.size(); ++p) change(app.state.store, OpenLessonPage{first.id, p, static_cast<std::uint32_t>(first.pages.size())});
    const auto next = ui::continue_route(app.state);
    REQUIRE(next.has_value());
    CHECK(next->lesson == second.id);
    CHECK(next->page == 1);
    open(app, Route{}, Lang::en);
    CHECK(app.tree().find("continue")->name.find(second.title.en) != std::string::npos);
}

TEST_CASE("text size and colours are set in Settings and kept in the document", "[screens]") {
    Headless app;
    open(app, Route{.screen = Screen::settings}, Lang::en);
    CHECK(app.tree().find("settings.text-smaller") == nullptr);  // already the smallest
    REQUIRE(app.activate("settings.text-larger"));
    CHECK(app.state.store.doc.reading.text_percent == 125);
    CHECK(app.tree().find("settings.text-size.value")->name == "125%");
    for (int i = 0; i < 5; ++i) app.activate("settings.text-larger");
    CHECK(app.state.store.doc.reading.text_percent == 200);
    CHECK(app.tree().find("settings.text-larger") == nullptr);  // the largest
    CHECK(app.tree().find("settings.theme.auto")->state.checked == true);
    REQUIRE(app.activate("settings.theme.high-contrast"));
    CHECK(app.state.store.doc.reading.theme == "high-contrast");
    CHECK(ui::theme_id(app.state) == ThemeId::high_contrast);
    CHECK(app.tree().find("settings.theme.high-contrast")->state.checked == true);
    CHECK(app.tree().find("settings.theme.auto")->state.checked == false);
    // Following the system: dark when the system is dark.
    REQUIRE(app.activate("settings.theme.auto"));
    app.state.system.dark = true;
    CHECK(ui::theme_id(app.state) == ThemeId::dark);
}
