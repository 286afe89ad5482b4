// The collection plan's account list and account page, drawn headless in both languages and
// driven by meaning as the page's mirror drives them: the table's rows and cells with their
// formatted values (the small plan below is worked out by hand), sorting by a header, the
// bucket and stage filters, search in Chinese, the clipped table at 5,000 accounts (only the
// rows on screen are published, and the table says which), the keyboard moving between rows,
// and an account, a receivable and a part payment entered through the forms with the figures
// following; a refused save says why.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/plan_sample.h"
#include "core/plan_store.h"
#include "headless.h"
#include "screen_checks.h"
#include "ui/plan_view.h"
#include "ui/ui_table.h"

using namespace coach;
using namespace coach::test;

namespace {

const Route kList{.screen = Screen::accounts};
Route account_route(std::string id) { return Route{.screen = Screen::account, .account = std::move(id)}; }

// Today is 2025-11-26 (Headless's morning in Beijing), day 20418.
//   华东机电 (a): share 30 % (attack), credit limit ¥5,000.00, terms 30 days.
//     r1 ¥1,000.00 due 30 days ago (1–30 days), r2 ¥2,000.00 due in 20 days (not due).
//     Open ¥3,000.00, overdue ¥1,000.00, oldest 30 days, credit used 3,000 / 5,000 = 60 %.
//   南方电网 (b): share 60 % (defense), no credit limit.
//     r3 ¥500.00 due 45 days ago with ¥200.00 paid 5 days ago: open ¥300.00 (31–60 days);
//     r4 ¥300.00 due 100 days ago (over 90); r5 ¥700.00 due in 100 days (not due).
//     Open ¥1,300.00, overdue ¥600.00, oldest 100 days, overdue ratio 600 / 1,300 = 46 %.
//   Acme (c): USD 100.00 due in 10 days; nothing overdue.
constexpr Day kToday = 20418;
Plan sample_plan() {
    const Day t = kToday;
    Account a{.id = "a", .name = "华东机电", .segment = "机械制造", .share_percent = 30, .credit_limit = 500000,
              .receivables = {receivable("r1", 100000, t - 60, t - 30), receivable("r2", 200000, t - 10, t + 20)}};
    Account b{.id = "b", .name = "南方电网", .segment = "电力", .share_percent = 60,
              .receivables = {receivable("r3", 50000, t - 75, t - 45, {Payment{.date = t - 5, .amount = 20000}}), receivable("r4", 30000, t - 130, t - 100),
                              receivable("r5", 70000, t, t + 100)}};
    Account c{.id = "c", .name = "Acme", .currency = "USD", .receivables = {receivable("c1", 10000, t - 20, t + 10)}};
    return Plan{.accounts = {a, b, c}};
}

// The ids of a table's data rows as published, in order (the header row left out).
std::vector<std::string> rows_of(const Headless& app, const std::string& table) {
    std::vector<std::string> out;
    for (const std::string& id : child_ids(app.tree(), table))
        if (id != table + ".head") out.push_back(id);
    return out;
}

std::string cell(const Headless& app, const std::string& table, const std::string& key, const std::string& column) {
    return must_find(app, ui::table_row_id(table, key) + "." + column).name;
}

void type(Headless& app, const std::string& id, const std::string& text) {
    const int end = static_cast<int>(text.size());
    app.input.edits[id] = ui::FieldEdit{text, end, end, ""};
}

void press(Headless& app, ImGuiKey key) {
    ImGui::GetIO().AddKeyEvent(key, true);
    app.draw(1);
    ImGui::GetIO().AddKeyEvent(key, false);
    app.draw(1);
}

}  // namespace

TEST_CASE("the account screens wait for the practice font and the plan", "[plan-accounts]") {
    Headless app;
    app.state.quizzes_loaded = false;
    app.state.plan.loaded = true;
    for (const Route& route : {kList, account_route("a")}) {
        app.open(route, Lang::en);
        CHECK(must_find(app, "plan.status").name == "Loading the collection plan…");
        CHECK(must_find(app, "plan.status").role == Role::status);
        check_well_formed(app.tree());
    }
    CHECK(app.tree().title == "Account");
    app.state.quizzes_loaded = true;
    app.state.plan.loaded = false;
    app.open(kList, Lang::zh);
    CHECK(must_find(app, "plan.status").name == "回款计划正在加载……");
    CHECK(app.tree().find("accounts-table") == nullptr);
    // The practice could not be loaded: the screens draw anyway (the background font has the characters).
    app.state.quizzes_loaded = false;
    app.state.quizzes_problem = "network";
    app.state.plan.loaded = true;
    app.open(kList, Lang::zh);
    CHECK(app.tree().find("plan.status") == nullptr);
}

