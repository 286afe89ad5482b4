// quiz_order: the order a quiz item's choices are shown in, the same on every draw.
//
// Options, ordering steps and the right column of a matching item are shown shuffled, so a
// learner cannot learn "the answer is the first one" and an ordering item does not start
// solved. The order must not change while the learner looks at it, nor when the page is
// reloaded, so it is a pure function of what identifies the showing: the quiz and item ids
// (the seed) and the round (how many times the learner has finished this quiz before), so a
// retake shows a new order. A hash of the seed feeds a small generator (SplitMix64) that
// drives a Fisher–Yates shuffle; the same inputs give the same order on every platform.
// The given order itself is never shown, so every other order is equally likely: an item's
// first option is shown first a little less often than the others (5 in 23 for four).
//
// Limits: this is for presentation, not secrecy; anyone can compute the order.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace coach {

// A permutation of 0..count-1: element i is the index shown at position i. For two or more
// elements it is never the identity, so a list given in its right order never shows in it.
std::vector<std::uint32_t> shuffled_order(std::size_t count, std::string_view seed, std::uint32_t round = 0);

}  // namespace coach
