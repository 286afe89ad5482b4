// The collection plan's dashboard and its import screen, drawn headless and driven by meaning
// as the page's mirror drives them: the status while the plan loads, the three ways to start
// an empty plan, the figures of a small plan built here (worked out by hand below) as the
// charts' names read them, the worked example loaded and cleared in one step, the exports,
// and an import of a CSV with a broken row through every step, as the page hands it over
// (plan_file_arrived), and a plan file restored after its confirmation.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "core/plan_csv.h"
#include "core/plan_store.h"
#include "headless.h"
#include "screen_checks.h"
#include "ui/plan_view.h"

using namespace coach;
using namespace coach::test;

namespace {

const Route kPlan{.screen = Screen::plan};
const Route kImport{.screen = Screen::plan_import};

// Today is 2025-11-26 (Headless's morning in Beijing), day 20418. Two accounts in CNY, one in USD:
//   华东机电: r1 ¥1,000.00 due 30 days ago (1–30), r2 ¥2,000.00 due in 20 days (not due); no payments.
//   南方电网: r3 ¥500.00 due 45 days ago, ¥200.00 paid 5 days ago (open ¥300.00, 31–60);
//             r4 ¥300.00 due 100 days ago (over 90); r5 ¥700.00 due in 100 days (not due).
//             Its habit: the one payment came 40 days after its due date, so 40 days late.
//   Acme: USD 100.00 due in 10 days, left out of the CNY totals.
// Ageing (CNY): not due 2,700.00; 1–30 1,000.00; 31–60 300.00; 61–90 0.00; over 90 300.00;
// open 4,300.00, overdue 1,600.00, ratio 37 %.
// Forecast, each expected on due + days late: r1 (30 days ago), r3 (5 days ago), r4 (60 days
// ago) are late: 1,600.00; r2 in 20 days, week 2 (days 14–20, from 2025-12-10): 2,000.00;
// r5 in 140 days, after the 12 weeks: 700.00.
// Overdue by account: 华东机电 1,000.00 (oldest 30 days), 南方电网 600.00 (oldest 100 days).
// Revenue in the last 365 days: 华东机电 3,000.00, 南方电网 1,500.00 (66.7 % and 100 %
// cumulative), so both accounts make 80 %.
constexpr Day kToday = 20418;
Plan sample_plan() {
    const Day t = kToday;
    Account a{.id = "a", .name = "华东机电", .receivables = {receivable("r1", 100000, t - 60, t - 30), receivable("r2", 200000, t - 10, t + 20)}};
    Account b{.id = "b",
              .name = "南方电网",
              .receivables = {receivable("r3", 50000, t - 75, t - 45, {Payment{.date = t - 5, .amount = 20000}}), receivable("r4", 30000, t - 130, t - 100),
                              receivable("r5", 70000, t, t + 100)}};
    Account c{.id = "c", .name = "Acme", .currency = "USD", .receivables = {receivable("c1", 10000, t - 20, t + 10)}};
    return Plan{.accounts = {a, b, c}};
}

// A report from an ERP: a header, two good rows and one whose amount is not a number.
constexpr const char* kReport =
    "客户名称,发票号,金额,开票日期,到期日\r\n"
    "华东机电,INV-001,\"1,000.00\",2025-10-01,2025-10-31\r\n"
    "南方电网,INV-002,abc,2025-10-05,2025-11-04\r\n"
    "南方电网,INV-003,500,2025-11-01,2025-12-01\r\n";

}  // namespace

TEST_CASE("the dashboard waits for the practice font and the plan, with one status line", "[plan-screens]") {
    Headless app;
    app.state.quizzes_loaded = false;
    app.state.plan.loaded = true;
    app.open(kPlan, Lang::en);
    CHECK(must_find(app, "plan.status").name == "Loading the collection plan…");
    CHECK(must_find(app, "plan.title").name == "Collection plan");
    CHECK(app.tree().find("plan-start-add") == nullptr);

    app.state.quizzes_loaded = true;
    app.state.plan.loaded = false;  // the records are still being read
    app.open(kPlan, Lang::zh);
    CHECK(must_find(app, "plan.status").name == "回款计划正在加载……");
    app.open(kImport, Lang::zh);
    CHECK(must_find(app, "plan.status").role == Role::status);
    CHECK(app.tree().find("plan-import-pick") == nullptr);

    app.state.plan.loaded = true;
    app.open(kPlan, Lang::zh);
    CHECK(app.tree().find("plan.status") == nullptr);
}