TEST_CASE("an empty plan offers three ways in, and the worked example fills the list", "[plan-accounts]") {
    for (Lang lang : {Lang::zh, Lang::en}) {
        Headless app;
        with_plan(app, {});
        app.open(kList, lang);
        check_well_formed(app.tree());
        CHECK(must_find(app, "accounts.empty").name == tr(Msg::accounts_empty, lang));
        CHECK(app.tree().find("accounts-table") == nullptr);
        REQUIRE(app.activate("accounts-import"));
        CHECK(app.state.nav.here() == Route{.screen = Screen::plan_import});
        app.open(kList, lang);
        REQUIRE(app.activate("accounts-add"));
        CHECK(app.state.nav.here() == Route{.screen = Screen::account});
        app.open(kList, lang);
        REQUIRE(app.activate("accounts-example"));
        REQUIRE(app.state.plan.plan.accounts.size() == 3);
        CHECK(std::all_of(app.state.plan.plan.accounts.begin(), app.state.plan.plan.accounts.end(), [](const Account& a) { return a.example; }));
        CHECK(rows_of(app, "accounts-table").size() == 3);
    }
}

TEST_CASE("the list's rows and cells, in both languages, worked out by hand", "[plan-accounts]") {
    Headless app(1000, 900);  // wide: every column shows
    with_plan(app, sample_plan());
    app.open(kList, Lang::zh);
    check_well_formed(app.tree());
    const ViewNode& table = must_find(app, "accounts-table");
    CHECK(table.role == Role::table);
    CHECK(table.name == "客户列表");
    CHECK(table.state.value_text == "第 1–3 行，共 3 行");
    CHECK(must_find(app, "accounts.count").name == "3 个客户");
    // Most overdue first (the default order).
    CHECK(rows_of(app, "accounts-table") == std::vector<std::string>{"accounts-table.row.a", "accounts-table.row.b", "accounts-table.row.c"});
    CHECK(child_ids(app.tree(), "accounts-table.head") ==
          std::vector<std::string>{"accounts-table.head.name", "accounts-table.head.open", "accounts-table.head.overdue", "accounts-table.head.oldest",
                                   "accounts-table.head.stage", "accounts-table.head.credit"});
    const ViewNode& row = must_find(app, "accounts-table.row.a");
    CHECK(row.role == Role::row);
    CHECK(row.description == "第 1 行，共 3 行");
    CHECK(must_find(app, "accounts-table.row.a.name").role == Role::cell);
    CHECK(cell(app, "accounts-table", "a", "name") == "华东机电");
    CHECK(cell(app, "accounts-table", "a", "open") == "¥3,000.00");
    CHECK(cell(app, "accounts-table", "a", "overdue") == "¥1,000.00");
    CHECK(cell(app, "accounts-table", "a", "oldest") == "30 天");
    CHECK(cell(app, "accounts-table", "a", "stage") == "进攻");
    CHECK(cell(app, "accounts-table", "a", "credit") == "60%");
    CHECK(cell(app, "accounts-table", "b", "open") == "¥1,300.00");
    CHECK(cell(app, "accounts-table", "b", "overdue") == "¥600.00");
    CHECK(cell(app, "accounts-table", "b", "oldest") == "100 天");
    CHECK(cell(app, "accounts-table", "b", "stage") == "防御");
    CHECK(cell(app, "accounts-table", "b", "credit") == "未设额度");
    CHECK(cell(app, "accounts-table", "c", "open") == "USD 100.00");
    CHECK(cell(app, "accounts-table", "c", "overdue") == "USD 0.00");
    // Each row opens its account by its name, a button Tab reaches.
    const ViewNode& open = must_find(app, ui::table_open_id("accounts-table", "b"));
    CHECK(open.role == Role::button);
    CHECK(open.name == "南方电网");
    CHECK(open.description == "打开客户");
    // The sorted column says so; the stage column does not sort.
    const ViewNode& overdue = must_find(app, ui::table_sort_id("accounts-table", "overdue"));
    CHECK(overdue.state.selected);
    CHECK(overdue.state.value_text == "降序");
    CHECK_FALSE(must_find(app, ui::table_sort_id("accounts-table", "open")).state.selected);
    CHECK(app.tree().find(ui::table_sort_id("accounts-table", "stage")) == nullptr);

    app.open(kList, Lang::en);
    check_well_formed(app.tree());
    CHECK(must_find(app, "accounts-table").state.value_text == "rows 1–3 of 3");
    CHECK(must_find(app, "accounts.count").name == "3 accounts");
    CHECK(cell(app, "accounts-table", "a", "open") == "CNY 3,000.00");
    CHECK(cell(app, "accounts-table", "a", "oldest") == "30 days");
    CHECK(cell(app, "accounts-table", "b", "stage") == "Defense");
    CHECK(cell(app, "accounts-table", "b", "credit") == "No limit");
    CHECK(must_find(app, ui::table_sort_id("accounts-table", "overdue")).state.value_text == "descending");
    CHECK(must_find(app, ui::table_sort_id("accounts-table", "overdue")).description == "sorted descending");

    REQUIRE(app.activate(ui::table_open_id("accounts-table", "b")));
    CHECK(app.state.nav.here() == account_route("b"));
}

