// The ledger a learner downloads for a spreadsheet (plan_csv.h ledger_csv): its exact bytes,
// and that it reads back through the import into the same accounts and amounts.
#include <catch2/catch.hpp>

#include "core/plan_csv.h"
#include "core/plan_sample.h"

using namespace coach;

namespace {

// A day written as the import reads it (also at static initialisation: no test macros here).
Day day(std::string_view iso) { return read_date(iso).day.value_or(-99999); }
const Day kToday = day("2026-12-01");

Plan small_plan() {
    Plan plan;
    Account a;
    a.id = "a1";
    a.name = "上海宏达机械有限公司";
    a.segment = "制造业";
    a.share_percent = 20;
    a.receivables.push_back({"r1", "FP001", 1234567, day("2026-10-01"), day("2026-10-31"), {{day("2026-11-15"), 234567, ""}}, ""});
    a.receivables.push_back({"r2", "FP002", 50000, day("2026-11-20"), day("2026-12-20"), {}, ""});
    a.receivables.push_back({"r3", "FP003", 10000, day("2026-11-01"), day("2026-12-01"), {{day("2026-11-30"), 10000, ""}}, ""});
    plan.accounts.push_back(a);
    Account b;
    b.id = "a2";
    b.name = "=HYPERLINK(\"http://x\")";
    b.segment = "-危险";
    b.currency = "USD";
    b.share_percent = 60;
    plan.accounts.push_back(b);
    Account c;
    c.id = "a3";
    c.name = "Acme, Inc.";
    c.receivables.push_back({"r1", "+86-1", 99, day("2026-06-30"), day("2026-07-30"), {}, ""});
    plan.accounts.push_back(c);
    return plan;
}

// Reads a ledger back into an empty plan the way the import screen does.
Plan read_back(const std::string& csv, Day today) {
    const Table t = read_table(csv);
    const ColumnMapping m = guess_columns(t, {});
    const ImportPreview p = read_rows({}, t, m, today, "back");
    CHECK(p.errors.empty());
    for (const RowError& e : p.errors) INFO(e.row << ":" << e.column << " " << describe(e.problem, Lang::en) << " [" << e.value << "]");
    const ImportAccounts action = import_action(p);
    REQUIRE(refusal({}, action) == PlanRefusal::none);
    return apply({}, action);
}

// What the ledger says about a plan: everything it carries, in order.
void check_same_ledger_content(const Plan& original, const Plan& back, Day today) {
    REQUIRE(back.accounts.size() == original.accounts.size());
    for (std::size_t i = 0; i < original.accounts.size(); ++i) {
        const Account& o = original.accounts[i];
        const Account& b = back.accounts[i];
        CAPTURE(o.name);
        CHECK(b.name == o.name);
        CHECK(b.segment == o.segment);
        CHECK(b.currency == o.currency);
        REQUIRE(b.receivables.size() == o.receivables.size());
        for (std::size_t k = 0; k < o.receivables.size(); ++k) {
            const Receivable& ro = o.receivables[k];
            const Receivable& rb = b.receivables[k];
            CHECK(rb.invoice == ro.invoice);
            CHECK(rb.amount == ro.amount);
            CHECK(rb.issued == ro.issued);
            CHECK(rb.due == ro.due);
            CHECK(paid_by(rb, today) == paid_by(ro, today));
            CHECK(open_amount(rb, today) == open_amount(ro, today));
        }
    }
}

}  // namespace

