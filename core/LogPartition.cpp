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
    if (arms && arms->size() == v.size()) // ascending and distinct (candidates): every entry
        arms = nullptr;
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

// The second stage's targets (steps 3–6) for the arms of `all`, in that order. Both sums are taken
// relative to the largest log α: with e_i = exp(log α_i − max log α), Σα ∝ Σ e_i and Σγ ∝ Σ √e_i,
// and the targets are K_γ/√e_i and K_α/e_i for two constants: one exponential per arm instead
// of three. An arm whose e_i underflows to 0 (α below 1e-308 of the largest) gets target ∞, as it
// would from the exponential form; a non-finite largest log α (every variance ∞) keeps that form.
ScratchVector<double> secondStageTargets(const ArmEngine& engine, const std::vector<int>& all,
                                         const PartitionParameters& params, double logTerm)
{
    const auto& mu = engine.estimates();
    const auto& var = engine.variances();
    const std::size_t count = all.size();
    ScratchVector<double> logAlpha(count);
    double top = -std::numeric_limits<double>::infinity();
    for (std::size_t a = 0; a < count; ++a) {
        const auto i = static_cast<std::size_t>(all[a]);
        logAlpha[a] = mu[i] - std::sqrt(2.0 * logTerm * params.fudge * var[i]);
        top = std::max(top, logAlpha[a]);
    }
    const double logD = std::log(16.0 * std::log(12.0 / params.delta) / (params.epsilon * params.epsilon));
    const double logScale = std::log(16.0 * std::sqrt(2.0) * logTerm / params.epsilon);
    if (!std::isfinite(top)) {
        // log Σα = top and log Σγ = top/2; the targets in the log-space form (NaN or ∞ here).
        const double logC = logScale + 2.0 * (0.5 * top) - top;
        for (std::size_t a = 0; a < count; ++a)
            logAlpha[a] = std::exp(std::min(0.5 * top - logC - 0.5 * logAlpha[a], top - logD - logAlpha[a]));
        return logAlpha; // from here on, the targets
    }
    double sumAlpha = 0.0, sumGamma = 0.0;
    for (std::size_t a = 0; a < count; ++a) {
        const double e = std::exp(logAlpha[a] - top);
        logAlpha[a] = e; // from here on, e_i
        sumAlpha += e;
        sumGamma += std::sqrt(e);
    }
    const double lseAlpha = top + std::log(sumAlpha);
    const double lseGamma = 0.5 * top + std::log(sumGamma);
    const double logC = logScale + 2.0 * lseGamma - lseAlpha;
    // e^{log Σγ − log C − log γ_i} = K_γ/√e_i and e^{log Σα − log D − log α_i} = K_α/e_i.
    const double kGamma = std::exp(lseGamma - logC - 0.5 * top);
    const double kAlpha = std::exp(lseAlpha - logD - top);
    const double inf = std::numeric_limits<double>::infinity();
    // Both quotients are computed for every arm and the ∞ selected after, so that the loop has no
    // branch and vectorises (a division under a condition is not hoisted out of it).
    for (std::size_t a = 0; a < count; ++a) {
        const double e = logAlpha[a];
        const double t = std::min(kGamma / std::sqrt(e), kAlpha / e);
        logAlpha[a] = e == 0.0 ? inf : t; // each target overwrites its e_i: no second n-array
    }
    return logAlpha;
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
    // done this already, so it is a no-op there (skipped outright when params.firstStageDone).
    const double v0[1] = {firstStageTarget(n, params.delta)};
    const bool observed = ctx.observer != nullptr; // only an observer reads the per-arm targets
    if (observed)
        ctx.targets.assign(static_cast<std::size_t>(engine.arms()), v0[0]);
    ArmEngine::PullRequest first;
    first.arms = all;
    first.targets = v0;
    first.fudge = params.fudge;
    first.cap = params.firstStageCap;
    if (!params.firstStageDone && !engine.pullToVariance(first, onBatch))
        return std::numeric_limits<double>::quiet_NaN();

    // Steps 3–6: per-arm lower confidence weights α_i = exp(μ̂_i − C_i), γ_i = √α_i, with
    // C_i = √(2·log(6n/δ)·φ·v_i) on the φ-multiplied variances, then per-arm targets
    // V1_i = min(ε·Σα / (16√2·log(6n/δ)·γ_i·Σγ), ε²·Σα / (16·log(12/δ)·α_i)), in the order of `all`.
    const ScratchVector<double> secondTargets = secondStageTargets(engine, all, params, logTerm);
    if (observed) {
        // Arms outside `all` (excluded) have no target: ∞, as their infinite variance would give.
        ctx.targets.assign(static_cast<std::size_t>(engine.arms()), std::numeric_limits<double>::infinity());
        for (std::size_t a = 0; a < all.size(); ++a)
            ctx.targets[static_cast<std::size_t>(all[a])] = secondTargets[a];
    }
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
