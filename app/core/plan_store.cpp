// plan_store: the plan's storage policy (plan_store.h states the rules). Pure: the page reads
// and writes the records (web/plan_storage.js, web/records.js); this decides what to read them
// as and what to write.
#include "plan_store.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "plan_snapshot.h"
#include "utf8.h"

namespace coach {

PlanKeys plan_keys(std::string_view course) {
    const std::string prefix = std::string(kAppId) + "/" + std::string(course) + "/plan/";
    return {prefix, prefix + "head", prefix + "account/", prefix + "snapshot/", prefix + "backup/", prefix + "unreadable/"};
}

namespace {

// ---- text and sizes on the way in ----

void fix(std::string& s) {
    if (!is_valid_text(s)) s = valid_text(s);
}
void fix(Payment& p) { fix(p.note); }
void fix(Receivable& r) {
    fix(r.id);
    fix(r.invoice);
    fix(r.note);
    for (Payment& p : r.payments) fix(p);
}
void fix(Account& a) {
    for (std::string* s : {&a.id, &a.name, &a.segment, &a.currency, &a.notes}) fix(*s);
    for (Receivable& r : a.receivables) fix(r);
}
void fix(std::vector<ColumnChoice>& mapping) {
    for (ColumnChoice& c : mapping) fix(c.header);
}

// Typed (or imported) text enters the plan here, as it enters the learner document in store.cpp:
// what is not valid Unicode becomes U+FFFD. A new action must say what it does with its text.
struct ValidText {
    void operator()(AddAccount& a) const { fix(a.account); }
    void operator()(EditAccount& a) const { fix(a.account); }
    void operator()(RemoveAccount& a) const { fix(a.account); }
    void operator()(AddReceivable& a) const {
        fix(a.account);
        fix(a.receivable);
    }
    void operator()(EditReceivable& a) const {
        fix(a.account);
        fix(a.receivable);
    }
    void operator()(RemoveReceivable& a) const {
        fix(a.account);
        fix(a.receivable);
    }
    void operator()(AddPayment& a) const {
        fix(a.account);
        fix(a.receivable);
        fix(a.payment);
    }
    void operator()(RemovePayment& a) const {
        fix(a.account);
        fix(a.receivable);
    }
    void operator()(ImportAccounts& a) const {
        for (Account& x : a.accounts) fix(x);
    }
    void operator()(ReplacePlan& a) const {
        for (Account& x : a.plan.accounts) fix(x);
        fix(a.plan.mapping);
    }
    void operator()(LoadExample& a) const {
        for (Account& x : a.accounts) fix(x);
    }
    void operator()(ClearExample&) const {}
    void operator()(RememberMapping& a) const { fix(a.mapping); }
};

// The one account an action changes, if it changes one; nullopt for the mapping, and for the
// actions that bring or drop many accounts (counted whole).
struct OneAccount {
    const std::string* operator()(const AddAccount& a) const { return &a.account.id; }
    const std::string* operator()(const EditAccount& a) const { return &a.account.id; }
    const std::string* operator()(const RemoveAccount& a) const { return &a.account; }
    const std::string* operator()(const AddReceivable& a) const { return &a.account; }
    const std::string* operator()(const EditReceivable& a) const { return &a.account; }
    const std::string* operator()(const RemoveReceivable& a) const { return &a.account; }
    const std::string* operator()(const AddPayment& a) const { return &a.account; }
    const std::string* operator()(const RemovePayment& a) const { return &a.account; }
    template <class Other>
    const std::string* operator()(const Other&) const {
        return nullptr;
    }
};

// Actions that can only make an account smaller: nothing to put back.
bool shrinks(const PlanAction& a) {
    return std::holds_alternative<RemoveAccount>(a) || std::holds_alternative<RemoveReceivable>(a) || std::holds_alternative<RemovePayment>(a);
}

std::size_t index_of(const Plan& plan, std::string_view id) {
    for (std::size_t i = 0; i < plan.accounts.size(); ++i)
        if (plan.accounts[i].id == id) return i;
    return plan.accounts.size();
}

// The byte budgets' refusal. plan.h has no word for "more than storage keeps"; a record grows
// past its budget only by text or by payments, and the learner's remedy is the same (shorter
// notes, fewer entries in one account), so it is told the text is too long.
constexpr PlanRefusal kTooLarge = PlanRefusal::text_too_long;

// refusal(), then apply, then the byte budgets; refused: `plan` and `file_bytes` as they were.
// Only what the action touches is counted again, so a change costs what the account weighs.
PlanRefusal checked_apply(Plan& plan, std::size_t& file_bytes, const PlanAction& action) {
    if (const PlanRefusal why = refusal(plan, action); why != PlanRefusal::none) return why;
    if (const auto* m = std::get_if<RememberMapping>(&action)) {
        const std::size_t bytes = file_bytes - mapping_size_bound(plan.mapping) + mapping_size_bound(m->mapping);
        if (bytes > kPlanFileBytes) return kTooLarge;
        plan.mapping = m->mapping;
        file_bytes = bytes;
        return PlanRefusal::none;
    }
    const std::string* one = std::visit(OneAccount{}, action);
    if (one == nullptr) {  // an import, a plan file, the worked example coming or going
        Plan next = apply(plan, action);
        for (const Account& a : next.accounts)
            if (record_size_bound(a) > kAccountRecordBytes) return kTooLarge;
        const std::size_t bytes = plan_file_size_bound(next);
        if (bytes > kPlanFileBytes) return kTooLarge;
        plan = std::move(next);
        file_bytes = bytes;
        return PlanRefusal::none;
    }
    const std::string id = *one;  // the action may name it from inside the account it changes
    const std::size_t at = index_of(plan, id);
    const bool existed = at < plan.accounts.size();
    const std::size_t before_bytes = existed ? record_size_bound(plan.accounts[at], true) : 0;
    std::optional<Account> before;
    if (existed && !shrinks(action)) before = plan.accounts[at];
    plan = apply(std::move(plan), action);
    const std::size_t now_at = index_of(plan, id);
    const bool exists = now_at < plan.accounts.size();
    const std::size_t after_bytes = exists ? record_size_bound(plan.accounts[now_at], true) : 0;
    const std::size_t total = file_bytes - before_bytes + after_bytes;
    if (!shrinks(action) && (record_size_bound(plan.accounts[now_at]) > kAccountRecordBytes || total > kPlanFileBytes)) {
        if (before) plan.accounts[now_at] = std::move(*before);
        else plan.accounts.erase(plan.accounts.begin() + static_cast<std::ptrdiff_t>(now_at));
        return kTooLarge;
    }
    file_bytes = total;
    return PlanRefusal::none;
}

// The pending actions on what another tab wrote; those it refuses are dropped (they would be each time).
void replay(Plan& plan, std::size_t& file_bytes, std::vector<PlanAction>& pending) {
    std::erase_if(pending, [&](const PlanAction& a) { return checked_apply(plan, file_bytes, a) != PlanRefusal::none; });
}

// ---- reading ----

struct Reader {
    const PlanKeys keys = plan_keys();
    std::unordered_map<std::string_view, std::string_view> values;
    // Values kept before, by the key they were kept from ("account/a"): a value kept once is
    // not kept again on every read while it stays where it was.
    std::unordered_multimap<std::string_view, std::string_view> kept;
    std::int64_t now_ms = 0;
    PlanStore& store;

