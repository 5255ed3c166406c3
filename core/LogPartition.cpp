#include "LogPartition.h"

#include "CpuDispatch.h"
#include "VectorExp.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <optional>

namespace ada {

namespace {

// The second stage's per-arm work runs in three passes over the arms' arrays, fused where one pass
// can feed the next from L1: at n = 341 479 (GloVe) the arrays do not fit in the caches. The seven
// passes this replaced (the last pullToVariance's scan of all n arms among them) took about 0.5 ms
// per query more. The loops run over contiguous arrays in SIMD lanes (AVX2 where the CPU has it;
// square roots and divisions round alike in every width).
constexpr std::size_t kBlock = 256; // arms per block of a fused pass (a multiple of 4)

struct Largest {
    double logAlpha = 0.0; // the largest log α_a
    double estimate = 0.0; // the largest μ̂_a
    double variance = 0.0; // the largest v_a
};

// Pass 1: out_a = μ̂_a − √(c·v_a) for a < count, and the largest of them, of the μ̂_a and of the v_a
// (−∞ for none). Each maximum runs in four chains, entry a into chain a mod 4, combined as
// max(max(m0, m1), max(m2, m3)): max is exact, so this is the one-chain value (up to the sign of a
// zero maximum, which no result depends on), and a NaN is skipped (std::max keeps its first argument).
ADA_AVX2_CLONES Largest lowerLogWeights(const double* mu, const double* var, std::size_t count, double c,
                                        double* out)
{
    constexpr double kNone = -std::numeric_limits<double>::infinity();
    double w[4] = {kNone, kNone, kNone, kNone}, m[4] = {kNone, kNone, kNone, kNone};
    double v[4] = {kNone, kNone, kNone, kNone};
    auto step = [&](std::size_t a, std::size_t chain) {
        const double estimate = mu[a];
        const double variance = var[a];
        const double lower = estimate - std::sqrt(c * variance);
        out[a] = lower;
        w[chain] = std::max(w[chain], lower);
        m[chain] = std::max(m[chain], estimate);
        v[chain] = std::max(v[chain], variance);
    };
    std::size_t a = 0;
    for (; a + 4 <= count; a += 4)
        for (std::size_t u = 0; u < 4; ++u)
            step(a + u, u);
    for (std::size_t u = 0; a < count; ++a, ++u)
        step(a, u);
    return {std::max(std::max(w[0], w[1]), std::max(w[2], w[3])),
            std::max(std::max(m[0], m[1]), std::max(m[2], m[3])),
            std::max(std::max(v[0], v[1]), std::max(v[2], v[3]))};
}

// Σα ∝ Σ e_a and Σγ ∝ Σ √e_a in four partial sums each (entry a into sum a mod 4, the square roots
// in SIMD lanes), continued over the blocks of pass 2: `count` is a multiple of 4 except in the
// last block, whose at most three remaining entries go to sums 0, 1, 2.
struct WeightSums {
    double alpha[4] = {};
    double gamma[4] = {};
};

ADA_AVX2_CLONES void addWeights(const double* e, std::size_t count, WeightSums& sums)
{
    double a0 = sums.alpha[0], a1 = sums.alpha[1], a2 = sums.alpha[2], a3 = sums.alpha[3];
    double g0 = sums.gamma[0], g1 = sums.gamma[1], g2 = sums.gamma[2], g3 = sums.gamma[3];
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
    if (a < count) {
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
    sums = {{a0, a1, a2, a3}, {g0, g1, g2, g3}};
}

// Pass 2: each log α_a becomes e_a = exp(log α_a − top), and the two sums are taken block by block
// while the block is in L1.
WeightSums exponentiateAndSum(double* v, std::size_t count, double top)
{
    WeightSums sums;
    for (std::size_t from = 0; from < count; from += kBlock) {
        const std::size_t size = std::min(kBlock, count - from);
        expShiftedInPlace(v + from, size, top);
        addWeights(v + from, size, sums);
    }
    return sums;
}

// Pass 3's targets (secondStageTarget), each over its e.
ADA_AVX2_CLONES void targetsFromWeights(double* e, std::size_t count, double kGamma, double kAlpha)
{
    for (std::size_t a = 0; a < count; ++a)
        e[a] = secondStageTarget(e[a], kGamma, kAlpha);
}

// The second stage's work, as estimateLogPartition uses it.
struct SecondStage {
    ScratchVector<double> targets;     // V1 of every arm of `all`, in its order, for an observer (else
                                       // the weights e it is computed from)
    ScratchVector<int> pulledArms;     // the arms the stage's first step pulls, ascending as in `all`
    ScratchVector<double> pullTargets; // their targets
    double largestEstimate = 0.0;      // the largest μ̂ over `all` before the stage
};

// Appends the arms first … first + size − 1, whose targets are `targets`, that the stage's first
// step would pull: pullToVariance's own test (φ·v > V1 and t < D). Few arms pass, so the branch is
// predicted and the loop runs over contiguous arrays.
void collectPulled(const ArmEngine& engine, double fudge, std::size_t first, std::size_t size,
                   const double* targets, SecondStage& stage)
{
    const double* var = engine.variances().data() + first;
    const std::int64_t* depth = engine.depths().data() + first;
    const std::int64_t D = engine.effectiveDim();
    for (std::size_t k = 0; k < size; ++k) {
        if ((fudge * var[k] > targets[k]) & (depth[k] < D)) {
            stage.pulledArms.push_back(static_cast<int>(first + k));
            stage.pullTargets.push_back(targets[k]);
        }
    }
}

// collectPulled's arms and targets, for an unobserved run that needs no other target: only the arms
// whose weight e exceeds `noPullAtOrBelow` (weightBelowWhichNoArmPulls) take the test, so most arms
// cost a comparison instead of a square root and two divisions (GloVe: 2.4 % of the arms are
// tested, 0.2 % pull). The tested arms of a block are listed without a branch on each arm first.
void collectPulledFiltered(const ArmEngine& engine, double fudge, std::size_t first, std::size_t size,
                           const double* e, double noPullAtOrBelow, double kGamma, double kAlpha,
                           SecondStage& stage)
{
    const double* var = engine.variances().data() + first;
    const std::int64_t* depth = engine.depths().data() + first;
    const std::int64_t D = engine.effectiveDim();
    int tested[kBlock];
    for (std::size_t from = 0; from < size; from += kBlock) {
        const std::size_t block = std::min(kBlock, size - from);
        std::size_t count = 0;
        for (std::size_t k = 0; k < block; ++k) {
            tested[count] = static_cast<int>(from + k);
            count += e[from + k] > noPullAtOrBelow ? 1 : 0;
        }
        for (std::size_t u = 0; u < count; ++u) {
            const auto k = static_cast<std::size_t>(tested[u]);
            const double target = secondStageTarget(e[k], kGamma, kAlpha);
            if ((fudge * var[k] > target) & (depth[k] < D)) {
                stage.pulledArms.push_back(static_cast<int>(first + k));
                stage.pullTargets.push_back(target);
            }
        }
    }
}

// The second stage's targets (steps 3–6) for the arms of `all` (only where `observed`: an observer
// shows them), and the arms its first step pulls.
// Both sums are taken relative to the largest log α: with e_i = exp(log α_i − max log α),
// Σα ∝ Σ e_i and Σγ ∝ Σ √e_i, and the targets are K_γ/√e_i and K_α/e_i for two constants: one
// exponential per arm instead of three. An arm whose e_i underflows to 0 (α below 1e-308 of the
// largest) gets target ∞, as it would from the exponential form; a non-finite largest log α (every
// variance ∞) keeps that form.
SecondStage secondStage(const ArmEngine& engine, const std::vector<ArmRun>& runs, std::size_t count,
                        const PartitionParameters& params, double logTerm, bool observed)
{
    const auto& mu = engine.estimates();
    const auto& var = engine.variances();
    SecondStage stage;
    stage.targets.resize(count);
    double* v = stage.targets.data(); // log α, then e, then the targets, in place
    constexpr double kNone = -std::numeric_limits<double>::infinity();
    double top = kNone, largestVariance = kNone;
    stage.largestEstimate = kNone;
    for (const ArmRun& run : runs) {
        const Largest largest = lowerLogWeights(mu.data() + run.first, var.data() + run.first, run.length,
                                                2.0 * logTerm * params.fudge, v + run.at);
        top = std::max(top, largest.logAlpha);
        stage.largestEstimate = std::max(stage.largestEstimate, largest.estimate);
        largestVariance = std::max(largestVariance, largest.variance);
    }
    const double logD = std::log(16.0 * std::log(12.0 / params.delta) / (params.epsilon * params.epsilon));
    const double logScale = std::log(16.0 * std::sqrt(2.0) * logTerm / params.epsilon);
    if (!std::isfinite(top)) {
        // log Σα = top and log Σγ = top/2; the targets in the log-space form (NaN or ∞ here).
        const double logC = logScale + 2.0 * (0.5 * top) - top;
        for (std::size_t a = 0; a < count; ++a)
            v[a] = std::exp(std::min(0.5 * top - logC - 0.5 * v[a], top - logD - v[a]));
        for (const ArmRun& run : runs)
            collectPulled(engine, params.fudge, run.first, run.length, v + run.at, stage);
        return stage;
    }
    const WeightSums sums = exponentiateAndSum(v, count, top);
    const double sumAlpha = (sums.alpha[0] + sums.alpha[1]) + (sums.alpha[2] + sums.alpha[3]);
    const double sumGamma = (sums.gamma[0] + sums.gamma[1]) + (sums.gamma[2] + sums.gamma[3]);
    const double lseAlpha = top + std::log(sumAlpha);
    const double lseGamma = 0.5 * top + std::log(sumGamma);
    const double logC = logScale + 2.0 * lseGamma - lseAlpha;
    // e^{log Σγ − log C − log γ_i} = K_γ/√e_i and e^{log Σα − log D − log α_i} = K_α/e_i.
    const double kGamma = std::exp(lseGamma - logC - 0.5 * top);
    const double kAlpha = std::exp(lseAlpha - logD - top);
    if (!observed) {
        // Pass 3 without the targets: φ·v rounds monotonically in v, so φ times the largest v is
        // the largest φ·v (NaN variances, skipped by the maximum, never pull).
        const double noPull = weightBelowWhichNoArmPulls(kGamma, kAlpha, params.fudge * largestVariance);
        for (const ArmRun& run : runs)
            collectPulledFiltered(engine, params.fudge, run.first, run.length, v + run.at, noPull, kGamma,
                                  kAlpha, stage);
        return stage;
    }
    // Pass 3: the targets block by block, and each block's pulled arms while it is in L1.
    for (const ArmRun& run : runs) {
        for (std::size_t from = 0; from < run.length; from += kBlock) {
            const std::size_t size = std::min(kBlock, run.length - from);
            double* targets = v + run.at + from;
            targetsFromWeights(targets, size, kGamma, kAlpha);
            collectPulled(engine, params.fudge, run.first + from, size, targets, stage);
        }
    }
    return stage;
}

// log Σ exp over the entries of `v` in `runs`: the shift is their largest (−∞ for none; NaN
// skipped), or `largest` where the caller knows it. Entry a of the runs (counted from the first run's
// start) goes to partial sum a mod 4, as sumExpShifted adds the entries of one array.
double logSumExpOf(std::span<const double> v, const std::vector<ArmRun>& runs,
                   std::optional<double> largest = std::nullopt)
{
    double m = -std::numeric_limits<double>::infinity();
    if (largest)
        m = *largest;
    else
        for (const ArmRun& run : runs)
            m = std::max(m, largestOf(v.data() + run.first, run.length));
    if (!std::isfinite(m))
        return m;
    double partial[4] = {0.0, 0.0, 0.0, 0.0};
    for (const ArmRun& run : runs)
        addExpShifted(v.data() + run.first, run.length, m, partial, run.at % 4);
    return m + std::log((partial[0] + partial[1]) + (partial[2] + partial[3]));
}

} // namespace

// secondStageTarget is non-increasing in e ≥ 0 (square root, division and min each round
// monotonically; e = 0 gives ∞), so one check at e* covers every e ≤ e*: the closed form's
// candidate, stepped down a few ulps until the check holds (tst_adaptivesoftmax:
// noArmPullsAtOrBelowThePartitionFilter). −∞, every arm then taking the full test, where it never
// does, as with a NaN constant.
double weightBelowWhichNoArmPulls(double kGamma, double kAlpha, double largestProduct)
{
    const double root = kGamma / largestProduct;
    double e = std::min(root * root, kAlpha / largestProduct);
    for (int step = 0; step < 16; ++step, e = std::nextafter(e, 0.0))
        if (secondStageTarget(e, kGamma, kAlpha) >= largestProduct)
            return e;
    return -std::numeric_limits<double>::infinity();
}

double firstStageTarget(int n, double delta)
{
    return 1.0 / (17.0 * std::log(6.0 * n / delta));
}

double estimateLogPartition(RunContext& ctx, const PartitionParameters& params)
{
    ArmEngine& engine = ctx.engine;
    // S sums over the query's candidate arms; excluded arms (a masked query) are absent.
    const ScratchVector<int>& all = ctx.candidates;
    const std::vector<ArmRun>& runs = ctx.candidateRuns;
    const int n = static_cast<int>(all.size());
    auto onBatch = [&] {
        if (ctx.observer) // the running estimate is only for the picture: skip it when unobserved
            ctx.logPartition = logSumExpOf(engine.estimates(), runs);
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
    const SecondStage stage = secondStage(engine, runs, all.size(), params, logTerm, observed);
    if (observed) {
        // Arms outside `all` (excluded) have no target: ∞, as their infinite variance would give.
        ctx.targets.assign(static_cast<std::size_t>(engine.arms()), std::numeric_limits<double>::infinity());
        for (std::size_t a = 0; a < all.size(); ++a)
            ctx.targets[static_cast<std::size_t>(all[a])] = stage.targets[a];
    }
    // Stage 2 (step 7): non-batched, no cap beyond D. It starts from the arms whose first step pulls
    // (an arm inactive then stays inactive), so pullToVariance does not scan all n arms again; the
    // steps, their pulls and their order are those over `all`.
    if (!ctx.notify(EventKind::PhaseStarted))
        return std::numeric_limits<double>::quiet_NaN();
    // Step 8's shift is the largest μ̂ over `all`. Stage 2 changes only the estimates of the arms it
    // pulls, so the largest after it is the one before (pass 1's) or a new estimate of those arms,
    // unless one of them held the largest before. Then, and for 0 (whose sign the full scan picks),
    // the full scan takes it.
    const auto& mu = engine.estimates();
    bool largestKnown = stage.largestEstimate != 0.0;
    for (int i : stage.pulledArms)
        largestKnown &= mu[static_cast<std::size_t>(i)] != stage.largestEstimate;
    ArmEngine::PullRequest second;
    second.arms = stage.pulledArms;
    second.targets = stage.pullTargets;
    second.fudge = params.fudge;
    if (!engine.pullToVariance(second, onBatch))
        return std::numeric_limits<double>::quiet_NaN();
    double largest = stage.largestEstimate;
    for (int i : stage.pulledArms)
        largest = std::max(largest, mu[static_cast<std::size_t>(i)]);
    largestKnown &= largest != 0.0;
    ctx.logPartition = logSumExpOf(mu, runs, largestKnown ? std::optional<double>(largest) : std::nullopt);
    return ctx.logPartition;
}

} // namespace ada
