#include "LogPartition.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace ada {

namespace {

// log Σ exp over the entries of `v` named by `arms`, or over all of `v` when `arms` is null.
double logSumExpOf(const std::vector<double>& v, const std::vector<int>* arms = nullptr)
{
    auto at = [&](std::size_t i) { return arms ? v[static_cast<std::size_t>((*arms)[i])] : v[i]; };
    const std::size_t count = arms ? arms->size() : v.size();
    double m = -std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < count; ++i)
        m = std::max(m, at(i));
    if (!std::isfinite(m))
        return m;
    double s = 0.0;
    for (std::size_t i = 0; i < count; ++i)
        s += std::exp(at(i) - m);
    return m + std::log(s);
}

} // namespace

double firstStageTarget(int n, double delta)
{
    return 1.0 / (17.0 * std::log(6.0 * n / delta));
}

double estimateLogPartition(RunContext& ctx, const PartitionParameters& params)
{
    ArmEngine& engine = ctx.engine;
    // S sums over the query's candidate arms; excluded arms (a masked query) are absent.
    const std::vector<int>& all = ctx.candidates;
    const int n = static_cast<int>(all.size());
    auto onBatch = [&] {
        if (ctx.observer) // the running estimate is only for the picture: skip it when unobserved
            ctx.logPartition = logSumExpOf(engine.estimates(), &all);
        return ctx.notify(EventKind::PullBatch);
    };
    const double logTerm = std::log(6.0 * n / params.delta);

    // Stage 1 (steps 1–2): every arm to V0, capped at ⌊c_init·D⌋. Inside Algorithm 1 the warm-up has
    // done this already, so it is a no-op there.
    const double v0[1] = {firstStageTarget(n, params.delta)};
    ctx.targets.assign(static_cast<std::size_t>(engine.arms()), v0[0]);
    ArmEngine::PullRequest first;
    first.arms = all;
    first.targets = v0;
    first.fudge = params.fudge;
    first.cap = params.firstStageCap;
    if (!engine.pullToVariance(first, onBatch))
        return std::numeric_limits<double>::quiet_NaN();

    // Steps 3–6: per-arm lower confidence weights α_i = exp(μ̂_i − C_i), γ_i = √α_i, with
    // C_i = √(2·log(6n/δ)·φ·v_i) on the φ-multiplied variances, then per-arm targets
    // V1_i = min(ε·Σα / (16√2·log(6n/δ)·γ_i·Σγ), ε²·Σα / (16·log(12/δ)·α_i)), all in log space.
    const auto& mu = engine.estimates();
    const auto& var = engine.variances();
    const std::size_t arms = mu.size();
    std::vector<double> logAlpha(arms), logGamma(arms);
    for (std::size_t i = 0; i < arms; ++i) {
        const double c = std::sqrt(2.0 * logTerm * params.fudge * var[i]);
        logAlpha[i] = mu[i] - c;
        logGamma[i] = 0.5 * logAlpha[i];
    }
    const double lseAlpha = logSumExpOf(logAlpha, &all);
    const double lseGamma = logSumExpOf(logGamma, &all);
    const double logC
        = std::log(16.0 * std::sqrt(2.0) * logTerm / params.epsilon) + 2.0 * lseGamma - lseAlpha;
    const double logD = std::log(16.0 * std::log(12.0 / params.delta) / (params.epsilon * params.epsilon));
    ctx.targets.resize(arms);
    // min(e^a, e^b) = e^min(a, b) (exp is monotone; libm's rounding could differ by an ulp only
    // where a and b all but tie), at one exponential per arm instead of two.
    for (std::size_t i = 0; i < arms; ++i)
        ctx.targets[i] = std::exp(std::min(lseGamma - logC - logGamma[i], lseAlpha - logD - logAlpha[i]));
    // The request's targets are per requested arm, in the order of `all`.
    std::vector<double> secondTargets(all.size());
    for (std::size_t a = 0; a < all.size(); ++a)
        secondTargets[a] = ctx.targets[static_cast<std::size_t>(all[a])];
    // Stage 2 (step 7): non-batched, no cap beyond D.
    if (!ctx.notify(EventKind::PhaseStarted))
        return std::numeric_limits<double>::quiet_NaN();
    ArmEngine::PullRequest second;
    second.arms = all;
    second.targets = secondTargets;
    second.fudge = params.fudge;
    if (!engine.pullToVariance(second, onBatch))
        return std::numeric_limits<double>::quiet_NaN();
    ctx.logPartition = logSumExpOf(engine.estimates(), &all); // step 8
    return ctx.logPartition;
}

} // namespace ada
