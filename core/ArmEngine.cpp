#include "ArmEngine.h"

#include "ArmBlocks.h"
#include "PullKernels.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace ada {

using namespace blocks; // the fast path's block helpers (ArmBlocks.h)
namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
}

ArmEngine::ArmEngine(const PreparedHead& prepared, Eigen::VectorXd xBeta, SamplingPlan plan,
                     const Config& config, InitialState initial)
    : prepared_(prepared)
    , weight_(prepared.weight())
    , columns_(prepared.columnMajor())
    , xBeta_(std::move(xBeta))
    , plan_(std::move(plan))
    , config_(config)
{
    const auto n = static_cast<std::size_t>(weight_.rows());
    const Head& head = prepared.head();
    if (head.hasBias()) {
        bias_.resize(n);
        for (std::size_t i = 0; i < n; ++i)
            bias_[i] = prepared.temperature() * double(head.bias[static_cast<Eigen::Index>(i)]);
    }
    estimate_.resize(n);
    variance_.resize(n);
    depth_.resize(n);
    if (plan_.sampler == Sampler::ImportanceWithoutReplacementDesRaj)
        desRaj_.reset(new DesRajState[n]); // default-initialised: no zeroing (see ArmEngine.h)
    else
        sum_.assign(n, 0.0);
    if (plan_.sampler == Sampler::ImportanceWithReplacement)
        sumSq_.assign(n, 0.0);
    // pullFresh writes every arm in one pass only through pullColumnsDesRaj (see InitialState).
    fresh_ = initial == InitialState::Deferred && columns_
        && plan_.sampler == Sampler::ImportanceWithoutReplacementDesRaj && plan_.effectiveDim > 0;
    if (!fresh_)
        setInitialState(0, n);
}

void ArmEngine::setInitialState(std::size_t from, std::size_t to)
{
    // x = 0 or all weights 0 (D = 0): every logit is exactly β·b_i, known without a pull (§12 I-3).
    const double v = plan_.effectiveDim == 0 ? 0.0 : kInf;
    for (std::size_t i = from; i < to; ++i) {
        estimate_[i] = bias(i);
        variance_[i] = v;
        depth_[i] = 0;
    }
}

void ArmEngine::materialise()
{
    if (fresh_) {
        setInitialState(0, estimate_.size());
        fresh_ = false;
    }
}

void ArmEngine::pullFresh(std::span<const int> arms, std::span<const ArmRun> runs, std::int64_t depth)
{
    const std::int64_t t = std::min<std::int64_t>(depth, plan_.effectiveDim);
    if (!fresh_ || t <= 0 || t == plan_.effectiveDim || arms.empty()) {
        // Not the one-pass case (the exact sums at full depth go arm by arm): the state first.
        materialise();
        pullTo(arms, depth);
        return;
    }
    fresh_ = false;
    std::size_t next = 0; // the first arm not yet given a state
    for (const ArmRun& run : runs) {
        setInitialState(next, run.first);
        next = run.first + run.length;
    }
    setInitialState(next, estimate_.size());
    // What pullTo charges for a batch of arms at depth 0; pullColumnsDesRaj writes each arm's
    // state, estimate, variance and depth.
    totalPulls_ += static_cast<std::int64_t>(arms.size()) * t;
    shallowestPull_ = std::min(shallowestPull_, t);
    pullColumnsDesRaj(arms, 0, t);
}

