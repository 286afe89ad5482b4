// The plan's snapshot (plan_snapshot.h): whatever the app can hold reads back equal, and
// anything else -- another generation, a damaged byte, a line cut short, a value the app would
// refuse -- is not used (the records are read instead).
#include <catch2/catch.hpp>

#include <string>

#include "core/plan_sample.h"
#include "core/plan_snapshot.h"

using namespace coach;

namespace {

// Every kind of line, and text with each character the format escapes.
Plan awkward_plan() {
    Plan plan;
    plan.mapping = {{"客户\t名称", Field::account}, {"金额\\n", Field::amount}, {"", Field::none}};
    Account a{.id = "k1", .name = "华东机电 \"总部\"\t🌱\\", .segment = "机电\n化工", .potential = 5'000'000'00, .share_percent = 60,
              .stage = StageChoice::attack, .credit_limit = 1'000'000'00, .terms_days = 45, .currency = "USD",
              .notes = "line one\r\nline two\\t not a tab", .example = true};
    a.receivables.push_back(Receivable{.id = "r1", .invoice = "FP\t001", .amount = 123456, .issued = -25567, .due = 47481,
                                       .payments = {{.date = 20000, .amount = 100, .note = "部分\n"}, {.date = 20001, .amount = 200}},
                                       .note = "\\"});
    a.receivables.push_back(Receivable{.id = "r2", .invoice = "", .amount = 1, .issued = 0, .due = 0});
    plan.accounts.push_back(a);
    plan.accounts.push_back(Account{.id = "k2", .name = "𠀋"});
    return plan;
}

}  // namespace

TEST_CASE("a plan reads back from its snapshot exactly, escapes and all", "[plan_snapshot]") {
    const Plan plan = awkward_plan();
    const std::string text = write_plan_snapshot(plan, 7);
    CHECK(snapshot_generation(text) == 7);
    const std::optional<Plan> read = read_plan_snapshot(text, 7);
    REQUIRE(read.has_value());
    CHECK(*read == plan);
    CHECK(read_plan_snapshot(write_plan_snapshot(Plan{}, 1), 1) == Plan{});
}

TEST_CASE("a sales manager's plan reads back from its snapshot", "[plan_snapshot]") {
    const Plan plan = generated_plan(500, 5000, 20418, 3);
    const std::optional<Plan> read = read_plan_snapshot(write_plan_snapshot(plan, 42), 42);
    REQUIRE(read.has_value());
    CHECK(*read == plan);
}

TEST_CASE("a snapshot of another generation is not used", "[plan_snapshot]") {
    const std::string text = write_plan_snapshot(awkward_plan(), 7);
    CHECK_FALSE(read_plan_snapshot(text, 8).has_value());
    CHECK_FALSE(read_plan_snapshot(text, 6).has_value());
    CHECK_FALSE(read_plan_snapshot(text, 0).has_value());
    CHECK_FALSE(read_plan_snapshot(write_plan_snapshot(awkward_plan(), 0), 0).has_value());  // no head, no snapshot
}

TEST_CASE("a damaged or cut snapshot is not used", "[plan_snapshot]") {
    const std::string text = write_plan_snapshot(awkward_plan(), 7);
    const std::size_t body = text.find('\n') + 1;
    // Any one byte of the body changed: the checksum finds it.
    for (std::size_t i = body; i < text.size(); i += 7) {
        std::string damaged = text;
        damaged[i] = static_cast<char>(damaged[i] ^ 0x01);
        INFO("byte " << i);
        CHECK_FALSE(read_plan_snapshot(damaged, 7).has_value());
    }
    CHECK_FALSE(read_plan_snapshot(text.substr(0, text.size() - 1), 7).has_value());
    CHECK_FALSE(read_plan_snapshot(text.substr(0, body - 1), 7).has_value());
    CHECK_FALSE(read_plan_snapshot("", 7).has_value());
    CHECK_FALSE(read_plan_snapshot("coach-plan-snapshot\t2\t7\t0000000000000000\n", 7).has_value());  // a later version
    CHECK(snapshot_generation("coach-plan-snapshot\t1\t7\n") == 0);
}

TEST_CASE("a snapshot holding what the app would refuse is not used", "[plan_snapshot]") {
    Plan plan = awkward_plan();
    SECTION("a receivable due before it was issued") { plan.accounts[0].receivables[0].due = plan.accounts[0].receivables[0].issued - 1; }
    SECTION("two accounts with one id") { plan.accounts[1].id = plan.accounts[0].id; }
    SECTION("a share over 100 %") { plan.accounts[0].share_percent = 101; }
    SECTION("an account name of spaces") { plan.accounts[1].name = "   "; }
    SECTION("text that is not valid Unicode") { plan.accounts[1].notes = std::string("\xED\xA0\x80", 3); }  // a lone surrogate's bytes
    CHECK_FALSE(read_plan_snapshot(write_plan_snapshot(plan, 3), 3).has_value());
}
