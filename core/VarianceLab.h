// Monte-Carlo comparison of the column samplers on one (row of A, query x) (ALGORITHM.md §3.3, §9):
// observed MSE and bias against sample size, each estimator's own variance estimate, and the
// closed-form variance where one exists, with §12 I-23's errors fixed.
#pragma once

#include "Config.h"
#include "Evaluation.h"

#include <Eigen/Core>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace ada {

// The six estimators of the lab; "uniform-wor" and "uniform-wor-fpc" share their draws and differ in
// the variance they predict and estimate (without and with the finite-population correction), as do
// "is-wor-ht" and "is-wor-dr" (the Gumbel-top-k prefix, by Horvitz–Thompson or by Des Raj).
enum class LabEstimator { UniformWr, UniformWor, UniformWorFpc, IsWr, IsWorHt, IsWorDr };
[[nodiscard]] std::string_view toString(LabEstimator estimator);
[[nodiscard]] LabEstimator parseLabEstimator(std::string_view text);

struct VarianceLabOptions {
    std::vector<LabEstimator> estimators{LabEstimator::UniformWr,     LabEstimator::UniformWor,
                                         LabEstimator::UniformWorFpc, LabEstimator::IsWr,
                                         LabEstimator::IsWorHt,       LabEstimator::IsWorDr};
    // Importance weightings to try for the is-* estimators (uniform ones always use `None`).
    std::vector<ImportanceWeights> weightings{ImportanceWeights::Query, ImportanceWeights::Head,
                                              ImportanceWeights::Both};
    std::vector<int> grid; // sample sizes t; empty: 20 log-spaced sizes from 10 to D
    int repetitions = 200;
    std::uint64_t seed = 42;
    int threads = 1; // results do not depend on it: every (curve, t, repetition) has its own seed
};

struct VarianceCurvePoint {
    int t = 0;
    double mse = 0.0;                                                    // (1/R) Σ (μ̂ − μ)²
    double bias = 0.0;                                                   // (1/R) Σ (μ̂ − μ)
    double predictedVariance = std::numeric_limits<double>::quiet_NaN(); // closed form; NaN where none
    double varianceEstimateMean = 0.0; // mean over repetitions of the estimator's own variance estimate
    double varianceEstimateSd = 0.0;
};

struct VarianceCurve {
    LabEstimator estimator = LabEstimator::UniformWr;
    ImportanceWeights weights = ImportanceWeights::None;
    std::vector<VarianceCurvePoint> points;
};

// Bins of equal width between the outer edges [xMin, xMax] × [yMin, yMax]; max > min whenever bins > 0
// (a single value is given a range around it).
struct Histogram2D {
    double xMin = 0, xMax = 0, yMin = 0, yMax = 0;
    int bins = 0;
    std::vector<double> counts; // bins × bins, row-major in y then x
};

struct Histogram1D {
    double min = 0, max = 0;
    std::vector<double> counts;
};

struct VarianceLabResult {
    double mu = 0.0;      // the exact logit β·A_i·x (no bias: the bias is never sampled)
    int dim = 0;          // d
    int effectiveDim = 0; // D: columns with x_j ≠ 0
    std::vector<VarianceCurve> curves;
    // §9 last paragraph: the sampled (A_ij, x_j) pairs, and the second-order Horvitz–Thompson term
    // f_j f_k (π_jk − π_j π_k)/(π_j π_k) over sampled pairs, which justify dropping joint inclusions.
    Histogram2D pairs;
    Histogram1D secondOrderTerm;
    bool cancelled = false;
};

// Sample sizes from a spec: "10,50,200", "log:N" (N log-spaced from min(10, d) to d) or "linear:N"; an
// empty spec gives the default (log:20). Throws std::invalid_argument naming the problem.
[[nodiscard]] std::vector<int> parseSampleSizes(std::string_view spec, int d);

// The arm a user names: an index, a name from `vocab`, "top" (argmax of `logits`) or "random"
// (seeded). Throws std::invalid_argument naming the accepted forms.
[[nodiscard]] int resolveArm(std::string_view text, const std::vector<std::string>& vocab,
                             const Eigen::Ref<const Eigen::VectorXd>& logits, std::uint64_t seed);

// `row` is A_i (length d) and `x` the query; both are used in double. Throws std::invalid_argument for
// mismatched lengths, non-finite values, an empty grid entry outside [1, D], or repetitions < 2.
[[nodiscard]] VarianceLabResult runVarianceLab(const Eigen::Ref<const Eigen::VectorXd>& row,
                                               const Eigen::Ref<const Eigen::VectorXd>& x,
                                               const Eigen::Ref<const Eigen::VectorXd>& columnL1, double beta,
                                               const VarianceLabOptions& options,
                                               const ProgressCallback& progress = {});

} // namespace ada