TEST_CASE("the ledger's bytes: BOM, CRLF, Chinese, guarded formulas, plain numbers", "[plan_csv][ledger]") {
    const std::string expected =
        "\xEF\xBB\xBF"
        "客户名称,客户分类,发票号,币种,金额,已收金额,未收金额,开票日期,到期日,逾期天数,账龄,阶段\r\n"
        "上海宏达机械有限公司,制造业,FP001,CNY,12345.67,2345.67,10000.00,2026-10-01,2026-10-31,31,逾期31–60天,进攻阶段\r\n"
        "上海宏达机械有限公司,制造业,FP002,CNY,500.00,0.00,500.00,2026-11-20,2026-12-20,-19,未到期,进攻阶段\r\n"
        "上海宏达机械有限公司,制造业,FP003,CNY,100.00,100.00,0.00,2026-11-01,2026-12-01,,已收清,进攻阶段\r\n"
        "\"'=HYPERLINK(\"\"http://x\"\")\",'-危险,,USD,,,,,,,,防御阶段\r\n"
        "\"Acme, Inc.\",,'+86-1,CNY,0.99,0.00,0.99,2026-06-30,2026-07-30,124,逾期90天以上,进攻阶段\r\n";
    CHECK(ledger_csv(small_plan(), kToday, Lang::zh) == expected);
}

TEST_CASE("the ledger's header in English", "[plan_csv][ledger]") {
    const std::string csv = ledger_csv(small_plan(), kToday, Lang::en);
    const std::string header = "\xEF\xBB\xBF" "Customer,Segment,Invoice No.,Currency,Amount,Paid,Open,Invoice date,Due date,Days past due,Ageing,Stage\r\n";
    CHECK(csv.substr(0, header.size()) == header);
    CHECK(csv.find(",1–30 days overdue,") == std::string::npos);
    CHECK(csv.find(",31–60 days overdue,Attack\r\n") != std::string::npos);
    CHECK(csv.find(",Settled,Attack\r\n") != std::string::npos);
    CHECK(csv.find(",,Defense\r\n") != std::string::npos);
}

TEST_CASE("an empty plan's ledger is its header", "[plan_csv][ledger]") {
    const std::string csv = ledger_csv({}, kToday, Lang::zh);
    CHECK(csv.substr(0, 3) == "\xEF\xBB\xBF");
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 1);
    CHECK(read_table(csv).rows.size() == 1);
}

TEST_CASE("the ledger reads back into the same accounts and amounts", "[plan_csv][ledger]") {
    for (const Lang lang : {Lang::zh, Lang::en}) {
        const Plan plan = small_plan();
        const Plan back = read_back(ledger_csv(plan, kToday, lang), kToday);
        check_same_ledger_content(plan, back, kToday);
    }
}

TEST_CASE("a generated plan's ledger reads back whole", "[plan_csv][ledger]") {
    const Plan plan = generated_plan(120, 1500, kToday, 11);
    REQUIRE(receivable_count(plan) == 1500);
    check_same_ledger_content(plan, read_back(ledger_csv(plan, kToday, Lang::en), kToday), kToday);
}

TEST_CASE("names with line breaks, quotes, commas and apostrophes survive the round trip", "[plan_csv][ledger]") {
    Plan plan;
    for (const std::string_view name : {"北京\"星河\",科技\r\n有限公司", "'=x", "''+1", "'Apostrophe", "@A"}) {
        Account a;
        a.id = "a" + std::to_string(plan.accounts.size());
        a.name = std::string(name);
        a.segment = "@互联网";
        a.receivables.push_back({"r", "INV\t7", 100, kToday, kToday, {}, ""});
        plan.accounts.push_back(a);
    }
    const std::string csv = ledger_csv(plan, kToday, Lang::zh);
    CHECK(csv.find("\r\n''=x,'@互联网,") != std::string::npos);
    CHECK(csv.find("\r\n'''+1,") != std::string::npos);
    CHECK(csv.find("\r\n'Apostrophe,") != std::string::npos);
    check_same_ledger_content(plan, read_back(csv, kToday), kToday);
}

TEST_CASE("importing a plan's own ledger into it changes no amount", "[plan_csv][ledger]") {
    const Plan plan = small_plan();
    const std::string csv = ledger_csv(plan, kToday, Lang::zh);
    const Table t = read_table(csv);
    const ImportPreview p = read_rows(plan, t, guess_columns(t, {}), kToday, "again");
    CHECK(p.errors.empty());
    CHECK(p.new_accounts == 0);
    CHECK(p.updated_accounts == 3);
    const Plan after = apply(plan, import_action(p));
    CHECK(after == plan);
}
