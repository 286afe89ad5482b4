#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <map>

#include "core/plan_sample.h"
#include "core/plan_snapshot.h"
#include "core/plan_store.h"

using namespace coach;

namespace {

const PlanKeys kKeys = plan_keys();

// The record store as web/records.js keeps it: one commit at a time, all or nothing, refused
// when the head's generation (by the shared rule) is not the one expected.
struct Records {
    std::map<std::string, std::string> values;
    PlanOutcome fail = PlanOutcome::ok;  // the next commits fail so

    std::vector<Record> all() const {
        std::vector<Record> out;
        for (const auto& [k, v] : values) out.push_back({k, v});
        return out;
    }
    const std::string* get(const std::string& key) const {
        const auto it = values.find(key);
        return it == values.end() ? nullptr : &it->second;
    }
    PlanOutcome commit(std::optional<std::uint64_t> expect, const std::vector<RecordOp>& ops) {
        if (fail != PlanOutcome::ok) return fail;
        const std::string* head = get(kKeys.head);
        if (expect && (head ? head_generation(*head) : 0) != *expect) return PlanOutcome::conflict;
        for (const RecordOp& op : ops) {
            if (op.kind == RecordOp::Kind::put) values[op.key] = op.value;
            else if (op.kind == RecordOp::Kind::remove) values.erase(op.key);
            else if (const std::string* from = get(op.from)) values[op.key] = *from;
        }
        return PlanOutcome::ok;
    }
};

// A tab: its store over the shared records, with the page's part (plan_storage.js) done here.
struct Tab {
    Records& records;
    PlanStore store;
    std::int64_t now = 1000;

    explicit Tab(Records& r) : records(r) { read(); }
    void read() {
        std::vector<RecordOp> repairs;
        const std::vector<Record> all = records.all();
        if (!store.loaded) store = load_plan(all, now, repairs);
        else external_change(store, all, now, repairs);
        if (!repairs.empty()) repairs_done(store, repairs, records.commit(store.generation, repairs));
    }
    // Flushes until written or refused by storage; a conflict re-reads and tries again.
    PlanOutcome flush() {
        for (int tries = 0; tries < 3; ++tries) {
            std::optional<PlanFlush> f = plan_flush(store);
            if (!f) return PlanOutcome::ok;
            const PlanOutcome outcome = records.commit(f->expect_generation, f->ops);
            flush_done(store, *f, outcome);
            if (outcome != PlanOutcome::conflict) return outcome;
            read();
        }
        return PlanOutcome::conflict;
    }
    void add(const PlanAction& a) { REQUIRE(change(store, a) == PlanRefusal::none); }
};

Account account(const std::string& id, const std::string& name, std::size_t receivables = 1) {
    Account a;
    a.id = id;
    a.name = name;
    a.segment = "机电";
    a.potential = 500'000'00;
    a.share_percent = 20;
    for (std::size_t i = 0; i < receivables; ++i)
        a.receivables.push_back({id + "-r" + std::to_string(i), "INV-" + std::to_string(i), 10'000'00, 20000, 20030, {}, ""});
    return a;
}

std::vector<std::string> ids(const Plan& p) {
    std::vector<std::string> out;
    for (const Account& a : p.accounts) out.push_back(a.id);
    return out;
}

std::vector<std::string> keys_of(const std::vector<RecordOp>& ops, RecordOp::Kind kind) {
    std::vector<std::string> out;
    for (const RecordOp& op : ops)
        if (op.kind == kind) out.push_back(op.key.substr(kKeys.prefix.size()));
    return out;
}

// What a fresh tab reads from the records.
Plan reread(const Records& r) {
    std::vector<RecordOp> repairs;
    return load_plan(r.all(), 1, repairs).plan;
}

}  // namespace

TEST_CASE("the plan's keys live under one prefix per course", "[plan_store]") {
    CHECK(kKeys.prefix == "collection-coach/key-account-collection/plan/");
    CHECK(kKeys.head == kKeys.prefix + "head");
    CHECK(kKeys.account_prefix == kKeys.prefix + "account/");
    CHECK(plan_keys("other").prefix == "collection-coach/other/plan/");
    // Apart from the learner document's keys, which the page reads before the first frame.
    CHECK(kKeys.prefix.rfind(storage_keys().document, 0) != 0);
}

TEST_CASE("a fresh start is an empty plan with nothing to write", "[plan_store]") {
    Records r;
    Tab tab(r);
    CHECK(tab.store.loaded);
    CHECK(tab.store.plan == Plan{});
    CHECK(tab.store.generation == 0);
    CHECK(tab.store.notice == PlanNotice::none);
    CHECK_FALSE(plan_flush(tab.store).has_value());
    CHECK(r.values.empty());
}

