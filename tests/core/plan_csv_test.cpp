// The import's rows (plan_csv.h read_rows, import_action): what a good row becomes, where a
// bad row is reported (row and column as the spreadsheet numbers them), what is completed when
// a report leaves it out, and the plan's limits.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <ctime>

#include "core/calendar.h"
#include "core/plan_csv.h"
#include "core/plan_sample.h"
#include "fuzz/plan_import_property.h"

using namespace coach;

namespace {

// A day written as the import reads it (also at static initialisation: no test macros here).
Day day(std::string_view iso) { return read_date(iso).day.value_or(-99999); }
const Day kToday = day("2026-12-01");

// Errors as "row:column problem value", so a failure shows them whole.
std::vector<std::string> listed(const std::vector<RowError>& errors) {
    std::vector<std::string> out;
    for (const RowError& e : errors)
        out.push_back(std::to_string(e.row) + ":" + std::to_string(e.column) + " " + describe(e.problem, Lang::en) + " [" + e.value + "]");
    return out;
}
std::string error(std::size_t row, std::size_t column, RowProblem problem, std::string value) {
    return std::to_string(row) + ":" + std::to_string(column) + " " + describe(problem, Lang::en) + " [" + value + "]";
}

ImportPreview import(const Plan& plan, std::string_view csv, std::string_view seed = "s") {
    const Table t = read_table(csv);
    return read_rows(plan, t, guess_columns(t, plan.mapping), kToday, seed);
}

const Account& account_named(const Plan& plan, std::string_view name) {
    for (const Account& a : plan.accounts)
        if (a.name == name) return a;
    FAIL("no account " << name);
    return plan.accounts.front();
}

}  // namespace

TEST_CASE("good rows come back, each bad row is named by row, column and reason", "[plan_csv][rows]") {
    const ImportPreview p = import({},
                                   "应收账款明细表,,,,,\r\n"                              // 1
                                   "客户名称,发票号,开票日期,到期日,金额,已收金额\r\n"     // 2
                                   "A公司,F001,2026-10-01,2026-10-31,\"1,000.00\",200\r\n"  // 3
                                   ",F002,2026-10-01,2026-10-31,100,\r\n"                   // 4
                                   "B公司,F003,2026-13-01,2026-10-31,100,\r\n"              // 5
                                   "B公司,F004,2026-10-01,2026-09-30,100,\r\n"              // 6
                                   "B公司,F005,2026-10-01,2026-10-31,abc,50x\r\n"           // 7
                                   "B公司,F006,2026-10-01,2026-10-31,100,150\r\n"           // 8
                                   "A公司,F001,2026-11-01,2026-11-30,500,\r\n"              // 9
                                   "B公司,F007,03/04/2026,,100,\r\n"                        // 10
                                   "合计,,,,\"1,800.00\",\r\n"                              // 11
                                   ",,,,,\r\n"                                              // 12
                                   "C公司,F008,,,\"(50.00)\",\r\n"                          // 13
                                   "C公司,F009,2026-11-01,,1234.567,\r\n"                   // 14
                                   "C公司,F010,2026-11-01,,0,\r\n"                          // 15
                                   "C公司,,2026-11-01,,,\r\n"                               // 16
                                   "D公司,F011,2026-11-01,,300,\r\n");                      // 17
    CHECK(listed(p.errors) == std::vector<std::string>{
                                  error(4, 1, RowProblem::missing_account, ""),
                                  error(5, 3, RowProblem::bad_date, "2026-13-01"),
                                  error(6, 4, RowProblem::due_before_issue, "2026-09-30"),
                                  error(7, 5, RowProblem::bad_amount, "abc"),
                                  error(7, 6, RowProblem::bad_amount, "50x"),
                                  error(8, 6, RowProblem::paid_more_than_amount, "150"),
                                  error(9, 2, RowProblem::duplicate_invoice, "F001"),
                                  error(10, 3, RowProblem::ambiguous_date, "03/04/2026"),
                                  error(11, 1, RowProblem::total_row, "合计"),
                                  error(13, 5, RowProblem::negative_amount, "(50.00)"),
                                  error(14, 5, RowProblem::too_precise, "1234.567"),
                                  error(15, 5, RowProblem::zero_amount, "0"),
                                  error(16, 5, RowProblem::missing_amount, ""),
                              });
    REQUIRE(p.rows.size() == 2);
    CHECK(p.new_accounts == 2);
    CHECK(p.updated_accounts == 0);
    CHECK(p.receivables == 2);
    CHECK(p.fields.empty());  // no account field in this report

    const ImportedRow& a = p.rows[0];
    CHECK(a.row == 3);
    CHECK(a.account == "A公司");
    CHECK(a.fields.id == "s-a1");
    CHECK(a.fields.name == "A公司");
    CHECK(a.has_receivable);
    CHECK(a.receivable == Receivable{"s-r1", "F001", 100000, day("2026-10-01"), day("2026-10-31"), {{kToday, 20000, ""}}, ""});
    CHECK(p.rows[1].row == 17);
    CHECK(p.rows[1].fields.id == "s-a2");
    CHECK(p.rows[1].receivable.id == "s-r2");
    CHECK(p.rows[1].receivable.payments.empty());

    // What the preview promises applies as it is.
    const ImportAccounts action = import_action(p);
    REQUIRE(refusal({}, action) == PlanRefusal::none);
    const Plan after = apply({}, action);
    REQUIRE(after.accounts.size() == 2);
    CHECK(after.accounts[0].receivables.size() == 1);
    CHECK(open_amount(after.accounts[0].receivables[0], kToday) == 80000);
}

