// The allocator policy of the CLI and the studio (core/AllocatorTuning.h): the heap keeps freed
// memory mapped for the queries' buffers, and releaseFreeHeap gives a loader's transient buffers
// back to the system.
#include "core/AllocatorTuning.h"

#include <QtTest>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <vector>

#include <unistd.h>

using namespace ada;

namespace {

// Resident set of this process in MB (Linux /proc/self/statm); 0 where unavailable.
double residentMegabytes()
{
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    if (!(statm >> pages >> resident))
        return 0.0;
    return double(resident) * double(sysconf(_SC_PAGESIZE)) / 1e6;
}

} // namespace

class TestAllocatorTuning : public QObject {
    Q_OBJECT

private slots:
    void freedHeapStaysUntilReleased();
};

void TestAllocatorTuning::freedHeapStaysUntilReleased()
{
#if !defined(__GLIBC__) || !defined(__linux__)
    QSKIP("the policy is glibc's on Linux; elsewhere it does nothing");
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    QSKIP("a sanitizer's allocator replaces glibc's");
#endif
    configureAllocatorForQueries();
    // 96 buffers of 1 MiB, like a loader's blocks: below the mmap threshold, so from the heap; a
    // small allocation after them keeps the heap's top from shrinking on its own.
    constexpr int kBuffers = 96;
    constexpr std::size_t kSize = std::size_t(1) << 20;
    const double before = residentMegabytes();
    std::vector<void*> buffers;
    for (int b = 0; b < kBuffers; ++b) {
        buffers.push_back(std::malloc(kSize));
        QVERIFY(buffers.back() != nullptr);
        std::memset(buffers.back(), 1, kSize); // resident
    }
    void* pin = std::malloc(64);
    for (void* p : buffers)
        std::free(p);
    const double freed = residentMegabytes();
    releaseFreeHeap();
    const double released = residentMegabytes();
    std::free(pin);
    qInfo("resident: %.1f MB before, %.1f after freeing %d MiB, %.1f after releaseFreeHeap", before, freed,
          kBuffers, released);
    QVERIFY2(freed - before > 80.0, "the freed heap stays mapped for the next buffers");
    QVERIFY2(freed - released > 80.0, "releaseFreeHeap returns it");
}

QTEST_APPLESS_MAIN(TestAllocatorTuning)
#include "tst_allocatortuning.moc"
