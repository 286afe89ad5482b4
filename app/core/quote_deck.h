// quote_deck: the course quotes studied as cards: which cards today, and where a card is cut.
//
// A card shows the first half of a quote; the learner recalls the rest, shows it, and says
// whether they knew it (a Leitner review, review.h, keyed by quote id). Today's cards are the
// ones due first (most overdue first), then quotes never studied, in course order, up to
// kNewQuotesPerDay a day, so a first visit is not a wall of cards.
//
// The cut: a Chinese quote is cut after the comma, colon or semicolon (，：；) nearest its
// middle, an English one after the comma, colon or semicolon nearest its middle; without
// one near enough (each half at least a fifth of the quote) a Chinese quote is cut at the
// character nearest the middle and an English one at the space nearest the middle, so no
// word is split.
//
// Limits: the document keeps no date of a card's first study, so "new today" is read from
// the schedule: a card in box 1 due tomorrow or in box 2 due the day after was studied today.
// A card reviewed today that lands there counts too, which can only show fewer new cards,
// never more.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "course.h"
#include "review.h"

namespace coach {

inline constexpr std::size_t kNewQuotesPerDay = 5;

struct QuoteCut {
    std::string cue;   // shown first, with the punctuation it ends on
    std::string rest;  // shown on request
};
QuoteCut cut_quote(std::string_view text, Lang lang);

struct QuoteCardsToday {
    std::vector<std::string> due;    // quote ids, most overdue first
    std::vector<std::string> fresh;  // quote ids never studied, up to today's allowance
    std::size_t size() const { return due.size() + fresh.size(); }
    // The card to study now: the first due, else the first new one ("" when done for today).
    std::string next() const { return !due.empty() ? due.front() : !fresh.empty() ? fresh.front() : std::string(); }
};
QuoteCardsToday quote_cards_today(const std::vector<Quote>& quotes, const ReviewState& state, std::int64_t now_ms,
                                  int utc_offset_minutes);

// The start of the local day the next card falls due after today (0 when no card is waiting).
std::int64_t next_due_day(const ReviewState& state, std::int64_t now_ms, int utc_offset_minutes);

}  // namespace coach