TEST_CASE("a column mapped twice is read from its first column; an unmapped account names no column", "[plan_csv][rows]") {
    const Table t = read_table("客户,金额,金额2\nA,1,2\n");
    ColumnMapping m = guess_columns(t, {});
    m.columns = {Field::account, Field::amount, Field::amount};
    ImportPreview p = read_rows({}, t, m, kToday, "s");
    REQUIRE(p.rows.size() == 1);
    CHECK(p.rows[0].receivable.amount == 100);
    m.columns = {Field::none, Field::amount, Field::none};
    p = read_rows({}, t, m, kToday, "s");
    CHECK(listed(p.errors) == std::vector<std::string>{error(2, 0, RowProblem::missing_account, "")});
}

TEST_CASE("names are trimmed; the ledger's formula guard is undone", "[plan_csv][rows]") {
    const ImportPreview p = import({}, "客户,金额\n  A公司　,1\n'=SUM(A1),2\n'-折扣客户,3\n'Apostrophe,4\n'''=x,5\n");
    REQUIRE(p.rows.size() == 5);
    CHECK(p.rows[0].account == "A公司");
    CHECK(p.rows[1].account == "=SUM(A1)");
    CHECK(p.rows[2].account == "-折扣客户");
    CHECK(p.rows[3].account == "'Apostrophe");
    CHECK(p.rows[4].account == "''=x");  // one apostrophe is the guard's, the others the name's
}

TEST_CASE("a report's total lines are reported, never accounts", "[plan_csv][rows]") {
    const ImportPreview p = import({}, "序号,客户名称,金额\n1,A公司,100\n,A公司 小计,100\n,合  计,100\n总计：,,100\n,Grand Total,100\n,TOTAL,1\n");
    CHECK(listed(p.errors) == std::vector<std::string>{
                                  error(3, 2, RowProblem::total_row, "A公司 小计"),
                                  error(4, 2, RowProblem::total_row, "合  计"),
                                  error(5, 1, RowProblem::total_row, "总计："),
                                  error(6, 2, RowProblem::total_row, "Grand Total"),
                                  error(7, 2, RowProblem::total_row, "TOTAL"),
                              });
    CHECK(p.rows.size() == 1);
}

