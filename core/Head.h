// Plain value types for a model head and its queries (DESIGN.md "core exposes plain value types").
#pragma once

#include <Eigen/Core>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace ada {

// Row-major float storage: one arm (row of A) is contiguous, so a prefix of a column order is a
// gather inside one row, and exact logits are a dense matrix-vector product.
using RowMatrixF = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
// Column-major float storage: one column of A over all arms is contiguous, which is what the batched
// pulls read (a prefix of the column order for many arms at once).
using ColMatrixF = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::ColMajor>;

// The same matrix in column-major storage, copied in cache-sized tiles (a plain element-wise copy
// strides through memory and is several times slower on a multi-gigabyte head).
[[nodiscard]] ColMatrixF transposeToColumnMajor(const RowMatrixF& a);

// The last fully connected layer before a softmax: logits = temperature · (W x + b).
struct Head {
    RowMatrixF weight;        // n × d
    Eigen::VectorXf bias;     // empty (no bias) or n entries
    double temperature = 1.0; // β

    [[nodiscard]] Eigen::Index arms() const { return weight.rows(); }
    [[nodiscard]] Eigen::Index dim() const { return weight.cols(); }
    [[nodiscard]] bool hasBias() const { return bias.size() != 0; }
};

// A head with queries and optional metadata, as a dataset (file or generator) provides it.
struct Dataset {
    Head head;
    RowMatrixF queries;               // m × d (one query per row); may be empty
    std::vector<std::int64_t> labels; // empty or m entries
    // Per query, arms that are not candidates for it (an analogy query b − a + c masks a, b and c):
    // the run and the ground truth treat them as absent. Empty, or m lists of distinct row indices.
    std::vector<std::vector<int>> excludedArms;
    std::vector<std::string> vocab;   // empty or n display names
    std::optional<double> noiseBound; // known per-pull variance (synthetic families, §8.1)
    std::string name;                 // e.g. "synthetic:noisy?n=100&d=1000" or a file path
    std::string model;
    std::string source; // where the queries came from
    std::string description;

    [[nodiscard]] Eigen::Index queryCount() const { return queries.rows(); }
    // The arms excluded for query q (empty when the dataset has no masks).
    [[nodiscard]] std::span<const int> excludedFor(Eigen::Index q) const
    {
        return excludedArms.empty() ? std::span<const int>{} : excludedArms[static_cast<std::size_t>(q)];
    }
    // Throws std::invalid_argument naming the first inconsistency (shapes, non-finite values).
    void validate() const;
};

} // namespace ada
