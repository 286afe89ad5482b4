// Spaced review: Leitner boxes moving on right and wrong answers, and what is due on the
// learner's local day.
#include <catch2/catch.hpp>

#include "core/review.h"

using namespace coach;

namespace {

constexpr std::int64_t kHour = 60LL * 60 * 1000;
constexpr std::int64_t kMinute = 60LL * 1000;
constexpr int kBeijing = 480;  // UTC+8

// 2025-11-26 00:00 UTC, which is 08:00 in Beijing.
constexpr std::int64_t kNov26Utc = 1764115200000;
// Beijing's local midnight starting 2025-11-26: 2025-11-25 16:00 UTC.
constexpr std::int64_t kNov26Beijing = kNov26Utc - 8 * kHour;

std::int64_t beijing(int day_of_november, int hour) { return kNov26Beijing + (day_of_november - 26) * kDayMs + hour * kHour; }

ItemResult result(std::string key, bool correct, std::int64_t now) { return ItemResult{std::move(key), correct, now, kBeijing}; }

}  // namespace

TEST_CASE("local days follow the UTC offset", "[review]") {
    CHECK(local_day_start(kNov26Utc, 0) == kNov26Utc);
    CHECK(local_day_start(kNov26Utc, kBeijing) == kNov26Beijing);
    CHECK(local_day_start(kNov26Beijing - 1, kBeijing) == kNov26Beijing - kDayMs);
    // New York (UTC-5): 2025-11-26 00:00 UTC is still the evening of the 25th.
    CHECK(local_day_start(kNov26Utc, -300) == kNov26Utc - kDayMs + 5 * kHour);
    CHECK(local_day_start(-1, 0) == -kDayMs);  // before 1970 the day still starts at midnight
}

TEST_CASE("a missed item goes to box 1, due from the next local midnight", "[review]") {
    const ReviewState s = schedule({}, result("six-steps/q1", false, beijing(26, 20)));
    REQUIRE(s.cards.size() == 1);
    CHECK(s.cards[0] == ReviewCard{"six-steps/q1", 1, beijing(27, 0)});

    CHECK(due(s, beijing(26, 23) + 59 * kMinute, kBeijing).empty());
    CHECK(due(s, beijing(27, 0) + 1 * kMinute, kBeijing) == std::vector<std::string>{"six-steps/q1"});
    // The same moment seen from UTC is already the day it falls due.
    CHECK(due_count(s, beijing(26, 23), 0) == 1);
}

TEST_CASE("right when due moves up a box; the intervals are 1, 2, 4, 8, 16 days", "[review]") {
    ReviewState s = schedule({}, result("k", false, beijing(1, 9)));
    const int expected_days[] = {2, 4, 8, 16};
    std::int64_t day_start = beijing(2, 0);  // due after 1 day
    for (std::uint32_t box = 2; box <= 5; ++box) {
        const std::int64_t answered = day_start + 10 * kHour;  // the morning it is due
        s = schedule(s, result("k", true, answered));
        REQUIRE(s.cards.size() == 1);
        CHECK(s.cards[0].box == box);
        day_start += expected_days[box - 2] * kDayMs;
        CHECK(s.cards[0].due_ms == day_start);
    }
    // Right in the last box: learned, out of the review.
    s = schedule(s, result("k", true, day_start + kHour));
    CHECK(s.cards.empty());
}

TEST_CASE("wrong in any box goes back to box 1, due tomorrow", "[review]") {
    const ReviewState s{{ReviewCard{"k", 3, beijing(10, 0)}}};
    const ReviewState after = schedule(s, result("k", false, beijing(12, 15)));
    CHECK(after.cards == std::vector<ReviewCard>{{"k", 1, beijing(13, 0)}});
    // Missing it again does not add a second card.
    CHECK(schedule(after, result("k", false, beijing(12, 16))).cards.size() == 1);
}

