// Fudge-factor tuning on training queries (ALGORITHM.md §7, with the fixes of §12 items 9, 10, 13).
#pragma once

#include "AdaptiveSoftmax.h"
#include "Config.h"
#include "Evaluation.h"

#include <vector>

namespace ada {

// Binary search on log10 φ, first φ_b (top-k identification), then φ_ℓ with φ_b fixed.
// Returns config.fudge unchanged when `queries` is empty.
// `excludedArms` is empty or has one list per row of `queries` (Dataset::excludedArms).
[[nodiscard]] FudgeFactors tuneFudgeFactors(const PreparedHead& prepared, const RowMatrixF& queries,
                                            const std::vector<int>& tuneQueries, const Config& config,
                                            const ProgressCallback& progress = {},
                                            const std::vector<std::vector<int>>& excludedArms = {});

} // namespace ada
