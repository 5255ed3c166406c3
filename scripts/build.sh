#!/usr/bin/env bash
# Configures and builds everything (both executables and, unless -DADASOFTMAX_BUILD_TESTS=OFF is passed,
# all tests) with Ninja. BUILD_DIR (default build) and BUILD_TYPE (default Release) override; extra
# arguments go to the CMake configure step, e.g. scripts/build.sh -DADASOFTMAX_SANITIZE=ON.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${BUILD_DIR:-build}"
build_type="${BUILD_TYPE:-Release}"
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" "$@"
cmake --build "$build_dir" -j"$(nproc)"
