// Two-stage log-partition estimation, Algorithm 2 in its variance-target form (ALGORITHM.md §5.2).
#pragma once

#include "BestArms.h"

namespace ada {

struct PartitionParameters {
    double epsilon = 0.3;           // ε_ℓ: relative accuracy asked of Ŝ
    double delta = 0.1;             // δ_ℓ
    double fudge = 1.0;             // φ_ℓ
    std::int64_t firstStageCap = 0; // ⌊c_init·D⌋ after the §12 I-16 clamp
};

// First-stage target V0 = 1/(17·log(6n/δ)) (§5.2 step 1), shared with the warm-up (§6.1 step 3).
[[nodiscard]] double firstStageTarget(int n, double delta);

// Runs both stages on every arm and returns log Ŝ = logsumexp(μ̂); NaN if the observer stopped it.
double estimateLogPartition(RunContext& ctx, const PartitionParameters& params);

} // namespace ada
