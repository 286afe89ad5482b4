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

// "Continue: <lesson>" when the learner has started one; shared with the home screen.
void continue_button(AppState& state, Ui& ui) {
    const auto& lessons = state.store.doc.lessons;
    if (lessons.empty()) return;
    const LessonProgress& last = lessons.back();
    const Lesson* lesson = state.course.lesson(last.lesson);
    if (lesson == nullptr) return;
    if (button(ui, "continue", format(ui.t(Msg::continue_lesson), {lesson->title.in(ui.lang)}), true)) open_lesson(state, last.lesson, last.page);
}

void draw_lessons(AppState& state, Ui& ui, AppEffects& effects) {
    begin_screen_with_title(state, ui, effects, "lessons", Screen::home, ui.t(Msg::module_lessons));
    caption(ui, "lessons.course", state.course.title.in(ui.lang));
    gap(ui, 0.5f);
    const Progress total = course_progress(state);
    progress_bar(ui, "lessons.progress", total.total ? float(total.read) / float(total.total) : 0.0f,
                 format(ui.t(Msg::course_progress), {std::to_string(total.read), std::to_string(total.total)}));
    gap(ui);
    continue_button(state, ui);
    gap(ui);
    for (const Lesson& lesson : state.course.lessons) {
        const LessonProgress* p = find_lesson(state.store.doc, lesson.id);
        if (card(ui, "lesson." + lesson.id, lesson.title.in(ui.lang), lesson.summary.in(ui.lang), progress_label(ui, lesson_progress(state, lesson))))
            open_lesson(state, lesson.id, p ? p->page : 0);
    }
    gap(ui);
    if (!state.course.quotes.empty() && card(ui, "quotes", ui.t(Msg::quotes), ui.t(Msg::quotes_about), {})) {
        state.screen = Screen::quotes;
        state.quote = 0;
    }
    if (!state.course.glossary.empty() && card(ui, "glossary", ui.t(Msg::glossary), ui.t(Msg::glossary_about), {})) state.screen = Screen::glossary;
    end_screen(ui);
}

}  // namespace coach::ui
