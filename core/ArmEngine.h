// The arm-pull engine (ALGORITHM.md §3): per-arm prefix depth t_i, estimate μ̂_i and variance v_i,
// pulls to a depth (§3.8), variance-targeted pulling (§3.7) and exact values (§3.9).
#pragma once

#include "AdaptiveSoftmax.h"
#include "ColumnOrder.h"
#include "Config.h"
#include "RunObserver.h"
#include "ScratchVector.h"

#include <Eigen/Core>

#include <cstdint>
#include <limits>
#include <memory>
#include <span>
#include <utility>
#include <vector>

namespace ada {

// A stretch of consecutive candidate arms: candidates[at + j] = first + j for j < length. An
// unmasked query's candidates are one run, a masked one's a few (GloVe's analogies exclude their three
// words), so that the passes over all candidates read the engine's arrays contiguously, in SIMD
// lanes, instead of gathering through the candidate list.
struct ArmRun {
    std::size_t at = 0;     // the run's first position among the candidates
    std::size_t first = 0;  // its first arm
    std::size_t length = 0; // its number of arms
};

class ArmEngine {
public:
    // Set: every arm starts at depth 0 with μ̂_i = β·b_i and v_i = ∞ (0 when D = 0). Deferred: the
    // arms' arrays are left unwritten until the first call, which must be pullFresh: at n = 341 479
    // (GloVe) writing the initial state and then overwriting it with the warm-up's cost 0.3 ms per
    // query. Deferred takes effect only where pullFresh can write every arm in one batched pass (the
    // fast kernels, is-wor-dr, D > 0); elsewhere the state is set as for Set.
    enum class InitialState { Set, Deferred };
    // xBeta = β·x (after the optional transform); the bias enters every estimate exactly.
    ArmEngine(const PreparedHead& prepared, Eigen::VectorXd xBeta, SamplingPlan plan, const Config& config,
              InitialState initial = InitialState::Set);

    [[nodiscard]] int arms() const { return static_cast<int>(estimate_.size()); }
    [[nodiscard]] int effectiveDim() const { return plan_.effectiveDim; }
    [[nodiscard]] double sigma2() const { return plan_.sigma2; }
    [[nodiscard]] std::int64_t totalPulls() const { return totalPulls_; }
    // Bytes of A the pulls read, at 64-byte cache-line granularity, re-reads included (the cost
    // model of issue 7): exact for column passes, the expected line count for gathers along a row.
    [[nodiscard]] std::int64_t bytesRead() const { return bytesRead_; }

    // Before pullFresh on a deferred engine these hold no values yet.
    [[nodiscard]] std::span<const double> estimates() const { return estimate_; }
    [[nodiscard]] std::span<const double> variances() const { return variance_; }
    [[nodiscard]] std::span<const std::int64_t> depths() const { return depth_; }
    // The smallest depth any pull has brought an arm to since markPulls() (the largest int64 if
    // none): an arm pulled since then is at least that deep. Algorithm 2's first stage asks it.
    void markPulls() { shallowestPull_ = std::numeric_limits<std::int64_t>::max(); }
    [[nodiscard]] std::int64_t shallowestPullSinceMark() const { return shallowestPull_; }
    // Moves the depths out; the engine must not be used after it.
    [[nodiscard]] ScratchVector<std::int64_t> releaseDepths() { return std::move(depth_); }

    // The first step of a batched pull over `arms` from the initial state: each arm of `runs` (the
    // maximal runs of `arms`, ascending) to min(depth, D), as pullTo would take them, and the initial
    // state for every arm outside them. The first call on a deferred engine; on any other, pullTo.
    void pullFresh(std::span<const int> arms, std::span<const ArmRun> runs, std::int64_t depth);
    // Deferred took effect and pullFresh has not run yet.
    [[nodiscard]] bool awaitsPullFresh() const { return fresh_; }

    // is-wor-dr's batched column pass (fast kernels), the last one run: how many arms it pulled, the
    // engine's pull count after it (a later pull of any arm changes that count) and the largest new
    // variance and estimate among its arms (NaN skipped; −∞ for none). Where the count of arms is
    // every candidate and no pull followed, the largest v_i and μ̂_i over the candidates are known
    // without a scan.
    struct BatchRecord {
        std::size_t arms = 0;
        std::int64_t pullsAfter = -1;
        double largestVariance = -std::numeric_limits<double>::infinity();
        double largestEstimate = -std::numeric_limits<double>::infinity();
    };
    [[nodiscard]] const BatchRecord& lastDesRajBatch() const { return lastDesRajBatch_; }

    // Brings each arm to min(depth, D); arms already there are untouched (§3.8).
    void pullTo(std::span<const int> arms, std::int64_t depth);

