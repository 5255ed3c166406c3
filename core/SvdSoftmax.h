// SVD-softmax (Shim et al. 2017; ALGORITHM.md §11.1): preview every logit with the first W
// singular directions, then compute the N most promising logits exactly.
#pragma once

#include "Head.h"

#include <Eigen/Core>

#include <cstdint>
#include <vector>

namespace ada {

class SvdSoftmax {
public:
    // Offline: thin SVD A = U Σ Vᵀ, B = UΣ (n × r). Cost is not charged per query.
    explicit SvdSoftmax(const Head& head);

    struct Output {
        Eigen::VectorXd logits; // z for the N candidates, the preview z̃ for the others (β included)
        double logPartition = 0.0;
        std::vector<int> topK;            // among the candidates, best first
        std::int64_t multiplications = 0; // r·d + n·W + N·r (§11.1 "Cost")
    };
    // W in [1, r], N in [k, n]. Throws std::invalid_argument otherwise.
    [[nodiscard]] Output run(const Eigen::Ref<const Eigen::VectorXf>& x, int previewWidth, int candidates,
                             int k, double temperature) const;
    [[nodiscard]] int rank() const { return static_cast<int>(b_.cols()); }

private:
    Eigen::MatrixXd b_;    // n × r, UΣ
    Eigen::MatrixXd vT_;   // r × d
    Eigen::VectorXd bias_; // empty or n
};

} // namespace ada
