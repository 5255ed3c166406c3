// The fast path's block helpers shared by ArmEngine's pull code (ArmEngine.cpp, ArmEngineDesRaj.cpp):
// arm blocks for the kernels and the cache-line counts that choose between column and row reads.
#pragma once

#include "PullKernels.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>

namespace ada::blocks {

constexpr std::size_t kBlock = 512; // arms per block: 2 × 4 KiB of accumulators stay in L1
constexpr std::int64_t kLine = 64;  // bytes per cache line, for bytesRead()

// The arms of `arms[from, from + size)` as a kernel block: contiguous when they are consecutive
// rows in ascending order (every arm of a query without exclusions), gathered otherwise.
inline kernels::ArmBlock armBlock(std::span<const int> arms, std::size_t from, std::size_t size)
{
    kernels::ArmBlock block;
    block.size = size;
    const int first = arms[from];
    bool contiguous = true;
    for (std::size_t k = 1; k < size && contiguous; ++k)
        contiguous = arms[from + k] == first + static_cast<int>(k);
    if (contiguous)
        block.first = static_cast<std::size_t>(first);
    else
        block.arms = arms.data() + from;
    return block;
}

// Cache lines one column of A holds for the block: the 16-float lines its arms fall in.
inline std::int64_t linesPerColumn(const kernels::ArmBlock& block)
{
    if (!block.arms)
        return (4 * static_cast<std::int64_t>(block.size) + kLine - 1) / kLine + 1;
    std::int64_t lines = 0, last = -1;
    for (std::size_t k = 0; k < block.size; ++k) {
        const std::int64_t line = block.arms[k] / (kLine / 4);
        lines += line != last ? 1 : 0;
        last = line;
    }
    return lines;
}

// Expected cache lines of one row of d floats that `count` distinct columns (a uniformly spread
// prefix) fall in: a line of 16 columns is missed with probability ≈ (1 − count/d)^16.
inline std::int64_t linesPerRow(std::int64_t count, std::int64_t d)
{
    const double lines = std::ceil(4.0 * double(d) / kLine);
    const double missed = std::pow(std::max(0.0, 1.0 - double(count) / double(d)), kLine / 4);
    return static_cast<std::int64_t>(std::ceil(lines * (1.0 - missed)));
}

} // namespace ada::blocks
