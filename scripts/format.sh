#!/usr/bin/env bash
# Applies .clang-format in place to every tracked C++ source (*.h, *.cpp).
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files -- '*.h' '*.cpp')
existing=()
for f in "${files[@]}"; do
    [ -f "$f" ] && existing+=("$f")
done
if [ ${#existing[@]} -gt 0 ]; then
    clang-format -i "${existing[@]}"
fi
echo "format: ${#existing[@]} files"
