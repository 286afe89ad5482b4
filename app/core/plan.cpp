// plan: the actions that change the collection plan, and the checks that keep it within its limits.
//
// `refusal` and `apply` share one set of checks: a field check per record (account, receivable,
// payment), then the counts the action would leave behind. Actions that bring many records at
// once (an import, a restored plan file, the worked example) are checked as a whole: the plan
// they would make must hold every limit, so a half-applied import never exists. Text is stored
// exactly as given; trimming only decides whether a name is empty.
//
// Which refusal a broken number gets: an amount of zero or less (a receivable, a payment) is
// `not_positive`, any other number outside its range (an amount over max_amount, a negative
// potential or credit limit, a share over 100, terms over max_terms_days) is
// `amount_out_of_range`. An empty id counts as an empty name; a payment index past the end is an
// unknown receivable (there is no payment to name).
#include "plan.h"

#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "calendar.h"
#include "utf8.h"

namespace coach {
namespace {

bool too_long(std::string_view text, std::size_t max_chars) {
    // Bytes bound code points from above, so most texts need no counting.
    return text.size() > max_chars && utf8_count(text) > max_chars;
}

// Blank: nothing but spaces (ASCII white space and the ideographic space U+3000 a Chinese IME types).
bool blank(std::string_view text) {
    std::size_t at = 0;
    while (at < text.size()) {
        const char c = text[at];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            ++at;
        } else if (text.substr(at, 3) == "\xE3\x80\x80") {
            at += 3;
        } else {
            return false;
        }
    }
    return true;
}

PlanRefusal check_id(std::string_view id, const PlanLimits& limits) {
    if (id.empty()) return PlanRefusal::empty_name;
    if (too_long(id, limits.id_chars)) return PlanRefusal::text_too_long;
    return PlanRefusal::none;
}

PlanRefusal check_amount(Money amount, const PlanLimits& limits) {
    if (amount <= 0) return PlanRefusal::not_positive;
    if (amount > limits.max_amount) return PlanRefusal::amount_out_of_range;
    return PlanRefusal::none;
}

bool day_in_range(Day day, const PlanLimits& limits) { return day >= limits.earliest && day <= limits.latest; }

PlanRefusal check_payment(const Payment& p, const PlanLimits& limits) {
    if (const auto r = check_amount(p.amount, limits); r != PlanRefusal::none) return r;
    if (!day_in_range(p.date, limits)) return PlanRefusal::date_out_of_range;
    if (too_long(p.note, limits.note_chars)) return PlanRefusal::text_too_long;
    return PlanRefusal::none;
}

// Every field of a receivable but its id and payments (what EditReceivable changes).
PlanRefusal check_receivable_fields(const Receivable& r, const PlanLimits& limits) {
    if (too_long(r.invoice, limits.invoice_chars) || too_long(r.note, limits.note_chars)) return PlanRefusal::text_too_long;
    if (const auto a = check_amount(r.amount, limits); a != PlanRefusal::none) return a;
    if (!day_in_range(r.issued, limits) || !day_in_range(r.due, limits)) return PlanRefusal::date_out_of_range;
    if (r.due < r.issued) return PlanRefusal::due_before_issue;
    return PlanRefusal::none;
}

PlanRefusal check_payments(const std::vector<Payment>& payments, const PlanLimits& limits) {
    if (payments.size() > limits.payments_per_receivable) return PlanRefusal::too_many_payments;
    for (const Payment& p : payments)
        if (const auto r = check_payment(p, limits); r != PlanRefusal::none) return r;
    return PlanRefusal::none;
}

PlanRefusal check_receivable(const Receivable& r, const PlanLimits& limits) {
    if (const auto a = check_id(r.id, limits); a != PlanRefusal::none) return a;
    if (const auto a = check_receivable_fields(r, limits); a != PlanRefusal::none) return a;
    return check_payments(r.payments, limits);
}

// Every field of an account but its id, example flag and receivables (what EditAccount changes).
PlanRefusal check_account_fields(const Account& a, const PlanLimits& limits) {
    if (blank(a.name)) return PlanRefusal::empty_name;
    if (too_long(a.name, limits.name_chars) || too_long(a.segment, limits.name_chars) || too_long(a.notes, limits.note_chars) ||
        too_long(a.currency, limits.currency_chars))
        return PlanRefusal::text_too_long;
    if (a.potential < 0 || a.potential > limits.max_amount || a.credit_limit < 0 || a.credit_limit > limits.max_amount ||
        a.share_percent > 100 || a.terms_days > limits.max_terms_days)
        return PlanRefusal::amount_out_of_range;
    return PlanRefusal::none;
}

// A whole account with its receivables; receivable ids unique within it.
PlanRefusal check_account(const Account& a, const PlanLimits& limits) {
    if (const auto r = check_id(a.id, limits); r != PlanRefusal::none) return r;
    if (const auto r = check_account_fields(a, limits); r != PlanRefusal::none) return r;
    if (a.receivables.size() > limits.receivables_per_account) return PlanRefusal::too_many_receivables;
    std::unordered_set<std::string_view> ids;
    ids.reserve(a.receivables.size());
    for (const Receivable& r : a.receivables) {
        if (const auto why = check_receivable(r, limits); why != PlanRefusal::none) return why;
        if (!ids.insert(r.id).second) return PlanRefusal::duplicate_id;
    }
    return PlanRefusal::none;
}

PlanRefusal check_mapping(const std::vector<ColumnChoice>& mapping, const PlanLimits& limits) {
    if (mapping.size() > limits.mapping_columns) return PlanRefusal::text_too_long;
    for (const ColumnChoice& c : mapping)
        if (too_long(c.header, limits.name_chars)) return PlanRefusal::text_too_long;
    return PlanRefusal::none;
}

// A whole plan, as a restored file or the result of an import must be.
PlanRefusal check_plan(const Plan& plan, const PlanLimits& limits) {
    if (plan.accounts.size() > limits.accounts) return PlanRefusal::too_many_accounts;
    if (receivable_count(plan) > limits.receivables) return PlanRefusal::too_many_receivables;
    std::unordered_set<std::string_view> ids;
    ids.reserve(plan.accounts.size());
    for (const Account& a : plan.accounts) {
        if (const auto r = check_account(a, limits); r != PlanRefusal::none) return r;
        if (!ids.insert(a.id).second) return PlanRefusal::duplicate_id;
    }
    return check_mapping(plan.mapping, limits);
}

Account* find_account_mut(Plan& plan, std::string_view id) {
    for (Account& a : plan.accounts)
        if (a.id == id) return &a;
    return nullptr;
}

Receivable* find_receivable_mut(Account& account, std::string_view id) {
    for (Receivable& r : account.receivables)
        if (r.id == id) return &r;
    return nullptr;
}

Money paid_total(const std::vector<Payment>& payments) {
    Money sum = 0;
    for (const Payment& p : payments) sum += p.amount;
    return sum;
}

bool carries(const std::vector<Field>& fields, Field f) { return std::find(fields.begin(), fields.end(), f) != fields.end(); }

// The import's merge rules (plan.h). A matched receivable keeps its id and the payments the plan
// records; the import's paid amount is what had come in by the report's date, so when it is more
// than the plan records, the difference is added as one payment (dated as the import dated it)
// and re-importing the same report adds nothing.
void merge_import(Plan& plan, const ImportAccounts& import) {
    for (const Account& in : import.accounts) {
        Account* target = nullptr;
        for (Account& a : plan.accounts)
            if (a.name == in.name) {
                target = &a;
                break;
            }
        if (target == nullptr) {
            plan.accounts.push_back(in);
            continue;
        }
        const auto& f = import.fields;
        if (carries(f, Field::segment)) target->segment = in.segment;
        if (carries(f, Field::terms_days)) target->terms_days = in.terms_days;
        if (carries(f, Field::credit_limit)) target->credit_limit = in.credit_limit;
        if (carries(f, Field::currency)) target->currency = in.currency;
        if (carries(f, Field::potential)) target->potential = in.potential;
        if (carries(f, Field::share_percent)) target->share_percent = in.share_percent;
        if (carries(f, Field::notes)) target->notes = in.notes;
        for (const Receivable& r : in.receivables) {
            Receivable* same = nullptr;
            if (!r.invoice.empty())
                for (Receivable& mine : target->receivables)
                    if (mine.invoice == r.invoice) {
                        same = &mine;
                        break;
                    }
            if (same == nullptr) {
                target->receivables.push_back(r);
                continue;
            }
            std::vector<Payment> kept = std::move(same->payments);
            std::string id = std::move(same->id);
            std::string note = std::move(same->note);
            *same = r;
            same->id = std::move(id);
            if (same->note.empty()) same->note = std::move(note);  // a report without notes keeps the learner's
            same->payments = std::move(kept);
            const Money reported = paid_total(r.payments);
            const Money recorded = paid_total(same->payments);
            if (reported > recorded) same->payments.push_back({r.payments.back().date, reported - recorded, r.payments.back().note});
        }
    }
}

struct Refuse {
    const Plan& plan;
    const PlanLimits& limits;

