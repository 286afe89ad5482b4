// plan: the learner's collection plan as plain data (the accounts, what each owes, what has
// come in) and the actions that change it.
//
// The plan is a value; `apply(plan, action)` is the only way it changes, exactly as the learner
// document changes (learner.h), so the plan's storage (plan_store.h) can replay a tab's
// actions on top of what another tab wrote. Ids are made by whoever records the action (the
// screen, the import), never by `apply`: an action replayed on another base must still name
// the same account.
//
// Money is integer minor units (fen, cents) with the account's currency: no rounding drift, and
// sums of 50,000 invoices stay exact. Days are calendar days counted from 1970-01-01 (an
// invoice is dated by day, not by instant). How old a receivable is, and everything else the
// dashboard shows, is computed from dates (plan_analytics.h), never stored.
//
// Limits (kPlanLimits) hold when writing, not only when reading: `refusal(plan, action)` says
// why an action would break one, `apply` leaves the plan as it is for such an action, and the
// import turns rows beyond a limit into row errors. Storage reads back anything within them.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "i18n.h"

namespace coach {

using Money = std::int64_t;  // minor units of the account's currency
using Day = std::int32_t;    // days since 1970-01-01

inline constexpr const char* kDefaultCurrency = "CNY";

// The account's marketing stage (lesson 5): attack while our share of a customer with a large
// potential is small (measured on revenue), defense once our share reaches half ("50%以上",
// which counts 50 itself; measured on profit, amount collected and speed of collection).
enum class Stage { attack, defense };
// The learner may set the stage; by default it follows the share.
enum class StageChoice { from_share, attack, defense };
inline constexpr std::uint32_t kDefenseSharePercent = 50;  // "份额扩大了50%以上"

struct Payment {
    Day date = 0;
    Money amount = 0;  // > 0
    std::string note;
    bool operator==(const Payment&) const = default;
};

struct Receivable {
    std::string id;       // unique in its account; made by the caller
    std::string invoice;  // the invoice number as typed (may repeat across accounts)
    Money amount = 0;     // > 0
    Day issued = 0;
    Day due = 0;          // >= issued
    std::vector<Payment> payments;  // in the order recorded; part payments allowed
    std::string note;
    bool operator==(const Receivable&) const = default;
};

struct Account {
    std::string id;  // unique in the plan; made by the caller
    std::string name;
    std::string segment;              // industry or customer group, as the learner names it
    Money potential = 0;              // annual purchase potential
    std::uint32_t share_percent = 0;  // our share of that potential, 0..100
    StageChoice stage = StageChoice::from_share;
    Money credit_limit = 0;           // 0 = no limit set
    std::uint32_t terms_days = 30;    // payment terms
    std::string currency = kDefaultCurrency;  // ISO 4217
    std::string notes;
    bool example = false;  // part of the worked example (cleared in one step)
    std::vector<Receivable> receivables;
    bool operator==(const Account&) const = default;
};

// Which plan field a column of an imported table holds (plan_csv.h).
enum class Field {
    none,  // ignored
    account, segment, invoice, amount, paid, issued, due, terms_days, credit_limit, currency, potential, share_percent, notes,
};
// The column mapping the learner confirmed last, by the columns' header text, so the next
// report from the same ERP maps itself.
struct ColumnChoice {
    std::string header;
    Field field = Field::none;
    bool operator==(const ColumnChoice&) const = default;
};

struct Plan {
    std::vector<Account> accounts;  // in the order added
    std::vector<ColumnChoice> mapping;
    bool operator==(const Plan&) const = default;
};

struct PlanLimits {
    std::size_t accounts = 10000;
    std::size_t receivables = 100000;             // in the whole plan
    std::size_t receivables_per_account = 2000;
    std::size_t payments_per_receivable = 50;
    std::size_t name_chars = 200;                 // account name, segment (code points)
    std::size_t invoice_chars = 64;
    std::size_t note_chars = 2000;                // notes of an account, a receivable, a payment
    std::size_t id_chars = 40;
    std::size_t currency_chars = 8;               // an ISO 4217 code is 3; room for what a report writes
    std::size_t mapping_columns = 256;            // remembered column choices
    Money max_amount = 1'000'000'000'000'00;      // a trillion in major units
    std::uint32_t max_terms_days = 3650;
    Day earliest = -25567;                        // 1900-01-01
    Day latest = 47481;                           // 2099-12-31
};
inline constexpr PlanLimits kPlanLimits{};

// ---- actions ----------------------------------------------------------------------------
struct AddAccount {  // receivables given with it are added too
    Account account;
};
struct EditAccount {  // every field but id, example and receivables, as given
    Account account;
};
struct RemoveAccount {
    std::string account;
};
struct AddReceivable {
    std::string account;
    Receivable receivable;
};
struct EditReceivable {  // every field but id and payments, as given
    std::string account;
    Receivable receivable;
};
struct RemoveReceivable {
    std::string account, receivable;
};
struct AddPayment {
    std::string account, receivable;
    Payment payment;
};
struct RemovePayment {
    std::string account, receivable;
    std::size_t index = 0;
};
// An import: accounts matched by name (exactly as typed) are updated with the fields the import
// carried and get its receivables (a receivable with the same invoice number is replaced,
// keeping its id and payments; a paid amount the import carried counts as what had come in by
// then, so only what it adds beyond the recorded payments is added, as one payment); new names
// become new accounts. `fields` says which account fields the table had, so an import of
// invoices alone does not blank the terms the learner set. Checked as a whole: the merged plan
// must keep every limit.
struct ImportAccounts {
    std::vector<Account> accounts;
    std::vector<Field> fields;
};
struct ReplacePlan {  // a plan file restored: everything at once
    Plan plan;
};
struct LoadExample {  // the worked example's accounts, added to what is there
    std::vector<Account> accounts;
};
struct ClearExample {};  // every account of the worked example goes, the learner's own stay
struct RememberMapping {
    std::vector<ColumnChoice> mapping;
};
using PlanAction = std::variant<AddAccount, EditAccount, RemoveAccount, AddReceivable, EditReceivable, RemoveReceivable, AddPayment,
                                RemovePayment, ImportAccounts, ReplacePlan, LoadExample, ClearExample, RememberMapping>;

// Why an action cannot be applied (the plan stays as it is).
enum class PlanRefusal {
    none,
    too_many_accounts,
    too_many_receivables,
    too_many_payments,
    text_too_long,        // in code points; also more remembered columns than mapping_columns
    amount_out_of_range,  // an amount over max_amount; a potential, credit limit, share (> 100) or terms out of range
    date_out_of_range,
    due_before_issue,
    unknown_account,
    unknown_receivable,   // also a payment index past the receivable's payments
    duplicate_id,
    empty_name,           // an account name of spaces only (ASCII or U+3000), or an empty id
    not_positive,         // a receivable's or a payment's amount of 0 or less
};
PlanRefusal refusal(const Plan& plan, const PlanAction& action, const PlanLimits& limits = kPlanLimits);
// A whole plan as ReplacePlan's refusal checks it, without copying it into an action.
PlanRefusal whole_plan_refusal(const Plan& plan, const PlanLimits& limits = kPlanLimits);
Plan apply(Plan plan, const PlanAction& action);

const Account* find_account(const Plan& plan, std::string_view id);
const Receivable* find_receivable(const Account& account, std::string_view id);
std::size_t receivable_count(const Plan& plan);

// The stage an account is in: the learner's choice, else from its share.
Stage stage_of(const Account& account);

// Paid on a receivable up to and including `as_of`, and what is still open then (never below 0).
Money paid_by(const Receivable& r, Day as_of);
Money open_amount(const Receivable& r, Day as_of);

// Days as the learner's calendar counts them: the local day of a wall-clock instant
// (ms since 1970 and the offset of local time from UTC, in minutes).
Day local_day(std::int64_t now_ms, int utc_offset_minutes);

// The worked example: three accounts from the course's own situations, dated around `today`,
// in the learner's language, with ids from `id_seed`.
std::vector<Account> worked_example(Day today, Lang lang, std::string_view id_seed);

}  // namespace coach
