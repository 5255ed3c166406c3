#include "CostModel.h"

#include "ColumnOrder.h"
#include "Rng.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace ada {

namespace {

constexpr std::int64_t kLine = 64;    // bytes per cache line
constexpr std::int64_t kPerLine = 16; // floats per line: arms of a column, or columns of a row

bool withReplacement(Sampler s)
{
    return s == Sampler::UniformWithReplacement || s == Sampler::ImportanceWithReplacement;
}

// The order of one run and what the floor needs of it.
class OrderLines {
public:
    OrderLines(SamplingPlan& plan, std::int64_t d, std::int64_t deepest)
        : plan_(plan)
        , firstDraw_(static_cast<std::size_t>(d), std::numeric_limits<std::int64_t>::max())
        , distinct_(static_cast<std::size_t>(deepest) + 1, 0)
        , stamp_(static_cast<std::size_t>(d / kPerLine + 1), -1)
    {
        plan_.extendTo(deepest);
        for (std::int64_t s = 0; s < deepest; ++s) {
            auto& first = firstDraw_[static_cast<std::size_t>(plan_.column(s))];
            const bool fresh = first > s;
            first = std::min(first, s);
            distinct_[static_cast<std::size_t>(s) + 1]
                = distinct_[static_cast<std::size_t>(s)] + (fresh ? 1 : 0);
        }
    }

    // Distinct columns among the first h draws: the column lines a group reads below h.
    [[nodiscard]] std::int64_t distinctColumns(std::int64_t h) const
    {
        return distinct_[static_cast<std::size_t>(h)];
    }

    // Adds to cost[h], for every h < t, the row lines one arm at depth t reads when the draws below
    // h come from column lines: the lines holding the columns first drawn in [h, t).
    void addRowLines(std::int64_t t, std::vector<std::int64_t>& cost)
    {
        ++pass_;
        std::int64_t lines = 0;
        for (std::int64_t s = t - 1; s >= 0; --s) {
            const int j = plan_.column(s);
            if (firstDraw_[static_cast<std::size_t>(j)] == s) { // a repeat draw is read at its first
                auto& stamp = stamp_[static_cast<std::size_t>(j / kPerLine)];
                if (stamp != pass_)
                    stamp = pass_, ++lines;
            }
            cost[static_cast<std::size_t>(s)] += lines;
        }
    }

private:
    SamplingPlan& plan_;
    std::vector<std::int64_t> firstDraw_; // first draw of each column (max: never)
    std::vector<std::int64_t> distinct_;  // distinct_[h]: distinct columns among draws < h
    std::vector<std::int64_t> stamp_;     // per row line: the addRowLines pass that counted it
    std::int64_t pass_ = 0;
};

} // namespace

std::int64_t lineFloorBytes(const PreparedHead& prepared, const Eigen::Ref<const Eigen::VectorXf>& query,
                            const Config& config, const Result& result)
{
    // The run's column order, rebuilt exactly as runAdaptiveSoftmax drew it (same seed, same draws).
    const Eigen::VectorXd x = prepared.transformQuery(query);
    Rng rng(config.seed);
    SamplingPlan plan = makeSamplingPlan(prepared, x, config, rng, true);
    const std::int64_t D = plan.effectiveDim;
    const auto d = static_cast<std::int64_t>(prepared.weight().cols());
    const bool replacement = withReplacement(plan.sampler);

    // With replacement, full depth is the exact sum, not D draws: such an arm reads its row's lines
    // that hold a positive-weight column (§3.5), and its draws are not part of the order's prefix.
    std::int64_t positiveLines = 0;
    for (std::int64_t line = 0; line * kPerLine < d; ++line) {
        bool positive = false;
        for (std::int64_t j = line * kPerLine; j < std::min(d, (line + 1) * kPerLine) && !positive; ++j) {
            const auto u = static_cast<std::size_t>(j);
            positive = !plan.logWeight.empty()  ? std::isfinite(plan.logWeight[u])
                : !plan.drawProbability.empty() ? plan.drawProbability[u] > 0.0
                                                : true;
        }
        positiveLines += positive ? 1 : 0;
    }

    const auto& depths = result.pullsPerArm;
    std::int64_t deepest = 0;
    for (std::int64_t t : depths)
        if (!(replacement && t >= D))
            deepest = std::max(deepest, std::min(t, D));
    OrderLines order(plan, d, deepest);

    std::int64_t floorLines = 0;
    std::vector<std::int64_t> group, cost;
    for (std::size_t from = 0; from < depths.size(); from += kPerLine) {
        group.clear();
        for (std::size_t i = from; i < std::min(depths.size(), from + kPerLine); ++i) {
            const std::int64_t t = std::min(depths[i], D);
            if (replacement && t >= D)
                floorLines += positiveLines;
            else if (t > 0)
                group.push_back(t);
        }
        if (group.empty())
            continue;
        // cost[h]: the group reads draws below h from column lines and the rest from row lines.
        const std::int64_t groupDeepest = *std::max_element(group.begin(), group.end());
        cost.resize(static_cast<std::size_t>(groupDeepest) + 1);
        for (std::int64_t h = 0; h <= groupDeepest; ++h)
            cost[static_cast<std::size_t>(h)] = order.distinctColumns(h);
        for (std::int64_t t : group)
            order.addRowLines(t, cost);
        const std::int64_t best = *std::min_element(cost.begin(), cost.end());
        floorLines += best;
    }
    return kLine * floorLines;
}

} // namespace ada
