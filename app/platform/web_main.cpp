// web_main: start, fonts, and the frame (with web_input.cpp and web_data.cpp; the whole
// boundary is listed in web_api.h).
//
// On the web the app does not run a loop of its own. The page (web/shell.js) owns the event
// listeners and requestAnimationFrame and calls coach_frame when something woke the app;
// coach_frame answers with everything the page must do (draw again, save, move the history,
// focus an element, publish the view tree). Nothing is drawn unless something woke the app
// (see core/redraw.h): an idle tab costs nothing. WebGL2 is the only renderer: every browser
// with WebAssembly has it, and the page says so plainly where it is missing.
#include <emscripten.h>
#include <emscripten/html5.h>

#include <cstdio>
#include <utility>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/i18n.h"
#include "core/redraw.h"
#include "core/results_export.h"
#include "core/view_tree.h"
#include "imgui.h"
#include "imgui_internal.h"
#include "ui/app.h"
#include "web_api.h"
#include "web_renderer.h"
#include "web_state.h"

namespace {

using coach::json_quote;
coach::web::WebState g_web;

bool create_gl_context() {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = false;
    attrs.antialias = false;  // ImGui anti-aliases its own shapes
    attrs.depth = false;
    attrs.stencil = false;
    attrs.preserveDrawingBuffer = false;
    g_web.gl = emscripten_webgl_create_context("#canvas", &attrs);
    if (g_web.gl <= 0) return false;
    emscripten_webgl_make_context_current(g_web.gl);
    return true;
}

void apply_style(const coach::Theme& t) {
    ImGuiStyle& style = ImGui::GetStyle();
    if (t.dark) ImGui::StyleColorsDark(&style);
    else ImGui::StyleColorsLight(&style);
    style.ItemSpacing = ImVec2(10, 8);
    style.FrameRounding = 10;
    style.ScrollbarSize = 8;
    style.ScrollbarRounding = 4;
    const auto set = [&](ImGuiCol slot, coach::Rgba c) { style.Colors[slot] = ImGui::ColorConvertU32ToFloat4(c.abgr()); };
    set(ImGuiCol_Text, t.ink);
    set(ImGuiCol_TextDisabled, t.placeholder);
    set(ImGuiCol_WindowBg, t.paper);
    set(ImGuiCol_Border, t.control_border);
    set(ImGuiCol_TextSelectedBg, t.selection);
    set(ImGuiCol_ScrollbarGrab, t.muted);
}

// "collection-coach-2026-11-27.json", dated by the learner's own calendar.
std::string file_name(const char* what, const char* extension = "json") {
    return coach::download_name(g_web.app.now_ms, g_web.app.utc_offset_minutes, what, extension);
}

std::string hex(coach::Rgba c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02X%02X%02X", c.r, c.g, c.b);
    return buf;
}

const char* history_op_name(coach::HistoryOp op) {
    switch (op) {
        case coach::HistoryOp::push: return "push";
        case coach::HistoryOp::replace: return "replace";
        case coach::HistoryOp::go_back: return "back";
        case coach::HistoryOp::none: break;
    }
    return "none";
}

// Where focus goes on arriving at a screen: an open dialog's title, else the screen's title.
std::string arrival_focus(const coach::ViewTree& tree) {
    if (tree.find("term.title") != nullptr) return "term.title";
    for (const coach::ViewNode& n : tree.nodes)
        if (n.role == coach::Role::heading && n.state.level == 1) return n.id;
    return {};
}

// The frame's answer to the page (see web_api.h for its fields).
std::string frame_result(const coach::ui::Ui& ui, bool drawn, bool more) {
    coach::ui::AppState& app = g_web.app;
    coach::ui::AppEffects& fx = g_web.effects;
    std::string r = "{\"drawn\":" + std::string(drawn ? "true" : "false") + ",\"more\":" + (more ? "true" : "false");
    r += ",\"save\":" + std::string(app.store.dirty && !app.store.hold ? "true" : "false");
    r += ",\"plan\":{\"save\":" + std::string(app.plan.loaded && app.plan.dirty && !app.plan.writing ? "true" : "false") +
         ",\"pick\":" + (fx.pick_plan_file ? "true" : "false") + ",\"paste\":" + (fx.paste_plan ? "true" : "false") +
         (fx.download_plan_unreadable ? ",\"unreadableFile\":" + json_quote(file_name("-plan-unreadable")) : std::string()) + "}";
    r += ",\"activated\":" + std::string(ui.activated ? "true" : "false");
    r += ",\"lang\":\"" + std::string(coach::lang_code(app.lang)) + "\"";
    r += ",\"history\":[";
    for (std::size_t i = 0; i < fx.history.size(); ++i)
        r += std::string(i ? "," : "") + "{\"op\":\"" + history_op_name(fx.history[i].op) + "\",\"by\":" + std::to_string(fx.history[i].back_by) + "}";
    r += "]";
    const std::string query = coach::to_query(app.nav.here(), app.lang, app.content_url);
    r += ",\"url\":" + json_quote(query);
    r += ",\"atStart\":" + std::string(app.nav.stack.size() == 1 ? "true" : "false");
    // The frame that navigated still drew the old screen; the next one shows the new screen,
    // and focus moves to its title then.
    std::string focus = ui.focus_request;
    if (drawn && g_web.arriving) focus = arrival_focus(ui.tree);
    if (drawn) g_web.arriving = fx.arrived;
    else g_web.arriving = g_web.arriving || fx.arrived;
    r += ",\"focus\":" + json_quote(focus);
    if (drawn) {
        std::string view = coach::to_json(ui.tree);
        if (view != g_web.last_view) {
            r += ",\"view\":" + view;
            g_web.last_view = std::move(view);
        }
        r += ",\"title\":" + json_quote(ui.tree.title);
    }
    const coach::ThemeId theme_id = coach::ui::theme_id(app);
    const std::string theme_name(coach::theme_name(theme_id));
    if (theme_name != g_web.last_theme) {
        const coach::Theme& t = coach::theme(theme_id);
        r += ",\"theme\":{\"name\":\"" + theme_name + "\",\"dark\":" + (t.dark ? "true" : "false") + ",\"paper\":\"" + hex(t.paper) +
             "\",\"ink\":\"" + hex(t.ink) + "\",\"accent\":\"" + hex(t.accent) + "\"}";
        g_web.last_theme = theme_name;
    }
    if (fx.export_document) r += ",\"download\":{\"name\":" + json_quote(file_name("")) + ",\"text\":" + json_quote(coach::export_document(app.store)) + "}";
    else if (fx.export_results == coach::ui::ResultsFormat::csv)
        r += ",\"download\":{\"name\":" + json_quote(file_name("-results", "csv")) + ",\"type\":\"text/csv;charset=utf-8\",\"text\":" +
             json_quote(coach::results_csv(app.store.doc, app.course, app.lang)) + "}";
    else if (fx.export_results == coach::ui::ResultsFormat::json)
        r += ",\"download\":{\"name\":" + json_quote(file_name("-results")) + ",\"text\":" +
             json_quote(coach::results_json(app.store.doc, app.course, app.now_ms)) + "}";
    else if (fx.download_unreadable >= 0 && fx.download_unreadable < static_cast<int>(app.store.unreadable.size())) {
        const std::string& text = app.store.unreadable[static_cast<std::size_t>(fx.download_unreadable)].text;
        r += ",\"download\":{\"name\":" + json_quote(file_name("-unreadable")) + ",\"text\":" + json_quote(text) + "}";
        coach::unreadable_downloaded(app.store);
    }
    else if (fx.download)
        r += ",\"download\":{\"name\":" + json_quote(file_name(fx.download->suffix.c_str(), fx.download->extension.c_str())) + ",\"type\":" +
             json_quote(fx.download->type) + ",\"text\":" + json_quote(fx.download->text) + "}";
    if (fx.import_document) r += ",\"pickFile\":true";
    if (fx.pick_result_files) r += ",\"pickResultFiles\":true";
    if (drawn && fx.share_card) {
        const coach::ViewRect& c = *fx.share_card;
        r += ",\"shareCard\":{\"x\":" + std::to_string(c.x) + ",\"y\":" + std::to_string(c.y) + ",\"width\":" + std::to_string(c.w) +
             ",\"height\":" + std::to_string(c.h) + ",\"name\":" + json_quote(file_name("-profile", "png")) + "}";
    }
    if (fx.check_storage) r += ",\"checkStorage\":true";
    if (!fx.open_url.empty()) r += ",\"openUrl\":" + json_quote(fx.open_url);
    if (fx.load_plan_build) r += ",\"loadPlan\":true";
    r += "}";
    return r;
}

}  // namespace