    PlanRefusal operator()(const AddAccount& a) const {
        if (const auto r = check_account(a.account, limits); r != PlanRefusal::none) return r;
        if (find_account(plan, a.account.id) != nullptr) return PlanRefusal::duplicate_id;
        if (plan.accounts.size() + 1 > limits.accounts) return PlanRefusal::too_many_accounts;
        if (receivable_count(plan) + a.account.receivables.size() > limits.receivables) return PlanRefusal::too_many_receivables;
        return PlanRefusal::none;
    }
    PlanRefusal operator()(const EditAccount& a) const {
        if (find_account(plan, a.account.id) == nullptr) return PlanRefusal::unknown_account;
        return check_account_fields(a.account, limits);
    }
    PlanRefusal operator()(const RemoveAccount& a) const {
        return find_account(plan, a.account) != nullptr ? PlanRefusal::none : PlanRefusal::unknown_account;
    }
    PlanRefusal operator()(const AddReceivable& a) const {
        const Account* account = find_account(plan, a.account);
        if (account == nullptr) return PlanRefusal::unknown_account;
        if (const auto r = check_receivable(a.receivable, limits); r != PlanRefusal::none) return r;
        if (find_receivable(*account, a.receivable.id) != nullptr) return PlanRefusal::duplicate_id;
        if (account->receivables.size() + 1 > limits.receivables_per_account || receivable_count(plan) + 1 > limits.receivables)
            return PlanRefusal::too_many_receivables;
        return PlanRefusal::none;
    }
    PlanRefusal operator()(const EditReceivable& a) const {
        const Account* account = find_account(plan, a.account);
        if (account == nullptr) return PlanRefusal::unknown_account;
        if (find_receivable(*account, a.receivable.id) == nullptr) return PlanRefusal::unknown_receivable;
        return check_receivable_fields(a.receivable, limits);
    }
    PlanRefusal operator()(const RemoveReceivable& a) const {
        const Account* account = find_account(plan, a.account);
        if (account == nullptr) return PlanRefusal::unknown_account;
        return find_receivable(*account, a.receivable) != nullptr ? PlanRefusal::none : PlanRefusal::unknown_receivable;
    }
    PlanRefusal operator()(const AddPayment& a) const {
        const Account* account = find_account(plan, a.account);
        if (account == nullptr) return PlanRefusal::unknown_account;
        const Receivable* r = find_receivable(*account, a.receivable);
        if (r == nullptr) return PlanRefusal::unknown_receivable;
        if (const auto why = check_payment(a.payment, limits); why != PlanRefusal::none) return why;
        if (r->payments.size() + 1 > limits.payments_per_receivable) return PlanRefusal::too_many_payments;
        return PlanRefusal::none;
    }
    PlanRefusal operator()(const RemovePayment& a) const {
        const Account* account = find_account(plan, a.account);
        if (account == nullptr) return PlanRefusal::unknown_account;
        const Receivable* r = find_receivable(*account, a.receivable);
        if (r == nullptr || a.index >= r->payments.size()) return PlanRefusal::unknown_receivable;
        return PlanRefusal::none;
    }
    PlanRefusal operator()(const ImportAccounts& a) const {
        // Each imported account's own fields first, so the refusal names what is wrong with the
        // import rather than what the merge made of it.
        for (const Account& in : a.accounts)
            for (const Receivable& r : in.receivables)
                if (const auto why = check_receivable(r, limits); why != PlanRefusal::none) return why;
        Plan merged = plan;
        merge_import(merged, a);
        return check_plan(merged, limits);
    }
    PlanRefusal operator()(const ReplacePlan& a) const { return check_plan(a.plan, limits); }
    PlanRefusal operator()(const LoadExample& a) const {
        if (plan.accounts.size() + a.accounts.size() > limits.accounts) return PlanRefusal::too_many_accounts;
        std::size_t added = 0;
        std::unordered_set<std::string_view> ids;
        for (const Account& x : plan.accounts) ids.insert(x.id);
        for (const Account& x : a.accounts) {
            if (const auto r = check_account(x, limits); r != PlanRefusal::none) return r;
            if (!ids.insert(x.id).second) return PlanRefusal::duplicate_id;
            added += x.receivables.size();
        }
        if (receivable_count(plan) + added > limits.receivables) return PlanRefusal::too_many_receivables;
        return PlanRefusal::none;
    }
    PlanRefusal operator()(const ClearExample&) const { return PlanRefusal::none; }
    PlanRefusal operator()(const RememberMapping& a) const { return check_mapping(a.mapping, limits); }
};

struct Apply {
    Plan& plan;

