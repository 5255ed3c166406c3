#!/usr/bin/env bash
# Applies .clang-format to every tracked C++ source.
set -euo pipefail
cd "$(dirname "$0")/.."
git ls-files '*.h' '*.cpp' | xargs clang-format -i
