#include "VectorExp.h"

#include "CpuDispatch.h"

#include <algorithm>

namespace ada {

// Built with -fno-trapping-math (core/CMakeLists.txt): the clamp's selects would otherwise stay
// branches, which keep the loops out of SIMD lanes. No operation changes: the bits are the same.

namespace {
constexpr std::size_t kLockstep = 16; // values per kernel call (see expShiftedKernel; 8 and 12 are slower)
}

ADA_AVX2_CLONES void expShiftedInPlace(double* v, std::size_t n, double shift)
{
    std::size_t i = 0;
    for (; i + kLockstep <= n; i += kLockstep)
        expShiftedKernel<kLockstep>(v + i, v + i, shift);
    for (; i < n; ++i)
        expShiftedKernel<1>(v + i, v + i, shift);
}

ADA_AVX2_CLONES double sumExpShifted(const double* v, std::size_t n, double shift)
{
    // The exponentials of a block in SIMD lanes, then the block added into the four partial sums.
    constexpr std::size_t kBlock = 256;
    double block[kBlock];
    double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
    for (std::size_t from = 0; from < n; from += kBlock) {
        const std::size_t size = std::min(kBlock, n - from);
        std::size_t j = 0;
        for (; j + kLockstep <= size; j += kLockstep) // kBlock is a multiple of kLockstep
            expShiftedKernel<kLockstep>(v + from + j, block + j, shift);
        for (; j < size; ++j)
            expShiftedKernel<1>(v + from + j, block + j, shift);
        j = 0;
        for (; j + 4 <= size; j += 4) { // kBlock is a multiple of 4: entry from + j goes to s_(j mod 4)
            s0 += block[j];
            s1 += block[j + 1];
            s2 += block[j + 2];
            s3 += block[j + 3];
        }
        if (j < size) // the last block's at most three remaining entries
            s0 += block[j++];
        if (j < size)
            s1 += block[j++];
        if (j < size)
            s2 += block[j];
    }
    return (s0 + s1) + (s2 + s3);
}

} // namespace ada
