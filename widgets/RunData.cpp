#include "RunData.h"

#include <algorithm>
#include <cmath>

namespace ada {

double confidenceHalfWidth(const RunData& run, const Snapshot& snapshot, int arm)
{
    const auto a = static_cast<std::size_t>(arm);
    if (a < snapshot.halfWidths.size() && snapshot.phase == Phase::Elimination)
        return snapshot.halfWidths[a];
    if (a >= snapshot.variances.size())
        return 0.0;
    const double v = snapshot.variances[a];
    if (!std::isfinite(v))
        return std::numeric_limits<double>::infinity();
    const double deltaPrime = run.config.exactWinner ? run.config.delta / 2.0 : run.config.delta / 3.0;
    const double logD = std::max(std::log(std::max<double>(double(run.effectiveDim), 1.0)), 1.0);
    const double L = std::log(6.0 * double(run.arms) * logD / deltaPrime);
    return std::sqrt(2.0 * v * L);
}

} // namespace ada