TEST_CASE("missing dates are completed from the terms", "[plan_csv][rows]") {
    Plan plan;
    Account f;
    f.id = "old";
    f.name = "F";
    f.terms_days = 60;
    plan.accounts.push_back(f);
    const ImportPreview p = import(plan,
                                   "客户,金额,开票日期,到期日,账期\n"
                                   "A,100,2026-11-01,,45\n"      // its own terms
                                   "A,100,2026-11-02,,\n"        // the account's terms, from the row above
                                   "A,100,2026-11-03,,90\n"      // the first terms given win
                                   "B,100,2026-11-01,,\n"        // none given: 30
                                   "C,100,,,\n"                  // no dates: today and today + 30
                                   "D,100,,2026-10-01,\n"        // due given: issued its terms before
                                   "E,100,,2027-03-01,\n"        // ... but never after today
                                   "F,100,2026-11-01,,\n");      // an existing account's terms
    REQUIRE(p.errors.empty());
    REQUIRE(p.rows.size() == 8);
    const auto dates = [&](std::size_t i) { return std::pair{p.rows[i].receivable.issued, p.rows[i].receivable.due}; };
    CHECK(dates(0) == std::pair{day("2026-11-01"), day("2026-12-16")});
    CHECK(dates(1) == std::pair{day("2026-11-02"), day("2026-12-17")});
    CHECK(dates(2) == std::pair{day("2026-11-03"), day("2026-12-18")});
    CHECK(p.rows[2].fields.terms_days == 45);
    CHECK(dates(3) == std::pair{day("2026-11-01"), day("2026-12-01")});
    CHECK(dates(4) == std::pair{kToday, day("2026-12-31")});
    CHECK(dates(5) == std::pair{day("2026-09-01"), day("2026-10-01")});
    CHECK(dates(6) == std::pair{kToday, day("2027-03-01")});
    CHECK(dates(7) == std::pair{day("2026-11-01"), day("2026-12-31")});
    CHECK(p.rows[7].fields.terms_days == 60);
    CHECK(p.rows[7].fields.id == "old");
}

TEST_CASE("a due date past 2099 made from the terms is out of range", "[plan_csv][rows]") {
    const ImportPreview p = import({}, "客户,金额,开票日期,账期\nA,1,2099-12-20,30\n");
    CHECK(listed(p.errors) == std::vector<std::string>{error(2, 3, RowProblem::date_out_of_range, "2099-12-20")});
}

TEST_CASE("a paid amount is one payment, dated today and never before the invoice", "[plan_csv][rows]") {
    const ImportPreview p = import({}, "客户,发票号,金额,已收,开票日期\nA,1,100,40,2026-11-01\nA,2,100,0,2026-11-01\nA,3,100,100,2026-12-20\n");
    REQUIRE(p.rows.size() == 3);
    CHECK(p.rows[0].receivable.payments == std::vector<Payment>{{kToday, 4000, ""}});
    CHECK(p.rows[1].receivable.payments.empty());
    CHECK(p.rows[2].receivable.payments == std::vector<Payment>{{day("2026-12-20"), 10000, ""}});
}

TEST_CASE("an invoice number repeats across accounts, not within one", "[plan_csv][rows]") {
    const ImportPreview p = import({}, "客户,发票号,金额\nA,100,1\nB,100,1\nA,100,2\nA,,3\nA,,4\n");
    CHECK(listed(p.errors) == std::vector<std::string>{error(4, 2, RowProblem::duplicate_invoice, "100")});
    CHECK(p.rows.size() == 4);  // rows without a number are not duplicates of each other
}

