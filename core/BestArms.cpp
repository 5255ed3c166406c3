#include "BestArms.h"

#include "CpuDispatch.h"
#include "VectorExp.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <span>

namespace ada {

std::vector<ArmRun> runsOf(std::span<const int> arms)
{
    std::vector<ArmRun> runs;
    for (std::size_t a = 0; a < arms.size();) {
        std::size_t b = a + 1;
        while (b < arms.size() && arms[b] == arms[b - 1] + 1)
            ++b;
        runs.push_back({a, static_cast<std::size_t>(arms[a]), b - a});
        a = b;
    }
    return runs;
}

bool RunContext::notify(EventKind kind)
{
    if (!observer || stopped)
        return !stopped;
    RunEvent e;
    e.kind = kind;
    e.phase = phase;
    e.round = round;
    e.estimates = engine.estimates();
    e.variances = engine.variances();
    e.depths = engine.depths();
    e.survivors = survivors;
    e.halfWidths = halfWidths;
    e.targets = targets;
    e.totalPulls = engine.totalPulls();
    e.leader = leader;
    e.logPartition = logPartition;
    stopped = !observer->onEvent(e);
    return !stopped;
}

namespace {

// The round's estimates and half-widths √(2φ·v·L) (the CI on φ-multiplied variances) of the
// contenders, in contender order; the square roots in SIMD lanes (AVX2 where the CPU has it).
ADA_AVX2_CLONES void gatherRound(const double* mu, const double* var, const int* contenders,
                                 std::size_t count, double twoFudge, double L, double* roundMu,
                                 double* roundWidth)
{
    for (std::size_t u = 0; u < count; ++u) {
        const auto a = static_cast<std::size_t>(contenders[u]);
        roundMu[u] = mu[a];
        roundWidth[u] = var[a];
    }
    for (std::size_t u = 0; u < count; ++u)
        roundWidth[u] = std::sqrt(twoFudge * roundWidth[u] * L);
}

// The first index of the largest estimate: the largest value (in SIMD lanes), then the first entry
// equal to it. This is the one-pass scan's answer (keep the first u with mu[u] > best, from best =
// mu[0]), whose compare-and-select chain waited on itself at every entry (0.1 ms of GloVe's first
// round). A NaN is never the largest, unless it comes first (the scan then keeps index 0), as is
// index 0 when no entry exceeds −∞.
std::size_t leaderOf(const double* mu, std::size_t count)
{
    const double best = largestOf(mu, count);
    if (std::isnan(mu[0]) || best == -std::numeric_limits<double>::infinity())
        return 0;
    return static_cast<std::size_t>(std::find(mu, mu + count, best) - mu);
}

// The k-th largest of `lower` (reordered).
double kthLargest(std::vector<double>& lower, int k)
{
    std::nth_element(lower.begin(), lower.begin() + (k - 1), lower.end(), std::greater<>());
    return lower[static_cast<std::size_t>(k - 1)];
}

ADA_AVX2_CLONES void halfWidthsOf(const double* var, std::size_t count, double twoFudge, double L,
                                  double* out)
{
    for (std::size_t a = 0; a < count; ++a)
        out[a] = std::sqrt(twoFudge * var[a] * L);
}

// Candidates in at most this many runs take the direct first round (an unmasked query: one run; an
// analogy: four); many short runs would cost more calls than the copies save.
constexpr std::size_t kDirectRuns = 64;

// A round over contenders that are runs of consecutive arms, straight from the engine's arrays: the
// same leader, bounds and survivors as the gathered round (gatherRound's expression for each
// half-width, bit for bit), without the copies.
struct DirectRound {
    const double* mu;
    const double* var;
    const std::vector<ArmRun>& runs;
    double twoFudge;
    double L;