    const std::string_view* find(const std::string& key) const {
        const auto it = values.find(key);
        return it == values.end() ? nullptr : &it->second;
    }

    // A value that cannot be read: kept under its own key by the record store, never rewritten
    // from here (no backup copy of it either: the good backup stays).
    void unreadable(const std::string& key, const ReadError& error, const JsonLimits& limits) {
        if (store.unreadable_count++ == 0) {
            store.read_error = error;
            store.read_limits = limits;
        }
        if (std::find(store.damaged.begin(), store.damaged.end(), key) != store.damaged.end()) return;
        store.damaged.push_back(key);
        const std::string_view name = std::string_view(key).substr(keys.prefix.size());
        const auto [first, last] = kept.equal_range(name);
        if (std::any_of(first, last, [&](const auto& k) { return k.second == values.at(key); })) return;
        RecordOp op{RecordOp::Kind::copy, keys.unreadable_prefix + std::to_string(now_ms) + "/" + key.substr(keys.prefix.size()), {}, key};
        store.unreadable_keys.push_back(op.key);
        store.keep.push_back(std::move(op));
    }

    std::optional<PlanHead> head_at(const std::string& key) {
        const std::string_view* text = find(key);
        if (!text) return std::nullopt;
        HeadRead r = read_head(*text);
        if (!r.head) {
            unreadable(key, r.error, head_json_limits());
            return std::nullopt;
        }
        store.newest = std::max(store.newest, r.head->generation);
        return std::move(r.head);
    }

