// Per-query sampling plan (ALGORITHM.md §3.1–§3.5): importance weights, the column order (a Gumbel
// top-k permutation, a uniform permutation, or i.i.d. draws), the Horvitz–Thompson thresholds, the
// number D of positive-weight columns, and the σ̂² proxy.
#pragma once

#include "AdaptiveSoftmax.h"
#include "Config.h"
#include "Rng.h"

#include <Eigen/Core>

#include <cstdint>
#include <vector>

namespace ada {

struct SamplingPlan {
    Sampler sampler = Sampler::ImportanceWithoutReplacement;
    int effectiveDim = 0; // D (§3.5): columns with positive weight; d with uniform samplers
    // Without replacement: the first D entries of π (positive-weight columns in sampling order).
    // With replacement: D i.i.d. draws J_1..J_D (columns may repeat).
    std::vector<int> order;
    // is-wor-ht: the sorted perturbed log-weights g_π(1) ≥ g_π(2) ≥ …; τ_t = keys[t] for t < D.
    std::vector<double> keys;
    std::vector<double> logWeight;       // ℓ_j normalised (−inf for zero weight), per column
    std::vector<double> drawProbability; // is-wr: q_j per column
    double sigma2 = 0.0;                 // σ̂²: the noise bound, or the data-driven proxy (§3.4)
};

// Builds the plan for one query; `x` is the query after the optional Hadamard transform.
[[nodiscard]] SamplingPlan makeSamplingPlan(const PreparedHead& prepared, const Eigen::VectorXd& x,
                                            const Config& config, Rng& rng);

// ρ_j(τ) = P(ℓ_j + G > τ) = −expm1(−exp(ℓ_j − τ)): the expm1 form does not underflow (§12 I-2).
[[nodiscard]] double inclusionProbability(double logWeight, double threshold);

} // namespace ada
