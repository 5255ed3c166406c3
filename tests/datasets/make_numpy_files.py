#!/usr/bin/env python3
"""Writes the NumPy fixtures for tst_numpy: .npy and .npz files exactly as numpy writes them (the
malformed ones are committed in tests/data/bad/numpy/ instead).

Usage: make_numpy_files.py OUTPUT_DIR

Closed-form values, exact in float16, so the C++ test compares exactly (as in make_head_files.py):
    weight[i, j] = i * 0.5 - j * 0.25     (n = 5, d = 7)
    bias[i]      = i * 0.25 - 1
    x[q, j]      = q - j * 0.125          (m = 3)
    label[q]     = (2 * q + 1) % n
Arrays with other values are dumped next to their file as little-endian float32 (*.f32) or int64
(*.i64), converted by numpy itself, and compared byte for byte.
"""
import os
import sys

import numpy as np

N, D, M = 5, 7, 3


def weight(dtype="<f4"):
    i, j = np.meshgrid(np.arange(N), np.arange(D), indexing="ij")
    return (i * 0.5 - j * 0.25).astype(dtype)


def bias(dtype="<f4"):
    return (np.arange(N) * 0.25 - 1).astype(dtype)


def queries(dtype="<f4"):
    q, j = np.meshgrid(np.arange(M), np.arange(D), indexing="ij")
    return (q - j * 0.125).astype(dtype)


def labels(dtype="<i8"):
    return ((2 * np.arange(M) + 1) % N).astype(dtype)


def write_npy(out):
    path = lambda name: os.path.join(out, name)
    # Every float dtype in both byte orders, C and Fortran order, and the three format versions.
    for dtype in ("<f2", "<f4", "<f8", ">f2", ">f4", ">f8"):
        tag = dtype[1:] + ("_be" if dtype[0] == ">" else "")
        np.save(path("w_%s.npy" % tag), weight(dtype))
        np.save(path("w_fortran_%s.npy" % tag), np.asfortranarray(weight(dtype)))
    for version in ((2, 0), (3, 0)):
        with open(path("w_v%d.npy" % version[0]), "wb") as f:
            np.lib.format.write_array(f, weight(), version=version)
    np.save(path("bias_f2_be.npy"), bias(">f2"))
    np.save(path("x_f8.npy"), queries("<f8"))

    # Every integer dtype in both byte orders, with its extreme values.
    for kind in "iu":
        for size in (1, 2, 4, 8):
            for order in ("<", ">") if size > 1 else ("|",):
                dtype = np.dtype("%s%s%d" % (order, kind, size))
                info = np.iinfo(dtype)
                top = min(int(info.max), 2**63 - 1)
                values = np.array(sorted({int(info.min), 0, 1, top, top - 1} | ({-1} if kind == "i" else set())),
                                  dtype=dtype)
                name = "int_%s%d%s" % (kind, size, "_be" if order == ">" else "")
                np.save(path(name + ".npy"), values)
                values.astype("<i8").tofile(path(name + ".i64"))

    # Every finite float16, in both byte orders: the bit-exact check of the float16 conversion.
    bits = np.arange(65536, dtype=np.uint16)
    half = bits.view("<f2")
    finite = half[np.isfinite(half)].reshape(2, -1)
    np.save(path("all_f16.npy"), finite)
    np.save(path("all_f16_be.npy"), finite.astype(">f2"))
    finite.astype("<f4").tofile(path("all_f16.f32"))

    # float64 spread over float32's whole range, subnormals included: rounding as numpy rounds.
    rng = np.random.default_rng(11)
    wide = np.clip(rng.standard_normal((40, 50)) * 10.0 ** rng.uniform(-46, 38, (40, 50)), -3e38, 3e38)
    np.save(path("wide_f8.npy"), wide)
    wide.astype("<f4").tofile(path("wide_f8.f32"))


def write_npz(out):
    path = lambda name: os.path.join(out, name)
    np.savez(path("savez.npz"), weight=weight(), x=queries(), bias=bias(), labels=labels())
    np.savez_compressed(path("compressed.npz"), W=weight("<f2"), X=queries("<f8"), b=bias(">f8"),
                        y=labels("|u1"))
    np.savez(path("a_queries_label.npz"), A=np.asfortranarray(weight(">f8")), queries=queries(">f2"),
             label=labels(">i4"))
    np.savez_compressed(path("lm_head.npz"), **{"lm_head.weight": weight(), "x": queries()})
    # Named neither weight nor W, A, lm_head.weight: the only 2-D array that is not the queries.
    np.savez_compressed(path("other_name.npz"), embedding=weight(), x=queries(), b=bias())
    # Options pick V and c over the W and b the rules would take.
    np.savez(path("options.npz"), V=weight(), W=np.zeros((2, 2), "<f4"), b=np.zeros(2, "<f4"), c=bias())
    np.savez(path("queries_only.npz"), features=queries(), y=labels())
    np.savez(path("empty.npz"))

    # Larger than a read block (1 MiB) and deflated, float16 in Fortran order: blocks, transposition
    # and the zip stream together.
    rng = np.random.default_rng(5)
    big = rng.standard_normal((300, 4001)).astype("<f2")
    np.savez_compressed(path("big.npz"), W=np.asfortranarray(big), x=big[:3].astype("<f4"))
    big.astype("<f4").tofile(path("big.f32"))


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    write_npy(out)
    write_npz(out)


if __name__ == "__main__":
    main()