TEST_CASE("a header sorts, a second tap turns the order round", "[plan-accounts]") {
    Headless app(1000, 900);
    with_plan(app, sample_plan());
    app.open(kList, Lang::en);
    REQUIRE(app.activate(ui::table_sort_id("accounts-table", "name")));
    // Names A to Z by their characters: Acme, then 华 (U+534E) before 南 (U+5357).
    CHECK(rows_of(app, "accounts-table") == std::vector<std::string>{"accounts-table.row.c", "accounts-table.row.a", "accounts-table.row.b"});
    const ViewNode& name = must_find(app, ui::table_sort_id("accounts-table", "name"));
    CHECK(name.state.selected);
    CHECK(name.state.value_text == "ascending");
    CHECK_FALSE(must_find(app, ui::table_sort_id("accounts-table", "overdue")).state.selected);
    REQUIRE(app.activate(ui::table_sort_id("accounts-table", "name")));
    CHECK(rows_of(app, "accounts-table") == std::vector<std::string>{"accounts-table.row.b", "accounts-table.row.a", "accounts-table.row.c"});
    CHECK(must_find(app, ui::table_sort_id("accounts-table", "name")).state.value_text == "descending");
    // Oldest overdue: a new column starts with the largest.
    REQUIRE(app.activate(ui::table_sort_id("accounts-table", "oldest")));
    CHECK(rows_of(app, "accounts-table").front() == "accounts-table.row.b");
    REQUIRE(app.activate(ui::table_sort_id("accounts-table", "credit")));
    CHECK(rows_of(app, "accounts-table").front() == "accounts-table.row.a");  // the only one with a limit
}

