// The paper's four synthetic families (ALGORITHM.md §8.1), generated from our portable Rng, and
// the `synthetic:FAMILY?n=…&d=…&m=…&seed=…` spec that names them.
#pragma once

#include "core/Head.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace ada {

enum class SyntheticFamily { Sanity, Noisy, RandomMu, HighVariance };

struct SyntheticSpec {
    SyntheticFamily family = SyntheticFamily::Noisy;
    int n = 100;
    int d = 1000;
    int m = 1;                // number of queries
    std::uint64_t seed = 0;   // the data's seed
    int peaks = 2;            // high-variance: number of spiky columns
};

[[nodiscard]] std::string_view toString(SyntheticFamily family);
// Parses "synthetic:noisy?n=100&d=1000&m=5&seed=3" (parameters optional, any order).
// Throws DatasetError naming the bad part and the accepted values.
[[nodiscard]] SyntheticSpec parseSyntheticSpec(std::string_view text);
[[nodiscard]] std::string formatSyntheticSpec(const SyntheticSpec& spec);

// Generates the head (β = 1, no bias), m queries, and the family's known noise bound
// (sanity 0.1, noisy 1; none for the others). Deterministic in spec.seed.
[[nodiscard]] Dataset generateSynthetic(const SyntheticSpec& spec);

} // namespace ada
