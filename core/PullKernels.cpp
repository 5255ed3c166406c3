#include "PullKernels.h"

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

// GCC and clang emit an AVX2 and a baseline version of each function and pick one per CPU at load
// time (an ifunc). Sanitizer and fuzzing builds use the baseline only: ifunc resolvers run before
// the sanitizer runtime is ready.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__SANITIZE_ADDRESS__)                               \
    && !defined(__SANITIZE_THREAD__)
#if defined(__has_feature)
#if !__has_feature(address_sanitizer) && !__has_feature(thread_sanitizer)
#define ADA_KERNEL_CLONES __attribute__((target_clones("avx2", "default")))
#endif
#else
#define ADA_KERNEL_CLONES __attribute__((target_clones("avx2", "default")))
#endif
#endif
#ifndef ADA_KERNEL_CLONES
#define ADA_KERNEL_CLONES
#endif

ADA_KERNEL_CLONES
void horvitzThompson(const float* const* columns, std::size_t count, const ArmBlock& block, const double* c1,
                     const double* c2, double* muOut, double* vOut)
{
    double* __restrict mu = muOut;
    double* __restrict v = vOut;
    const std::size_t m = block.size;
    for (std::size_t k = 0; k < m; ++k)
        mu[k] = v[k] = 0.0;
    for (std::size_t s = 0; s < count; ++s) {
        const double w1 = c1[s], w2 = c2[s];
        prefetchBlock(columns, s, count, block);
        if (!block.arms) {
            const float* __restrict p = columns[s] + block.first;
            for (std::size_t k = 0; k < m; ++k) {
                const double a = p[k];
                mu[k] += a * w1;
                v[k] += a * a * w2;
            }
        } else {
            const float* p = columns[s];
            for (std::size_t k = 0; k < m; ++k) {
                const double a = p[block.arms[k]];
                mu[k] += a * w1;
                v[k] += a * a * w2;
            }
        }
    }
}

ADA_KERNEL_CLONES
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

ADA_KERNEL_CLONES
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

ADA_KERNEL_CLONES
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

} // namespace ada::kernels