TEST_CASE("the list filters by bucket and stage and finds Chinese text", "[plan-accounts]") {
    Headless app;
    with_plan(app, sample_plan());
    app.open(kList, Lang::zh);
    CHECK(must_find(app, "accounts.bucket").role == Role::radiogroup);
    CHECK(must_find(app, "accounts.bucket.all").state.checked == true);

    REQUIRE(app.activate("accounts.bucket.over-90"));
    CHECK(must_find(app, "accounts.bucket.over-90").state.checked == true);
    CHECK(must_find(app, "accounts.bucket.all").state.checked == false);
    CHECK(rows_of(app, "accounts-table") == std::vector<std::string>{"accounts-table.row.b"});
    CHECK(must_find(app, "accounts.count").name == "显示 1 个，共 3 个客户");
    CHECK(must_find(app, "accounts-table").state.value_text == "第 1 行，共 1 行");
    REQUIRE(app.activate("accounts.bucket.1-30"));
    CHECK(rows_of(app, "accounts-table") == std::vector<std::string>{"accounts-table.row.a"});
    REQUIRE(app.activate("accounts.bucket.not-due"));
    CHECK(rows_of(app, "accounts-table").size() == 3);
    REQUIRE(app.activate("accounts.bucket.61-90"));
    CHECK(rows_of(app, "accounts-table").empty());
    CHECK(must_find(app, "accounts.none").name == "没有符合搜索和筛选条件的客户。");
    REQUIRE(app.activate("accounts-clear-filters"));
    CHECK(rows_of(app, "accounts-table").size() == 3);

    REQUIRE(app.activate("accounts.stage.defense"));
    CHECK(rows_of(app, "accounts-table") == std::vector<std::string>{"accounts-table.row.b"});
    REQUIRE(app.activate("accounts.stage.attack"));
    CHECK(rows_of(app, "accounts-table") == std::vector<std::string>{"accounts-table.row.a", "accounts-table.row.c"});
    REQUIRE(app.activate("accounts.stage.all"));

    app.input.focus = "accounts-search";
    type(app, "accounts-search", "华东");
    app.draw();
    CHECK(app.state.plan_view.accounts.query.search == "华东");
    CHECK(must_find(app, "accounts-search").state.value_text == "华东");
    CHECK(rows_of(app, "accounts-table") == std::vector<std::string>{"accounts-table.row.a"});
    type(app, "accounts-search", "电力");  // a segment
    app.draw();
    CHECK(rows_of(app, "accounts-table") == std::vector<std::string>{"accounts-table.row.b"});
    type(app, "accounts-search", "inv-R4");  // an invoice number, ASCII case ignored
    app.draw();
    CHECK(rows_of(app, "accounts-table") == std::vector<std::string>{"accounts-table.row.b"});
    type(app, "accounts-search", "北京");
    app.draw();
    CHECK(rows_of(app, "accounts-table").empty());
}

TEST_CASE("at 5,000 accounts the table publishes only the rows on screen", "[plan-accounts]") {
    Headless app;
    with_plan(app, generated_plan(5000, 50000, kToday, 7));
    REQUIRE(app.state.plan.plan.accounts.size() == 5000);
    app.open(kList, Lang::en);
    check_well_formed(app.tree());
    const std::vector<std::string> shown = rows_of(app, "accounts-table");
    // The 844 px screen holds at most a few dozen 48 px rows, below the filters.
    REQUIRE_FALSE(shown.empty());
    CHECK(shown.size() < 30);
    CHECK(must_find(app, "accounts-table").state.value_text == "rows 1–" + std::to_string(shown.size()) + " of 5,000");
    CHECK(must_find(app, "accounts.count").name == "5,000 accounts");
    CHECK(app.tree().nodes.size() < 600);
    const std::vector<std::uint32_t>& listed = ui::listed_accounts(app.state);
    CHECK(shown.front() == ui::table_row_id("accounts-table", app.state.plan.plan.accounts[listed[0]].id));

    // The keyboard on a row: End goes to the last row, scrolling the table there.
    const std::string first_open = ui::table_open_id("accounts-table", app.state.plan.plan.accounts[listed[0]].id);
    const std::string last_key = app.state.plan.plan.accounts[listed[4999]].id;
    app.input.focus = first_open;
    app.input.focus_visible = true;
    app.draw();
    CHECK(must_find(app, first_open).state.focused);
    press(app, ImGuiKey_End);
    CHECK(app.focus_requested() == ui::table_open_id("accounts-table", last_key));
    app.input.focus = app.focus_requested();
    app.draw();
    const std::vector<std::string> end = rows_of(app, "accounts-table");
    REQUIRE_FALSE(end.empty());
    CHECK(end.back() == ui::table_row_id("accounts-table", last_key));
    CHECK(end.size() < 30);
    const std::string value = must_find(app, "accounts-table").state.value_text;
    CHECK(value.rfind("rows 4,9", 0) == 0);
    CHECK(value.ends_with("–5,000 of 5,000"));
    CHECK(must_find(app, ui::table_row_id("accounts-table", last_key)).description == "row 5,000 of 5,000");

    // Up moves one row; the screen itself does not scroll by the key.
    press(app, ImGuiKey_UpArrow);
    const std::string before_last = ui::table_open_id("accounts-table", app.state.plan.plan.accounts[listed[4998]].id);
    CHECK(app.focus_requested() == before_last);
    app.input.focus = before_last;
    app.draw();
    CHECK(rows_of(app, "accounts-table") == end);

    // Home goes back to the first row; opening a row and coming back shows it again, focused.
    press(app, ImGuiKey_Home);
    CHECK(app.focus_requested() == first_open);
    app.input.focus = first_open;
    app.draw();
    CHECK(rows_of(app, "accounts-table").front() == shown.front());
    const std::string middle_key = app.state.plan.plan.accounts[listed[2500]].id;
    app.state.plan_view.accounts.opened = middle_key;  // as if opened from its row
    app.state.nav = Nav{{kList, account_route(middle_key)}};
    app.draw();
    REQUIRE(app.activate("account.back"));  // the frames it draws: back, the list arriving, its row focused
    CHECK(app.state.nav.here() == kList);
    CHECK(app.focus_requested() == ui::table_open_id("accounts-table", middle_key));
    const std::vector<std::string> back = rows_of(app, "accounts-table");
    CHECK(std::find(back.begin(), back.end(), ui::table_row_id("accounts-table", middle_key)) != back.end());
    CHECK(back.size() < 30);
}

