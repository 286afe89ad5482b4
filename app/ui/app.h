// app: the state of the whole UI and the one function that draws it.
//
// The app is a value (AppState) plus screens that draw it and change it. Where the learner is
// lives in `nav` and changes only through navigation events (core/navigation.h); the
// learner's data lives in `store` and changes only through actions (core/learner.h). What
// the UI cannot do itself (move the browser's history, write storage, download a file, open
// a file picker, move focus in the page) it asks for in AppEffects, which the platform
// carries out after the frame: screens stay free of browser code.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/assessment.h"
#include "core/course.h"
#include "core/navigation.h"
#include "core/plan_store.h"
#include "core/quiz.h"
#include "core/store.h"
#include "core/theme.h"
#include "plan_screens.h"
#include "plan_view.h"
#include "ui_kit.h"

namespace coach::ui {

// The modules of the course, as the home screen offers them.
enum class Module { lessons, quizzes, assessment, plan };

// What the browser says about storage (navigator.storage); unknown until it answers.
struct StorageStatus {
    bool known = false;
    bool persisted = false;
    double used_bytes = 0;
    double quota_bytes = 0;
};

// What the system says about colours (media queries), for a theme that follows it.
struct SystemLook {
    bool dark = false;           // prefers-color-scheme: dark
    bool more_contrast = false;  // prefers-contrast: more
};

// What a quiz item on screen keeps between frames that is not the learner's answer (which
// lives in the document): an item of a matching pair tapped and waiting for its other half,
// a row being dragged. It belongs to one showing (`showing`) and is dropped when another
// item is shown.
struct ItemView {
    std::string showing;  // "quiz/item#round" it belongs to
    int match_left = -1;  // matching: the left item tapped, waiting for its right (index)
    int match_right = -1; // ... or the right item tapped first
    SortDrag drag;        // ordering: a row being dragged
};

// The review session in progress (screen_review.cpp): the card asked now. A review answer is
// recorded at the first check, which takes the item out of today's list at once, so the item
// stays here until the learner moves on.
struct ReviewView {
    std::string key;       // the quiz item asked ("quiz-id/item-id"); "" takes the next due
    QuizSession session;   // its answer, through the same rules as in a quiz
    std::uint32_t round = 0;  // its shuffle, fixed while it is asked (its box when picked)
    bool recorded = false; // the first check is in the review
    std::string quote;     // the quote card shown ("" takes the next)
    bool revealed = false; // its second half is shown
};

// The profile screen's choices that are not the learner's data.
struct ProfileView {
    std::string open_score;  // the score whose statements are listed ("" = none)
    bool share_card = false;       // the share card is shown
    bool share_card_sent = false;  // ... and the platform was asked to save it (once per showing)
};

// The class view (screen_class.cpp): the result files an instructor opened or dropped, kept
// in memory only (nothing is uploaded or stored), and the files that could not be read.
struct RejectedFile {
    std::string name;    // the file's name
    std::string reason;  // in the learner's words (describe(ResultFileRead))
    std::string detail;  // the technical detail
};
struct ClassView {
    std::vector<ResultFile> files;
    std::vector<RejectedFile> rejected;
};

struct AppState {
    Lang lang = Lang::zh;  // the language shown (see choose_lang)
    Nav nav;               // where the learner is
    Store store;           // the learner's document and its storage state
    StorageStatus storage;
    SystemLook system;
    Motion motion;  // a fling in progress

    Course course;                             // the course shown (built in, or from ?content=)
    std::string content_url;                   // ?content=, kept in every address
    std::string content_source;                // a rejected ?content= file, named in the notice
    std::vector<ContentError> content_errors;  // why it was rejected
    std::string content_details;               // the technical reason a download failed
    std::string link_problem;                  // a link that did not open what it named, in words
    bool scroll_to_top = false;                // a new screen opened: start at its top

