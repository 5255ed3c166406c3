// ArmEngine's Des Raj estimator (is-wor-dr): the O(1)-per-column update of its running sums, their
// estimate and variance, and the fast path's block kernels for it. See ArmEngine.cpp for the rest.
#include "ArmBlocks.h"
#include "ArmEngine.h"
#include "PullKernels.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace ada {

using namespace blocks; // the fast path's block helpers (ArmBlocks.h)

ArmEngine::DesRajScale ArmEngine::desRajScale(std::int64_t depth) const
{
    // μ̂ = mean of z_0 … z_{t−1}; v = their sample variance over t, an unbiased estimate of Var(μ̂)
    // because the z are uncorrelated (each is unbiased given the draws before it). The divisions
    // are shared by every arm at this depth.
    const double t = double(depth);
    return {1.0 / t, t > 1 ? 1.0 / ((t - 1.0) * t) : std::numeric_limits<double>::infinity(),
            varianceFloor(depth)};
}

namespace {

// μ̂ − β·b (the mean of the z) and v from the shifted sums; at depth 1 the spread is 0 and its factor
// ∞: the variance is unknown, hence ∞ (`finite` is false).
inline double desRajMean(double shift, double zSum, double inverseDepth)
{
    return shift + zSum * inverseDepth;
}

inline double desRajVariance(double zSum, double zSumSq, double inverseDepth, double factor, double floor,
                             bool finite)
{
    const double spread = std::max(0.0, zSumSq - zSum * zSum * inverseDepth);
    return std::max(finite ? spread * factor : std::numeric_limits<double>::infinity(), floor);
}

} // namespace

void ArmEngine::finishDesRaj(std::size_t i, double acc, double shift, double zSum, double zSumSq,
                             const DesRajScale& scale)
{
    desRaj_[i] = {acc, shift, zSum, zSumSq};
    estimate_[i] = bias(i) + desRajMean(shift, zSum, scale.inverseDepth);
    variance_[i] = desRajVariance(zSum, zSumSq, scale.inverseDepth, scale.varianceFactor, scale.floor,
                                  !std::isinf(scale.varianceFactor));
}

