// Process-wide allocator setting for running many queries (issue 7).
#pragma once

#include <cstddef>

namespace ada {

// A query allocates a few O(d) buffers (the query in double, β·x, the column order's pool). With
// glibc's default, buffers of a few MB come from fresh mmap()s and are returned at free(), so every
// query pays a page fault per 4 KiB of them — at d = 10⁶ about 20 MB, more time than the pulls.
// This keeps such buffers on the heap and the freed heap mapped, so later queries reuse the pages,
// and gives every thread the one main arena, so that a worker thread's queries use that heap too
// (adviseHugePagesForQueries puts it on huge pages). Call once at start-up (the CLI and the studio
// do). No effect off glibc.
void configureAllocatorForQueries();

// Asks the kernel to back the whole 2 MiB pages inside [data, data + bytes) with transparent huge
// pages, and, where it can (Linux 6.1's MADV_COLLAPSE), to do so now rather than eventually. A
// head's rows and its column-major copy are read for every query; on 4 KiB pages the matrix–vector
// product over a 136 MB head missed the TLB enough to run 22–30 % slower, and the adaptive path's
// scattered reads 7–11 %. Advice only: without THP (or off Linux) nothing changes, and it never fails.
void adviseHugePages(const void* data, std::size_t bytes);

// Puts the per-query arrays on huge pages too: collapses the process's heap (where freed loader
// buffers will hold the next queries' estimates, variances, depths and sampler state: 22 MB per
// query at n = 341 479) and advises 64 MiB of fresh heap above it. Called when a head is prepared
// for many queries. Their scattered accesses then miss the TLB less: GloVe's adaptive path ran
// 4–6 % faster. Advice only; glibc on Linux, nothing elsewhere.
void adviseHugePagesForQueries();

// Returns the free pages inside the heap to the system (glibc's malloc_trim). The heap is kept
// mapped for the queries' buffers (configureAllocatorForQueries), so a loader's transient buffers
// would otherwise stay resident: loading GloVe's 137 MB head left 242 MB resident, 155 MB after
// this. Call once a dataset is loaded, before preparing it. No effect off glibc.
void releaseFreeHeap();

} // namespace ada