    // Set by the platform before every frame: the date, for quiz attempts and review days.
    std::int64_t now_ms = 0;       // wall clock, ms since 1970 (Date.now())
    int utc_offset_minutes = 0;    // local time = UTC + this (-new Date().getTimezoneOffset())
    // The quizzes arrive after the first frame (their own file and font): course.quizzes is
    // empty until `quizzes_loaded`; `quizzes_problem` says why they could not be loaded.
    bool quizzes_loaded = false;
    std::string quizzes_problem;

    // The self-assessment arrives with the quizzes, after the first frame (its own file):
    // `assessment` is empty until then; `assessment_problem` says why it could not be loaded.
    std::optional<Assessment> assessment;
    std::string assessment_problem;
    bool start_assessment = false;  // ?start=assessment came before the assessment: go once it is here

    // The collection plan: its own store (plan_store.h), read after the first frame, and what
    // its screens keep between frames (plan_view.h).
    PlanStore plan;
    PlanView plan_view;
    // The plan's screens, when this build has them (plan_screens.h); null in the web app's
    // first load, whose plan screens ask the page for the build with the plan.
    const PlanScreens* plan_screens = nullptr;

    ItemView item_view;
    ReviewView review_view;
    ProfileView profile_view;
    ClassView class_view;
    // A node to focus once the next frame has drawn it (the verdict after Check: the button
    // pressed is gone, and the keyboard lands on what it produced).
    std::string focus_next;
};

// A change to the browser's history that matches a navigation.
struct HistoryStep {
    HistoryOp op = HistoryOp::none;
    int back_by = 0;
};

// A file of the learner's quiz results for an instructor (Quizzes → Export results).
enum class ResultsFormat { none, csv, json };

struct FileOut {
    std::string suffix;            // "-assessment", "-class"
    std::string extension = "json";
    std::string type = "application/json";
    std::string text;
};

// Requests from the UI to the platform, collected during one frame.
struct AppEffects {
    bool lang_changed = false;
    bool reading_changed = false;  // text size or colours: the next frame lays out anew
    bool export_document = false;
    bool import_document = false;
    bool check_storage = false;
    int download_unreadable = -1;  // index into store.unreadable
    std::vector<HistoryStep> history;
    bool arrived = false;  // a new screen: focus moves to its title
    std::string open_url;  // a page to open (a plain version of a lesson)
    ResultsFormat export_results = ResultsFormat::none;  // download the quiz results in this format
    // A file the screen built for the learner to save (self-assessment results, the class
    // CSV); the platform names it "collection-coach-<date><suffix>.<extension>".
    std::optional<FileOut> download;
    bool pick_result_files = false;  // the class view: a file picker for several result files
    // The share card was drawn in this rectangle (CSS px): the platform saves it as a PNG.
    std::optional<ViewRect> share_card;
    bool pick_plan_file = false;  // the plan's import: a file picker for a CSV or a plan file
    bool paste_plan = false;      // the plan's import: the clipboard's text (a block copied from Excel)
    bool download_plan_unreadable = false;  // the plan's kept unreadable values, as one file (plan_storage.js)
    bool load_plan_build = false;  // a plan screen in a build without the plan: the page opens it in the build with it
};

// Reading comfort, from the learner's document (Settings → Reading) and the system.
int text_percent(const AppState& state);  // 100..200, in steps of 25
ThemeId theme_id(const AppState& state);

// Moves the learner (the one way screens change where the learner is).
void go(AppState& state, AppEffects& effects, const NavEvent& event);
Route here(const AppState& state);

// A learner's change to their data: applied now, written by the platform later.
void change(AppState& state, const LearnerAction& action);
// A change to the collection plan; a refused one changes nothing and says why (plan_view.h).
PlanRefusal change(AppState& state, const PlanAction& action);

void draw_app(AppState& state, Ui& ui, AppEffects& effects);

// One function per screen (screen_*.cpp), and the notice every screen shows on top.
void draw_home(AppState& state, Ui& ui, AppEffects& effects);
void draw_settings(AppState& state, Ui& ui, AppEffects& effects);
void draw_lessons(AppState& state, Ui& ui, AppEffects& effects);
void draw_lesson(AppState& state, Ui& ui, AppEffects& effects);
void draw_quotes(AppState& state, Ui& ui, AppEffects& effects);
void draw_glossary(AppState& state, Ui& ui, AppEffects& effects);
void draw_quizzes(AppState& state, Ui& ui, AppEffects& effects);
void draw_quiz(AppState& state, Ui& ui, AppEffects& effects);
void draw_review(AppState& state, Ui& ui, AppEffects& effects);
void draw_assessment(AppState& state, Ui& ui, AppEffects& effects);
void draw_profile(AppState& state, Ui& ui, AppEffects& effects);
void draw_class(AppState& state, Ui& ui, AppEffects& effects);
void draw_plan(AppState& state, Ui& ui, AppEffects& effects);         // screen_plan.cpp: the dashboard
void draw_accounts(AppState& state, Ui& ui, AppEffects& effects);     // screen_accounts.cpp
void draw_account(AppState& state, Ui& ui, AppEffects& effects);      // screen_account.cpp
void draw_plan_import(AppState& state, Ui& ui, AppEffects& effects);  // screen_plan_import.cpp
void draw_notice(AppState& state, Ui& ui, AppEffects& effects);
void draw_term_sheet(AppState& state, Ui& ui, AppEffects& effects);
void continue_button(AppState& state, Ui& ui, AppEffects& effects);
// A screen just opened starts at its top (state.scroll_to_top, set on arriving), once.
void scroll_to_top(AppState& state);
// Begins a screen with a Back button (up to the parent screen), the notices, and its title.
void begin_screen_with_title(AppState& state, Ui& ui, AppEffects& effects, std::string_view screen_id, std::string_view title_text);

// A lesson page as a route; the page is clamped to the lesson.
Route lesson_route(const AppState& state, std::string_view lesson, std::size_t page);
// Where "continue" leads: the lesson last read that still has pages to read, else the first
// lesson not finished; nullopt when every lesson is read.
std::optional<Route> continue_route(const AppState& state);

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
};
std::span<const ModuleInfo> modules();
// Where a module opens: its first screen (the self-assessment: the profile once there is a
// result, else the assessment where the learner left it).
Route module_route(const AppState& state, Module module);
// Where ?start=assessment leads: the statement the learner left the assessment at (the first
// not rated) when one is in progress, else its first statement (a new one); once the
// assessment has loaded. Before, its introduction.
Route assessment_start(const AppState& state);
// The address to show (at start, and after the browser's back or forward): the link checked
// against the course, its problem said; `history_index` is the history entry's place.
void open_link(AppState& state, AppEffects& effects, const Link& link, std::size_t history_index);
// The self-assessment has loaded: a ?start=assessment waiting for it goes where it leads, a
// statement link is checked against it.
void assessment_arrived(AppState& state, AppEffects& effects);
// A result file for the class view: read, and added to its files or to the rejected ones.
void add_result_file(AppState& state, std::string_view name, std::string_view text);

// The quizzes have not arrived (yet): says so (loading, or why they could not be loaded) and
// returns true; false once they are there.
bool quizzes_missing(const AppState& state, Ui& ui);
// A quiz link checked again once the quizzes are there (a no-op on other screens): a quiz or
// item that does not exist opens what resolve() says, with the link notice.
void recheck_quiz_link(AppState& state, AppEffects& effects);
// Finished attempts at a quiz (its next round of shuffles) and the best of them.
std::uint32_t attempts_at(const AppState& state, std::string_view quiz);
const AttemptRecord* best_attempt(const AppState& state, std::string_view quiz);
// A page of a lesson by its id, as a route (the lesson's first page if the id is unknown).
Route page_route(const AppState& state, const LessonLink& link);
// "in 3 days", "tomorrow": when a review day comes, from today.
std::string when_due(const AppState& state, std::int64_t day_start, Lang lang);

// The plain HTML version of a lesson (or of the lesson list), built with the app.
std::string plain_url(std::string_view lesson, Lang lang);

}  // namespace coach::ui
