#include "FudgeTuning.h"

#include "ExactSoftmax.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <string_view>

namespace ada {

namespace {

struct Truth {
    Eigen::VectorXd logits;
    double logPartition = 0.0;
};

// Binary search on e = log10 φ (§7): too many failures ⇒ be more conservative (lo = mi), else
// cheaper (hi = mi); returns the conservative end 10^hi. `check(φ, failuresAllowed)` returns
// whether the failures stayed within the allowance (it may exit early).
double searchFudge(double lo, double hi, const std::function<bool(double)>& withinAllowance)
{
    while (lo + 0.01 < hi) {
        const double mi = 0.5 * (lo + hi);
        if (withinAllowance(std::pow(10.0, mi)))
            hi = mi;
        else
            lo = mi;
    }
    return std::pow(10.0, hi);
}

} // namespace

FudgeFactors tuneFudgeFactors(const PreparedHead& prepared, const RowMatrixF& queries,
                              const std::vector<int>& tuneQueries, const Config& config,
                              const ProgressCallback& progress)
{
    FudgeFactors fudge = config.fudge;
    if (tuneQueries.empty())
        return fudge;
    const int nq = static_cast<int>(tuneQueries.size());
    const bool reference = config.referenceQuirks();

    // Ground truth once per tuning query, with β (the reference forgets β in stage 2, §12 I-10).
    std::vector<Truth> truth(tuneQueries.size());
    for (std::size_t a = 0; a < tuneQueries.size(); ++a) {
        const auto x = queries.row(tuneQueries[a]).transpose();
        truth[a].logits = exactLogits(prepared.head(), x, prepared.temperature());
        truth[a].logPartition = logSumExp(truth[a].logits);
    }
    // The reference allows ⌊δ·N⌋ failures; on fresh test queries that lands at a failure rate of
    // about δ, above it half the time. We allow ⌊δ·N/2⌋ so that held-out success reaches 1 − δ.
    const int allowed = static_cast<int>(std::floor((reference ? 1.0 : 0.5) * config.delta * nq));
    // φ ∈ [10⁻⁶, 1] in the reference: it can only shrink variances (§12 I-13); we allow up to 10.
    const double lo = -6.0, hi = reference ? 0.0 : 1.0;
    int evaluations = 0;
    const int expected = 2 * static_cast<int>(std::ceil(std::log2((hi - lo) / 0.01)));
    bool cancelled = false;
    auto tick = [&](std::string_view stage) {
        ++evaluations;
        if (progress && !progress(std::min(evaluations, expected), expected, stage))
            cancelled = true;
    };

    auto countWithin = [&](const std::function<bool(std::size_t)>& succeeds) {
        int failures = 0;
        for (std::size_t a = 0; a < tuneQueries.size() && !cancelled; ++a)
            if (!succeeds(a) && ++failures > allowed)
                return false; // early exit: this φ already fails too often
        return true;
    };

    // Stage 1: φ_b, checked on what deployment runs before the winner: warm-up + elimination with
    // the deployed δ split and k (the reference checks best_arms alone with δ/2, §12 I-13).
    fudge.bestArms = searchFudge(lo, hi, [&](double phi) {
        tick("tune top-k");
        Config c = config;
        c.fudge.bestArms = phi;
        return countWithin([&](std::size_t a) {
            const int q = tuneQueries[a];
            c.seed = queryConfigSeed(config, q);
            std::vector<int> top = runTopKIdentification(prepared, queries.row(q).transpose(), c);
            Result r;
            r.topK = top;
            // Only the set matters in stage 1: score it with p̂ = p so the ε test passes trivially.
            for (int i : top)
                r.probabilities.push_back(std::exp(truth[a].logits[i] - truth[a].logPartition));
            return isSuccess(r, truth[a].logits, truth[a].logPartition, config.epsilon);
        });
    });
    // Stage 2: φ_ℓ with φ_b fixed, on the full algorithm with the configured k and β (§12 I-9, I-10).
    fudge.logNorm = searchFudge(lo, hi, [&](double phi) {
        tick("tune partition");
        Config c = config;
        c.fudge.bestArms = fudge.bestArms;
        c.fudge.logNorm = phi;
        return countWithin([&](std::size_t a) {
            const int q = tuneQueries[a];
            c.seed = queryConfigSeed(config, q);
            const Result r = runAdaptiveSoftmax(prepared, queries.row(q).transpose(), c);
            return isSuccess(r, truth[a].logits, truth[a].logPartition, config.epsilon);
        });
    });
    return fudge;
}

} // namespace ada
