// web_main: the app's entry points for the page, and all state of the browser glue.
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
#include "web_keys.h"
#include "web_shell.h"
#include "web_storage.h"

namespace {

struct WebState {
    coach::ui::AppState app;
    std::string url_lang, browser_lang;  // language hints from the page
    coach::ui::Metrics metrics;
    coach::Redraw redraw;
    ImFont* font = nullptr;
    float css_width = 360, css_height = 640, pixel_ratio = 1;
    double last_frame_ms = 0;
    bool started = false;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    ImGuiPlatformImeData ime;  // what ImGui said about text input during the last frame
    std::string clipboard;     // text ImGui copied, or the page last pasted
};

WebState g_web;

void wake() { g_web.redraw = coach::wake(g_web.redraw); }

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
    if (effects.lang_changed) coach::web::shell_language_chosen(std::string(coach::lang_code(app.lang)).c_str());
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

extern "C" {

// Returns 1 when the app is ready, 0 when WebGL2 could not be set up.
EMSCRIPTEN_KEEPALIVE int coach_start(const char* url_lang, const char* browser_lang, int mac) {
    g_web.url_lang = url_lang;
    g_web.browser_lang = browser_lang;
    std::vector<coach::Write> repairs;
    g_web.app.store = coach::load(coach::web::storage_found(), static_cast<std::int64_t>(emscripten_date_now()), repairs);
    if (!repairs.empty()) coach::repairs_done(g_web.app.store, coach::web::storage_run(repairs));
    g_web.app.lang = coach::choose_lang(url_lang, g_web.app.store.doc.prefs.lang, browser_lang);
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
    wake();
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
    wake();
    return 1;
}

EMSCRIPTEN_KEEPALIVE void coach_resize(float css_width, float css_height, float pixel_ratio) {
    g_web.css_width = css_width;
    g_web.css_height = css_height;
    g_web.pixel_ratio = pixel_ratio > 0 ? pixel_ratio : 1;
    wake();
}

// action: 0 move, 1 down, 2 up, 3 left the canvas. touch: the pointer is a finger or pen.
EMSCRIPTEN_KEEPALIVE void coach_pointer(int action, float x, float y, int button, int touch) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(touch ? ImGuiMouseSource_TouchScreen : ImGuiMouseSource_Mouse);
    if (action == 3) {
        io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    } else {
        io.AddMousePosEvent(x, y);
        if ((action == 1 || action == 2) && button >= 0 && button < ImGuiMouseButton_COUNT) io.AddMouseButtonEvent(button, action == 1);
        // A finger that lifts is gone: nothing stays hovered under it.
        if (action == 2 && touch) io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    }
    wake();
}

// In lines, positive = content moves up (wheel turned towards the user).
EMSCRIPTEN_KEEPALIVE void coach_wheel(float dx, float dy) {
    ImGui::GetIO().AddMouseWheelEvent(-dx, -dy);
    wake();
}

EMSCRIPTEN_KEEPALIVE void coach_key(const char* key, int down, int mods) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, (mods & coach::web::mod_ctrl) != 0);
    io.AddKeyEvent(ImGuiMod_Shift, (mods & coach::web::mod_shift) != 0);
    io.AddKeyEvent(ImGuiMod_Alt, (mods & coach::web::mod_alt) != 0);
    io.AddKeyEvent(ImGuiMod_Super, (mods & coach::web::mod_super) != 0);
    const ImGuiKey k = coach::web::imgui_key_from_dom(key);
    if (k != ImGuiKey_None) io.AddKeyEvent(k, down != 0);
    wake();
}

EMSCRIPTEN_KEEPALIVE void coach_text(const char* utf8) {
    ImGui::GetIO().AddInputCharactersUTF8(utf8);
    wake();
}

// Text the page pasted: ImGui's own paste shortcut reads it back through the clipboard.
EMSCRIPTEN_KEEPALIVE void coach_set_clipboard(const char* utf8) { g_web.clipboard = utf8; }

EMSCRIPTEN_KEEPALIVE void coach_focus(int focused) {
    ImGui::GetIO().AddFocusEvent(focused != 0);
    wake();
}

EMSCRIPTEN_KEEPALIVE void coach_wake() { wake(); }

// Writes what is pending. Returns 1 when a write failed and should be retried later.
EMSCRIPTEN_KEEPALIVE int coach_flush() {
    coach::Store& store = g_web.app.store;
    const auto plan = coach::plan_flush(store, coach::web::storage_get(coach::storage_keys().document),
                                        static_cast<std::int64_t>(emscripten_date_now()));
    if (!plan) return 0;
    const coach::WriteOutcome outcome = coach::web::storage_run(plan->writes);
    const coach::Notice before = store.notice;
    coach::flush_done(store, *plan, outcome);
    if (store.notice != before) wake();
    return outcome == coach::WriteOutcome::ok ? 0 : 1;
}

// Another tab wrote the document.
EMSCRIPTEN_KEEPALIVE void coach_storage_event() {
    coach::ui::AppState& app = g_web.app;
    coach::external_change(app.store, coach::web::storage_get(coach::storage_keys().document));
    if (g_web.url_lang.empty()) app.lang = coach::choose_lang("", app.store.doc.prefs.lang, g_web.browser_lang);
    wake();
}

// The text of a file the learner picked for import.
EMSCRIPTEN_KEEPALIVE void coach_import(const char* text, int length) {
    coach::ui::AppState& app = g_web.app;
    if (coach::import_document(app.store, std::string_view(text, static_cast<std::size_t>(length)))) {
        app.goal_edit = app.store.doc.prefs.goal;
        if (g_web.url_lang.empty()) app.lang = coach::choose_lang("", app.store.doc.prefs.lang, g_web.browser_lang);
        coach::web::shell_schedule_flush();
    }
    wake();
}

// A course bundle: the built-in one, or one given with ?content= (`custom`), which must also
// be drawable with the fonts loaded so far. Returns 1 when it is now the course shown.
EMSCRIPTEN_KEEPALIVE int coach_load_course(const char* text, int length, const char* name, int custom) {
    coach::ui::AppState& app = g_web.app;
    coach::CourseLoad load = coach::load_course_bundle(std::string_view(text, static_cast<std::size_t>(length)), name);
    if (custom && load.ok() && g_web.font != nullptr) {
        coach::check_glyphs(load.course, [](char32_t c) { return c <= 0xFFFF && g_web.font->IsGlyphInFont(static_cast<ImWchar>(c)); },
                            load.errors);
    }
    wake();
    if (!load.ok()) {
        app.content_source = name;
        app.content_errors = std::move(load.errors);
        return 0;
    }
    app.course = std::move(load.course);
    return 1;
}

// A ?content= file that could not be fetched at all.
EMSCRIPTEN_KEEPALIVE void coach_content_unavailable(const char* url, const char* reason) {
    coach::ui::AppState& app = g_web.app;
    app.content_source = url;
    app.content_errors = {{{url, 0}, coach::ContentProblem::fetch_failed, {}, reason}};
    wake();
}

// A deep link: ?lesson=ID&page=N (N counts from 1, as people do).
EMSCRIPTEN_KEEPALIVE int coach_open(const char* lesson, int page) {
    const bool opened = coach::ui::open_lesson(g_web.app, lesson, page > 0 ? static_cast<std::size_t>(page - 1) : 0);
    wake();
    return opened ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE void coach_storage_status(int persisted, double used_bytes, double quota_bytes) {
    g_web.app.storage = {true, persisted != 0, used_bytes, quota_bytes};
    wake();
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