    void operator()(const AddAccount& a) const { plan.accounts.push_back(a.account); }
    void operator()(const EditAccount& a) const {
        Account& target = *find_account_mut(plan, a.account.id);
        Account edited = a.account;
        edited.example = target.example;
        edited.receivables = std::move(target.receivables);
        target = std::move(edited);
    }
    void operator()(const RemoveAccount& a) const {
        std::erase_if(plan.accounts, [&](const Account& x) { return x.id == a.account; });
    }
    void operator()(const AddReceivable& a) const { find_account_mut(plan, a.account)->receivables.push_back(a.receivable); }
    void operator()(const EditReceivable& a) const {
        Receivable& target = *find_receivable_mut(*find_account_mut(plan, a.account), a.receivable.id);
        Receivable edited = a.receivable;
        edited.payments = std::move(target.payments);
        target = std::move(edited);
    }
    void operator()(const RemoveReceivable& a) const {
        std::erase_if(find_account_mut(plan, a.account)->receivables, [&](const Receivable& r) { return r.id == a.receivable; });
    }
    void operator()(const AddPayment& a) const {
        find_receivable_mut(*find_account_mut(plan, a.account), a.receivable)->payments.push_back(a.payment);
    }
    void operator()(const RemovePayment& a) const {
        auto& payments = find_receivable_mut(*find_account_mut(plan, a.account), a.receivable)->payments;
        payments.erase(payments.begin() + static_cast<std::ptrdiff_t>(a.index));
    }
    void operator()(const ImportAccounts& a) const { merge_import(plan, a); }
    void operator()(const ReplacePlan& a) const { plan = a.plan; }
    void operator()(const LoadExample& a) const { plan.accounts.insert(plan.accounts.end(), a.accounts.begin(), a.accounts.end()); }
    void operator()(const ClearExample&) const {
        std::erase_if(plan.accounts, [](const Account& x) { return x.example; });
    }
    void operator()(const RememberMapping& a) const { plan.mapping = a.mapping; }
};

}  // namespace

