// A small, portable, seeded random number generator. The standard library's distributions are
// implementation-defined, so every transform here is our own: the same seed gives the same bits
// on every platform and compiler ("Reproducible" rule).
#pragma once

#include <cstdint>
#include <vector>

namespace ada {

// SplitMix64: seeds the generator and derives independent per-query / per-trial seeds.
[[nodiscard]] std::uint64_t splitMix64(std::uint64_t x);
[[nodiscard]] std::uint64_t deriveSeed(std::uint64_t seed, std::uint64_t stream);

// xoshiro256** (Blackman & Vigna).
class Rng {
public:
    explicit Rng(std::uint64_t seed);
    std::uint64_t next();
    double uniform01(); // in (0, 1): never 0, so log(u) is finite
    double normal();    // standard normal (Marsaglia polar method)
    double normal(double mean, double sd) { return mean + sd * normal(); }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform01(); }
    double gumbel();                          // standard Gumbel: −log(−log U)
    double rademacher();                      // ±1
    std::uint64_t below(std::uint64_t bound); // uniform integer in [0, bound), bound > 0, unbiased
    std::vector<int> permutation(int size);   // Fisher–Yates

private:
    std::uint64_t s_[4];
    bool hasSpareNormal_ = false;
    double spareNormal_ = 0.0;
};

} // namespace ada
