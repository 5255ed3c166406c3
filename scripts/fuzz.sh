#!/usr/bin/env bash
# Builds the libFuzzer targets with clang in build-fuzz/ and fuzzes each for SECONDS (default 600,
# the documented long run; CI runs 60), seeded from the test files. Usage:
#   scripts/fuzz.sh [SECONDS] [TARGET...]      e.g. scripts/fuzz.sh 3600 fuzz_numpy
# The corpus grows in build-fuzz/corpus/TARGET across runs; a crash leaves its input in
# build-fuzz/artifacts/TARGET/ and makes the script exit 1. Reproduce with
#   build-fuzz/fuzz/TARGET build-fuzz/artifacts/TARGET/crash-…
# then add the input under tests/data/bad/ with its expected message (MANIFEST.tsv).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
shift || true
all=(fuzz_safetensors fuzz_safetensors_index fuzz_numpy fuzz_idx fuzz_headfile fuzz_scenario)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")
build_dir="${BUILD_DIR:-build-fuzz}"

bash scripts/install-deps.sh
CC=clang CXX=clang++ cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DADASOFTMAX_FUZZ=ON -DADASOFTMAX_BUILD_TESTS=OFF -DADASOFTMAX_WERROR=OFF >/dev/null
cmake --build "$build_dir" -j"${JOBS:-2}" --target "${targets[@]}"

bad=tests/data/bad
seed_dir() { # TARGET: fills $build_dir/seeds/TARGET from the committed test files
    local t=$1 d="$build_dir/seeds/$1"
    rm -rf "$d" && mkdir -p "$d"
    case "$t" in
    fuzz_safetensors) cp "$bad"/safetensors/*.safetensors "$d"/ ;;
    fuzz_safetensors_index) cp "$bad"/safetensors/*.index.json "$d"/ ;;
    fuzz_numpy) # the first byte picks .npy (even) or .npz (odd)
        for f in "$bad"/numpy/*.npy "$bad"/misc/*.npy; do { printf '\x00'; cat "$f"; } >"$d/$(basename "$f")"; done
        for f in "$bad"/numpy/*.npz; do { printf '\x01'; cat "$f"; } >"$d/$(basename "$f")"; done ;;
    fuzz_idx)
        cp "$bad"/idx/* "$d"/
        printf '\x00\x00\x08\x03\x00\x00\x00\x02\x00\x00\x00\x02\x00\x00\x00\x02abcdefgh' >"$d/good-idx3" ;;
    fuzz_headfile) # inputs describe files; a few fixed byte patterns start it
        printf '\x07\x07\x00\x01\x02\x05\x05\x01' >"$d/a"
        printf '\x03\x04\x02\x00\x00\x02\x03\x03\x00\x00\x00\x00\x00\x00\x80\x7f' >"$d/b"
        head -c 256 /dev/zero | tr '\0' '\377' >"$d/c" ;;
    fuzz_scenario)
        printf '%s' '{"format":"adasoftmax-scenario","version":1,"dataset":"synthetic:noisy?n=40&d=4000&m=20&seed=1","query":0,"config":{"eps":0.3,"delta":0.1,"k":1,"preset":"paper","sampler":"is-wor-ht","weights":"both","exact_winner":true,"warmup_cap":0.1,"hadamard":false,"fudge_best":1,"fudge_log":1,"seed":42}}' >"$d/default.json"
        printf '%s' '{"format":"adasoftmax-scenario","version":1,"dataset":"x","query":3,"config":{"seed":"18446744073709551615","temperature":2.5,"noise_bound":0.1}}' >"$d/seed.json"
        printf '%s' '[1, 2' >"$d/bad.json" ;;
    esac
}

status=0
summary=()
for t in "${targets[@]}"; do
    seed_dir "$t"
    mkdir -p "$build_dir/corpus/$t" "$build_dir/artifacts/$t"
    log="$build_dir/fuzz-$t.log"
    echo "fuzz: $t for $seconds s"
    rc=0
    "$build_dir/fuzz/$t" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$build_dir/artifacts/$t/" "$build_dir/corpus/$t" "$build_dir/seeds/$t" >"$log" 2>&1 || rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    corpus=$(find "$build_dir/corpus/$t" -type f | wc -l)
    if [ $rc -ne 0 ]; then
        status=1
        tail -40 "$log"
    fi
    summary+=("$t: ${execs:-?} executions, corpus $corpus files, $([ $rc -eq 0 ] && echo "no crash" || echo "CRASH (exit $rc; see $log)")")
done
printf 'fuzz: %s\n' "${summary[@]}"
exit $status