TEST_CASE("account fields: the first row that gives one wins, an empty cell keeps the plan's", "[plan_csv][rows]") {
    Plan plan;
    Account a;
    a.id = "old-1";
    a.name = "A公司";
    a.segment = "制造业";
    a.terms_days = 60;
    a.credit_limit = 500000;
    a.notes = "老客户";
    a.receivables.push_back({"r0", "X0", 1000, day("2026-01-01"), day("2026-02-01"), {}, ""});
    plan.accounts.push_back(a);
    const ImportPreview p = import(plan,
                                   "客户名称,客户分类,账期,信用额度,发票号,金额,备注,份额,年采购潜力\n"
                                   "A公司,,,\"8,000\",X1,100,首批,,\n"
                                   "A公司,化工,45,,X2,200,,35%,\n"
                                   "A公司,贸易,30,,X3,300,,,\n"
                                   "新客户,贸易,,,,,新开户,0.4,\"1,000,000\"\n");
    REQUIRE(p.errors.empty());
    CHECK(p.fields == std::vector<Field>{Field::segment, Field::terms_days, Field::credit_limit, Field::potential, Field::share_percent,
                                         Field::notes});
    CHECK(p.updated_accounts == 1);
    CHECK(p.new_accounts == 1);
    CHECK(p.receivables == 3);
    REQUIRE(p.rows.size() == 4);
    for (std::size_t i = 0; i < 3; ++i) {
        const Account& f = p.rows[i].fields;
        CHECK(f.id == "old-1");
        CHECK(f.segment == "化工");
        CHECK(f.terms_days == 45);
        CHECK(f.credit_limit == 800000);
        CHECK(f.share_percent == 35);
        CHECK(f.notes == "老客户");  // notes on an invoice row are the invoice's
    }
    CHECK(p.rows[0].receivable.note == "首批");
    CHECK(p.rows[0].receivable.due == kToday + 45);
    const Account& n = p.rows[3].fields;
    CHECK_FALSE(p.rows[3].has_receivable);
    CHECK(n.id == "s-a1");
    CHECK(n.notes == "新开户");
    CHECK(n.share_percent == 40);
    CHECK(n.potential == 100000000);
    CHECK(n.terms_days == 30);

    const ImportAccounts action = import_action(p);
    REQUIRE(action.accounts.size() == 2);
    CHECK(action.accounts[0].receivables.size() == 3);
    CHECK(action.accounts[1].receivables.empty());
    REQUIRE(refusal(plan, action) == PlanRefusal::none);
    const Plan after = apply(plan, action);
    const Account& merged = account_named(after, "A公司");
    CHECK(merged.segment == "化工");
    CHECK(merged.terms_days == 45);
    CHECK(merged.credit_limit == 800000);
    CHECK(merged.notes == "老客户");
    CHECK(merged.receivables.size() == 4);
    CHECK(account_named(after, "新客户").segment == "贸易");
}

TEST_CASE("account fields that do not read are reported in their column", "[plan_csv][rows]") {
    const ImportPreview p = import({}, "客户,账期,份额,信用额度,年采购潜力\nA,月结30天,,,\nB,,120%,,\nC,,,-5,\nD,,,,很多\nE,Net 60,50,\"1,000\",\nF,3651,,,\n");
    CHECK(listed(p.errors) == std::vector<std::string>{
                                  error(2, 2, RowProblem::bad_number, "月结30天"),
                                  error(3, 3, RowProblem::bad_number, "120%"),
                                  error(4, 4, RowProblem::negative_amount, "-5"),
                                  error(5, 5, RowProblem::bad_number, "很多"),
                                  error(7, 2, RowProblem::bad_number, "3651"),
                              });
    REQUIRE(p.rows.size() == 1);
    CHECK(p.rows[0].fields.terms_days == 60);
    CHECK(p.rows[0].fields.share_percent == 50);
    CHECK(p.rows[0].fields.credit_limit == 100000);
}

