#include "ColumnOrder.h"

#include "Rng.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace ada {

namespace {

constexpr double kNegInf = -std::numeric_limits<double>::infinity();

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

SamplingPlan makeSamplingPlan(const PreparedHead& prepared, const Eigen::VectorXd& x, const Config& config,
                              Rng& rng)
{
    const int d = static_cast<int>(x.size());
    SamplingPlan plan;
    plan.sampler = config.sampler;

    // §3.1: w_j = a_j·b_j. Uniform samplers use w ≡ 1 (D = d, §3.5 "With IS off, D = d").
    const bool importance = config.importanceSampling();
    const bool headWeights = importance && usesHeadWeights(config.weights);
    const bool queryWeights = importance && usesQueryWeights(config.weights);
    Eigen::VectorXd w = Eigen::VectorXd::Ones(d);
    if (headWeights)
        w.array() *= prepared.columnL1().array();
    if (queryWeights)
        w.array() *= x.array().abs();
    const double wSum = w.sum();

    plan.logWeight.assign(static_cast<std::size_t>(d), kNegInf);
    std::vector<int> positive;
    positive.reserve(static_cast<std::size_t>(d));
    for (int j = 0; j < d; ++j) {
        // (w == 0) ∨ isnan(w) written explicitly: the reference's `q == 0 | isnan(q)` masks only
        // q == 0 (§12 I-1). w is finite and ≥ 0 here because heads and queries are validated.
        if (w[j] > 0.0 && wSum > 0.0) {
            plan.logWeight[static_cast<std::size_t>(j)] = std::log(w[j]) - std::log(wSum);
            positive.push_back(j);
        }
    }
    plan.effectiveDim = static_cast<int>(positive.size());
    const int D = plan.effectiveDim;

    // σ̂² (§3.4): the user's noise bound as is (not multiplied by β², §12 I-27), else the proxy
    // s_A·s_x·D²·β² — a heuristic scale, not a bound (§12 I-5).
    if (config.noiseBound) {
        plan.sigma2 = *config.noiseBound;
    } else if (D > 0) {
        double sx = 0.0;
        for (int j : positive)
            sx += queryWeights ? std::abs(x[j]) : x[j] * x[j];
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
    case Sampler::UniformWithoutReplacementFpc: plan.order = rng.permutation(d); break;
    case Sampler::UniformWithReplacement:
        plan.order.resize(static_cast<std::size_t>(D));
        for (auto& j : plan.order)
            j = static_cast<int>(rng.below(static_cast<std::uint64_t>(d)));
        break;
    case Sampler::ImportanceWithReplacement: {
        plan.drawProbability.assign(static_cast<std::size_t>(d), 0.0);
        std::vector<double> cumulative(positive.size());
        double acc = 0.0;
        for (std::size_t s = 0; s < positive.size(); ++s) {
            const int j = positive[s];
            plan.drawProbability[static_cast<std::size_t>(j)] = w[j] / wSum;
            acc += w[j];
            cumulative[s] = acc;
        }
        plan.order.resize(static_cast<std::size_t>(D));
        for (auto& j : plan.order) {
            const double u = rng.uniform01() * acc;
            auto it = std::upper_bound(cumulative.begin(), cumulative.end(), u);
            if (it == cumulative.end())
                --it;
            j = positive[static_cast<std::size_t>(it - cumulative.begin())];
        }
        break;
    }
    case Sampler::ImportanceWithoutReplacement: {
        // §3.2 Gumbel-top-k: π sorts ℓ_j + G_j decreasingly; any prefix is a weighted sample
        // without replacement. Ties (probability 0) break by column index for determinism.
        std::vector<double> g(static_cast<std::size_t>(d), kNegInf);
        for (int j : positive)
            g[static_cast<std::size_t>(j)] = plan.logWeight[static_cast<std::size_t>(j)] + rng.gumbel();
        plan.order = positive;
        std::sort(plan.order.begin(), plan.order.end(), [&g](int a, int b) {
            const double ga = g[static_cast<std::size_t>(a)], gb = g[static_cast<std::size_t>(b)];
            return ga > gb || (ga == gb && a < b);
        });
        plan.keys.resize(plan.order.size());
        for (std::size_t s = 0; s < plan.order.size(); ++s)
            plan.keys[s] = g[static_cast<std::size_t>(plan.order[s])];
        break;
    }
    }
    return plan;
}

} // namespace ada