double ArmEngine::exactSum(int arm) const
{
    // Columns of zero weight contribute exactly 0 (§3.5), so summing over all of them is exact.
    // Eight interleaved partial sums, added pairwise at the end: one running sum would wait on the
    // add's latency at every column. Every path computes exact values here, so they agree bitwise.
    const float* row = weight_.row(arm).data();
    const double* x = xBeta_.data();
    const std::size_t d = static_cast<std::size_t>(weight_.cols());
    constexpr std::size_t kLanes = 8;
    double part[kLanes] = {};
    std::size_t j = 0;
    for (; j + kLanes <= d; j += kLanes)
        for (std::size_t u = 0; u < kLanes; ++u)
            part[u] += double(row[j + u]) * x[j + u];
    for (std::size_t u = 0; j < d; ++j, ++u)
        part[u] += double(row[j]) * x[j];
    return ((part[0] + part[1]) + (part[2] + part[3])) + ((part[4] + part[5]) + (part[6] + part[7]));
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
    plan_.extendTo(depth + 1);
    const auto t = static_cast<std::size_t>(depth);
    const double tau = depth < plan_.effectiveDim ? plan_.threshold(depth) : -kInf;
    htCoeff_.resize(2 * t);
    for (std::size_t s = 0; s < t; ++s) {
        const int j = plan_.column(static_cast<std::int64_t>(s));
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
        const double a = row[plan_.column(static_cast<std::int64_t>(s))];
        mu += a * c[s];
        v += a * a * c[t + s];
    }
    const auto i = static_cast<std::size_t>(arm);
    estimate_[i] = bias(i) + mu;
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
    shallowestPull_ = std::min(shallowestPull_, t1);
    if (t1 == D) {
        // Full depth: the estimate is exact and its variance 0 (§3.5). With-replacement samplers
        // switch to the exact sum here too: D draws would cost as much as D distinct columns.
        estimate_[i] = bias(i) + exactSum(arm);
        variance_[i] = 0.0;
        return;
    }
    plan_.extendTo(t1);
    const float* row = weight_.row(arm).data();
    double acc = sum_.empty() ? 0.0 : sum_[i], accSq = sumSq_.empty() ? 0.0 : sumSq_[i];
    switch (plan_.sampler) {
    case Sampler::UniformWithoutReplacement:
    case Sampler::UniformWithoutReplacementFpc:
        for (std::int64_t s = t0; s < t1; ++s) {
            const int j = plan_.column(s);
            acc += double(row[j]) * xBeta_[j];
        }
        break;
    case Sampler::UniformWithReplacement: {
        const double d = double(xBeta_.size());
        for (std::int64_t s = t0; s < t1; ++s) {
            const int j = plan_.column(s);
            acc += d * double(row[j]) * xBeta_[j];
        }
        break;
    }
    case Sampler::ImportanceWithReplacement:
        for (std::int64_t s = t0; s < t1; ++s) {
            const auto j = static_cast<std::size_t>(plan_.column(s));
            const double y = double(row[j]) * xBeta_[static_cast<Eigen::Index>(j)] / plan_.drawProbability[j];
            acc += y;
            accSq += y * y;
        }
        break;
    case Sampler::ImportanceWithoutReplacement: sampledEstimateHorvitzThompson(arm, t1); return;
    case Sampler::ImportanceWithoutReplacementDesRaj: {
        // Des Raj's ordered estimator: draw s gives z_s = Σ_{r<s} y_r + y_s·(1 − Q_s)/q_s, unbiased
        // for Σ_j y_j whatever came before. The z are kept shifted by z_0 so that their spread is
        // not lost to cancellation against their common mean. PullKernels' desRaj does the same
        // operations in the same order.
        const DesRajState state = t0 == 0 ? DesRajState{0.0, 0.0, 0.0, 0.0} : desRaj_[i];
        acc = state.acc;
        double shift = state.shift, zSum = state.zSum, zSumSq = state.zSumSq;
        for (std::int64_t s = t0; s < t1; ++s) {
            const int j = plan_.column(s);
            const double y = double(row[j]) * xBeta_[j];
            const double z = acc + y * plan_.desRajFactor(s);
            acc += y;
            if (s == 0) {
                shift = z;
            } else {
                const double dz = z - shift;
                zSum += dz;
                zSumSq += dz * dz;
            }
        }
        finishDesRaj(i, acc, shift, zSum, zSumSq, desRajScale(t1));
        return;
    }
    }
    finishRunningSums(i, acc, accSq, t1);
}

