#include "ExactSoftmax.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace ada {

Eigen::VectorXd exactLogits(const Head& head, const Eigen::Ref<const Eigen::VectorXf>& x, double temperature)
{
    // Row-major float storage, double accumulation per row: as accurate as a double GEMV without
    // materialising an n·d double copy of A.
    const Eigen::Index n = head.arms(), d = head.dim();
    const Eigen::VectorXd xd = x.cast<double>();
    Eigen::VectorXd mu(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        const float* row = head.weight.row(i).data();
        double acc0 = 0.0, acc1 = 0.0, acc2 = 0.0, acc3 = 0.0;
        Eigen::Index j = 0;
        for (; j + 4 <= d; j += 4) { // four independent chains let the compiler vectorise
            acc0 += double(row[j]) * xd[j];
            acc1 += double(row[j + 1]) * xd[j + 1];
            acc2 += double(row[j + 2]) * xd[j + 2];
            acc3 += double(row[j + 3]) * xd[j + 3];
        }
        for (; j < d; ++j)
            acc0 += double(row[j]) * xd[j];
        const double bias = head.hasBias() ? double(head.bias[i]) : 0.0;
        mu[i] = temperature * ((acc0 + acc1) + (acc2 + acc3) + bias);
    }
    return mu;
}

double logSumExp(const Eigen::Ref<const Eigen::VectorXd>& v)
{
    if (v.size() == 0)
        return -std::numeric_limits<double>::infinity();
    const double m = v.maxCoeff();
    if (!std::isfinite(m))
        return m; // all −inf gives −inf; a +inf entry gives +inf
    return m + std::log((v.array() - m).exp().sum());
}

Eigen::VectorXd softmaxThreePass(const Eigen::Ref<const Eigen::VectorXd>& logits)
{
    const double m = logits.maxCoeff();             // pass 1
    Eigen::VectorXd p = (logits.array() - m).exp(); // pass 2
    return p / p.sum();                             // pass 3
}

Eigen::VectorXd softmaxTwoPass(const Eigen::Ref<const Eigen::VectorXd>& logits)
{
    // Dukhan & Ablavatski (§11.2): exp(z) = m·2^e with e = round(z·log2 e) and m = exp(z − e·ln 2) in
    // [1/√2, √2]. Pass 1 accumulates Σ exp(z) as a (mantissa, exponent) pair, rescaling to the larger
    // exponent, so no running maximum is needed and nothing overflows. Pass 2 recomputes each term.
    constexpr double kLog2e = 1.4426950408889634;
    constexpr double kLn2 = 0.6931471805599453;
    const Eigen::Index n = logits.size();
    double sumMantissa = 0.0;
    double sumExponent = -std::numeric_limits<double>::infinity();
    for (Eigen::Index i = 0; i < n; ++i) {
        const double z = logits[i];
        if (z == -std::numeric_limits<double>::infinity())
            continue;
        const double e = std::nearbyint(z * kLog2e);
        const double m = std::exp(z - e * kLn2);
        if (e > sumExponent) {
            sumMantissa = (sumExponent == -std::numeric_limits<double>::infinity())
                ? m
                : std::ldexp(sumMantissa, static_cast<int>(std::max(sumExponent - e, -1100.0))) + m;
            sumExponent = e;
        } else {
            sumMantissa += std::ldexp(m, static_cast<int>(std::max(e - sumExponent, -1100.0)));
        }
    }
    Eigen::VectorXd p(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        const double z = logits[i];
        const double e = std::nearbyint(z * kLog2e);
        const double m = std::exp(z - e * kLn2);
        p[i] = std::ldexp(m / sumMantissa, static_cast<int>(std::max(e - sumExponent, -1100.0)));
    }
    return p;
}

std::vector<int> topKIndices(const Eigen::Ref<const Eigen::VectorXd>& values, int k)
{
    const int n = static_cast<int>(values.size());
    k = std::clamp(k, 0, n);
    std::vector<int> idx(static_cast<std::size_t>(n));
    std::iota(idx.begin(), idx.end(), 0);
    auto better
        = [&values](int a, int b) { return values[a] > values[b] || (values[a] == values[b] && a < b); };
    std::partial_sort(idx.begin(), idx.begin() + k, idx.end(), better);
    idx.resize(static_cast<std::size_t>(k));
    return idx;
}

ExactSoftmaxResult exactSoftmax(const Head& head, const Eigen::Ref<const Eigen::VectorXf>& x,
                                double temperature, int k)
{
    ExactSoftmaxResult r;
    r.logits = exactLogits(head, x, temperature);
    r.logPartition = logSumExp(r.logits);
    r.topK = topKIndices(r.logits, k);
    r.multiplications = static_cast<std::int64_t>(head.arms()) * head.dim();
    return r;
}

} // namespace ada