TEST_CASE("terms and shares as reports write them", "[plan_csv][rows]") {
    const ImportPreview p = import({}, "客户,账期,份额\nA,30天,35.5%\nB,45 days,0.25\nC,N90,100\nD,60.0,0\n");
    REQUIRE(p.errors.empty());
    REQUIRE(p.rows.size() == 4);
    CHECK(p.rows[0].fields.terms_days == 30);
    CHECK(p.rows[0].fields.share_percent == 36);
    CHECK(p.rows[1].fields.terms_days == 45);
    CHECK(p.rows[1].fields.share_percent == 25);
    CHECK(p.rows[2].fields.terms_days == 90);
    CHECK(p.rows[2].fields.share_percent == 100);
    CHECK(p.rows[3].fields.terms_days == 60);
}

TEST_CASE("currencies: codes and names, one per account", "[plan_csv][rows]") {
    const ImportPreview p = import({}, "客户,币种,金额\nA,usd,100\nA,美元,50\nA,EUR,10\nB,XX1,10\nC,人民币,5\nD,,5\n");
    CHECK(listed(p.errors) == std::vector<std::string>{
                                  error(4, 2, RowProblem::mixed_currency, "EUR"),
                                  error(5, 2, RowProblem::bad_currency, "XX1"),
                              });
    REQUIRE(p.rows.size() == 4);
    CHECK(p.rows[0].fields.currency == "USD");
    CHECK(p.rows[2].fields.currency == "CNY");
    CHECK(p.rows[3].fields.currency == "CNY");
}

TEST_CASE("a customer list without invoices makes accounts only", "[plan_csv][rows]") {
    const ImportPreview p = import({}, "客户名称,行业,信用额度\nA公司,制造业,\"50,000\"\nB公司,化工,\n");
    REQUIRE(p.rows.size() == 2);
    CHECK_FALSE(p.rows[0].has_receivable);
    CHECK(p.receivables == 0);
    CHECK(p.new_accounts == 2);
    CHECK(p.rows[0].fields.credit_limit == 5000000);
    const ImportAccounts action = import_action(p);
    CHECK(apply({}, action).accounts.size() == 2);
}

TEST_CASE("texts beyond the plan's limits are refused in their column", "[plan_csv][rows]") {
    const std::string name200(200, 'N'), name201(201, 'N');
    const std::string chinese200 = [] {
        std::string s;
        for (int i = 0; i < 200; ++i) s += "名";
        return s;
    }();
    const std::string csv = "客户,行业,发票号,金额,备注\n" + name200 + ",,1,1,\n" + chinese200 + ",,1,1,\n" + name201 + ",,1,1,\n" + "A," +
                            name201 + ",1,1,\n" + "A,," + std::string(65, '9') + ",1,\n" + "A,,2,1," + std::string(2001, 'x') + "\n" + "A,," +
                            std::string(64, '9') + ",1," + std::string(2000, 'x') + "\n";
    const ImportPreview p = import({}, csv);
    CHECK(listed(p.errors) == std::vector<std::string>{
                                  error(4, 1, RowProblem::too_long, name201),
                                  error(5, 2, RowProblem::too_long, name201),
                                  error(6, 3, RowProblem::too_long, std::string(65, '9')),
                                  error(7, 5, RowProblem::too_long, std::string(2001, 'x')),
                              });
    CHECK(p.rows.size() == 3);
}

TEST_CASE("rows beyond the plan's account limit are refused, earlier ones go in", "[plan_csv][rows][limits]") {
    Plan plan;
    for (std::size_t i = 0; i + 1 < kPlanLimits.accounts; ++i) {
        Account a;
        a.id = "a" + std::to_string(i);
        a.name = "客户" + std::to_string(i);
        plan.accounts.push_back(std::move(a));
    }
    const ImportPreview p = import(plan, "客户,金额\n新一,1\n新二,1\n客户5,1\n新三,1\n新一,2\n");
    CHECK(listed(p.errors) == std::vector<std::string>{
                                  error(3, 0, RowProblem::over_limit, ""),
                                  error(5, 0, RowProblem::over_limit, ""),
                              });
    CHECK(p.new_accounts == 1);
    CHECK(p.updated_accounts == 1);
    CHECK(p.rows.size() == 3);
    const ImportAccounts action = import_action(p);
    REQUIRE(refusal(plan, action) == PlanRefusal::none);
    CHECK(apply(plan, action).accounts.size() == kPlanLimits.accounts);
}