void ArmEngine::pullColumnsDesRaj(std::span<const int> batch, std::int64_t t0, std::int64_t t1)
{
    setColumnPointers(t0, t1);
    const auto count = static_cast<std::size_t>(t1 - t0);
    coefficients_.resize(count);
    probabilities_.resize(count);
    for (std::size_t s = 0; s < count; ++s) {
        const auto at = t0 + static_cast<std::int64_t>(s);
        coefficients_[s] = xBeta_[plan_.column(at)];
        probabilities_[s] = plan_.desRajFactor(at);
    }
    const bool first = t0 == 0;
    const DesRajScale scale = desRajScale(t1);
    sortedColumns_.clear(); // sorted on the first block that reads rows
    const std::int64_t rowLines = linesPerRow(t1 - t0, weight_.cols());
    blockA_.resize(2 * kBlock);
    blockB_.resize(2 * kBlock);
    blockC_.resize(2 * kBlock);
    double* acc = blockA_.data();
    double* shift = blockA_.data() + kBlock;
    double* zSum = blockB_.data();
    double* zSumSq = blockB_.data() + kBlock;
    // The largest new variance and estimate in four chains each (entry k of a block into chain
    // k mod 4; max is exact, so the chains give the one-chain value), for lastDesRajBatch.
    constexpr double kNone = -std::numeric_limits<double>::infinity();
    double largest[4] = {kNone, kNone, kNone, kNone};
    double largestMu[4] = {kNone, kNone, kNone, kNone};
    for (std::size_t from = 0; from < batch.size(); from += kBlock) {
        const kernels::ArmBlock block = armBlock(batch, from, std::min(kBlock, batch.size() - from));
        for (std::size_t k = 0; k < block.size; ++k) {
            // Every arm of the batch is at depth t0; at 0 its state was never written.
            const DesRajState state = first ? DesRajState{0.0, 0.0, 0.0, 0.0}
                                            : desRaj_[static_cast<std::size_t>(batch[from + k])];
            acc[k] = state.acc;
            shift[k] = state.shift;
            zSum[k] = state.zSum;
            zSumSq[k] = state.zSumSq;
        }
        // As for Horvitz–Thompson, a sparse block reads the new columns along its rows; any other
        // block gathers its arms from each column, four columns per pass (PullKernels).
        const std::int64_t columnCost = linesPerColumn(block) * static_cast<std::int64_t>(count);
        const std::int64_t rowCost = static_cast<std::int64_t>(block.size) * rowLines;
        if (rowCost < columnCost) {
            if (sortedColumns_.empty())
                sortRange(t0, t1);
            const kernels::SortedRange range{sortedColumns_.data(), sortedPositions_.data(), count};
            const float* rows[kernels::kRowGroup];
            for (std::size_t g = 0; g < block.size; g += kernels::kRowGroup) {
                const std::size_t m = std::min(kernels::kRowGroup, block.size - g);
                for (std::size_t k = 0; k < m; ++k)
                    rows[k] = weight_.row(batch[from + g + k]).data();
                kernels::desRajRows(rows, m, range, coefficients_.data(), probabilities_.data(), first,
                                    rowScratch_.data(), acc + g, shift + g, zSum + g, zSumSq + g);
            }
            bytesRead_ += kLine * rowCost;
        } else {
            kernels::desRaj(columnPointers_.data(), count, block, coefficients_.data(), probabilities_.data(),
                            first, acc, shift, zSum, zSumSq);
            bytesRead_ += kLine * columnCost;
        }
        // finishDesRaj for the block: the arithmetic over its contiguous sums (SIMD lanes), then one
        // scattered write of each arm's state, estimate, variance and depth.
        double* mean = blockC_.data();
        double* var = blockC_.data() + kBlock;
        const bool finite = !std::isinf(scale.varianceFactor);
        for (std::size_t k = 0; k < block.size; ++k) {
            mean[k] = desRajMean(shift[k], zSum[k], scale.inverseDepth);
            var[k] = desRajVariance(zSum[k], zSumSq[k], scale.inverseDepth, scale.varianceFactor, scale.floor,
                                    finite);
        }
        for (std::size_t k = 0; k < block.size; ++k) // std::max(a, NaN) keeps a
            largest[k % 4] = std::max(largest[k % 4], var[k]);
        for (std::size_t k = 0; k < block.size; ++k) {
            const auto i = static_cast<std::size_t>(batch[from + k]);
            const double estimate = bias(i) + mean[k];
            desRaj_[i] = {acc[k], shift[k], zSum[k], zSumSq[k]};
            estimate_[i] = estimate;
            variance_[i] = var[k];
            depth_[i] = t1;
            largestMu[k % 4] = std::max(largestMu[k % 4], estimate);
        }
    }
    lastDesRajBatch_ = {batch.size(), totalPulls_,
                        std::max(std::max(largest[0], largest[1]), std::max(largest[2], largest[3])),
                        std::max(std::max(largestMu[0], largestMu[1]), std::max(largestMu[2], largestMu[3]))};
}

void ArmEngine::sortRange(std::int64_t t0, std::int64_t t1)
{
    const auto count = static_cast<std::size_t>(t1 - t0);
    sortedPositions_.resize(count);
    std::iota(sortedPositions_.begin(), sortedPositions_.end(), 0);
    std::sort(sortedPositions_.begin(), sortedPositions_.end(),
              [&](int a, int b) { return plan_.column(t0 + a) < plan_.column(t0 + b); });
    sortedColumns_.resize(count);
    for (std::size_t u = 0; u < count; ++u)
        sortedColumns_[u] = plan_.column(t0 + sortedPositions_[u]);
    rowScratch_.resize(kernels::kRowGroup * count);
}

} // namespace ada
