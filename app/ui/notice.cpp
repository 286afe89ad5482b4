// The notice every screen shows at the top while storage has something to say: data that
// could not be read, a full quota, an import that failed or worked.
#include "app.h"
#include "imgui.h"

namespace coach::ui {

namespace {

// A course file given with ?content= that could not be used: which, and why.
void content_notice(AppState& state, Ui& ui) {
    if (state.content_errors.empty()) return;
    constexpr std::size_t kShown = 6;
    begin_box(ui);
    const float width = ImGui::GetContentRegionAvail().x - ui.metrics.margin * 0.75f;
    text_block(ui, "content.notice", format(ui.t(Msg::content_rejected), {state.content_source}), ui.metrics.body, color::ink,
               ViewItemKind::text, width);
    for (std::size_t i = 0; i < state.content_errors.size() && i < kShown; ++i)
        text_block(ui, "content.problem", describe(state.content_errors[i], ui.lang), ui.metrics.small, color::muted, ViewItemKind::text, width);
    if (state.content_errors.size() > kShown)
        caption(ui, "content.more", format(ui.t(Msg::content_more), {std::to_string(state.content_errors.size() - kShown)}));
    if (button(ui, "content.dismiss", ui.t(Msg::action_dismiss))) state.content_errors.clear();
    end_box(ui, 0xFFDDF3FF, 0xFF3C9AD9);
    gap(ui);
}

}  // namespace

void draw_notice(AppState& state, Ui& ui, AppEffects& effects) {
    content_notice(state, ui);
    const Store& store = state.store;
    if (store.notice == Notice::none) return;
    const bool unreadable = store.notice == Notice::recovered || store.notice == Notice::started_empty || store.notice == Notice::hold;
    const bool unsaved = store.notice == Notice::quota || store.notice == Notice::unavailable;
    begin_box(ui);
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
    const bool good = store.notice == Notice::imported;
    end_box(ui, good ? 0xFFE6F4E8 : 0xFFDDF3FF, good ? 0xFF5A9A5E : 0xFF3C9AD9);
    gap(ui);
}

}  // namespace coach::ui
