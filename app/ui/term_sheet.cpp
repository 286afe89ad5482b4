// A glossary term tapped in a lesson: its meaning in a sheet over the bottom of the screen.
// Close, Escape, or a tap anywhere outside it goes back to reading.
#include <algorithm>

#include "app.h"
#include "imgui.h"

namespace coach::ui {

void draw_term_sheet(AppState& state, Ui& ui) {
    if (state.term.empty()) return;
    const Term* term = state.course.term(state.term);
    if (term == nullptr) {
        state.term.clear();
        return;
    }
    const Metrics& m = ui.metrics;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float width = std::min(vp->Size.x - 2 * m.margin, m.column_max);
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x * 0.5f, vp->Pos.y + vp->Size.y - m.margin), ImGuiCond_Always, ImVec2(0.5f, 1.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, vp->Size.y * 0.7f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(m.margin * 1.25f, m.margin));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 16.0f);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(color::card));
    ImGui::Begin("##term", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove);
    ImGui::PushFont(ui.font, m.body);
    heading(ui, "term.title", term->term.in(ui.lang));
    paragraph(ui, "term.definition", term->definition.in(ui.lang));
    gap(ui, 0.5f);
    const bool close = button(ui, "term.close", ui.t(Msg::close));
    const bool outside = ImGui::IsMouseClicked(ImGuiMouseButton_Left) && !ImGui::IsWindowHovered() && ImGui::GetFrameCount() > 1;
    const bool escape = ImGui::IsKeyPressed(ImGuiKey_Escape, false);
    ImGui::PopFont();
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
    if (close || outside || escape) state.term.clear();
}

}  // namespace coach::ui
