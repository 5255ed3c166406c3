#!/usr/bin/env bash
# Installs what is missing, builds everything, and runs the whole test suite (benchmarks excluded).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
build_dir="${BUILD_DIR:-build}"
ctest_cmd=(ctest --test-dir "$build_dir" --output-on-failure -LE bench -j2)
# GUI tests need an X server; CTest sets the offscreen platform for the others.
if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null 2>&1; then
  exec xvfb-run -a -s "-screen 0 1600x1000x24" "${ctest_cmd[@]}"
fi
exec "${ctest_cmd[@]}"
