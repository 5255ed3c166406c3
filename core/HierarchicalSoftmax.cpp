#include "HierarchicalSoftmax.h"

#include "ExactSoftmax.h"
#include "Rng.h"

#include <Eigen/Cholesky>
#include <Eigen/SVD>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

namespace ada {

namespace {

constexpr int kKMeansIterations = 10;
// A query whose true mass at a node is below this contributes nothing measurable to the weighted fit
// and is left out of that node's regression (it keeps deep nodes of large heads cheap).
constexpr double kMinNodeMass = 1e-12;

double logAddExp(double a, double b)
{
    if (a == -std::numeric_limits<double>::infinity())
        return b;
    if (b == -std::numeric_limits<double>::infinity())
        return a;
    const double m = std::max(a, b);
    return m + std::log1p(std::exp(-std::abs(a - b)));
}

// log σ(z), stable for large |z|.
double logSigmoid(double z)
{
    return z >= 0 ? -std::log1p(std::exp(-z)) : z - std::log1p(std::exp(z));
}

double sigmoid(double z)
{
    return z >= 0 ? 1.0 / (1.0 + std::exp(-z)) : std::exp(z) / (1.0 + std::exp(z));
}

} // namespace

HierarchicalSoftmax::HierarchicalSoftmax(const Head& head, std::uint64_t seed)
    : arms_(static_cast<int>(head.arms()))
    , dim_(static_cast<int>(head.dim()))
{
    if (arms_ < 2)
        throw std::invalid_argument("hierarchical softmax needs at least two arms, got "
                                    + std::to_string(arms_));
    std::vector<int> arms(static_cast<std::size_t>(arms_));
    std::iota(arms.begin(), arms.end(), 0);
    nodes_.reserve(static_cast<std::size_t>(arms_ - 1));
    build(head, arms, 0, arms_, seed, 1);
}

// §11.3 step 1: split [begin, end) by 2-means on the rows, then balance it: the arms sorted by how much
// closer they are to the first centre than to the second, the first half goes left. Balanced halves
// keep the depth at ⌈log2 n⌉, which is what the cost d·log2 n assumes. Pre-order indices: a parent's
// index is below its children's, which nodeLogMasses relies on.
int HierarchicalSoftmax::build(const Head& head, std::vector<int>& arms, int begin, int end,
                               std::uint64_t seed, int level)
{
    const int index = static_cast<int>(nodes_.size());
    nodes_.emplace_back();
    depth_ = std::max(depth_, level);
    const int size = end - begin;
    const int half = size / 2;
    if (size > 2) {
        Rng rng(deriveSeed(seed, static_cast<std::uint64_t>(index)));
        auto row = [&](int a) { return head.weight.row(arms[std::size_t(a)]).cast<double>(); };
        // Initial centres: a random row and the row farthest from it (a cheap k-means++).
        const int first = begin + static_cast<int>(rng.below(static_cast<std::uint64_t>(size)));
        Eigen::RowVectorXd c0 = row(first), c1;
        double far = -1.0;
        for (int a = begin; a < end; ++a) {
            const double dist = (row(a) - c0).squaredNorm();
            if (dist > far) {
                far = dist;
                c1 = row(a);
            }
        }
        std::vector<double> score(static_cast<std::size_t>(size));
        std::vector<int> order(static_cast<std::size_t>(size));
        for (int it = 0; it < kKMeansIterations; ++it) {
            for (int a = begin; a < end; ++a)
                score[std::size_t(a - begin)] = (row(a) - c0).squaredNorm() - (row(a) - c1).squaredNorm();
            // Balanced assignment, then new centres as the means of the two halves.
            std::iota(order.begin(), order.end(), 0);
            std::stable_sort(order.begin(), order.end(),
                             [&](int x, int y) { return score[std::size_t(x)] < score[std::size_t(y)]; });
            Eigen::RowVectorXd n0 = Eigen::RowVectorXd::Zero(head.dim()), n1 = n0;
            for (int j = 0; j < size; ++j)
                (j < half ? n0 : n1) += row(begin + order[std::size_t(j)]);
            n0 /= double(half);
            n1 /= double(size - half);
            if ((n0 - c0).squaredNorm() + (n1 - c1).squaredNorm() == 0.0)
                break;
            c0 = n0;
            c1 = n1;
        }
        std::vector<int> sorted(static_cast<std::size_t>(size));
        for (int j = 0; j < size; ++j)
            sorted[std::size_t(j)] = arms[std::size_t(begin + order[std::size_t(j)])];
        std::copy(sorted.begin(), sorted.end(), arms.begin() + begin);
    }
    const int mid = begin + half;
    for (int side = 0; side < 2; ++side) {
        const int b = side == 0 ? begin : mid, e = side == 0 ? mid : end;
        const int child = e - b == 1 ? -arms[std::size_t(b)] - 1 : build(head, arms, b, e, seed, level + 1);
        nodes_[std::size_t(index)].child[side] = child;
    }
    return index;
}

double HierarchicalSoftmax::childLogMass(int child, const Eigen::Ref<const Eigen::VectorXd>& logits,
                                         const std::vector<double>& masses) const
{
    return child < 0 ? logits[-child - 1] : masses[std::size_t(child)];
}

void HierarchicalSoftmax::nodeLogMasses(const Eigen::Ref<const Eigen::VectorXd>& logits,
                                        std::vector<double>& out) const
{
    out.assign(nodes_.size(), 0.0);
    for (std::size_t v = nodes_.size(); v-- > 0;) // children before parents (pre-order indices)
        out[v] = logAddExp(childLogMass(nodes_[v].child[0], logits, out),
                           childLogMass(nodes_[v].child[1], logits, out));
}

std::vector<double>
HierarchicalSoftmax::exactLeftProbabilities(const Eigen::Ref<const Eigen::VectorXd>& logits) const
{
    std::vector<double> masses;
    nodeLogMasses(logits, masses);
    std::vector<double> left(nodes_.size());
    for (std::size_t v = 0; v < nodes_.size(); ++v)
        left[v] = std::exp(childLogMass(nodes_[v].child[0], logits, masses) - masses[v]);
    return left;
}

Eigen::VectorXd HierarchicalSoftmax::leafProbabilities(const std::vector<double>& leftProbabilities) const
{
    Eigen::VectorXd out = Eigen::VectorXd::Zero(arms_);
    std::vector<double> pathProbability(nodes_.size(), 0.0);
    pathProbability[0] = 1.0;
    for (std::size_t v = 0; v < nodes_.size(); ++v) // parents before children
        for (int side = 0; side < 2; ++side) {
            const double p
                = pathProbability[v] * (side == 0 ? leftProbabilities[v] : 1.0 - leftProbabilities[v]);
            const int child = nodes_[v].child[side];
            if (child < 0)
                out[-child - 1] = p;
            else
                pathProbability[std::size_t(child)] = p;
        }
    return out;
}

bool HierarchicalSoftmax::fit(const Head& head, const RowMatrixF& queries, const std::vector<int>& fitQueries,
                              double temperature, const HsmFitOptions& options,
                              const ProgressCallback& progress)
{
    const int m = static_cast<int>(fitQueries.size());
    if (m < 1)
        throw std::invalid_argument("hierarchical softmax: no queries to fit the node models on");
    // The queries in the span of their top right singular directions: every node's weight vector
    // lives there (an L2-penalised fit has no component outside the span of its data), so the
    // regressions run in `rank` dimensions instead of d.
    Eigen::MatrixXd x(m, dim_);
    for (int q = 0; q < m; ++q)
        x.row(q) = queries.row(fitQueries[std::size_t(q)]).cast<double>();
    Eigen::BDCSVD<Eigen::MatrixXd> svd(x, Eigen::ComputeThinV);
    int r = 0;
    const Eigen::VectorXd& sv = svd.singularValues();
    while (r < sv.size() && r < options.rank && sv[r] > 1e-10 * sv[0])
        ++r;
    r = std::max(r, 1);
    fitRank_ = r;
    const Eigen::MatrixXd v = svd.matrixV().leftCols(r); // d × r
    const Eigen::MatrixXd z = x * v;                     // m × r

    // Truth: node log masses for every fitting query.
    std::vector<Eigen::VectorXd> logits(static_cast<std::size_t>(m));
    std::vector<std::vector<double>> masses(static_cast<std::size_t>(m));
    for (int q = 0; q < m; ++q) {
        const auto xq = queries.row(fitQueries[std::size_t(q)]).transpose();
        Eigen::VectorXd l = exactLogits(head, xq, temperature);
        l.array() -= logSumExp(l);
        nodeLogMasses(l, masses[std::size_t(q)]);
        logits[std::size_t(q)] = std::move(l);
    }

    const int nodes = internalNodes();
    for (int node = 0; node < nodes; ++node) {
        if (progress && !progress(node, nodes, "hsm fit"))
            return false;
        Node& nd = nodes_[std::size_t(node)];
        // §11.3 step 2 with each query weighted by the node's true mass: Σ_nodes Σ_q mass·CE(ratio, σ)
        // is then exactly Σ_q KL(p ‖ p̂_tree) up to a constant, so a node that a query never reaches
        // does not pull the fit towards that query.
        std::vector<int> rows;
        std::vector<double> y, w;
        for (int q = 0; q < m; ++q) {
            const double mass = std::exp(masses[std::size_t(q)][std::size_t(node)]);
            if (mass < kMinNodeMass)
                continue;
            rows.push_back(q);
            y.push_back(std::exp(childLogMass(nd.child[0], logits[std::size_t(q)], masses[std::size_t(q)])
                                 - masses[std::size_t(q)][std::size_t(node)]));
            w.push_back(mass);
        }
        Eigen::VectorXd beta = Eigen::VectorXd::Zero(r + 1); // (w, c)
        if (!rows.empty()) {
            const int nq = static_cast<int>(rows.size());
            Eigen::MatrixXd a(nq, r + 1);
            Eigen::VectorXd yy(nq), ww(nq);
            const double wsum = std::accumulate(w.begin(), w.end(), 0.0);
            double zNorm = 0.0;
            for (int i = 0; i < nq; ++i) {
                a.row(i).head(r) = z.row(rows[std::size_t(i)]);
                a(i, r) = 1.0;
                yy[i] = y[std::size_t(i)];
                ww[i] = w[std::size_t(i)] / wsum;
                zNorm += ww[i] * z.row(rows[std::size_t(i)]).squaredNorm();
            }
            const double lambda = options.ridge * zNorm / double(r) + 1e-12;
            Eigen::VectorXd penalty = Eigen::VectorXd::Constant(r + 1, lambda);
            penalty[r] = 1e-12; // the intercept is not shrunk
            auto objective = [&](const Eigen::VectorXd& b) {
                const Eigen::VectorXd f = a * b;
                double sum = 0.5 * (penalty.array() * b.array().square()).sum();
                for (int i = 0; i < nq; ++i)
                    sum -= ww[i] * (yy[i] * logSigmoid(f[i]) + (1.0 - yy[i]) * logSigmoid(-f[i]));
                return sum;
            };
            double current = objective(beta);
            for (int it = 0; it < options.maxIterations; ++it) {
                const Eigen::VectorXd f = a * beta;
                Eigen::VectorXd s(nq), curvature(nq);
                for (int i = 0; i < nq; ++i) {
                    s[i] = sigmoid(f[i]);
                    curvature[i] = ww[i] * std::max(s[i] * (1.0 - s[i]), 1e-12);
                }
                const Eigen::VectorXd gradient
                    = a.transpose() * (ww.array() * (s - yy).array()).matrix() + penalty.cwiseProduct(beta);
                Eigen::MatrixXd hessian = a.transpose() * curvature.asDiagonal() * a;
                hessian.diagonal() += penalty;
                const Eigen::VectorXd step = hessian.ldlt().solve(gradient);
                // Damped Newton: halve the step until the (convex) objective decreases.
                double scale = 1.0, next = current;
                Eigen::VectorXd candidate = beta;
                for (int h = 0; h < 30; ++h, scale *= 0.5) {
                    candidate = beta - scale * step;
                    next = objective(candidate);
                    if (next <= current)
                        break;
                }
                if (!(next <= current))
                    break;
                beta = candidate;
                const bool converged = current - next <= 1e-9 * (1.0 + std::abs(current));
                current = next;
                if (converged)
                    break;
            }
        }
        nd.u = v * beta.head(r);
        nd.c = beta[r];
    }
    if (progress)
        progress(nodes, nodes, "hsm fit");
    return true;
}

HierarchicalSoftmax::Output HierarchicalSoftmax::run(const Eigen::Ref<const Eigen::VectorXf>& x, int k) const
{
    if (x.size() != dim_)
        throw std::invalid_argument("hierarchical softmax: the query has dimension "
                                    + std::to_string(x.size()) + " but the head has dimension "
                                    + std::to_string(dim_));
    if (k < 1 || k > arms_)
        throw std::invalid_argument("hierarchical softmax: k must lie in [1, n]");
    Output out;
    const Eigen::VectorXd xd = x.cast<double>();
    // (log probability of the path, child code); a beam of the k most probable partial paths.
    std::vector<std::pair<double, int>> beam{{0.0, 0}}, next;
    auto byProbability = [](const auto& l, const auto& r) { return l.first > r.first; };
    for (;;) {
        next.clear();
        bool expanded = false;
        for (const auto& [logp, code] : beam) {
            if (code < 0) {
                next.emplace_back(logp, code);
                continue;
            }
            const Node& nd = nodes_[std::size_t(code)];
            const double zv = (nd.u.size() == 0 ? 0.0 : nd.u.dot(xd)) + nd.c;
            out.multiplications += dim_;
            next.emplace_back(logp + logSigmoid(zv), nd.child[0]);
            next.emplace_back(logp + logSigmoid(-zv), nd.child[1]);
            expanded = true;
        }
        std::stable_sort(next.begin(), next.end(), byProbability);
        if (next.size() > std::size_t(k))
            next.resize(std::size_t(k));
        beam.swap(next);
        if (!expanded)
            break;
    }
    for (const auto& [logp, code] : beam) {
        out.topK.push_back(-code - 1);
        out.probabilities.push_back(std::exp(logp));
    }
    return out;
}

} // namespace ada
