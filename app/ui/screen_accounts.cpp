// The account list (`?screen=accounts`): every account of the collection plan with what it
// owes, found by search, filtered by ageing bucket or stage, sorted by a column.
//
// From the top: Add account, the search field (a substring of the name, the segment or an
// invoice number, as typed, Chinese included; ASCII letters in either case), the bucket and
// stage filters as radio groups, the count ("1,234 of 5,000 accounts", a status the screen
// reader announces as it changes), and the table (ui_table.h): name, open amount, overdue,
// oldest days past due, stage, credit-limit use; a phone shows the first three and the account
// page the rest. A tap, Enter or Space on a row opens the account; back on the list, that row
// is in view again and has the focus. The list and the figures are computed once per change of
// the plan, the day or the query (plan_view.h), never per frame: scrolling 5,000 rows formats
// only the twenty or so on screen.
//
// Add account opens the account page with no account named (`?screen=account&account=`): an
// empty form; saving it makes the account and the address names it from then on.
// With no accounts yet the screen offers the three ways in: add one, import a report, or load
// the worked example (three accounts from the course's situations; the dashboard clears it).
#include <cfloat>
#include <optional>
#include <utility>

#include "app.h"
#include "imgui.h"
#include "ui_table.h"

namespace coach::ui {
namespace {

float label_width(const Ui& ui, std::string_view s) {
    return ui.font->CalcTextSizeA(font_px(ui.metrics.body), FLT_MAX, 0.0f, s.data(), s.data() + s.size()).x;
}

// Radio buttons side by side while they fit the column, wrapping onto further lines.
struct Flow {
    Ui& ui;
    bool first = true;
    void next(std::string_view label) {
        const float w = label_width(ui, label) + 2 * ui.metrics.margin;
        const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
        if (!first) {
            const float gap = ui.metrics.gap * 0.5f;
            const float last = ImGui::GetItemRectMax().x;
            if (last + gap + w <= right) ImGui::SameLine(0, gap);
            else ImGui::Dummy(ImVec2(1, gap * 0.5f));
        }
        first = false;
    }
};

struct Column {
    std::string_view id;
    Msg label;
    std::optional<SortKey> sort;  // the stage does not sort
    bool numeric, keep;           // keep: still shown on a phone
};
constexpr Column kColumns[] = {
    {"name", Msg::accounts_col_name, SortKey::name, false, true},
    {"open", Msg::accounts_col_open, SortKey::open, true, true},
    {"overdue", Msg::accounts_col_overdue, SortKey::overdue, true, true},
    {"oldest", Msg::accounts_col_oldest, SortKey::oldest, true, false},
    {"stage", Msg::accounts_col_stage, std::nullopt, false, false},
    {"credit", Msg::accounts_col_credit, SortKey::credit_use, true, false},
};

void empty_plan(AppState& state, Ui& ui, AppEffects& effects) {
    paragraph(ui, "accounts.empty", ui.t(Msg::accounts_empty));
    gap(ui);
    if (button(ui, "accounts-add", ui.t(Msg::accounts_add), {.wide = true, .primary = true}))
        go(state, effects, Open{Route{.screen = Screen::account}});
    gap(ui, 0.5f);
    if (button(ui, "accounts-import", ui.t(Msg::accounts_import), {.wide = true})) go(state, effects, Open{Route{.screen = Screen::plan_import}});
    gap(ui, 0.5f);
    if (button(ui, "accounts-example", ui.t(Msg::accounts_load_example), {.wide = true})) {
        change(state, LoadExample{worked_example(plan_today(state), state.lang, new_plan_id(state))});
        state.focus_next = "accounts.count";
    }
}

void filters(Ui& ui, ListQuery& query) {
    static constexpr std::pair<std::string_view, Msg> kBuckets[] = {
        {"not-due", Msg::acc_bucket_not_due}, {"1-30", Msg::acc_bucket_1_30},   {"31-60", Msg::acc_bucket_31_60},
        {"61-90", Msg::acc_bucket_61_90},     {"over-90", Msg::acc_bucket_over_90},
    };
    caption(ui, "accounts.bucket-label", ui.t(Msg::accounts_bucket));
    begin_group(ui, "accounts.bucket", Role::radiogroup, ui.t(Msg::accounts_bucket));
    Flow flow{ui};
    flow.next(ui.t(Msg::accounts_all));
    if (radio(ui, "accounts.bucket.all", ui.t(Msg::accounts_all), !query.bucket)) query.bucket.reset();
    for (std::size_t b = 0; b < std::size(kBuckets); ++b) {
        const Bucket bucket = static_cast<Bucket>(b);
        flow.next(ui.t(kBuckets[b].second));
        if (radio(ui, "accounts.bucket." + std::string(kBuckets[b].first), ui.t(kBuckets[b].second), query.bucket == bucket)) query.bucket = bucket;
    }
    end_group(ui);
    gap(ui, 0.5f);
    caption(ui, "accounts.stage-label", ui.t(Msg::accounts_stage));
    begin_group(ui, "accounts.stage", Role::radiogroup, ui.t(Msg::accounts_stage));
    Flow stages{ui};
    stages.next(ui.t(Msg::accounts_all));
    if (radio(ui, "accounts.stage.all", ui.t(Msg::accounts_all), !query.stage)) query.stage.reset();
    stages.next(ui.t(Msg::acc_stage_attack));
    if (radio(ui, "accounts.stage.attack", ui.t(Msg::acc_stage_attack), query.stage == Stage::attack)) query.stage = Stage::attack;
    stages.next(ui.t(Msg::acc_stage_defense));
    if (radio(ui, "accounts.stage.defense", ui.t(Msg::acc_stage_defense), query.stage == Stage::defense)) query.stage = Stage::defense;
    end_group(ui);
}

std::string count_text(const Ui& ui, std::size_t shown, std::size_t total) {
    if (shown == total) return total == 1 ? std::string(ui.t(Msg::accounts_count_one)) : format(ui.t(Msg::accounts_count_all), {grouped(total)});
    return format(ui.t(Msg::accounts_count), {grouped(shown), grouped(total)});
}

}  // namespace

void draw_accounts(AppState& state, Ui& ui, AppEffects& effects) {
    // Read before the Back button, which may set it for the screen it goes to.
    const bool arriving = std::exchange(state.scroll_to_top, false);
    begin_screen_with_title(state, ui, effects, "accounts", plan_title(ui, Screen::accounts));
    if (arriving) ImGui::SetScrollY(0);
    gap(ui, 0.5f);
    if (plan_missing(state, ui)) {
        end_screen(ui);
        return;
    }
    AccountsView& view = state.plan_view.accounts;
    const Plan& plan = state.plan.plan;
    if (plan.accounts.empty()) {
        empty_plan(state, ui, effects);
        end_screen(ui);
        return;
    }
    const PlanFigures& figures = plan_figures(state);
    if (button(ui, "accounts-add", ui.t(Msg::accounts_add), {.wide = true, .primary = true})) go(state, effects, Open{Route{.screen = Screen::account}});
    gap(ui);
    text_field(ui, "accounts-search", ui.t(Msg::accounts_search), view.query.search, ui.t(Msg::accounts_search_hint));
    gap(ui, 0.5f);
    filters(ui, view.query);
    gap(ui);
    const std::vector<std::uint32_t>& listed = listed_accounts(state);  // after the query's changes of this frame
    text_block(ui, "accounts.count", count_text(ui, listed.size(), plan.accounts.size()), ui.metrics.body, ui.theme->ink.abgr(), Role::status);
    gap(ui, 0.5f);
    if (listed.empty()) {
        paragraph(ui, "accounts.none", ui.t(Msg::accounts_none_match));
        gap(ui, 0.5f);
        if (button(ui, "accounts-clear-filters", ui.t(Msg::accounts_clear_filters), {.wide = true})) {
            view.query.search.clear();
            view.query.bucket.reset();
            view.query.stage.reset();
            state.focus_next = "accounts-search";
        }
        end_screen(ui);
        return;
    }

    const Lang lang = ui.lang;
    const std::string money_sample = format_money(88'888'888, kDefaultCurrency, lang);
    const std::string days_sample = format_days(365, lang);
    const std::string_view attack = ui.t(Msg::acc_stage_attack), defense = ui.t(Msg::acc_stage_defense);
    const std::string_view stage_sample = label_width(ui, attack) > label_width(ui, defense) ? attack : defense;
    const std::string_view credit_sample = ui.t(Msg::accounts_no_limit);
    std::vector<TableColumn> columns;
    for (const Column& c : kColumns) {
        std::string_view sample = c.id == "name" ? std::string_view() : c.id == "oldest" ? std::string_view(days_sample)
                                : c.id == "stage" ? stage_sample : c.id == "credit" ? credit_sample : std::string_view(money_sample);
        columns.push_back({c.id, ui.t(c.label), sample, c.numeric, c.keep, c.sort.has_value()});
    }
    int sorted = -1;
    for (std::size_t k = 0; k < std::size(kColumns); ++k)
        if (kColumns[k].sort == view.query.sort) sorted = static_cast<int>(k);

    std::optional<std::size_t> reveal;
    if (arriving && !view.opened.empty()) {  // back from an account opened here: its row again
        for (std::size_t r = 0; r < listed.size(); ++r)
            if (plan.accounts[listed[r]].id == view.opened) reveal = r;
        if (reveal) state.focus_next = table_open_id("accounts-table", view.opened);
        view.opened.clear();
    }
    const TableSpec spec{
        .id = "accounts-table",
        .caption = ui.t(Msg::accounts_table),
        .columns = columns,
        .rows = listed.size(),
        .key = [&](std::size_t r) { return plan.accounts[listed[r]].id; },
        .cell =
            [&](std::size_t r, std::size_t c) {
                const Account& a = plan.accounts[listed[r]];
                const AccountFigures& f = figures.accounts[listed[r]];
                switch (c) {
                    case 0: return a.name;
                    case 1: return format_money(f.ageing.total(), a.currency, lang);
                    case 2: return format_money(f.ageing.overdue(), a.currency, lang);
                    case 3: return format_days(f.oldest_days, lang);
                    case 4: return std::string(f.stage == Stage::attack ? attack : defense);
                    default: return f.credit_use ? format_percent(*f.credit_use) : std::string(credit_sample);
                }
            },
        .sorted = sorted,
        .descending = view.query.descending,
        .open_rows = true,
        .open_hint = ui.t(Msg::accounts_open_hint),
        .reveal = reveal,
    };
    const TableResult table = data_table(ui, spec);
    view.scroll_row = static_cast<float>(table.first);
    if (!table.focus.empty()) state.focus_next = table.focus;
    end_screen(ui);

    if (table.sort >= 0) {
        const SortKey key = kColumns[static_cast<std::size_t>(table.sort)].sort.value_or(view.query.sort);
        // The same column again turns the order round; a new one starts where a manager looks
        // first: names A to Z, amounts and days largest first.
        if (key == view.query.sort) view.query.descending = !view.query.descending;
        else view.query.descending = key != SortKey::name;
        view.query.sort = key;
    }
    if (table.opened && *table.opened < listed.size()) {
        const std::string id = plan.accounts[listed[*table.opened]].id;
        view.opened = id;
        go(state, effects, Open{Route{.screen = Screen::account, .account = id}});
    }
}

}  // namespace coach::ui
