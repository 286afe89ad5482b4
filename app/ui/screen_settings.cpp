// Settings and data: language, where the data lives and whether the browser keeps it,
// export and import, and any data that could not be read.
#include <algorithm>
#include <cfloat>
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
    begin_group(ui, "settings.lang", Role::radiogroup, ui.t(Msg::settings_language));
    for (Lang lang : {Lang::zh, Lang::en}) {
        const std::string id = "settings.lang." + std::string(lang_code(lang));
        const bool current = state.lang == lang;
        // Each language named in itself: the switch label as the other language shows it.
        const std::string_view label = tr(Msg::switch_language, lang == Lang::zh ? Lang::en : Lang::zh);
        if (radio(ui, id, label, current, lang_code(lang)) && !current) {
            state.lang = lang;
            change(state, SetLang{std::string(lang_code(lang))});
            effects.lang_changed = true;
        }
        ImGui::SameLine();
    }
    ImGui::NewLine();
    end_group(ui);
}

// Text size from 100 % to 200 % in steps of 25, and the colours; kept in the document.
void reading_section(AppState& state, Ui& ui, AppEffects& effects) {
    heading(ui, "settings.reading", ui.t(Msg::settings_reading));
    ReadingPrefs r = state.store.doc.reading;
    const int percent = text_percent(state);
    bool changed = false;
    begin_group(ui, "settings.text-size", Role::group, ui.t(Msg::text_size));
    caption(ui, "settings.text-size.label", ui.t(Msg::text_size));
    const std::string value = format(ui.t(Msg::text_size_value), {std::to_string(percent)});
    if (percent > 100 && button(ui, "settings.text-smaller", ui.t(Msg::text_smaller))) {
        r.text_percent = static_cast<std::uint32_t>(percent - 25);
        changed = true;
    }
    ImGui::SameLine();
    text_block(ui, "settings.text-size.value", value, ui.metrics.body, ui.theme->ink.abgr(), Role::status,
               ui.font->CalcTextSizeA(font_px(ui.metrics.body), FLT_MAX, 0, value.data(), value.data() + value.size()).x + 2);
    ImGui::SameLine();
    if (percent < 200 && button(ui, "settings.text-larger", ui.t(Msg::text_larger))) {
        r.text_percent = static_cast<std::uint32_t>(percent + 25);
        changed = true;
    }
    ImGui::NewLine();
    end_group(ui);
    gap(ui, 0.5f);
    caption(ui, "settings.theme.label", ui.t(Msg::theme_label));
    begin_group(ui, "settings.theme", Role::radiogroup, ui.t(Msg::theme_label));
    struct Choice {
        std::string_view value;
        Msg label;
    };
    const std::string chosen = parse_theme(r.theme) ? r.theme : std::string();
    for (const Choice& c : {Choice{"", Msg::theme_auto}, Choice{"light", Msg::theme_light}, Choice{"dark", Msg::theme_dark},
                            Choice{"high-contrast", Msg::theme_high_contrast}}) {
        const bool current = chosen == c.value;
        const std::string id = "settings.theme." + std::string(c.value.empty() ? "auto" : c.value);
        if (radio(ui, id, ui.t(c.label), current) && !current) {
            r.theme = std::string(c.value);
            changed = true;
        }
    }
    end_group(ui);
    if (changed) {
        change(state, SetReading{r});
        effects.reading_changed = true;
    }
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
    if (button(ui, "import", ui.t(Msg::action_import))) effects.import_document = true;
    const auto& unreadable = state.store.unreadable;
    for (std::size_t i = 0; i < unreadable.size(); ++i) {
        if (button(ui, "unreadable." + std::to_string(i), ui.t(Msg::action_download_unreadable), {.wide = true}))
            effects.download_unreadable = static_cast<int>(i);
    }
}

}  // namespace

void draw_settings(AppState& state, Ui& ui, AppEffects& effects) {
    begin_screen_with_title(state, ui, effects, "settings", ui.t(Msg::settings));
    gap(ui);
    language_choice(state, ui, effects);
    gap(ui);
    reading_section(state, ui, effects);
    gap(ui);
    storage_section(state, ui, effects);
    end_screen(ui);
}

}  // namespace coach::ui
