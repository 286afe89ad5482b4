#include "quote_deck.h"

#include <algorithm>
#include <cstdlib>

#include "utf8.h"

namespace coach {
namespace {

bool is_cut_mark(char32_t c, Lang lang) {
    if (lang == Lang::zh) return c == U'，' || c == U'：' || c == U'；' || c == U',' || c == U':' || c == U';';
    return c == U',' || c == U':' || c == U';';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

QuoteCut at(std::string_view text, std::size_t byte) {
    return {std::string(trim(text.substr(0, byte))), std::string(trim(text.substr(byte)))};
}

}  // namespace

QuoteCut cut_quote(std::string_view text, Lang lang) {
    // Code point positions: the middle of a Chinese quote is counted in characters, not bytes.
    struct Mark {
        std::size_t byte_after;  // where the rest starts
        std::size_t chars_before;
        bool cut_mark, space;
    };
    std::vector<Mark> marks;
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size();) {
        const Utf8Step step = utf8_decode(text, i);
        i += step.length;
        ++chars;
        marks.push_back({i, chars, is_cut_mark(step.code_point, lang), step.code_point == U' '});
    }
    if (chars < 2) return {std::string(text), {}};
    const double middle = chars / 2.0;
    const std::size_t min_part = std::max<std::size_t>(1, chars / 5);
    const auto best = [&](auto&& allowed) -> const Mark* {
        const Mark* found = nullptr;
        for (const Mark& m : marks) {
            if (!allowed(m) || m.chars_before < min_part || chars - m.chars_before < min_part) continue;
            if (found == nullptr || std::abs(m.chars_before - middle) < std::abs(found->chars_before - middle)) found = &m;
        }
        return found;
    };
    if (const Mark* m = best([](const Mark& m) { return m.cut_mark; })) return at(text, m->byte_after);
    if (lang == Lang::en) {
        // Cut before the space, so the rest starts with the next word.
        if (const Mark* m = best([](const Mark& m) { return m.space; })) return at(text, m->byte_after - 1);
        return {std::string(text), {}};  // one long word: nothing to hold back
    }
    if (const Mark* m = best([](const Mark&) { return true; })) return at(text, m->byte_after);
    return {std::string(text), {}};
}

QuoteCardsToday quote_cards_today(const std::vector<Quote>& quotes, const ReviewState& state, std::int64_t now_ms,
                                  int utc_offset_minutes) {
    QuoteCardsToday today;
    const auto known = [&](std::string_view id) {
        return std::any_of(quotes.begin(), quotes.end(), [&](const Quote& q) { return q.id == id; });
    };
    for (std::string& key : due(state, now_ms, utc_offset_minutes))
        if (known(key)) today.due.push_back(std::move(key));
    const std::int64_t day = local_day_start(now_ms, utc_offset_minutes);
    std::size_t studied_today = 0;
    for (const ReviewCard& c : state.cards) {
        if (c.box >= 1 && c.box <= 2 && c.due_ms == day + std::int64_t(kReviewBoxDays[c.box - 1]) * kDayMs) ++studied_today;
    }
    const std::size_t allowance = kNewQuotesPerDay > studied_today ? kNewQuotesPerDay - studied_today : 0;
    for (const Quote& q : quotes) {
        if (today.fresh.size() >= allowance) break;
        const bool studied = std::any_of(state.cards.begin(), state.cards.end(), [&](const ReviewCard& c) { return c.key == q.id; });
        if (!studied) today.fresh.push_back(q.id);
    }
    return today;
}

std::int64_t next_due_day(const ReviewState& state, std::int64_t now_ms, int utc_offset_minutes) {
    const std::int64_t tomorrow = local_day_start(now_ms, utc_offset_minutes) + kDayMs;
    std::int64_t next = 0;
    for (const ReviewCard& c : state.cards) {
        if (c.due_ms < tomorrow) continue;
        const std::int64_t day = local_day_start(c.due_ms, utc_offset_minutes);
        if (next == 0 || day < next) next = day;
    }
    return next;
}

}  // namespace coach
