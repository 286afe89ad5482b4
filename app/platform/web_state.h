// web_state: all state of the browser glue, in one struct, shared by its files:
//   web_main.cpp    start, fonts, drawing a frame and answering with what the page must do
//   web_input.cpp   DOM events -> ImGui, and the page's requests by meaning (activate, focus, edit)
//   web_data.cpp    storage, import, the course and links
//   web_plan.cpp    the collection plan's storage (its records); with web_plan_import.cpp and
//                   web_plan_bench.cpp, only in the build with the plan (app-plan.wasm)
//   web_without_plan.cpp  the first load's build (app.wasm): no plan screens (ui/plan_screens.h)
// The boundary itself (every entry point, what it takes and returns) is web_api.h.
#pragma once
#include <emscripten/html5.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/plan_store.h"
#include "core/redraw.h"
#include "core/store.h"
#include "imgui.h"
#include "ui/app.h"

namespace coach::web {

struct WebState {
    coach::ui::AppState app;
    coach::ui::AppEffects effects;  // requests gathered between frames (storage news, imports)
    coach::ui::FrameInput input;    // what the page asked for by meaning, for the next frame
    std::string url_lang, browser_lang;  // language hints from the page
    coach::Redraw redraw;
    ImFont* font = nullptr;     // Chinese text: the CJK subset, then the fallback
    ImFont* font_en = nullptr;  // English text: the Latin marks first, then the same CJK fonts
    std::vector<std::pair<void*, int>> cjk_sources;  // the CJK font data, shared by both fonts
    float css_width = 360, css_height = 640, pixel_ratio = 1;
    double last_frame_ms = 0;
    bool started = false;
    bool arriving = false;  // the last frame moved to a new screen: the next one (which shows it) moves focus
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    coach::Found found;                       // what the page read from storage before start
    std::optional<coach::FlushPlan> writing;  // a flush the page is carrying out
    std::vector<coach::Write> repairs;        // start's repairs, until the page reports them done
    // The plan's storage (web_plan.cpp): the records of a read in progress, and the commit the
    // page is carrying out -- start's repairs or a flush, never both.
    std::vector<coach::Record> plan_reading;
    std::vector<coach::RecordOp> plan_repairs;
    std::optional<coach::PlanFlush> plan_writing;
    std::uint64_t plan_snapshot_generation = 0;  // the generation the stored snapshot shows (0: none known)
    std::string plan_snapshot;                   // the last one handed to the page
    std::string last_view;                    // the view tree JSON last sent (sent again only when changed)
    std::string last_theme;
    std::string frame_result;                 // the answer of the last coach_frame
};

WebState& web_state();
// Something changed that may change what is shown: draw again.
void wake_app();
// The plan's screens this build links in: web_plan.cpp's table, or none (web_without_plan.cpp).
const coach::ui::PlanScreens* linked_plan_screens();
// Sets the language shown from the address, the stored choice and the browser (choose_lang).
void apply_language();

}  // namespace coach::web
