// review: when to ask a missed quiz item again, with Leitner boxes.
//
// A missed item goes into box 1; each right answer when it is due moves it up a box, each
// wrong answer sends it back to box 1. Box n comes back after 1, 2, 4, 8 or 16 days; a right
// answer in box 5 means the item is learned and it leaves the review.
//
// Two kinds of deck use it. Missed quiz items (keys "quiz-id/item-id") enter only by being
// missed: a quiz item answered right the first time needs no review. The quote deck studies
// every quote, missed or not, so it enrolls (ItemResult::enroll): a quote studied for the
// first time goes into box 2 if the learner knew it (due in 2 days, as if box 1 had been
// passed) or box 1 if not. In such a deck a card that is learned cannot leave, or it would
// look never studied and come back as new; it stays in box 6 (kLearnedBox), never due, with
// `due_ms` the day it was learned. A wrong answer for a learned card (the learner chose to
// see it again) starts it over in box 1. The items deck keeps its rule: learned, removed; an
// item missed again later simply comes back in box 1.
//
// Why Leitner boxes rather than a fitted memory model (SM-2, FSRS):
//   - simple: five boxes and one rule, nothing to tune, no hidden ease factors;
//   - explainable: a learner can be told "right: it comes back in twice the time; wrong: it
//     comes back tomorrow", and see their items sit in boxes;
//   - robust to irregular study: nothing is lost by a gap. An overdue item simply waits and
//     is asked at the next visit, and one answer moves it one box at most, so a week away
//     neither wipes progress nor promotes anything unearned.
//
// Days are the learner's local days: an item is due from local midnight, so one answered
// in the evening is back the next morning, not the next evening. The local day is given as
// a UTC offset in minutes (what the browser's Date().getTimezoneOffset() gives, negated).
// A right answer before the item is due (redoing a quiz the same evening) leaves it where
// it is: it shows memory of minutes, not days.
//
// Limits: which items count as missed (a quiz item below full score, say) and how keys are
// formed ("quiz-id/item-id") are the caller's choice; this only schedules keys. Which new
// quotes to study on a day is quote_deck.h's.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace coach {

inline constexpr std::array<int, 5> kReviewBoxDays{1, 2, 4, 8, 16};
inline constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;
// A card learned in an enrolling deck (see ItemResult::enroll): kept, never due.
inline constexpr std::uint32_t kLearnedBox = kReviewBoxDays.size() + 1;

struct ReviewCard {
    std::string key;            // the item, e.g. "six-steps/q3"
    std::uint32_t box = 1;      // 1..5; kLearnedBox (6) in an enrolling deck: learned
    std::int64_t due_ms = 0;    // local midnight of the day it is due (learned: of the day it was learned)
    bool operator==(const ReviewCard&) const = default;
};

struct ReviewState {
    std::vector<ReviewCard> cards;  // in the order keys were first missed (or studied)
    bool operator==(const ReviewState&) const = default;
};

struct ItemResult {
    std::string key;
    bool correct = false;
    std::int64_t now_ms = 0;
    int utc_offset_minutes = 0;  // the learner's local time = UTC + this (480 for Beijing)
    // The deck enrolls cards (the quote deck): a right answer for a key not yet in the deck
    // puts it in box 2, and a card learned after box 5 stays as learned (kLearnedBox).
    // Without it, a right answer for a key never missed changes nothing, and a learned card
    // leaves the deck.
    bool enroll = false;
};

// Wrong: box 1, due tomorrow (added if new). Right and due: the next box; after box 5,
// learned (removed, or kept in kLearnedBox when enrolling). Right and not due, right for a
// learned card, or right for an item never missed (not enrolling): no change. Right for a
// new key when enrolling: box 2, due in 2 days.
ReviewState schedule(ReviewState state, const ItemResult& result);

// The keys due by the end of the learner's local day containing now_ms, most overdue first.
// Learned cards are never due.
std::vector<std::string> due(const ReviewState& state, std::int64_t now_ms, int utc_offset_minutes = 0);
std::size_t due_count(const ReviewState& state, std::int64_t now_ms, int utc_offset_minutes = 0);

// Local midnight (as ms since 1970) of the day that contains `ms`.
std::int64_t local_day_start(std::int64_t ms, int utc_offset_minutes);

}  // namespace coach
