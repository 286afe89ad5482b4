// plan_sample: see plan_sample.h.
#include "plan_sample.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

namespace coach {
namespace {

// Knuth's MMIX constants; the high bits are the well-mixed ones.
class Sequence {
public:
    explicit Sequence(std::uint32_t seed) : state_(seed * 0x9E3779B97F4A7C15ULL + 1) {}
    std::uint32_t next() {
        state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>(state_ >> 33);
    }
    // lo..hi inclusive (hi - lo well below 2^31, so the slight modulo bias is irrelevant here).
    std::int64_t between(std::int64_t lo, std::int64_t hi) { return lo + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(hi - lo + 1)); }
    bool chance(int percent) { return next() % 100 < static_cast<std::uint32_t>(percent); }

private:
    std::uint64_t state_;
};

constexpr std::array<std::string_view, 16> kPlaces{"湘江", "岳麓", "星城", "长沙", "株洲", "湘潭", "洞庭", "衡山",
                                                    "浏阳", "望城", "橘洲", "麓山", "芙蓉", "天心", "雨花", "开福"};
struct Industry {
    std::string_view word, segment;
};
constexpr std::array<Industry, 10> kIndustries{{{"机械", "工程机械"}, {"医药", "医药流通"}, {"电子", "电子制造"}, {"建材", "建筑材料"},
                                                {"化工", "精细化工"}, {"食品", "食品饮料"}, {"物流", "物流运输"}, {"纺织", "纺织服装"},
                                                {"汽配", "汽车零部件"}, {"环保", "环保设备"}}};
constexpr std::array<std::string_view, 4> kForms{"集团", "有限公司", "股份有限公司", "实业有限公司"};
constexpr std::array<std::uint32_t, 4> kTerms{30, 45, 60, 90};

}  // namespace

Plan generated_plan(std::size_t accounts, std::size_t receivables, Day today, std::uint32_t seed) {
    Sequence rng(seed);
    Plan plan;
    accounts = std::min(accounts, kPlanLimits.accounts);
    receivables = std::min({receivables, kPlanLimits.receivables, accounts * kPlanLimits.receivables_per_account});
    plan.accounts.reserve(accounts);
    std::size_t invoice_number = 0;
    for (std::size_t i = 0; i < accounts; ++i) {
        Account a;
        a.id = "g" + std::to_string(i + 1);
        // One draw per statement: the order operands of `+` are evaluated in is the compiler's choice.
        const std::string_view place = kPlaces[rng.next() % kPlaces.size()];
        const Industry& industry = kIndustries[rng.next() % kIndustries.size()];
        const std::string_view form = kForms[rng.next() % kForms.size()];
        a.name = std::string(place) + std::string(industry.word) + std::string(form) + "·" + std::to_string(i + 1);
        a.segment = std::string(industry.segment);
        a.terms_days = kTerms[rng.next() % kTerms.size()];
        if (i % 25 == 7) a.currency = "USD";
        // A few large accounts and many small ones, so the 20/80 view has something to show.
        const Money scale = rng.chance(10) ? rng.between(500'000, 5'000'000) : rng.between(5'000, 200'000);  // fen per invoice
        a.potential = scale * rng.between(20, 200);
        a.share_percent = static_cast<std::uint32_t>(rng.between(0, 90));
        if (i % 17 == 3) a.stage = StageChoice::defense;

        // Receivables spread evenly, the remainder to the first accounts.
        const std::size_t count = receivables / accounts + (i < receivables % accounts ? 1 : 0);
        const int habit = static_cast<int>(rng.between(-5, 45));  // how late this customer pays
        a.receivables.reserve(count);
        Money open_estimate = 0;
        for (std::size_t k = 0; k < count; ++k) {
            Receivable r;
            r.id = "r" + std::to_string(k + 1);
            r.invoice = "FP" + std::to_string(10'000'000 + ++invoice_number);
            r.amount = std::max<Money>(100, scale * rng.between(50, 150) / 100);
            r.issued = today - static_cast<Day>(rng.between(0, 540));
            r.due = r.issued + static_cast<Day>(a.terms_days);
            const Day pay_day = r.due + habit + static_cast<Day>(rng.between(-3, 10));
            if (pay_day <= today) {
                const int roll = static_cast<int>(rng.next() % 100);
                if (roll < 70) {
                    r.payments.push_back({pay_day, r.amount, {}});
                } else if (roll < 85) {  // part paid, the rest still open
                    r.payments.push_back({pay_day, r.amount * rng.between(20, 80) / 100, {}});
                }
            }
            Money paid = 0;
            for (const Payment& p : r.payments) paid += p.amount;
            open_estimate += r.amount - paid;
            a.receivables.push_back(std::move(r));
        }
        // Most accounts have a limit with room to spare; about one in twelve is over it.
        if (rng.chance(80)) a.credit_limit = std::max<Money>(scale, rng.chance(8) ? open_estimate * 3 / 4 : open_estimate * 2);
        plan.accounts.push_back(std::move(a));
    }
    return plan;
}

}  // namespace coach
