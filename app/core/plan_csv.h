// plan_csv: receivables in from an ERP report or a spreadsheet, and the ledger out.
//
// In: the page decodes the file's bytes to UTF-8 first (UTF-8 with or without BOM, else
// GB18030, which Chinese Excel and WPS write and which is a superset of GBK; the browser's
// TextDecoder does that, so no code table ships with the app) and says which it used. Here:
//   1. read_table: the separator (comma, semicolon or tab) is the one that splits the first
//      20 rows most consistently (ties: tab, then semicolon, then comma); fields may be quoted
//      ("" is a quote inside, line breaks too); CRLF, LF or CR end a row; a leading BOM is
//      dropped, and so are empty lines at the end. Cells are kept byte for byte. A block pasted
//      from Excel is tab-separated text.
//   2. guess_columns: a header row among the first ten names columns in Chinese or English
//      (客户名称, 发票号, 金额, 到期日, Customer, Invoice No., Amount, Due date, ...); rows above it
//      (an ERP report's title and period) are title rows. A mapping the learner confirmed
//      before wins for the headers it names. No header: columns are guessed from their cells.
//   3. read_rows: every row checked against the mapping; a row with a problem is reported with
//      its row number (as a spreadsheet numbers it: the first row of the file is row 1), column
//      and reason, and left out, while the good rows can still be imported. Dates: 2026-11-29,
//      2026/11/29, 2026.11.29, 2026年11月29日, 20261129, 29 Nov 2026; 29/11/2026 is refused as
//      ambiguous unless a part is over 12; Excel serial numbers (45000). Amounts: 1,234.56,
//      ¥1234.5, RMB 1,234, 1，234 元; (1,234.00) and -1234 are refused as negative, 1234.567 as
//      more precise than the currency. Blank rows are skipped; total lines are reported. A
//      missing issue date is today, a missing due date the issue date plus the account's terms;
//      a paid amount is one payment dated today. An account field (segment, terms, ...) comes
//      from the first row of that account that gives it; none given keeps the plan's value.
//   4. import_action: the rows grouped into accounts (by name, trimmed), ready for apply().
// Out: the ledger, one row per receivable, as CSV (UTF-8 with BOM and CRLF so Excel and WPS
// keep Chinese; cells that a spreadsheet would run as a formula are guarded) and the whole
// plan as JSON (plan_json.h). The CSV reads back through this same import.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "i18n.h"
#include "plan.h"

namespace coach {

struct Table {
    std::vector<std::vector<std::string>> rows;  // as read; the first is usually the header
    char separator = ',';
};
Table read_table(std::string_view utf8_text);

struct ColumnMapping {
    std::vector<Field> columns;  // one per column of the widest row
    bool header_row = true;      // the first row (after the title rows) names the columns
    std::size_t title_rows = 0;  // rows above the header or the data, left out: an ERP report's title and period
    bool operator==(const ColumnMapping&) const = default;
};
ColumnMapping guess_columns(const Table& table, const std::vector<ColumnChoice>& remembered);
// The mapping as the plan remembers it (header text -> field), for RememberMapping: this table's
// headers first, then the `before` choices for headers this table does not have (another ERP's
// report), at most kRememberedHeaders in all. Without a header row there is nothing to name.
inline constexpr std::size_t kRememberedHeaders = 100;
std::vector<ColumnChoice> mapping_to_remember(const Table& table, const ColumnMapping& mapping,
                                              const std::vector<ColumnChoice>& before = {});

enum class RowProblem {
    none,
    missing_account,     // no account name
    missing_amount,
    bad_amount,          // not a number
    negative_amount,
    too_precise,         // more decimals than the currency has
    amount_too_large,
    bad_date,
    ambiguous_date,      // 03/04/2026: March or April?
    date_out_of_range,
    due_before_issue,
    paid_more_than_amount,
    bad_number,          // terms, share, credit limit, potential
    too_long,            // a text beyond kPlanLimits
    duplicate_invoice,   // the same invoice number twice for one account in this import
    over_limit,          // the plan would hold more accounts or receivables than it may
    total_row,           // a report's 合计 / 小计 / Total line, not an account
    zero_amount,         // a receivable of 0 (a settled line of a balance report)
    bad_currency,        // not a currency code (CNY, USD) or name (人民币, 美元)
    mixed_currency,      // another currency than the account's other rows
};
struct RowError {
    std::size_t row = 0;     // 1-based, as the spreadsheet shows it
    std::size_t column = 0;  // 1-based; 0 = the whole row
    RowProblem problem = RowProblem::none;
    std::string value;       // the cell as read
};

struct ImportedRow {
    std::size_t row = 0;  // 1-based
    std::string account;
    Account fields;          // the account as the import leaves it (id, name, segment, terms, ...), without receivables
    Receivable receivable;   // invoice, amount, dates; a paid amount becomes one payment
    bool has_receivable = false;  // an account-only row (a customer list) has none
};

struct ImportPreview {
    std::vector<ImportedRow> rows;  // the good rows
    std::vector<RowError> errors;
    std::size_t new_accounts = 0, updated_accounts = 0, receivables = 0;
    std::vector<Field> fields;      // the account fields the mapping carries
};
// `today` dates a paid amount without a payment date and fills a missing issue date; `id_seed`
// makes the new ids (unique per import: the time of the import).
ImportPreview read_rows(const Plan& plan, const Table& table, const ColumnMapping& mapping, Day today, std::string_view id_seed);
ImportAccounts import_action(const ImportPreview& preview);

// A cell's date or amount as the import reads them (exposed for the tests and the form fields).
struct DateRead {
    std::optional<Day> day;
    RowProblem problem = RowProblem::none;
};
DateRead read_date(std::string_view text);
struct AmountRead {
    std::optional<Money> amount;
    RowProblem problem = RowProblem::none;
};
AmountRead read_amount(std::string_view text, int decimals = 2);

// The ledger for a spreadsheet: header in `lang`, one row per receivable (accounts without any
// get one row of their own), with open amount, days past due and bucket as of `today`.
std::string ledger_csv(const Plan& plan, Day today, Lang lang);

// Words for the screens.
std::string_view field_name(Field field, Lang lang);
std::string describe(RowProblem problem, Lang lang);

}  // namespace coach
