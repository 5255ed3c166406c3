// Two-stage log-partition estimation, Algorithm 2 in its variance-target form (ALGORITHM.md §5.2).
#pragma once

#include "BestArms.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ada {

struct PartitionParameters {
    double epsilon = 0.3;           // ε_ℓ: relative accuracy asked of Ŝ
    double delta = 0.1;             // δ_ℓ
    double fudge = 1.0;             // φ_ℓ
    std::int64_t firstStageCap = 0; // ⌊c_init·D⌋ after the §12 I-16 clamp
    // Algorithm 1 sets it when its warm-up ran the first stage with these parameters and no pull
    // since has left an arm below the cap: every arm is then inactive for V0 (an arm not pulled
    // since is as the warm-up left it, one pulled since is at the cap or deeper), and the stage's
    // scan of all n arms would only confirm it.
    bool firstStageDone = false;
};

// First-stage target V0 = 1/(17·log(6n/δ)) (§5.2 step 1), shared with the warm-up (§6.1 step 3).
[[nodiscard]] double firstStageTarget(int n, double delta);

// The second stage's target of an arm (§5.2 steps 5–6) from its weight e = α/max α and the stage's
// two constants: min(K_γ/√e, K_α/e), ∞ where e = 0. Both quotients are computed and the ∞ selected
// after, so that a loop over arms has no branch (a division under a condition is not hoisted).
inline double secondStageTarget(double e, double kGamma, double kAlpha)
{
    const double t = std::min(kGamma / std::sqrt(e), kAlpha / e);
    return e == 0.0 ? std::numeric_limits<double>::infinity() : t;
}

// A weight e* such that every arm whose e ≤ e* has a target of at least `largestProduct`, −∞ where
// none is found. With the largest φ·v of the arms, no arm at or below e* pulls (φ·v > target fails):
// an unobserved run tests only the arms above it.
[[nodiscard]] double weightBelowWhichNoArmPulls(double kGamma, double kAlpha, double largestProduct);

// Runs both stages on every arm and returns log Ŝ = logsumexp(μ̂); NaN if the observer stopped it.
double estimateLogPartition(RunContext& ctx, const PartitionParameters& params);

} // namespace ada
