#!/usr/bin/env bash
# Fails, listing the files, if any tracked C++ source (*.h, *.cpp) differs from .clang-format's layout.
# scripts/format.sh fixes them.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang-format >/dev/null 2>&1 || { echo "check-format: clang-format not found (scripts/install-deps.sh)" >&2; exit 2; }

mapfile -t files < <(git ls-files -- '*.h' '*.cpp')
bad=()
for f in "${files[@]}"; do
    [ -f "$f" ] || continue # deleted in the work tree but not yet in the index
    if ! clang-format --dry-run -Werror "$f" >/dev/null 2>&1; then
        bad+=("$f")
    fi
done

if [ ${#bad[@]} -gt 0 ]; then
    echo "check-format: ${#bad[@]} of ${#files[@]} files need clang-format (run scripts/format.sh):"
    printf '  %s\n' "${bad[@]}"
    exit 1
fi
echo "check-format: all ${#files[@]} files formatted ($(clang-format --version | head -n1))"
