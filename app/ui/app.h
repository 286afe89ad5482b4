// app: the state of the whole UI and the one function that draws it.
//
// The app is a value (AppState) plus screens that draw it and change it. What the UI
// cannot do itself (remember a choice, talk to the browser) it asks for in AppEffects,
// which the platform carries out after the frame: screens stay free of browser code.
#pragma once
#include <span>
#include <string>

#include "ui_kit.h"

namespace coach::ui {

// The four modules of the course, as the home screen offers them.
enum class Module { lessons, quizzes, assessment, plan };

enum class Screen { home, module };

struct AppState {
    Lang lang = Lang::zh;
    Screen screen = Screen::home;
    Module module = Module::lessons;  // which module screen is open
    std::string goal;                 // the learner's goal for the course
};

// Requests from the UI to the platform, collected during one frame.
struct AppEffects {
    bool lang_changed = false;
    bool goal_changed = false;
};

void draw_app(AppState& state, Ui& ui, AppEffects& effects);

// One function per screen (screen_*.cpp).
void draw_home(AppState& state, Ui& ui, AppEffects& effects);
void draw_module(AppState& state, Ui& ui, AppEffects& effects);

// What the home screen shows of each module; one table for every screen.
struct ModuleInfo {
    Module module;
    std::string_view id;  // "lessons", "quizzes", "assessment", "plan": screen and item ids
    Msg title;
    Msg about;
    bool ready;  // modules not built yet say so honestly
};
std::span<const ModuleInfo> modules();
const ModuleInfo& module_info(Module module);

}  // namespace coach::ui
