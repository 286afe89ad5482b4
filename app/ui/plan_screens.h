// plan_screens: the collection plan's four screens and its notice, behind one table.
//
// The web app comes as two builds of the same code. The first load (app.wasm) is the lessons,
// the quizzes and the self-assessment: the plan's screens, its import, its records and its
// analytics would add about a third to every learner's first wait, most of whom open a lesson
// first. The build with the plan (app-plan.wasm) links this table in (app/platform/web_plan.cpp
// sets AppState::plan_screens); in the first build the pointer stays null, and a plan screen
// asks the page for the build that has it (AppEffects::load_plan_build), which opens the same
// address there. The native build (tests, tools) always has the table.
#pragma once

namespace coach::ui {

struct AppState;
struct AppEffects;
struct Ui;

struct PlanScreens {
    void (*draw)(AppState& state, Ui& ui, AppEffects& effects);    // the screen nav is on: plan, accounts, account or plan_import
    void (*notice)(AppState& state, Ui& ui, AppEffects& effects);  // the plan's storage news, on those screens only
};

extern const PlanScreens kPlanScreens;

}  // namespace coach::ui
