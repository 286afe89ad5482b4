// web_plan: the collection plan's storage, the app's side of web/plan_storage.js (the policy is
// core/plan_store.h; the record store web/records.js; the entry points are listed in web_api.h).
//
// The page reads every record under the plan's prefix and hands them in one by one between
// coach_plan_begin_read and coach_plan_end_read -- at start, after another tab committed, and
// after a commit of this tab met a conflict -- and carries out what comes back: repairs (keeping
// unreadable values) and flushes, each one commit of the record store, whose outcome it reports
// with coach_plan_done. One step at a time: the page never reads while a commit is under way.
//
// Values arrive with their length, not as C strings: a record's text goes in byte for byte,
// whatever it holds (a value with a lone UTF-16 surrogate arrives as the bytes Emscripten makes of
// it, which no reader accepts, so it is kept by a copy and never rewritten from here).
//
// Learner documents before version 5 may hold early accounts (learner.h): once the plan is read,
// each becomes a plan account, and once a flush has stored them all they leave the document.
#include <emscripten.h>

#include <string>
#include <string_view>

#include "core/plan_snapshot.h"
#include "core/plan_store.h"
#include "core/view_tree.h"
#include "web_api.h"
#include "web_state.h"

using coach::json_quote;

namespace {

coach::web::WebState& web = coach::web::web_state();

coach::PlanOutcome outcome_of(int code) {
    switch (code) {
        case coach::web::outcome_ok: return coach::PlanOutcome::ok;
        case coach::web::outcome_quota: return coach::PlanOutcome::quota;
        case coach::web::outcome_conflict: return coach::PlanOutcome::conflict;
        default: return coach::PlanOutcome::unavailable;
    }
}

// {"expect":{"key","generation"},"ops":[{"kind":"put","key","value"}|{"kind":"remove","key"}|{"kind":"copy","key","from"}]}
std::string commit_json(std::uint64_t generation, const std::vector<coach::RecordOp>& ops) {
    std::size_t size = 64;
    for (const coach::RecordOp& op : ops) size += op.key.size() + op.value.size() + op.from.size() + 48;
    std::string r;
    r.reserve(size + size / 8);
    r += "{\"expect\":{\"key\":" + json_quote(coach::plan_keys().head) + ",\"generation\":" + std::to_string(generation) + "},\"ops\":[";
    for (std::size_t i = 0; i < ops.size(); ++i) {
        const coach::RecordOp& op = ops[i];
        if (i) r += ',';
        switch (op.kind) {
            case coach::RecordOp::Kind::put: r += "{\"kind\":\"put\",\"key\":" + json_quote(op.key) + ",\"value\":" + json_quote(op.value) + "}"; break;
            case coach::RecordOp::Kind::remove: r += "{\"kind\":\"remove\",\"key\":" + json_quote(op.key) + "}"; break;
            case coach::RecordOp::Kind::copy: r += "{\"kind\":\"copy\",\"key\":" + json_quote(op.key) + ",\"from\":" + json_quote(op.from) + "}"; break;
        }
    }
    return r + "]}";
}

coach::Day today() { return coach::local_day(web.app.now_ms, web.app.utc_offset_minutes); }

// Early accounts of an old learner document: into the plan while they are not there, out of the
// document once storage holds them all.
void move_early_accounts() {
    coach::PlanStore& plan = web.app.plan;
    const std::vector<coach::EarlyAccount>& early = web.app.store.doc.early_plan;
    if (early.empty() || !plan.loaded) return;
    if (coach::early_accounts_stored(plan.stored, early)) {
        coach::change(web.app.store, coach::PlanMovedIn{});
        return;
    }
    for (const coach::AddAccount& a : coach::early_accounts(early, today()))
        if (coach::find_account(plan.plan, a.account.id) == nullptr) coach::change(plan, a);
}

const char* notice_kind(coach::PlanNotice n) {
    switch (n) {
        case coach::PlanNotice::none: return "";
        case coach::PlanNotice::recovered: return "recovered";
        case coach::PlanNotice::unreadable_kept: return "unreadable_kept";
        case coach::PlanNotice::quota: return "quota";
        case coach::PlanNotice::unavailable: return "unavailable";
        case coach::PlanNotice::conflict_merged: return "conflict_merged";
        case coach::PlanNotice::imported: return "imported";
        case coach::PlanNotice::import_failed: return "import_failed";
    }
    return "";
}

}  // namespace

// This build has the plan: its screens draw (ui/plan_screens.h).
const coach::ui::PlanScreens* coach::web::linked_plan_screens() { return &coach::ui::kPlanScreens; }

