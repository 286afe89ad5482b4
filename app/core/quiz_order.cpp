#include "quiz_order.h"

#include <algorithm>
#include <numeric>
#include <utility>

namespace coach {
namespace {

// FNV-1a, 64 bits: a stable hash of the seed text.
std::uint64_t hash(std::string_view text, std::uint32_t round) {
    std::uint64_t h = 14695981039346656037ull;
    const auto mix = [&](unsigned char c) {
        h ^= c;
        h *= 1099511628211ull;
    };
    for (char c : text) mix(static_cast<unsigned char>(c));
    for (int i = 0; i < 4; ++i) mix(static_cast<unsigned char>(round >> (8 * i)));
    return h;
}

struct SplitMix64 {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform in 0..bound-1 (bound is small, so the modulo bias is far below anything visible).
    std::uint32_t below(std::uint32_t bound) { return static_cast<std::uint32_t>(next() % bound); }
};

}  // namespace

std::vector<std::uint32_t> shuffled_order(std::size_t count, std::string_view seed, std::uint32_t round) {
    std::vector<std::uint32_t> order(count);
    std::iota(order.begin(), order.end(), 0u);
    if (count < 2) return order;
    SplitMix64 rng{hash(seed, round)};
    // The identity would show an ordering item already solved: shuffle again, so every other
    // order stays equally likely (for two elements that is one draw in two; for four, one in 24).
    const auto identity = [&] {
        for (std::size_t i = 0; i < count; ++i)
            if (order[i] != i) return false;
        return true;
    };
    do {
        for (std::size_t i = count - 1; i > 0; --i) std::swap(order[i], order[rng.below(static_cast<std::uint32_t>(i + 1))]);
    } while (identity());
    return order;
}

}  // namespace coach
