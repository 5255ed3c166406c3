#include "ExactSoftmax.h"

#include "VectorExp.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <stdexcept>

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
    return m + std::log(sumExpShifted(v.data(), static_cast<std::size_t>(v.size()), m));
}

void softmaxThreePass(const Eigen::Ref<const Eigen::VectorXd>& logits, Eigen::Ref<Eigen::VectorXd> out)
{
    if (out.size() != logits.size())
        throw std::invalid_argument("softmaxThreePass: the output size differs from the input size");
    if (logits.size() == 0)
        return;
    const double m = logits.maxCoeff();        // pass 1
    out = (logits.array() - m).exp().matrix(); // pass 2
    out /= out.sum();                          // pass 3
}

Eigen::VectorXd softmaxThreePass(const Eigen::Ref<const Eigen::VectorXd>& logits)
{
    Eigen::VectorXd p(logits.size());
    softmaxThreePass(logits, p);
    return p;
}

namespace {

// Dukhan & Ablavatski's range reduction (§11.2): exp(z) = m·2^e with e = round(z·log2 e) and
// m = exp(z − e·ln 2) ∈ [1/√2, √2]. ln 2 is split Cody–Waite style: kLn2Hi has 32 significant bits,
// so e·kLn2Hi is exact for |e| < 2^21 and z − e·kLn2Hi is exact (Sterbenz); a single rounded ln 2
// would cost ~|z|·1e-16 relative, i.e. 1e-12 at |z| = 1e4.
constexpr double kLog2e = 1.4426950408889634;
constexpr double kLn2Hi = 6.93147180369123816490e-01; // 0x3FE62E42FEE00000
constexpr double kLn2Lo = 1.90821492927058770002e-10;
constexpr double kRoundMagic = 6755399441055744.0; // 1.5·2^52: (x + magic) − magic rounds to nearest
// −∞ (a masked logit) is clamped to this before the reduction, avoiding NaN from −∞ − (−∞), and its
// mantissa is then zeroed. Finite logits must satisfy |z| < 1e6 (so that |e| < 2^21).
constexpr double kLowestLogit = -1.0e6;
// Blocks small enough to stay in L1 between the reduction and the (vectorised) exp.
constexpr Eigen::Index kBlock = 512;

// 2^k for an integer-valued k in [−1023, 0], built from the exponent bits (−1023 gives +0.0).
// Branch-free integer arithmetic, so the loops below vectorise; std::ldexp would not.
inline double pow2(double k)
{
    const auto bits = std::bit_cast<std::uint64_t>(k + kRoundMagic); // low bits hold k
    return std::bit_cast<double>((bits + 1023u) << 52);
}

// e and m for one block; the exp is Eigen's vectorised one on reduced arguments |r| ≤ ln2/2.
void reduceBlock(const double* z, Eigen::Index len, double* e, double* m)
{
    for (Eigen::Index i = 0; i < len; ++i) {
        const double zi = std::max(z[i], kLowestLogit);
        const double ei = (zi * kLog2e + kRoundMagic) - kRoundMagic;
        e[i] = ei;
        m[i] = (zi - ei * kLn2Hi) - ei * kLn2Lo;
    }
    Eigen::Map<Eigen::ArrayXd> r(m, len);
    r = r.exp();
    // A −∞ logit contributes exactly 0 (an all −∞ input then gives NaN, as the three-pass one does).
    for (Eigen::Index i = 0; i < len; ++i)
        m[i] = z[i] < kLowestLogit ? 0.0 : m[i];
}

} // namespace

void softmaxTwoPass(const Eigen::Ref<const Eigen::VectorXd>& logits, Eigen::Ref<Eigen::VectorXd> p)
{
    // Pass 1 accumulates Σ exp(z) as a (mantissa, exponent) pair rescaled to the larger exponent, so it
    // neither overflows nor needs a separate pass for the maximum logit. Within a block the terms are
    // scaled to the block's largest exponent (XNNPACK does the same per SIMD lane); blocks are merged
    // with ldexp. Pass 2 recomputes each (m_i, e_i) and outputs m_i/m_Σ·2^{e_i − e_Σ}.
    const Eigen::Index n = logits.size();
    if (p.size() != n)
        throw std::invalid_argument("softmaxTwoPass: the output size differs from the input size");
    if (n == 0)
        return;
    alignas(64) double e[kBlock];
    alignas(64) double m[kBlock];
    double sumMantissa = 0.0, sumExponent = 0.0;
    for (Eigen::Index start = 0; start < n; start += kBlock) {
        const Eigen::Index len = std::min(kBlock, n - start);
        reduceBlock(logits.data() + start, len, e, m);
        const double blockExponent = Eigen::Map<const Eigen::ArrayXd>(e, len).maxCoeff();
        double blockSum = 0.0;
        for (Eigen::Index i = 0; i < len; ++i)
            blockSum += m[i] * pow2(std::max(e[i] - blockExponent, -1023.0));
        if (start == 0) {
            sumMantissa = blockSum;
            sumExponent = blockExponent;
        } else if (blockExponent > sumExponent) {
            sumMantissa
                = std::ldexp(sumMantissa, int(std::max(sumExponent - blockExponent, -1100.0))) + blockSum;
            sumExponent = blockExponent;
        } else {
            sumMantissa += std::ldexp(blockSum, int(std::max(blockExponent - sumExponent, -1100.0)));
        }
    }
    // A reciprocal instead of n divisions: at most one extra rounding per entry.
    const double inverse = 1.0 / sumMantissa;
    for (Eigen::Index start = 0; start < n; start += kBlock) {
        const Eigen::Index len = std::min(kBlock, n - start);
        reduceBlock(logits.data() + start, len, e, m);
        double* out = p.data() + start;
        for (Eigen::Index i = 0; i < len; ++i) {
            // 2^{e_i − e_Σ} in two normal factors, so results down to the subnormal range survive
            // (the three-pass exp(z − max) keeps them too); below 2^−2045 the term is 0.
            const double shift = std::max(e[i] - sumExponent, -2045.0);
            const double first = std::max(shift, -1022.0);
            out[i] = m[i] * inverse * pow2(first) * pow2(shift - first);
        }
    }
}

Eigen::VectorXd softmaxTwoPass(const Eigen::Ref<const Eigen::VectorXd>& logits)
{
    Eigen::VectorXd p(logits.size());
    softmaxTwoPass(logits, p);
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

void excludeArms(Eigen::Ref<Eigen::VectorXd> logits, std::span<const int> excluded)
{
    for (int e : excluded)
        if (e >= 0 && e < logits.size())
            logits[e] = -std::numeric_limits<double>::infinity();
}

ExactSoftmaxResult exactSoftmax(const Head& head, const Eigen::Ref<const Eigen::VectorXf>& x,
                                double temperature, int k, std::span<const int> excluded)
{
    ExactSoftmaxResult r;
    r.logits = exactLogits(head, x, temperature);
    excludeArms(r.logits, excluded);
    r.logPartition = logSumExp(r.logits);
    r.topK = topKIndices(r.logits, k);
    r.multiplications = static_cast<std::int64_t>(head.arms()) * head.dim();
    return r;
}

} // namespace ada
