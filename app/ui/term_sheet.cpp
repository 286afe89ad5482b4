// A glossary term tapped in a lesson: its meaning in a sheet (a dialog) over the bottom of
// the screen. Close, Escape, Back, or a tap anywhere outside it goes back to reading.
#include <algorithm>

#include "app.h"
#include "imgui.h"

namespace coach::ui {

void draw_term_sheet(AppState& state, Ui& ui, AppEffects& effects) {
    const Route route = here(state);
    if (route.term.empty()) return;
    const Term* term = state.course.term(route.term);
    if (term == nullptr) {
        go(state, effects, Up{});
        return;
    }
    const Metrics& m = ui.metrics;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float width = std::min(vp->Size.x - 2 * m.margin, m.column_max);
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y - m.margin), ImGuiCond_Always, ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, vp->Size.y * 0.7f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(m.margin * 1.25f, m.margin));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 16.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ui.theme->card.abgr());
    ImGui::PushStyleColor(ImGuiCol_Border, ui.theme->control_border.abgr());
    ImGui::Begin("##term", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                                        ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoNav);
    ImGui::PushFont(ui.font, font_px(m.body));
    // The dialog belongs to the root, not to whatever group the screen left open.
    begin_group(ui, "term", Role::dialog, term->term.in(ui.lang));
    heading(ui, "term.title", term->term.in(ui.lang));
    paragraph(ui, "term.definition", term->definition.in(ui.lang));
    gap(ui, 0.5f);
    const bool close = button(ui, "term.close", ui.t(Msg::close));
    end_group(ui);
    const bool outside = ImGui::IsMouseClicked(ImGuiMouseButton_Left) && !ImGui::IsWindowHovered() && ImGui::GetFrameCount() > 1;
    ImGui::PopFont();
    ImGui::End();
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar(3);
    if (close || outside) go(state, effects, Up{});
}

}  // namespace coach::ui
