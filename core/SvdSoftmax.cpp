#include "SvdSoftmax.h"

#include "ExactSoftmax.h"

#include <Eigen/SVD>

#include <algorithm>
#include <stdexcept>
#include <string>

namespace ada {

// Where it can win (§11.1 "Fair use"): a query costs r·d + n·W + N·r multiplications against n·d for
// exact logits. With n ≤ d the rank is r = n, so the transform x̃ = Vᵀx alone costs n·d: SVD-softmax
// can never be cheaper on small heads (MNIST/EuroSAT, n = 10) and only makes sense for n ≫ d.

SvdSoftmax::SvdSoftmax(const Head& head)
{
    // Offline (§11.1): thin SVD A = U Σ Vᵀ and B = UΣ; not charged per query. Done in double so that
    // W = r, N = n reproduces the exact logits to ~1e-12; BDCSVD because n can be 50 000+.
    const Eigen::MatrixXd a = head.weight.cast<double>();
    Eigen::BDCSVD<Eigen::MatrixXd> svd(a, Eigen::ComputeThinU | Eigen::ComputeThinV);
    b_ = svd.matrixU() * svd.singularValues().asDiagonal();
    vT_ = svd.matrixV().transpose();
    if (head.hasBias())
        bias_ = head.bias.cast<double>();
}

SvdSoftmax::Output SvdSoftmax::run(const Eigen::Ref<const Eigen::VectorXf>& x, int previewWidth,
                                   int candidates, int k, double temperature) const
{
    const int n = static_cast<int>(b_.rows());
    const int r = rank();
    if (x.size() != vT_.cols())
        throw std::invalid_argument("SVD-softmax: the query has dimension " + std::to_string(x.size())
                                    + " but the head has dimension " + std::to_string(vT_.cols()));
    if (previewWidth < 1 || previewWidth > r)
        throw std::invalid_argument("SVD-softmax: the preview width W must lie in [1, " + std::to_string(r)
                                    + "], got " + std::to_string(previewWidth));
    if (k < 1 || candidates < k || candidates > n)
        throw std::invalid_argument("SVD-softmax: the candidates N must lie in [k, n] = [" + std::to_string(k)
                                    + ", " + std::to_string(n) + "], got " + std::to_string(candidates));
    Output out;
    const Eigen::VectorXd xt = vT_ * x.cast<double>(); // r·d multiplications
    // Preview with the first W singular directions (n·W), then the N best previews exactly (N·r).
    out.logits = b_.leftCols(previewWidth) * xt.head(previewWidth);
    if (bias_.size() != 0)
        out.logits += bias_;
    out.logits *= temperature;
    const std::vector<int> shortlist = topKIndices(out.logits, candidates);
    Eigen::VectorXd full(candidates);
    for (int c = 0; c < candidates; ++c) {
        const int i = shortlist[static_cast<std::size_t>(c)];
        double z = b_.row(i).dot(xt);
        if (bias_.size() != 0)
            z += bias_[i];
        out.logits[i] = full[c] = temperature * z;
    }
    out.logPartition = logSumExp(out.logits);
    for (int c : topKIndices(full, k))
        out.topK.push_back(shortlist[static_cast<std::size_t>(c)]);
    out.multiplications
        = std::int64_t(r) * vT_.cols() + std::int64_t(n) * previewWidth + std::int64_t(candidates) * r;
    return out;
}

} // namespace ada
