// web_plan_import: the plan's import, the app's side of web/plan_import.js. The page picks,
// drops or pastes, decodes the bytes to UTF-8 and calls in here; the import screen
// (app/ui/screen_plan_import.cpp) does the rest. Both entry points are listed in web_api.h.
#include <emscripten.h>

#include <string_view>

#include "ui/plan_view.h"
#include "web_api.h"
#include "web_state.h"

extern "C" {

EMSCRIPTEN_KEEPALIVE void coach_plan_import(const char* name, const char* text, int length, const char* encoding) {
    coach::web::WebState& web = coach::web::web_state();
    const std::string_view body = text != nullptr && length > 0 ? std::string_view(text, static_cast<std::size_t>(length)) : std::string_view();
    coach::ui::plan_file_arrived(web.app, name ? name : "", body, encoding ? encoding : "");
    coach::web::wake_app();
}

EMSCRIPTEN_KEEPALIVE void coach_plan_paste_refused(const char* reason) {
    coach::ui::plan_paste_refused(coach::web::web_state().app, reason ? reason : "");
    coach::web::wake_app();
}

}  // extern "C"