TEST_CASE("the list and the account page fit a 360 px phone at 100 % and 200 % text", "[plan-accounts]") {
    for (int percent : {100, 200}) {
        for (Lang lang : {Lang::zh, Lang::en}) {
            INFO(lang_code(lang) << " at " << percent << " %");
            Headless app(360, 740);
            change(app.state.store, SetReading{{static_cast<std::uint32_t>(percent), ""}});
            with_plan(app, sample_plan());
            app.open(kList, lang);
            check_well_formed(app.tree());
            check_fits(app.tree(), 360);
            // A phone shows the name, the open amount and the overdue; the rest is on the account page.
            CHECK(child_ids(app.tree(), "accounts-table.head") ==
                  std::vector<std::string>{"accounts-table.head.name", "accounts-table.head.open", "accounts-table.head.overdue"});
            CHECK(cell(app, "accounts-table", "a", "overdue") == (lang == Lang::zh ? "¥1,000.00" : "CNY 1,000.00"));
            app.open(account_route("b"), lang);
            check_well_formed(app.tree());
            check_fits(app.tree(), 360);
            REQUIRE(app.activate(ui::table_open_id("account-receivables", "r3")));
            check_fits(app.tree(), 360);
            REQUIRE(app.activate("account-edit"));
            check_fits(app.tree(), 360);
        }
    }
}

