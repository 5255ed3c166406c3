#include "ColumnOrder.h"

#include "RadixSort.h"
#include "Rng.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace ada {

namespace {

constexpr double kNegInf = -std::numeric_limits<double>::infinity();
// The first materialisation covers at least this many columns, and each later one at least doubles
// the prefix, so a run makes O(log D) extensions whatever its pull schedule.
constexpr std::int64_t kMinimumPrefix = 64;

// Up to this many positive columns the Gumbel order is radix-sorted whole at the first extension.
constexpr std::int64_t kRadixSortLimit = std::int64_t(1) << 16;

bool usesHeadWeights(ImportanceWeights w)
{
    return w == ImportanceWeights::Head || w == ImportanceWeights::Both;
}
bool usesQueryWeights(ImportanceWeights w)
{
    return w == ImportanceWeights::Query || w == ImportanceWeights::Both;
}

} // namespace

double inclusionProbability(double logWeight, double threshold)
{
    if (threshold == kNegInf)
        return 1.0; // t = D: every positive-weight column is included (§3.3d)
    return -std::expm1(-std::exp(logWeight - threshold));
}

void SamplingPlan::extendTo(std::int64_t count)
{
    const std::int64_t D = effectiveDim;
    const std::int64_t have = prefix();
    if (count <= have || have >= D)
        return;
    const std::int64_t want = std::min(D, std::max({count, 2 * have, kMinimumPrefix}));
    const auto from = static_cast<std::size_t>(have), to = static_cast<std::size_t>(want);
    order_.reserve(to);
    switch (sampler) {
    case Sampler::ImportanceWithoutReplacement:
    case Sampler::ImportanceWithoutReplacementDesRaj: {
        // §3.2 Gumbel-top-k: π sorts ℓ_j + G_j decreasingly; any prefix is a weighted sample without
        // replacement. Ties (probability 0) break by column index, so the order is a strict total
        // order and a partial selection gives exactly the prefix of the full sort.
        const auto& g = gumbel_;
        auto before = [&g](int a, int b) {
            const double ga = g[static_cast<std::size_t>(a)], gb = g[static_cast<std::size_t>(b)];
            return ga > gb || (ga == gb && a < b);
        };
        if (!poolSorted_ && D <= kRadixSortLimit) {
            // Whole, by the same total order: keys descending, ties by column ascending (pool_ is
            // in ascending column order here, and the radix sort is stable).
            sortByKeyDescending(g, pool_);
            poolSorted_ = true;
        }
        if (!poolSorted_) {
            const auto first = pool_.begin() + static_cast<std::ptrdiff_t>(from);
            const auto last = pool_.begin() + static_cast<std::ptrdiff_t>(to);
            if (last != pool_.end())
                std::nth_element(first, last, pool_.end(), before);
            std::sort(first, last, before);
        }
        keys_.reserve(to);
        for (std::size_t s = from; s < to; ++s) {
            order_.push_back(pool_[s]);
            keys_.push_back(g[static_cast<std::size_t>(pool_[s])]);
        }
        if (sampler == Sampler::ImportanceWithoutReplacementDesRaj) {
            // The weight left before draw s is 1 − Σ_{r<s} q_π(r); the sum is compensated so that
            // its rounding stays far below the smallest q of the prefix. Mathematically the left
            // weight is at least q_π(s), which also guards the last draws against cancellation.
            desRaj_.reserve(to);
            for (std::size_t s = from; s < to; ++s) {
                const double q = drawProbability[static_cast<std::size_t>(pool_[s])];
                const double left = std::max(1.0 - (drawn_ + drawnCompensation_), q);
                desRaj_.push_back(left / q);
                const double sum = drawn_ + q;
                drawnCompensation_ += std::abs(drawn_) >= q ? (drawn_ - sum) + q : (q - sum) + drawn_;
                drawn_ = sum;
            }
        }
        break;
    }
    case Sampler::UniformWithoutReplacement:
    case Sampler::UniformWithoutReplacementFpc:
        // Forward Fisher–Yates: entry s is final once drawn, so the prefix can stop anywhere.
        for (std::size_t s = from; s < to; ++s) {
            const std::size_t j = s + rng_.below(static_cast<std::uint64_t>(d_) - s);
            std::swap(pool_[s], pool_[j]);
            order_.push_back(pool_[s]);
        }
        break;
    case Sampler::UniformWithReplacement:
        for (std::size_t s = from; s < to; ++s)
            order_.push_back(static_cast<int>(rng_.below(static_cast<std::uint64_t>(d_))));
        break;
    case Sampler::ImportanceWithReplacement: {
        const double total = cumulative_.back();
        for (std::size_t s = from; s < to; ++s) {
            const double u = rng_.uniform01() * total;
            auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), u);
            if (it == cumulative_.end())
                --it;
            order_.push_back(pool_[static_cast<std::size_t>(it - cumulative_.begin())]);
        }
        break;
    }
    }
    if (order_.size() == static_cast<std::size_t>(D)) { // complete: the generator state is dead weight
        pool_ = {};
        cumulative_ = {};
    }
}

