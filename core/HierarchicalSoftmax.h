// Hierarchical softmax fitted to a given flat head (ALGORITHM.md §11.3), as a baseline for the
// speedup report: a balanced binary tree over the arms by recursive 2-means on the rows of A, and at
// every internal node a logistic regression of the true subtree mass ratio on the query. It defines
// a different distribution from softmax(β·(A·x + b)); no PAC guarantee.
#pragma once

#include "Evaluation.h"
#include "Head.h"

#include <Eigen/Core>

#include <cstdint>
#include <vector>

namespace ada {

struct HsmFitOptions {
    int rank = 64; // node regressions live in the top `rank` right singular directions of the queries
    int maxIterations = 20;  // damped Newton steps per node
    double ridge = 1e-3;     // L2 penalty, relative to the weighted mean ‖z‖² of the fitting queries
    std::uint64_t seed = 42; // 2-means initialisation
};

class HierarchicalSoftmax {
public:
    // The tree only (node models zero: every split is 50/50). Throws std::invalid_argument if n < 2.
    HierarchicalSoftmax(const Head& head, std::uint64_t seed);

    // Fits every node on the rows `fitQueries` of `queries` (§11.3 step 2). Returns false if
    // `progress` cancelled (the models are then partial). Throws std::invalid_argument for no queries.
    bool fit(const Head& head, const RowMatrixF& queries, const std::vector<int>& fitQueries,
             double temperature, const HsmFitOptions& options = {}, const ProgressCallback& progress = {});

    struct Output {
        std::vector<int> topK;             // best first
        std::vector<double> probabilities; // the tree's p̂ of topK (product of the node probabilities)
        std::int64_t multiplications = 0;  // d per internal node evaluated (§11.3 step 3)
    };
    // Beam search of width k from the root (greedy descent for k = 1).
    [[nodiscard]] Output run(const Eigen::Ref<const Eigen::VectorXf>& x, int k) const;

    // The true P(left | node, x) of every internal node, from the flat logits (§11.3 step 2's target).
    [[nodiscard]] std::vector<double>
    exactLeftProbabilities(const Eigen::Ref<const Eigen::VectorXd>& logits) const;
    // Leaf probabilities as products of node probabilities along each root-to-leaf path.
    [[nodiscard]] Eigen::VectorXd leafProbabilities(const std::vector<double>& leftProbabilities) const;

    [[nodiscard]] int arms() const { return arms_; }
    [[nodiscard]] int internalNodes() const { return static_cast<int>(nodes_.size()); }
    [[nodiscard]] int depth() const { return depth_; }
    [[nodiscard]] int fitRank() const { return fitRank_; }

private:
    struct Node {
        int child[2] = {0, 0}; // ≥ 0: an internal node's index; < 0: the leaf of arm −child − 1
        Eigen::VectorXd u;     // P(left | x) = σ(u·x + c); empty until fitted
        double c = 0.0;
    };
    int build(const Head& head, std::vector<int>& arms, int begin, int end, std::uint64_t seed, int level);
    // log mass of every internal node (index = node) from one query's logits; leaves are the logits.
    void nodeLogMasses(const Eigen::Ref<const Eigen::VectorXd>& logits, std::vector<double>& out) const;
    [[nodiscard]] double childLogMass(int child, const Eigen::Ref<const Eigen::VectorXd>& logits,
                                      const std::vector<double>& masses) const;

    std::vector<Node> nodes_; // nodes_[0] is the root
    int arms_ = 0;
    int dim_ = 0;
    int depth_ = 0;
    int fitRank_ = 0;
};

} // namespace ada