TEST_CASE("rows beyond an account's receivables are refused; a replaced invoice adds none", "[plan_csv][rows][limits]") {
    Plan plan;
    Account a;
    a.id = "a";
    a.name = "A";
    for (std::size_t i = 0; i + 1 < kPlanLimits.receivables_per_account; ++i)
        a.receivables.push_back({"r" + std::to_string(i), "E" + std::to_string(i), 100, kToday, kToday, {}, ""});
    plan.accounts.push_back(std::move(a));
    const ImportPreview p = import(plan, "客户,发票号,金额\nA,E5,2\nA,N1,1\nA,N2,1\nA,E6,3\nB,N2,1\n");
    CHECK(listed(p.errors) == std::vector<std::string>{error(4, 0, RowProblem::over_limit, "")});
    CHECK(p.rows.size() == 4);
    const ImportAccounts action = import_action(p);
    REQUIRE(refusal(plan, action) == PlanRefusal::none);
    const Plan after = apply(plan, action);
    CHECK(after.accounts[0].receivables.size() == kPlanLimits.receivables_per_account);
}

TEST_CASE("rows beyond the plan's receivables are refused; accounts alone still go in", "[plan_csv][rows][limits]") {
    Plan plan;
    const std::size_t per = kPlanLimits.receivables_per_account;
    for (std::size_t i = 0; i < kPlanLimits.receivables / per; ++i) {
        Account a;
        a.id = "a" + std::to_string(i);
        a.name = "客户" + std::to_string(i);
        a.receivables.resize(per, Receivable{"", "", 100, kToday, kToday, {}, ""});
        for (std::size_t j = 0; j < per; ++j) a.receivables[j].id = "r" + std::to_string(j);
        plan.accounts.push_back(std::move(a));
    }
    REQUIRE(receivable_count(plan) == kPlanLimits.receivables);
    const ImportPreview p = import(plan, "客户,发票号,金额\n新客户,1,1\n新客户,,\n");
    CHECK(listed(p.errors) == std::vector<std::string>{error(2, 0, RowProblem::over_limit, "")});
    REQUIRE(p.rows.size() == 1);
    CHECK_FALSE(p.rows[0].has_receivable);
    CHECK(p.new_accounts == 1);
}

TEST_CASE("import_action groups the rows by account, in the order they came", "[plan_csv][rows]") {
    const ImportPreview p = import({}, "客户,发票号,金额\nB,1,1\nA,2,1\nB,3,1\n");
    const ImportAccounts action = import_action(p);
    REQUIRE(action.accounts.size() == 2);
    CHECK(action.accounts[0].name == "B");
    CHECK(action.accounts[0].id == "s-a1");
    CHECK(action.accounts[0].receivables.size() == 2);
    CHECK(action.accounts[0].receivables[1].invoice == "3");
    CHECK(action.accounts[1].name == "A");
    CHECK(action.accounts[1].id == "s-a2");
    CHECK(action.fields.empty());
}

TEST_CASE("the same report imported twice changes nothing the second time", "[plan_csv][rows]") {
    const std::string csv = "客户,发票号,金额,已收,开票日期,到期日\nA,1,100,40,2026-10-01,2026-10-31\nA,2,50,,2026-11-01,2026-12-01\n";
    const Plan once = apply({}, import_action(import({}, csv, "first")));
    const ImportPreview again = import(once, csv, "second");
    CHECK(again.updated_accounts == 1);
    CHECK(again.new_accounts == 0);
    const Plan twice = apply(once, import_action(again));
    CHECK(twice == once);
}

