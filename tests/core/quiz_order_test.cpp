// The shown order of a quiz item's choices: shuffled, yet the same on every draw and reload.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "core/quiz_order.h"

using namespace coach;

TEST_CASE("a shuffled order is a permutation, the same for the same seed and round", "[quiz-order]") {
    for (std::size_t n : {2, 3, 4, 6, 10}) {
        const auto a = shuffled_order(n, "six-steps/q3");
        CHECK(a == shuffled_order(n, "six-steps/q3"));  // a reload shows the same order
        std::vector<std::uint32_t> sorted = a;
        std::sort(sorted.begin(), sorted.end());
        for (std::uint32_t i = 0; i < n; ++i) CHECK(sorted[i] == i);
    }
    // Pinned: the order must not change between releases, or a learner in the middle of an
    // item would see the options move after an update.
    CHECK(shuffled_order(4, "six-steps/q1", 0) == std::vector<std::uint32_t>{1, 3, 0, 2});
    CHECK(shuffled_order(6, "final/q2", 3) == std::vector<std::uint32_t>{1, 2, 0, 3, 5, 4});
}

TEST_CASE("other items and other rounds get other orders", "[quiz-order]") {
    std::set<std::vector<std::uint32_t>> orders;
    for (int item = 0; item < 20; ++item) orders.insert(shuffled_order(5, "quiz/q" + std::to_string(item)));
    CHECK(orders.size() > 10);  // 120 orders of five: twenty items do not all share a few
    std::set<std::vector<std::uint32_t>> rounds;
    for (std::uint32_t round = 0; round < 20; ++round) rounds.insert(shuffled_order(5, "quiz/q1", round));
    CHECK(rounds.size() > 10);  // a retake shows a new order
}

TEST_CASE("two or more elements never show in their given order", "[quiz-order]") {
    // Over many seeds some shuffle lands on the identity; it must be turned away every time.
    for (std::size_t n : {2, 3, 4}) {
        for (int seed = 0; seed < 500; ++seed) {
            const auto order = shuffled_order(n, "s" + std::to_string(seed));
            bool identity = true;
            for (std::uint32_t i = 0; i < n; ++i) identity = identity && order[i] == i;
            INFO(n << " elements, seed " << seed);
            CHECK_FALSE(identity);
        }
    }
    CHECK(shuffled_order(1, "x") == std::vector<std::uint32_t>{0});
    CHECK(shuffled_order(0, "x").empty());
}

TEST_CASE("every order but the given one is equally likely", "[quiz-order]") {
    // Three elements: the five orders that are not the identity, a fifth of the time each.
    std::map<std::vector<std::uint32_t>, int> seen;
    for (int seed = 0; seed < 3000; ++seed) seen[shuffled_order(3, "item-" + std::to_string(seed))] += 1;
    CHECK(seen.size() == 5);
    for (const auto& [order, times] : seen) {
        INFO(order[0] << order[1] << order[2] << ": " << times);
        CHECK(times > 480);
        CHECK(times < 720);
    }
    // Where option 0 of four lands: the first place 5 times in 23, the others 6 in 23 each.
    int at[4] = {};
    for (int seed = 0; seed < 4600; ++seed) {
        const auto order = shuffled_order(4, "item-" + std::to_string(seed));
        at[std::find(order.begin(), order.end(), 0u) - order.begin()] += 1;
    }
    INFO(at[0] << " " << at[1] << " " << at[2] << " " << at[3]);
    CHECK(at[0] > 880);
    CHECK(at[0] < 1120);
    for (int place = 1; place < 4; ++place) {
        CHECK(at[place] > 1080);
        CHECK(at[place] < 1320);
    }
}
