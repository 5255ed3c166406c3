#!/usr/bin/env bash
# Installs what is missing, builds, and launches the application on its built-in default instance.
# Extra arguments are passed to the application.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${BUILD_DIR:-build}"

# What to launch. Until the studio exists, the command-line tool runs the default synthetic instance;
# once it does, this becomes: launch=("$build_dir/app/adasoftmax-studio")
launch=("$build_dir/app/adasoftmax" run "synthetic:noisy?n=100&d=10000&m=200&seed=1" --tune 50)

bash scripts/install-deps.sh
bash scripts/build.sh
exec "${launch[@]}" "$@"
