// The notice every screen shows at the top while storage has something to say: data that
// could not be read, a full quota, an import that failed or worked.
#include "app.h"
#include "imgui.h"

namespace coach::ui {

void draw_notice(AppState& state, Ui& ui, AppEffects& effects) {
    const Store& store = state.store;
    if (store.notice == Notice::none) return;
    const bool unreadable = store.notice == Notice::recovered || store.notice == Notice::started_empty || store.notice == Notice::hold;
    const bool unsaved = store.notice == Notice::quota || store.notice == Notice::unavailable;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);  // text first, then the box behind it, sized to what was drawn
    dl->ChannelsSetCurrent(1);
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::Indent(ui.metrics.margin * 0.75f);  // the box's padding
    ImGui::Dummy(ImVec2(1, ui.metrics.margin * 0.5f));
    const float inset = ui.metrics.margin * 0.75f;
    text_block(ui, "notice", notice_text(store, ui.lang), ui.metrics.body, color::ink, ViewItemKind::text,
               ImGui::GetContentRegionAvail().x - inset);
    if (unreadable && !store.unreadable.empty() && button(ui, "notice.download", ui.t(Msg::action_download_unreadable)))
        effects.download_unreadable = static_cast<int>(store.unreadable.size()) - 1;
    if (unsaved && button(ui, "notice.export", ui.t(Msg::action_export))) effects.export_document = true;
    if (store.notice != Notice::hold) {
        if (unreadable || unsaved) ImGui::SameLine();
        if (button(ui, "notice.dismiss", ui.t(Msg::action_dismiss))) dismiss_notice(state.store);
    }
    ImGui::Dummy(ImVec2(1, ui.metrics.margin * 0.25f));
    ImGui::Unindent(ui.metrics.margin * 0.75f);
    const ImVec2 bottom(top.x + ImGui::GetContentRegionAvail().x, ImGui::GetCursorScreenPos().y);
    dl->ChannelsSetCurrent(0);
    const bool good = store.notice == Notice::imported;
    dl->AddRectFilled(top, bottom, good ? 0xFFE6F4E8 : 0xFFDDF3FF, 12.0f);
    dl->AddRect(top, bottom, good ? 0xFF5A9A5E : 0xFF3C9AD9, 12.0f);
    dl->ChannelsMerge();
    gap(ui);
}

}  // namespace coach::ui
