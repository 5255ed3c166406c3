// The vectorised inner loops of the fast pull path (issue 7). Each reads a prefix or a range of the
// column order for a block of arms from the column-major copy of A: columns outer, arms inner, so
// the arms are independent SIMD lanes and every arm still adds its terms in ascending s — the same
// operations in the same order as the arm-by-arm code in ArmEngine.cpp, hence the same bits.
// Built for AVX2 and for the baseline ISA, chosen at load time; FMA is never enabled, because a
// fused multiply-add rounds differently from the separate multiply and add of the reference path.
#pragma once

#include <cstddef>

namespace ada::kernels {

// Where a block's arms sit in each column: `first, first + 1, …` (contiguous) or `arms[k]`.
struct ArmBlock {
    std::size_t size = 0;
    std::size_t first = 0;     // contiguous blocks
    const int* arms = nullptr; // gathered blocks (arms == nullptr: contiguous)
};

// Threshold Horvitz–Thompson over s < count (§3.3d): μ_k = Σ_s a·c1[s], v_k = Σ_s (a·a)·c2[s],
// where a = A(arm_k, π(s)) and columns[s] points at column π(s). Overwrites mu and v.
void horvitzThompson(const float* const* columns, std::size_t count, const ArmBlock& block, const double* c1,
                     const double* c2, double* mu, double* v);

// The same for a few arms read along their rows: rows[k] points at row k, order[s] is π(s). The
// arms' sums are independent dependency chains, so interleaving them hides the add latency that
// bounds one arm's loop. Overwrites mu and v (m entries, m ≤ kRowGroup).
inline constexpr std::size_t kRowGroup = 8;
void horvitzThompsonRows(const float* const* rows, std::size_t m, const int* order, std::size_t count,
                         const double* c1, const double* c2, double* mu, double* v);

// Running sums of the uniform samplers (§3.3a, b): acc_k += (scale·a)·coef[s] for s < count.
void scaledProducts(const float* const* columns, std::size_t count, const ArmBlock& block, double scale,
                    const double* coef, double* acc);

// Importance sampling with replacement (§3.3c): y = (a·coef[s])/q[s]; acc_k += y, accSq_k += y·y.
void importanceRatios(const float* const* columns, std::size_t count, const ArmBlock& block,
                      const double* coef, const double* q, double* acc, double* accSq);

// Des Raj's ordered estimator (is-wor-dr) from s = 0 … count − 1 of a range of the order: with
// y = a·coef[s], z = acc_k + y·factor[s]; acc_k += y; then, for the range's first draw of the whole
// order (`first`), shift_k = z, else zSum_k += z − shift_k and zSumSq_k += (z − shift_k)².
void desRaj(const float* const* columns, std::size_t count, const ArmBlock& block, const double* coef,
            const double* factor, bool first, double* acc, double* shift, double* zSum, double* zSumSq);

// The same for a few arms read along their rows, rows[k] being row k. The range's columns are read
// in ascending column order, columns[u] = π(positions[u]) ascending, so that each row streams,
// into scratch (m × count floats) at their draw positions; the sums then run in draw order.
struct SortedRange {
    const int* columns = nullptr;
    const int* positions = nullptr;
    std::size_t count = 0;
};
void desRajRows(const float* const* rows, std::size_t m, const SortedRange& range, const double* coef,
                const double* factor, bool first, float* scratch, double* acc, double* shift, double* zSum,
                double* zSumSq);

} // namespace ada::kernels