TEST_CASE("an empty plan says what it is for and offers three ways to start", "[plan-screens]") {
    for (Lang lang : {Lang::zh, Lang::en}) {
        Headless app;
        with_plan(app, {});
        app.open(kPlan, lang);
        check_well_formed(app.tree());
        CHECK(must_find(app, "plan.intro").name == tr(Msg::dash_intro, lang));
        CHECK(must_find(app, "plan-start-add").name == tr(Msg::dash_add_account, lang));
        CHECK(must_find(app, "plan-start-import").name == tr(Msg::dash_import_open, lang));
        CHECK(must_find(app, "plan-start-example").name == tr(Msg::dash_load_example, lang));
        CHECK(app.tree().find("plan-ageing") == nullptr);  // no figures without accounts

        REQUIRE(app.activate("plan-start-add"));
        CHECK(app.state.nav.here() == Route{.screen = Screen::account});  // no account named: a new one
        app.open(kPlan, lang);
        REQUIRE(app.activate("plan-start-import"));
        CHECK(app.state.nav.here() == kImport);
    }
}

TEST_CASE("the dashboard's figures of a small plan, worked out by hand", "[plan-screens]") {
    Headless app;
    REQUIRE(ui::plan_today(app.state) == kToday);
    with_plan(app, sample_plan());

    app.open(kPlan, Lang::en);
    check_well_formed(app.tree());
    CHECK(must_find(app, "plan.as-of").name.rfind("As of 26 Nov 2025 · 3 accounts", 0) == 0);
    CHECK(must_find(app, "plan-total-open").name == "Open CNY 4,300.00");
    CHECK(must_find(app, "plan-total-overdue").name == "Overdue CNY 1,600.00");
    CHECK(must_find(app, "plan-total-ratio").name == "Overdue ratio 37%");
    const long dso = std::lround(dso_countback(app.state.plan.plan, "CNY", kToday));
    CHECK(must_find(app, "plan-total-dso").name == "Days sales outstanding (DSO) " + std::to_string(dso) + " days");
    CHECK(must_find(app, "plan.other-currency").name == "1 more accounts use other currencies and are not in these totals (totals are in CNY).");

    const ViewNode& ageing = must_find(app, "plan-ageing");
    CHECK(ageing.role == Role::figure);
    CHECK(ageing.name ==
          "Ageing: Not due CNY 2,700.00; 1–30 days overdue CNY 1,000.00; 31–60 days overdue CNY 300.00; 61–90 days overdue CNY 0.00; "
          "Over 90 days overdue CNY 300.00");
    const ViewNode& forecast = must_find(app, "plan-forecast");
    CHECK(forecast.role == Role::figure);
    CHECK(forecast.name ==
          "Cash expected in the next 12 weeks: Should have come in by now CNY 1,600.00; Week of 26 Nov 2025 CNY 0.00; "
          "Week of 3 Dec 2025 CNY 0.00; Week of 10 Dec 2025 CNY 2,000.00; Week of 17 Dec 2025 CNY 0.00; Week of 24 Dec 2025 CNY 0.00; "
          "Week of 31 Dec 2025 CNY 0.00; Week of 7 Jan 2026 CNY 0.00; Week of 14 Jan 2026 CNY 0.00; Week of 21 Jan 2026 CNY 0.00; "
          "Week of 28 Jan 2026 CNY 0.00; Week of 4 Feb 2026 CNY 0.00; Week of 11 Feb 2026 CNY 0.00; After 12 weeks CNY 700.00");

    // The most overdue first, each opening its account.
    CHECK(child_ids(app.tree(), "plan-top") == std::vector<std::string>{"plan-top-a", "plan-top-b"});
    CHECK(must_find(app, "plan-top-a").name == "华东机电: CNY 1,000.00 overdue, oldest 30 days");
    CHECK(must_find(app, "plan-top-b").name == "南方电网: CNY 600.00 overdue, oldest 100 days");
    CHECK(must_find(app, "plan.pareto-about").name == "In the last 365 days, 2 accounts made 80% of revenue (of 2 accounts with revenue).");
    CHECK(must_find(app, "plan-pareto-1").name == "1. 华东机电 CNY 3,000.00 · cumulative 67%");
    CHECK(must_find(app, "plan-pareto-2").name == "2. 南方电网 CNY 1,500.00 · cumulative 100%");
    CHECK(app.tree().find("plan-clear-example") == nullptr);  // no example accounts
    REQUIRE(app.activate("plan-top-b"));
    CHECK(app.state.nav.here() == Route{.screen = Screen::account, .account = "b"});

    app.open(kPlan, Lang::zh);
    check_well_formed(app.tree());
    CHECK(must_find(app, "plan-ageing").name ==
          "账龄：未到期 ¥2,700.00；逾期 1–30 天 ¥1,000.00；逾期 31–60 天 ¥300.00；逾期 61–90 天 ¥0.00；逾期 90 天以上 ¥300.00");
    const std::string zh_forecast = must_find(app, "plan-forecast").name;
    CHECK(zh_forecast.rfind("未来 12 周预计回款：早该到账、还没收到 ¥1,600.00；2025-11-26 起的一周 ¥0.00；", 0) == 0);
    CHECK(zh_forecast.find("；2025-12-10 起的一周 ¥2,000.00；") != std::string::npos);
    CHECK(zh_forecast.ends_with("；2026-02-11 起的一周 ¥0.00；12 周以后 ¥700.00"));
    CHECK(must_find(app, "plan-total-ratio").name == "逾期比例 37%");
    CHECK(must_find(app, "plan-top-a").name == "华东机电：逾期 ¥1,000.00，最久 30 天");

    SECTION("the ledger and the whole plan as downloads") {
        REQUIRE(app.activate("plan-export-ledger"));
        REQUIRE(app.effects().download.has_value());
        CHECK(app.effects().download->suffix == "-ledger");
        CHECK(app.effects().download->extension == "csv");
        CHECK(app.effects().download->type == "text/csv;charset=utf-8");
        const std::string& csv = app.effects().download->text;
        CHECK(csv.rfind("\xEF\xBB\xBF", 0) == 0);  // Excel and WPS read it as UTF-8
        std::string ledger = ledger_csv(app.state.plan.plan, kToday, Lang::zh);
        if (ledger.rfind("\xEF\xBB\xBF", 0) != 0) ledger.insert(0, "\xEF\xBB\xBF");
        CHECK(csv == ledger);
        REQUIRE(app.activate("plan-export-plan"));
        REQUIRE(app.effects().download.has_value());
        CHECK(app.effects().download->suffix == "-plan");
        CHECK(app.effects().download->extension == "json");
        CHECK(app.effects().download->text == write_plan_file(app.state.plan.plan));
    }
}