    // An unobserved run may skip work nobody reads (set by the run when it has no observer): a
    // batched Horvitz–Thompson step that is not the last of its pullToVariance loop recomputes the
    // arms' estimates only until one arm still misses its target. That arm alone decides that the
    // loop goes on, and the next step recomputes every estimate from scratch, so the skipped values
    // are never read; pulls are charged in full. Results stay bit-identical; the animation, which
    // reads every intermediate estimate, keeps this off.
    void setSkipUnreadEstimates(bool on) { skipUnread_ = on; }
    // μ̂_i = β·(A_i·x + b_i) exactly, t_i = D, v_i = 0 (§3.9).
    void exactValues(std::span<const int> arms);

    struct PullRequest {
        std::span<const int> arms;
        std::span<const double> targets;                             // one target, or one per arm
        double fudge = 1.0;                                          // φ: pull until φ·v_i ≤ V_i
        std::int64_t cap = std::numeric_limits<std::int64_t>::max(); // M
        bool batched = false;
    };
    // §3.7. Reports each depth step to `onBatch` (may be empty); returns false if it asked to stop.
    template <typename OnBatch>
    bool pullToVariance(const PullRequest& request, OnBatch&& onBatch);

private:
    void pullArm(int arm, std::int64_t depth);
    // The fast path (PullKernels.h): the arms of `batch`, all below depth t < D, to depth t.
    // A batched step may stop computing at the first arm with fudge·v > target (setSkipUnreadEstimates).
    struct StopRule {
        double fudge = 1.0;
        double target = 0.0;
    };
    void pullTo(std::span<const int> arms, std::int64_t depth, const StopRule* stop);
    struct BatchShape {
        std::int64_t pulls = 0; // new columns of every arm of the batch
        std::int64_t depth = 0; // the depth of the batch's first arm
        bool common = true;     // every arm at that depth
    };
    void pullColumns(std::span<const int> batch, std::int64_t t, const StopRule* stop,
                     const BatchShape& shape);
    void pullColumnsHorvitzThompson(std::span<const int> batch, std::int64_t t, const StopRule* stop);
    void pullColumnsIncremental(std::span<const int> batch, std::int64_t t0, std::int64_t t);
    void pullColumnsDesRaj(std::span<const int> batch, std::int64_t t0,
                           std::int64_t t);           // sets the depths too
    void sortRange(std::int64_t t0, std::int64_t t1); // sortedColumns_/Positions_ of draws t0 … t1 − 1
    void setColumnPointers(std::int64_t from, std::int64_t to);
    [[nodiscard]] std::int64_t rowPullBytes(std::int64_t t0, std::int64_t t) const; // one arm, t0 → t
    void horvitzThompsonAlongRows(std::span<const int> arms, std::int64_t t);
    [[nodiscard]] bool blockHasActiveArm(std::span<const int> arms, const StopRule& stop) const;
    void sampledEstimateHorvitzThompson(int arm, std::int64_t depth);
    // μ̂_i and v_i of the running-sum samplers from Σ y (and Σ y² for is-wr) at `depth`.
    void finishRunningSums(std::size_t i, double acc, double accSq, std::int64_t depth);
    // is-wor-dr: μ̂_i and v_i from Σ y, z_0 and the shifted sums Σ (z − z_0), Σ (z − z_0)², with the
    // factors of the depth computed once for every arm at it.
    struct DesRajScale {
        double inverseDepth = 0.0;   // 1/t
        double varianceFactor = 0.0; // 1/((t − 1)·t), ∞ at t = 1
        double floor = 0.0;          // varianceFloor(t)
    };
    [[nodiscard]] DesRajScale desRajScale(std::int64_t depth) const;
    void finishDesRaj(std::size_t i, double acc, double shift, double zSum, double zSumSq,
                      const DesRajScale& scale);
    double exactSum(int arm) const;
    double varianceFloor(std::int64_t depth) const;
    const std::vector<double>& htCoefficients(std::int64_t depth); // [c1 | c2] for prefix `depth`

