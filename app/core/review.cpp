#include "review.h"

#include <algorithm>

#include "calendar.h"

namespace coach {
namespace {

std::int64_t due_after(std::int64_t now_ms, int utc_offset_minutes, std::uint32_t box) {
    const std::size_t index = std::clamp<std::size_t>(box, 1, kReviewBoxDays.size()) - 1;
    return local_day_start(now_ms, utc_offset_minutes) + std::int64_t(kReviewBoxDays[index]) * kDayMs;
}

}  // namespace

std::int64_t local_day_start(std::int64_t ms, int utc_offset_minutes) {
    const std::int64_t offset = std::int64_t(utc_offset_minutes) * 60 * 1000;
    return floor_div(ms + offset, kDayMs) * kDayMs - offset;
}

ReviewState schedule(ReviewState state, const ItemResult& result) {
    auto card = std::find_if(state.cards.begin(), state.cards.end(), [&](const ReviewCard& c) { return c.key == result.key; });
    if (!result.correct) {
        const std::int64_t due_ms = due_after(result.now_ms, result.utc_offset_minutes, 1);
        if (card == state.cards.end()) {
            state.cards.push_back(ReviewCard{result.key, 1, due_ms});
        } else {
            card->box = 1;
            card->due_ms = due_ms;
        }
        return state;
    }
    if (card == state.cards.end()) {
        // Known at first sight: as if box 1 had been passed today.
        if (result.enroll) state.cards.push_back(ReviewCard{result.key, 2, due_after(result.now_ms, result.utc_offset_minutes, 2)});
        return state;
    }
    const bool is_due = card->due_ms < local_day_start(result.now_ms, result.utc_offset_minutes) + kDayMs;
    if (!is_due || card->box >= kLearnedBox) return state;
    if (card->box >= kReviewBoxDays.size()) {
        if (result.enroll) {
            card->box = kLearnedBox;
            card->due_ms = local_day_start(result.now_ms, result.utc_offset_minutes);
        } else {
            state.cards.erase(card);
        }
        return state;
    }
    card->box += 1;
    card->due_ms = due_after(result.now_ms, result.utc_offset_minutes, card->box);
    return state;
}

std::vector<std::string> due(const ReviewState& state, std::int64_t now_ms, int utc_offset_minutes) {
    const std::int64_t tomorrow = local_day_start(now_ms, utc_offset_minutes) + kDayMs;
    std::vector<const ReviewCard*> cards;
    for (const ReviewCard& c : state.cards) {
        if (c.box < kLearnedBox && c.due_ms < tomorrow) cards.push_back(&c);
    }
    // Stable, so cards due the same day keep the order they were missed in.
    std::stable_sort(cards.begin(), cards.end(), [](const ReviewCard* a, const ReviewCard* b) { return a->due_ms < b->due_ms; });
    std::vector<std::string> keys;
    for (const ReviewCard* c : cards) keys.push_back(c->key);
    return keys;
}

std::size_t due_count(const ReviewState& state, std::int64_t now_ms, int utc_offset_minutes) {
    return due(state, now_ms, utc_offset_minutes).size();
}

}  // namespace coach
