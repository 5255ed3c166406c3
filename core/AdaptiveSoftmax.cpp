#include "AdaptiveSoftmax.h"

#include "AllocatorTuning.h"
#include "ArmEngine.h"
#include "BestArms.h"
#include "ColumnOrder.h"
#include "Hadamard.h"
#include "LogPartition.h"
#include "Rng.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

namespace ada {

namespace {

constexpr std::uint64_t kHadamardSignStream = 0x48414441ULL; // "HADA": the RHT's own seed stream

// The ε/δ split of Algorithm 1 (§6). The reference keeps its own (§12 I-11, I-12); our fix spends a
// total log-error budget of log(1 + ε) on the two estimates that p̂ = exp(μ̂ − log Ŝ) combines, so
// that p̂/p ≤ 1 + ε whenever each part meets its target (the lower side, 1 − ε, then holds too):
//   exact winner:   the winner is exact, so Ŝ gets it all: ε_ℓ = ε/(1 + ε) (§12 I-12);
//   sampled winner: a quarter to the winner's additive error, a = log(1 + ε)/4, and the rest to Ŝ,
//                   ε_ℓ = 1 − (1 + ε)^{−3/4}. The winner is one arm while Algorithm 2 pulls all n,
//                   so the partition gets the larger share (an even split costs ~1.5× more pulls).
// δ is split evenly over the parts that can fail: δ/2 (exact winner) or δ/3 (sampled winner).
struct Split {
    double delta = 0.0;        // δ' for the warm-up, elimination and partition
    double epsilonLog = 0.0;   // ε_ℓ given to Algorithm 2
    double winnerTarget = 0.0; // variance target of a sampled winner logit
};

Split splitFor(const Config& c)
{
    Split s;
    s.delta = c.exactWinner ? c.delta / 2.0 : c.delta / 3.0;
    if (c.referenceQuirks()) {
        s.epsilonLog = c.epsilon; // the full ε even in non-exact mode (§12 I-11)
        const double e = c.epsilon / 4.0;
        s.winnerTarget = e * e / (32.0 * std::log(2.0 / s.delta)); // ≈ ε/16 additive (§12 I-11)
        return s;
    }
    if (c.exactWinner) {
        s.epsilonLog = c.epsilon / (1.0 + c.epsilon);
    } else {
        constexpr double kWinnerShare = 0.25;
        const double a = kWinnerShare * std::log1p(c.epsilon);
        s.epsilonLog = -std::expm1(-(1.0 - kWinnerShare) * std::log1p(c.epsilon));
        s.winnerTarget = a * a / (2.0 * std::log(2.0 / s.delta)); // sub-Gaussian: |error| ≤ a w.p. 1 − δ'
    }
    return s;
}

} // namespace

PreparedHead::PreparedHead(const Head& head, const Config& config, PullKernels kernels)
    : head_(&head)
    , kernels_(kernels)
    , beta_(config.temperature.value_or(head.temperature))
    , hadamard_(config.hadamard)
{
    config.validate();
    if (head.arms() < 2 || head.dim() < 1)
        throw std::invalid_argument("the head must have at least 2 rows and 1 column");
    if (!(beta_ > 0.0 && std::isfinite(beta_)))
        throw std::invalid_argument("the temperature must be a positive finite number");
    if (hadamard_) {
        // §3.6: rows become H·(A_i ⊙ s), zero-padded to a power of two; inner products are kept.
        const Eigen::Index padded = nextPowerOfTwo(head.dim());
        Rng rng(deriveSeed(config.seed, kHadamardSignStream));
        signs_.resize(padded);
        for (Eigen::Index j = 0; j < padded; ++j)
            signs_[j] = float(rng.rademacher());
        transformed_.resize(head.arms(), padded);
        Eigen::VectorXd row(padded);
        for (Eigen::Index i = 0; i < head.arms(); ++i) {
            row.setZero();
            for (Eigen::Index j = 0; j < head.dim(); ++j)
                row[j] = double(head.weight(i, j)) * signs_[j];
            fastWalshHadamard(row);
            transformed_.row(i) = row.cast<float>().transpose();
        }
    }
    const RowMatrixF& a = weight();
    const Eigen::Index d = a.cols();
    // Row by row in double: a whole-matrix cast would allocate twice the head's size again.
    columnL1_ = Eigen::VectorXd::Zero(d);
    for (Eigen::Index i = 0; i < a.rows(); ++i)
        columnL1_ += a.row(i).transpose().cast<double>().cwiseAbs();
    // s_A of §3.4: max_i (1/d²)·Σ_j A_ij²/q̃_j with q̃ = a/Σa (zero-weight columns use 1, §12 I-1),
    // and the uniform variant max_i mean_j A_ij².
    const double l1Sum = columnL1_.sum();
    Eigen::VectorXd invQ(d);
    for (Eigen::Index j = 0; j < d; ++j)
        invQ[j] = columnL1_[j] > 0.0 ? l1Sum / columnL1_[j] : 1.0;
    for (Eigen::Index i = 0; i < a.rows(); ++i) {
        double atom = 0.0, uniform = 0.0;
        for (Eigen::Index j = 0; j < d; ++j) {
            const double v = double(a(i, j)) * double(a(i, j));
            atom += v * invQ[j];
            uniform += v;
        }
        sAtom_ = std::max(sAtom_, atom / (double(d) * double(d)));
        sUniform_ = std::max(sUniform_, uniform / double(d));
    }
    // Column passes pay off only when a column holds several cache lines of arms; below that the
    // rows are as good and the copy would be pure overhead (the Fashion-MNIST heads have n = 10).
    constexpr Eigen::Index kColumnMajorMinArms = 64;
    if (kernels_ == PullKernels::Fast && !hadamard_ && a.rows() >= kColumnMajorMinArms)
        columns_ = transposeToColumnMajor(a);
    // For many queries (fast kernels), both layouts on 2 MiB pages where the system allows it; the
    // exact path reads `a` too. Collapsing them costs about 1.3 s per GB once, more than a single
    // observed run (the studio's straightforward path) would gain.
    if (kernels_ == PullKernels::Fast) {
        adviseHugePages(a.data(), std::size_t(a.size()) * sizeof(float));
        adviseHugePages(columns_.data(), std::size_t(columns_.size()) * sizeof(float));
        adviseHugePagesForQueries();
    }
}

const RowMatrixF& PreparedHead::weight() const
{
    return hadamard_ ? transformed_ : head_->weight;
}

double PreparedHead::headVarianceFactor(bool atomWeights) const
{
    return atomWeights ? sAtom_ : sUniform_;
}

Eigen::VectorXd PreparedHead::transformQuery(const Eigen::Ref<const Eigen::VectorXf>& x) const
{
    if (!hadamard_)
        return x.cast<double>();
    Eigen::VectorXd v = Eigen::VectorXd::Zero(signs_.size());
    for (Eigen::Index j = 0; j < x.size(); ++j)
        v[j] = double(x[j]) * signs_[j];
    fastWalshHadamard(v);
    return v;
}

namespace {

// The arms a query may return: all but the excluded ones, ascending, and their runs. Throws for an
// index out of range; duplicates are harmless.
struct Candidates {
    ScratchVector<int> arms;
    std::vector<ArmRun> runs;
};

Candidates candidateArms(int n, std::span<const int> excluded)
{
    // The arms between the excluded ones (sorted, duplicates allowed), in ascending order: a masked
    // query excludes a few arms (an analogy its three words), so the candidates are a few stretches
    // of consecutive arms, written without a per-arm test, and those stretches are the runs
    // (runsOf's scan of n arms took 0.16 ms of a GloVe query).
    std::vector<int> skip(excluded.begin(), excluded.end());
    for (int e : skip)
        if (e < 0 || e >= n)
            throw std::invalid_argument("excluded arm " + std::to_string(e)
                                        + " is not a row of the head (0 … " + std::to_string(n - 1) + ")");
    std::sort(skip.begin(), skip.end());
    skip.erase(std::unique(skip.begin(), skip.end()), skip.end());
    Candidates c;
    c.arms.resize(static_cast<std::size_t>(n) - skip.size());
    std::size_t at = 0;
    auto stretch = [&](int from, int to) { // the arms from … to − 1
        if (to <= from)
            return;
        const auto length = static_cast<std::size_t>(to - from);
        std::iota(c.arms.begin() + static_cast<std::ptrdiff_t>(at),
                  c.arms.begin() + static_cast<std::ptrdiff_t>(at + length), from);
        c.runs.push_back({at, static_cast<std::size_t>(from), length});
        at += length;
    };
    int from = 0;
    for (int e : skip) {
        stretch(from, e);
        from = e + 1;
    }
    stretch(from, n);
    return c;
}

// Algorithm 1; with `identificationOnly` it stops after elimination (stage 1 of the tuning, §7).
Result runPhases(const PreparedHead& prepared, const Eigen::Ref<const Eigen::VectorXf>& query,
                 const Config& config, RunObserver* observer, bool identificationOnly,
                 std::span<const int> excluded)
{
    config.validate();
    const Head& head = prepared.head();
    const int armCount = static_cast<int>(head.arms());
    Candidates all = candidateArms(armCount, excluded);
    // The bounds' union over arms (log 6n/δ) counts the candidates only.
    const int n = static_cast<int>(all.arms.size());
    if (config.k > n)
        throw std::invalid_argument("k = " + std::to_string(config.k) + " exceeds the number of arms ("
                                    + std::to_string(n) + (n < armCount ? " not excluded" : "") + ")");
    if (query.size() != head.dim())
        throw std::invalid_argument("the query has dimension " + std::to_string(query.size())
                                    + " but the head has dimension " + std::to_string(head.dim()));
    for (Eigen::Index j = 0; j < query.size(); ++j)
        if (!std::isfinite(query[j])) // a NaN would poison every weight and estimate (§12 I-3)
            throw std::invalid_argument("the query has a non-finite value at column " + std::to_string(j));

    const Eigen::VectorXd x = prepared.transformQuery(query);
    Eigen::VectorXd xBeta = prepared.temperature() * x;
    Rng rng(config.seed);
    SamplingPlan plan = makeSamplingPlan(prepared, x, config, rng, prepared.kernels() == PullKernels::Fast);
    const int D = plan.effectiveDim;
    // Warm-up (§6.1 step 3): every arm to V0, batched, capped at ⌊c_init·D⌋. The cap is clamped to
    // at least min(D, 16) so that sparse queries get finite variances (§12 I-16); the reference is not.
    std::int64_t cap = static_cast<std::int64_t>(std::floor(config.warmupCap * D));
    if (!config.referenceQuirks())
        cap = std::max<std::int64_t>(cap, std::min(D, 16));
    // The reference's tuning checks best_arms after a fresh set_query, without the warm-up (§7).
    const bool skipWarmup = identificationOnly && config.referenceQuirks();
    // The warm-up's first step pulls every candidate (each starts at v = ∞, active under any φ > 0)
    // to min(16, cap): pullFresh takes it from the engine's initial state without writing that state
    // first, where the engine can (ArmEngine::InitialState). Only an observer reads the arms before.
    const std::int64_t firstWarmupDepth = std::min<std::int64_t>(16, cap);
    const bool deferrable = !observer && !skipWarmup && firstWarmupDepth > 0 && config.fudge.logNorm > 0.0;
    ArmEngine engine(prepared, std::move(xBeta), std::move(plan), config,
                     deferrable ? ArmEngine::InitialState::Deferred : ArmEngine::InitialState::Set);
    const bool freshWarmup = engine.awaitsPullFresh();
    engine.setSkipUnreadEstimates(observer == nullptr && prepared.kernels() == PullKernels::Fast);
    RunContext ctx{engine, config, observer};
    if (observer) { // the per-arm survivors, half-widths and targets are for an observer only
        ctx.survivors.assign(static_cast<std::size_t>(armCount), 0);
        for (int i : all.arms)
            ctx.survivors[static_cast<std::size_t>(i)] = 1;
    }
    ctx.setCandidates(std::move(all.arms), std::move(all.runs));
    const ScratchVector<int>& candidates = ctx.candidates;

    Result result;
    result.arms = armCount;
    result.effectiveDim = D;
    result.fudge = config.fudge;
    const Split split = splitFor(config);
    auto onBatch = [&] { return ctx.notify(EventKind::PullBatch); };
    auto finishCancelled = [&] {
        result.cancelled = true;
        result.pullsPerArm.assign(engine.depths().begin(), engine.depths().end());
        result.totalPulls = engine.totalPulls();
        result.bytesRead = engine.bytesRead();
        if (observer)
            observer->onResult(result);
        return result;
    };
    std::int64_t mark = 0, bytesMark = 0;
    auto closePhase = [&](Phase p) {
        result.phasePulls[static_cast<std::size_t>(p)] = engine.totalPulls() - mark;
        result.phaseBytes[static_cast<std::size_t>(p)] = engine.bytesRead() - bytesMark;
        mark = engine.totalPulls();
        bytesMark = engine.bytesRead();
    };

    const double v0[1] = {firstStageTarget(n, split.delta)};
    ctx.phase = Phase::Warmup;
    if (!ctx.notify(EventKind::PhaseStarted))
        return finishCancelled();
    ArmEngine::PullRequest warm;
    warm.arms = candidates;
    warm.targets = v0;
    warm.fudge = config.fudge.logNorm;
    warm.cap = cap;
    warm.batched = true;
    if (freshWarmup) {
        // The step pullToVariance would take first. Unless it was at the cap (the loop's last), the
        // loop then goes on: its own first step finds every arm there and pulls nothing.
        engine.pullFresh(candidates, ctx.candidateRuns, firstWarmupDepth);
        if (!onBatch())
            return finishCancelled();
        if (firstWarmupDepth < cap && !engine.pullToVariance(warm, onBatch))
            return finishCancelled();
    } else if (!skipWarmup && !engine.pullToVariance(warm, onBatch)) {
        return finishCancelled();
    }
    closePhase(Phase::Warmup);
    engine.markPulls();
    // A fresh warm-up's steps are batched column passes over every candidate; if the last one pulled
    // every candidate and nothing since, its largest variance and estimate are theirs.
    const ArmEngine::BatchRecord& lastBatch = engine.lastDesRajBatch();
    if (freshWarmup && lastBatch.arms == candidates.size() && lastBatch.pullsAfter == engine.totalPulls()) {
        ctx.largestCandidateVariance = lastBatch.largestVariance;
        ctx.largestCandidateEstimate = lastBatch.largestEstimate;
    }

    // Top-k identification (§4).
    ctx.phase = Phase::Elimination;
    if (!ctx.notify(EventKind::PhaseStarted))
        return finishCancelled();
    std::vector<int> top = identifyTopK(ctx, split.delta, config.k, config.fudge.bestArms);
    if (ctx.stopped)
        return finishCancelled();
    result.eliminationRounds = ctx.round;
    closePhase(Phase::Elimination);
    if (identificationOnly) {
        result.topK = top;
        result.pullsPerArm.assign(engine.depths().begin(), engine.depths().end());
        result.totalPulls = engine.totalPulls();
        result.bytesRead = engine.bytesRead();
        return result;
    }

    // The winners' logits (§6.1 step 5): exact, or sampled to the split's variance target.
    ctx.phase = Phase::Winner;
    ctx.halfWidths.clear();
    if (!ctx.notify(EventKind::PhaseStarted))
        return finishCancelled();
    if (config.exactWinner) {
        engine.exactValues(top);
    } else {
        const double vw[1] = {split.winnerTarget};
        ArmEngine::PullRequest win;
        win.arms = top;
        win.targets = vw;
        if (!engine.pullToVariance(win, onBatch))
            return finishCancelled();
    }
    closePhase(Phase::Winner);

    // log Ŝ by Algorithm 2 (§5.2).
    ctx.phase = Phase::Partition;
    if (!ctx.notify(EventKind::PhaseStarted))
        return finishCancelled();
    PartitionParameters pp;
    pp.epsilon = split.epsilonLog;
    pp.delta = split.delta;
    pp.fudge = config.fudge.logNorm;
    pp.firstStageCap = cap;
    pp.firstStageDone = !skipWarmup && engine.shallowestPullSinceMark() >= cap;
    const double logS = estimateLogPartition(ctx, pp);
    if (ctx.stopped)
        return finishCancelled();
    closePhase(Phase::Partition);

    const auto& mu = engine.estimates();
    std::stable_sort(top.begin(), top.end(), [&mu](int a, int b) {
        return mu[static_cast<std::size_t>(a)] > mu[static_cast<std::size_t>(b)];
    });
    result.topK = top;
    for (int i : top) {
        result.logits.push_back(mu[static_cast<std::size_t>(i)]);
        result.probabilities.push_back(std::exp(mu[static_cast<std::size_t>(i)] - logS));
    }
    result.logPartition = logS;
    result.totalPulls = engine.totalPulls();
    result.bytesRead = engine.bytesRead();
    ctx.phase = Phase::Done;
    ctx.leader = top.empty() ? -1 : top.front();
    ctx.notify(EventKind::PhaseStarted);
    result.pullsPerArm = engine.releaseDepths(); // the engine's last use: no copy of n depths
    if (observer)
        observer->onResult(result);
    return result;
}

} // namespace

Result runAdaptiveSoftmax(const PreparedHead& prepared, const Eigen::Ref<const Eigen::VectorXf>& query,
                          const Config& config, RunObserver* observer, std::span<const int> excluded)
{
    return runPhases(prepared, query, config, observer, false, excluded);
}

Result runTopKIdentification(const PreparedHead& prepared, const Eigen::Ref<const Eigen::VectorXf>& query,
                             const Config& config, std::span<const int> excluded)
{
    return runPhases(prepared, query, config, nullptr, true, excluded);
}

Result runAdaptiveSoftmax(const Head& head, const Eigen::Ref<const Eigen::VectorXf>& query,
                          const Config& config, RunObserver* observer)
{
    // One query: a column-major copy of A would cost a full pass over A before the first pull.
    const PreparedHead prepared(head, config, PullKernels::Straightforward);
    return runAdaptiveSoftmax(prepared, query, config, observer);
}

} // namespace ada
