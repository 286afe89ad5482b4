// The quote deck: where a card is cut, and which cards a day brings.
#include <catch2/catch.hpp>

#include "core/quote_deck.h"

using namespace coach;

namespace {

constexpr std::int64_t kHour = 60LL * 60 * 1000;
constexpr int kBeijing = 480;
constexpr std::int64_t kNov26Beijing = 1764115200000 - 8 * kHour;  // local midnight, 2025-11-26

std::vector<Quote> quotes(int n) {
    std::vector<Quote> out;
    for (int i = 1; i <= n; ++i) out.push_back(Quote{.id = "q" + std::to_string(i)});
    return out;
}

ItemResult studied(std::string key, bool knew, std::int64_t now) {
    return ItemResult{.key = std::move(key), .correct = knew, .now_ms = now, .utc_offset_minutes = kBeijing};
}

}  // namespace

TEST_CASE("a Chinese quote is cut at the comma or colon nearest its middle", "[quote-deck]") {
    const QuoteCut c = cut_quote("左脑要有回款的意识，右脑要有销售的意识，不仅要把款收回来，还要快速收回来。", Lang::zh);
    CHECK(c.cue == "左脑要有回款的意识，右脑要有销售的意识，");
    CHECK(c.rest == "不仅要把款收回来，还要快速收回来。");
    const QuoteCut semi = cut_quote("产品力弱，提升销售力来补充；销售力弱，提升情商来补充。", Lang::zh);
    CHECK(semi.cue == "产品力弱，提升销售力来补充；");
    CHECK(semi.rest == "销售力弱，提升情商来补充。");
}

TEST_CASE("a Chinese quote without a mark near the middle is cut at its middle character", "[quote-deck]") {
    const QuoteCut c = cut_quote("销售人员的技能迭代是最划算的投资。", Lang::zh);  // 17 characters
    CHECK(c.cue + c.rest == "销售人员的技能迭代是最划算的投资。");
    CHECK(c.cue == "销售人员的技能迭");
    // A colon too near the start is not used: the cue would give nothing away to recall.
    const QuoteCut early = cut_quote("注：不以回款为目的的大客户销售是没有意义的。", Lang::zh);
    CHECK(early.cue.size() > std::string("注：").size());
    CHECK(early.cue + early.rest == "注：不以回款为目的的大客户销售是没有意义的。");
}

TEST_CASE("an English quote is cut at punctuation, else between words", "[quote-deck]") {
    const QuoteCut c = cut_quote("If the product is weak, make up for it with stronger selling; if the selling is weak, make up for it with higher EQ.",
                                 Lang::en);
    CHECK(c.cue == "If the product is weak, make up for it with stronger selling;");
    CHECK(c.rest == "if the selling is weak, make up for it with higher EQ.");
    const QuoteCut words = cut_quote("Key account sales that do not aim at collection are meaningless.", Lang::en);
    CHECK(words.cue == "Key account sales that do not");
    CHECK(words.rest == "aim at collection are meaningless.");
    CHECK(cut_quote("Unbreakable", Lang::en).rest.empty());
}

TEST_CASE("today brings the due cards first, then up to five new ones", "[quote-deck]") {
    const std::int64_t morning = kNov26Beijing + 9 * kHour;
    SECTION("a first visit: five of seven quotes, in course order") {
        const QuoteCardsToday t = quote_cards_today(quotes(7), {}, morning, kBeijing);
        CHECK(t.due.empty());
        CHECK(t.fresh == std::vector<std::string>{"q1", "q2", "q3", "q4", "q5"});
        CHECK(t.next() == "q1");
    }
    SECTION("cards studied today use up the day's allowance") {
        ReviewState s;
        s.cards.push_back({"q1", 1, kNov26Beijing + kDayMs});      // studied today, not known: tomorrow
        s.cards.push_back({"q2", 2, kNov26Beijing + 2 * kDayMs});  // studied today, known: the day after
        const QuoteCardsToday t = quote_cards_today(quotes(7), s, morning, kBeijing);
        CHECK(t.fresh == std::vector<std::string>{"q3", "q4", "q5"});
    }
    SECTION("due cards come before new ones, and a deleted quote is skipped") {
        ReviewState s;
        s.cards.push_back({"q2", 3, kNov26Beijing - kDayMs});  // overdue since yesterday
        s.cards.push_back({"gone", 1, kNov26Beijing});
        const QuoteCardsToday t = quote_cards_today(quotes(3), s, morning, kBeijing);
        CHECK(t.due == std::vector<std::string>{"q2"});
        CHECK(t.fresh == std::vector<std::string>{"q1", "q3"});
        CHECK(t.next() == "q2");
        CHECK(t.size() == 3);
    }
    SECTION("every card studied: nothing today, and the day the next one is due") {
        ReviewState s;
        s.cards.push_back({"q1", 3, kNov26Beijing + 4 * kDayMs});
        s.cards.push_back({"q2", 2, kNov26Beijing + 3 * kDayMs + 5 * kHour});
        const QuoteCardsToday t = quote_cards_today(quotes(2), s, morning, kBeijing);
        CHECK(t.size() == 0);
        CHECK(t.next().empty());
        CHECK(next_due_day(s, morning, kBeijing) == kNov26Beijing + 3 * kDayMs);
        CHECK(next_due_day({}, morning, kBeijing) == 0);
    }
}

TEST_CASE("a day's new cards are counted from the schedule the answers leave", "[quote-deck]") {
    // Through schedule() itself, as the learner's answers reach the document.
    const std::int64_t morning = kNov26Beijing + 9 * kHour;
    ReviewState s;
    s = schedule(s, studied("q1", false, morning));
    const QuoteCardsToday t = quote_cards_today(quotes(7), s, morning + kHour, kBeijing);
    CHECK(t.fresh == std::vector<std::string>{"q2", "q3", "q4", "q5"});
    // The next morning the allowance is whole again, and q1 is due.
    const QuoteCardsToday next_day = quote_cards_today(quotes(7), s, morning + kDayMs, kBeijing);
    CHECK(next_day.due == std::vector<std::string>{"q1"});
    CHECK(next_day.fresh.size() == 5);
}