    // leaderOf over the runs as one array: its largest value (`known` where the caller has it), then
    // the first position holding it. A zero's sign may differ from the scan's, which == ignores.
    [[nodiscard]] std::size_t leader(std::optional<double> known) const
    {
        double best = -std::numeric_limits<double>::infinity();
        if (known)
            best = *known;
        else
            for (const ArmRun& run : runs)
                best = std::max(best, largestOf(mu + run.first, run.length));
        const double first = mu[runs.front().first];
        if (std::isnan(first) || best == -std::numeric_limits<double>::infinity())
            return 0;
        for (const ArmRun& run : runs) {
            const double* end = mu + run.first + run.length;
            const double* at = std::find(mu + run.first, end, best);
            if (at != end)
                return run.at + static_cast<std::size_t>(at - (mu + run.first));
        }
        return 0; // not reached: `best` is one of the values
    }
    [[nodiscard]] double lowerBound(int arm) const
    {
        const auto a = static_cast<std::size_t>(arm);
        return mu[a] - std::sqrt(twoFudge * var[a] * L);
    }
    [[nodiscard]] double kthLowerBound(std::size_t count, int k) const
    {
        std::vector<double> lower(count);
        for (const ArmRun& run : runs) {
            halfWidthsOf(var + run.first, run.length, twoFudge, L, lower.data() + run.at);
            for (std::size_t j = 0; j < run.length; ++j)
                lower[run.at + j] = mu[run.first + j] - lower[run.at + j];
        }
        return kthLargest(lower, k);
    }
    // Writes the arms whose upper bound reaches `bar` to `kept`; returns their count. The half-widths
    // of a block in SIMD lanes, then its survivors without a branch on each arm's fate.
    std::size_t survivors(double bar, int* kept) const
    {
        constexpr std::size_t kBlock = 256;
        double width[kBlock];
        std::size_t count = 0;
        for (const ArmRun& run : runs) {
            for (std::size_t from = 0; from < run.length; from += kBlock) {
                const std::size_t size = std::min(kBlock, run.length - from);
                const std::size_t first = run.first + from;
                halfWidthsOf(var + first, size, twoFudge, L, width);
                for (std::size_t j = 0; j < size; ++j) {
                    kept[count] = static_cast<int>(first + j);
                    count += mu[first + j] + width[j] >= bar ? 1 : 0;
                }
            }
        }
        return count;
    }
};

// The k arms of `set` with the largest estimates, best first; ties by lower index (deterministic).
std::vector<int> bestOf(std::span<const int> set, std::span<const double> mu, int k)
{
    std::vector<int> sorted(set.begin(), set.end());
    std::stable_sort(sorted.begin(), sorted.end(), [&mu](int a, int b) {
        return mu[static_cast<std::size_t>(a)] > mu[static_cast<std::size_t>(b)];
    });
    sorted.resize(std::min<std::size_t>(sorted.size(), static_cast<std::size_t>(k)));
    return sorted;
}

} // namespace

std::vector<int> identifyTopK(RunContext& ctx, double deltaBestArms, int k, double fudge)
{
    ArmEngine& engine = ctx.engine;
    // Excluded arms (a masked query) are not candidates; every count below is over candidates. The
    // first round's contenders are the candidates themselves (no copy of n arms); each round's
    // survivors are written to `kept`, which then trades places with `current`.
    std::span<const int> contenders = ctx.candidates;
    ScratchVector<int> current;
    const int n = static_cast<int>(contenders.size());
    const double D = engine.effectiveDim();
    if (k >= n)
        return bestOf(contenders, engine.estimates(), k);

    // §4: first target σ̂²/4, halved each round; L = log(6·n·log D/δ_b). log D is floored at 1 so
    // that D = 1 (and D < e) gives a finite, positive L (§12 I-7).
    double target = engine.sigma2() / 4.0;
    const double L = std::log(6.0 * n * std::max(std::log(std::max(D, 1.0)), 1.0) / deltaBestArms);
    if (ctx.observer)
        ctx.halfWidths.assign(static_cast<std::size_t>(engine.arms()), 0.0);
    ScratchVector<int> kept;
    ScratchVector<double> roundMu, roundWidth;
    // A round that pulls nothing repeats the one before it: the same estimates and widths give the
    // same leader and keep every contender (they all survived it). On GloVe four such rounds follow
    // the first, over ~90 000 contenders each. Once a round has pulled nothing, the largest φ·v of
    // the contenders that can still be pulled (t < D) tells in O(1) whether the halved target makes
    // any of them pull, as pullToVariance's own test would; the repeated round is then only counted
    // and reported.
    bool pulledNothing = false;
    double largestActive = 0.0; // valid while pulledNothing
    bool firstRound = true;
    const auto& depths = engine.depths();
    for (;;) {
        ++ctx.round;
        if (pulledNothing && !(largestActive > target)) {
            if (!ctx.notify(EventKind::Round))
                return {};
            target /= 2.0;
            continue;
        }
        ArmEngine::PullRequest request;
        request.arms = contenders;
        const double targets[1] = {target};
        request.targets = targets;
        request.fudge = fudge;
        request.batched = true;
        const std::int64_t pullsBefore = engine.totalPulls();
        // pullToVariance's own test, active iff φ·v_i > target (and t_i < D), fails for every
        // candidate when it fails for their largest v (φ·v rounds monotonically in v), and it would
        // then pull nothing: on GloVe the first round's scan of all n arms found none (0.4 ms).
        const bool noneActive
            = firstRound && ctx.largestCandidateVariance && !(fudge * *ctx.largestCandidateVariance > target);
        if (!noneActive && !engine.pullToVariance(request, [&] { return ctx.notify(EventKind::PullBatch); }))
            return {};
        pulledNothing = engine.totalPulls() == pullsBefore;

        const auto& mu = engine.estimates();
        const auto& var = engine.variances();
        const std::size_t count = contenders.size();
        const bool observed = ctx.observer != nullptr;
        const bool kthLower = k > 1 && !ctx.config.referenceQuirks(); // the bar's rule, below
        kept.resize(count);
        std::size_t keptCount = 0;
        std::size_t leading = 0; // the first contender with the largest estimate
        if (firstRound && !observed && ctx.candidateRuns.size() <= kDirectRuns) {
            // The first round's contenders are the candidates, a few runs of consecutive arms: the
            // round reads the engine's arrays in place, where a gathered copy would cost two more
            // passes over n arms (GloVe: 0.4 ms per query).
            const DirectRound round{mu.data(), var.data(), ctx.candidateRuns, 2.0 * fudge, L};
            // After a fresh warm-up, a first round that pulled nothing finds the estimates the
            // warm-up's last pass left, whose largest it recorded.
            leading = round.leader(pulledNothing ? ctx.largestCandidateEstimate : std::nullopt);
            const double bar
                = kthLower ? round.kthLowerBound(count, k) : round.lowerBound(contenders[leading]);
            keptCount = round.survivors(bar, kept.data());
        } else {
            // The round works on copies of the contenders' estimates and half-widths in contender
            // order: one gathering pass, then passes over contiguous arrays (the square roots in SIMD
            // lanes). Only an observer reads the per-arm half-widths and survivors, so an unobserved
            // run does not scatter them back.
            roundMu.resize(count);
            roundWidth.resize(count);
            gatherRound(mu.data(), var.data(), contenders.data(), count, 2.0 * fudge, L, roundMu.data(),
                        roundWidth.data());
            leading = leaderOf(roundMu.data(), count);
            if (observed)
                for (std::size_t u = 0; u < count; ++u)
                    ctx.halfWidths[static_cast<std::size_t>(contenders[u])] = roundWidth[u];
            // Keep i iff its upper bound reaches the k-th largest lower bound among contenders: no
            // arm whose UCB is below k lower bounds can be in the top k. For k = 1 this is the
            // reference's rule (UCB_i ≥ LCB of the leader); the reference uses the leader for every
            // k (§12 I-9).
            double bar = roundMu[leading] - roundWidth[leading];
            if (kthLower) {
                std::vector<double> lower(count);
                for (std::size_t u = 0; u < count; ++u)
                    lower[u] = roundMu[u] - roundWidth[u];
                bar = kthLargest(lower, k);
            }
            // Without a branch on each arm's (unpredictable) fate.
            for (std::size_t u = 0; u < count; ++u) {
                kept[keptCount] = contenders[u];
                keptCount += roundMu[u] + roundWidth[u] >= bar ? 1 : 0;
            }
            if (observed)
                for (std::size_t u = 0; u < count; ++u)
                    if (!(roundMu[u] + roundWidth[u] >= bar))
                        ctx.survivors[static_cast<std::size_t>(contenders[u])] = 0;
        }
        firstRound = false;
        ctx.leader = contenders[leading];
        kept.resize(keptCount);
        if (!ctx.notify(EventKind::Round))
            return {};
        if (static_cast<int>(kept.size()) <= k)
            return bestOf(contenders, mu, k); // the k best of the set *before* filtering (§4)

        // §12 I-7: when every contender is exact (v = 0, t = D) no further pull can separate ties
        // (duplicate rows); the reference loops forever here. The order is then exact.
        const bool allExact = std::all_of(kept.begin(), kept.end(),
                                          [&](int i) { return var[static_cast<std::size_t>(i)] == 0.0; });
        if (allExact)
            return bestOf(kept, mu, k);
        std::swap(current, kept); // kept is rewritten from the start next round
        contenders = current;
        target /= 2.0;
        if (pulledNothing) {
            largestActive = -std::numeric_limits<double>::infinity();
            for (int i : contenders) {
                const auto a = static_cast<std::size_t>(i);
                const double v = fudge * var[a]; // the product pullToVariance compares
                largestActive = depths[a] < D && v > largestActive ? v : largestActive;
            }
        }
    }
}

} // namespace ada