TEST_CASE("the account page shows its fields, ageing, figures, KPI focus and receivables", "[plan-accounts]") {
    Headless app;
    with_plan(app, sample_plan());
    app.open(account_route("b"), Lang::zh);
    check_well_formed(app.tree());
    CHECK(app.tree().title == "南方电网");
    CHECK(must_find(app, "account.field.segment").name == "行业或客户群：电力");
    CHECK(must_find(app, "account.field.share").name == "我方份额（%）：60%");
    CHECK(must_find(app, "account.field.stage").name == "阶段：防御（按份额）");
    CHECK(must_find(app, "account.field.credit").name == "信用额度：未设额度");
    CHECK(must_find(app, "account.field.terms").name == "账期（天）：30 天");
    CHECK(must_find(app, "account-ageing").state.value_text == "第 1–6 行，共 6 行");
    CHECK(cell(app, "account-ageing", "not-due", "amount") == "¥700.00");
    CHECK(cell(app, "account-ageing", "1-30", "amount") == "¥0.00");
    CHECK(cell(app, "account-ageing", "31-60", "amount") == "¥300.00");
    CHECK(cell(app, "account-ageing", "over-90", "amount") == "¥300.00");
    CHECK(cell(app, "account-ageing", "total", "amount") == "¥1,300.00");
    CHECK(cell(app, "account-ageing", "total", "bucket") == "合计");
    CHECK(must_find(app, "account.figure.overdue-ratio").name == "逾期占比：46%");
    // The one payment came 40 days after its due date.
    CHECK(must_find(app, "account.figure.days-late").name == "平均晚付（付款习惯）：40 天");
    CHECK(must_find(app, "account.figure.revenue").name == "近 365 天销售额：¥1,500.00");
    CHECK(must_find(app, "account.figure.collected").name == "近 365 天回款额：¥200.00");
    // Defense: profit, amount collected and speed of collection, with lesson 5's page.
    CHECK(child_ids(app.tree(), "account.kpis").size() == 3);
    CHECK(must_find(app, "account.kpi-about").name == tr(Msg::account_defense_about, Lang::zh));
    CHECK(must_find(app, "account.old-first").name.find("¥600.00") != std::string::npos);
    REQUIRE(app.activate("account-kpi-lesson"));
    CHECK(app.state.nav.here().screen == Screen::lesson);
    CHECK(app.state.nav.here().lesson == "team-kpi");
    const Lesson* lesson = app.state.course.lesson("team-kpi");
    REQUIRE(lesson != nullptr);
    CHECK(lesson->pages[app.state.nav.here().page].id == "defense-stage");

    app.open(account_route("b"), Lang::en);
    check_well_formed(app.tree());
    // Receivables oldest due first.
    CHECK(rows_of(app, "account-receivables") == std::vector<std::string>{"account-receivables.row.r4", "account-receivables.row.r3", "account-receivables.row.r5"});
    CHECK(cell(app, "account-receivables", "r3", "invoice") == "INV-r3");
    CHECK(cell(app, "account-receivables", "r3", "open") == "CNY 300.00");
    CHECK(cell(app, "account-receivables", "r3", "days") == "45 days");
    CHECK(cell(app, "account-receivables", "r5", "days") == "Not due");
    CHECK(must_find(app, "account.receivables-count").name == "3 in all, 3 open");
    // A receivable chosen: what it owes and its payment.
    REQUIRE(app.activate(ui::table_open_id("account-receivables", "r3")));
    CHECK(must_find(app, ui::table_row_id("account-receivables", "r3")).state.selected);
    CHECK(must_find(app, "account-receivable").name == "Invoice INV-r3");
    CHECK(must_find(app, "account-receivable.summary").name == "Amount CNY 500.00, paid CNY 200.00, open CNY 300.00, due 12 Oct 2025.");
    CHECK(must_find(app, "account-payment.0").name == "21 Nov 2025 · CNY 200.00");
    CHECK(must_find(app, "payment-form.amount").state.value_text == "300.00");
    CHECK(must_find(app, "payment-form.date").state.value_text == "2025-11-26");
    CHECK(app.focus_requested() == "payment-form.date");

    app.open(account_route("a"), Lang::en);
    CHECK(must_find(app, "account.field.stage").name == "Stage: Attack (from the share)");
    CHECK(must_find(app, "account.figure.credit-use").name == "Credit limit used: 60%");
    CHECK(child_ids(app.tree(), "account.kpis").size() == 1);
    CHECK(must_find(app, child_ids(app.tree(), "account.kpis")[0]).name == "Revenue");
}