PlanRefusal whole_plan_refusal(const Plan& plan, const PlanLimits& limits) { return check_plan(plan, limits); }

PlanRefusal refusal(const Plan& plan, const PlanAction& action, const PlanLimits& limits) {
    return std::visit(Refuse{plan, limits}, action);
}

Plan apply(Plan plan, const PlanAction& action) {
    if (refusal(plan, action) != PlanRefusal::none) return plan;
    std::visit(Apply{plan}, action);
    return plan;
}

const Account* find_account(const Plan& plan, std::string_view id) {
    for (const Account& a : plan.accounts)
        if (a.id == id) return &a;
    return nullptr;
}

const Receivable* find_receivable(const Account& account, std::string_view id) {
    for (const Receivable& r : account.receivables)
        if (r.id == id) return &r;
    return nullptr;
}

std::size_t receivable_count(const Plan& plan) {
    std::size_t n = 0;
    for (const Account& a : plan.accounts) n += a.receivables.size();
    return n;
}

Stage stage_of(const Account& account) {
    switch (account.stage) {
        case StageChoice::attack: return Stage::attack;
        case StageChoice::defense: return Stage::defense;
        case StageChoice::from_share: break;
    }
    return account.share_percent >= kDefenseSharePercent ? Stage::defense : Stage::attack;
}

Money paid_by(const Receivable& r, Day as_of) {
    Money sum = 0;
    for (const Payment& p : r.payments)
        if (p.date <= as_of) sum += p.amount;
    return sum;
}

Money open_amount(const Receivable& r, Day as_of) { return std::max<Money>(0, r.amount - paid_by(r, as_of)); }

Day local_day(std::int64_t now_ms, int utc_offset_minutes) {
    return static_cast<Day>(floor_div(now_ms + std::int64_t{utc_offset_minutes} * 60'000, 86'400'000));
}

}  // namespace coach