void ArmEngine::finishRunningSums(std::size_t i, double acc, double accSq, std::int64_t depth)
{
    const double D = plan_.effectiveDim;
    const double t = double(depth);
    sum_[i] = acc;
    switch (plan_.sampler) {
    case Sampler::UniformWithoutReplacement:
    case Sampler::UniformWithoutReplacementFpc: {
        // §3.3(b): μ̂ = (D/t)·Σ_{s≤t} f_π(s), maintained incrementally.
        estimate_[i] = bias(i) + D / t * acc;
        double v = plan_.sigma2 / t; // the reference's conservative σ̂²/t (§12 I-6)
        if (plan_.sampler == Sampler::UniformWithoutReplacementFpc)
            v *= (D - t) / (D - 1.0);
        variance_[i] = v;
        break;
    }
    case Sampler::UniformWithReplacement: // §3.3(a): the paper's model, y = d·f_J; Var = σ²/t
        estimate_[i] = bias(i) + acc / t;
        variance_[i] = plan_.sigma2 / t;
        break;
    case Sampler::ImportanceWithReplacement: {
        // §3.3(c): y = f_J/q_J, J ~ q; the variance is the sample variance of y over t.
        sumSq_[i] = accSq;
        const double mean = acc / t;
        estimate_[i] = bias(i) + mean;
        const double var = t > 1 ? std::max(0.0, (accSq - t * mean * mean) / (t - 1.0)) / t : kInf;
        variance_[i] = std::max(var, varianceFloor(depth));
        break;
    }
    case Sampler::ImportanceWithoutReplacement: // recomputed whole (sampledEstimateHorvitzThompson)
    case Sampler::ImportanceWithoutReplacementDesRaj: break; // finishDesRaj
    }
}

void ArmEngine::pullTo(std::span<const int> arms, std::int64_t depth)
{
    materialise();
    pullTo(arms, depth, nullptr);
}

void ArmEngine::pullTo(std::span<const int> arms, std::int64_t depth, const StopRule* stop)
{
    const std::int64_t D = plan_.effectiveDim;
    const std::int64_t t = std::min(depth, D);
    if (!columns_ || t == D) {
        // Straightforward kernels, or the exact row sums at full depth (§3.5), arm by arm.
        for (int arm : arms) {
            const std::int64_t t0 = depth_[static_cast<std::size_t>(arm)];
            if (t0 < t)
                bytesRead_ += rowPullBytes(t0, t);
            pullArm(arm, depth);
        }
        return;
    }
    // One pass finds the arms below t, the pulls they are charged and whether they share a depth.
    // Locals, not the struct, so that the sums stay in registers; compacted without a branch.
    std::size_t lead = 0; // the first arm below t (nearly always the first arm)
    while (lead < arms.size() && depth_[static_cast<std::size_t>(arms[lead])] >= t)
        ++lead;
    if (lead == arms.size())
        return;
    shallowestPull_ = std::min(shallowestPull_, t); // every arm below t goes to t
    const std::int64_t first = depth_[static_cast<std::size_t>(arms[lead])];
    arms = arms.subspan(lead);
    batch_.resize(arms.size());
    std::size_t count = 0;
    std::int64_t pulls = 0;
    bool common = true;
    for (int arm : arms) {
        const std::int64_t t0 = depth_[static_cast<std::size_t>(arm)];
        const bool below = t0 < t;
        batch_[count] = arm;
        count += below ? 1 : 0;
        pulls += below ? t - t0 : 0;
        common &= !below | (t0 == first);
    }
    batch_.resize(count);
    pullColumns(batch_, t, stop, BatchShape{pulls, first, common});
}

std::int64_t ArmEngine::rowPullBytes(std::int64_t t0, std::int64_t t) const
{
    const std::int64_t d = weight_.cols();
    if (t >= plan_.effectiveDim)
        return 4 * d; // the exact sum reads the whole row
    // Horvitz–Thompson re-reads the whole prefix; the running sums read only the new columns.
    const std::int64_t read = plan_.sampler == Sampler::ImportanceWithoutReplacement ? t : t - t0;
    return kLine * linesPerRow(read, d);
}

void ArmEngine::setColumnPointers(std::int64_t from, std::int64_t to)
{
    plan_.extendTo(to + 1);
    const float* base = columns_->data();
    const Eigen::Index n = columns_->rows();
    columnPointers_.resize(static_cast<std::size_t>(to - from));
    for (std::int64_t s = from; s < to; ++s)
        columnPointers_[static_cast<std::size_t>(s - from)] = base + Eigen::Index(plan_.column(s)) * n;
}

