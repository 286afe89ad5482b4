// web_main: the app's entry points for the page (with web_input.cpp and web_data.cpp).
//
// On the web the app does not run a loop of its own. The page (web/shell.js) owns the
// event listeners and requestAnimationFrame, and calls in here:
//   coach_start     once, with the language hints; reads storage
//   coach_flush     writes pending changes (after a pause, and when the page hides)
//   coach_storage_event / coach_import / coach_storage_status   storage news
//   coach_load_course / coach_content_unavailable / coach_open  the course and deep links
//   coach_add_font  with font bytes: the first-load subset, later the large fallback
//   coach_resize / coach_pointer / coach_wheel / coach_key / coach_text / coach_focus
//                   for each DOM event, already in CSS pixels
//   coach_frame     to draw; it answers whether another frame is wanted
// Nothing is drawn unless something woke the app (see core/redraw.h): an idle tab costs
// nothing. WebGL2 is the only renderer: every browser with WebAssembly has it, and the page
// says so plainly where it is missing.
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <cstdio>
#include <string>
#include <vector>

#include "core/i18n.h"
#include "core/redraw.h"
#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_internal.h"
#include "ui/app.h"
#include "web_shell.h"
#include "web_state.h"
#include "web_storage.h"

namespace {

coach::web::WebState g_web;

const char* get_clipboard(ImGuiContext*) { return g_web.clipboard.c_str(); }
void set_clipboard(ImGuiContext*, const char* text) {
    g_web.clipboard = text ? text : "";
    coach::web::shell_set_clipboard(g_web.clipboard.c_str());
}
void set_ime_data(ImGuiContext*, ImGuiViewport*, ImGuiPlatformImeData* data) { g_web.ime = *data; }

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

void apply_style() {
    ImGuiStyle& style = ImGui::GetStyle();
    ImGui::StyleColorsLight(&style);
    style.ItemSpacing = ImVec2(10, 8);
    style.FrameRounding = 10;
    style.ScrollbarSize = 8;
    style.ScrollbarRounding = 4;
    style.Colors[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(coach::ui::color::ink);
    style.Colors[ImGuiCol_Button] = ImGui::ColorConvertU32ToFloat4(0xFFE8ECF5);
    style.Colors[ImGuiCol_ButtonHovered] = ImGui::ColorConvertU32ToFloat4(0xFFDCE2F0);
    style.Colors[ImGuiCol_ButtonActive] = ImGui::ColorConvertU32ToFloat4(0xFFC9D1E6);
    style.Colors[ImGuiCol_FrameBg] = ImGui::ColorConvertU32ToFloat4(coach::ui::color::card);
    style.Colors[ImGuiCol_Border] = ImGui::ColorConvertU32ToFloat4(coach::ui::color::line);
    style.Colors[ImGuiCol_TextSelectedBg] = ImGui::ColorConvertU32ToFloat4(0x552E36B8);
}

// "collection-coach-2026-11-27.json": a name that sorts by date in a downloads folder.
std::string file_name(const char* what) {
    const double now = emscripten_date_now();
    const long long days = static_cast<long long>(now / 86400000.0);
    // Civil date from days since 1970 (Howard Hinnant's algorithm).
    const long long z = days + 719468, era = z / 146097, doe = z - era * 146097;
    const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
    const long long d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9, y = yoe + era * 400 + (m <= 2);
    char buf[96];
    std::snprintf(buf, sizeof buf, "collection-coach%s-%04lld-%02lld-%02lld.json", what, y, m, d);
    return buf;
}

void carry_out(const coach::ui::AppEffects& effects) {
    coach::ui::AppState& app = g_web.app;
    if (effects.lang_changed) {
        const std::string code(coach::lang_code(app.lang));
        if (!g_web.url_lang.empty()) g_web.url_lang = code;  // the page rewrites ?lang= to match
        coach::web::shell_language_chosen(code.c_str());
    }
    if (effects.export_document) coach::web::shell_download(file_name("").c_str(), coach::export_document(app.store).c_str());
    if (effects.import_document) coach::web::shell_pick_file();
    if (effects.check_storage) coach::web::shell_check_storage();
    if (effects.download_unreadable >= 0 && effects.download_unreadable < static_cast<int>(app.store.unreadable.size())) {
        const std::string& text = app.store.unreadable[static_cast<std::size_t>(effects.download_unreadable)].text;
        coach::web::shell_download(file_name("-unreadable").c_str(), text.c_str());
        coach::unreadable_downloaded(app.store);
    }
    if (app.store.dirty && !app.store.hold) coach::web::shell_schedule_flush();
}

void publish_frame_outputs(const coach::ui::Ui& ui, const coach::ui::AppEffects& effects) {
    carry_out(effects);
    const ImGuiPlatformImeData& ime = g_web.ime;
    coach::web::shell_text_input(ime.WantTextInput, ime.InputPos.x, ime.InputPos.y, ime.InputLineHeight);
    coach::web::shell_publish_view(coach::to_json(ui.view).c_str());
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

// Returns 1 when the app is ready, 0 when WebGL2 could not be set up.
EMSCRIPTEN_KEEPALIVE int coach_start(const char* url_lang, const char* browser_lang, int mac) {
    g_web.url_lang = url_lang;
    g_web.browser_lang = browser_lang;
    std::vector<coach::Write> repairs;
    g_web.app.store = coach::load(coach::web::storage_found(), static_cast<std::int64_t>(emscripten_date_now()), repairs);
    if (!repairs.empty()) coach::repairs_done(g_web.app.store, coach::web::storage_run(repairs));
    coach::web::apply_language();
    g_web.app.goal_edit = g_web.app.store.doc.prefs.goal;
    if (!create_gl_context()) return 0;
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is the app's, not the user's
    io.LogFilename = nullptr;
    io.ConfigInputTextCursorBlink = false;  // a blinking cursor would mean drawing forever
    io.ConfigMacOSXBehaviors = mac != 0;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.BackendPlatformName = "coach_web";
    ImGuiPlatformIO& pio = ImGui::GetPlatformIO();
    pio.Platform_GetClipboardTextFn = get_clipboard;
    pio.Platform_SetClipboardTextFn = set_clipboard;
    pio.Platform_SetImeDataFn = set_ime_data;
    apply_style();
    ImGui_ImplOpenGL3_Init("#version 300 es");
    g_web.started = true;
    coach::web::wake_app();
    return 1;
}

// Takes ownership of `data` (allocated with malloc). The first font becomes the app's font;
// a later one is merged into it as a fallback for characters the first one lacks.
EMSCRIPTEN_KEEPALIVE int coach_add_font(void* data, int size) {
    ImGuiIO& io = ImGui::GetIO();
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = true;
    cfg.MergeMode = g_web.font != nullptr;
    ImFont* font = io.Fonts->AddFontFromMemoryTTF(data, size, g_web.metrics.body, &cfg);
    if (font == nullptr) return 0;
    if (g_web.font == nullptr) {
        g_web.font = font;
    } else {
        // Glyphs looked up before the fallback arrived were cached as missing.
        ImFontAtlasFontDiscardBakes(io.Fonts, g_web.font, 0);
    }
    coach::web::wake_app();
    return 1;
}

// Draws one frame. Returns 1 while the app wants more frames, 0 once it has settled.
EMSCRIPTEN_KEEPALIVE int coach_frame(double now_ms) {
    if (!g_web.started || g_web.font == nullptr) return 0;
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(g_web.css_width, g_web.css_height);
    io.DisplayFramebufferScale = ImVec2(g_web.pixel_ratio, g_web.pixel_ratio);
    const double dt = (now_ms - g_web.last_frame_ms) / 1000.0;
    io.DeltaTime = (g_web.last_frame_ms > 0 && dt > 0 && dt < 1.0) ? static_cast<float>(dt) : 1.0f / 60.0f;
    g_web.last_frame_ms = now_ms;

    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    coach::ui::Ui ui;
    ui.font = g_web.font;
    ui.metrics = g_web.metrics;
    coach::ui::AppEffects effects;
    coach::ui::draw_app(g_web.app, ui, effects);
    ImGui::Render();

    const int fb_w = static_cast<int>(g_web.css_width * g_web.pixel_ratio + 0.5f);
    const int fb_h = static_cast<int>(g_web.css_height * g_web.pixel_ratio + 0.5f);
    glViewport(0, 0, fb_w, fb_h);
    const ImVec4 paper = ImGui::ColorConvertU32ToFloat4(coach::ui::color::paper);
    glClearColor(paper.x, paper.y, paper.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    publish_frame_outputs(ui, effects);
    const ImGuiContext& ctx = *ImGui::GetCurrentContext();
    g_web.redraw = coach::frame_drawn(g_web.redraw, {.input_queued = ctx.InputEventsQueue.Size > 0, .animating = false});
    return coach::wants_frame(g_web.redraw) ? 1 : 0;
}

}  // extern "C"
