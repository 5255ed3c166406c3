// The longest event-loop gap the GUI-thread tests (tst_runcontroller, tst_guistall) allow while a
// large run goes on the worker. ThreadSanitizer, which runs both tests for races on the worker
// hand-off, slows our own GUI-thread code (views, replay) several times over, so there the bound
// only catches a run computed on the GUI thread (seconds under TSan); the 100 ms bound itself is
// asserted by the uninstrumented build (.ci/run's tests stage).
#pragma once

#include <QtGlobal>

#if defined(__SANITIZE_THREAD__) // GCC
#define ADASOFTMAX_TEST_TSAN 1
#elif defined(__has_feature) // clang
#if __has_feature(thread_sanitizer)
#define ADASOFTMAX_TEST_TSAN 1
#endif
#endif

namespace ada::test {

#if defined(ADASOFTMAX_TEST_TSAN)
inline constexpr qint64 kMaxEventLoopGapMs = 1000;
#else
inline constexpr qint64 kMaxEventLoopGapMs = 100;
#endif

} // namespace ada::test
