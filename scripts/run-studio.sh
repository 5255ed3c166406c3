#!/usr/bin/env bash
# Installs what is missing, builds, and launches the application on its built-in default instance.
# Extra arguments are passed to the application.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${BUILD_DIR:-build}"

# What to launch: the studio, on its built-in teaching instance (or the last scenario).
launch=("$build_dir/app/adasoftmax-studio")

bash scripts/install-deps.sh
bash scripts/build.sh
exec "${launch[@]}" "$@"
