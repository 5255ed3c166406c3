#include "BestArms.h"

#include "CpuDispatch.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <span>

namespace ada {

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

// The first index of the largest estimate: the largest value in SIMD lanes (four chains of max,
// which is exact), then the first entry equal to it. This is the one-pass scan's answer (keep the
// first u with mu[u] > best, from best = mu[0]), whose compare-and-select chain waited on itself at
// every entry (0.1 ms of GloVe's first round). A NaN is never the largest, unless it comes first
// (the scan then keeps index 0), as is index 0 when no entry exceeds −∞.
ADA_AVX2_CLONES std::size_t leaderOf(const double* mu, std::size_t count)
{
    constexpr double kNone = -std::numeric_limits<double>::infinity();
    double m[4] = {kNone, kNone, kNone, kNone};
    std::size_t u = 0;
    for (; u + 4 <= count; u += 4)
        for (std::size_t c = 0; c < 4; ++c)
            m[c] = std::max(m[c], mu[u + c]);
    for (std::size_t c = 0; u < count; ++u, ++c)
        m[c] = std::max(m[c], mu[u]);
    const double best = std::max(std::max(m[0], m[1]), std::max(m[2], m[3]));
    if (std::isnan(mu[0]) || best == kNone)
        return 0;
    return static_cast<std::size_t>(std::find(mu, mu + count, best) - mu);
}

// The k arms of `set` with the largest estimates, best first; ties by lower index (deterministic).
std::vector<int> bestOf(std::span<const int> set, const std::vector<double>& mu, int k)
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
    // Excluded arms (a masked query) are not candidates; every count below is over candidates.
    ScratchVector<int> contenders(ctx.candidates.begin(), ctx.candidates.end());
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
        if (!engine.pullToVariance(request, [&] { return ctx.notify(EventKind::PullBatch); }))
            return {};
        pulledNothing = engine.totalPulls() == pullsBefore;

        // The round works on copies of the contenders' estimates and half-widths in contender
        // order: one gathering pass, then passes over contiguous arrays (the square roots in SIMD
        // lanes). Only an observer reads the per-arm half-widths and survivors, so an unobserved
        // run does not scatter them back.
        const auto& mu = engine.estimates();
        const auto& var = engine.variances();
        const std::size_t count = contenders.size();
        roundMu.resize(count);
        roundWidth.resize(count);
        gatherRound(mu.data(), var.data(), contenders.data(), count, 2.0 * fudge, L, roundMu.data(),
                    roundWidth.data());
        const std::size_t leading = leaderOf(roundMu.data(), count);
        const int leader = contenders[leading];
        ctx.leader = leader;
        const bool observed = ctx.observer != nullptr;
        if (observed)
            for (std::size_t u = 0; u < count; ++u)
                ctx.halfWidths[static_cast<std::size_t>(contenders[u])] = roundWidth[u];

        // Keep i iff its upper bound reaches the k-th largest lower bound among contenders: no arm
        // whose UCB is below k lower bounds can be in the top k. For k = 1 this is the reference's
        // rule (UCB_i ≥ LCB of the leader); the reference uses the leader for every k (§12 I-9).
        double bar = 0.0;
        if (k == 1 || ctx.config.referenceQuirks()) {
            bar = roundMu[leading] - roundWidth[leading];
        } else {
            std::vector<double> lower(count);
            for (std::size_t u = 0; u < count; ++u)
                lower[u] = roundMu[u] - roundWidth[u];
            std::nth_element(lower.begin(), lower.begin() + (k - 1), lower.end(), std::greater<>());
            bar = lower[static_cast<std::size_t>(k - 1)];
        }
        // Without a branch on each arm's (unpredictable) fate.
        kept.resize(count);
        std::size_t keptCount = 0;
        for (std::size_t u = 0; u < count; ++u) {
            kept[keptCount] = contenders[u];
            keptCount += roundMu[u] + roundWidth[u] >= bar ? 1 : 0;
        }
        if (observed)
            for (std::size_t u = 0; u < count; ++u)
                if (!(roundMu[u] + roundWidth[u] >= bar))
                    ctx.survivors[static_cast<std::size_t>(contenders[u])] = 0;
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
        std::swap(contenders, kept); // kept is rewritten from the start next round
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
