// Algorithm 1 (ALGORITHM.md §6): top-k of softmax(β·(A·x + b)), p̂ of the top-k and log Ŝ, by
// adaptive column sampling with a PAC (ε, δ) guarantee.
#pragma once

#include "Config.h"
#include "Head.h"
#include "Result.h"
#include "RunObserver.h"

#include <Eigen/Core>

#include <span>
#include <vector>

namespace ada {

// Precomputed, query-independent data for one head under one configuration: column norms for
// head importance weights, the Hadamard-transformed copy when enabled, the σ̂² proxy's head factor.
// Build it once and reuse it for every query (the reference caches the same, §3.1).
class PreparedHead {
public:
    PreparedHead(const Head& head, const Config& config); // throws std::invalid_argument
    [[nodiscard]] const Head& head() const { return *head_; }
    [[nodiscard]] const RowMatrixF& weight() const; // A, or H·(A ⊙ s) under RHT
    [[nodiscard]] const Eigen::VectorXd& columnL1() const { return columnL1_; } // a_j (§3.1)
    [[nodiscard]] double temperature() const { return beta_; }
    [[nodiscard]] bool hadamard() const { return hadamard_; }
    // Transforms a query the same way as the head (identity without RHT); always double.
    [[nodiscard]] Eigen::VectorXd transformQuery(const Eigen::Ref<const Eigen::VectorXf>& x) const;
    // s_A of the σ̂² proxy (§3.4).
    [[nodiscard]] double headVarianceFactor(bool atomWeights) const;

private:
    const Head* head_;
    RowMatrixF transformed_; // only under RHT
    Eigen::VectorXf signs_;  // Rademacher signs of the RHT
    Eigen::VectorXd columnL1_;
    double beta_ = 1.0;
    bool hadamard_ = false;
    double sAtom_ = 0.0;
    double sUniform_ = 0.0;
};

// One run on one query. A run is a pure function of (head, query, config): the same inputs give
// the same bits. `observer` may be null (then the run pays nothing for observation). `excluded`
// lists arms that are not candidates for this query (Dataset::excludedArms): they are never pulled,
// cannot be returned and do not count in the partition function. Without exclusions the run is
// bit-identical to one that has no such parameter.
[[nodiscard]] Result runAdaptiveSoftmax(const PreparedHead& prepared,
                                        const Eigen::Ref<const Eigen::VectorXf>& query, const Config& config,
                                        RunObserver* observer = nullptr, std::span<const int> excluded = {});

// Warm-up and elimination only: Result::topK and the pulls so far (what stage 1 of the tuning checks, §7).
[[nodiscard]] Result runTopKIdentification(const PreparedHead& prepared,
                                           const Eigen::Ref<const Eigen::VectorXf>& query,
                                           const Config& config, std::span<const int> excluded = {});

// Convenience overload that prepares the head for this single call.
[[nodiscard]] Result runAdaptiveSoftmax(const Head& head, const Eigen::Ref<const Eigen::VectorXf>& query,
                                        const Config& config, RunObserver* observer = nullptr);

} // namespace ada
