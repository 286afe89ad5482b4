// plan_example: the worked example, three accounts from the course's own situations.
//
// A learner who opens the plan with nothing in it sees what the figures say about customers the
// webinar talks about (lesson 5, the Q&A):
//   1. an attack-stage account: a large annual potential of which we have a 10 % share, measured
//      on revenue; its invoices are mostly not yet due;
//   2. a defense-stage account: our share is over half, so it is measured on profit, amount
//      collected and speed of collection; it pays, but later each month ("the customer's payment
//      habit is formed by us");
//   3. an account with balances more than 90 days overdue, over its credit limit, asking for a
//      new order: collect the old balance before the new order.
// One receivable of the second and one of the third are paid in part. The names are invented;
// each language has its own, literal here because they are data, not interface text. Every date
// is relative to `today`, so the example never ages; every account has example = true, so
// ClearExample removes exactly these.
#include <string>

#include "plan.h"
#include "utf8.h"

namespace coach {
namespace {

constexpr Money kYuan = 100;  // minor units per yuan

struct Words {
    const char* name;
    const char* segment;
    const char* notes;
};

constexpr Words kAttack[2] = {
    {"湘江机械集团", "工程机械", "进攻阶段：年采购潜力很大，我们的份额只有10%，考核销售额，要配猎手型的销售去抓机会。"},
    {"Xiangjiang Machinery Group", "Construction machinery",
     "Attack stage: a large annual potential of which we have only 10%, so it is measured on revenue and needs a hunter to seize the chances."},
};
constexpr Words kDefense[2] = {
    {"岳麓医药有限公司", "医药流通", "防御阶段：份额已过半，考核利润和回款额，还要看回款速度；它一次比一次付得晚，客户的付款习惯是我们养成的。"},
    {"Yuelu Pharmaceutical Co., Ltd.", "Pharmaceutical distribution",
     "Defense stage: our share is over half, so it is measured on profit, amount collected and speed of collection; it pays later each month, and a customer’s payment habit is one we form."},
};
constexpr Words kOldBalance[2] = {
    {"星城电子科技有限公司", "电子制造", "应收余额持续偏高，有超过90天的欠款，又要下新订单：先把旧的货款收回来，再发新货。"},
    {"Xingcheng Electronics Co., Ltd.", "Electronics manufacturing",
     "Its balance stays high, with invoices over 90 days overdue, and it wants a new order: collect the old balance before the new order."},
};
constexpr const char* kPartPayment[2] = {"部分付款", "Part payment"};

// Ids stay within kPlanLimits.id_chars whatever the seed: the seed's first 30 code points.
std::string id_prefix(std::string_view seed) {
    std::size_t at = 0, chars = 0;
    while (at < seed.size() && chars < 30) {
        at += utf8_decode(seed, at).length;
        ++chars;
    }
    return std::string(seed.substr(0, at));
}

class Maker {
public:
    Maker(Day today, std::string_view seed) : today_(today), prefix_(id_prefix(seed)) {}

    Account account(const Words& words) {
        Account a;
        a.id = prefix_ + "-x" + std::to_string(++accounts_);
        a.name = words.name;
        a.segment = words.segment;
        a.notes = words.notes;
        a.example = true;
        return a;
    }
    // An invoice issued `issued_ago` days before today, due `terms` days later.
    Receivable receivable(Day issued_ago, Day terms, Money yuan) {
        Receivable r;
        r.id = prefix_ + "-r" + std::to_string(++receivables_);
        r.invoice = "FP" + std::to_string(20'000 + receivables_);
        r.amount = yuan * kYuan;
        r.issued = today_ - issued_ago;
        r.due = r.issued + terms;
        return r;
    }
    // Paid `late` days after the due date (negative: early).
    static void pay(Receivable& r, Day late, Money yuan, std::string note = {}) { r.payments.push_back({r.due + late, yuan * kYuan, std::move(note)}); }

private:
    Day today_;
    std::string prefix_;
    int accounts_ = 0, receivables_ = 0;
};

}  // namespace

std::vector<Account> worked_example(Day today, Lang lang, std::string_view id_seed) {
    const std::size_t l = lang == Lang::zh ? 0 : 1;
    Maker make(today, id_seed);
    std::vector<Account> out;

    // 1. Attack: 50 million potential, 10 % share; one invoice paid early, two not yet due.
    Account attack = make.account(kAttack[l]);
    attack.potential = 50'000'000 * kYuan;
    attack.share_percent = 10;
    attack.terms_days = 60;
    attack.credit_limit = 3'000'000 * kYuan;
    {
        Receivable first = make.receivable(70, 60, 600'000);  // due 10 days ago, paid 2 days early
        Maker::pay(first, -2, 600'000);
        attack.receivables.push_back(first);
        attack.receivables.push_back(make.receivable(20, 60, 800'000));
        attack.receivables.push_back(make.receivable(5, 60, 1'200'000));
    }
    out.push_back(std::move(attack));

    // 2. Defense: 60 % share; monthly invoices on 30 days, each paid later than the one before
    // (2, 8, 15, 25 days late), the fifth paid in part and now 30 days overdue, the sixth due today.
    Account defense = make.account(kDefense[l]);
    defense.potential = 20'000'000 * kYuan;
    defense.share_percent = 60;
    defense.terms_days = 30;
    defense.credit_limit = 4'000'000 * kYuan;
    {
        constexpr Day kLate[] = {2, 8, 15, 25};
        Day ago = 180;
        for (Day late : kLate) {
            Receivable r = make.receivable(ago, 30, 1'000'000);
            Maker::pay(r, late, 1'000'000);
            defense.receivables.push_back(r);
            ago -= 30;
        }
        Receivable part = make.receivable(60, 30, 1'000'000);  // due 30 days ago
        Maker::pay(part, 20, 400'000, kPartPayment[l]);
        defense.receivables.push_back(part);
        defense.receivables.push_back(make.receivable(30, 30, 1'000'000));  // due today
    }
    out.push_back(std::move(defense));

    // 3. Old balance before new order: two invoices over 90 days overdue, one part paid and 55
    // days overdue, one not due; 1.55 million open against a 1.5 million limit.
    Account old_balance = make.account(kOldBalance[l]);
    old_balance.potential = 8'000'000 * kYuan;
    old_balance.share_percent = 30;
    old_balance.terms_days = 45;
    old_balance.credit_limit = 1'500'000 * kYuan;
    {
        old_balance.receivables.push_back(make.receivable(200, 45, 600'000));  // 155 days overdue
        old_balance.receivables.push_back(make.receivable(150, 45, 450'000));  // 105 days overdue
        Receivable part = make.receivable(100, 45, 350'000);                   // 55 days overdue
        Maker::pay(part, 10, 150'000, kPartPayment[l]);
        old_balance.receivables.push_back(part);
        old_balance.receivables.push_back(make.receivable(40, 45, 300'000));  // due in 5 days
    }
    out.push_back(std::move(old_balance));
    return out;
}

}  // namespace coach
