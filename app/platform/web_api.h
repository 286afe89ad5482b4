// web_api: the one boundary between the page (web/*.js) and the app (wasm), in full.
//
// Values flow in as arguments; requests flow out as results. The app never calls the page:
// what it needs done (move the browser's history, write storage, download a file, focus an
// element, open a page) comes back as the result of the call that caused it, usually the
// frame. Strings cross as UTF-8 C strings; the page copies them into wasm memory with one
// helper (toWasm in web/wasm.js) and reads results with UTF8ToString. A result string stays
// valid until the next call of the same function.
//
// Numeric codes shared by both sides (pointer actions, modifier bits, storage outcomes,
// start flags) live here only; the page reads them once from coach_constants().
#pragma once

namespace coach::web {

enum PointerAction { pointer_move = 0, pointer_down = 1, pointer_up = 2, pointer_leave = 3 };
enum ModBits { mod_ctrl = 1, mod_shift = 2, mod_alt = 4, mod_super = 8 };
enum StartFlags { start_mac = 1, start_dark = 2, start_more_contrast = 4, start_reduced_motion = 8 };
// How a write went; `conflict`: the plan's record store refused a commit because another tab
// wrote first (web/records.js).
enum Outcome { outcome_ok = 0, outcome_quota = 1, outcome_unavailable = 2, outcome_conflict = 3 };
// The fonts, in the order they arrive: the first-load CJK subset, the Latin quotation marks
// (English text draws them first), the large CJK fallback after the first frame, and the
// practice's characters that the first-load subset lacks (with the quizzes and the
// self-assessment), and the lessons' pages' characters it lacks (right after the first frame).
enum FontKind { font_main = 0, font_marks = 1, font_fallback = 2, font_practice = 3, font_lessons = 4 };

}  // namespace coach::web

