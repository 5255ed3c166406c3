// Process-wide allocator setting for running many queries (issue 7).
#pragma once

namespace ada {

// A query allocates a few O(d) buffers (the query in double, β·x, the column order's pool). With
// glibc's default, buffers of a few MB come from fresh mmap()s and are returned at free(), so every
// query pays a page fault per 4 KiB of them — at d = 10⁶ about 20 MB, more time than the pulls.
// This keeps such buffers on the heap and the freed heap mapped, so later queries reuse the pages.
// Call once at start-up (the CLI and the studio do). No effect off glibc.
void configureAllocatorForQueries();

} // namespace ada
