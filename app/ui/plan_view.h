// plan_view: what the collection plan's screens keep between frames that is not the plan
// itself: the list's query, the forms being typed, the import in progress, and the figures
// computed from the plan. The plan is in AppState::plan (core/plan_store.h) and changes only by
// actions; nothing here is stored.
//
// Figures and the account list are computed once per change of the plan (its revision), of the
// day, or of the query: at 5,000 accounts they cost milliseconds, far too much for every frame.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/navigation.h"
#include "core/plan.h"
#include "core/plan_analytics.h"
#include "core/plan_csv.h"

namespace coach::ui {

struct AppState;
struct AppEffects;
struct Ui;

// The account list (screen_accounts.cpp).
struct AccountsView {
    ListQuery query;
    float scroll_row = 0;  // the first row shown, for the clipped table
    std::string opened;    // the account last opened from the list: back on the list, its row shows and has the focus
};

// An account's fields or a receivable's or payment's as typed, before they are checked and
// recorded: text, exactly as the learner typed it.
struct AccountForm {
    std::string editing;  // the account id the form was filled from ("" = a new account)
    std::string name, segment, potential, share, credit_limit, terms, currency, notes;
    std::string stage;    // "", "attack", "defense"
    std::string problem;  // why the last save was refused, in words
};
struct ReceivableForm {
    std::string invoice, amount, issued, due, note;
    std::string problem;
};
struct PaymentForm {
    std::string receivable;  // the receivable it is for
    std::string date, amount, note;
    std::string problem;
};

// The account page (screen_account.cpp).
struct AccountView {
    std::string showing;  // the account the forms belong to; another account resets them
    AccountForm account;
    bool editing_account = false;
    bool adding_receivable = false;
    ReceivableForm receivable;
    PaymentForm payment;  // payment.receivable: the receivable chosen in the table ("" = none)
    bool confirm_remove = false;
    bool confirm_remove_receivable = false;
    std::string done;  // what the last change did, said as a status ("Payment recorded")
    bool done_below = false;  // ... above the receivables, where it was done (else at the top)
};

// The import in progress (screen_plan_import.cpp): the file as read, the mapping being
// confirmed, and the preview; or a plan file waiting for the learner to confirm that it
// replaces the plan (restore).
enum class ImportStep { choose, map, preview, done, restore };
struct ImportView {
    ImportStep step = ImportStep::choose;
    std::string source;    // the file's name, or "clipboard"
    std::string encoding;  // how the page decoded it: "UTF-8", "UTF-8 (BOM)", "UTF-16LE", "GB18030"
    Table table;
    ColumnMapping mapping;
    ImportPreview preview;
    std::string problem;   // a file that could not be read at all, in words
    std::string detail;    // its technical detail
    std::size_t imported_rows = 0;  // after the import: how many rows went in
    bool confirm_clear = false;     // the dashboard's "clear the worked example" asks once
    int open_column = -1;           // map: the column whose choice of field is open
    bool all_errors = false;        // preview: every problem listed, not only the first ones
    PlanRefusal refused = PlanRefusal::none;  // the plan refused the import or the restore
    std::optional<Plan> restore;    // a plan file read, waiting for confirmation
    bool restored = false;          // done: a plan file replaced the plan
};

struct PlanView {
    AccountsView accounts;
    AccountView account;
    ImportView import;

    // Caches: valid for (revision, day).
    std::uint64_t figures_revision = ~std::uint64_t{0};
    Day figures_day = 0;
    PlanFigures figures;
    std::uint64_t listed_revision = ~std::uint64_t{0};
    Day listed_day = 0;
    ListQuery listed_query;
    std::vector<std::uint32_t> listed;
};

// Today as the learner's calendar has it.
Day plan_today(const AppState& state);
// The plan's figures for today, computed again only after a change.
const PlanFigures& plan_figures(AppState& state);
// The account list for the current query, sorted and filtered again only after a change.
const std::vector<std::uint32_t>& listed_accounts(AppState& state);
// A new id, unique across tabs: the time and a counter ("k3f9x2-4").
std::string new_plan_id(AppState& state);

// Money and dates as the learner's language writes them: "¥12,345.67" / "CNY 12,345.67",
// "2026-11-29" / "29 Nov 2026".
std::string format_money(Money amount, std::string_view currency, Lang lang);
std::string format_day(Day day, Lang lang);
// "45 天" / "45 days" ("1 day"); a fraction as a whole percentage, "85%".
std::string format_days(int days, Lang lang);
std::string format_percent(double fraction);

// The account list and an account's page come with the practice font, after the first frame
// (their messages are listed with it). Until that font and the plan's records are there, each
// draws its title and one status line; both messages are named here, outside those screens,
// so their characters are in the first load. Without the practice (it could not be loaded) the
// screens draw anyway, with the background font.
std::string_view plan_title(const Ui& ui, Screen screen);
bool plan_ready(const AppState& state);
// Says what is still loading and returns true; false once the screen can draw.
bool plan_missing(const AppState& state, Ui& ui);

// The import screen (screen_plan_import.cpp). A file or a pasted block as the page decoded it
// (UTF-8; `encoding` names what the bytes were): a plan file (JSON) waits for confirmation,
// anything else is read as a table and goes to the mapping step.
void plan_file_arrived(AppState& state, std::string_view name, std::string_view text, std::string_view encoding);
// The page could not read the clipboard (the browser refused): the screen says to press Ctrl+V.
void plan_paste_refused(AppState& state, std::string_view detail);
// The ledger (CSV) and the whole plan (JSON) as downloads, on the dashboard and the import screen.
void plan_export_buttons(AppState& state, Ui& ui, AppEffects& effects, std::string_view id_prefix);

}  // namespace coach::ui