    std::optional<AccountRecord> account_at(const std::string& key, std::string_view id) {
        const std::string_view* text = find(key);
        if (!text) return std::nullopt;
        AccountRead r = read_account_record(*text);
        if (r.record && r.record->account.id != id) {
            r.error.failure = ReadFailure::wrong_shape;
            r.error.detail = "id";
            r.record.reset();
        }
        if (!r.record) {
            unreadable(key, r.error, account_json_limits());
            return std::nullopt;
        }
        store.newest = std::max(store.newest, r.record->generation);
        return std::move(r.record);
    }
};

}  // namespace

PlanStore load_plan(std::span<const Record> records, std::int64_t now_ms, std::vector<RecordOp>& repairs) {
    PlanStore store;
    Reader reader{.now_ms = now_ms, .store = store};
    const PlanKeys& keys = reader.keys;
    reader.values.reserve(records.size());
    for (const Record& r : records) {
        if (r.key.rfind(keys.prefix, 0) != 0) continue;
        if (r.key.rfind(keys.unreadable_prefix, 0) == 0) {  // kept before: unreadable/<ms>/<name>
            store.unreadable_keys.push_back(r.key);
            const std::string_view rest = std::string_view(r.key).substr(keys.unreadable_prefix.size());
            if (const std::size_t slash = rest.find('/'); slash != std::string_view::npos) reader.kept.emplace(rest.substr(slash + 1), r.value);
        } else {
            reader.values.emplace(r.key, r.value);
        }
    }
    const std::string_view* head_text = reader.find(keys.head);
    store.generation = head_text ? head_generation(*head_text) : 0;
    store.newest = store.generation;

    bool recovered = false;
    std::optional<PlanHead> head = reader.head_at(keys.head);
    const bool head_read = head.has_value();
    if (!head_read) {
        // A head that could not be read, or that vanished: its backup's list of accounts.
        head = reader.head_at(keys.backup_prefix + "head");
        recovered = head_text != nullptr;
        if (!head) head = PlanHead{};  // nothing to go by but the account records themselves
    }
    std::vector<std::string> ids = std::move(head->accounts);
    if (!head_read) {
        // Without the head that listed them, every account record counts: the newest work is
        // kept (an account the lost head added is there; one it removed comes back from its
        // backup), in the order of the list, then of the keys.
        std::unordered_set<std::string_view> listed(ids.begin(), ids.end());
        std::vector<std::string> more;
        for (const auto& [key, value] : reader.values)
            if (key.starts_with(keys.account_prefix) && !listed.contains(key.substr(keys.account_prefix.size())))
                more.emplace_back(key.substr(keys.account_prefix.size()));
        std::sort(more.begin(), more.end());
        ids.insert(ids.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    }
    store.plan.accounts.reserve(ids.size());
    store.stored.reserve(ids.size());
    for (const std::string& id : ids) {
        std::optional<AccountRecord> chosen = reader.account_at(keys.account_prefix + id, id);
        if (chosen) {
            store.plan.accounts.push_back(std::move(chosen->account));
            store.stored.push_back(id);
            continue;
        }
        // The record is missing or cannot be read: its backup, the account as the write before
        // left it. It is not what storage holds under the account's key, so the next flush
        // writes it there as new (copying nothing over the good backup).
        chosen = reader.account_at(keys.backup_prefix + "account/" + id, id);
        if (chosen) {
            store.plan.accounts.push_back(std::move(chosen->account));
            store.rewrite.push_back(id);
            recovered = true;
            store.dirty = true;
        } else {
            ++store.lost_count;
        }
    }
    // A head that could not be read, or vanished from under its accounts, is written again.
    if (!head_read && (head_text != nullptr || !store.plan.accounts.empty())) store.dirty = true;
    if (store.plan.accounts.size() > kPlanLimits.accounts) {  // only a head rebuilt from records can list more
        store.plan.accounts.resize(kPlanLimits.accounts);
        std::erase_if(store.stored, [&](const std::string& id) { return find_account(store.plan, id) == nullptr; });
        std::erase_if(store.rewrite, [&](const std::string& id) { return find_account(store.plan, id) == nullptr; });
    }
    store.plan.mapping = head->mapping;
    if (store.lost_count > 0 || (store.unreadable_count > 0 && !recovered)) store.notice = PlanNotice::unreadable_kept;
    else if (recovered || store.unreadable_count > 0) store.notice = PlanNotice::recovered;
    if (!store.keep.empty()) store.dirty = true;
    store.file_bytes = plan_file_size_bound(store.plan);
    store.loaded = true;
    store.revision = 1;
    repairs = store.keep;
    return store;
}

std::optional<PlanStore> load_plan_snapshot(std::string_view head_text, std::string_view snapshot_text) {
    const std::uint64_t generation = head_generation(head_text);
    std::optional<Plan> plan = read_plan_snapshot(snapshot_text, generation);
    if (!plan) return std::nullopt;
    const HeadRead head = read_head(head_text);
    if (!head.head || head.head->mapping != plan->mapping || head.head->accounts.size() != plan->accounts.size()) return std::nullopt;
    for (std::size_t i = 0; i < plan->accounts.size(); ++i)
        if (head.head->accounts[i] != plan->accounts[i].id) return std::nullopt;
    PlanStore store;
    store.plan = std::move(*plan);
    store.stored = head.head->accounts;
    store.generation = generation;
    store.newest = generation;
    store.file_bytes = plan_file_size_bound(store.plan);
    if (store.file_bytes > kPlanFileBytes) return std::nullopt;
    store.loaded = true;
    store.revision = 1;
    return store;
}

void repairs_done(PlanStore& store, const std::vector<RecordOp>& repairs, PlanOutcome outcome) {
    if (outcome == PlanOutcome::ok) {
        std::erase_if(store.keep, [&](const RecordOp& op) { return std::find(repairs.begin(), repairs.end(), op) != repairs.end(); });
        return;
    }
    // Not kept yet: every flush carries the copies first, so nothing is overwritten before.
    if (outcome == PlanOutcome::quota) store.notice = PlanNotice::quota;
    else if (outcome == PlanOutcome::unavailable) store.notice = PlanNotice::unavailable;
}

PlanRefusal change(PlanStore& store, const PlanAction& typed) {
    PlanAction action = typed;
    std::visit(ValidText{}, action);
    if (const PlanRefusal why = checked_apply(store.plan, store.file_bytes, action); why != PlanRefusal::none) return why;
    store.pending.push_back(std::move(action));
    store.dirty = true;
    ++store.revision;
    return PlanRefusal::none;
}

namespace {

// The accounts an action changed, by id, into `ids`; false when it may have changed any (a
// replaced plan). Removals need none: what storage holds and the plan no longer has is removed.
struct Touched {
    const Plan& plan;
    std::unordered_set<std::string>& ids;
    bool operator()(const AddAccount& a) const { return add(a.account.id); }
    bool operator()(const EditAccount& a) const { return add(a.account.id); }
    bool operator()(const RemoveAccount&) const { return true; }
    bool operator()(const AddReceivable& a) const { return add(a.account); }
    bool operator()(const EditReceivable& a) const { return add(a.account); }
    bool operator()(const RemoveReceivable& a) const { return add(a.account); }
    bool operator()(const AddPayment& a) const { return add(a.account); }
    bool operator()(const RemovePayment& a) const { return add(a.account); }
    bool operator()(const ImportAccounts& a) const {
        // The import matched accounts by name (or made them with it); a later rename names them by id.
        std::unordered_set<std::string_view> names;
        for (const Account& x : a.accounts) names.insert(x.name);
        for (const Account& x : plan.accounts)
            if (names.contains(x.name)) add(x.id);
        return true;
    }
    bool operator()(const ReplacePlan&) const { return false; }
    bool operator()(const LoadExample& a) const {
        for (const Account& x : a.accounts) add(x.id);
        return true;
    }
    bool operator()(const ClearExample&) const { return true; }
    bool operator()(const RememberMapping&) const { return true; }  // the head, written every time
    bool add(const std::string& id) const {
        ids.insert(id);
        return true;
    }
};

}  // namespace

std::optional<PlanFlush> plan_flush(PlanStore& store) {
    if (!store.loaded || store.writing || !store.dirty) return std::nullopt;
    const PlanKeys keys = plan_keys();
    PlanFlush f;
    f.expect_generation = store.generation;
    f.generation = std::max(store.generation, store.newest) + 1;
    f.actions = store.pending.size();
    f.ops = store.keep;  // values not yet kept go first, in the same transaction
    const auto damaged = [&](const std::string& key) { return std::find(store.damaged.begin(), store.damaged.end(), key) != store.damaged.end(); };
    const auto to_backup = [&](const std::string& key) {
        if (!damaged(key)) f.ops.push_back({RecordOp::Kind::copy, keys.backup_prefix + key.substr(keys.prefix.size()), {}, key});
    };

    std::unordered_set<std::string> touched(store.rewrite.begin(), store.rewrite.end());
    bool all = false;
    for (const PlanAction& a : store.pending) all = !std::visit(Touched{store.plan, touched}, a) || all;
    std::unordered_set<std::string_view> stored(store.stored.begin(), store.stored.end());
    f.order.reserve(store.plan.accounts.size());
    for (const Account& a : store.plan.accounts) {
        f.order.push_back(a.id);
        const bool is_stored = stored.erase(a.id) > 0;
        if (is_stored && !all && !touched.contains(a.id)) continue;
        const std::string key = keys.account_prefix + a.id;
        if (is_stored) to_backup(key);
        f.ops.push_back({RecordOp::Kind::put, key, write_account_record(a, f.generation), {}});
    }
    for (const std::string& id : store.stored) {
        if (!stored.contains(id)) continue;  // still in the plan
        const std::string key = keys.account_prefix + id;
        to_backup(key);
        f.ops.push_back({RecordOp::Kind::remove, key, {}, {}});
    }
    // The head last: a backend without transactions (records.js, LocalStorageRecords) that
    // stops half-way leaves the old head, which still lists the accounts as they were.
    to_backup(keys.head);
    f.ops.push_back({RecordOp::Kind::put, keys.head, write_head(store.plan, f.generation), {}});
    store.writing = true;
    return f;
}

void flush_done(PlanStore& store, const PlanFlush& flush, PlanOutcome outcome) {
    store.writing = false;
    if (outcome == PlanOutcome::conflict) return;  // the caller reads again (external_change)
    if (outcome != PlanOutcome::ok) {
        store.notice = outcome == PlanOutcome::quota ? PlanNotice::quota : PlanNotice::unavailable;
        return;  // everything stays in memory; the next flush tries again
    }
    store.stored = flush.order;
    store.rewrite.clear();  // every one the plan still had was written
    store.generation = flush.generation;
    store.newest = std::max(store.newest, flush.generation);
    store.pending.erase(store.pending.begin(), store.pending.begin() + static_cast<std::ptrdiff_t>(std::min(flush.actions, store.pending.size())));
    std::erase_if(store.keep, [&](const RecordOp& op) { return std::find(flush.ops.begin(), flush.ops.end(), op) != flush.ops.end(); });
    std::erase_if(store.damaged, [&](const std::string& key) {
        return std::any_of(flush.ops.begin(), flush.ops.end(), [&](const RecordOp& op) { return op.kind != RecordOp::Kind::copy && op.key == key; });
    });
    store.dirty = !store.pending.empty() || !store.keep.empty();
    if (store.notice == PlanNotice::quota || store.notice == PlanNotice::unavailable) store.notice = PlanNotice::none;
}

void external_change(PlanStore& store, std::span<const Record> records, std::int64_t now_ms, std::vector<RecordOp>& repairs) {
    PlanStore fresh = load_plan(records, now_ms, repairs);
    const bool mine = !store.pending.empty();
    replay(fresh.plan, fresh.file_bytes, store.pending);
    store.plan = std::move(fresh.plan);
    store.stored = std::move(fresh.stored);
    store.rewrite = std::move(fresh.rewrite);
    store.file_bytes = fresh.file_bytes;
    store.generation = fresh.generation;
    store.newest = std::max(store.newest, fresh.newest);
    store.keep = std::move(fresh.keep);
    store.damaged = std::move(fresh.damaged);
    store.unreadable_count = fresh.unreadable_count;
    store.lost_count = fresh.lost_count;
    for (std::string& key : fresh.unreadable_keys)
        if (std::find(store.unreadable_keys.begin(), store.unreadable_keys.end(), key) == store.unreadable_keys.end())
            store.unreadable_keys.push_back(std::move(key));
    store.loaded = true;
    store.dirty = fresh.dirty || !store.pending.empty();
    ++store.revision;
    if (fresh.notice != PlanNotice::none) {
        store.notice = fresh.notice;
        store.read_error = fresh.read_error;
        store.read_limits = fresh.read_limits;
    } else if (mine && !store.pending.empty()) {
        store.notice = PlanNotice::conflict_merged;
    }
}

bool import_plan_file(PlanStore& store, std::string_view text) {
    PlanFileRead r = read_plan_file(text);
    if (r.plan && change(store, ReplacePlan{std::move(*r.plan)}) == PlanRefusal::none) {
        store.notice = PlanNotice::imported;
        return true;
    }
    store.read_error = r.plan ? ReadError{ReadFailure::too_large, {}, 0, {}} : r.error;
    store.read_limits = plan_file_json_limits();
    store.notice = PlanNotice::import_failed;
    return false;
}

void dismiss_notice(PlanStore& store) { store.notice = PlanNotice::none; }

std::string notice_text(const PlanStore& store, Lang lang) {
    const auto why = [&] { return describe_plan_error(store.read_error, lang, store.read_limits); };
    switch (store.notice) {
        case PlanNotice::none: return {};
        case PlanNotice::recovered: return format(tr(Msg::plan_notice_recovered, lang), {why()});
        case PlanNotice::unreadable_kept:
            return format(tr(Msg::plan_notice_unreadable_kept, lang), {std::to_string(std::max(store.lost_count, store.unreadable_count)), why()});
        case PlanNotice::quota: return std::string(tr(Msg::plan_notice_quota, lang));
        case PlanNotice::unavailable: return std::string(tr(Msg::plan_notice_unavailable, lang));
        case PlanNotice::conflict_merged: return std::string(tr(Msg::plan_notice_conflict_merged, lang));
        case PlanNotice::imported: return std::string(tr(Msg::plan_notice_imported, lang));
        case PlanNotice::import_failed: return format(tr(Msg::plan_notice_import_failed, lang), {why()});
    }
    return {};
}

// ---- the early accounts ----

namespace {
std::string early_id(std::string_view id) {
    std::string out = "early-";
    for (std::size_t at = 0, n = 0; at < id.size() && n + 6 < kPlanLimits.id_chars; ++n) {
        const Utf8Step step = utf8_decode(id, at);
        out.append(id.substr(at, step.length));
        at += step.length;
    }
    return out;
}
}  // namespace

std::vector<AddAccount> early_accounts(const std::vector<EarlyAccount>& early, Day today) {
    std::vector<AddAccount> out;
    for (const EarlyAccount& e : early) {
        Account a;
        a.id = early_id(e.id);
        a.name = e.name;
        a.notes = e.notes;
        if (refusal(Plan{}, AddAccount{a}) == PlanRefusal::empty_name) a.name = a.id;  // a plan account needs a name
        if (e.receivable_cents > 0) {
            Receivable r;
            r.id = "early";
            r.amount = e.receivable_cents;
            r.issued = r.due = today - static_cast<Day>(std::min<std::uint32_t>(e.ageing_days, 36500));
            a.receivables.push_back(std::move(r));
        }
        out.push_back({std::move(a)});
    }
    return out;
}

bool early_accounts_stored(const std::vector<std::string>& stored, const std::vector<EarlyAccount>& early) {
    return std::all_of(early.begin(), early.end(), [&](const EarlyAccount& e) { return std::find(stored.begin(), stored.end(), early_id(e.id)) != stored.end(); });
}

}  // namespace coach
