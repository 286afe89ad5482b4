// The home screen: the course title, the four modules as large targets, the language
// switch, and the learner's goal for the course.
#include "app.h"
#include "imgui.h"

namespace coach::ui {
namespace {

void language_switch(AppState& state, Ui& ui, AppEffects& effects) {
    // The button names the other language in that language, so either reader can find it.
    const float width = ImGui::GetContentRegionAvail().x;
    const std::string_view label = ui.t(Msg::switch_language);
    const float label_w = ImGui::CalcTextSize(label.data(), label.data() + label.size()).x + ui.metrics.margin * 2;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + width - label_w);
    if (button(ui, "lang.switch", label)) {
        state.lang = state.lang == Lang::zh ? Lang::en : Lang::zh;
        change(state, SetLang{std::string(lang_code(state.lang))});
        effects.lang_changed = true;
    }
}

// Once the learner has started: every lesson with how far they got, one tap from reading on.
void lesson_rows(AppState& state, Ui& ui) {
    const Progress total = course_progress(state);
    if (total.read == 0) return;
    gap(ui, 0.5f);
    heading(ui, "home.progress", ui.t(Msg::your_progress));
    progress_bar(ui, "home.course", float(total.read) / float(total.total),
                 format(ui.t(Msg::course_progress), {std::to_string(total.read), std::to_string(total.total)}));
    gap(ui, 0.5f);
    for (const Lesson& lesson : state.course.lessons) {
        const Progress p = lesson_progress(state, lesson);
        const std::string label = lesson.title.in(ui.lang) + "  " + std::to_string(p.read) + " / " + std::to_string(p.total);
        const LessonProgress* stored = find_lesson(state.store.doc, lesson.id);
        if (button(ui, "home.lesson." + lesson.id, label, true)) open_lesson(state, lesson.id, stored ? stored->page : 0);
        const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
        const float inset = ui.metrics.touch_target * 0.5f;
        const float fraction = p.total ? float(p.read) / float(p.total) : 0.0f;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddLine(ImVec2(min.x + inset, max.y - 5), ImVec2(max.x - inset, max.y - 5), color::line, 3.0f);
        if (fraction > 0) dl->AddLine(ImVec2(min.x + inset, max.y - 5), ImVec2(min.x + inset + (max.x - min.x - 2 * inset) * fraction, max.y - 5), color::accent, 3.0f);
    }
}

}  // namespace

void draw_home(AppState& state, Ui& ui, AppEffects& effects) {
    begin_screen(ui, "home");
    language_switch(state, ui, effects);
    draw_notice(state, ui, effects);
    title(ui, "home.title", ui.t(Msg::app_title));
    caption(ui, "home.subtitle", ui.t(Msg::app_subtitle));
    gap(ui);
    paragraph(ui, "home.intro", ui.t(Msg::home_intro));
    gap(ui, 1.5f);
    continue_button(state, ui);
    lesson_rows(state, ui);
    gap(ui, 0.5f);
    heading(ui, "home.modules", ui.t(Msg::home_modules));
    gap(ui, 0.5f);
    for (const ModuleInfo& m : modules()) {
        const std::string id = "module." + std::string(m.id);
        std::string badge = m.ready ? std::string() : std::string(ui.t(Msg::coming_soon));
        if (m.module == Module::lessons) {
            const Progress p = course_progress(state);
            if (p.read > 0) badge = format(ui.t(Msg::course_progress), {std::to_string(p.read), std::to_string(p.total)});
        }
        if (card(ui, id, ui.t(m.title), ui.t(m.about), badge)) {
            state.screen = m.module == Module::lessons ? Screen::lessons : Screen::module;
            state.module = m.module;
        }
    }
    if (card(ui, "settings", ui.t(Msg::settings), ui.t(Msg::settings_about), {})) {
        state.screen = Screen::settings;
        effects.check_storage = true;
    }
    gap(ui);
    if (text_field(ui, "goal", ui.t(Msg::goal_label), state.goal_edit, ui.t(Msg::goal_hint))) change(state, SetGoal{state.goal_edit});
    // While the field is not being edited it shows the stored goal (another tab may change it).
    if (!ImGui::IsItemActive()) state.goal_edit = state.store.doc.prefs.goal;
    end_screen(ui);
}

}  // namespace coach::ui
