#!/usr/bin/env bash
# Installs what is missing, builds everything including the tests, and runs the whole suite except
# the benchmarks (label "bench") and the stress tests (label "stress", .ci/run's stress stage).
# Exits with CTest's status.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${BUILD_DIR:-build}"

bash scripts/install-deps.sh
bash scripts/build.sh -DADASOFTMAX_BUILD_TESTS=ON

ctest_cmd=(ctest --test-dir "$build_dir" --output-on-failure -LE 'bench|stress' -j2)
# GUI tests need an X server when there is no display (each test also sets the offscreen platform).
if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null 2>&1; then
    ctest_cmd=(xvfb-run -a -s "-screen 0 1600x1000x24" "${ctest_cmd[@]}")
fi
echo "run-tests: ${ctest_cmd[*]}"
exec "${ctest_cmd[@]}"
