#include "ArmEngine.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace ada {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
}

ArmEngine::ArmEngine(const PreparedHead& prepared, Eigen::VectorXd xBeta, SamplingPlan plan,
                     const Config& config)
    : prepared_(prepared)
    , weight_(prepared.weight())
    , xBeta_(std::move(xBeta))
    , plan_(std::move(plan))
    , config_(config)
{
    const auto n = static_cast<std::size_t>(weight_.rows());
    bias_.assign(n, 0.0);
    const Head& head = prepared.head();
    if (head.hasBias())
        for (std::size_t i = 0; i < n; ++i)
            bias_[i] = prepared.temperature() * double(head.bias[static_cast<Eigen::Index>(i)]);
    estimate_ = bias_;
    variance_.assign(n, kInf);
    depth_.assign(n, 0);
    sum_.assign(n, 0.0);
    if (plan_.sampler == Sampler::ImportanceWithReplacement)
        sumSq_.assign(n, 0.0);
    if (plan_.effectiveDim == 0) // x = 0 or all weights 0: every logit is exactly β·b_i (§12 I-3)
        std::fill(variance_.begin(), variance_.end(), 0.0);
}

double ArmEngine::exactSum(int arm) const
{
    // Columns of zero weight contribute exactly 0 (§3.5), so summing over all of them is exact.
    const auto row = weight_.row(arm);
    double acc = 0.0;
    for (Eigen::Index j = 0; j < row.size(); ++j)
        acc += double(row[j]) * xBeta_[j];
    return acc;
}

double ArmEngine::varianceFloor(std::int64_t depth) const
{
    // §12 I-4: a data-driven variance can be exactly 0 by chance (every sampled product 0 in a sparse
    // row), which would stop the arm early with a wrong estimate. Floor it at a small fraction of the
    // σ̂²-proxy's without-replacement variance. The reference has no floor.
    if (config_.referenceQuirks())
        return 0.0;
    constexpr double kFloorFraction = 1e-3;
    const double D = plan_.effectiveDim;
    const double t = double(depth);
    const double fpc = D > 1 ? (D - t) / (D - 1) : 0.0;
    return kFloorFraction * plan_.sigma2 / t * fpc;
}

const std::vector<double>& ArmEngine::htCoefficients(std::int64_t depth)
{
    // Threshold Horvitz–Thompson (§3.3d) for the prefix of length t: τ = g_π(t+1), ρ = P(ℓ + G > τ);
    // μ̂ = Σ f/ρ and v = Σ f²(1 − ρ)/ρ². Every arm at depth t shares τ, so the per-column factors
    // c1 = β x/ρ and c2 = (β x)²(1 − ρ)/ρ² are computed once per depth.
    if (htDepth_ == depth)
        return htCoeff_;
    const auto t = static_cast<std::size_t>(depth);
    const double tau = depth < plan_.effectiveDim ? plan_.keys[t] : -kInf;
    htCoeff_.resize(2 * t);
    for (std::size_t s = 0; s < t; ++s) {
        const int j = plan_.order[s];
        const double rho = inclusionProbability(plan_.logWeight[static_cast<std::size_t>(j)], tau);
        // ρ > 0 for every positive-weight column; the expm1 form keeps it from underflowing (§12 I-2).
        const double xb = xBeta_[j];
        htCoeff_[s] = xb / rho;
        htCoeff_[t + s] = xb * xb * (1.0 - rho) / (rho * rho);
    }
    htDepth_ = depth;
    return htCoeff_;
}

void ArmEngine::sampledEstimateHorvitzThompson(int arm, std::int64_t depth)
{
    const auto& c = htCoefficients(depth);
    const auto t = static_cast<std::size_t>(depth);
    const float* row = weight_.row(arm).data();
    double mu = 0.0, v = 0.0;
    for (std::size_t s = 0; s < t; ++s) {
        const double a = row[plan_.order[s]];
        mu += a * c[s];
        v += a * a * c[t + s];
    }
    const auto i = static_cast<std::size_t>(arm);
    estimate_[i] = bias_[i] + mu;
    variance_[i] = std::max(v, varianceFloor(depth));
}

