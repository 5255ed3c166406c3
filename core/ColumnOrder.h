// Per-query sampling plan (ALGORITHM.md §3.1–§3.5): importance weights, the column order (a Gumbel
// top-k permutation, a uniform permutation, or i.i.d. draws), the Horvitz–Thompson thresholds, the
// number D of positive-weight columns, and the σ̂² proxy.
//
// The order is materialised lazily: a run rarely reads more than a small prefix of it, and at
// d = 10⁶ sorting all d perturbed keys (or shuffling all d columns) would cost more than the pulls.
// Up to 65 536 positive columns the Gumbel order is radix-sorted whole on first use instead: linear
// and without the mispredicted comparisons of a selection and a comparison sort.
// Every prefix is exactly the prefix of the fully materialised order, so lazy and eager plans give
// the same bits (tested in tst_armengine).
#pragma once

#include "AdaptiveSoftmax.h"
#include "Config.h"
#include "Rng.h"

#include <Eigen/Core>

#include <cstdint>
#include <vector>

namespace ada {

class SamplingPlan {
public:
    Sampler sampler = Sampler::ImportanceWithoutReplacement;
    int effectiveDim = 0;                // D (§3.5): columns with positive weight; d with uniform samplers
    std::vector<double> logWeight;       // ℓ_j normalised (−inf for zero weight), per column (is-wor-ht)
    std::vector<double> drawProbability; // is-wr and is-wor-dr: q_j = w_j / Σw per column
    double sigma2 = 0.0;                 // σ̂²: the noise bound, or the data-driven proxy (§3.4)

    // Without replacement: entry s of π (positive-weight columns in sampling order).
    // With replacement: draw J_{s+1} (columns may repeat). Valid for s < prefix().
    [[nodiscard]] int column(std::int64_t s) const { return order_[static_cast<std::size_t>(s)]; }
    // is-wor-ht: τ_t = g_π(t+1), the (t+1)-th largest perturbed log-weight; valid for t < prefix().
    [[nodiscard]] double threshold(std::int64_t t) const { return keys_[static_cast<std::size_t>(t)]; }
    // is-wor-dr: the Des Raj factor of draw s, (1 − Σ_{r<s} q_π(r)) / q_π(s): the weight left before
    // the draw over the draw's own probability; valid for s < prefix().
    [[nodiscard]] double desRajFactor(std::int64_t s) const { return desRaj_[static_cast<std::size_t>(s)]; }
    // The materialised prefix of the order, column(0) … column(prefix() − 1).
    [[nodiscard]] const std::vector<int>& columns() const { return order_; }
    [[nodiscard]] std::int64_t prefix() const { return static_cast<std::int64_t>(order_.size()); }
    // Makes column(s) and threshold(s) valid for every s < min(count, D).
    void extendTo(std::int64_t count);

private:
    friend SamplingPlan makeSamplingPlan(const PreparedHead&, const Eigen::VectorXd&, const Config&, Rng&,
                                         bool);
    std::vector<int> order_;
    std::vector<double> keys_;
    std::vector<double> desRaj_;
    double drawn_ = 0.0, drawnCompensation_ = 0.0; // is-wor-dr: Σ q over the prefix (Neumaier)
    // Generator state for the part not yet materialised.
    Rng rng_{0};
    int d_ = 0;
    std::vector<int> pool_; // is-wor-ht/dr: positive columns, the first prefix() in order; uniform-wor: a
                            // forward Fisher–Yates array whose first prefix() entries are final
    std::vector<double> gumbel_;     // is-wor-ht and is-wor-dr: ℓ_j + G_j per column
    bool poolSorted_ = false;        // is-wor-ht/dr: pool_ holds the whole order (radix-sorted once)
    std::vector<double> cumulative_; // is-wr: cumulative weights over pool_
};

// Builds the plan for one query; `x` is the query after the optional Hadamard transform. Draws from
// `rng` (the Gumbel keys at once; permutations and with-replacement draws as the prefix grows, from
// a copy). `lazy` = false materialises the whole order now (the straightforward path).
[[nodiscard]] SamplingPlan makeSamplingPlan(const PreparedHead& prepared, const Eigen::VectorXd& x,
                                            const Config& config, Rng& rng, bool lazy = true);

// ρ_j(τ) = P(ℓ_j + G > τ) = −expm1(−exp(ℓ_j − τ)): the expm1 form does not underflow (§12 I-2).
[[nodiscard]] double inclusionProbability(double logWeight, double threshold);

} // namespace ada