TEST_CASE("every problem and field has words in both languages", "[plan_csv]") {
    for (int i = 0; i <= static_cast<int>(RowProblem::mixed_currency); ++i)
        for (const Lang lang : {Lang::zh, Lang::en}) {
            const std::string words = describe(static_cast<RowProblem>(i), lang);
            CAPTURE(i);
            CHECK_FALSE(words.empty());
            CHECK(words.find("{}") == std::string::npos);
        }
    CHECK(describe(RowProblem::too_long, Lang::zh).find("200") != std::string::npos);
    CHECK(describe(RowProblem::over_limit, Lang::en).find("10000") != std::string::npos);
    for (int f = 0; f <= static_cast<int>(Field::notes); ++f) {
        CHECK_FALSE(field_name(static_cast<Field>(f), Lang::zh).empty());
        CHECK_FALSE(field_name(static_cast<Field>(f), Lang::en).empty());
    }
    CHECK(field_name(Field::account, Lang::zh) == "客户名称");
    CHECK(field_name(Field::invoice, Lang::en) == "Invoice No.");
}

TEST_CASE("the import of 50000 rows timed", "[.bench]") {
    // Wall time and this process's CPU time: on a shared machine the first includes waiting.
    const Plan plan = generated_plan(5000, 50000, kToday, 7);
    const std::string csv = ledger_csv(plan, kToday, Lang::zh);
    const auto wall = std::chrono::steady_clock::now();
    const std::clock_t cpu = std::clock();
    const Table t = read_table(csv);
    const std::clock_t read = std::clock();
    const ColumnMapping m = guess_columns(t, {});
    const std::clock_t guessed = std::clock();
    const ImportPreview p = read_rows({}, t, m, kToday, "bench");
    const std::clock_t done = std::clock();
    const double wall_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - wall).count();
    const auto ms = [](std::clock_t a, std::clock_t b) { return 1000.0 * static_cast<double>(b - a) / CLOCKS_PER_SEC; };
    std::printf("import of %zu rows (%zu KB), CPU: read_table %.1f ms, guess_columns %.1f ms, read_rows %.1f ms, total %.1f ms (wall %.1f ms)\n",
                t.rows.size() - 1, csv.size() / 1024, ms(cpu, read), ms(read, guessed), ms(guessed, done), ms(cpu, done), wall_ms);
    CHECK(p.errors.empty());
    CHECK(p.receivables == receivable_count(plan));
}

TEST_CASE("the fuzz target's property holds on awkward inputs", "[plan_csv][fuzz]") {
    using namespace std::string_literals;
    const std::string inputs[] = {
        "",
        "\"",
        "\xEF\xBB\xBF",
        ",,,\n,,,\n",
        "客户,金额\n'\t'=x,1\n''=y,2\n",
        "客户,金额\n\0,1\nA\0B,2\n"s,
        "\xFF\xFE客户,金额\n\xC3,1\nA\xE4\xBD,2\n",
        "客户,发票号,金额,已收,开票日期,到期日,账期,币种,份额\nA,1,100,100,2099-12-01,,3650,usd,0.999\nA,1,5,,,,,,\n",
        "Customer\tAmount\tPaid\n" + std::string(300, 'N') + "\t1\t2\n=cmd|' /C calc'!A0\t1\t0\n",
        "名称\n" + std::string(5000, ',') + "\n",
        "A公司,00012,2026/3/1,5000\rB公司,00013,2026/3/2,1200\r",
        "客户,金额,备注\nA,1,\"" + std::string(3000, 'x') + "\"\n",
        "客户,金额\n 小计 ,1\nSum,2\n",
    };
    for (const std::string& input : inputs) {
        CAPTURE(input.substr(0, 120));
        CHECK(fuzz::plan_import_property(input).empty());
    }
}
