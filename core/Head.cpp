#include "Head.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace ada {

namespace {
void requireFinite(const RowMatrixF& m, const char* what)
{
    for (Eigen::Index r = 0; r < m.rows(); ++r)
        for (Eigen::Index c = 0; c < m.cols(); ++c)
            if (!std::isfinite(m(r, c)))
                throw std::invalid_argument(std::string(what) + " has a non-finite value at row "
                                            + std::to_string(r) + ", column " + std::to_string(c));
}
} // namespace

ColMatrixF transposeToColumnMajor(const RowMatrixF& a)
{
    constexpr Eigen::Index kTile = 64;
    ColMatrixF out(a.rows(), a.cols());
    for (Eigen::Index i0 = 0; i0 < a.rows(); i0 += kTile)
        for (Eigen::Index j0 = 0; j0 < a.cols(); j0 += kTile) {
            const Eigen::Index rows = std::min(kTile, a.rows() - i0), cols = std::min(kTile, a.cols() - j0);
            out.block(i0, j0, rows, cols) = a.block(i0, j0, rows, cols);
        }
    return out;
}

void Dataset::validate() const
{
    const auto n = head.arms();
    const auto d = head.dim();
    if (n < 2 || d < 1)
        throw std::invalid_argument("the head must have at least 2 rows and 1 column, got "
                                    + std::to_string(n) + " × " + std::to_string(d));
    if (head.hasBias() && head.bias.size() != n)
        throw std::invalid_argument("the bias has " + std::to_string(head.bias.size())
                                    + " entries but the head has " + std::to_string(n) + " rows");
    if (!(head.temperature > 0.0) || !std::isfinite(head.temperature))
        throw std::invalid_argument("the temperature must be a positive finite number");
    if (queries.size() != 0 && queries.cols() != d)
        throw std::invalid_argument("the queries have dimension " + std::to_string(queries.cols())
                                    + " but the head has dimension " + std::to_string(d));
    if (!labels.empty() && static_cast<Eigen::Index>(labels.size()) != queries.rows())
        throw std::invalid_argument("there are " + std::to_string(labels.size()) + " labels for "
                                    + std::to_string(queries.rows()) + " queries");
    if (!vocab.empty() && static_cast<Eigen::Index>(vocab.size()) != n)
        throw std::invalid_argument("the vocabulary has " + std::to_string(vocab.size()) + " names for "
                                    + std::to_string(n) + " rows");
    if (!excludedArms.empty()) {
        if (static_cast<Eigen::Index>(excludedArms.size()) != queries.rows())
            throw std::invalid_argument("there are " + std::to_string(excludedArms.size())
                                        + " exclusion lists for " + std::to_string(queries.rows())
                                        + " queries");
        for (std::size_t q = 0; q < excludedArms.size(); ++q) {
            for (int e : excludedArms[q])
                if (e < 0 || e >= n)
                    throw std::invalid_argument("query " + std::to_string(q) + " excludes arm "
                                                + std::to_string(e) + ", which is not a row of the head (0 … "
                                                + std::to_string(n - 1) + ")");
            if (static_cast<Eigen::Index>(excludedArms[q].size()) >= n)
                throw std::invalid_argument("query " + std::to_string(q) + " excludes every arm");
        }
    }
    requireFinite(head.weight, "the head weight");
    for (Eigen::Index i = 0; i < head.bias.size(); ++i)
        if (!std::isfinite(head.bias[i]))
            throw std::invalid_argument("the bias has a non-finite value at entry " + std::to_string(i));
    requireFinite(queries, "the queries");
}

} // namespace ada
