// review: when to ask a missed quiz item again, with Leitner boxes.
//
// A missed item goes into box 1; each right answer when it is due moves it up a box, each
// wrong answer sends it back to box 1. Box n comes back after 1, 2, 4, 8 or 16 days; a right
// answer in box 5 means the item is learned and it leaves the review.
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
// formed ("quiz-id/item-id") are the caller's choice; this only schedules keys.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace coach {

inline constexpr std::array<int, 5> kReviewBoxDays{1, 2, 4, 8, 16};
inline constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;

struct ReviewCard {
    std::string key;            // the item, e.g. "six-steps/q3"
    std::uint32_t box = 1;      // 1..5
    std::int64_t due_ms = 0;    // local midnight of the day it is due (ms since 1970)
    bool operator==(const ReviewCard&) const = default;
};

struct ReviewState {
    std::vector<ReviewCard> cards;  // in the order items were first missed
    bool operator==(const ReviewState&) const = default;
};

struct ItemResult {
    std::string key;
    bool correct = false;
    std::int64_t now_ms = 0;
    int utc_offset_minutes = 0;  // the learner's local time = UTC + this (480 for Beijing)
};

// Wrong: box 1, due tomorrow (added if new). Right and due: the next box, or learned and
// removed after box 5. Right and not due, or right for an item never missed: no change.
ReviewState schedule(ReviewState state, const ItemResult& result);

// The keys due by the end of the learner's local day containing now_ms, most overdue first.
std::vector<std::string> due(const ReviewState& state, std::int64_t now_ms, int utc_offset_minutes = 0);
std::size_t due_count(const ReviewState& state, std::int64_t now_ms, int utc_offset_minutes = 0);

// Local midnight (as ms since 1970) of the day that contains `ms`.
std::int64_t local_day_start(std::int64_t ms, int utc_offset_minutes);

}  // namespace coach
