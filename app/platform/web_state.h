// web_state: all state of the browser glue, in one struct, shared by its files:
//   web_main.cpp   start, fonts, drawing a frame, carrying out what the UI asked for
//   web_input.cpp  DOM events -> ImGui
//   web_data.cpp   storage, import, the course and deep links
#pragma once
#include <emscripten/html5.h>

#include <string>

#include "core/redraw.h"
#include "imgui.h"
#include "ui/app.h"

namespace coach::web {

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

WebState& web_state();
// Something changed that may change what is shown: draw again.
void wake_app();
// Sets the language shown from the address, the stored choice and the browser (choose_lang).
void apply_language();

}  // namespace coach::web
