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

#include "core/course.h"
#include "core/store.h"
#include "ui_kit.h"

namespace coach::ui {

// The four modules of the course, as the home screen offers them.
enum class Module { lessons, quizzes, assessment, plan };

enum class Screen { home, module, settings, lessons, lesson, quotes, glossary };

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

    Course course;                             // the course shown (built in, or from ?content=)
    std::string content_source;                // a rejected ?content= file, named in the notice
    std::vector<ContentError> content_errors;  // why it was rejected
    std::string lesson;                        // the open lesson's id
    std::size_t page = 0;                      // its open page
    std::size_t quote = 0;                     // the quote card shown
    std::string term;                          // the glossary term shown over the screen, if any
    bool scroll_to_top = false;                // a new page opened: start at its top
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
void draw_lessons(AppState& state, Ui& ui, AppEffects& effects);
void draw_lesson(AppState& state, Ui& ui, AppEffects& effects);
void draw_quotes(AppState& state, Ui& ui, AppEffects& effects);
void draw_glossary(AppState& state, Ui& ui, AppEffects& effects);
void draw_notice(AppState& state, Ui& ui, AppEffects& effects);
void draw_term_sheet(AppState& state, Ui& ui);
void continue_button(AppState& state, Ui& ui);
// Begins a screen with a Back button (to `back_to`), the notices, and its title.
void begin_screen_with_title(AppState& state, Ui& ui, AppEffects& effects, std::string_view screen_id, Screen back_to,
                             std::string_view title_text);  // "Continue: <lesson>" once a lesson is started

// The browser's back (or the phone's back gesture): closes a glossary term, else goes one
// screen up. False at home, where back leaves the app.
bool go_back(AppState& state);

// Opens a lesson at a page (clamped), recording progress; false if there is no such lesson.
bool open_lesson(AppState& state, std::string_view lesson, std::size_t page);
// Pages read in a lesson and in the whole course, from the learner's progress.
struct Progress {
    std::size_t read = 0, total = 0;
};
Progress lesson_progress(const AppState& state, const Lesson& lesson);
Progress course_progress(const AppState& state);

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