TEST_CASE("a flush writes the head and only the accounts that changed, each replaced record first to its backup", "[plan_store]") {
    Records r;
    Tab tab(r);
    tab.add(AddAccount{account("a", "华东机电")});
    tab.add(AddAccount{account("b", "南方电网")});
    tab.add(AddAccount{account("c", "西部矿业")});
    const std::uint64_t revision = tab.store.revision;
    std::optional<PlanFlush> f = plan_flush(tab.store);
    REQUIRE(f);
    CHECK(tab.store.writing);
    CHECK_FALSE(plan_flush(tab.store).has_value());  // one at a time
    CHECK(f->expect_generation == 0);
    CHECK(f->generation == 1);
    CHECK(keys_of(f->ops, RecordOp::Kind::put) == std::vector<std::string>{"account/a", "account/b", "account/c", "head"});
    CHECK(keys_of(f->ops, RecordOp::Kind::copy) == std::vector<std::string>{"backup/head"});  // nothing else existed
    REQUIRE(r.commit(f->expect_generation, f->ops) == PlanOutcome::ok);
    flush_done(tab.store, *f, PlanOutcome::ok);
    CHECK_FALSE(tab.store.dirty);
    CHECK(tab.store.pending.empty());
    CHECK(tab.store.generation == 1);
    CHECK(tab.store.stored == ids(tab.store.plan));
    CHECK(tab.store.revision == revision);  // written, not changed

    // One payment: that account and the head, nothing else.
    const std::string account_a_before = r.values.at(kKeys.account_prefix + "a");
    tab.add(AddPayment{"a", "a-r0", {20010, 4'000'00, "部分回款"}});
    f = plan_flush(tab.store);
    REQUIRE(f);
    CHECK(f->expect_generation == 1);
    CHECK(keys_of(f->ops, RecordOp::Kind::put) == std::vector<std::string>{"account/a", "head"});
    CHECK(keys_of(f->ops, RecordOp::Kind::copy) == std::vector<std::string>{"backup/account/a", "backup/head"});
    // Each copy comes before the write it protects.
    CHECK(f->ops[0] == RecordOp{RecordOp::Kind::copy, kKeys.backup_prefix + "account/a", {}, kKeys.account_prefix + "a"});
    REQUIRE(r.commit(f->expect_generation, f->ops) == PlanOutcome::ok);
    flush_done(tab.store, *f, PlanOutcome::ok);
    CHECK(r.values.at(kKeys.backup_prefix + "account/a") == account_a_before);
    CHECK(read_account_record(r.values.at(kKeys.account_prefix + "a")).record->generation == 2);
    CHECK(read_account_record(r.values.at(kKeys.account_prefix + "b")).record->generation == 1);

    // A removal: copied to its backup, then removed; the head no longer lists it.
    tab.add(RemoveAccount{"b"});
    f = plan_flush(tab.store);
    REQUIRE(f);
    CHECK(keys_of(f->ops, RecordOp::Kind::remove) == std::vector<std::string>{"account/b"});
    CHECK(keys_of(f->ops, RecordOp::Kind::put) == std::vector<std::string>{"head"});
    REQUIRE(r.commit(f->expect_generation, f->ops) == PlanOutcome::ok);
    flush_done(tab.store, *f, PlanOutcome::ok);
    CHECK(r.get(kKeys.account_prefix + "b") == nullptr);
    CHECK(r.get(kKeys.backup_prefix + "account/b") != nullptr);
    CHECK(reread(r) == tab.store.plan);
    CHECK(ids(reread(r)) == std::vector<std::string>{"a", "c"});
}

TEST_CASE("changes made while a flush is under way stay pending and are written next", "[plan_store]") {
    Records r;
    Tab tab(r);
    tab.add(AddAccount{account("a", "甲")});
    std::optional<PlanFlush> f = plan_flush(tab.store);
    REQUIRE(f);
    tab.add(AddAccount{account("b", "乙")});  // while the page carries the flush out
    REQUIRE(r.commit(f->expect_generation, f->ops) == PlanOutcome::ok);
    flush_done(tab.store, *f, PlanOutcome::ok);
    CHECK(tab.store.dirty);
    CHECK(tab.store.pending.size() == 1);
    CHECK(tab.store.stored == std::vector<std::string>{"a"});
    CHECK(tab.flush() == PlanOutcome::ok);
    CHECK(ids(reread(r)) == std::vector<std::string>{"a", "b"});
}

TEST_CASE("two tabs each add an account and both survive, in both tabs", "[plan_store][two_tabs]") {
    Records r;
    Tab first(r), second(r);
    first.add(AddAccount{account("a", "第一个标签页的客户")});
    second.add(AddAccount{account("b", "第二个标签页的客户")});
    CHECK(first.flush() == PlanOutcome::ok);
    // The second tab's flush expects generation 0 and is refused; it re-reads and replays.
    std::optional<PlanFlush> f = plan_flush(second.store);
    REQUIRE(f);
    CHECK(r.commit(f->expect_generation, f->ops) == PlanOutcome::conflict);
    flush_done(second.store, *f, PlanOutcome::conflict);
    CHECK(second.store.dirty);
    CHECK_FALSE(second.store.writing);
    second.read();
    CHECK(ids(second.store.plan) == std::vector<std::string>{"a", "b"});
    CHECK(second.store.notice == PlanNotice::conflict_merged);
    CHECK(second.flush() == PlanOutcome::ok);
    // The first tab hears of it (the page's onChange) and reads it in.
    first.read();
    CHECK(ids(first.store.plan) == std::vector<std::string>{"a", "b"});
    CHECK(first.store.notice == PlanNotice::none);  // nothing of its own was pending
    CHECK(reread(r) == first.store.plan);
    CHECK(first.store.plan == second.store.plan);
}

