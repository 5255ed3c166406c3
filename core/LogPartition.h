// Two-stage log-partition estimation, Algorithm 2 in its variance-target form (ALGORITHM.md §5.2).
#pragma once

#include "BestArms.h"

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

// Runs both stages on every arm and returns log Ŝ = logsumexp(μ̂); NaN if the observer stopped it.
double estimateLogPartition(RunContext& ctx, const PartitionParameters& params);

} // namespace ada
