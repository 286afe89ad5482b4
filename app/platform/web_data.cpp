// web_data: the learner's data and the course: storage writes and events, import, storage
// status, loading a course bundle, deep links.
#include <emscripten.h>

#include "core/course.h"
#include "web_shell.h"
#include "web_state.h"
#include "web_storage.h"

using coach::web::wake_app;

namespace {
coach::web::WebState& web = coach::web::web_state();
}  // namespace

extern "C" {

// Writes what is pending. Returns 1 when a write failed and should be retried later.
EMSCRIPTEN_KEEPALIVE int coach_flush() {
    coach::Store& store = web.app.store;
    const auto plan = coach::plan_flush(store, coach::web::storage_get(coach::storage_keys().document),
                                        static_cast<std::int64_t>(emscripten_date_now()));
    if (!plan) return 0;
    const coach::WriteOutcome outcome = coach::web::storage_run(plan->writes);
    const coach::Notice before = store.notice;
    coach::flush_done(store, *plan, outcome);
    if (store.notice != before) wake_app();
    return outcome == coach::WriteOutcome::ok ? 0 : 1;
}

// Another tab wrote the document.
EMSCRIPTEN_KEEPALIVE void coach_storage_event() {
    coach::ui::AppState& app = web.app;
    coach::external_change(app.store, coach::web::storage_get(coach::storage_keys().document));
    coach::web::apply_language();
    wake_app();
}

// The text of a file the learner picked for import.
EMSCRIPTEN_KEEPALIVE void coach_import(const char* text, int length) {
    coach::ui::AppState& app = web.app;
    // The home screen shows the new goal on its own; the next frame schedules the write.
    if (coach::import_document(app.store, std::string_view(text, static_cast<std::size_t>(length)))) coach::web::apply_language();
    wake_app();
}

// A course bundle: the built-in one, or one given with ?content= (`custom`), which must also
// be drawable with the fonts loaded so far. Returns 1 when it is now the course shown.
EMSCRIPTEN_KEEPALIVE int coach_load_course(const char* text, int length, const char* name, int custom) {
    coach::ui::AppState& app = web.app;
    coach::CourseLoad load = coach::load_course_bundle(std::string_view(text, static_cast<std::size_t>(length)), name);
    if (custom && load.ok() && web.font != nullptr) {
        coach::check_glyphs(load.course, [](char32_t c) { return c <= 0xFFFF && web.font->IsGlyphInFont(static_cast<ImWchar>(c)); },
                            load.errors);
    }
    wake_app();
    if (!load.ok()) {
        app.content_source = name;
        app.content_errors = std::move(load.errors);
        return 0;
    }
    app.course = std::move(load.course);
    return 1;
}

// The storage key of the document, so the page listens for other tabs' writes to it.
EMSCRIPTEN_KEEPALIVE const char* coach_document_key() {
    static const std::string key = coach::storage_keys().document;
    return key.c_str();
}

// A ?content= file that could not be fetched at all.
EMSCRIPTEN_KEEPALIVE void coach_content_unavailable(const char* url, const char* reason) {
    coach::ui::AppState& app = web.app;
    app.content_source = url;
    app.content_errors = {{{url, 0}, coach::ContentProblem::fetch_failed, {}, reason}};
    wake_app();
}

// A deep link: ?lesson=ID&page=N (N counts from 1, as people do).
EMSCRIPTEN_KEEPALIVE int coach_open(const char* lesson, int page) {
    const bool opened = coach::ui::open_lesson(web.app, lesson, page > 0 ? static_cast<std::size_t>(page - 1) : 0);
    wake_app();
    return opened ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE void coach_storage_status(int persisted, double used_bytes, double quota_bytes) {
    web.app.storage = {true, persisted != 0, used_bytes, quota_bytes};
    wake_app();
}

}  // extern "C"
