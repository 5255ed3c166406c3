// exp(x) in SIMD lanes, for the n exponentials of a log-sum-exp (exact softmax) and of Algorithm 2's
// targets (the adaptive path): glibc's scalar exp cost 5–6 ns per entry here, Eigen's SSE2 exp 7.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>

namespace ada {

// exp(x) from basic IEEE operations only (no table, no FMA, no branch), so every SIMD width gives
// the same bits: within 1 ulp of the correctly rounded value (tests/core/tst_vectorexp: 0.92 ulp at
// most over 190 000 arguments across the range, subnormal results included), exp(±0) = 1, +∞ above
// log(DBL_MAX), 0 below the smallest subnormal's log, NaN for NaN. x = k·ln 2 + r with |r| ≤ ln 2 / 2
// (Cody–Waite: ln 2 in two parts, the high one short enough that k·ln2Hi is exact), e^r by its Taylor
// polynomial of degree 13 (truncation below 1e-17 relative), and 2^k applied as two factors 2^k1·2^k2 so that
// subnormal results round once.
inline double expKernel(double x)
{
    constexpr double kLog2e = 1.4426950408889634;
    constexpr double kLn2Hi = 6.93147180369123816490e-01; // 0x3fe62e42fee00000: 21 trailing zero bits
    constexpr double kLn2Lo = 1.90821492927058770002e-10;
    constexpr double kShifter = 0x1.8p52; // adding it rounds to an integer, kept in the low bits
    // Clamped so that k stays in [−1077, 1024] (NaN passes through and yields NaN).
    const double low = x < -746.0 ? -746.0 : x;
    const double xc = low > 710.0 ? 710.0 : low;
    const double kShifted = xc * kLog2e + kShifter;
    const double k = kShifted - kShifter;
    const double r = (xc - k * kLn2Hi) - k * kLn2Lo;
    double q = 1.0 / 6227020800.0; // 1/13!, then Horner down to 1/2!
    q = q * r + 1.0 / 479001600.0;
    q = q * r + 1.0 / 39916800.0;
    q = q * r + 1.0 / 3628800.0;
    q = q * r + 1.0 / 362880.0;
    q = q * r + 1.0 / 40320.0;
    q = q * r + 1.0 / 5040.0;
    q = q * r + 1.0 / 720.0;
    q = q * r + 1.0 / 120.0;
    q = q * r + 1.0 / 24.0;
    q = q * r + 1.0 / 6.0;
    q = q * r + 0.5;
    const double p = 1.0 + (r + (r * r) * q); // the small terms first, the 1 last
    // k1 = round(k/2), k2 = k − k1: both in [−539, 512], so 2^k1 and 2^k2 are normal numbers.
    const std::uint64_t shifterBits = std::bit_cast<std::uint64_t>(kShifter);
    const std::uint64_t kInt = std::bit_cast<std::uint64_t>(kShifted) - shifterBits;
    const std::uint64_t k1 = std::bit_cast<std::uint64_t>(k * 0.5 + kShifter) - shifterBits;
    const std::uint64_t k2 = kInt - k1;
    const double s1 = std::bit_cast<double>((k1 + 1023) << 52);
    const double s2 = std::bit_cast<double>((k2 + 1023) << 52);
    return (p * s1) * s2;
}

// v[i] = exp(v[i] − shift) for i < n.
void expShiftedInPlace(double* v, std::size_t n, double shift);

// Σ exp(v[i] − shift) over i < n, in four partial sums (entry i into sum i mod 4, in ascending i)
// added as (s0 + s1) + (s2 + s3): four independent chains instead of one, the same bits in every
// SIMD width.
[[nodiscard]] double sumExpShifted(const double* v, std::size_t n, double shift);

} // namespace ada