void ArmEngine::pullColumns(std::span<const int> batch, std::int64_t t, const StopRule* stop,
                            const BatchShape& shape)
{
    totalPulls_ += shape.pulls; // only the new columns are charged (§1.3)
    if (plan_.sampler == Sampler::ImportanceWithoutReplacement) {
        pullColumnsHorvitzThompson(batch, t, stop);
    } else {
        // The running sums extend from each arm's depth; one column pass serves the arms that share
        // it (every arm of a batched phase), the rest go arm by arm.
        const std::int64_t t0 = shape.depth;
        const bool common = shape.common;
        if (common && plan_.sampler == Sampler::ImportanceWithoutReplacementDesRaj) {
            pullColumnsDesRaj(batch, t0, t);
            return; // it sets the arms' depths
        } else if (plan_.sampler == Sampler::ImportanceWithoutReplacementDesRaj) {
            // The partition phase's arms lag behind by different numbers of steps: each group of
            // arms at one depth (in ascending row order, as blocks want them) runs through the
            // kernels together instead of arm by arm.
            byDepth_.assign(batch.begin(), batch.end());
            std::sort(byDepth_.begin(), byDepth_.end(), [&](int a, int b) {
                const auto da = depth_[static_cast<std::size_t>(a)], db = depth_[static_cast<std::size_t>(b)];
                return da < db || (da == db && a < b);
            });
            for (std::size_t from = 0; from < byDepth_.size();) {
                const std::int64_t depth = depth_[static_cast<std::size_t>(byDepth_[from])];
                std::size_t to = from + 1;
                while (to < byDepth_.size() && depth_[static_cast<std::size_t>(byDepth_[to])] == depth)
                    ++to;
                pullColumnsDesRaj(std::span<const int>(byDepth_).subspan(from, to - from), depth, t);
                from = to;
            }
            return; // pullColumnsDesRaj set the arms' depths
        } else if (common) {
            pullColumnsIncremental(batch, t0, t);
        } else {
            for (int arm : batch) {
                totalPulls_ -= t - depth_[static_cast<std::size_t>(arm)]; // pullArm charges it again
                bytesRead_ += rowPullBytes(depth_[static_cast<std::size_t>(arm)], t);
                pullArm(arm, t);
            }
            return;
        }
    }
    for (int arm : batch)
        depth_[static_cast<std::size_t>(arm)] = t;
}

void ArmEngine::pullColumnsHorvitzThompson(std::span<const int> batch, std::int64_t t, const StopRule* stop)
{
    const auto& c = htCoefficients(t); // [c1 | c2], shared by every arm at depth t
    setColumnPointers(0, t);
    blockA_.resize(kBlock);
    blockB_.resize(kBlock);
    const double floor = varianceFloor(t);
    const std::int64_t rowLines = linesPerRow(t, weight_.cols());
    for (std::size_t from = 0; from < batch.size(); from += kBlock) {
        const kernels::ArmBlock block = armBlock(batch, from, std::min(kBlock, batch.size() - from));
        // A sparse block (late elimination rounds) would cost one cache miss per element down the
        // columns; its rows, read whole, are cheaper then.
        const std::int64_t columnCost = linesPerColumn(block) * t;
        const std::int64_t rowCost = static_cast<std::int64_t>(block.size) * rowLines;
        if (rowCost < columnCost) {
            horvitzThompsonAlongRows(batch.subspan(from, block.size), t);
            bytesRead_ += kLine * rowCost;
            if (stop && blockHasActiveArm(batch.subspan(from, block.size), *stop))
                return;
            continue;
        }
        // Any other block gathers its arms from each column, four columns per pass (PullKernels):
        // with each arm's sums in registers that is faster than running the columns over every row
        // the block spans (docs/performance.md).
        kernels::horvitzThompson(columnPointers_.data(), static_cast<std::size_t>(t), block, c.data(),
                                 c.data() + t, blockA_.data(), blockB_.data());
        bytesRead_ += kLine * columnCost;
        for (std::size_t k = 0; k < block.size; ++k) {
            const auto i = static_cast<std::size_t>(batch[from + k]);
            estimate_[i] = bias(i) + blockA_[k];
            variance_[i] = std::max(blockB_[k], floor);
        }
        if (stop && blockHasActiveArm(batch.subspan(from, block.size), *stop))
            return; // the loop goes on; the arms after this block are recomputed at the next step
    }
}

