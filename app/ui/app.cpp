#include "app.h"

namespace coach::ui {

namespace {
constexpr ModuleInfo kModules[] = {
    {Module::lessons, "lessons", Msg::module_lessons, Msg::module_lessons_about, false},
    {Module::quizzes, "quizzes", Msg::module_quizzes, Msg::module_quizzes_about, false},
    {Module::assessment, "assessment", Msg::module_assessment, Msg::module_assessment_about, false},
    {Module::plan, "plan", Msg::module_plan, Msg::module_plan_about, false},
};
}  // namespace

std::span<const ModuleInfo> modules() { return kModules; }

const ModuleInfo& module_info(Module module) {
    for (const ModuleInfo& m : kModules)
        if (m.module == module) return m;
    return kModules[0];
}

void change(AppState& state, const LearnerAction& action) { coach::change(state.store, action); }

void draw_app(AppState& state, Ui& ui, AppEffects& effects) {
    ui.lang = state.lang;
    switch (state.screen) {
        case Screen::home: draw_home(state, ui, effects); break;
        case Screen::module: draw_module(state, ui, effects); break;
        case Screen::settings: draw_settings(state, ui, effects); break;
    }
}

}  // namespace coach::ui