SamplingPlan makeSamplingPlan(const PreparedHead& prepared, const Eigen::VectorXd& x, const Config& config,
                              Rng& rng, bool lazy)
{
    const int d = static_cast<int>(x.size());
    SamplingPlan plan;
    plan.sampler = config.sampler;
    plan.d_ = d;

    // §3.1: w_j = a_j·b_j. Uniform samplers use w ≡ 1 (D = d, §3.5 "With IS off, D = d"), so they
    // skip the per-column weights and logarithms altogether (they are O(d) per query).
    const bool importance = config.importanceSampling();
    const bool headWeights = importance && usesHeadWeights(config.weights);
    const bool queryWeights = importance && usesQueryWeights(config.weights);
    std::vector<int> positive;
    Eigen::VectorXd w;
    double wSum = 0.0;
    if (importance) {
        w = Eigen::VectorXd::Ones(d);
        if (headWeights)
            w.array() *= prepared.columnL1().array();
        if (queryWeights)
            w.array() *= x.array().abs();
        wSum = w.sum();
        // (w == 0) ∨ isnan(w) written explicitly: the reference's `q == 0 | isnan(q)` masks only
        // q == 0 (§12 I-1). w is finite and ≥ 0 here because heads and queries are validated.
        // Compacted without a branch: on ReLU features half the weights are 0, at random.
        positive.resize(static_cast<std::size_t>(d));
        std::size_t count = 0;
        if (wSum > 0.0)
            for (int j = 0; j < d; ++j) {
                positive[count] = j;
                count += w[j] > 0.0 ? 1 : 0;
            }
        positive.resize(count);
        plan.effectiveDim = static_cast<int>(positive.size());
    } else {
        plan.effectiveDim = d;
    }
    const int D = plan.effectiveDim;

    // σ̂² (§3.4): the user's noise bound as is (not multiplied by β², §12 I-27), else the proxy
    // s_A·s_x·D²·β² — a heuristic scale, not a bound (§12 I-5).
    if (config.noiseBound) {
        plan.sigma2 = *config.noiseBound;
    } else if (D > 0) {
        double sx = 0.0;
        if (importance) {
            for (int j : positive)
                sx += queryWeights ? std::abs(x[j]) : x[j] * x[j];
        } else {
            for (int j = 0; j < d; ++j)
                sx += x[j] * x[j];
        }
        sx /= D;
        if (queryWeights)
            sx *= sx;
        const double beta = prepared.temperature();
        plan.sigma2 = prepared.headVarianceFactor(headWeights) * sx * double(D) * double(D) * beta * beta;
    }

    if (D == 0)
        return plan;

    switch (config.sampler) {
    case Sampler::UniformWithoutReplacement:
    case Sampler::UniformWithoutReplacementFpc:
        plan.pool_.resize(static_cast<std::size_t>(d));
        std::iota(plan.pool_.begin(), plan.pool_.end(), 0);
        plan.rng_ = rng;
        break;
    case Sampler::UniformWithReplacement: plan.rng_ = rng; break;
    case Sampler::ImportanceWithReplacement: {
        plan.drawProbability.assign(static_cast<std::size_t>(d), 0.0);
        plan.cumulative_.resize(positive.size());
        double acc = 0.0;
        for (std::size_t s = 0; s < positive.size(); ++s) {
            const int j = positive[s];
            plan.drawProbability[static_cast<std::size_t>(j)] = w[j] / wSum;
            acc += w[j];
            plan.cumulative_[s] = acc;
        }
        plan.pool_ = std::move(positive);
        plan.rng_ = rng;
        break;
    }
    case Sampler::ImportanceWithoutReplacement:
    case Sampler::ImportanceWithoutReplacementDesRaj: {
        if (config.sampler == Sampler::ImportanceWithoutReplacementDesRaj) {
            plan.drawProbability.assign(static_cast<std::size_t>(d), 0.0);
            for (int j : positive)
                plan.drawProbability[static_cast<std::size_t>(j)] = w[j] / wSum;
        }
        plan.logWeight.assign(static_cast<std::size_t>(d), kNegInf);
        plan.gumbel_.assign(static_cast<std::size_t>(d), kNegInf);
        const double logSum = std::log(wSum);
        for (int j : positive) {
            const auto jj = static_cast<std::size_t>(j);
            plan.logWeight[jj] = std::log(w[j]) - logSum;
            plan.gumbel_[jj] = plan.logWeight[jj] + rng.gumbel();
        }
        plan.pool_ = std::move(positive);
        break;
    }
    }
    if (!lazy)
        plan.extendTo(D);
    return plan;
}

} // namespace ada
