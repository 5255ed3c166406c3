#include "AllocatorTuning.h"

#if defined(__GLIBC__)
#include <malloc.h>
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

} // namespace ada