extern "C" {

EMSCRIPTEN_KEEPALIVE int coach_plan_start_from_snapshot(const char* head, int head_length, const char* snapshot, int snapshot_length,
                                                        double now_ms, int utc_offset_minutes) {
    coach::PlanStore& plan = web.app.plan;
    if (plan.loaded || !plan.pending.empty()) return 0;  // only the first read, before any change
    const auto text = [](const char* p, int n) { return std::string_view(p, static_cast<std::size_t>(n > 0 ? n : 0)); };
    std::optional<coach::PlanStore> fast = coach::load_plan_snapshot(text(head, head_length), text(snapshot, snapshot_length));
    if (!fast) return 0;
    web.app.now_ms = static_cast<std::int64_t>(now_ms);
    web.app.utc_offset_minutes = utc_offset_minutes;
    plan = std::move(*fast);
    web.plan_snapshot_generation = plan.generation;
    move_early_accounts();
    coach::web::wake_app();
    return 1;
}

EMSCRIPTEN_KEEPALIVE void coach_plan_begin_read() { web.plan_reading.clear(); }

EMSCRIPTEN_KEEPALIVE void coach_plan_record(const char* key, const char* value, int length) {
    web.plan_reading.push_back({key, std::string(value, static_cast<std::size_t>(length > 0 ? length : 0))});
}

EMSCRIPTEN_KEEPALIVE const char* coach_plan_end_read(double now_ms, int utc_offset_minutes) {
    static std::string result;
    result.clear();
    web.app.now_ms = static_cast<std::int64_t>(now_ms);
    web.app.utc_offset_minutes = utc_offset_minutes;
    coach::PlanStore& plan = web.app.plan;
    std::vector<coach::RecordOp> repairs;
    const std::int64_t now = static_cast<std::int64_t>(now_ms);
    // The first read replaces the empty store; any later one (or a change made before the first
    // arrived) is another tab's work to build on.
    if (!plan.loaded && plan.pending.empty()) plan = coach::load_plan(web.plan_reading, now, repairs);
    else coach::external_change(plan, web.plan_reading, now, repairs);
    web.plan_reading = {};
    move_early_accounts();
    coach::web::wake_app();
    if (repairs.empty()) return result.c_str();
    result = commit_json(plan.generation, repairs);
    web.plan_repairs = std::move(repairs);
    return result.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* coach_plan_flush() {
    static std::string result;
    result.clear();
    if (!web.plan_repairs.empty()) return result.c_str();  // the repairs' commit is still under way
    web.plan_writing = coach::plan_flush(web.app.plan);
    if (web.plan_writing) result = commit_json(web.plan_writing->expect_generation, web.plan_writing->ops);
    return result.c_str();
}

EMSCRIPTEN_KEEPALIVE void coach_plan_done(int code) {
    coach::PlanStore& plan = web.app.plan;
    const coach::PlanOutcome outcome = outcome_of(code);
    if (!web.plan_repairs.empty()) {
        coach::repairs_done(plan, web.plan_repairs, outcome);
        web.plan_repairs.clear();
    } else if (web.plan_writing) {
        coach::flush_done(plan, *web.plan_writing, outcome);
        web.plan_writing.reset();
        if (outcome == coach::PlanOutcome::ok) move_early_accounts();
    }
    coach::web::wake_app();
}

EMSCRIPTEN_KEEPALIVE const char* coach_plan_snapshot() {
    const coach::PlanStore& plan = web.app.plan;
    web.plan_snapshot.clear();
    const bool settled = plan.loaded && !plan.dirty && !plan.writing && web.plan_repairs.empty() && plan.generation > 0;
    if (settled && plan.generation != web.plan_snapshot_generation) web.plan_snapshot = coach::write_plan_snapshot(plan.plan, plan.generation);
    return web.plan_snapshot.c_str();
}

EMSCRIPTEN_KEEPALIVE void coach_plan_snapshot_done(double generation) {
    web.plan_snapshot_generation = static_cast<std::uint64_t>(generation);
    web.plan_snapshot = {};
}

EMSCRIPTEN_KEEPALIVE const char* coach_plan_summary() {
    static std::string result;
    const coach::PlanStore& plan = web.app.plan;
    result = "{\"loaded\":" + std::string(plan.loaded ? "true" : "false") + ",\"accounts\":" + std::to_string(plan.plan.accounts.size()) +
             ",\"receivables\":" + std::to_string(coach::receivable_count(plan.plan)) + ",\"generation\":" + std::to_string(plan.generation) +
             ",\"revision\":" + std::to_string(plan.revision) + ",\"dirty\":" + (plan.dirty ? "true" : "false") +
             ",\"writing\":" + (plan.writing ? "true" : "false") + ",\"pending\":" + std::to_string(plan.pending.size()) +
             ",\"noticeKind\":\"" + notice_kind(plan.notice) + "\",\"notice\":" + json_quote(coach::notice_text(plan, web.app.lang)) +
             ",\"earlyAccounts\":" + std::to_string(web.app.store.doc.early_plan.size()) + ",\"unreadable\":[";
    for (std::size_t i = 0; i < plan.unreadable_keys.size(); ++i) result += (i ? "," : "") + json_quote(plan.unreadable_keys[i]);
    result += "],\"names\":[";
    for (std::size_t i = 0; i < plan.plan.accounts.size() && i < 100; ++i) result += (i ? "," : "") + json_quote(plan.plan.accounts[i].name);
    result += "]}";
    return result.c_str();
}

EMSCRIPTEN_KEEPALIVE int coach_plan_add_account(const char* id, const char* name) {
    coach::Account a;
    a.id = id;
    a.name = name;
    const coach::PlanRefusal why = coach::change(web.app.plan, coach::AddAccount{std::move(a)});
    coach::web::wake_app();
    return static_cast<int>(why);
}

}  // extern "C"
