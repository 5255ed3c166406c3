// Exact softmax, the baseline every figure is compared with (ALGORITHM.md §1, §11.2).
#pragma once

#include "Head.h"

#include <Eigen/Core>

#include <cstdint>
#include <span>
#include <vector>

namespace ada {

// μ = β·(A·x + b) in double precision (accumulated in double from float storage).
[[nodiscard]] Eigen::VectorXd exactLogits(const Head& head, const Eigen::Ref<const Eigen::VectorXf>& x,
                                          double temperature);

// Sets the logits of the excluded arms (Dataset::excludedArms) to −inf: they have probability 0
// and can be no one's top-k. Indices outside the vector are ignored (the run rejects them).
void excludeArms(Eigen::Ref<Eigen::VectorXd> logits, std::span<const int> excluded);

// Numerically stable log Σ exp(v): max-shifted, −inf for an empty or all −inf input.
[[nodiscard]] double logSumExp(const Eigen::Ref<const Eigen::VectorXd>& v);

// The usual three-pass safe softmax (max, Σ exp(z − max), normalise).
[[nodiscard]] Eigen::VectorXd softmaxThreePass(const Eigen::Ref<const Eigen::VectorXd>& logits);

// Dukhan & Ablavatski's two-pass softmax (§11.2): each exp(z_i) as mantissa·2^exponent, so the sum
// needs no running maximum. Exact up to rounding; equal to the three-pass result to ~1e-15.
[[nodiscard]] Eigen::VectorXd softmaxTwoPass(const Eigen::Ref<const Eigen::VectorXd>& logits);

// The same two algorithms writing into a caller's vector of the same size: no allocation per call,
// which otherwise dominates the time for large n (bench_softmax_passes times both forms).
void softmaxThreePass(const Eigen::Ref<const Eigen::VectorXd>& logits, Eigen::Ref<Eigen::VectorXd> out);
void softmaxTwoPass(const Eigen::Ref<const Eigen::VectorXd>& logits, Eigen::Ref<Eigen::VectorXd> out);

// Indices of the k largest entries, largest first (ties broken by lower index).
[[nodiscard]] std::vector<int> topKIndices(const Eigen::Ref<const Eigen::VectorXd>& values, int k);

struct ExactSoftmaxResult {
    Eigen::VectorXd logits;
    double logPartition = 0.0;
    std::vector<int> topK;
    std::int64_t multiplications = 0; // n·d
};
[[nodiscard]] ExactSoftmaxResult exactSoftmax(const Head& head, const Eigen::Ref<const Eigen::VectorXf>& x,
                                              double temperature, int k, std::span<const int> excluded = {});

} // namespace ada
