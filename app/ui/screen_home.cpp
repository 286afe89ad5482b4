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