TEST_CASE("two tabs paying against the same receivable keep both payments", "[plan_store][two_tabs]") {
    Records r;
    {
        Tab setup(r);
        setup.add(AddAccount{account("a", "华东机电")});
        REQUIRE(setup.flush() == PlanOutcome::ok);
    }
    Tab first(r), second(r);
    first.add(AddPayment{"a", "a-r0", {20005, 1'000'00, "第一笔"}});
    second.add(AddPayment{"a", "a-r0", {20006, 2'000'00, "第二笔"}});
    CHECK(first.flush() == PlanOutcome::ok);
    CHECK(second.flush() == PlanOutcome::ok);  // after a conflict and a replay
    first.read();
    const Plan stored = reread(r);
    REQUIRE(stored.accounts.size() == 1);
    CHECK(stored.accounts[0].receivables[0].payments.size() == 2);
    CHECK(paid_by(stored.accounts[0].receivables[0], 30000) == 3'000'00);
    CHECK(first.store.plan == stored);
    CHECK(second.store.plan == stored);
}

TEST_CASE("a replayed action the other tab's plan refuses is dropped", "[plan_store][two_tabs]") {
    Records r;
    {
        Tab setup(r);
        setup.add(AddAccount{account("a", "华东机电")});
        REQUIRE(setup.flush() == PlanOutcome::ok);
    }
    Tab first(r), second(r);
    first.add(RemoveAccount{"a"});
    second.add(AddReceivable{"a", {"r9", "INV-9", 5'00, 20000, 20000, {}, ""}});
    CHECK(first.flush() == PlanOutcome::ok);
    CHECK(second.flush() == PlanOutcome::ok);
    CHECK(second.store.pending.empty());
    CHECK_FALSE(second.store.dirty);
    CHECK(second.store.plan.accounts.empty());
    CHECK(reread(r).accounts.empty());
}

TEST_CASE("a full quota keeps everything in memory, says so, and the next flush writes it all", "[plan_store]") {
    Records r;
    Tab tab(r);
    tab.add(AddAccount{account("a", "甲")});
    r.fail = PlanOutcome::quota;
    CHECK(tab.flush() == PlanOutcome::quota);
    CHECK(tab.store.notice == PlanNotice::quota);
    CHECK(tab.store.dirty);
    CHECK_FALSE(tab.store.writing);
    CHECK(tab.store.pending.size() == 1);
    CHECK(r.values.empty());
    CHECK_THAT(notice_text(tab.store, Lang::zh), Catch::Contains("已满"));
    CHECK_THAT(notice_text(tab.store, Lang::en), Catch::Contains("full"));
    tab.add(AddAccount{account("b", "乙")});
    r.fail = PlanOutcome::ok;
    CHECK(tab.flush() == PlanOutcome::ok);
    CHECK(tab.store.notice == PlanNotice::none);
    CHECK(ids(reread(r)) == std::vector<std::string>{"a", "b"});
}

TEST_CASE("storage that is unavailable is said so, and nothing is lost", "[plan_store]") {
    Records r;
    Tab tab(r);
    tab.add(AddAccount{account("a", "甲")});
    r.fail = PlanOutcome::unavailable;
    CHECK(tab.flush() == PlanOutcome::unavailable);
    CHECK(tab.store.notice == PlanNotice::unavailable);
    CHECK(ids(tab.store.plan) == std::vector<std::string>{"a"});
    CHECK_THAT(notice_text(tab.store, Lang::en), Catch::Contains("export"));
}

namespace {

// A plan of accounts a, b, c written in two generations: a changed in the second.
Records two_generations() {
    Records r;
    Tab tab(r);
    tab.add(AddAccount{account("a", "甲")});
    tab.add(AddAccount{account("b", "乙")});
    tab.add(AddAccount{account("c", "丙")});
    REQUIRE(tab.flush() == PlanOutcome::ok);
    tab.add(AddPayment{"a", "a-r0", {20010, 1'00, "第二版"}});
    REQUIRE(tab.flush() == PlanOutcome::ok);
    return r;
}

}  // namespace

TEST_CASE("an unreadable account record: its backup is used and the raw value is kept by a copy", "[plan_store][bad_data]") {
    Records r = two_generations();
    const std::string key = kKeys.account_prefix + "a";
    // Bytes no text may hold: what a lone UTF-16 surrogate becomes on its way into the app.
    const std::string broken = r.values.at(key).substr(0, 80) + "\xED\xA0\x80" + r.values.at(key).substr(80);
    r.values[key] = broken;
    const std::string backup = r.values.at(kKeys.backup_prefix + "account/a");

    std::vector<RecordOp> repairs;
    PlanStore store = load_plan(r.all(), 777, repairs);
    REQUIRE(store.plan.accounts.size() == 3);
    CHECK(store.plan.accounts[0].receivables[0].payments.empty());  // the first generation's a
    CHECK(store.notice == PlanNotice::recovered);
    CHECK(store.read_error.failure == ReadFailure::not_unicode);
    CHECK_THAT(notice_text(store, Lang::zh), Catch::Contains("上一次保存的版本"));
    CHECK_THAT(notice_text(store, Lang::en), Catch::Contains("not valid Unicode") || Catch::Contains("Unicode"));
    // The value is kept by the record store itself: a copy, not a put of what this code read.
    const RecordOp keep{RecordOp::Kind::copy, kKeys.unreadable_prefix + "777/account/a", {}, key};
    CHECK(repairs == std::vector<RecordOp>{keep});
    CHECK(store.unreadable_keys == std::vector<std::string>{keep.key});
    CHECK(store.dirty);
    REQUIRE(r.commit(store.generation, repairs) == PlanOutcome::ok);
    repairs_done(store, repairs, PlanOutcome::ok);
    CHECK(store.keep.empty());
    CHECK(r.values.at(keep.key) == broken);  // byte for byte
    // Read again (another tab, or this one after a conflict): kept once, not once per read.
    std::vector<RecordOp> again;
    const PlanStore second = load_plan(r.all(), 778, again);
    CHECK(again.empty());
    CHECK(second.notice == PlanNotice::recovered);
    CHECK(second.damaged == std::vector<std::string>{key});

    // The next flush writes the recovered account back, and does not copy the broken value
    // over the good backup.
    std::optional<PlanFlush> f = plan_flush(store);
    REQUIRE(f);
    CHECK(keys_of(f->ops, RecordOp::Kind::put) == std::vector<std::string>{"account/a", "head"});
    CHECK(keys_of(f->ops, RecordOp::Kind::copy) == std::vector<std::string>{"backup/head"});
    REQUIRE(r.commit(f->expect_generation, f->ops) == PlanOutcome::ok);
    flush_done(store, *f, PlanOutcome::ok);
    CHECK(r.values.at(kKeys.backup_prefix + "account/a") == backup);
    CHECK(r.values.at(keep.key) == broken);
    CHECK(reread(r) == store.plan);
    CHECK(store.damaged.empty());
}

TEST_CASE("an unread value is never overwritten before it is kept, even when keeping it failed", "[plan_store][bad_data]") {
    Records r = two_generations();
    const std::string key = kKeys.account_prefix + "a";
    r.values[key] = "{\"app\": \"collection-coach\", cut off";
    r.fail = PlanOutcome::quota;
    Tab tab(r);  // its repairs are refused
    CHECK(tab.store.notice == PlanNotice::quota);
    REQUIRE(tab.store.keep.size() == 1);
    r.fail = PlanOutcome::ok;
    std::optional<PlanFlush> f = plan_flush(tab.store);
    REQUIRE(f);
    REQUIRE(f->ops.size() >= 2);
    CHECK(f->ops[0] == tab.store.keep[0]);  // first, in the same transaction as the write over it
    CHECK(keys_of(f->ops, RecordOp::Kind::put).front() == "account/a");
    REQUIRE(r.commit(f->expect_generation, f->ops) == PlanOutcome::ok);
    flush_done(tab.store, *f, PlanOutcome::ok);
    CHECK(tab.store.keep.empty());
    CHECK(r.values.at(tab.store.unreadable_keys.at(0)) == "{\"app\": \"collection-coach\", cut off");
}

TEST_CASE("an account with neither record nor backup is said lost, its value kept, nothing deleted", "[plan_store][bad_data]") {
    Records r = two_generations();
    const std::string key = kKeys.account_prefix + "c";  // written once: no backup
    r.values[key] = "not json";
    Tab tab(r);
    CHECK(ids(tab.store.plan) == std::vector<std::string>{"a", "b"});
    CHECK(tab.store.notice == PlanNotice::unreadable_kept);
    CHECK(tab.store.lost_count == 1);
    CHECK_THAT(notice_text(tab.store, Lang::en), Catch::StartsWith("1 of the collection plan’s records") && Catch::Contains("kept"));
    CHECK_THAT(notice_text(tab.store, Lang::zh), Catch::Contains("1 条"));
    CHECK(tab.flush() == PlanOutcome::ok);
    CHECK(r.values.at(key) == "not json");  // no longer listed, never removed
    CHECK(r.values.at(tab.store.unreadable_keys.at(0)) == "not json");
}

TEST_CASE("an unreadable head: the backup head's list, with every account record there is", "[plan_store][bad_data]") {
    Records r = two_generations();
    {  // a third generation adds d and removes b
        Tab tab(r);
        tab.add(AddAccount{account("d", "丁")});
        tab.add(RemoveAccount{"b"});
        REQUIRE(tab.flush() == PlanOutcome::ok);
    }
    const std::string backup_head = r.values.at(kKeys.backup_prefix + "head");
    r.values[kKeys.head] = "{\"app\":\"collection-coach\",\"generation\": 3, \"accounts\": [\"a\", tru";
    std::vector<RecordOp> repairs;
    PlanStore store = load_plan(r.all(), 5, repairs);
    // The second generation's list (a, b, c: b from its backup), and d, which only the lost head listed.
    CHECK(ids(store.plan) == std::vector<std::string>{"a", "b", "c", "d"});
    CHECK(store.plan.accounts[0].receivables[0].payments.size() == 1);  // a as last written
    CHECK(store.notice == PlanNotice::recovered);
    CHECK(store.read_error.failure == ReadFailure::not_json);
    CHECK(store.generation == 3);  // what the record store reads in the broken head
    CHECK(repairs == std::vector<RecordOp>{{RecordOp::Kind::copy, kKeys.unreadable_prefix + "5/head", {}, kKeys.head}});
    REQUIRE(r.commit(store.generation, repairs) == PlanOutcome::ok);
    repairs_done(store, repairs, PlanOutcome::ok);
    std::optional<PlanFlush> f = plan_flush(store);
    REQUIRE(f);
    CHECK(f->generation == 4);
    CHECK(keys_of(f->ops, RecordOp::Kind::copy).empty());  // the broken head is not anyone's backup
    CHECK(keys_of(f->ops, RecordOp::Kind::put) == std::vector<std::string>{"account/b", "head"});
    REQUIRE(r.commit(f->expect_generation, f->ops) == PlanOutcome::ok);
    flush_done(store, *f, PlanOutcome::ok);
    CHECK(r.values.at(kKeys.backup_prefix + "head") == backup_head);
    CHECK(reread(r) == store.plan);
}

TEST_CASE("a head whose generation is garbage is still expected as the record store reads it", "[plan_store][bad_data]") {
    Records r = two_generations();
    r.values[kKeys.head] = "\xFF\xFE garbage";
    Tab tab(r);
    CHECK(tab.store.generation == 0);
    CHECK(tab.store.newest == 2);
    CHECK(ids(tab.store.plan) == std::vector<std::string>{"a", "b", "c"});
    CHECK(tab.flush() == PlanOutcome::ok);
    // Written above every generation seen, so account records never look newer than the head.
    CHECK(head_generation(r.values.at(kKeys.head)) == 3);
}

TEST_CASE("no head and no backup head: the plan is every account record, nothing is deleted", "[plan_store][bad_data]") {
    Records r = two_generations();
    r.values.erase(kKeys.head);
    r.values.erase(kKeys.backup_prefix + "head");
    Tab tab(r);
    CHECK(ids(tab.store.plan) == std::vector<std::string>{"a", "b", "c"});
    CHECK(tab.store.dirty);
    CHECK(tab.flush() == PlanOutcome::ok);
    CHECK(ids(reread(r)) == std::vector<std::string>{"a", "b", "c"});
    // With nothing at all readable: empty, and every value where it was.
    Records junk;
    junk.values[kKeys.head] = "junk";
    junk.values[kKeys.account_prefix + "x"] = "junk";
    Tab empty(junk);
    CHECK(empty.store.plan.accounts.empty());
    CHECK(empty.store.notice == PlanNotice::unreadable_kept);
    CHECK(empty.flush() == PlanOutcome::ok);
    CHECK(junk.values.at(kKeys.account_prefix + "x") == "junk");
}

TEST_CASE("a record naming another account than its key is not read as that account", "[plan_store][bad_data]") {
    Records r = two_generations();
    r.values[kKeys.account_prefix + "c"] = r.values.at(kKeys.account_prefix + "b");
    Tab tab(r);
    CHECK(ids(tab.store.plan) == std::vector<std::string>{"a", "b"});
    CHECK(tab.store.read_error.detail == "id");
}

TEST_CASE("the head's generation is read by the record store's rule", "[plan_store]") {
    CHECK(head_generation("") == 0);
    CHECK(head_generation(write_head(Plan{}, 41)) == 41);
    CHECK(head_generation(R"({"generation":7})") == 7);
    CHECK(head_generation("{\"generation\" \t\r\n:\n 12,") == 12);
    CHECK(head_generation(R"({"generation": "7", "x": {"generation": 9}})") == 9);  // the first place the whole rule matches
    CHECK(head_generation(R"({"generation": 123456789012345})") == 123456789012345);
    CHECK(head_generation(R"({"generation": 1234567890123456})") == 0);  // more than 15 digits
    CHECK(head_generation(R"({"generation": -3})") == 0);
    CHECK(head_generation("\xED\xA0\x80{\"generation\": 5") == 5);  // whatever else the text holds
}

TEST_CASE("text that is not valid Unicode enters the plan as U+FFFD", "[plan_store]") {
    Records r;
    Tab tab(r);
    Account a = account("a", "华东\xC0\x80机电");
    a.receivables[0].payments.push_back({20001, 1, "\xFF"});
    tab.add(AddAccount{a});
    CHECK(tab.store.plan.accounts[0].name == "华东\xEF\xBF\xBD\xEF\xBF\xBD机电");
    CHECK(tab.store.plan.accounts[0].receivables[0].payments[0].note == "\xEF\xBF\xBD");
    CHECK(tab.flush() == PlanOutcome::ok);
    CHECK(reread(r) == tab.store.plan);
}

TEST_CASE("a refused change leaves the plan and its revision as they were", "[plan_store]") {
    Records r;
    Tab tab(r);
    tab.add(AddAccount{account("a", "甲")});
    const PlanStore before = tab.store;
    CHECK(change(tab.store, AddAccount{account("a", "again")}) == PlanRefusal::duplicate_id);
    CHECK(change(tab.store, AddPayment{"nobody", "r", {1, 1, ""}}) == PlanRefusal::unknown_account);
    CHECK(tab.store.plan == before.plan);
    CHECK(tab.store.revision == before.revision);
    CHECK(tab.store.pending.size() == before.pending.size());
}

namespace {

// A note of `chars` code points mixing what costs most to write: control characters (6 bytes
// each escaped), quotes (2), CJK (3) and emoji (4).
std::string heavy_text(std::size_t chars) {
    static const std::string parts[] = {"\x01", "\"", "账", "😀", "\\"};
    std::string out;
    for (std::size_t i = 0; i < chars; ++i) out += parts[i % 5];
    return out;
}

}  // namespace

TEST_CASE("the size bound is never below what is written, and not far above", "[plan_store][limits]") {
    Account a = account("bound", heavy_text(200), 30);
    a.notes = heavy_text(2000);
    a.currency = "USD";
    for (std::size_t i = 0; i < a.receivables.size(); ++i) {
        a.receivables[i].note = heavy_text(i * 50);
        for (std::size_t p = 0; p < i % 7; ++p) a.receivables[i].payments.push_back({20000 + Day(p), Money(p + 1), heavy_text(p * 30)});
    }
    for (const Account& x : {a, account("plain", "甲"), Account{}}) {
        const std::size_t written = write_account_record(x, 12345).size();
        CHECK(record_size_bound(x) >= written);
        CHECK(record_size_bound(x) <= written + written / 2 + 600);
    }
    Plan plan;
    plan.accounts = {a, account("plain", "甲")};
    plan.mapping = {{heavy_text(200), Field::amount}, {"客户名称", Field::account}};
    const std::size_t file = write_plan_file(plan).size();
    CHECK(plan_file_size_bound(plan) >= file);
    CHECK(plan_file_size_bound(plan) <= file + file / 2 + 1000);
}

namespace {

// What adding `r` (or a payment `p` to a receivable) costs an account's record, by the bound.
std::size_t cost_of(const Receivable& r) {
    Account with;
    with.receivables = {r};
    return record_size_bound(with) - record_size_bound(Account{});
}

// An account as large as the limits and the byte budget allow together: every text at its
// longest and costliest to write, receivables full of payments, up to the last payment that fits.
Account largest_account() {
    Account a = account("big", heavy_text(kPlanLimits.name_chars), 0);
    a.id = heavy_text(kPlanLimits.id_chars);
    a.segment = heavy_text(kPlanLimits.name_chars);
    a.notes = heavy_text(kPlanLimits.note_chars);
    a.currency = heavy_text(kPlanLimits.currency_chars);
    a.potential = a.credit_limit = kPlanLimits.max_amount;
    a.share_percent = 100;
    a.terms_days = kPlanLimits.max_terms_days;
    const std::string note = heavy_text(kPlanLimits.note_chars);
    const Payment payment{kPlanLimits.earliest, kPlanLimits.max_amount, note};
    std::size_t bound = record_size_bound(a);
    for (std::size_t i = 0; i < kPlanLimits.receivables_per_account; ++i) {
        Receivable r{heavy_text(kPlanLimits.id_chars - 4) + std::to_string(1000 + i), heavy_text(kPlanLimits.invoice_chars),
                     kPlanLimits.max_amount, kPlanLimits.earliest, kPlanLimits.latest, {}, note};
        const std::size_t empty = cost_of(r);
        if (bound + empty > kAccountRecordBytes) break;
        r.payments.push_back(payment);
        const std::size_t per_payment = cost_of(r) - empty;
        r.payments.clear();
        bound += empty;
        while (r.payments.size() < kPlanLimits.payments_per_receivable && bound + per_payment <= kAccountRecordBytes) {
            r.payments.push_back(payment);
            bound += per_payment;
        }
        a.receivables.push_back(std::move(r));
    }
    return a;
}

}  // namespace

TEST_CASE("an account at the largest size storage keeps writes and reads back; one payment more is refused", "[plan_store][limits]") {
    const Account big = largest_account();
    REQUIRE(record_size_bound(big) <= kAccountRecordBytes);
    CHECK(big.receivables.size() < kPlanLimits.receivables_per_account);  // the bytes, not the count, bound it
    Records r;
    Tab tab(r);
    tab.add(AddAccount{big});
    // What the last step of largest_account() could not add: a receivable (or, were there room
    // for it, a payment), each costing more than the budget has left.
    const std::string note = heavy_text(kPlanLimits.note_chars);
    CHECK(change(tab.store, AddReceivable{big.id, {"one-more", "", 1, 0, 0, {}, note}}) == PlanRefusal::text_too_long);
    if (big.receivables.back().payments.size() < kPlanLimits.payments_per_receivable)
        CHECK(change(tab.store, AddPayment{big.id, big.receivables.back().id, {0, 1, note}}) == PlanRefusal::text_too_long);
    CHECK(tab.store.plan.accounts.at(0) == big);  // as it was
    const std::string text = write_account_record(big, 999'999'999'999'999);
    CHECK(text.size() <= kAccountRecordBytes);
    CHECK(text.size() > kAccountRecordBytes * 9 / 10);
    const AccountRead back = read_account_record(text);
    REQUIRE(back.record);
    CHECK(back.record->account == big);
    // And through the whole store: flushed, read by a new tab.
    CHECK(tab.flush() == PlanOutcome::ok);
    CHECK(reread(r) == tab.store.plan);
}

TEST_CASE("a head listing the most accounts, with the longest ids and mapping, writes and reads back", "[plan_store][limits]") {
    Plan plan;
    plan.accounts.resize(kPlanLimits.accounts);
    for (std::size_t i = 0; i < plan.accounts.size(); ++i) {
        // 40 code points that escape to 6 bytes each, unique by the last five.
        std::string id(kPlanLimits.id_chars - 5, '\x1F');
        char tail[24];
        std::snprintf(tail, sizeof tail, "%05zu", i);
        plan.accounts[i].id = id + tail;
    }
    for (std::size_t i = 0; i < kPlanLimits.mapping_columns; ++i) plan.mapping.push_back({heavy_text(kPlanLimits.name_chars - 4) + std::to_string(1000 + i), Field::notes});
    const std::string text = write_head(plan, 1ull << 52);
    CHECK(text.size() <= head_bytes_bound());
    CHECK(head_bytes_bound() <= head_json_limits().max_bytes);
    const HeadRead back = read_head(text);
    REQUIRE(back.head);
    CHECK(back.head->accounts.size() == kPlanLimits.accounts);
    CHECK(back.head->accounts.back() == plan.accounts.back().id);
    CHECK(back.head->mapping == plan.mapping);
    CHECK(back.head->generation == 1ull << 52);
    // One account more than the limit is not a head this app wrote.
    plan.accounts.push_back(Account{"one-more"});
    const ReadError more = read_head(write_head(plan, 1)).error;
    CHECK(more.failure == ReadFailure::wrong_shape);
    CHECK(more.detail == "accounts");
}

TEST_CASE("a plan at the file's budget writes and reads back; one account more is refused", "[plan_store][limits]") {
    // Accounts of long notes, as many as the file's budget takes.
    Account base = account("x", "客户", 0);
    base.notes = heavy_text(kPlanLimits.note_chars);
    for (std::size_t i = 0; i < 100; ++i) base.receivables.push_back({"r" + std::to_string(i), "", 1, 0, 0, {}, base.notes});
    const std::size_t each = record_size_bound(base, true) + 20;
    Plan plan;
    std::size_t bytes = plan_file_size_bound(plan);
    for (std::size_t n = 0; bytes + each <= kPlanFileBytes; ++n) {
        base.id = "acc" + std::to_string(100000 + n);
        plan.accounts.push_back(base);
        bytes += record_size_bound(base, true);
    }
    PlanStore store;
    store.loaded = true;
    REQUIRE(change(store, ReplacePlan{plan}) == PlanRefusal::none);
    CHECK(store.file_bytes == plan_file_size_bound(plan));
    CHECK(store.file_bytes > kPlanFileBytes - 2 * each);
    base.id = "one-more";
    CHECK(change(store, AddAccount{base}) == PlanRefusal::text_too_long);
    CHECK(store.plan == plan);
    const std::string file = write_plan_file(store.plan);
    CHECK(file.size() <= kPlanFileBytes);
    const PlanFileRead back = read_plan_file(file);
    REQUIRE(back.plan);
    CHECK(*back.plan == plan);
}

TEST_CASE("early accounts of a version 4 document move into the plan, then leave the document", "[plan_store][migration]") {
    const std::vector<EarlyAccount> early{{"a1", "华东机电 \"总部\"", 12345678, 95, "财务总监：王总\n周三回电"},
                                          {"a-very-long-id-that-does-not-fit-in-forty-characters", "无余额", 0, 0, ""},
                                          {"a3", " \u3000", 5, 0, ""}};
    const Day today = 20400;
    const std::vector<AddAccount> moves = early_accounts(early, today);
    REQUIRE(moves.size() == 3);
    CHECK(moves[2].account.name == "early-a3");  // a plan account needs a name: a blank one becomes its id
    const Account& a = moves[0].account;
    CHECK(a.id == "early-a1");
    CHECK(a.name == "华东机电 \"总部\"");
    CHECK(a.notes == "财务总监：王总\n周三回电");
    REQUIRE(a.receivables.size() == 1);
    CHECK(a.receivables[0].amount == 12345678);
    CHECK(a.receivables[0].due == today - 95);
    CHECK(open_amount(a.receivables[0], today) == 12345678);
    CHECK(moves[1].account.id.size() == kPlanLimits.id_chars);
    CHECK(moves[1].account.receivables.empty());

    Records r;
    Tab tab(r);
    for (const AddAccount& m : moves) tab.add(m);
    CHECK_FALSE(early_accounts_stored(tab.store.stored, early));  // not yet stored
    CHECK(tab.flush() == PlanOutcome::ok);
    CHECK(early_accounts_stored(tab.store.stored, early));
    CHECK(early_accounts_stored(ids(reread(r)), early));
}

TEST_CASE("every notice has words in both languages", "[plan_store][i18n]") {
    PlanStore s;
    s.read_error.failure = ReadFailure::wrong_shape;
    s.read_error.detail = "accounts";
    s.unreadable_count = 2;
    for (const PlanNotice n : {PlanNotice::recovered, PlanNotice::unreadable_kept, PlanNotice::quota, PlanNotice::unavailable,
                               PlanNotice::conflict_merged, PlanNotice::imported, PlanNotice::import_failed}) {
        s.notice = n;
        const std::string zh = notice_text(s, Lang::zh), en = notice_text(s, Lang::en);
        CHECK_FALSE(zh.empty());
        CHECK_FALSE(en.empty());
        CHECK(zh != en);
        CHECK(zh.find("{}") == std::string::npos);
        CHECK(en.find("{}") == std::string::npos);
    }
    s.notice = PlanNotice::none;
    CHECK(notice_text(s, Lang::zh).empty());
    s.notice = PlanNotice::quota;
    dismiss_notice(s);
    CHECK(s.notice == PlanNotice::none);
}

// Timings at a sales manager's scale, printed (not asserted: the benchmark reports them).
// Run with: coach_core_tests "[.plan_store_timing]"
TEST_CASE("plan storage timings at 5,000 accounts and 50,000 receivables", "[.plan_store_timing]") {
    using Clock = std::chrono::steady_clock;
    const auto ms = [](Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
    const Plan plan = generated_plan(5000, 50000, 20400, 7);
    Records r;
    Tab tab(r);
    auto t0 = Clock::now();
    REQUIRE(change(tab.store, ReplacePlan{plan}) == PlanRefusal::none);
    auto t1 = Clock::now();
    std::optional<PlanFlush> f = plan_flush(tab.store);
    auto t2 = Clock::now();
    REQUIRE(f);
    std::size_t bytes = 0;
    for (const RecordOp& op : f->ops) bytes += op.value.size();
    REQUIRE(r.commit(f->expect_generation, f->ops) == PlanOutcome::ok);
    flush_done(tab.store, *f, PlanOutcome::ok);
    auto t3 = Clock::now();
    tab.add(AddPayment{plan.accounts[17].id, plan.accounts[17].receivables[0].id, {20400, 1, "x"}});
    auto t4 = Clock::now();
    f = plan_flush(tab.store);
    auto t5 = Clock::now();
    REQUIRE(f);
    REQUIRE(r.commit(f->expect_generation, f->ops) == PlanOutcome::ok);
    flush_done(tab.store, *f, PlanOutcome::ok);
    const std::vector<Record> all = r.all();
    std::vector<RecordOp> repairs;
    auto t6 = Clock::now();
    const PlanStore loaded = load_plan(all, 1, repairs);
    auto t7 = Clock::now();
    CHECK(loaded.plan == tab.store.plan);
    std::printf("plan storage, 5,000 accounts / 50,000 receivables, %zu records, %.1f MB written:\n", all.size(), bytes / 1e6);
    std::printf("  replace the plan %.1f ms; first flush (every record) %.1f ms, done %.1f ms\n", ms(t0, t1), ms(t1, t2), ms(t2, t3));
    std::printf("  one payment: change %.2f ms, flush %.1f ms (%zu ops)\n", ms(t3, t4), ms(t4, t5), f->ops.size());
    std::printf("  load at start-up %.1f ms\n", ms(t6, t7));
}

// ---- the snapshot (plan_snapshot.h): a fast start that never disagrees with the records ----

TEST_CASE("a snapshot of the head's generation starts the same plan as every record does", "[plan_store][snapshot]") {
    Records records;
    Tab tab(records);
    tab.add(AddAccount{account("k1", "华东机电", 3)});
    tab.add(AddAccount{account("k2", "南方电网")});
    tab.add(RememberMapping{{{"客户", Field::account}}});
    REQUIRE(tab.flush() == PlanOutcome::ok);
    records.values[kKeys.snapshot] = write_plan_snapshot(tab.store.plan, tab.store.generation);

    std::vector<RecordOp> repairs;
    const PlanStore full = load_plan(records.all(), 2000, repairs);
    const std::optional<PlanStore> fast = load_plan_snapshot(records.values[kKeys.head], records.values[kKeys.snapshot]);
    REQUIRE(fast.has_value());
    CHECK(fast->loaded);
    CHECK(fast->plan == full.plan);
    CHECK(fast->stored == full.stored);
    CHECK(fast->generation == full.generation);
    CHECK(fast->file_bytes == full.file_bytes);
    CHECK_FALSE(fast->dirty);

    // A change then flushes from the fast start as from the full one: the same records.
    PlanStore from_fast = *fast;
    REQUIRE(change(from_fast, AddAccount{account("k3", "新客户")}) == PlanRefusal::none);
    const std::optional<PlanFlush> f = plan_flush(from_fast);
    REQUIRE(f.has_value());
    CHECK(f->expect_generation == full.generation);
    CHECK(records.commit(f->expect_generation, f->ops) == PlanOutcome::ok);
}

TEST_CASE("a snapshot the head has moved past, or that lists other accounts, is not used", "[plan_store][snapshot]") {
    Records records;
    Tab tab(records);
    tab.add(AddAccount{account("k1", "华东机电")});
    REQUIRE(tab.flush() == PlanOutcome::ok);
    const std::string old = write_plan_snapshot(tab.store.plan, tab.store.generation);
    tab.add(AddAccount{account("k2", "南方电网")});
    REQUIRE(tab.flush() == PlanOutcome::ok);  // another generation: the old snapshot is stale
    CHECK_FALSE(load_plan_snapshot(records.values[kKeys.head], old).has_value());

    // The right generation, but not the head's accounts (a snapshot taken of something else).
    Plan other = tab.store.plan;
    std::swap(other.accounts[0], other.accounts[1]);
    CHECK_FALSE(load_plan_snapshot(records.values[kKeys.head], write_plan_snapshot(other, tab.store.generation)).has_value());
    other.accounts.pop_back();
    CHECK_FALSE(load_plan_snapshot(records.values[kKeys.head], write_plan_snapshot(other, tab.store.generation)).has_value());
    CHECK_FALSE(load_plan_snapshot("", write_plan_snapshot(Plan{}, 0)).has_value());
    CHECK(load_plan_snapshot(records.values[kKeys.head], write_plan_snapshot(tab.store.plan, tab.store.generation)).has_value());
}

TEST_CASE("the snapshot's record is not the plan's: a full read passes it by", "[plan_store][snapshot]") {
    Records records;
    Tab tab(records);
    tab.add(AddAccount{account("k1", "华东机电")});
    REQUIRE(tab.flush() == PlanOutcome::ok);
    records.values[kKeys.snapshot] = "not a snapshot at all";
    std::vector<RecordOp> repairs;
    const PlanStore full = load_plan(records.all(), 2000, repairs);
    CHECK(ids(full.plan) == std::vector<std::string>{"k1"});
    CHECK(full.notice == PlanNotice::none);
    CHECK(repairs.empty());
}
