// web_data: the learner's data and the course: what storage holds and what to write, storage
// events, import, storage status, loading a course bundle, links.
//
// Storage is localStorage, not IndexedDB: a write is one synchronous setItem that stores the
// whole value or throws (atomic, and it completes inside `pagehide`, where an IndexedDB
// transaction may never finish), and every write raises a `storage` event in the other tabs.
// The store (core/store.h) plans every write; the page carries the plan out and reports how it
// went. Values come in as arguments; plans go out as results.
#include <emscripten.h>

#include "core/assessment.h"
#include "core/course.h"
#include "core/navigation.h"
#include "web_api.h"
#include "web_state.h"

using coach::web::wake_app;

namespace {
coach::web::WebState& web = coach::web::web_state();

std::optional<std::string> maybe(const char* text) { return text ? std::optional<std::string>(text) : std::nullopt; }

std::string writes_json(const std::vector<coach::Write>& writes) {
    std::string r = "{\"writes\":[";
    for (std::size_t i = 0; i < writes.size(); ++i) {
        const coach::Write& w = writes[i];
        r += std::string(i ? "," : "") + "{\"key\":" + coach::json_quote(w.key) + ",\"value\":" + (w.value ? coach::json_quote(*w.value) : "null") + "}";
    }
    return r + "]}";
}

coach::WriteOutcome outcome_of(int code) {
    if (code == coach::web::outcome_quota) return coach::WriteOutcome::quota;
    if (code == coach::web::outcome_unavailable) return coach::WriteOutcome::unavailable;
    return coach::WriteOutcome::ok;
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void coach_storage_value(const char* key, const char* value) {
    const coach::StorageKeys keys = coach::storage_keys();
    const std::string k = key;
    if (k == keys.document) web.found.document = value;
    else if (k == keys.backup) web.found.backup = value;
    else if (k == keys.loose_lang) web.found.loose_lang = value;
    else if (k == keys.loose_goal) web.found.loose_goal = value;
    else if (k.rfind(keys.unreadable_prefix, 0) == 0) web.found.unreadable.push_back({k, value});
}

EMSCRIPTEN_KEEPALIVE const char* coach_flush(const char* stored_document) {
    static std::string result;
    result.clear();
    if (!web.repairs.empty()) return result.c_str();  // start's repairs are still being carried out
    web.writing = coach::plan_flush(web.app.store, maybe(stored_document), static_cast<std::int64_t>(emscripten_date_now()));
    if (web.writing) result = writes_json(web.writing->writes);
    return result.c_str();
}

EMSCRIPTEN_KEEPALIVE void coach_writes_done(int code) {
    coach::Store& store = web.app.store;
    const coach::Notice before = store.notice;
    if (!web.repairs.empty()) {
        coach::repairs_done(store, outcome_of(code));
        web.repairs.clear();
    } else if (web.writing) {
        coach::flush_done(store, *web.writing, outcome_of(code));
        web.writing.reset();
    }
    if (store.notice != before) wake_app();
}

EMSCRIPTEN_KEEPALIVE void coach_storage_event(const char* stored_document) {
    coach::external_change(web.app.store, maybe(stored_document));
    coach::web::apply_language();
    wake_app();
}

EMSCRIPTEN_KEEPALIVE void coach_import(const char* text, int length) {
    // The home screen shows the new goal on its own; the next frame asks for the write.
    if (coach::import_document(web.app.store, std::string_view(text, static_cast<std::size_t>(length)))) coach::web::apply_language();
    wake_app();
}

// A course bundle: the built-in one, or one given with ?content= (`custom`), which must also
// be drawable with the fonts loaded so far.
EMSCRIPTEN_KEEPALIVE int coach_load_course(const char* text, int length, const char* name, int custom) {
    coach::ui::AppState& app = web.app;
    coach::CourseLoad load = coach::load_course_bundle(std::string_view(text, static_cast<std::size_t>(length)), name);
    if (custom && load.ok() && web.font != nullptr)
        coach::check_glyphs(load.course, [](char32_t c) { return web.font->IsGlyphInFont(static_cast<ImWchar>(c)); }, load.errors);
    wake_app();
    if (!load.ok()) {
        app.content_source = name;
        app.content_errors = std::move(load.errors);
        return 0;
    }
    app.course = std::move(load.course);
    // The built-in self-assessment names the built-in lessons: an instructor's course has none.
    if (custom) app.assessment_problem = coach::tr(coach::Msg::assessment_not_in_course, app.lang);
    // An instructor's course brings its quizzes inside its file (or has none); the built-in
    // course waits for quizzes.json.
    app.quizzes_loaded = custom != 0;
    if (app.quizzes_loaded) coach::ui::recheck_quiz_link(app, web.effects);
    return 1;
}

// The built-in quizzes, checked against the course shown: all or nothing, and the problems
// (which only a broken build can cause) are the quizzes screen's to tell.
EMSCRIPTEN_KEEPALIVE int coach_load_quizzes(const char* text, int length, const char* name) {
    coach::ui::AppState& app = web.app;
    std::vector<coach::ContentError> errors;
    coach::load_quiz_bundle(std::string_view(text, static_cast<std::size_t>(length)), name, app.course, errors);
    wake_app();
    if (!errors.empty()) {
        app.quizzes_problem.clear();
        for (const coach::ContentError& e : errors) app.quizzes_problem += coach::describe(e, app.lang) + "\n";
        return 0;
    }
    app.quizzes_loaded = true;
    app.quizzes_problem.clear();
    coach::ui::recheck_quiz_link(app, web.effects);
    return 1;
}

EMSCRIPTEN_KEEPALIVE void coach_quizzes_unavailable(const char* reason) {
    web.app.quizzes_problem = reason;
    wake_app();
}

// The self-assessment, checked against the course shown: all or nothing, like the quizzes.
EMSCRIPTEN_KEEPALIVE int coach_load_assessment(const char* text, int length, const char* name) {
    coach::ui::AppState& app = web.app;
    coach::AssessmentLoad load = coach::load_assessment(std::string_view(text, static_cast<std::size_t>(length)), name, app.course);
    wake_app();
    if (!load.assessment) {
        app.assessment_problem.clear();
        for (const coach::ContentError& e : load.errors) app.assessment_problem += coach::describe(e, app.lang) + "\n";
        return 0;
    }
    app.assessment = std::move(load.assessment);
    app.assessment_problem.clear();
    coach::ui::assessment_arrived(app, web.effects);
    return 1;
}

EMSCRIPTEN_KEEPALIVE void coach_assessment_unavailable(const char* reason) {
    web.app.assessment_problem = reason;
    wake_app();
}

EMSCRIPTEN_KEEPALIVE void coach_add_result_file(const char* name, const char* text, int length) {
    coach::ui::add_result_file(web.app, name, std::string_view(text, static_cast<std::size_t>(length)));
    wake_app();
}

// A ?content= file that could not be fetched at all: said in words, the reason as detail.
EMSCRIPTEN_KEEPALIVE void coach_content_unavailable(const char* url, const char* reason) {
    web.app.content_source = url;
    web.app.content_details = reason;
    web.app.content_errors.clear();
    wake_app();
}

EMSCRIPTEN_KEEPALIVE void coach_open(const char* query, int history_index) {
    const std::size_t index = history_index > 0 ? static_cast<std::size_t>(history_index) : 0;
    coach::ui::open_link(web.app, web.effects, coach::parse_query(query), index);
    wake_app();
}

EMSCRIPTEN_KEEPALIVE void coach_storage_status(int persisted, double used_bytes, double quota_bytes) {
    web.app.storage = {true, persisted != 0, used_bytes, quota_bytes};
    wake_app();
}

}  // extern "C"
