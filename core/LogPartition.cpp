#include "LogPartition.h"

#include "CpuDispatch.h"
#include "VectorExp.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace ada {

namespace {

// The per-arm loops of the second stage's targets, each over contiguous arrays so that it runs in
// SIMD lanes (AVX2 where the CPU has it; square roots and divisions round alike in every width).

// out_a = μ̂_a − √(c·v_a) for the arms a of `arms` (or for a = 0 … count − 1 when `arms` is null).
ADA_AVX2_CLONES void lowerLogWeights(const double* mu, const double* var, const int* arms, std::size_t count,
                                     double c, double* out)
{
    if (arms == nullptr) {
        for (std::size_t a = 0; a < count; ++a)
            out[a] = mu[a] - std::sqrt(c * var[a]);
        return;
    }
    for (std::size_t a = 0; a < count; ++a) {
        const auto i = static_cast<std::size_t>(arms[a]);
        out[a] = mu[i] - std::sqrt(c * var[i]);
    }
}

// The largest entry (−∞ for none), in four independent chains instead of one dependent one. Max
// is exact, so the lanes give the sequential loop's value (a NaN is skipped in both).
double largestOf(const double* v, std::size_t count)
{
    constexpr double kNone = -std::numeric_limits<double>::infinity();
    double m0 = kNone, m1 = kNone, m2 = kNone, m3 = kNone;
    std::size_t a = 0;
    for (; a + 4 <= count; a += 4) {
        m0 = std::max(m0, v[a]);
        m1 = std::max(m1, v[a + 1]);
        m2 = std::max(m2, v[a + 2]);
        m3 = std::max(m3, v[a + 3]);
    }
    for (; a < count; ++a)
        m0 = std::max(m0, v[a]);
    return std::max(std::max(m0, m1), std::max(m2, m3));
}

// Each target min(K_γ/√e, K_α/e) overwrites its e, ∞ where e = 0. Both quotients are computed for
// every arm and the ∞ selected after, so that the loop has no branch (a division under a condition
// is not hoisted out of it).
ADA_AVX2_CLONES void targetsFromWeights(double* e, std::size_t count, double kGamma, double kAlpha)
{
    const double inf = std::numeric_limits<double>::infinity();
    for (std::size_t a = 0; a < count; ++a) {
        const double w = e[a];
        const double t = std::min(kGamma / std::sqrt(w), kAlpha / w);
        e[a] = w == 0.0 ? inf : t;
    }
}

// log Σ exp over the entries of `v` named by `arms`, or over all of `v` when `arms` is null.
double logSumExpOf(const std::vector<double>& v, const std::vector<int>* arms = nullptr)
{
    if (arms && arms->size() == v.size()) // ascending and distinct (candidates): every entry
        arms = nullptr;
    ScratchVector<double> gathered;
    const double* values = v.data();
    std::size_t count = v.size();
    if (arms) {
        count = arms->size();
        gathered.resize(count);
        for (std::size_t a = 0; a < count; ++a)
            gathered[a] = v[static_cast<std::size_t>((*arms)[a])];
        values = gathered.data();
    }
    const double m = largestOf(values, count);
    if (!std::isfinite(m))
        return m;
    return m + std::log(sumExpShifted(values, count, m));
}

// Σα ∝ Σ e_i and Σγ ∝ Σ √e_i, each in four partial sums as sumExpShifted adds (entry a into sum
// a mod 4), so that the square roots run in SIMD lanes and the additions in four chains.
ADA_AVX2_CLONES void sumsOfWeights(const double* e, std::size_t count, double& sumAlpha, double& sumGamma)
{
    double a0 = 0.0, a1 = 0.0, a2 = 0.0, a3 = 0.0, g0 = 0.0, g1 = 0.0, g2 = 0.0, g3 = 0.0;
    std::size_t a = 0;
    for (; a + 4 <= count; a += 4) {
        a0 += e[a];
        a1 += e[a + 1];
        a2 += e[a + 2];
        a3 += e[a + 3];
        g0 += std::sqrt(e[a]);
        g1 += std::sqrt(e[a + 1]);
        g2 += std::sqrt(e[a + 2]);
        g3 += std::sqrt(e[a + 3]);
    }
    if (a < count) { // at most three remaining entries
        a0 += e[a];
        g0 += std::sqrt(e[a++]);
    }
    if (a < count) {
        a1 += e[a];
        g1 += std::sqrt(e[a++]);
    }
    if (a < count) {
        a2 += e[a];
        g2 += std::sqrt(e[a]);
    }
    sumAlpha = (a0 + a1) + (a2 + a3);
    sumGamma = (g0 + g1) + (g2 + g3);
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
    // `all` ascending and distinct: as long as the engine's arrays, it names every arm in order.
    const bool everyArm = count == mu.size();
    lowerLogWeights(mu.data(), var.data(), everyArm ? nullptr : all.data(), count,
                    2.0 * logTerm * params.fudge, logAlpha.data());
    const double top = largestOf(logAlpha.data(), count);
    const double logD = std::log(16.0 * std::log(12.0 / params.delta) / (params.epsilon * params.epsilon));
    const double logScale = std::log(16.0 * std::sqrt(2.0) * logTerm / params.epsilon);
    if (!std::isfinite(top)) {
        // log Σα = top and log Σγ = top/2; the targets in the log-space form (NaN or ∞ here).
        const double logC = logScale + 2.0 * (0.5 * top) - top;
        for (std::size_t a = 0; a < count; ++a)
            logAlpha[a] = std::exp(std::min(0.5 * top - logC - 0.5 * logAlpha[a], top - logD - logAlpha[a]));
        return logAlpha; // from here on, the targets
    }
    expShiftedInPlace(logAlpha.data(), count, top); // from here on, e_i
    double sumAlpha = 0.0, sumGamma = 0.0;
    sumsOfWeights(logAlpha.data(), count, sumAlpha, sumGamma);
    const double lseAlpha = top + std::log(sumAlpha);
    const double lseGamma = 0.5 * top + std::log(sumGamma);
    const double logC = logScale + 2.0 * lseGamma - lseAlpha;
    // e^{log Σγ − log C − log γ_i} = K_γ/√e_i and e^{log Σα − log D − log α_i} = K_α/e_i.
    const double kGamma = std::exp(lseGamma - logC - 0.5 * top);
    const double kAlpha = std::exp(lseAlpha - logD - top);
    targetsFromWeights(logAlpha.data(), count, kGamma, kAlpha); // over the e_i: no second n-array
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