void ArmEngine::pullArm(int arm, std::int64_t target)
{
    const auto i = static_cast<std::size_t>(arm);
    const std::int64_t D = plan_.effectiveDim;
    const std::int64_t t0 = depth_[i];
    const std::int64_t t1 = std::min(target, D);
    if (t1 <= t0)
        return;
    totalPulls_ += t1 - t0; // only the new columns are charged (§1.3)
    depth_[i] = t1;
    if (t1 == D) {
        // Full depth: the estimate is exact and its variance 0 (§3.5). With-replacement samplers
        // switch to the exact sum here too: D draws would cost as much as D distinct columns.
        estimate_[i] = bias_[i] + exactSum(arm);
        variance_[i] = 0.0;
        return;
    }
    const float* row = weight_.row(arm).data();
    const double t = double(t1);
    switch (plan_.sampler) {
    case Sampler::UniformWithoutReplacement:
    case Sampler::UniformWithoutReplacementFpc: {
        // §3.3(b): μ̂ = (D/t)·Σ_{s≤t} f_π(s), maintained incrementally.
        double acc = sum_[i];
        for (std::int64_t s = t0; s < t1; ++s) {
            const int j = plan_.order[static_cast<std::size_t>(s)];
            acc += double(row[j]) * xBeta_[j];
        }
        sum_[i] = acc;
        estimate_[i] = bias_[i] + double(D) / t * acc;
        double v = plan_.sigma2 / t; // the reference's conservative σ̂²/t (§12 I-6)
        if (plan_.sampler == Sampler::UniformWithoutReplacementFpc)
            v *= (double(D) - t) / (double(D) - 1.0);
        variance_[i] = v;
        break;
    }
    case Sampler::UniformWithReplacement: {
        // §3.3(a): the paper's model, J_s i.i.d. uniform, y = d·f_J; Var = σ²/t.
        const double d = double(xBeta_.size());
        double acc = sum_[i];
        for (std::int64_t s = t0; s < t1; ++s) {
            const int j = plan_.order[static_cast<std::size_t>(s)];
            acc += d * double(row[j]) * xBeta_[j];
        }
        sum_[i] = acc;
        estimate_[i] = bias_[i] + acc / t;
        variance_[i] = plan_.sigma2 / t;
        break;
    }
    case Sampler::ImportanceWithReplacement: {
        // §3.3(c): y = f_J/q_J, J ~ q; the variance is the sample variance of y over t.
        double acc = sum_[i], accSq = sumSq_[i];
        for (std::int64_t s = t0; s < t1; ++s) {
            const auto j = static_cast<std::size_t>(plan_.order[static_cast<std::size_t>(s)]);
            const double y = double(row[j]) * xBeta_[static_cast<Eigen::Index>(j)] / plan_.drawProbability[j];
            acc += y;
            accSq += y * y;
        }
        sum_[i] = acc;
        sumSq_[i] = accSq;
        const double mean = acc / t;
        estimate_[i] = bias_[i] + mean;
        const double var = t > 1 ? std::max(0.0, (accSq - t * mean * mean) / (t - 1.0)) / t : kInf;
        variance_[i] = std::max(var, varianceFloor(t1));
        break;
    }
    case Sampler::ImportanceWithoutReplacement: sampledEstimateHorvitzThompson(arm, t1); break;
    }
}

void ArmEngine::pullTo(std::span<const int> arms, std::int64_t depth)
{
    for (int arm : arms)
        pullArm(arm, depth);
}

void ArmEngine::exactValues(std::span<const int> arms)
{
    for (int arm : arms) {
        const auto i = static_cast<std::size_t>(arm);
        if (depth_[i] >= plan_.effectiveDim && variance_[i] == 0.0)
            continue;
        totalPulls_ += plan_.effectiveDim - depth_[i];
        depth_[i] = plan_.effectiveDim;
        estimate_[i] = bias_[i] + exactSum(arm);
        variance_[i] = 0.0;
    }
}

} // namespace ada