TEST_CASE("an account, a receivable and a part payment through the forms", "[plan-accounts]") {
    for (Lang lang : {Lang::zh, Lang::en}) {
        INFO(lang_code(lang));
        Headless app;
        with_plan(app, sample_plan());
        app.open(kList, lang);
        REQUIRE(app.activate("accounts-add"));
        REQUIRE(app.state.nav.here() == Route{.screen = Screen::account});
        check_well_formed(app.tree());
        CHECK(must_find(app, "account-form.terms").state.value_text == "30");
        type(app, "account-form.name", "华南精密 ");
        type(app, "account-form.segment", "电子");
        type(app, "account-form.share", "55%");
        type(app, "account-form.terms", "45");
        type(app, "account-form.credit-limit", "10,000");
        app.draw();
        REQUIRE(app.activate("account-form.save"));
        REQUIRE(app.state.plan.plan.accounts.size() == 4);
        const Account& added = app.state.plan.plan.accounts.back();
        CHECK(added.name == "华南精密 ");  // exactly as typed
        CHECK(added.segment == "电子");
        CHECK(added.share_percent == 55);
        CHECK(added.terms_days == 45);
        CHECK(added.credit_limit == 1000000);
        CHECK(stage_of(added) == Stage::defense);
        const std::string id = added.id;
        CHECK(app.state.nav.here() == account_route(id));
        app.draw();
        CHECK(must_find(app, "account.done").name == tr(Msg::account_added, lang));
        CHECK(must_find(app, "account.done").role == Role::status);

        // A receivable: issued 2025-10-01, the due date left empty: 45 days' terms, 2025-11-15,
        // so 11 days overdue today (1–30 days).
        REQUIRE(app.activate("account-add-receivable"));
        CHECK(app.focus_requested() == "receivable-form.invoice");
        CHECK(must_find(app, "receivable-form.issued").state.value_text == "2025-11-26");
        type(app, "receivable-form.invoice", "FP-001");
        type(app, "receivable-form.amount", "1,200.50");
        type(app, "receivable-form.issued", "2025年10月1日");
        app.draw();
        REQUIRE(app.activate("receivable-form.save"));
        const Account* a = find_account(app.state.plan.plan, id);
        REQUIRE(a != nullptr);
        REQUIRE(a->receivables.size() == 1);
        const Receivable r = a->receivables[0];
        CHECK(r.invoice == "FP-001");
        CHECK(r.amount == 120050);
        CHECK(r.due == kToday - 11);
        app.draw();
        CHECK(cell(app, "account-ageing", "1-30", "amount") == ui::format_money(120050, "CNY", lang));
        CHECK(cell(app, "account-receivables", r.id, "days") == ui::format_days(11, lang));
        CHECK(must_find(app, "account.done").name == format(tr(Msg::receivable_added, lang), {"FP-001"}));

        // A part payment: the form offers today and the whole open amount; 500 of it is paid.
        REQUIRE(app.activate(ui::table_open_id("account-receivables", r.id)));
        CHECK(must_find(app, "payment-form.amount").state.value_text == "1200.50");
        type(app, "payment-form.amount", "500");
        type(app, "payment-form.note", "第一笔");
        app.draw();
        REQUIRE(app.activate("payment-form.save"));
        const Receivable& paid = find_account(app.state.plan.plan, id)->receivables[0];
        REQUIRE(paid.payments.size() == 1);
        CHECK(paid.payments[0].amount == 50000);
        CHECK(paid.payments[0].date == kToday);
        CHECK(paid.payments[0].note == "第一笔");
        app.draw();
        CHECK(cell(app, "account-ageing", "1-30", "amount") == ui::format_money(70050, "CNY", lang));
        CHECK(cell(app, "account-receivables", r.id, "open") == ui::format_money(70050, "CNY", lang));
        CHECK(must_find(app, "account.figure.collected").name.ends_with(ui::format_money(50000, "CNY", lang)));
        CHECK(must_find(app, "payment-form.amount").state.value_text == "700.50");  // what is still open
        CHECK(must_find(app, "account.done").name == format(tr(Msg::payment_recorded, lang), {ui::format_money(50000, "CNY", lang)}));
        CHECK(child_ids(app.tree(), "account-payments").size() == 1);

        // More than is open is refused, naming the open amount.
        type(app, "payment-form.amount", "800");
        app.draw();
        REQUIRE(app.activate("payment-form.save"));
        CHECK(find_account(app.state.plan.plan, id)->receivables[0].payments.size() == 1);
        CHECK(must_find(app, "payment-form.problem").name == format(tr(Msg::payment_too_much, lang), {ui::format_money(70050, "CNY", lang)}));
        CHECK(must_find(app, "payment-form.problem").role == Role::alert);

        // The rest paid: the receivable is settled and offers no more payments; removing the
        // second payment opens it again.
        type(app, "payment-form.amount", "700.50");
        app.draw();
        REQUIRE(app.activate("payment-form.save"));
        CHECK(cell(app, "account-ageing", "total", "amount") == ui::format_money(0, "CNY", lang));
        CHECK(cell(app, "account-receivables", r.id, "days") == tr(Msg::receivable_paid_up, lang));
        CHECK(must_find(app, "account-receivable.paid-up").name == tr(Msg::receivable_paid_up, lang));
        CHECK(app.tree().find("payment-form.save") == nullptr);
        REQUIRE(app.activate("account-payment.1.remove"));
        CHECK(find_account(app.state.plan.plan, id)->receivables[0].payments.size() == 1);
        CHECK(cell(app, "account-ageing", "1-30", "amount") == ui::format_money(70050, "CNY", lang));
        CHECK(must_find(app, "payment-form.amount").state.value_text == "700.50");

        // Back on the list the new account is there.
        app.open(kList, lang);
        CHECK(cell(app, "accounts-table", id, "name") == "华南精密 ");
        CHECK(cell(app, "accounts-table", id, "overdue") == ui::format_money(70050, "CNY", lang));
    }
}