TEST_CASE("the dashboard fits a 360 px phone at 200 % text", "[plan-screens]") {
    Headless app(360, 740);
    change(app.state.store, SetReading{{200, ""}});
    Plan plan = sample_plan();
    plan.accounts[2].example = true;  // so the question about clearing the example shows too
    with_plan(app, plan);
    for (Lang lang : {Lang::zh, Lang::en}) {
        INFO(lang_code(lang));
        app.open(kPlan, lang);
        check_fits(app.tree(), 360);
        REQUIRE(app.activate("plan-clear-example"));
        REQUIRE(app.tree().find("plan-clear-yes") != nullptr);
        check_fits(app.tree(), 360);
        REQUIRE(app.activate("plan-clear-no"));
        app.open(kImport, lang);
        check_fits(app.tree(), 360);
        ui::plan_file_arrived(app.state, "report.csv", kReport, "UTF-8");
        app.draw();
        check_fits(app.tree(), 360);
        REQUIRE(app.activate("plan-import-preview"));
        check_fits(app.tree(), 360);
        app.state.plan_view.import = {};
    }
}

TEST_CASE("the worked example loads beside the learner's own accounts and clears in one step", "[plan-screens]") {
    for (Lang lang : {Lang::zh, Lang::en}) {
        Headless app;
        with_plan(app, {});
        app.open(kPlan, lang);
        REQUIRE(app.activate("plan-start-example"));
        const Plan& plan = app.state.plan.plan;
        REQUIRE(plan.accounts.size() == 3);
        CHECK(std::all_of(plan.accounts.begin(), plan.accounts.end(), [](const Account& a) { return a.example; }));
        CHECK(app.tree().find("plan-ageing") != nullptr);  // the dashboard now shows its figures

        // The learner adds an account of their own; clearing the example keeps it.
        Plan mine = plan;
        mine.accounts.push_back(Account{.id = "own", .name = "我的客户", .receivables = {receivable("o1", 12300, kToday - 40, kToday - 10)}});
        with_plan(app, mine);
        app.draw();
        REQUIRE(app.activate("plan-clear-example"));
        CHECK(app.state.plan.plan.accounts.size() == 4);  // it asks first
        check_well_formed(app.tree());
        CHECK(must_find(app, "plan-clear.text").name == format(tr(Msg::dash_clear_confirm, lang), {"3"}));
        CHECK(app.focus_requested() == "plan-clear-yes");
        REQUIRE(app.activate("plan-clear-no"));
        CHECK(app.state.plan.plan.accounts.size() == 4);
        CHECK(app.tree().find("plan-clear-yes") == nullptr);

        REQUIRE(app.activate("plan-clear-example"));
        REQUIRE(app.activate("plan-clear-yes"));
        REQUIRE(app.state.plan.plan.accounts.size() == 1);
        CHECK(app.state.plan.plan.accounts[0].id == "own");
        CHECK(app.tree().find("plan-clear-example") == nullptr);
    }
}