void ArmEngine::horvitzThompsonAlongRows(std::span<const int> arms, std::int64_t t)
{
    const auto& c = htCoefficients(t);
    const float* rows[kernels::kRowGroup];
    double mu[kernels::kRowGroup], v[kernels::kRowGroup];
    for (std::size_t from = 0; from < arms.size(); from += kernels::kRowGroup) {
        const std::size_t m = std::min(kernels::kRowGroup, arms.size() - from);
        for (std::size_t k = 0; k < m; ++k)
            rows[k] = weight_.row(arms[from + k]).data();
        kernels::horvitzThompsonRows(rows, m, plan_.columns().data(), static_cast<std::size_t>(t), c.data(),
                                     c.data() + t, mu, v);
        for (std::size_t k = 0; k < m; ++k) {
            const auto i = static_cast<std::size_t>(arms[from + k]);
            estimate_[i] = bias(i) + mu[k];
            variance_[i] = std::max(v[k], varianceFloor(t));
        }
    }
}

bool ArmEngine::blockHasActiveArm(std::span<const int> arms, const StopRule& stop) const
{
    return std::any_of(arms.begin(), arms.end(), [&](int arm) {
        return stop.fudge * variance_[static_cast<std::size_t>(arm)] > stop.target;
    });
}

void ArmEngine::pullColumnsIncremental(std::span<const int> batch, std::int64_t t0, std::int64_t t1)
{
    setColumnPointers(t0, t1);
    const auto count = static_cast<std::size_t>(t1 - t0);
    coefficients_.resize(count);
    for (std::size_t s = 0; s < count; ++s)
        coefficients_[s] = xBeta_[plan_.column(t0 + static_cast<std::int64_t>(s))];
    const bool ratios = plan_.sampler == Sampler::ImportanceWithReplacement;
    if (ratios) {
        probabilities_.resize(count);
        for (std::size_t s = 0; s < count; ++s)
            probabilities_[s] = plan_.drawProbability[static_cast<std::size_t>(
                plan_.column(t0 + static_cast<std::int64_t>(s)))];
    }
    // uniform-wr draws y = d·f_J (§3.3a); multiplying by exactly 1 keeps uniform-wor's a·x bits.
    const double scale = plan_.sampler == Sampler::UniformWithReplacement ? double(xBeta_.size()) : 1.0;
    blockA_.resize(kBlock);
    blockB_.resize(kBlock);
    for (std::size_t from = 0; from < batch.size(); from += kBlock) {
        const kernels::ArmBlock block = armBlock(batch, from, std::min(kBlock, batch.size() - from));
        for (std::size_t k = 0; k < block.size; ++k) {
            const auto i = static_cast<std::size_t>(batch[from + k]);
            blockA_[k] = sum_[i];
            blockB_[k] = ratios ? sumSq_[i] : 0.0;
        }
        if (ratios)
            kernels::importanceRatios(columnPointers_.data(), count, block, coefficients_.data(),
                                      probabilities_.data(), blockA_.data(), blockB_.data());
        else
            kernels::scaledProducts(columnPointers_.data(), count, block, scale, coefficients_.data(),
                                    blockA_.data());
        bytesRead_ += kLine * linesPerColumn(block) * static_cast<std::int64_t>(count);
        for (std::size_t k = 0; k < block.size; ++k) {
            const auto i = static_cast<std::size_t>(batch[from + k]);
            finishRunningSums(i, blockA_[k], blockB_[k], t1);
        }
    }
}

void ArmEngine::exactValues(std::span<const int> arms)
{
    materialise();
    for (int arm : arms) {
        const auto i = static_cast<std::size_t>(arm);
        if (depth_[i] >= plan_.effectiveDim && variance_[i] == 0.0)
            continue;
        totalPulls_ += plan_.effectiveDim - depth_[i];
        depth_[i] = plan_.effectiveDim;
        bytesRead_ += 4 * weight_.cols(); // one full row
        estimate_[i] = bias(i) + exactSum(arm);
        variance_[i] = 0.0;
    }
}

} // namespace ada