    const PreparedHead& prepared_;
    const RowMatrixF& weight_;
    const ColMatrixF* columns_; // null: straightforward kernels
    Eigen::VectorXd xBeta_;
    SamplingPlan plan_;
    Config config_;
    // β·b_i, or empty when the head has no bias: at n = 341 479 filling and copying a vector of
    // zeros cost 0.4 ms per query. bias(i) + x is then 0.0 + x, the same bits as before.
    std::vector<double> bias_;
    [[nodiscard]] double bias(std::size_t i) const { return bias_.empty() ? 0.0 : bias_[i]; }
    // Scratch vectors: a deferred engine leaves them unwritten until pullFresh.
    ScratchVector<double> estimate_; // μ̂_i including β·b_i
    ScratchVector<double> variance_;
    ScratchVector<std::int64_t> depth_;
    bool fresh_ = false; // deferred and not yet pulled: the arrays hold no values
    BatchRecord lastDesRajBatch_;
    void setInitialState(std::size_t from, std::size_t to); // arms from … to − 1 at depth 0
    void materialise();         // a fresh engine's initial state for every arm, before any other use
    std::vector<double> sum_;   // running Σ of the sampled terms (uniform and with-replacement)
    std::vector<double> sumSq_; // running Σ of squared terms (is-wr)
    // is-wor-dr: Σ y, z_0, Σ (z − z_0), Σ (z − z_0)², side by side so that a scattered arm's state
    // is one cache line rather than four (aligned: never split across two). Left uninitialised (at
    // n = 400 000 zeroing it cost a millisecond per query): an arm's state is read only once the
    // arm has a depth, and its first pull starts from zeros instead.
    struct alignas(32) DesRajState {
        double acc, shift, zSum, zSumSq;
    };
    std::unique_ptr<DesRajState[]> desRaj_;
    std::int64_t totalPulls_ = 0;
    std::int64_t shallowestPull_ = std::numeric_limits<std::int64_t>::max();
    std::int64_t bytesRead_ = 0;
    bool skipUnread_ = false;
    // Scratch of the fast path, reused across pulls so that no pull allocates.
    ScratchVector<int> batch_;
    // pullToVariance: the pending arms and their places in the request.
    ScratchVector<int> pending_, pendingAt_;
    std::vector<const float*> columnPointers_;
    std::vector<double> coefficients_, probabilities_, blockA_, blockB_, blockC_;
    std::vector<int> sortedColumns_, sortedPositions_; // is-wor-dr rows: a range's draws by column
    std::vector<int> byDepth_;                         // is-wor-dr: a batch's arms grouped by depth
    std::vector<float> rowScratch_;
    std::int64_t htDepth_ = -1; // depth of the cached Horvitz–Thompson coefficients
    std::vector<double> htCoeff_;
};

template <typename OnBatch>
bool ArmEngine::pullToVariance(const PullRequest& request, OnBatch&& onBatch)
{
    materialise();
    const std::int64_t D = plan_.effectiveDim;
    const std::int64_t cap = std::min(request.cap, D); // M' = min(M, D)
    auto target = [&](std::size_t a) {
        return request.targets.size() == 1 ? request.targets[0] : request.targets[a];
    };
    auto active = [&](std::size_t a) {
        const int arm = request.arms[a];
        // `&`, not `&&`: both sides are cheap, and one branch mispredicts less than two.
        return (request.fudge * variance_[static_cast<std::size_t>(arm)] > target(a))
            & (depth_[static_cast<std::size_t>(arm)] < cap);
    };
    ScratchVector<int>& pending = pending_;
    ScratchVector<int>& pendingAt = pendingAt_;
    bool firstStep = true;
    double s = std::min<double>(16.0, double(cap)); // init 16, growth 1.5, ceiling at pull time (§3.7)
    for (;;) {
        if (request.batched) {
            // A batched step pulls every arm of the set, so it only asks whether any is active.
            bool any = false;
            for (std::size_t a = 0; a < request.arms.size() && !any; ++a)
                any = active(a);
            if (!any)
                return true;
        } else {
            // An inactive arm stays inactive (only a pull changes its variance and depth), so after
            // the first step only the previous step's pending arms are looked at again; pendingAt
            // keeps their places in the request for their targets. Compacted in place, without a
            // branch on the (unpredictable) activity of each arm.
            const std::size_t looked = firstStep ? request.arms.size() : pendingAt.size();
            pendingAt.resize(looked);
            pending.resize(looked);
            std::size_t count = 0;
            for (std::size_t u = 0; u < looked; ++u) {
                const std::size_t a = firstStep ? u : static_cast<std::size_t>(pendingAt[u]);
                pendingAt[count] = static_cast<int>(a);
                pending[count] = request.arms[a];
                count += active(a) ? 1 : 0;
            }
            pendingAt.resize(count);
            pending.resize(count);
            firstStep = false;
            if (pending.empty())
                return true;
        }
        const auto depth = static_cast<std::int64_t>(std::ceil(s));
        const std::int64_t before = totalPulls_;
        if (request.batched) {
            // Every arm of the set, so all stay at one common depth. Below the cap this step may
            // not be the loop's last, so its estimates may be skipped after the first active arm.
            const StopRule stop{request.fudge, request.targets.size() == 1 ? request.targets[0] : 0.0};
            const bool skip = skipUnread_ && request.targets.size() == 1 && depth < cap;
            pullTo(request.arms, depth, skip ? &stop : nullptr);
        } else {
            pullTo(pending, depth);
        }
        if (totalPulls_ != before && !onBatch())
            return false;
        // A batched step at the cap has brought every arm of the set to it: none is active any
        // more, and a scan of the whole set would only confirm it.
        if (request.batched && depth >= cap)
            return true;
        s = std::min(double(cap), 1.5 * s);
    }
}

} // namespace ada