TEST_CASE("an ERP report with a broken row: mapped, previewed with the row's error, the good rows imported", "[plan-screens]") {
    for (Lang lang : {Lang::zh, Lang::en}) {
        INFO(lang_code(lang));
        Headless app;
        with_plan(app, Plan{.accounts = {Account{.id = "x", .name = "华东机电", .terms_days = 45}}});
        app.open(kImport, lang);
        check_well_formed(app.tree());
        CHECK(must_find(app, "plan-import.title").name == tr(Msg::dash_import_export, lang));
        REQUIRE(app.activate("plan-import-pick"));
        CHECK(app.effects().pick_plan_file);
        REQUIRE(app.activate("plan-import-paste"));
        CHECK(app.effects().paste_plan);

        // The page read the file and decoded it.
        ui::plan_file_arrived(app.state, "应收报表.csv", kReport, "GB18030");
        app.draw();
        check_well_formed(app.tree());
        CHECK(app.state.plan_view.import.step == ui::ImportStep::map);
        CHECK(app.focus_requested() == "plan-import.map");
        CHECK(must_find(app, "plan-import.source").name == format(tr(Msg::imp_source, lang), {"应收报表.csv", "GB18030", "3"}));
        CHECK(must_find(app, "plan-import-header").state.checked == true);
        const std::vector<Field> guessed{Field::account, Field::invoice, Field::amount, Field::issued, Field::due};
        CHECK(app.state.plan_view.import.mapping.columns == guessed);
        CHECK(must_find(app, "plan-column-3").name == format(tr(Msg::imp_column_choice, lang), {"3", "金额", field_name(Field::amount, lang)}));
        CHECK(must_find(app, "plan-column-3.samples").name ==
              format(tr(Msg::imp_samples, lang), {std::string("1,000.00") + std::string(tr(Msg::class_and, lang)) + "abc" +
                                                  std::string(tr(Msg::class_and, lang)) + "500"}));

        // A column's choice opens as a radio group; choosing closes it.
        REQUIRE(app.activate("plan-column-2"));
        CHECK(must_find(app, "plan-column-2").state.expanded == true);
        CHECK(must_find(app, "plan-column-2-fields").role == Role::radiogroup);
        CHECK(must_find(app, "plan-column-2-invoice").state.checked == true);
        REQUIRE(app.activate("plan-column-2-notes"));
        CHECK(app.state.plan_view.import.mapping.columns[1] == Field::notes);
        CHECK(app.tree().find("plan-column-2-fields") == nullptr);
        REQUIRE(app.activate("plan-column-2"));
        REQUIRE(app.activate("plan-column-2-invoice"));
        CHECK(app.state.plan_view.import.mapping.columns == guessed);

        REQUIRE(app.activate("plan-import-preview"));
        CHECK(app.state.plan_view.import.step == ui::ImportStep::preview);
        check_well_formed(app.tree());
        // 华东机电 is there already (updated), 南方电网 is new; its row 3 is broken.
        CHECK(must_find(app, "plan-import.counts").name == format(tr(Msg::imp_preview_counts, lang), {"1", "1", "2"}));
        CHECK(must_find(app, "plan-import.errors-heading").name == format(tr(Msg::imp_preview_errors, lang), {"1", "1"}));
        CHECK(child_ids(app.tree(), "plan-errors") == std::vector<std::string>{"plan-error-1"});
        CHECK(must_find(app, "plan-error-1").name ==
              format(tr(Msg::imp_error_cell, lang), {"3", "3", "金额", describe(RowProblem::bad_amount, lang), "abc"}));
        CHECK(child_ids(app.tree(), "plan-preview") == std::vector<std::string>{"plan-preview-row-2", "plan-preview-row-4"});
        CHECK(must_find(app, "plan-preview").role == Role::table);
        CHECK(must_find(app, "plan-preview-row-2").role == Role::row);
        CHECK(must_find(app, "plan-preview-row-2.c1.text").name == "华东机电");
        CHECK(must_find(app, "plan-preview-row-2.c3.text").name == ui::format_money(100000, "CNY", lang));
        CHECK(must_find(app, "plan-import-go").name == format(tr(Msg::imp_rows, lang), {"2"}));

        REQUIRE(app.activate("plan-import-go"));
        CHECK(app.state.plan_view.import.step == ui::ImportStep::done);
        CHECK(must_find(app, "plan-import.done").name == format(tr(Msg::imp_done, lang), {"2", "1", "1", "2"}));
        const Plan& plan = app.state.plan.plan;
        REQUIRE(plan.accounts.size() == 2);
        CHECK(plan.accounts[0].name == "华东机电");
        CHECK(plan.accounts[0].terms_days == 45);  // the report carried no terms: the learner's stay
        REQUIRE(plan.accounts[0].receivables.size() == 1);
        CHECK(plan.accounts[0].receivables[0].invoice == "INV-001");
        CHECK(plan.accounts[0].receivables[0].amount == 100000);
        CHECK(plan.accounts[1].name == "南方电网");
        REQUIRE(plan.accounts[1].receivables.size() == 1);  // INV-002 stayed out
        CHECK(plan.accounts[1].receivables[0].invoice == "INV-003");
        CHECK(plan.accounts[1].receivables[0].amount == 50000);
        // The mapping is remembered, so the next report from the same ERP maps itself.
        CHECK(plan.mapping == mapping_to_remember(app.state.plan_view.import.table, app.state.plan_view.import.mapping));
        CHECK_FALSE(plan.mapping.empty());

        REQUIRE(app.activate("plan-import-again"));
        CHECK(app.state.plan_view.import.step == ui::ImportStep::choose);
        CHECK(app.tree().find("plan-import-export-ledger") != nullptr);  // export here too, once there is a plan
    }
}

