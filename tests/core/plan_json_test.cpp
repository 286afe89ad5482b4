#include <catch2/catch.hpp>

#include <string>

#include "core/plan_store.h"
#include "test_support.h"

using namespace coach;

namespace {

// A plan with something in every field: two accounts (one from the worked example, one
// attacking, one defending by choice), part payments, hard text, and a remembered mapping.
Plan sample_plan() {
    Plan p;
    Account a;
    a.id = "a1";
    a.name = "华东机电 \"总部\"";
    a.segment = "机电 / 制造";
    a.potential = 1'200'000'00;
    a.share_percent = 60;
    a.stage = StageChoice::from_share;
    a.credit_limit = 300'000'00;
    a.terms_days = 60;
    a.currency = "CNY";
    a.notes = "财务总监：王总\n周三回电 😀";
    a.receivables = {
        {"r1", "FP-2025-001", 150'000'00, 20300, 20360, {{20340, 50'000'00, "第一笔"}, {20370, 25'000'00, ""}}, "合同 \\ 补充协议"},
        {"r2", "", 8'000'00, 20390, 20390, {}, ""},
    };
    Account b;
    b.id = "a2";
    b.name = "Pacific Tools";
    b.segment = "";
    b.potential = 0;
    b.share_percent = 0;
    b.stage = StageChoice::defense;
    b.credit_limit = 0;
    b.terms_days = 30;
    b.currency = "USD";
    b.example = true;
    Account c;
    c.id = "a3";
    c.name = "西部矿业";
    c.stage = StageChoice::attack;
    p.accounts = {a, b, c};
    p.mapping = {{"客户名称", Field::account}, {"发票号", Field::invoice}, {"金额", Field::amount}, {"备注", Field::none}};
    return p;
}

std::string fixture(const std::string& name) { return coach::test::read_source_file("tests/fixtures/plan-v1/" + name); }

}  // namespace

TEST_CASE("the committed version 1 plan records read as the sample plan, and are written byte for byte", "[plan_json][fixtures]") {
    const Plan plan = sample_plan();
    const HeadRead head = read_head(fixture("head.json"));
    REQUIRE(head.head);
    CHECK(head.head->generation == 12);
    CHECK(head.head->accounts == std::vector<std::string>{"a1", "a2", "a3"});
    CHECK(head.head->mapping == plan.mapping);
    CHECK(write_head(plan, 12) == fixture("head.json"));
    for (std::size_t i = 0; i < plan.accounts.size(); ++i) {
        const std::string name = "account-" + plan.accounts[i].id + ".json";
        CAPTURE(name);
        const AccountRead r = read_account_record(fixture(name));
        REQUIRE(r.record);
        CHECK(r.record->account == plan.accounts[i]);
        CHECK(r.record->generation == 11 + i % 2);
        CHECK(write_account_record(plan.accounts[i], 11 + i % 2) == fixture(name));
    }
    const PlanFileRead file = read_plan_file(fixture("plan.json"));
    REQUIRE(file.plan);
    CHECK(*file.plan == plan);
    CHECK(write_plan_file(plan) == fixture("plan.json"));
}

TEST_CASE("every field of the plan survives its records and its file", "[plan_json]") {
    Plan plan = sample_plan();
    for (const StageChoice s : {StageChoice::from_share, StageChoice::attack, StageChoice::defense}) {
        plan.accounts[0].stage = s;
        CHECK(read_account_record(write_account_record(plan.accounts[0], 3)).record == AccountRecord{plan.accounts[0], 3});
    }
    plan.mapping.clear();
    for (const Field f : {Field::none, Field::account, Field::segment, Field::invoice, Field::amount, Field::paid, Field::issued, Field::due,
                          Field::terms_days, Field::credit_limit, Field::currency, Field::potential, Field::share_percent, Field::notes})
        plan.mapping.push_back({"列 " + std::to_string(plan.mapping.size()), f});
    CHECK(read_head(write_head(plan, 5)).head == PlanHead{5, {"a1", "a2", "a3"}, plan.mapping});
    CHECK(read_plan_file(write_plan_file(plan)).plan == plan);
    CHECK(read_plan_file(write_plan_file(plan, false)).plan == plan);
    CHECK(read_plan_file(write_plan_file(Plan{})).plan == Plan{});
    CHECK(read_head(write_head(Plan{}, 0)).head == PlanHead{});
    // Amounts and days at their extremes.
    Account& a = plan.accounts[0];
    a.receivables[0].amount = a.potential = kPlanLimits.max_amount;
    a.receivables[0].issued = kPlanLimits.earliest;
    a.receivables[0].due = kPlanLimits.latest;
    CHECK(read_account_record(write_account_record(a, ~0ull >> 1)).record == AccountRecord{a, ~0ull >> 1});
}

