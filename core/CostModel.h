// The cost model's floor (issue 7): how few bytes of A an implementation of a run's pulls could
// read, so that the gap between the bytes a run read and what its samples force is visible.
#pragma once

#include "AdaptiveSoftmax.h"
#include "Result.h"

#include <Eigen/Core>

#include <cstdint>

namespace ada {

// The cache-line floor of `result` (a run of `query` on `prepared` under `config`): the fewest
// 64-byte lines of A that hold every (arm, column) pair the run sampled, each line read once, when
// A is kept column-major (a line = 16 arms of one column) and row-major (a line = 16 columns of one
// arm) and every group of 16 consecutive arms reads the first h entries of the column order from
// column lines and the rest of each arm's prefix from its row's lines, h chosen per group to cost
// least. Layout alignment is ignored (an ideal layout) and re-reads are not counted, so an
// estimator that recomputes its prefix (is-wor-ht) is charged what an incremental one would pay.
// Any kernel that reads A through these two layouts reads at least this much; exact bytes / floor
// bounds its time speedup at the exact path's bandwidth. (pulls × 4 bytes is the bound for any
// layout.) With replacement, an arm at full depth (the exact sum) is charged its row's lines that
// hold a positive-weight column.
// Rebuilds the run's column order from the seed (O(d log d)); call it outside timed code.
[[nodiscard]] std::int64_t lineFloorBytes(const PreparedHead& prepared,
                                          const Eigen::Ref<const Eigen::VectorXf>& query,
                                          const Config& config, const Result& result);

} // namespace ada
