#include "app.h"

#include <algorithm>

namespace coach::ui {

namespace {
constexpr ModuleInfo kModules[] = {
    {Module::lessons, "lessons", Msg::module_lessons, Msg::module_lessons_about, true},
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

bool go_back(AppState& state) {
    if (!state.term.empty()) {
        state.term.clear();
        return true;
    }
    switch (state.screen) {
        case Screen::home: return false;
        case Screen::lesson:
        case Screen::quotes:
        case Screen::glossary: state.screen = Screen::lessons; return true;
        case Screen::lessons:
        case Screen::module:
        case Screen::settings: state.screen = Screen::home; return true;
    }
    return false;
}

bool open_lesson(AppState& state, std::string_view id, std::size_t page) {
    const Lesson* lesson = state.course.lesson(id);
    if (lesson == nullptr || lesson->pages.empty()) return false;
    state.lesson = lesson->id;
    state.page = std::min(page, lesson->pages.size() - 1);
    state.screen = Screen::lesson;
    state.scroll_to_top = true;
    change(state, OpenLessonPage{lesson->id, static_cast<std::uint32_t>(state.page), static_cast<std::uint32_t>(lesson->pages.size())});
    return true;
}

Progress lesson_progress(const AppState& state, const Lesson& lesson) {
    const LessonProgress* p = find_lesson(state.store.doc, lesson.id);
    return {p ? std::min<std::size_t>(p->pages_seen, lesson.pages.size()) : 0, lesson.pages.size()};
}

Progress course_progress(const AppState& state) {
    Progress total;
    for (const Lesson& l : state.course.lessons) {
        const Progress p = lesson_progress(state, l);
        total.read += p.read;
        total.total += p.total;
    }
    return total;
}

void begin_screen_with_title(AppState& state, Ui& ui, AppEffects& effects, std::string_view screen_id, Screen back_to,
                             std::string_view title_text) {
    begin_screen(ui, screen_id);
    if (button(ui, "back", ui.t(Msg::back))) state.screen = back_to;
    gap(ui);
    draw_notice(state, ui, effects);
    title(ui, std::string(screen_id) + ".title", title_text);
}

void draw_app(AppState& state, Ui& ui, AppEffects& effects) {
    ui.lang = state.lang;
    switch (state.screen) {
        case Screen::home: draw_home(state, ui, effects); break;
        case Screen::module: draw_module(state, ui, effects); break;
        case Screen::settings: draw_settings(state, ui, effects); break;
        case Screen::lessons: draw_lessons(state, ui, effects); break;
        case Screen::lesson: draw_lesson(state, ui, effects); break;
        case Screen::quotes: draw_quotes(state, ui, effects); break;
        case Screen::glossary: draw_glossary(state, ui, effects); break;
    }
    draw_term_sheet(state, ui);
}

}  // namespace coach::ui
