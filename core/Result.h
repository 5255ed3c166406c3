// What one AdaptiveSoftmax run returns (DESIGN.md "Result").
#pragma once

#include "Config.h"
#include "ScratchVector.h"

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace ada {

// Phases of Algorithm 1 (ALGORITHM.md §6.1), in the order they run.
enum class Phase { Warmup = 0, Elimination = 1, Winner = 2, Partition = 3, Done = 4 };
inline constexpr int kCostedPhases = 4; // Done has no cost
[[nodiscard]] std::string_view toString(Phase phase);

struct Result {
    std::vector<int> topK;                   // the k arms, best estimate first
    std::vector<double> logits;              // μ̂ of topK (β and bias included)
    std::vector<double> probabilities;       // p̂ = exp(μ̂ − log Ŝ) of topK
    double logPartition = 0.0;               // log Ŝ
    ScratchVector<std::int64_t> pullsPerArm; // t_i: distinct columns (or draws) charged per arm (§1.3)
    std::int64_t totalPulls = 0;             // Σ t_i
    std::int64_t bytesRead = 0;              // bytes of A the pulls read (cache lines, re-reads included)
    std::int64_t effectiveDim = 0;           // D(x): columns with nonzero sampling weight (§3.5)
    std::int64_t arms = 0;                   // n
    std::array<std::int64_t, kCostedPhases> phasePulls{}; // pulls charged in each phase
    std::array<std::int64_t, kCostedPhases> phaseBytes{}; // bytes of A read in each phase
    int eliminationRounds = 0;
    bool cancelled = false; // an observer stopped the run; the other fields are partial
    FudgeFactors fudge;     // the factors this run used

    // n·D(x): what exact softmax costs in the same accounting (§1.3).
    [[nodiscard]] std::int64_t exactPulls() const { return arms * effectiveDim; }
};

} // namespace ada
