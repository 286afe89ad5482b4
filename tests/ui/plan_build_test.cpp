// The two web builds (ui/plan_screens.h): in the first load's build, which has no plan screens,
// every plan address draws one status line and asks the page for the build with the plan, and
// nothing of the plan (its notice included) is drawn; in the build with the plan the same
// addresses draw their screens and ask for nothing.
#include <catch2/catch.hpp>

#include "headless.h"
#include "screen_checks.h"

using namespace coach;
using namespace coach::test;

TEST_CASE("without the plan's screens, a plan address says it is coming and asks for the build with the plan", "[plan-screens]") {
    Headless app;
    app.state.plan_screens = nullptr;
    app.state.plan.notice = PlanNotice::quota;  // news of the plan's storage: not this build's to show
    for (const Screen screen : {Screen::plan, Screen::accounts, Screen::plan_import}) {
        app.open(Route{.screen = screen}, Lang::zh);
        INFO(app.tree().screen);
        CHECK(must_find(app, "plan.status").name == "回款计划正在加载……");
        CHECK(must_find(app, "plan.status").role == Role::status);
        CHECK(app.effects().load_plan_build);
        CHECK(app.tree().find("plan.notice") == nullptr);
        CHECK(app.tree().find("plan.title") == nullptr);
    }
    app.open(Route{.screen = Screen::account, .account = "k1"}, Lang::en);
    CHECK(must_find(app, "plan.status").name == "Loading the collection plan…");
    CHECK(app.effects().load_plan_build);

    // Elsewhere nothing is asked for.
    app.open(Route{.screen = Screen::home}, Lang::zh);
    CHECK_FALSE(app.effects().load_plan_build);
    CHECK(app.tree().find("module.plan") != nullptr);
}

TEST_CASE("with the plan's screens, a plan address draws its screen and asks for no other build", "[plan-screens]") {
    Headless app;
    REQUIRE(app.state.plan_screens == &ui::kPlanScreens);
    with_plan(app, Plan{});
    app.state.plan.notice = PlanNotice::quota;
    app.open(Route{.screen = Screen::plan}, Lang::zh);
    CHECK_FALSE(app.effects().load_plan_build);
    CHECK(must_find(app, "plan.title").name == "回款计划");
    CHECK(must_find(app, "plan.notice").role == Role::alert);
}
