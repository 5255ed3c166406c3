#include "PullKernels.h"

#include "CpuDispatch.h"

namespace ada::kernels {

namespace {

// Columns are visited in a random order, so the hardware prefetcher cannot guess the next one;
// ask for the block's lines of the column kPrefetchAhead steps ahead while this one is summed.
constexpr std::size_t kPrefetchAhead = 4;

inline void prefetchBlock(const float* const* columns, std::size_t s, std::size_t count,
                          const ArmBlock& block)
{
    if (block.arms || s + kPrefetchAhead >= count)
        return;
    const char* p = reinterpret_cast<const char*>(columns[s + kPrefetchAhead] + block.first);
    const char* end = p + 4 * block.size;
    for (; p < end; p += 64)
        __builtin_prefetch(p);
}

} // namespace

namespace {

// Draws s … s + N − 1 of threshold Horvitz–Thompson for every arm of the block: as desRajGroup
// (below), an arm's two sums stay in registers across the N columns, and it still adds its terms
// in ascending s.
template <bool Gathered, std::size_t N>
inline __attribute__((always_inline)) void
horvitzThompsonGroup(const float* const* columns, std::size_t s, const ArmBlock& block, const double* c1,
                     const double* c2, double* __restrict mus, double* __restrict vs)
{
    double w1[N], w2[N];
    const float* p[N];
    const std::size_t offset = Gathered ? 0 : block.first;
    for (std::size_t u = 0; u < N; ++u) {
        w1[u] = c1[s + u];
        w2[u] = c2[s + u];
        p[u] = columns[s + u] + offset;
    }
    const int* __restrict arms = block.arms;
    for (std::size_t k = 0; k < block.size; ++k) {
        const std::size_t at = Gathered ? static_cast<std::size_t>(arms[k]) : k;
        double mu = mus[k], v = vs[k];
#pragma GCC unroll 16
        for (std::size_t u = 0; u < N; ++u) {
            const double a = p[u][at];
            mu += a * w1[u];
            v += a * a * w2[u];
        }
        mus[k] = mu;
        vs[k] = v;
    }
}

constexpr std::size_t kColumnGroup = 4; // columns per pass of the grouped kernels

template <bool Gathered>
inline __attribute__((always_inline)) void
horvitzThompsonDraws(const float* const* columns, std::size_t count, const ArmBlock& block, const double* c1,
                     const double* c2, double* mu, double* v)
{
    std::size_t s = 0;
    for (; s + kColumnGroup <= count; s += kColumnGroup) {
        for (std::size_t u = 0; u < kColumnGroup; ++u)
            prefetchBlock(columns, s + u, count, block);
        horvitzThompsonGroup<Gathered, kColumnGroup>(columns, s, block, c1, c2, mu, v);
    }
    for (; s < count; ++s)
        horvitzThompsonGroup<Gathered, 1>(columns, s, block, c1, c2, mu, v);
}

} // namespace

ADA_AVX2_CLONES
void horvitzThompson(const float* const* columns, std::size_t count, const ArmBlock& block, const double* c1,
                     const double* c2, double* mu, double* v)
{
    for (std::size_t k = 0; k < block.size; ++k)
        mu[k] = v[k] = 0.0;
    if (block.arms)
        horvitzThompsonDraws<true>(columns, count, block, c1, c2, mu, v);
    else
        horvitzThompsonDraws<false>(columns, count, block, c1, c2, mu, v);
}

ADA_AVX2_CLONES
void horvitzThompsonRows(const float* const* rows, std::size_t m, const int* order, std::size_t count,
                         const double* c1, const double* c2, double* muOut, double* vOut)
{
    double mu[kRowGroup] = {}, v[kRowGroup] = {};
    for (std::size_t s = 0; s < count; ++s) {
        const int j = order[s];
        const double w1 = c1[s], w2 = c2[s];
        for (std::size_t k = 0; k < m; ++k) {
            const double a = rows[k][j];
            mu[k] += a * w1;
            v[k] += a * a * w2;
        }
    }
    for (std::size_t k = 0; k < m; ++k) {
        muOut[k] = mu[k];
        vOut[k] = v[k];
    }
}

ADA_AVX2_CLONES
void scaledProducts(const float* const* columns, std::size_t count, const ArmBlock& block, double scale,
                    const double* coef, double* accOut)
{
    double* __restrict acc = accOut;
    const std::size_t m = block.size;
    for (std::size_t s = 0; s < count; ++s) {
        const double w = coef[s];
        prefetchBlock(columns, s, count, block);
        if (!block.arms) {
            const float* __restrict p = columns[s] + block.first;
            for (std::size_t k = 0; k < m; ++k)
                acc[k] += scale * double(p[k]) * w;
        } else {
            const float* p = columns[s];
            for (std::size_t k = 0; k < m; ++k)
                acc[k] += scale * double(p[block.arms[k]]) * w;
        }
    }
}

ADA_AVX2_CLONES
void importanceRatios(const float* const* columns, std::size_t count, const ArmBlock& block,
                      const double* coef, const double* q, double* accOut, double* accSqOut)
{
    double* __restrict acc = accOut;
    double* __restrict accSq = accSqOut;
    const std::size_t m = block.size;
    for (std::size_t s = 0; s < count; ++s) {
        const double w = coef[s], qs = q[s];
        prefetchBlock(columns, s, count, block);
        const float* p = columns[s];
        for (std::size_t k = 0; k < m; ++k) {
            const double a = block.arms ? p[block.arms[k]] : p[block.first + k];
            const double y = a * w / qs;
            acc[k] += y;
            accSq[k] += y * y;
        }
    }
}

namespace {

// Draws s … s + N − 1 for every arm of the block: an arm's sums stay in registers across the N
// columns, so the block's state is loaded and stored once per N columns instead of once per column
// (with N = 1 the state traffic, not the arithmetic, bounded the loop; 8 is no faster than 4). For a
// gathered block the arm's index is loaded once for the N columns too. Each arm still adds its
// terms in ascending s: the same operations in the same order, hence the same bits.
template <bool Gathered, std::size_t N>
inline __attribute__((always_inline)) void
desRajGroup(const float* const* columns, std::size_t s, const ArmBlock& block, const double* coef,
            const double* factor, double* __restrict accs, const double* __restrict shifts,
            double* __restrict sums, double* __restrict sumSqs)
{
    double w[N], f[N];
    const float* p[N];
    const std::size_t offset = Gathered ? 0 : block.first;
    for (std::size_t u = 0; u < N; ++u) {
        w[u] = coef[s + u];
        f[u] = factor[s + u];
        p[u] = columns[s + u] + offset;
    }
    const int* __restrict arms = block.arms;
    for (std::size_t k = 0; k < block.size; ++k) {
        const std::size_t at = Gathered ? static_cast<std::size_t>(arms[k]) : k;
        double acc = accs[k], sum = sums[k], sumSq = sumSqs[k];
        const double sh = shifts[k];
#pragma GCC unroll 16
        for (std::size_t u = 0; u < N; ++u) { // z = acc + y·f, then the shifted sums of z
            const double y = double(p[u][at]) * w[u];
            const double dz = (acc + y * f[u]) - sh;
            acc += y;
            sum += dz;
            sumSq += dz * dz;
        }
        accs[k] = acc;
        sums[k] = sum;
        sumSqs[k] = sumSq;
    }
}

template <bool Gathered>
inline __attribute__((always_inline)) void desRajDraws(const float* const* columns, std::size_t s,
                                                       std::size_t count, const ArmBlock& block,
                                                       const double* coef, const double* factor, double* acc,
                                                       const double* shift, double* zSum, double* zSumSq)
{
    for (; s + kColumnGroup <= count; s += kColumnGroup) {
        for (std::size_t u = 0; u < kColumnGroup; ++u)
            prefetchBlock(columns, s + u, count, block);
        desRajGroup<Gathered, kColumnGroup>(columns, s, block, coef, factor, acc, shift, zSum, zSumSq);
    }
    for (; s < count; ++s)
        desRajGroup<Gathered, 1>(columns, s, block, coef, factor, acc, shift, zSum, zSumSq);
}

} // namespace

ADA_AVX2_CLONES
void desRaj(const float* const* columns, std::size_t count, const ArmBlock& block, const double* coef,
            const double* factor, bool first, double* accOut, double* shiftOut, double* zSumOut,
            double* zSumSqOut)
{
    double* __restrict acc = accOut;
    double* __restrict shift = shiftOut;
    const std::size_t m = block.size;
    std::size_t s = 0;
    if (first && count > 0) { // the order's first draw: z_0 becomes the shift
        const double w = coef[0], f = factor[0];
        const float* p = columns[0];
        for (std::size_t k = 0; k < m; ++k) {
            const double y = double(block.arms ? p[block.arms[k]] : p[block.first + k]) * w;
            shift[k] = acc[k] + y * f;
            acc[k] += y;
        }
        s = 1;
    }
    if (block.arms)
        desRajDraws<true>(columns, s, count, block, coef, factor, acc, shift, zSumOut, zSumSqOut);
    else
        desRajDraws<false>(columns, s, count, block, coef, factor, acc, shift, zSumOut, zSumSqOut);
}

ADA_AVX2_CLONES
void desRajRows(const float* const* rows, std::size_t m, const SortedRange& range, const double* coef,
                const double* factor, bool first, float* scratch, double* accOut, double* shiftOut,
                double* zSumOut, double* zSumSqOut)
{
    const std::size_t count = range.count;
    // Row k + 1's lines are requested while row k is read: the rows are scattered and no hardware
    // prefetcher follows them, so this keeps more than one row's misses in flight.
    for (std::size_t k = 0; k < m; ++k) {
        const float* row = rows[k];
        const float* next = k + 1 < m ? rows[k + 1] : nullptr;
        float* into = scratch + k * count;
        if (next)
            for (std::size_t u = 0; u < count; ++u) {
                __builtin_prefetch(next + range.columns[u]);
                into[range.positions[u]] = row[range.columns[u]];
            }
        else
            for (std::size_t u = 0; u < count; ++u)
                into[range.positions[u]] = row[range.columns[u]];
    }
    double acc[kRowGroup], shift[kRowGroup], zSum[kRowGroup], zSumSq[kRowGroup];
    for (std::size_t k = 0; k < m; ++k) {
        acc[k] = accOut[k];
        shift[k] = shiftOut[k];
        zSum[k] = zSumOut[k];
        zSumSq[k] = zSumSqOut[k];
    }
    std::size_t s = 0;
    if (first && count > 0) {
        for (std::size_t k = 0; k < m; ++k) {
            const double y = double(scratch[k * count]) * coef[0];
            shift[k] = acc[k] + y * factor[0];
            acc[k] += y;
        }
        s = 1;
    }
    for (; s < count; ++s) {
        const double w = coef[s], f = factor[s];
        for (std::size_t k = 0; k < m; ++k) {
            const double y = double(scratch[k * count + s]) * w;
            const double dz = (acc[k] + y * f) - shift[k];
            acc[k] += y;
            zSum[k] += dz;
            zSumSq[k] += dz * dz;
        }
    }
    for (std::size_t k = 0; k < m; ++k) {
        accOut[k] = acc[k];
        shiftOut[k] = shift[k];
        zSumOut[k] = zSum[k];
        zSumSqOut[k] = zSumSq[k];
    }
}

} // namespace ada::kernels
