#include "FudgeTuning.h"

#include "AllocatorTuning.h"
#include "ExactSoftmax.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>
#include <span>
#include <string_view>
#include <utility>

namespace ada {

namespace {

// Binary search on e = log10 φ (§7): too many failures ⇒ be more conservative (lo = mi), else
// cheaper (hi = mi). `evaluate(φ)` returns the mean pulls per query if the failures stayed within
// the allowance, or nothing. The reference returns the cheapest passing end 10^hi. We return the
// *largest* passing φ whose cost is within 1% of the cheapest passing one: a smaller φ that saves
// nothing only narrows confidence intervals and makes held-out queries fail more often (measured:
// φ_b = 10⁻⁶ and φ_b = 10⁻² cost the same on the noisy family, but fail 11% against 0%).
double searchFudge(double lo, double hi, bool cheapestEnd,
                   const std::function<std::optional<double>(double)>& evaluate)
{
    std::vector<std::pair<double, double>> passing; // (e, mean pulls)
    while (lo + 0.01 < hi) {
        const double mi = 0.5 * (lo + hi);
        if (const auto cost = evaluate(std::pow(10.0, mi))) {
            passing.emplace_back(mi, *cost);
            hi = mi;
        } else {
            lo = mi;
        }
    }
    if (passing.empty() || cheapestEnd)
        return std::pow(10.0, hi);
    double cheapest = passing.front().second;
    for (const auto& [e, cost] : passing)
        cheapest = std::min(cheapest, cost);
    double best = passing.front().first;
    for (const auto& [e, cost] : passing)
        if (cost <= 1.01 * cheapest)
            best = std::max(best, e);
    return std::pow(10.0, best);
}

} // namespace

FudgeFactors tuneFudgeFactors(const PreparedHead& prepared, const RowMatrixF& queries,
                              const std::vector<int>& tuneQueries, const Config& config,
                              const ProgressCallback& progress,
                              const std::vector<std::vector<int>>& excludedArms)
{
    auto excludedFor = [&](int q) -> std::span<const int> {
        return excludedArms.empty() ? std::span<const int>{} : excludedArms[static_cast<std::size_t>(q)];
    };
    FudgeFactors fudge = config.fudge;
    if (tuneQueries.empty())
        return fudge;
    const int nq = static_cast<int>(tuneQueries.size());
    const bool reference = config.referenceQuirks();

    // Ground truth once per tuning query, with β (the reference forgets β in stage 2, §12 I-10):
    // what the success test needs, O(k) per query, not the n logits (273 MB on GloVe's 100 queries,
    // which also grew the heap past the part on huge pages that the timed queries then missed).
    std::vector<TopKTruth> truth;
    truth.reserve(tuneQueries.size());
    for (const int q : tuneQueries) {
        Eigen::VectorXd logits
            = exactLogits(prepared.head(), queries.row(q).transpose(), prepared.temperature());
        excludeArms(logits, excludedFor(q));
        truth.push_back(TopKTruth::from(logits, logSumExp(logits), config.k));
    }
    // The reference allows ⌊δ·N⌋ failures; on fresh test queries that lands at a failure rate of
    // about δ, above it half the time. We allow ⌊δ·N/2⌋ so that held-out success reaches 1 − δ.
    const int allowed = static_cast<int>(std::floor((reference ? 1.0 : 0.5) * config.delta * nq));
    // φ ∈ [10⁻⁶, 1] in the reference: it can only shrink variances (§12 I-13); we allow up to 10.
    const double lo = -6.0, hi = reference ? 0.0 : 1.0;
    int evaluations = 0;
    const int expected = (reference ? 2 : 3) * static_cast<int>(std::ceil(std::log2((hi - lo) / 0.01)));
    bool cancelled = false;
    auto tick = [&](std::string_view stage) {
        ++evaluations;
        if (progress && !progress(std::min(evaluations, expected), expected, stage))
            cancelled = true;
    };

    // Runs `pulls(a)` (a query's pulls, or −1 on failure) over the tuning queries; stops early
    // once the failures exceed the allowance.
    auto meanPullsWithin
        = [&](const std::function<std::int64_t(std::size_t)>& pulls) -> std::optional<double> {
        int failures = 0;
        double total = 0.0;
        for (std::size_t a = 0; a < tuneQueries.size(); ++a) {
            if (cancelled)
                return std::nullopt;
            const std::int64_t p = pulls(a);
            if (p < 0 && ++failures > allowed)
                return std::nullopt;
            total += double(std::max<std::int64_t>(p, 0));
        }
        return total / double(tuneQueries.size());
    };

    // Stage 1: φ_b, checked on what deployment runs before the winner: warm-up + elimination with
    // the deployed δ split and k (the reference checks best_arms alone with δ/2, §12 I-13).
    auto tuneBestArms = [&](double logNormFudge) {
        return searchFudge(lo, hi, reference, [&](double phi) {
            tick("tune top-k");
            Config c = config;
            c.fudge.bestArms = phi;
            c.fudge.logNorm = logNormFudge;
            return meanPullsWithin([&](std::size_t a) -> std::int64_t {
                const int q = tuneQueries[a];
                c.seed = queryConfigSeed(config, q);
                const Result r
                    = runTopKIdentification(prepared, queries.row(q).transpose(), c, excludedFor(q));
                Result scored = r;
                // Only the set matters in stage 1: score it with p̂ = p so the ε test passes trivially.
                for (int i : r.topK)
                    scored.probabilities.push_back(std::exp(truth[a].logitOf(i) - truth[a].logPartition));
                return isSuccess(scored, truth[a], config.epsilon) ? r.totalPulls : -1;
            });
        });
    };
    fudge.bestArms = tuneBestArms(fudge.logNorm);
    // Stage 2: φ_ℓ with φ_b fixed, on the full algorithm with the configured k and β (§12 I-9, I-10).
    fudge.logNorm = searchFudge(lo, hi, reference, [&](double phi) {
        tick("tune partition");
        Config c = config;
        c.fudge.bestArms = fudge.bestArms;
        c.fudge.logNorm = phi;
        return meanPullsWithin([&](std::size_t a) -> std::int64_t {
            const int q = tuneQueries[a];
            c.seed = queryConfigSeed(config, q);
            const Result r
                = runAdaptiveSoftmax(prepared, queries.row(q).transpose(), c, nullptr, excludedFor(q));
            if (reference) {
                // The reference scores p against exp((A·x)_i − log S), forgetting β (§12 I-10); the
                // top-k order is the same either way.
                return isSuccess(r, truth[a].logitsDividedBy(prepared.temperature()), config.epsilon)
                    ? r.totalPulls
                    : -1;
            }
            return isSuccess(r, truth[a], config.epsilon) ? r.totalPulls : -1;
        });
    });
    // A smaller φ_ℓ makes the warm-up shallower, so the elimination tuned in stage 1 on a deeper
    // warm-up may no longer hold: tune φ_b once more on the deployed warm-up (not in the reference).
    if (!reference)
        fudge.bestArms = tuneBestArms(fudge.logNorm);
    // Each tuning query's exact logits passed through the heap; put what it holds on huge pages again
    // for the queries that follow (on 4 KiB pages the held-out GloVe queries ran 7 % slower).
    adviseHugePagesForQueries();
    return fudge;
}

} // namespace ada
