#include "VectorExp.h"

#include "CpuDispatch.h"

#include <algorithm>
#include <limits>

namespace ada {

// Built with -fno-trapping-math (core/CMakeLists.txt): the clamp's selects would otherwise stay
// branches, which keep the loops out of SIMD lanes. No operation changes: the bits are the same.

namespace {
constexpr std::size_t kLockstep = 16; // values per kernel call (see expShiftedKernel; 8 and 12 are slower)
}

ADA_AVX2_CLONES double largestOf(const double* v, std::size_t n)
{
    constexpr double kNone = -std::numeric_limits<double>::infinity();
    double m[4] = {kNone, kNone, kNone, kNone};
    std::size_t i = 0;
    for (; i + 4 <= n; i += 4)
        for (std::size_t c = 0; c < 4; ++c)
            m[c] = std::max(m[c], v[i + c]);
    for (std::size_t c = 0; i < n; ++i, ++c)
        m[c] = std::max(m[c], v[i]);
    return std::max(std::max(m[0], m[1]), std::max(m[2], m[3]));
}

ADA_AVX2_CLONES void expShiftedInPlace(double* v, std::size_t n, double shift)
{
    std::size_t i = 0;
    for (; i + kLockstep <= n; i += kLockstep)
        expShiftedKernel<kLockstep>(v + i, v + i, shift);
    for (; i < n; ++i)
        expShiftedKernel<1>(v + i, v + i, shift);
}

ADA_AVX2_CLONES void addExpShifted(const double* v, std::size_t n, double shift, double (&partial)[4],
                                   std::size_t phase)
{
    // The exponentials of a block in SIMD lanes, then the block added into the four partial sums,
    // held in the order this call's entries meet them: entry i goes to s_(i mod 4).
    constexpr std::size_t kBlock = 256;
    double block[kBlock];
    double& r0 = partial[phase % 4];
    double& r1 = partial[(phase + 1) % 4];
    double& r2 = partial[(phase + 2) % 4];
    double& r3 = partial[(phase + 3) % 4];
    double s0 = r0, s1 = r1, s2 = r2, s3 = r3;
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
    r0 = s0;
    r1 = s1;
    r2 = s2;
    r3 = s3;
}

double sumExpShifted(const double* v, std::size_t n, double shift)
{
    double partial[4] = {0.0, 0.0, 0.0, 0.0};
    addExpShifted(v, n, shift, partial, 0);
    return (partial[0] + partial[1]) + (partial[2] + partial[3]);
}

} // namespace ada
