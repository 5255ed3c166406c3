#include "AllocatorTuning.h"

#include <cstdint>

#if defined(__GLIBC__)
#include <malloc.h>
#endif
#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace ada {

void configureAllocatorForQueries()
{
#if defined(__GLIBC__)
    // 32 MiB is glibc's largest mmap threshold on 64-bit; heads (hundreds of MB) still get their
    // own mappings and go back to the system when freed. The heap keeps up to 256 MiB of free top.
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
#endif
}

void adviseHugePages(const void* data, std::size_t bytes)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    constexpr std::uintptr_t kHuge = std::uintptr_t(2) << 20;
    const auto from = (reinterpret_cast<std::uintptr_t>(data) + kHuge - 1) & ~(kHuge - 1);
    const auto to = (reinterpret_cast<std::uintptr_t>(data) + bytes) & ~(kHuge - 1);
    if (data == nullptr || to <= from)
        return;
    // The advice changes how the range is paged, never its contents, so a const range may take it.
    void* start = reinterpret_cast<void*>(from);
    const std::size_t length = to - from;
    if (madvise(start, length, MADV_HUGEPAGE) != 0)
        return; // THP unavailable: nothing to collapse into
#if defined(MADV_COLLAPSE)
    (void)madvise(start, length, MADV_COLLAPSE);
#else
    (void)madvise(start, length, 25); // MADV_COLLAPSE on kernels ≥ 6.1 whose headers predate it
#endif
#else
    (void)data;
    (void)bytes;
#endif
}

} // namespace ada
