#include "AllocatorTuning.h"

#include <cstdint>
#include <cstdlib>

#if defined(__GLIBC__)
#include <malloc.h>
#endif
#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace ada {

namespace {

constexpr std::uintptr_t kHugePage = std::uintptr_t(2) << 20;

// The whole 2 MiB pages inside [data, data + bytes): MADV_HUGEPAGE, then, if `collapse`,
// MADV_COLLAPSE (which backs the pages already touched with huge pages now, not eventually).
void adviseRange(const void* data, std::size_t bytes, bool collapse)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    const auto from = (reinterpret_cast<std::uintptr_t>(data) + kHugePage - 1) & ~(kHugePage - 1);
    const auto to = (reinterpret_cast<std::uintptr_t>(data) + bytes) & ~(kHugePage - 1);
    if (data == nullptr || to <= from)
        return;
    // The advice changes how the range is paged, never its contents, so a const range may take it.
    void* start = reinterpret_cast<void*>(from);
    const std::size_t length = to - from;
    if (madvise(start, length, MADV_HUGEPAGE) != 0 || !collapse)
        return; // without THP there is nothing to collapse into
#if defined(MADV_COLLAPSE)
    (void)madvise(start, length, MADV_COLLAPSE);
#else
    (void)madvise(start, length, 25); // MADV_COLLAPSE on kernels ≥ 6.1 whose headers predate it
#endif
#else
    (void)data;
    (void)bytes;
    (void)collapse;
#endif
}

} // namespace

void configureAllocatorForQueries()
{
#if defined(__GLIBC__)
    // 32 MiB is glibc's largest mmap threshold on 64-bit; heads (hundreds of MB) still get their
    // own mappings and go back to the system when freed. The heap keeps up to 256 MiB of free top.
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    // One arena for every thread, so that the studio's worker allocates from the main heap, which
    // adviseHugePagesForQueries puts on huge pages (a few allocations per query: the shared lock
    // costs nothing here).
    mallopt(M_ARENA_MAX, 1);
#endif
}

void adviseHugePages(const void* data, std::size_t bytes)
{
    adviseRange(data, bytes, /*collapse=*/true);
}

// glibc's mallinfo2 (the main heap's size) came with 2.33.
#if defined(__GLIBC__) && defined(__linux__) && defined(MADV_HUGEPAGE)
#if __GLIBC_PREREQ(2, 33)
#define ADA_HEAP_ON_HUGE_PAGES 1
#endif
#endif

void adviseHugePagesForQueries()
{
#if defined(ADA_HEAP_ON_HUGE_PAGES)
    // The main heap is contiguous from sbrk(0) − arena up to sbrk(0). Its freed chunks (a loader's
    // buffers) are where the next queries' arrays will come from, already faulted in as 4 KiB
    // pages: collapse them. Then grow the heap by up to 64 MiB, advise that without touching it and
    // free it again (kept: below the trim threshold), so that arrays carved from the top fault in
    // as huge pages.
    const struct mallinfo2 info = mallinfo2();
    const auto top = reinterpret_cast<std::uintptr_t>(sbrk(0));
    if (info.arena == 0 || top < info.arena)
        return;
    adviseRange(reinterpret_cast<const void*>(top - info.arena), info.arena, /*collapse=*/true);
    constexpr std::size_t kPiece = 16 << 20; // below the mmap threshold: from the heap
    constexpr int kPieces = 4;
    void* pieces[kPieces] = {};
    for (void*& piece : pieces)
        piece = std::malloc(kPiece);
    const auto end = reinterpret_cast<std::uintptr_t>(sbrk(0));
    if (end > top) // the pieces that did not fit in free chunks grew the heap contiguously
        adviseRange(reinterpret_cast<const void*>(top), end - top, /*collapse=*/false);
    for (int p = kPieces - 1; p >= 0; --p)
        std::free(pieces[p]);
#endif
}

void releaseFreeHeap()
{
#if defined(__GLIBC__)
    (void)malloc_trim(0);
#endif
}

} // namespace ada
