// exp(x) in SIMD lanes, for the n exponentials of a log-sum-exp (exact softmax) and of Algorithm 2's
// targets (the adaptive path): glibc's scalar exp cost 5–6 ns per entry here, Eigen's SSE2 exp 7.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>

namespace ada {

// out[u] = exp(in[u] − shift) for u < N (in and out may be the same array), from basic IEEE
// operations only (no table, no FMA, no branch), so that every SIMD width gives the same bits: within
// 1 ulp of the correctly rounded value (tests/core/tst_vectorexp: 0.92 ulp at most over 190 000
// arguments across the range, subnormal results included), exp(±0) = 1, +∞ above log(DBL_MAX), 0
// below the smallest subnormal's log, NaN for NaN. x = k·ln 2 + r with |r| ≤ ln 2 / 2 (Cody–Waite:
// ln 2 in two parts, the high one short enough that k·ln2Hi is exact), e^r by its Taylor polynomial
// of degree 13 (truncation below 1e-17 relative), and 2^k applied as two factors 2^k1·2^k2 so that
// subnormal results round once.
//
// Each step runs for all N values before the next: one value's Horner chain is 24 dependent
// operations, and with N = 16 the compiler turns each step into four independent AVX2 operations,
// so the chains overlap instead of waiting on their own latency (2.4 ns per value here instead of
// 3.3, the same bits). Always inlined, so that it is compiled for each caller's AVX2 clone.
template <std::size_t N>
inline __attribute__((always_inline)) void expShiftedKernel(const double* in, double* out, double shift)
{
    constexpr double kLog2e = 1.4426950408889634;
    constexpr double kLn2Hi = 6.93147180369123816490e-01; // 0x3fe62e42fee00000: 21 trailing zero bits
    constexpr double kLn2Lo = 1.90821492927058770002e-10;
    constexpr double kShifter = 0x1.8p52; // adding it rounds to an integer, kept in the low bits
    double kShifted[N], k[N], r[N], q[N];
    for (std::size_t u = 0; u < N; ++u) {
        // Clamped so that k stays in [−1077, 1024] (NaN passes through and yields NaN).
        const double x = in[u] - shift;
        const double low = x < -746.0 ? -746.0 : x;
        const double xc = low > 710.0 ? 710.0 : low;
        kShifted[u] = xc * kLog2e + kShifter;
        k[u] = kShifted[u] - kShifter;
        r[u] = (xc - k[u] * kLn2Hi) - k[u] * kLn2Lo;
        q[u] = 1.0 / 6227020800.0; // 1/13!, then Horner down to 1/2!
    }
    constexpr double kTaylor[] = {1.0 / 479001600.0,
                                  1.0 / 39916800.0,
                                  1.0 / 3628800.0,
                                  1.0 / 362880.0,
                                  1.0 / 40320.0,
                                  1.0 / 5040.0,
                                  1.0 / 720.0,
                                  1.0 / 120.0,
                                  1.0 / 24.0,
                                  1.0 / 6.0,
                                  0.5};
    for (const double c : kTaylor)
        for (std::size_t u = 0; u < N; ++u)
            q[u] = q[u] * r[u] + c;
    const std::uint64_t shifterBits = std::bit_cast<std::uint64_t>(kShifter);
    for (std::size_t u = 0; u < N; ++u) {
        const double p = 1.0 + (r[u] + (r[u] * r[u]) * q[u]); // the small terms first, the 1 last
        // k1 = round(k/2), k2 = k − k1: both in [−539, 512], so 2^k1 and 2^k2 are normal numbers.
        const std::uint64_t kInt = std::bit_cast<std::uint64_t>(kShifted[u]) - shifterBits;
        const std::uint64_t k1 = std::bit_cast<std::uint64_t>(k[u] * 0.5 + kShifter) - shifterBits;
        const std::uint64_t k2 = kInt - k1;
        const double s1 = std::bit_cast<double>((k1 + 1023) << 52);
        const double s2 = std::bit_cast<double>((k2 + 1023) << 52);
        out[u] = (p * s1) * s2;
    }
}

// exp(x): the kernel on one value (x − 0 is x, −0 included).
inline double expKernel(double x)
{
    double y;
    expShiftedKernel<1>(&x, &y, 0.0);
    return y;
}

// The largest of v[0 … n − 1] (−∞ for none; a NaN is skipped), in four chains (entry i into chain
// i mod 4) that run in SIMD lanes: max is exact, so this is the one-chain value (up to the sign of
// a zero maximum). The shift of a log-sum-exp, and the leader of an elimination round.
[[nodiscard]] double largestOf(const double* v, std::size_t n);

// v[i] = exp(v[i] − shift) for i < n.
void expShiftedInPlace(double* v, std::size_t n, double shift);

// Σ exp(v[i] − shift) over i < n, in four partial sums (entry i into sum i mod 4, in ascending i)
// added as (s0 + s1) + (s2 + s3): four independent chains instead of one, the same bits in every
// SIMD width.
[[nodiscard]] double sumExpShifted(const double* v, std::size_t n, double shift);

// Adds exp(v[i] − shift) for i < n into partial[(phase + i) mod 4], in ascending i: sumExpShifted's
// partial sums continued across several arrays, as for a sum over the runs of an index set whose
// entries, counted from the set's start, go to sum (position mod 4).
void addExpShifted(const double* v, std::size_t n, double shift, double (&partial)[4], std::size_t phase);

} // namespace ada
