#!/usr/bin/env bash
# Installs what is missing, builds, and launches the application on its built-in default instance.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
build_dir="${BUILD_DIR:-build}"
if [ -x "$build_dir/app/adasoftmax-studio" ]; then
  exec "$build_dir/app/adasoftmax-studio" "$@"
fi
# Without the studio, the command-line tool runs the default synthetic instance.
exec "$build_dir/app/adasoftmax" run "synthetic:noisy?n=100&d=10000&m=200&seed=1" --tune 50 "$@"