namespace coach::web {
WebState& web_state() { return g_web; }
void wake_app() { g_web.redraw = coach::wake(g_web.redraw); }
void apply_language() {
    g_web.app.lang = coach::choose_lang(g_web.url_lang, g_web.app.store.doc.prefs.lang, g_web.browser_lang);
}
}  // namespace coach::web

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* coach_constants() {
    static std::string json;
    if (json.empty()) {
        using namespace coach::web;
        const coach::StorageKeys keys = coach::storage_keys();
        json = "{\"pointer\":{\"move\":" + std::to_string(pointer_move) + ",\"down\":" + std::to_string(pointer_down) +
               ",\"up\":" + std::to_string(pointer_up) + ",\"leave\":" + std::to_string(pointer_leave) + "},\"mods\":{\"ctrl\":" +
               std::to_string(mod_ctrl) + ",\"shift\":" + std::to_string(mod_shift) + ",\"alt\":" + std::to_string(mod_alt) +
               ",\"super\":" + std::to_string(mod_super) + "},\"start\":{\"mac\":" + std::to_string(start_mac) +
               ",\"dark\":" + std::to_string(start_dark) + ",\"moreContrast\":" + std::to_string(start_more_contrast) + ",\"reducedMotion\":" + std::to_string(start_reduced_motion) +
               "},\"outcome\":{\"ok\":" + std::to_string(outcome_ok) + ",\"quota\":" + std::to_string(outcome_quota) +
               ",\"unavailable\":" + std::to_string(outcome_unavailable) + ",\"conflict\":" + std::to_string(outcome_conflict) +
               "},\"font\":{\"main\":" + std::to_string(font_main) +
               ",\"marks\":" + std::to_string(font_marks) + ",\"fallback\":" + std::to_string(font_fallback) + ",\"practice\":" + std::to_string(font_practice) + ",\"lessons\":" + std::to_string(font_lessons) + "},\"keys\":{\"document\":" + coach::json_quote(keys.document) +
               ",\"prefix\":" + coach::json_quote("collection-coach") + ",\"plan\":" + coach::json_quote(coach::plan_keys().prefix) + "}}";
    }
    return json.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* coach_start(const char* query, const char* browser_lang, int flags) {
    using namespace coach::web;
    const coach::Link link = coach::parse_query(query);
    g_web.url_lang = link.lang;
    g_web.browser_lang = browser_lang;
    g_web.app.content_url = link.content;
    g_web.app.system = {(flags & start_dark) != 0, (flags & start_more_contrast) != 0};
    g_web.app.motion.reduced = (flags & start_reduced_motion) != 0;
    g_web.app.plan_screens = linked_plan_screens();
    g_web.app.store = coach::load(g_web.found, static_cast<std::int64_t>(emscripten_date_now()), g_web.repairs);
    g_web.found = {};
    apply_language();
    static std::string result;
    result = "{\"ok\":";
    if (!create_gl_context()) return (result += "false,\"writes\":[]}").c_str();
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is the app's, not the user's
    io.LogFilename = nullptr;
    io.ConfigMacOSXBehaviors = (flags & start_mac) != 0;
    io.BackendPlatformName = "coach_web";
    apply_style(coach::theme(coach::ui::theme_id(g_web.app)));
    if (!coach::web::renderer_init()) return (result += "false,\"writes\":[]}").c_str();
    g_web.started = true;
    wake_app();
    result += "true,\"writes\":[";
    for (std::size_t i = 0; i < g_web.repairs.size(); ++i) {
        const coach::Write& w = g_web.repairs[i];
        result += std::string(i ? "," : "") + "{\"key\":" + json_quote(w.key) + ",\"value\":" + (w.value ? json_quote(*w.value) : "null") + "}";
    }
    result += "]}";
    return result.c_str();
}

// Takes ownership of `data` (allocated with malloc). Two ImFonts share the CJK data: the
// Chinese one, and the English one whose first source is the Latin quotation marks (Dear
// ImGui takes a glyph from the first source that has it, and applies no `pwid` feature).
EMSCRIPTEN_KEEPALIVE int coach_add_font(void* data, int size, int kind) {
    using namespace coach::web;
    ImGuiIO& io = ImGui::GetIO();
    const auto add = [&](void* bytes, int length, bool owned, ImFont* into) {
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = owned;
        cfg.MergeMode = into != nullptr;
        // Dear ImGui 1.92 merges into the last font added: make `into` the last one meanwhile.
        ImVector<ImFont*>& fonts = io.Fonts->Fonts;
        const int at = into != nullptr ? fonts.index_from_ptr(fonts.find(into)) : -1;
        if (at >= 0) std::swap(fonts[at], fonts.back());
        ImFont* font = io.Fonts->AddFontFromMemoryTTF(bytes, length, coach::ui::font_px(17), &cfg);
        if (at >= 0) std::swap(fonts[at], fonts.back());
        return font;
    };
    if (kind == font_marks) {
        if (g_web.font == nullptr || g_web.font_en != nullptr) return 0;
        g_web.font_en = add(data, size, true, nullptr);
        if (g_web.font_en == nullptr) return 0;
        for (const auto& [bytes, length] : g_web.cjk_sources) add(bytes, length, false, g_web.font_en);
        g_web.font_en->FallbackChar = coach::ui::kMissingGlyph;
    } else {
        ImFont* font = add(data, size, true, g_web.font);
        if (font == nullptr) return 0;
        if (g_web.font == nullptr) {
            g_web.font = font;
            g_web.font->FallbackChar = coach::ui::kMissingGlyph;
        }
        g_web.cjk_sources.emplace_back(data, size);
        if (g_web.font_en != nullptr && kind != font_main) add(data, size, false, g_web.font_en);
    }
    // Glyphs looked up before this font arrived were cached as missing.
    ImFontAtlasFontDiscardBakes(io.Fonts, g_web.font, 0);
    if (g_web.font_en != nullptr) ImFontAtlasFontDiscardBakes(io.Fonts, g_web.font_en, 0);
    coach::web::wake_app();
    return 1;
}

EMSCRIPTEN_KEEPALIVE void coach_wake() { coach::web::wake_app(); }

// Draws one frame if one is owed, and answers with what the page must do.
EMSCRIPTEN_KEEPALIVE const char* coach_frame(double now_ms, double wall_ms, int utc_offset_minutes) {
    coach::ui::Ui ui;
    if (!g_web.started || g_web.font == nullptr || !coach::wants_frame(g_web.redraw)) {
        g_web.frame_result = frame_result(ui, false, false);
        g_web.effects = {};
        return g_web.frame_result.c_str();
    }
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(g_web.css_width, g_web.css_height);
    io.DisplayFramebufferScale = ImVec2(g_web.pixel_ratio, g_web.pixel_ratio);
    const double dt = (now_ms - g_web.last_frame_ms) / 1000.0;
    io.DeltaTime = (g_web.last_frame_ms > 0 && dt > 0 && dt < 1.0) ? static_cast<float>(dt) : 1.0f / 60.0f;
    g_web.last_frame_ms = now_ms;
    g_web.app.now_ms = static_cast<std::int64_t>(wall_ms);
    g_web.app.utc_offset_minutes = utc_offset_minutes;

    const coach::ThemeId theme_before = coach::ui::theme_id(g_web.app);
    ImGui::NewFrame();
    ui.font = g_web.app.lang == coach::Lang::en && g_web.font_en != nullptr ? g_web.font_en : g_web.font;
    ui.metrics = coach::ui::scaled(coach::ui::Metrics{}, coach::ui::text_percent(g_web.app));
    ui.theme = &coach::theme(theme_before);
    ui.input = g_web.input;
    g_web.input.activate.clear();
    g_web.input.scroll_to.clear();
    for (auto& [id, edit] : g_web.input.edits) edit.fresh = false;
    coach::ui::draw_app(g_web.app, ui, g_web.effects);
    ImGui::Render();
    if (coach::ui::theme_id(g_web.app) != theme_before) apply_style(coach::theme(coach::ui::theme_id(g_web.app)));

    const int fb_w = static_cast<int>(g_web.css_width * g_web.pixel_ratio + 0.5f);
    const int fb_h = static_cast<int>(g_web.css_height * g_web.pixel_ratio + 0.5f);
    coach::web::renderer_draw(ImGui::GetDrawData(), fb_w, fb_h, ImGui::ColorConvertU32ToFloat4(ui.theme->paper.abgr()));

    const ImGuiContext& ctx = *ImGui::GetCurrentContext();
    // A change this frame (a new screen, a setting) shows fully only on the next one.
    const bool changed = g_web.effects.arrived || g_web.effects.reading_changed || g_web.effects.lang_changed || ui.activated;
    g_web.redraw = coach::frame_drawn(changed ? coach::wake(g_web.redraw) : g_web.redraw,
                                      {.input_queued = ctx.InputEventsQueue.Size > 0, .animating = ui.animating});
    const bool more = coach::wants_frame(g_web.redraw);
    if (g_web.effects.lang_changed && !g_web.url_lang.empty()) g_web.url_lang = coach::lang_code(g_web.app.lang);
    g_web.frame_result = frame_result(ui, true, more);
    g_web.effects = {};
    return g_web.frame_result.c_str();
}

}  // extern "C"