TEST_CASE("a block pasted from Excel without a header, and files that cannot be read", "[plan-screens]") {
    Headless app;
    with_plan(app, {});
    app.open(kImport, Lang::en);
    ui::plan_file_arrived(app.state, "clipboard", "华东机电\tINV-9\t88.5\t2025-11-01\t2025-12-01\n", "UTF-8");
    app.draw();
    CHECK(app.state.plan_view.import.step == ui::ImportStep::map);
    CHECK_FALSE(app.state.plan_view.import.mapping.header_row);  // the first row is data
    CHECK(must_find(app, "plan-import-header").state.checked == false);
    CHECK(must_find(app, "plan-column-1").name.rfind("Column 1: ", 0) == 0);
    CHECK(must_find(app, "plan-column-1.samples").name == "First values: 华东机电");
    REQUIRE(app.activate("plan-import-header"));  // the learner says otherwise: the row names the columns
    CHECK(app.state.plan_view.import.mapping.header_row);
    CHECK(must_find(app, "plan-column-1").name.rfind("Column 1 (华东机电): ", 0) == 0);
    CHECK(must_find(app, "plan-column-1.samples").name == "(this column is empty)");

    // An ERP report opens with its title: the header is found below it, and the title stays out.
    ui::plan_file_arrived(app.state, "ar.csv", std::string("应收账款明细表 2025年11月\n") + kReport, "UTF-8");
    app.draw();
    CHECK(must_find(app, "plan-import.title-rows").name == "The first 1 rows are the report’s title and stay out.");
    CHECK(must_find(app, "plan-column-3").name.rfind("Column 3 (金额): ", 0) == 0);
    CHECK(must_find(app, "plan-import.source").name == "ar.csv · UTF-8 · 3 data rows");

    ui::plan_file_arrived(app.state, "empty.csv", "\r\n\r\n", "UTF-8");
    app.draw();
    CHECK(app.state.plan_view.import.step == ui::ImportStep::choose);
    CHECK(must_find(app, "plan-import.problem").role == Role::alert);
    CHECK(must_find(app, "plan-import.problem.text").name == "empty.csv has nothing in it.");

    ui::plan_file_arrived(app.state, "broken.json", "{\"app\": ", "UTF-8");
    app.draw();
    CHECK(app.state.plan_view.import.step == ui::ImportStep::choose);
    CHECK(must_find(app, "plan-import.problem.text").name.rfind("Could not read broken.json: ", 0) == 0);

    ui::plan_paste_refused(app.state, "NotAllowedError");
    app.draw();
    CHECK(must_find(app, "plan-import.problem.text").name == tr(Msg::imp_paste_refused, Lang::en));
    CHECK(must_find(app, "plan-import.problem.detail").name == "Technical detail: NotAllowedError");
}

