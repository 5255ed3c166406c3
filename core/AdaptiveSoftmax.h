// Algorithm 1 (ALGORITHM.md §6): top-k of softmax(β·(A·x + b)), p̂ of the top-k and log Ŝ, by
// adaptive column sampling with a PAC (ε, δ) guarantee.
#pragma once

#include "Config.h"
#include "Head.h"
#include "Result.h"
#include "RunObserver.h"

#include <Eigen/Core>

#include <cstddef>
#include <span>
#include <vector>

namespace ada {

// How the pulls read A (issue 7). Both give the same bits for the same inputs and seed.
//   Fast: a column-major copy of A next to the row-major head (2× the head's float32 size), read
//         column by column for many arms at once with vectorised kernels, and a lazily
//         materialised column order (ColumnOrder.h).
//   Straightforward: row-major gathers arm by arm and the whole order up front — the reference
//         shape of the code, kept as the oracle the fast path is tested against.
// Under the Hadamard transform, and for heads of fewer than 64 arms, the fast path keeps no
// column-major copy (a third copy of A; a column of a few arms) and pulls row by row; its order is
// still lazy. Build a fast head for many queries: for one query the copy costs more than it saves.
enum class PullKernels { Fast, Straightforward };

// Precomputed, query-independent data for one head under one configuration: column norms for
// head importance weights, the Hadamard-transformed copy when enabled, the σ̂² proxy's head factor.
// Build it once and reuse it for every query (the reference caches the same, §3.1).
class PreparedHead {
public:
    // Throws std::invalid_argument.
    PreparedHead(const Head& head, const Config& config, PullKernels kernels = PullKernels::Fast);
    [[nodiscard]] const Head& head() const { return *head_; }
    [[nodiscard]] const RowMatrixF& weight() const; // A, or H·(A ⊙ s) under RHT
    // The column-major copy of weight(), or null (straightforward kernels, or RHT).
    [[nodiscard]] const ColMatrixF* columnMajor() const { return columns_.size() ? &columns_ : nullptr; }
    [[nodiscard]] PullKernels kernels() const { return kernels_; }
    // Bytes this object holds beyond the head itself (the column-major copy, the RHT copy, norms).
    [[nodiscard]] std::size_t bytesHeld() const
    {
        return sizeof(float) * std::size_t(columns_.size() + transformed_.size() + signs_.size())
            + sizeof(double) * std::size_t(columnL1_.size());
    }
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
    ColMatrixF columns_;     // only with fast kernels and without RHT
    PullKernels kernels_ = PullKernels::Fast;
    Eigen::VectorXf signs_; // Rademacher signs of the RHT
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
