// app: the state of the whole UI and the one function that draws it.
//
// The app is a value (AppState) plus screens that draw it and change it. The learner's
// data lives in `store` and changes only through actions (core/learner.h). What the UI
// cannot do itself (write storage, download a file, open a file picker) it asks for in
// AppEffects, which the platform carries out after the frame: screens stay free of browser
// code.
#pragma once
#include <cstdint>
#include <span>
#include <string>

#include "core/store.h"
#include "ui_kit.h"

namespace coach::ui {

// The four modules of the course, as the home screen offers them.
enum class Module { lessons, quizzes, assessment, plan };

enum class Screen { home, module, settings };

// What the browser says about storage (navigator.storage); unknown until it answers.
struct StorageStatus {
    bool known = false;
    bool persisted = false;
    double used_bytes = 0;
    double quota_bytes = 0;
};

struct AppState {
    Lang lang = Lang::zh;             // the language shown (see choose_lang)
    Screen screen = Screen::home;
    Module module = Module::lessons;  // which module screen is open
    Store store;                      // the learner's document and its storage state
    StorageStatus storage;
    std::string goal_edit;            // the goal field's text while it is edited
};

// Requests from the UI to the platform, collected during one frame.
struct AppEffects {
    bool lang_changed = false;
    bool export_document = false;
    bool import_document = false;
    bool check_storage = false;
    int download_unreadable = -1;  // index into store.unreadable
};

// A learner's change to their data: applied now, written by the platform later.
void change(AppState& state, const LearnerAction& action);

void draw_app(AppState& state, Ui& ui, AppEffects& effects);

// One function per screen (screen_*.cpp), and the notice every screen shows on top.
void draw_home(AppState& state, Ui& ui, AppEffects& effects);
void draw_module(AppState& state, Ui& ui, AppEffects& effects);
void draw_settings(AppState& state, Ui& ui, AppEffects& effects);
void draw_notice(AppState& state, Ui& ui, AppEffects& effects);

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
