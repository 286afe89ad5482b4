// The collection plan as data: every action, every limit, the import's merge and the worked example.
#include <catch2/catch.hpp>

#include <string>

#include "core/plan.h"
#include "core/plan_analytics.h"

using namespace coach;

namespace {

constexpr Day kToday = 20527;  // 2026-03-15

Receivable invoice(std::string id, Money amount, Day issued, Day due, std::string number = {}) {
    Receivable r;
    r.id = std::move(id);
    r.invoice = number.empty() ? "FP-" + r.id : std::move(number);
    r.amount = amount;
    r.issued = issued;
    r.due = due;
    return r;
}

Account customer(std::string id, std::string name) {
    Account a;
    a.id = std::move(id);
    a.name = std::move(name);
    return a;
}

std::string repeated(std::string_view unit, std::size_t times) {
    std::string out;
    for (std::size_t i = 0; i < times; ++i) out += unit;
    return out;
}

// One account "a" with one receivable "r" of 1,000.00 issued today, due in 30 days.
Plan one_invoice() {
    Account a = customer("a", "湘江机械集团");
    a.receivables.push_back(invoice("r", 100'000, kToday, kToday + 30));
    return apply({}, AddAccount{a});
}

}  // namespace

TEST_CASE("paid and open amounts count payments up to the day asked", "[plan]") {
    Receivable r = invoice("r", 1000, kToday - 10, kToday);
    r.payments = {{kToday - 5, 300, {}}, {kToday, 200, {}}, {kToday + 1, 400, {}}};
    CHECK(paid_by(r, kToday - 6) == 0);
    CHECK(paid_by(r, kToday - 5) == 300);
    CHECK(paid_by(r, kToday) == 500);
    CHECK(open_amount(r, kToday) == 500);
    CHECK(open_amount(r, kToday + 1) == 100);
    r.payments.push_back({kToday + 2, 500, {}});  // paid more than owed: nothing open, never negative
    CHECK(paid_by(r, kToday + 2) == 1400);
    CHECK(open_amount(r, kToday + 2) == 0);
}

TEST_CASE("the local day follows the UTC offset, before 1970 too", "[plan]") {
    constexpr std::int64_t kDayMs = 86'400'000;
    CHECK(local_day(0, 0) == 0);
    CHECK(local_day(kDayMs - 1, 0) == 0);
    CHECK(local_day(-1, 0) == -1);
    // 2025-11-26 00:00 in Beijing is 2025-11-25 16:00 UTC: day 20418 there, 20417 in UTC.
    const std::int64_t beijing_midnight = 20418 * kDayMs - 8 * 3'600'000;
    CHECK(local_day(beijing_midnight, 480) == 20418);
    CHECK(local_day(beijing_midnight - 1, 480) == 20417);
    CHECK(local_day(beijing_midnight, 0) == 20417);
    CHECK(local_day(20418 * kDayMs + 3'600'000, -300) == 20417);  // 01:00 UTC is the evening before in New York
}

TEST_CASE("the stage follows the share from 50 % on, unless the learner chose one", "[plan]") {
    Account a = customer("a", "甲");
    a.share_percent = 49;
    CHECK(stage_of(a) == Stage::attack);
    a.share_percent = 50;  // "份额扩大了50%以上": 50 itself counts
    CHECK(stage_of(a) == Stage::defense);
    a.share_percent = 51;
    CHECK(stage_of(a) == Stage::defense);
    a.stage = StageChoice::attack;
    CHECK(stage_of(a) == Stage::attack);
    a.share_percent = 10;
    a.stage = StageChoice::defense;
    CHECK(stage_of(a) == Stage::defense);
}

TEST_CASE("accounts are added, edited and removed by id", "[plan]") {
    Plan p = one_invoice();
    REQUIRE(p.accounts.size() == 1);
    CHECK(find_account(p, "a")->receivables.size() == 1);
    CHECK(find_account(p, "b") == nullptr);
    CHECK(receivable_count(p) == 1);

    Account edit = customer("a", "  湘江机械集团（长沙） ");  // stored exactly as typed
    edit.segment = "工程机械";
    edit.potential = 5'000'000;
    edit.share_percent = 60;
    edit.stage = StageChoice::attack;
    edit.credit_limit = 300'000;
    edit.terms_days = 45;
    edit.currency = "USD";
    edit.notes = "先收旧款";
    edit.example = true;                                          // not an editable field
    edit.receivables.push_back(invoice("x", 1, kToday, kToday));  // nor are the receivables
    p = apply(p, EditAccount{edit});
    const Account& a = p.accounts[0];
    CHECK(a.name == "  湘江机械集团（长沙） ");
    CHECK(a.segment == "工程机械");
    CHECK(a.potential == 5'000'000);
    CHECK(a.share_percent == 60);
    CHECK(a.stage == StageChoice::attack);
    CHECK(a.credit_limit == 300'000);
    CHECK(a.terms_days == 45);
    CHECK(a.currency == "USD");
    CHECK(a.notes == "先收旧款");
    CHECK_FALSE(a.example);
    REQUIRE(a.receivables.size() == 1);
    CHECK(a.receivables[0].id == "r");

    p = apply(p, AddAccount{customer("b", "岳麓医药")});
    CHECK(p.accounts.size() == 2);
    CHECK(p.accounts[1].name == "岳麓医药");
    p = apply(p, RemoveAccount{"a"});
    REQUIRE(p.accounts.size() == 1);
    CHECK(p.accounts[0].id == "b");
}

TEST_CASE("receivables and payments are added, edited and removed", "[plan]") {
    Plan p = one_invoice();
    p = apply(p, AddReceivable{"a", invoice("s", 50'000, kToday - 40, kToday - 10)});
    REQUIRE(find_account(p, "a")->receivables.size() == 2);

    p = apply(p, AddPayment{"a", "r", {kToday, 30'000, "电汇"}});
    p = apply(p, AddPayment{"a", "r", {kToday + 1, 20'000, {}}});
    const Receivable* r = find_receivable(*find_account(p, "a"), "r");
    REQUIRE(r != nullptr);
    REQUIRE(r->payments.size() == 2);
    CHECK(r->payments[0] == Payment{kToday, 30'000, "电汇"});

    Receivable edit = invoice("r", 120'000, kToday - 1, kToday + 29, "FP-9");
    edit.note = "改了金额";
    edit.payments.clear();  // ignored: an edit keeps the payments
    p = apply(p, EditReceivable{"a", edit});
    r = find_receivable(*find_account(p, "a"), "r");
    CHECK(r->amount == 120'000);
    CHECK(r->invoice == "FP-9");
    CHECK(r->issued == kToday - 1);
    CHECK(r->due == kToday + 29);
    CHECK(r->note == "改了金额");
    CHECK(r->payments.size() == 2);

    p = apply(p, RemovePayment{"a", "r", 0});
    r = find_receivable(*find_account(p, "a"), "r");
    REQUIRE(r->payments.size() == 1);
    CHECK(r->payments[0].amount == 20'000);

    p = apply(p, RemoveReceivable{"a", "r"});
    REQUIRE(find_account(p, "a")->receivables.size() == 1);
    CHECK(find_account(p, "a")->receivables[0].id == "s");
}

TEST_CASE("the mapping is remembered and a plan file replaces everything", "[plan]") {
    Plan p = apply(one_invoice(), RememberMapping{{{"客户名称", Field::account}, {"金额", Field::amount}}});
    REQUIRE(p.mapping.size() == 2);
    CHECK(p.mapping[1] == ColumnChoice{"金额", Field::amount});
    Plan restored;
    restored.accounts.push_back(customer("z", "Z"));
    CHECK(apply(p, ReplacePlan{restored}) == restored);
}

TEST_CASE("actions naming what is not there are refused and change nothing", "[plan]") {
    const Plan p = one_invoice();
    CHECK(refusal(p, EditAccount{customer("b", "乙")}) == PlanRefusal::unknown_account);
    CHECK(refusal(p, RemoveAccount{"b"}) == PlanRefusal::unknown_account);
    CHECK(refusal(p, AddReceivable{"b", invoice("s", 1, kToday, kToday)}) == PlanRefusal::unknown_account);
    CHECK(refusal(p, EditReceivable{"a", invoice("s", 1, kToday, kToday)}) == PlanRefusal::unknown_receivable);
    CHECK(refusal(p, RemoveReceivable{"a", "s"}) == PlanRefusal::unknown_receivable);
    CHECK(refusal(p, AddPayment{"a", "s", {kToday, 1, {}}}) == PlanRefusal::unknown_receivable);
    CHECK(refusal(p, RemovePayment{"a", "r", 0}) == PlanRefusal::unknown_receivable);  // it has no payment 0
    CHECK(refusal(p, AddAccount{customer("a", "又一个")}) == PlanRefusal::duplicate_id);
    CHECK(refusal(p, AddReceivable{"a", invoice("r", 1, kToday, kToday)}) == PlanRefusal::duplicate_id);
    CHECK(apply(p, RemoveAccount{"b"}) == p);
    CHECK(apply(p, AddAccount{customer("a", "又一个")}) == p);
}

TEST_CASE("names, amounts and dates outside their limits are refused", "[plan]") {
    const Plan p = one_invoice();
    CHECK(refusal(p, AddAccount{customer("b", "")}) == PlanRefusal::empty_name);
    CHECK(refusal(p, AddAccount{customer("b", " \t\xE3\x80\x80 ")}) == PlanRefusal::empty_name);  // ideographic space too
    CHECK(refusal(p, AddAccount{customer("", "乙")}) == PlanRefusal::empty_name);
    CHECK(refusal(p, AddAccount{customer("b", " 乙 ")}) == PlanRefusal::none);

    const Receivable fine = invoice("s", 1, kToday, kToday);
    const auto receivable_refusal = [&](auto change) {
        Receivable r = fine;
        change(r);
        return refusal(p, AddReceivable{"a", r});
    };
    CHECK(receivable_refusal([](Receivable&) {}) == PlanRefusal::none);
    CHECK(receivable_refusal([](Receivable& r) { r.amount = 0; }) == PlanRefusal::not_positive);
    CHECK(receivable_refusal([](Receivable& r) { r.amount = -5; }) == PlanRefusal::not_positive);
    CHECK(receivable_refusal([](Receivable& r) { r.amount = kPlanLimits.max_amount; }) == PlanRefusal::none);
    CHECK(receivable_refusal([](Receivable& r) { r.amount = kPlanLimits.max_amount + 1; }) == PlanRefusal::amount_out_of_range);
    CHECK(receivable_refusal([](Receivable& r) { r.due = r.issued - 1; }) == PlanRefusal::due_before_issue);
    CHECK(receivable_refusal([](Receivable& r) { r.issued = r.due = kPlanLimits.earliest; }) == PlanRefusal::none);
    CHECK(receivable_refusal([](Receivable& r) { r.issued = r.due = kPlanLimits.earliest - 1; }) == PlanRefusal::date_out_of_range);
    CHECK(receivable_refusal([](Receivable& r) { r.due = kPlanLimits.latest; }) == PlanRefusal::none);
    CHECK(receivable_refusal([](Receivable& r) { r.due = kPlanLimits.latest + 1; }) == PlanRefusal::date_out_of_range);
    CHECK(receivable_refusal([](Receivable& r) { r.payments = {{kToday, 0, {}}}; }) == PlanRefusal::not_positive);

    // Payments: positive, dated within the limits.
    CHECK(refusal(p, AddPayment{"a", "r", {kToday, 0, {}}}) == PlanRefusal::not_positive);
    CHECK(refusal(p, AddPayment{"a", "r", {kToday, -1, {}}}) == PlanRefusal::not_positive);
    CHECK(refusal(p, AddPayment{"a", "r", {kPlanLimits.latest + 1, 1, {}}}) == PlanRefusal::date_out_of_range);
    CHECK(refusal(p, AddPayment{"a", "r", {kToday, kPlanLimits.max_amount + 1, {}}}) == PlanRefusal::amount_out_of_range);

    // The account's numbers.
    const auto account_refusal = [&](auto change) {
        Account a = customer("a", "甲");
        change(a);
        return refusal(p, EditAccount{a});
    };
    CHECK(account_refusal([](Account& a) { a.share_percent = 100; }) == PlanRefusal::none);
    CHECK(account_refusal([](Account& a) { a.share_percent = 101; }) == PlanRefusal::amount_out_of_range);
    CHECK(account_refusal([](Account& a) { a.potential = a.credit_limit = kPlanLimits.max_amount; }) == PlanRefusal::none);
    CHECK(account_refusal([](Account& a) { a.potential = kPlanLimits.max_amount + 1; }) == PlanRefusal::amount_out_of_range);
    CHECK(account_refusal([](Account& a) { a.potential = -1; }) == PlanRefusal::amount_out_of_range);
    CHECK(account_refusal([](Account& a) { a.credit_limit = kPlanLimits.max_amount + 1; }) == PlanRefusal::amount_out_of_range);
    CHECK(account_refusal([](Account& a) { a.terms_days = kPlanLimits.max_terms_days; }) == PlanRefusal::none);
    CHECK(account_refusal([](Account& a) { a.terms_days = kPlanLimits.max_terms_days + 1; }) == PlanRefusal::amount_out_of_range);
    CHECK(account_refusal([](Account& a) { a.name = "\xE3\x80\x80"; }) == PlanRefusal::empty_name);
    CHECK(apply(p, EditAccount{customer("a", "  ")}) == p);
}

TEST_CASE("texts are counted in characters: the largest allowed is kept, one more is refused", "[plan]") {
    const Plan p = one_invoice();
    const auto name_refusal = [&](std::string name, std::string segment = {}, std::string notes = {}) {
        Account a = customer("b", std::move(name));
        a.segment = std::move(segment);
        a.notes = std::move(notes);
        return refusal(p, AddAccount{a});
    };
    // 200 Chinese characters are 600 bytes, within the 200-character limit.
    CHECK(name_refusal(repeated("湘", 200)) == PlanRefusal::none);
    CHECK(name_refusal(repeated("湘", 201)) == PlanRefusal::text_too_long);
    CHECK(name_refusal("甲", repeated("械", 200)) == PlanRefusal::none);
    CHECK(name_refusal("甲", repeated("械", 201)) == PlanRefusal::text_too_long);
    CHECK(name_refusal("甲", {}, repeated("注", 2000)) == PlanRefusal::none);
    CHECK(name_refusal("甲", {}, repeated("注", 2001)) == PlanRefusal::text_too_long);

    Account currency = customer("b", "乙");
    currency.currency = repeated("币", 8);
    CHECK(refusal(p, AddAccount{currency}) == PlanRefusal::none);
    currency.currency += "币";
    CHECK(refusal(p, AddAccount{currency}) == PlanRefusal::text_too_long);

    CHECK(refusal(p, AddAccount{customer(repeated("i", 40), "乙")}) == PlanRefusal::none);
    CHECK(refusal(p, AddAccount{customer(repeated("i", 41), "乙")}) == PlanRefusal::text_too_long);

    const auto receivable_refusal = [&](std::string number, std::string note) {
        Receivable r = invoice("s", 1, kToday, kToday, std::move(number));
        r.note = std::move(note);
        return refusal(p, AddReceivable{"a", r});
    };
    CHECK(receivable_refusal(repeated("号", 64), {}) == PlanRefusal::none);
    CHECK(receivable_refusal(repeated("号", 65), {}) == PlanRefusal::text_too_long);
    CHECK(receivable_refusal("1", repeated("注", 2000)) == PlanRefusal::none);
    CHECK(receivable_refusal("1", repeated("注", 2001)) == PlanRefusal::text_too_long);
    CHECK(refusal(p, AddPayment{"a", "r", {kToday, 1, repeated("注", 2000)}}) == PlanRefusal::none);
    CHECK(refusal(p, AddPayment{"a", "r", {kToday, 1, repeated("注", 2001)}}) == PlanRefusal::text_too_long);

    CHECK(refusal(p, RememberMapping{{{repeated("列", 200), Field::amount}}}) == PlanRefusal::none);
    CHECK(refusal(p, RememberMapping{{{repeated("列", 201), Field::amount}}}) == PlanRefusal::text_too_long);
    CHECK(refusal(p, RememberMapping{std::vector<ColumnChoice>(kPlanLimits.mapping_columns)}) == PlanRefusal::none);
    CHECK(refusal(p, RememberMapping{std::vector<ColumnChoice>(kPlanLimits.mapping_columns + 1)}) == PlanRefusal::text_too_long);
}

TEST_CASE("payments per receivable stop at the limit", "[plan]") {
    Plan p = one_invoice();
    for (std::size_t i = 0; i < kPlanLimits.payments_per_receivable; ++i) p = apply(p, AddPayment{"a", "r", {kToday, 1, {}}});
    CHECK(p.accounts[0].receivables[0].payments.size() == 50);
    CHECK(refusal(p, AddPayment{"a", "r", {kToday, 1, {}}}) == PlanRefusal::too_many_payments);
    CHECK(apply(p, AddPayment{"a", "r", {kToday, 1, {}}}) == p);

    Receivable full = invoice("s", 100, kToday, kToday);
    full.payments.assign(50, Payment{kToday, 1, {}});
    CHECK(refusal(p, AddReceivable{"a", full}) == PlanRefusal::none);
    full.payments.push_back(Payment{kToday, 1, {}});
    CHECK(refusal(p, AddReceivable{"a", full}) == PlanRefusal::too_many_payments);
}

TEST_CASE("accounts and receivables stop at the plan's limits", "[plan]") {
    // The full sizes, as the app writes them: 10,000 accounts; 2,000 receivables in one account;
    // 100,000 receivables in all (50 accounts of 2,000).
    Plan plan;
    for (std::size_t i = 0; i < kPlanLimits.accounts; ++i) plan.accounts.push_back(customer("a" + std::to_string(i), "客户"));
    CHECK(refusal({}, ReplacePlan{plan}) == PlanRefusal::none);
    CHECK(refusal(plan, AddAccount{customer("new", "新")}) == PlanRefusal::too_many_accounts);
    CHECK(refusal(plan, LoadExample{{customer("new", "新")}}) == PlanRefusal::too_many_accounts);
    plan.accounts.push_back(customer("one-more", "多一个"));
    CHECK(refusal({}, ReplacePlan{plan}) == PlanRefusal::too_many_accounts);

    Account big = customer("big", "大客户");
    for (std::size_t i = 0; i < kPlanLimits.receivables_per_account; ++i) big.receivables.push_back(invoice("r" + std::to_string(i), 1, kToday, kToday));
    Plan p = apply({}, AddAccount{big});
    REQUIRE(receivable_count(p) == 2000);
    CHECK(refusal(p, AddReceivable{"big", invoice("more", 1, kToday, kToday)}) == PlanRefusal::too_many_receivables);
    big.receivables.push_back(invoice("more", 1, kToday, kToday));
    CHECK(refusal({}, AddAccount{big}) == PlanRefusal::too_many_receivables);
    big.receivables.pop_back();

    Plan full;
    for (int i = 0; i < 50; ++i) {
        big.id = "big" + std::to_string(i);
        full.accounts.push_back(big);
    }
    REQUIRE(receivable_count(full) == kPlanLimits.receivables);
    CHECK(refusal({}, ReplacePlan{full}) == PlanRefusal::none);
    Account small = customer("small", "小客户");
    CHECK(refusal(full, AddAccount{small}) == PlanRefusal::none);
    small.receivables.push_back(invoice("r", 1, kToday, kToday));
    CHECK(refusal(full, AddAccount{small}) == PlanRefusal::too_many_receivables);
    const Plan with_small = apply(full, AddAccount{customer("small", "小客户")});
    CHECK(refusal(with_small, AddReceivable{"small", invoice("r", 1, kToday, kToday)}) == PlanRefusal::too_many_receivables);
    CHECK(refusal(full, ImportAccounts{{small}, {}}) == PlanRefusal::too_many_receivables);

    // Smaller limits name the same refusals.
    PlanLimits tight;
    tight.accounts = 1;
    tight.receivables = 1;
    CHECK(refusal(one_invoice(), AddAccount{customer("b", "乙")}, tight) == PlanRefusal::too_many_accounts);
    CHECK(refusal(one_invoice(), AddReceivable{"a", invoice("s", 1, kToday, kToday)}, tight) == PlanRefusal::too_many_receivables);
}

TEST_CASE("a restored plan is checked as a whole", "[plan]") {
    Plan file = one_invoice();
    file.accounts.push_back(customer("a", "同一个 id"));
    CHECK(refusal({}, ReplacePlan{file}) == PlanRefusal::duplicate_id);
    file.accounts.pop_back();
    file.accounts[0].receivables.push_back(invoice("r", 1, kToday, kToday));  // a receivable id twice in one account
    CHECK(refusal({}, ReplacePlan{file}) == PlanRefusal::duplicate_id);
    file.accounts[0].receivables.back().id = "s";
    file.accounts[0].receivables.back().amount = 0;
    CHECK(refusal({}, ReplacePlan{file}) == PlanRefusal::not_positive);
    CHECK(apply(one_invoice(), ReplacePlan{file}) == one_invoice());
}

TEST_CASE("an import updates matched accounts with the fields it carried and adds the rest", "[plan][import]") {
    Account mine = customer("a", "湘江机械集团");
    mine.terms_days = 60;
    mine.credit_limit = 500'000;
    mine.segment = "工程机械";
    Receivable old = invoice("r1", 100'000, kToday - 50, kToday - 20, "FP-001");
    old.payments.push_back({kToday - 10, 40'000, "电汇"});
    mine.receivables.push_back(old);
    mine.receivables.push_back(invoice("r2", 70'000, kToday - 30, kToday, "FP-002"));
    const Plan before = apply({}, AddAccount{mine});

    Account in = customer("imp-1", "湘江机械集团");
    in.terms_days = 30;  // the table had no terms column: left as the learner set it
    in.credit_limit = 800'000;
    in.segment = "";
    Receivable replaced = invoice("imp-r1", 120'000, kToday - 50, kToday - 15, "FP-001");  // same invoice number
    replaced.payments.push_back({kToday, 40'000, {}});  // the report's paid amount, as recorded already
    in.receivables.push_back(replaced);
    in.receivables.push_back(invoice("imp-r3", 30'000, kToday - 1, kToday + 29, "FP-003"));
    Account other = customer("imp-2", "岳麓医药");
    other.receivables.push_back(invoice("imp-r4", 9'000, kToday, kToday + 30, "FP-004"));

    const ImportAccounts import{{in, other}, {Field::account, Field::invoice, Field::amount, Field::credit_limit}};
    REQUIRE(refusal(before, import) == PlanRefusal::none);
    const Plan after = apply(before, import);
    REQUIRE(after.accounts.size() == 2);
    const Account& a = after.accounts[0];
    CHECK(a.id == "a");
    CHECK(a.terms_days == 60);
    CHECK(a.segment == "工程机械");
    CHECK(a.credit_limit == 800'000);
    REQUIRE(a.receivables.size() == 3);
    // FP-001 replaced in place: the import's amount and dates, the plan's id and payments.
    CHECK(a.receivables[0].id == "r1");
    CHECK(a.receivables[0].amount == 120'000);
    CHECK(a.receivables[0].due == kToday - 15);
    CHECK(a.receivables[0].payments == old.payments);  // 40,000 reported, 40,000 recorded: nothing added
    CHECK(a.receivables[1] == mine.receivables[1]);
    CHECK(a.receivables[2].id == "imp-r3");
    CHECK(after.accounts[1].id == "imp-2");
    CHECK(after.accounts[1].name == "岳麓医药");

    // A later report says 100,000 has come in: the 60,000 the plan lacks is added as one payment,
    // and importing the same report again adds nothing.
    ImportAccounts later{{customer("imp-9", "湘江机械集团")}, {Field::account, Field::invoice, Field::amount, Field::paid}};
    Receivable paid_more = invoice("imp-r9", 120'000, kToday - 50, kToday - 15, "FP-001");
    paid_more.payments.push_back({kToday + 3, 100'000, {}});
    later.accounts[0].receivables.push_back(paid_more);
    const Plan paid = apply(after, later);
    const auto& payments = paid.accounts[0].receivables[0].payments;
    REQUIRE(payments.size() == 2);
    CHECK(payments[0] == old.payments[0]);
    CHECK(payments[1] == Payment{kToday + 3, 60'000, {}});
    CHECK(apply(paid, later) == paid);
}

TEST_CASE("an import's names match exactly, and the merged plan must keep every limit", "[plan][import]") {
    const Plan before = one_invoice();  // 湘江机械集团
    Account near = customer("n", "湘江机械集团 ");  // a trailing space is another name
    CHECK(apply(before, ImportAccounts{{near}, {}}).accounts.size() == 2);

    Account clash = customer("x", "湘江机械集团");
    clash.receivables.push_back(invoice("r", 5, kToday, kToday, "FP-new"));  // new invoice, but its id is taken
    CHECK(refusal(before, ImportAccounts{{clash}, {}}) == PlanRefusal::duplicate_id);
    Account taken_id = customer("a", "另一家");
    CHECK(refusal(before, ImportAccounts{{taken_id}, {}}) == PlanRefusal::duplicate_id);
    Account zero = customer("z", "零");
    zero.receivables.push_back(invoice("z1", 0, kToday, kToday));
    CHECK(refusal(before, ImportAccounts{{zero}, {}}) == PlanRefusal::not_positive);
    CHECK(apply(before, ImportAccounts{{zero}, {}}) == before);

    PlanLimits tight;
    tight.receivables_per_account = 1;
    Account more = customer("m", "湘江机械集团");
    more.receivables.push_back(invoice("s", 5, kToday, kToday, "FP-other"));
    CHECK(refusal(before, ImportAccounts{{more}, {}}, tight) == PlanRefusal::too_many_receivables);
    more.receivables[0].invoice = "FP-r";  // replaces the one it has: still one
    CHECK(refusal(before, ImportAccounts{{more}, {}}, tight) == PlanRefusal::none);
}

TEST_CASE("the worked example tells the course's three situations and clears in one step", "[plan][example]") {
    const std::vector<Account> zh = worked_example(kToday, Lang::zh, "1764115200000");
    const std::vector<Account> en = worked_example(kToday, Lang::en, "1764115200000");
    REQUIRE(zh.size() == 3);
    REQUIRE(en.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(zh[i].example);
        CHECK(zh[i].name != en[i].name);
        CHECK_FALSE(zh[i].notes.empty());
        CHECK(en[i].notes.find_first_of("'\"") == std::string::npos);  // typeset like every English text: ’ “ ”
        REQUIRE(zh[i].receivables.size() == en[i].receivables.size());
        for (std::size_t k = 0; k < zh[i].receivables.size(); ++k) CHECK(zh[i].receivables[k].amount == en[i].receivables[k].amount);
    }
    CHECK(zh[0].name == "湘江机械集团");
    CHECK(en[0].name == "Xiangjiang Machinery Group");

    // Attack: large potential, 10 % share, most of what is open not yet due.
    const AccountFigures attack = account_figures(zh[0], kToday);
    CHECK(attack.stage == Stage::attack);
    CHECK(zh[0].share_percent == 10);
    CHECK(attack.ageing.open[0] == attack.ageing.total());
    CHECK(attack.ageing.total() == 2'000'000 * 100);

    // Defense: over half; pays 2, 8, 15, 25 days late on 1,000,000 each and 20 days late on a
    // 400,000 part payment: (2+8+15+25)*1,000,000 + 20*400,000 = 58,000,000 over 4,400,000 = 13.2 -> 13.
    const AccountFigures defense = account_figures(zh[1], kToday);
    CHECK(defense.stage == Stage::defense);
    CHECK(defense.late_days == 13);
    const auto& d = zh[1].receivables;
    for (std::size_t k = 1; k < 4; ++k) CHECK(d[k].payments[0].date - d[k].due > d[k - 1].payments[0].date - d[k - 1].due);
    CHECK(defense.ageing.open[1] == 600'000 * 100);  // the part-paid one, 30 days overdue

    // Old balance before new order: over 90 days overdue and over its credit limit.
    const AccountFigures old_balance = account_figures(zh[2], kToday);
    CHECK(old_balance.worst == Bucket::over_90);
    CHECK(old_balance.ageing.open[4] == 1'050'000 * 100);
    REQUIRE(old_balance.credit_use);
    CHECK(*old_balance.credit_use > 1.0);

    // Loaded beside the learner's own accounts and cleared without touching them.
    const Plan mine = one_invoice();
    REQUIRE(refusal(mine, LoadExample{zh}) == PlanRefusal::none);
    const Plan loaded = apply(mine, LoadExample{zh});
    CHECK(loaded.accounts.size() == 4);
    CHECK(refusal(loaded, LoadExample{zh}) == PlanRefusal::duplicate_id);  // the same ids twice
    CHECK(refusal(loaded, LoadExample{worked_example(kToday, Lang::zh, "another-seed")}) == PlanRefusal::none);
    CHECK(apply(loaded, ClearExample{}) == mine);

    // Ids stay within the limit whatever the seed.
    CHECK(refusal({}, LoadExample{worked_example(kToday, Lang::en, repeated("长", 100))}) == PlanRefusal::none);
}
