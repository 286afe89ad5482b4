// web_input: DOM events, already in CSS pixels, into ImGui's input queue, and the page's
// requests by meaning (activate, focus, edit) for the next frame. Each wakes the app.
#include <emscripten.h>

#include <cfloat>

#include "web_api.h"
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

EMSCRIPTEN_KEEPALIVE void coach_pointer(int action, float x, float y, int button, int touch) {
    using namespace coach::web;
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(touch ? ImGuiMouseSource_TouchScreen : ImGuiMouseSource_Mouse);
    if (action == pointer_leave) {
        io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    } else {
        io.AddMousePosEvent(x, y);
        if ((action == pointer_down || action == pointer_up) && button >= 0 && button < ImGuiMouseButton_COUNT)
            io.AddMouseButtonEvent(button, action == pointer_down);
        // A finger that lifts is gone: nothing stays hovered under it.
        if (action == pointer_up && touch) io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    }
    // A pointer user sees no focus ring (as :focus-visible in CSS).
    if (action == pointer_down) web.input.focus_visible = false;
    wake_app();
}

// In lines, positive = content moves up (wheel turned towards the user).
EMSCRIPTEN_KEEPALIVE void coach_wheel(float dx, float dy) {
    ImGui::GetIO().AddMouseWheelEvent(-dx, -dy);
    wake_app();
}

EMSCRIPTEN_KEEPALIVE void coach_key(const char* key, int down, int mods) {
    using namespace coach::web;
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, (mods & mod_ctrl) != 0);
    io.AddKeyEvent(ImGuiMod_Shift, (mods & mod_shift) != 0);
    io.AddKeyEvent(ImGuiMod_Alt, (mods & mod_alt) != 0);
    io.AddKeyEvent(ImGuiMod_Super, (mods & mod_super) != 0);
    const ImGuiKey k = imgui_key_from_dom(key);
    if (k != ImGuiKey_None) io.AddKeyEvent(k, down != 0);
    wake_app();
}

EMSCRIPTEN_KEEPALIVE void coach_window_focus(int focused) {
    ImGui::GetIO().AddFocusEvent(focused != 0);
    wake_app();
}

EMSCRIPTEN_KEEPALIVE void coach_activate(const char* id) {
    web.input.activate = id;
    wake_app();
}

EMSCRIPTEN_KEEPALIVE void coach_focus(const char* id, int visible) {
    if (web.input.focus != id) web.input.scroll_to = id;
    web.input.focus = id;
    web.input.focus_visible = visible != 0;
    wake_app();
}

EMSCRIPTEN_KEEPALIVE void coach_edit(const char* id, const char* text, int selection_start, int selection_end, const char* preedit) {
    web.input.edits[id] = {text, selection_start, selection_end, preedit};
    wake_app();
}

EMSCRIPTEN_KEEPALIVE void coach_system(int flags) {
    using namespace coach::web;
    web.app.system = {(flags & start_dark) != 0, (flags & start_more_contrast) != 0};
    web.app.motion.reduced = (flags & start_reduced_motion) != 0;
    wake_app();
}

}  // extern "C"