TEST_CASE("a plan file restores everything after one confirmation", "[plan-screens]") {
    for (Lang lang : {Lang::zh, Lang::en}) {
        Headless app;
        with_plan(app, Plan{.accounts = {Account{.id = "old", .name = "旧客户"}}});
        const Plan saved = sample_plan();
        app.open(kImport, lang);
        ui::plan_file_arrived(app.state, "collection-coach-2025-11-20-plan.json", write_plan_file(saved), "UTF-8");
        app.draw();
        check_well_formed(app.tree());
        CHECK(app.state.plan_view.import.step == ui::ImportStep::restore);
        CHECK(must_find(app, "plan-import.restore-about").name ==
              format(tr(Msg::imp_restore_about, lang), {"collection-coach-2025-11-20-plan.json", "3", "6", "1"}));
        CHECK(app.state.plan.plan.accounts.size() == 1);  // nothing changes before the learner confirms

        REQUIRE(app.activate("plan-restore-no"));
        CHECK(app.state.plan_view.import.step == ui::ImportStep::choose);
        CHECK(app.state.plan.plan.accounts.size() == 1);

        ui::plan_file_arrived(app.state, "plan.json", write_plan_file(saved), "UTF-8");
        app.draw();
        REQUIRE(app.activate("plan-restore-yes"));
        CHECK(app.state.plan.plan == saved);
        CHECK(must_find(app, "plan-import.done").name == format(tr(Msg::imp_restored, lang), {"3"}));
        REQUIRE(app.activate("plan-import-dashboard"));
        CHECK(app.state.nav.here() == kPlan);
    }
}