TEST_CASE("records of another app, course, kind or a newer version are refused by name", "[plan_json][bad_input]") {
    const Plan plan = sample_plan();
    const std::string account = write_account_record(plan.accounts[0], 1);
    const auto with = [](std::string text, const std::string& from, const std::string& to) {
        text.replace(text.find(from), from.size(), to);
        return text;
    };
    CHECK(read_account_record(with(account, "\"collection-coach\"", "\"another-app\"")).error.failure == ReadFailure::not_coach);
    const AccountRead course = read_account_record(with(account, "\"key-account-collection\"", "\"other-course\""));
    CHECK(course.error.failure == ReadFailure::other_course);
    CHECK(course.error.detail == "other-course");
    const AccountRead kind = read_account_record(write_head(plan, 1));
    CHECK(kind.error.failure == ReadFailure::not_coach);
    CHECK(kind.error.detail == "plan");
    CHECK(read_head(write_account_record(plan.accounts[1], 1)).error.detail == "account");  // one shallow enough for a head
    const AccountRead future = read_account_record(with(account, "\"version\": 1", "\"version\": 2"));
    CHECK(future.error.failure == ReadFailure::future_version);
    CHECK(future.error.version == 2);
    CHECK_THAT(describe_plan_error(future.error, Lang::en), Catch::Contains("2") && Catch::Contains("1"));
    CHECK(read_head("[]").error.failure == ReadFailure::not_coach);
    CHECK(read_head("").error.failure == ReadFailure::not_json);
}

TEST_CASE("a record the app could not have written is refused", "[plan_json][bad_input]") {
    const Plan plan = sample_plan();
    const std::string account = write_account_record(plan.accounts[0], 1);
    const auto with = [](std::string text, const std::string& from, const std::string& to) {
        REQUIRE(text.find(from) != std::string::npos);
        text.replace(text.find(from), from.size(), to);
        return text;
    };
    const auto refused = [](const std::string& text) { return read_account_record(text).error; };
    CHECK(refused(with(account, "\"amount\": 15000000", "\"amount\": -5")).detail == "account: not positive");
    CHECK(refused(with(account, "\"due\": 20360", "\"due\": 20000")).detail == "account: due before issue");
    CHECK(refused(with(account, "\"id\": \"r2\"", "\"id\": \"r1\"")).detail == "account: duplicate id");
    CHECK(refused(with(account, "\"stage\": \"from_share\"", "\"stage\": \"siege\"")).detail == "stage");
    CHECK(refused(with(account, "\"share_percent\": 60", "\"share_percent\": \"60\"")).failure == ReadFailure::wrong_shape);
    CHECK(refused(with(account, "\"amount\": 15000000", "\"amount\": 1.5")).failure == ReadFailure::wrong_shape);
    CHECK(refused(with(account, "\"name\": ", "\"nom\": ")).detail == "name");
    // Text that is not valid Unicode: refused whole, with line and column.
    const ReadError surrogate = refused(with(account, "华东机电", "华东\\uD800机电"));
    CHECK(surrogate.failure == ReadFailure::not_unicode);
    CHECK(surrogate.json.line > 1);

    const std::string head = write_head(plan, 1);
    CHECK(read_head(with(head, "\"a2\"", "\"a1\"")).error.detail == "accounts");  // an id twice
    CHECK(read_head(with(head, "\"a2\"", "\"\"")).error.detail == "accounts");    // an empty id
    CHECK(read_head(with(head, "\"field\": \"amount\"", "\"field\": \"amounts\"")).error.detail == "field");
    CHECK(read_head(with(head, "\"generation\": 1", "\"generation\": -1")).error.failure == ReadFailure::wrong_shape);
}

