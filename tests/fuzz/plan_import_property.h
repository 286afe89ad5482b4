// plan_import_property: what must hold for any text given to the collection plan's import
// (plan_csv.h). The fuzz target (fuzz_plan_import.cpp) traps when it does not; the core tests
// run it over awkward inputs natively, sanitized and as WebAssembly.
//   - every row and column an error names is in the table, with words for its problem;
//   - a row is either imported or reported, never both, and the counts add up;
//   - the good rows apply: the plan takes the import as it is (no refusal);
//   - the ledger of the plan that results reads back through the same import, without an
//     error, into the same accounts, invoices, amounts, dates and paid amounts.
// Crashes (sanitizer reports, uncaught exceptions) are found by running it, not reported here.
#pragma once
#include <algorithm>
#include <set>
#include <string>
#include <string_view>

#include "core/plan_csv.h"

namespace coach::fuzz {

// A plan to import into, so matching an account by name and replacing an invoice are met too.
inline Plan plan_import_base() {
    Plan plan;
    Account a;
    a.id = "base";
    a.name = "A";
    a.receivables.push_back({"r", "1", 100, 20000, 20030, {}, ""});
    plan.accounts.push_back(a);
    return plan;
}

// "" when the property holds for `text`, else what broke.
inline std::string plan_import_property(std::string_view text) {
    constexpr Day kToday = 20500;  // 2026-02-16
    const Table table = read_table(text);
    std::size_t width = 0;
    for (const auto& row : table.rows) width = std::max(width, row.size());
    const ColumnMapping mapping = guess_columns(table, {});
    if (mapping.columns.size() != width) return "the mapping does not cover every column";
    if (!table.rows.empty() && mapping.title_rows >= table.rows.size()) return "the header is past the last row";

    const Plan base = plan_import_base();
    const ImportPreview preview = read_rows(base, table, mapping, kToday, "f");
    std::set<std::size_t> reported, imported;
    for (const RowError& e : preview.errors) {
        if (e.row < 1 || e.row > table.rows.size()) return "an error names row " + std::to_string(e.row);
        if (e.column > width) return "an error names column " + std::to_string(e.column);
        if (e.problem == RowProblem::none || describe(e.problem, Lang::zh).empty() || describe(e.problem, Lang::en).empty())
            return "an error without a problem in words";
        reported.insert(e.row);
    }
    std::size_t receivables = 0;
    for (const ImportedRow& r : preview.rows) {
        if (r.row < 1 || r.row > table.rows.size()) return "an imported row numbered " + std::to_string(r.row);
        if (reported.count(r.row) > 0) return "row " + std::to_string(r.row) + " is both imported and reported";
        if (!imported.insert(r.row).second) return "row " + std::to_string(r.row) + " imported twice";
        if (r.account.empty() || r.fields.name != r.account) return "an imported row without its account";
        receivables += r.has_receivable ? 1 : 0;
    }
    if (receivables != preview.receivables) return "the receivables counted are not the rows";

    const ImportAccounts action = import_action(preview);
    if (const PlanRefusal why = refusal(base, action); why != PlanRefusal::none)
        return "the plan refuses the good rows (refusal " + std::to_string(static_cast<int>(why)) + ")";
    const Plan after = apply(base, action);

    const std::string ledger = ledger_csv(after, kToday, Lang::en);
    const Table back_table = read_table(ledger);
    const ImportPreview back = read_rows({}, back_table, guess_columns(back_table, {}), kToday, "b");
    if (!back.errors.empty())
        return "the ledger does not read back: row " + std::to_string(back.errors[0].row) + ", column " + std::to_string(back.errors[0].column) +
               ", " + describe(back.errors[0].problem, Lang::en);
    const Plan again = apply({}, import_action(back));
    if (again.accounts.size() != after.accounts.size()) return "the ledger reads back into another number of accounts";
    for (std::size_t i = 0; i < after.accounts.size(); ++i) {
        const Account& a = after.accounts[i];
        const Account& b = again.accounts[i];
        if (a.name != b.name || a.segment != b.segment || a.currency != b.currency) return "the ledger reads back account " + a.name + " otherwise";
        if (a.receivables.size() != b.receivables.size()) return "the ledger reads back another number of receivables for " + a.name;
        for (std::size_t k = 0; k < a.receivables.size(); ++k) {
            const Receivable& ra = a.receivables[k];
            const Receivable& rb = b.receivables[k];
            if (ra.invoice != rb.invoice || ra.amount != rb.amount || ra.issued != rb.issued || ra.due != rb.due ||
                paid_by(ra, kToday) != paid_by(rb, kToday))
                return "the ledger reads back invoice " + ra.invoice + " of " + a.name + " otherwise";
        }
    }
    return {};
}

}  // namespace coach::fuzz