TEST_CASE("a right answer before the item is due, or for an item never missed, changes nothing", "[review]") {
    const ReviewState s = schedule({}, result("k", false, beijing(26, 9)));
    CHECK(schedule(s, result("k", true, beijing(26, 21))) == s);  // the same evening
    CHECK(schedule(s, result("other", true, beijing(27, 9))) == s);
    // Late is fine: a week away, the item moves one box, no more.
    const ReviewState late = schedule(s, result("k", true, beijing(26, 9) + 7 * kDayMs));
    CHECK(late.cards[0].box == 2);
    CHECK(late.cards[0].due_ms == beijing(26, 0) + 9 * kDayMs);
}

TEST_CASE("what is due, most overdue first, counted across a day boundary", "[review]") {
    ReviewState s;
    s = schedule(s, result("a", false, beijing(26, 10)));                               // due 27th
    s = schedule(s, result("b", false, beijing(24, 10)));                               // due 25th
    s.cards.push_back(ReviewCard{"c", 2, beijing(28, 0)});                              // due 28th
    s = schedule(s, result("d", false, beijing(26, 23)));                               // due 27th
    CHECK(due(s, beijing(26, 12), kBeijing) == std::vector<std::string>{"b"});
    CHECK(due(s, beijing(27, 0), kBeijing) == std::vector<std::string>{"b", "a", "d"});
    CHECK(due_count(s, beijing(27, 23), kBeijing) == 3);
    CHECK(due_count(s, beijing(28, 0), kBeijing) == 4);
    CHECK(due_count(ReviewState{}, beijing(28, 0), kBeijing) == 0);
}

TEST_CASE("an enrolling deck takes a new card into box 2 if known, box 1 if not", "[review][enroll]") {
    ItemResult knew = result("q-known", true, beijing(26, 9));
    knew.enroll = true;
    ItemResult not_known = result("q-new", false, beijing(26, 9));
    not_known.enroll = true;
    ReviewState s = schedule({}, knew);
    s = schedule(s, not_known);
    CHECK(s.cards == std::vector<ReviewCard>{{"q-known", 2, beijing(28, 0)}, {"q-new", 1, beijing(27, 0)}});
    // Once in, a card moves like any other: known again the same day changes nothing.
    CHECK(schedule(s, knew) == s);
    CHECK(due(s, beijing(27, 9), kBeijing) == std::vector<std::string>{"q-new"});
    CHECK(due(s, beijing(28, 9), kBeijing) == std::vector<std::string>{"q-new", "q-known"});
}

TEST_CASE("in an enrolling deck a learned card stays, never due, and does not come back as new", "[review][enroll]") {
    ReviewState s{{ReviewCard{"q", 5, beijing(10, 0)}}};
    ItemResult knew = result("q", true, beijing(12, 8));
    knew.enroll = true;
    s = schedule(s, knew);
    CHECK(s.cards == std::vector<ReviewCard>{{"q", kLearnedBox, beijing(12, 0)}});
    // Never due, however long after; known again it stays learned.
    CHECK(due(s, beijing(12, 9) + 400 * kDayMs, kBeijing).empty());
    CHECK(due_count(s, beijing(13, 9), kBeijing) == 0);
    knew.now_ms = beijing(20, 9);
    CHECK(schedule(s, knew) == s);
    // Seen again and not known, it starts over in box 1.
    ItemResult forgot = result("q", false, beijing(20, 9));
    forgot.enroll = true;
    CHECK(schedule(s, forgot).cards == std::vector<ReviewCard>{{"q", 1, beijing(21, 0)}});
}

TEST_CASE("a deck that does not enroll keeps its rules: nothing enters by a right answer, learned leaves", "[review]") {
    CHECK(schedule({}, result("k", true, beijing(26, 9))).cards.empty());
    const ReviewState s{{ReviewCard{"k", 5, beijing(10, 0)}}};
    CHECK(schedule(s, result("k", true, beijing(12, 8))).cards.empty());
}