TEST_CASE("the readers' limits follow from the plan's", "[plan_json][limits]") {
    const JsonLimits head = head_json_limits(), account = account_json_limits(), file = plan_file_json_limits();
    CHECK(head.max_bytes >= head_bytes_bound());
    CHECK(head.max_bytes < head_bytes_bound() + (1u << 20));
    CHECK(head.max_entries >= kPlanLimits.accounts);
    CHECK(account.max_bytes == kAccountRecordBytes);
    CHECK(account.max_entries >= kPlanLimits.receivables_per_account);
    CHECK(file.max_bytes == kPlanFileBytes);
    CHECK(file.max_entries >= kPlanLimits.accounts);
    // A record is parsed once (json_guard only names what failed): what nests deeper than a
    // record can only be in a member nobody reads, and counts for nothing; text read that
    // breaks the rule is refused, named with its place.
    Plan plan = sample_plan();
    std::string deeper = write_account_record(plan.accounts[0], 1);
    deeper.replace(deeper.find("\"note\": \"第一笔\""), std::string("\"note\": \"第一笔\"").size(), "\"note\": \"第一笔\", \"x\": [[[[]]]]");
    CHECK(read_account_record(deeper).record == AccountRecord{plan.accounts[0], 1});
    std::string nul = write_account_record(plan.accounts[0], 1);
    nul.replace(nul.find("第一笔"), std::string("第一笔").size(), "第一\\u0000笔");
    const ReadError at = read_account_record(nul).error;
    CHECK(at.failure == ReadFailure::not_unicode);
    CHECK(at.json.line > 20);
    std::string low = write_head(plan, 1);
    low.replace(low.find("客户名称"), std::string("客户名称").size(), "客户\\uDC00名称");
    CHECK(read_head(low).error.failure == ReadFailure::not_unicode);
    CHECK(read_plan_file(write_plan_file(plan)).plan.has_value());
    // A record over its budget is refused by size before anything is built.
    std::string large = write_account_record(plan.accounts[1], 1);
    large.replace(large.find("\"notes\": \"\""), 11, "\"notes\": \"" + std::string(kAccountRecordBytes, 'x') + "\"");
    const ReadError too_large = read_account_record(large).error;
    CHECK(too_large.failure == ReadFailure::too_large);
    CHECK_THAT(describe_plan_error(too_large, Lang::en, account_json_limits()), Catch::Contains("4096 KB"));
}

TEST_CASE("the plan file: other kinds of file are refused by name, and an import replaces the plan or changes nothing", "[plan_json][plan_file]") {
    const Plan plan = sample_plan();
    const std::string file = write_plan_file(plan);
    CHECK(file.find("\"kind\": \"plan\"") != std::string::npos);
    CHECK(file.find("\n  \"plan\": {") != std::string::npos);  // pretty: a person may open it

    const PlanFileRead document = read_plan_file(write_document({coach::test::sample_doc(), 3}, true));
    CHECK(document.error.failure == ReadFailure::not_coach);
    CHECK(document.error.detail == "document");
    CHECK_THAT(describe_plan_error(document.error, Lang::zh), Catch::Contains("不是回款计划文件"));
    CHECK_THAT(describe_plan_error(document.error, Lang::en), Catch::Contains("not a plan file"));
    CHECK(read_plan_file(write_account_record(plan.accounts[0], 1)).error.detail == "account");
    CHECK(read_plan_file(write_head(plan, 1)).error.detail == "plan");  // the head names no plan body

    PlanStore store;
    store.loaded = true;
    REQUIRE(change(store, AddAccount{plan.accounts[2]}) == PlanRefusal::none);
    const PlanStore before = store;
    CHECK_FALSE(import_plan_file(store, file.substr(0, file.size() / 2)));
    CHECK(store.plan == before.plan);
    CHECK(store.notice == PlanNotice::import_failed);
    CHECK_THAT(notice_text(store, Lang::en), Catch::Contains("Nothing in the collection plan changed"));
    CHECK(import_plan_file(store, file));
    CHECK(store.plan == plan);
    CHECK(store.notice == PlanNotice::imported);
    CHECK(std::holds_alternative<ReplacePlan>(store.pending.back()));
    CHECK(store.dirty);
}
