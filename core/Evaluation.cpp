#include "Evaluation.h"

#include "ExactSoftmax.h"
#include "FudgeTuning.h"
#include "Rng.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

namespace ada {

bool isSuccess(const Result& result, const Eigen::Ref<const Eigen::VectorXd>& trueLogits,
               double trueLogPartition, double epsilon)
{
    const std::size_t k = result.topK.size();
    if (k == 0 || k > static_cast<std::size_t>(trueLogits.size()))
        return false;
    return isSuccess(result, TopKTruth::from(trueLogits, trueLogPartition, static_cast<int>(k)), epsilon);
}

TopKTruth TopKTruth::from(const Eigen::Ref<const Eigen::VectorXd>& trueLogits, double trueLogPartition, int k)
{
    const auto n = static_cast<int>(trueLogits.size());
    if (k < 1 || k > n)
        throw std::invalid_argument("TopKTruth: k = " + std::to_string(k) + " is outside 1.."
                                    + std::to_string(n));
    std::vector<double> sorted(trueLogits.data(), trueLogits.data() + n);
    std::nth_element(sorted.begin(), sorted.begin() + (k - 1), sorted.end(), std::greater<>());
    TopKTruth truth;
    truth.k = k;
    truth.kthLogit = sorted[static_cast<std::size_t>(k - 1)];
    truth.logPartition = trueLogPartition;
    for (int i = 0; i < n; ++i)
        if (trueLogits[i] >= truth.kthLogit) {
            truth.arms.push_back(i);
            truth.logits.push_back(trueLogits[i]);
        }
    return truth;
}

double TopKTruth::logitOf(int arm) const
{
    const auto at = std::lower_bound(arms.begin(), arms.end(), arm);
    return at != arms.end() && *at == arm ? logits[static_cast<std::size_t>(at - arms.begin())]
                                          : std::numeric_limits<double>::quiet_NaN();
}

TopKTruth TopKTruth::logitsDividedBy(double divisor) const
{
    TopKTruth out = *this;
    out.kthLogit /= divisor;
    for (double& v : out.logits)
        v /= divisor;
    return out;
}

bool isSuccess(const Result& result, const TopKTruth& truth, double epsilon)
{
    // A valid top-k set for k = the arms returned: k distinct arms whose true logits all reach the k-th
    // largest value (ties at the boundary are equally correct answers). That k-th logit, for any
    // k ≤ truth.k, is among truth.logits, and an arm outside truth.arms is below it.
    const std::size_t k = result.topK.size();
    if (result.cancelled || k == 0 || k > static_cast<std::size_t>(truth.k)
        || result.probabilities.size() != k)
        return false;
    double kth = truth.kthLogit;
    if (k < static_cast<std::size_t>(truth.k)) {
        std::vector<double> sorted = truth.logits;
        std::nth_element(sorted.begin(), sorted.begin() + std::ptrdiff_t(k - 1), sorted.end(),
                         std::greater<>());
        kth = sorted[k - 1];
    }
    std::vector<int> arms = result.topK;
    std::sort(arms.begin(), arms.end());
    if (std::adjacent_find(arms.begin(), arms.end()) != arms.end())
        return false;
    for (std::size_t a = 0; a < k; ++a) {
        const double logit = truth.logitOf(result.topK[a]);
        if (std::isnan(logit) || logit < kth)
            return false;
        const double p = std::exp(logit - truth.logPartition);
        if (!(std::abs(result.probabilities[a] - p) <= epsilon * p))
            return false;
    }
    return true;
}

double paperSpeedup(const std::vector<double>& budgetFractions)
{
    if (budgetFractions.empty())
        return 0.0;
    const double mean = std::accumulate(budgetFractions.begin(), budgetFractions.end(), 0.0)
        / double(budgetFractions.size());
    return mean > 0.0 ? 1.0 / mean : std::numeric_limits<double>::infinity();
}

ExperimentReport runExperiment(const Dataset& dataset, const ExperimentOptions& options,
                               const ProgressCallback& progress)
{
    dataset.validate();
    Config config = options.config;
    config.validate();
    const int available = static_cast<int>(dataset.queryCount());
    if (available < 1)
        throw std::invalid_argument("the dataset has no queries");
    const int m = options.queries < 0 ? available : options.queries;
    if (m < 1 || m > available)
        throw std::invalid_argument("--queries must lie in [1, " + std::to_string(available) + "], got "
                                    + std::to_string(m));
    const int n = static_cast<int>(dataset.head.arms());
    if (config.k >= n)
        throw std::invalid_argument("k = " + std::to_string(config.k)
                                    + " must be smaller than the number of arms (" + std::to_string(n) + ")");
    const int tune
        = options.tune >= 0 ? options.tune : (config.preset == Preset::Paper ? std::min(200, m / 4) : 0);
    if (tune >= m)
        throw std::invalid_argument("the tuning queries (" + std::to_string(tune)
                                    + ") must be fewer than the queries used (" + std::to_string(m) + ")");

    ExperimentReport report;
    // §7: a seeded permutation picks the tuning queries; the rest, in their natural order, are tested.
    Rng splitRng(options.splitSeed);
    const std::vector<int> perm = splitRng.permutation(m);
    report.tuneQueries.assign(perm.begin(), perm.begin() + tune);
    report.testQueries.assign(perm.begin() + tune, perm.end());
    std::sort(report.tuneQueries.begin(), report.tuneQueries.end());
    std::sort(report.testQueries.begin(), report.testQueries.end());

    const PreparedHead prepared(dataset.head, config);
    const double beta = prepared.temperature();
    const int total = static_cast<int>(report.testQueries.size());
    if (tune > 0) {
        auto tuningProgress = [&](int done, int all, std::string_view stage) {
            return !progress || progress(done, all, stage);
        };
        config.fudge = tuneFudgeFactors(prepared, dataset.queries, report.tuneQueries, config, tuningProgress,
                                        dataset.excludedArms);
    }
    report.fudge = config.fudge;

    std::vector<double> fractions;
    int successes = 0;
    using Clock = std::chrono::steady_clock;
    for (int done = 0; done < total; ++done) {
        if (progress && !progress(done, total, "test")) {
            report.cancelled = true;
            break;
        }
        const int q = report.testQueries[static_cast<std::size_t>(done)];
        const auto query = dataset.queries.row(q).transpose();
        Config qc = config;
        qc.seed = queryConfigSeed(config, q);
        const auto t0 = Clock::now();
        const std::span<const int> excluded = dataset.excludedFor(q);
        Result result = runAdaptiveSoftmax(prepared, query, qc, nullptr, excluded);
        const auto t1 = Clock::now();
        const ExactSoftmaxResult exact = exactSoftmax(dataset.head, query, beta, config.k, excluded);
        const auto t2 = Clock::now();
        report.wallAdaptiveSeconds += std::chrono::duration<double>(t1 - t0).count();
        report.wallExactSeconds += std::chrono::duration<double>(t2 - t1).count();

        QueryOutcome o;
        o.query = q;
        o.trueTopK = exact.topK;
        o.trueLogPartition = exact.logPartition;
        for (int i : result.topK)
            o.trueProbabilities.push_back(std::exp(exact.logits[i] - exact.logPartition));
        o.success = isSuccess(result, exact.logits, exact.logPartition, config.epsilon);
        successes += o.success ? 1 : 0;
        report.totalPulls += result.totalPulls;
        report.exactPulls += result.exactPulls();
        fractions.push_back(budgetFraction(result));
        o.result = std::move(result);
        report.outcomes.push_back(std::move(o));
    }
    if (progress && !report.cancelled)
        progress(total, total, "test");
    report.speedup = paperSpeedup(fractions);
    report.successRate = report.outcomes.empty() ? 0.0 : double(successes) / double(report.outcomes.size());
    return report;
}

double budgetFraction(const Result& result)
{
    // pulls / (n·D) (§1.3). D = 0 (x = 0) costs nothing either way: count it as a free query.
    const std::int64_t exact = result.exactPulls();
    return exact > 0 ? double(result.totalPulls) / double(exact) : 0.0;
}

std::uint64_t queryConfigSeed(const Config& config, int queryIndex)
{
    // The reference reseeds with the same seed for every query, so failures are correlated across
    // queries (§12 I-15); we derive an independent stream per query from (seed, query index).
    return config.referenceQuirks() ? config.seed
                                    : deriveSeed(config.seed, static_cast<std::uint64_t>(queryIndex));
}

} // namespace ada
