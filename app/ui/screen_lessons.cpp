// The lessons: course progress, "continue where you left off", one card per lesson with its
// progress, and the quote deck and glossary.
#include "app.h"
#include "imgui.h"

namespace coach::ui {
namespace {

std::string progress_label(const Ui& ui, Progress p) {
    if (p.read == 0) return std::string(ui.t(Msg::lesson_not_started));
    if (p.read >= p.total) return std::string(ui.t(Msg::lesson_done));
    return format(ui.t(Msg::lesson_progress), {std::to_string(p.read), std::to_string(p.total)});
}

}  // namespace

// "Continue: <lesson>" where there is something left to read; shared with the home screen.
void continue_button(AppState& state, Ui& ui, AppEffects& effects) {
    const std::optional<Route> next = continue_route(state);
    if (!next) return;
    const Lesson* lesson = state.course.lesson(next->lesson);
    if (lesson == nullptr) return;
    if (button(ui, "continue", format(ui.t(Msg::continue_lesson), {lesson->title.in(ui.lang)}), {.wide = true, .primary = true}))
        go(state, effects, Open{*next});
}

void draw_lessons(AppState& state, Ui& ui, AppEffects& effects) {
    begin_screen_with_title(state, ui, effects, "lessons", ui.t(Msg::module_lessons));
    caption(ui, "lessons.course", state.course.title.in(ui.lang));
    gap(ui, 0.5f);
    const Progress total = course_progress(state);
    progress_bar(ui, "lessons.progress", total.read, total.total,
                 format(ui.t(Msg::course_progress), {std::to_string(total.read), std::to_string(total.total)}));
    gap(ui);
    continue_button(state, ui, effects);
    gap(ui);
    begin_group(ui, "lessons.list", Role::list, ui.t(Msg::module_lessons));
    for (const Lesson& lesson : state.course.lessons) {
        const LessonProgress* p = find_lesson(state.store.doc, lesson.id);
        if (card(ui, "lesson." + lesson.id, lesson.title.in(ui.lang), lesson.summary.in(ui.lang), progress_label(ui, lesson_progress(state, lesson))))
            go(state, effects, Open{lesson_route(state, lesson.id, p ? p->page : 0)});
    }
    end_group(ui);
    gap(ui);
    if (!state.course.quotes.empty() && card(ui, "quotes", ui.t(Msg::quotes), ui.t(Msg::quotes_about), {}))
        go(state, effects, Open{Route{.screen = Screen::quotes}});
    if (!state.course.glossary.empty() && card(ui, "glossary", ui.t(Msg::glossary), ui.t(Msg::glossary_about), {}))
        go(state, effects, Open{Route{.screen = Screen::glossary}});
    gap(ui, 0.5f);
    if (link_button(ui, "lessons.plain", ui.t(Msg::plain_version), plain_url({}, ui.lang))) effects.open_url = plain_url({}, ui.lang);
    end_screen(ui);
}

}  // namespace coach::ui