extern "C" {

// ---- constants --------------------------------------------------------------------------
// {"pointer":{"move":0,...},"mods":{...},"start":{...},"outcome":{...},"keys":{"document":...,
//  "prefix":...,"plan":...}}: the codes above and the storage keys (the plan's record prefix), for the page.
const char* coach_constants();

// ---- start ------------------------------------------------------------------------------
// Before start, once per value the page found in storage under keys.prefix.
void coach_storage_value(const char* key, const char* value);
// Starts on what storage held. `query` is location.search, `flags` StartFlags. Returns
// {"ok":bool,"writes":[{"key","value"|null}...]}: repairs to carry out at once (keeping an
// unreadable value under its own key), then report with coach_writes_done. ok false: no WebGL2.
const char* coach_start(const char* query, const char* browser_lang, int flags);
// Font bytes (malloc'ed; the app owns them) of a FontKind. Returns 1 when used.
int coach_add_font(void* data, int size, int kind);
// A course bundle; `custom` for an instructor's ?content= file. Returns 1 when now shown.
int coach_load_course(const char* text, int length, const char* name, int custom);
// The built-in quizzes (quizzes.json), after their font: checked against the course shown.
// Returns 1 when they are used; otherwise the quizzes screen says why.
int coach_load_quizzes(const char* text, int length, const char* name);
// quizzes.json could not be downloaded: the technical reason.
void coach_quizzes_unavailable(const char* reason);
// The self-assessment (assessment.json), with the quizzes: checked against the course shown.
// Returns 1 when it is used; otherwise its screens say why.
int coach_load_assessment(const char* text, int length, const char* name);
void coach_assessment_unavailable(const char* reason);
// A result file an instructor opened or dropped on the class view (its name and bytes).
void coach_add_result_file(const char* name, const char* text, int length);
// A ?content= file that could not be downloaded: its address and the technical reason.
void coach_content_unavailable(const char* url, const char* reason);
// The address to show: at start (after the course), and after the browser's back or forward
// (popstate). `history_index` is history.state.index (0 for a first visit).
void coach_open(const char* query, int history_index);

// ---- storage ----------------------------------------------------------------------------
// The page's flush timer fired (or the page is hiding), with the document storage holds now
// (NULL when none). Returns {"writes":[...]} to carry out in order, stopping at the first
// failure, then report with coach_writes_done; "" when there is nothing to write.
const char* coach_flush(const char* stored_document);
void coach_writes_done(int outcome);
// Another tab wrote the document (storage event); the value storage holds now.
void coach_storage_event(const char* stored_document);
// The text of a file the learner picked for import.
void coach_import(const char* text, int length);
// navigator.storage: persisted, bytes used and available.
void coach_storage_status(int persisted, double used_bytes, double quota_bytes);

// ---- the plan's import (web/plan_import.js) ----------------------------------------------
// A file the learner picked or dropped on the import screen, or text from the clipboard
// (name "clipboard"): `text` is UTF-8 (`length` bytes; the page decoded the file first) and
// `encoding` names what the bytes were ("UTF-8", "UTF-8 (BOM)", "UTF-16LE", "GB18030").
// A plan file waits for the learner's confirmation; anything else goes to the column mapping.
void coach_plan_import(const char* name, const char* text, int length, const char* encoding);
// The browser refused to read the clipboard (the Paste button): the technical reason. The
// screen says to press Ctrl+V instead, which the page hears as a 'paste' event.
void coach_plan_paste_refused(const char* reason);

// ---- the plan's storage (web/plan_storage.js, web/records.js; app/platform/web_plan.cpp) --
// The plan's records (keys.plan in coach_constants) are read after the first frame, and again
// whenever another tab committed or a commit of this tab met a conflict: begin, every record
// under the prefix (`value` is `length` bytes: the page's UTF-8 of the stored text), end.
// coach_plan_end_read answers with a commit to carry out at once (keeping values that could not
// be read), or "": {"expect":{"key","generation"},"ops":[{"kind":"put","key","value"} |
// {"kind":"remove","key"} | {"kind":"copy","key","from"}]}. `now_ms` and `utc_offset_minutes`
// date kept values and the learner's day.
// Before that, at start: the head and the snapshot (plan_snapshot.h; its chunks joined), as UTF-8 bytes;
// 1 when the plan is loaded from them, 0 when every record must be read as above.
int coach_plan_start_from_snapshot(const char* head, int head_length, const char* snapshot, int snapshot_length, double now_ms,
                                   int utc_offset_minutes);
void coach_plan_begin_read();
void coach_plan_record(const char* key, const char* value, int length);
const char* coach_plan_end_read(double now_ms, int utc_offset_minutes);
// The page's flush timer fired (the frame's "plan":{"save":true} asked for one), or the page is
// hiding: a commit of the same shape, or "" when there is nothing to write.
const char* coach_plan_flush();
// How the last commit went (an Outcome). outcome_conflict: the page reads every record again.
void coach_plan_done(int outcome);
// A while after a read or a commit, when no step is under way: the snapshot to store (its first
// line names its generation; a quiet commit expecting that generation puts its bytes in chunks
// under keys.plan + "snapshot/"), or "" when there is none to write (not loaded, changes not yet written, a commit
// under way, or the stored one already shows this generation). Stored: coach_plan_snapshot_done.
const char* coach_plan_snapshot();
void coach_plan_snapshot_done(double generation);
// For tests and embedding pages: {"loaded","accounts","receivables","generation","revision",
// "dirty","writing","pending","noticeKind","notice","earlyAccounts","unreadable":[keys],
// "names":[the first 100 accounts' names]}, and an account added as the account list adds one
// (returns the PlanRefusal, 0 when added).
const char* coach_plan_summary();
int coach_plan_add_account(const char* id, const char* name);

// ---- input ------------------------------------------------------------------------------
void coach_resize(float css_width, float css_height, float pixel_ratio);
void coach_pointer(int action, float x, float y, int button, int touch);
void coach_wheel(float dx, float dy);
void coach_key(const char* key, int down, int mods);  // keys the app uses (Escape, arrows, paging)
void coach_window_focus(int focused);
// By meaning (the screen-reader mirror, tests, embedding pages): act on a node as if tapped,
// move the keyboard focus to it (`visible`: show the ring), and a text field's text as the
// page's input holds it (selection in UTF-8 bytes; `preedit`: an IME's unfinished text).
void coach_activate(const char* id);
void coach_focus(const char* id, int visible);
void coach_edit(const char* id, const char* text, int selection_start, int selection_end, const char* preedit);
// The system's colour preferences changed (StartFlags bits).
void coach_system(int flags);

// ---- frame ------------------------------------------------------------------------------
// Draws a frame if one is owed. Returns what the page must do:
// {"drawn","more","save","activated","atStart","url","history":[{"op","by"}],"focus",
//  "view":{...}|null,"theme":{...}|null,"download":{"name","text","type"}|null,"pickFile",
//  "pickResultFiles","shareCard":{"x","y","width","height","name"} (CSS px of the frame just drawn),
//  "checkStorage","openUrl","loadPlan" (a plan screen in the build without the plan: open the
//  address, already in "url", in app-plan.wasm),"lang","title",
//  "plan":{"save","pick","paste","unreadableFile"}}
// `now_ms` is the page's animation clock; `wall_ms` the date (ms since 1970) and
// `utc_offset_minutes` the learner's time zone (local time = UTC + offset), for quiz dates
// and the review's local days.
const char* coach_frame(double now_ms, double wall_ms, int utc_offset_minutes);
// Wakes the app: the next coach_frame draws.
void coach_wake();

// ---- the benchmark -----------------------------------------------------------------------
// Times figures() and list_accounts() on the plan as it is (`repeats` runs, medians), changing
// nothing: {"accounts","receivables","listed","figuresMs","listMs"} (web_plan_bench.cpp).
const char* coach_plan_measure(int repeats);

}  // extern "C"
