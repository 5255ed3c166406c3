// Scoring a run against exact softmax (ALGORITHM.md §1.2, §1.3), and a multi-query experiment:
// seeded tune/test split, fudge tuning (§7), every test query run and scored.
#pragma once

#include "AdaptiveSoftmax.h"
#include "Config.h"
#include "Head.h"
#include "Result.h"

#include <Eigen/Core>

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace ada {

// Success (§1.2, generalised to k ≥ 1): the returned set is a valid top-k set of the true logits
// (ties at the k-th value accepted) and every p̂ is within a factor 1 ± ε of its true p.
[[nodiscard]] bool isSuccess(const Result& result, const Eigen::Ref<const Eigen::VectorXd>& trueLogits,
                             double trueLogPartition, double epsilon);

// What the success test needs of exact softmax for a top-k run, in O(k) memory instead of n logits:
// the arms whose true logit reaches the k-th largest (ties included), their logits, and log S.
// Fudge tuning keeps one per tuning query (n logits each would be 273 MB on GloVe's 100 queries).
struct TopKTruth {
    int k = 0;
    double kthLogit = 0.0;
    double logPartition = 0.0;
    std::vector<int> arms;      // ascending
    std::vector<double> logits; // of `arms`

    // Throws std::invalid_argument unless 1 ≤ k ≤ n.
    [[nodiscard]] static TopKTruth from(const Eigen::Ref<const Eigen::VectorXd>& trueLogits,
                                        double trueLogPartition, int k);
    // The true logit of `arm` when it is one of `arms`, else NaN (it is not a valid top-k answer).
    [[nodiscard]] double logitOf(int arm) const;
    // The logits and the k-th divided by `divisor`, log S kept: the reference scores p against
    // exp((A·x)_i − log S), forgetting β (§12 I-10); the valid arms are the same.
    [[nodiscard]] TopKTruth logitsDividedBy(double divisor) const;
};

// isSuccess against the compact truth: the same verdict as against the full logits whenever
// result.topK has at most truth.k arms (more: false).
[[nodiscard]] bool isSuccess(const Result& result, const TopKTruth& truth, double epsilon);

// The paper's speedup (§1.3): 1 / mean over queries of pulls / (n·D).
[[nodiscard]] double paperSpeedup(const std::vector<double>& budgetFractions);
// One query's pulls / (n·D); 0 when D = 0 (a zero query costs nothing).
[[nodiscard]] double budgetFraction(const Result& result);
// The algorithm seed of query `queryIndex` in a multi-query run (§12 I-15).
[[nodiscard]] std::uint64_t queryConfigSeed(const Config& config, int queryIndex);

// Progress: (done, total, stage). Return false to cancel.
using ProgressCallback = std::function<bool(int done, int total, std::string_view stage)>;

struct QueryOutcome {
    int query = 0; // index into the dataset's queries
    Result result;
    std::vector<int> trueTopK;             // best first
    std::vector<double> trueProbabilities; // true p of result.topK, in the same order
    double trueLogPartition = 0.0;
    bool success = false;
};

struct ExperimentOptions {
    Config config;
    int queries = -1;             // use the first M queries; −1: all
    int tune = -1;                // N tuning queries among them; −1: min(200, M/4) for Paper, else 0
    std::uint64_t splitSeed = 42; // the seeded permutation that picks the tuning queries
};

struct ExperimentReport {
    std::vector<int> tuneQueries;
    std::vector<int> testQueries;
    FudgeFactors fudge;
    std::vector<QueryOutcome> outcomes; // one per test query, in test order
    std::int64_t totalPulls = 0;        // Σ over test queries
    std::int64_t exactPulls = 0;        // Σ n·D over test queries
    double speedup = 0.0;               // paperSpeedup over test queries
    double successRate = 0.0;           // a fraction
    double wallAdaptiveSeconds = 0.0;   // Σ over test queries, adaptive runs only
    double wallExactSeconds = 0.0;      // Σ over test queries, exact softmax only
    bool cancelled = false;
};

// Throws std::invalid_argument for an unusable combination (no queries, N ≥ M, bad config).
[[nodiscard]] ExperimentReport runExperiment(const Dataset& dataset, const ExperimentOptions& options,
                                             const ProgressCallback& progress = {});

} // namespace ada
