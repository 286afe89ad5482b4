// web_input: DOM events, already in CSS pixels, into ImGui's input queue. Each wakes the app.
#include <emscripten.h>

#include <cfloat>

#include "web_keys.h"
#include "web_state.h"

using coach::web::wake_app;

namespace {
coach::web::WebState& web = coach::web::web_state();
}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void coach_resize(float css_width, float css_height, float pixel_ratio) {
    web.css_width = css_width;
    web.css_height = css_height;
    web.pixel_ratio = pixel_ratio > 0 ? pixel_ratio : 1;
    wake_app();
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
    wake_app();
}

// In lines, positive = content moves up (wheel turned towards the user).
EMSCRIPTEN_KEEPALIVE void coach_wheel(float dx, float dy) {
    ImGui::GetIO().AddMouseWheelEvent(-dx, -dy);
    wake_app();
}

EMSCRIPTEN_KEEPALIVE void coach_key(const char* key, int down, int mods) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, (mods & coach::web::mod_ctrl) != 0);
    io.AddKeyEvent(ImGuiMod_Shift, (mods & coach::web::mod_shift) != 0);
    io.AddKeyEvent(ImGuiMod_Alt, (mods & coach::web::mod_alt) != 0);
    io.AddKeyEvent(ImGuiMod_Super, (mods & coach::web::mod_super) != 0);
    const ImGuiKey k = coach::web::imgui_key_from_dom(key);
    if (k != ImGuiKey_None) io.AddKeyEvent(k, down != 0);
    wake_app();
}

EMSCRIPTEN_KEEPALIVE void coach_text(const char* utf8) {
    ImGui::GetIO().AddInputCharactersUTF8(utf8);
    wake_app();
}

// Text the page pasted: ImGui's own paste shortcut reads it back through the clipboard.
EMSCRIPTEN_KEEPALIVE void coach_set_clipboard(const char* utf8) { web.clipboard = utf8; }

EMSCRIPTEN_KEEPALIVE void coach_focus(int focused) {
    ImGui::GetIO().AddFocusEvent(focused != 0);
    wake_app();
}

EMSCRIPTEN_KEEPALIVE void coach_wake() { wake_app(); }

// The browser's back button or the phone's back gesture. Returns 0 at home (nothing to undo).
EMSCRIPTEN_KEEPALIVE int coach_back() {
    const bool handled = coach::ui::go_back(web.app);
    wake_app();
    return handled ? 1 : 0;
}

}  // extern "C"
