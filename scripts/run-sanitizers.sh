#!/usr/bin/env bash
# Sanitizer runs of the test suite, each in its own build directory (issue 9):
#   scripts/run-sanitizers.sh asan   AddressSanitizer + UndefinedBehaviorSanitizer + LeakSanitizer on
#                                    the whole suite except benchmarks, stress and the two tests
#                                    named below (build-asan/; only their targets are built)
#   scripts/run-sanitizers.sh tsan   ThreadSanitizer on the run-controller and worker tests (build-tsan/)
# Any report fails the run: UBSan does not recover, ASan/LSan/TSan exit non-zero. Suppressions
# (tests/sanitizers/*.supp) cover third-party libraries only, each with its reason.
set -euo pipefail
cd "$(dirname "$0")/.."
kind="${1:-}"
root="$PWD"
jobs="${JOBS:-2}"

bash scripts/install-deps.sh

# The build targets behind the tests ctest will select with "$@" (a test added with
# adasoftmax_add_test has its target's name), plus the CLI that export_head_py runs: building only
# these skips the benchmarks and the tests left out below, which CI's time limit cannot spare.
selected_targets() {
    comm -12 \
        <(ctest --test-dir "$build_dir" -N "$@" | sed -n 's/^ *Test *#[0-9]*: *//p' | sort) \
        <(ninja -C "$build_dir" -t targets all | sed -n 's/^\([A-Za-z0-9_.+-]*\): phony$/\1/p' | sort)
    echo adasoftmax
}

case "$kind" in
asan)
    build_dir="${BUILD_DIR:-build-asan}"
    # Left out, each for a stated reason: tst_fashionmnist trains three heads (pure Eigen
    # arithmetic), which under ASan runs past its 10-minute timeout on 2 cores; the IDX reader it
    # also tests is covered here by the bad-file corpus and by fuzz_idx. tst_guistall asserts a
    # 100 ms bound on event-loop gaps, a timing that ASan's slowdown breaks; TSan runs it instead.
    ctest_args=(-LE 'bench|stress' -E '^(tst_fashionmnist|tst_guistall)$')
    cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DADASOFTMAX_SANITIZE=ON
    mapfile -t targets < <(selected_targets "${ctest_args[@]}")
    cmake --build "$build_dir" -j"$jobs" --target "${targets[@]}"
    export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:detect_stack_use_after_return=1:strict_init_order=1"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
    export LSAN_OPTIONS="suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0"
    ;;
tsan)
    build_dir="${BUILD_DIR:-build-tsan}"
    targets=(tst_runcontroller tst_guistall)
    cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DADASOFTMAX_TSAN=ON
    cmake --build "$build_dir" -j"$jobs" --target "${targets[@]}"
    export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$root/tests/sanitizers/tsan.supp"
    ctest_args=(-R "^($(IFS='|'; echo "${targets[*]}"))\$")
    ;;
*)
    echo "usage: scripts/run-sanitizers.sh asan|tsan" >&2
    exit 2
    ;;
esac

# The TSan tests run one at a time: both time the GUI thread's event loop while a worker computes,
# and two of them at once on CI's 2 cores would starve each other's GUI thread.
[ "$kind" = tsan ] && test_jobs=1 || test_jobs="$jobs"
ctest_cmd=(ctest --test-dir "$build_dir" --output-on-failure -j"$test_jobs" "${ctest_args[@]}")
if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null 2>&1; then
    ctest_cmd=(xvfb-run -a -s "-screen 0 1600x1000x24" "${ctest_cmd[@]}")
fi
echo "run-sanitizers ($kind): ${ctest_cmd[*]}"
exec "${ctest_cmd[@]}"