TEST_CASE("a refused save says why and changes nothing", "[plan-accounts]") {
    Headless app;
    with_plan(app, sample_plan());
    app.open(account_route("a"), Lang::zh);
    REQUIRE(app.activate("account-edit"));
    CHECK(must_find(app, "account-form.name").state.value_text == "华东机电");
    CHECK(must_find(app, "account-form.credit-limit").state.value_text == "5000.00");
    CHECK(app.focus_requested() == "account-form.name");
    type(app, "account-form.name", "   ");
    app.draw();
    REQUIRE(app.activate("account-form.save"));
    CHECK(must_find(app, "account-form.problem").name == "请填写客户名称。");
    CHECK(must_find(app, "account-form.problem").role == Role::alert);
    CHECK(app.state.plan.plan.accounts[0].name == "华东机电");

    // A number that cannot be read names its field.
    type(app, "account-form.name", "华东机电集团");
    type(app, "account-form.potential", "很多");
    app.draw();
    REQUIRE(app.activate("account-form.save"));
    CHECK(must_find(app, "account-form.problem").name.rfind("年采购潜力：", 0) == 0);
    type(app, "account-form.potential", "");
    type(app, "account-form.share", "120");
    app.draw();
    REQUIRE(app.activate("account-form.save"));
    CHECK(must_find(app, "account-form.problem").name == "我方份额应是 0 到 100 之间的整数。");
    CHECK(app.state.plan.plan.accounts[0].name == "华东机电");

    // Set right, it saves; the stage chosen by hand says so.
    type(app, "account-form.share", "30");
    app.draw();
    REQUIRE(app.activate("account-form.stage.defense"));
    REQUIRE(app.activate("account-form.save"));
    CHECK(app.state.plan.plan.accounts[0].name == "华东机电集团");
    CHECK(app.state.plan.plan.accounts[0].stage == StageChoice::defense);
    CHECK(must_find(app, "account.field.stage").name == "阶段：防御（手动设定）");
    CHECK(must_find(app, "account.done").name == "已保存。");

    // A receivable whose due date comes before its issue date: the plan refuses it.
    REQUIRE(app.activate("account-add-receivable"));
    type(app, "receivable-form.invoice", "X-1");
    type(app, "receivable-form.amount", "100");
    type(app, "receivable-form.issued", "2025-11-20");
    type(app, "receivable-form.due", "2025-11-01");
    app.draw();
    REQUIRE(app.activate("receivable-form.save"));
    CHECK(must_find(app, "receivable-form.problem").name == "到期日早于开票日期。");
    CHECK(app.state.plan.plan.accounts[0].receivables.size() == 2);
    type(app, "receivable-form.due", "明天");
    app.draw();
    REQUIRE(app.activate("receivable-form.save"));
    CHECK(must_find(app, "receivable-form.problem").name.rfind("到期日：", 0) == 0);
}

TEST_CASE("an unknown account says so; removing one asks once", "[plan-accounts]") {
    Headless app;
    with_plan(app, sample_plan());
    app.state.nav = Nav{{kList, account_route("nobody")}};
    app.draw();
    check_well_formed(app.tree());
    CHECK(must_find(app, "account.unknown").name == tr(Msg::account_unknown, Lang::zh));
    REQUIRE(app.activate("account-to-list"));
    CHECK(app.state.nav.here() == kList);

    app.state.nav = Nav{{kList, account_route("c")}};
    app.draw();
    REQUIRE(app.activate("account-remove"));
    CHECK(app.state.plan.plan.accounts.size() == 3);
    CHECK(must_find(app, "account-remove.question").name == "删除“Acme”和它的 1 笔应收账款？删除后无法恢复。");
    CHECK(app.focus_requested() == "account-remove.keep");
    REQUIRE(app.activate("account-remove.keep"));
    CHECK(app.tree().find("account-remove.question") == nullptr);
    REQUIRE(app.activate("account-remove"));
    REQUIRE(app.activate("account-remove.confirm"));
    CHECK(app.state.plan.plan.accounts.size() == 2);
    CHECK(find_account(app.state.plan.plan, "c") == nullptr);
    CHECK(app.state.nav.here() == kList);
}
