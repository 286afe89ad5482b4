// Settings and data: language, where the data lives and whether the browser keeps it,
// export and import, and any data that could not be read.
#include <cstdio>

#include "app.h"
#include "imgui.h"

namespace coach::ui {
namespace {

std::string human_bytes(double bytes) {
    char buf[32];
    if (bytes >= 1024.0 * 1024.0 * 1024.0) std::snprintf(buf, sizeof buf, "%.1f GB", bytes / (1024.0 * 1024.0 * 1024.0));
    else if (bytes >= 1024.0 * 1024.0) std::snprintf(buf, sizeof buf, "%.1f MB", bytes / (1024.0 * 1024.0));
    else std::snprintf(buf, sizeof buf, "%.0f KB", bytes / 1024.0);
    return buf;
}

void language_choice(AppState& state, Ui& ui, AppEffects& effects) {
    heading(ui, "settings.language", ui.t(Msg::settings_language));
    for (Lang lang : {Lang::zh, Lang::en}) {
        const std::string id = "settings.lang." + std::string(lang_code(lang));
        const bool current = state.lang == lang;
        // Each language named in itself: the switch label as the other language shows it.
        const std::string_view label = tr(Msg::switch_language, lang == Lang::zh ? Lang::en : Lang::zh);
        if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(0xFFD5DBEE));
        if (button(ui, id, label) && !current) {
            state.lang = lang;
            change(state, SetLang{std::string(lang_code(lang))});
            effects.lang_changed = true;
        }
        if (current) ImGui::PopStyleColor();
        ImGui::SameLine();
    }
    ImGui::NewLine();
}

void storage_section(AppState& state, Ui& ui, AppEffects& effects) {
    heading(ui, "settings.storage", ui.t(Msg::settings_storage));
    paragraph(ui, "storage.where", ui.t(Msg::storage_where));
    const StorageStatus& s = state.storage;
    if (!s.known) {
        caption(ui, "storage.persist", ui.t(Msg::storage_persist_unknown));
    } else {
        paragraph(ui, "storage.persist", ui.t(s.persisted ? Msg::storage_persisted : Msg::storage_not_persisted));
        if (s.quota_bytes > 0) caption(ui, "storage.used", format(ui.t(Msg::storage_used), {human_bytes(s.used_bytes), human_bytes(s.quota_bytes)}));
    }
    gap(ui, 0.5f);
    if (button(ui, "export", ui.t(Msg::action_export))) effects.export_document = true;
    ImGui::SameLine();
    if (button(ui, "import", ui.t(Msg::action_import))) effects.import_document = true;
    const auto& unreadable = state.store.unreadable;
    for (std::size_t i = 0; i < unreadable.size(); ++i) {
        if (button(ui, "unreadable." + std::to_string(i), ui.t(Msg::action_download_unreadable), true))
            effects.download_unreadable = static_cast<int>(i);
    }
}

}  // namespace

void draw_settings(AppState& state, Ui& ui, AppEffects& effects) {
    begin_screen_with_title(state, ui, effects, "settings", Screen::home, ui.t(Msg::settings));
    gap(ui);
    language_choice(state, ui, effects);
    gap(ui);
    storage_section(state, ui, effects);
    end_screen(ui);
}

}  // namespace coach::ui
