#!/usr/bin/env python3
"""Writes the HDF5 fixtures for tst_headfile: head files as h5py and NumPy write them, good ones
in every variant HEAD_FORMAT.md allows and bad ones that break one rule each.

Usage: make_head_files.py OUTPUT_DIR

Good files use closed-form values that are exact in float16, so the C++ test can compare exactly:
    weight[i, j] = i * 0.5 - j * 0.25     (n = 5, d = 7)
    bias[i]      = i * 0.25 - 1
    x[q, j]      = q - j * 0.125          (m = 3)
    label[q]     = (2 * q + 1) % n
random.h5 holds NumPy random values; its exact bytes are dumped next to it as little-endian float32.
"""
import os
import sys

import h5py
import numpy as np

N, D, M = 5, 7, 3
VOCAB = ["zero", "café", "日本語", "tok 3", ""]


def weight(dtype="f4", n=N, d=D):
    i, j = np.meshgrid(np.arange(n), np.arange(d), indexing="ij")
    return (i * 0.5 - j * 0.25).astype(dtype)


def bias(dtype="f4", n=N):
    return (np.arange(n) * 0.25 - 1).astype(dtype)


def queries(dtype="f4", m=M, d=D):
    q, j = np.meshgrid(np.arange(m), np.arange(d), indexing="ij")
    return (q - j * 0.125).astype(dtype)


def labels(dtype="i8", m=M):
    return ((2 * np.arange(m) + 1) % N).astype(dtype)


def new_file(out, name, fmt="adasoftmax-head", version=1):
    f = h5py.File(os.path.join(out, name), "w")
    if fmt is not None:
        f.attrs["format"] = fmt
    if version is not None:
        f.attrs["version"] = version
    return f


def write_good(out):
    # Only the required parts, float32, contiguous.
    with new_file(out, "good_f32.h5") as f:
        f.create_dataset("head/weight", data=weight("f4"))

    # float16 everywhere a float may be.
    with new_file(out, "good_f16.h5") as f:
        f.create_dataset("head/weight", data=weight("f2"))
        f.create_dataset("head/bias", data=bias("f2"))
        f.create_dataset("queries/x", data=queries("f2"))

    # float64, every optional part, variable-length UTF-8 strings as h5py writes a str.
    with new_file(out, "good_f64_full.h5") as f:
        f.attrs["temperature"] = 0.5
        f.attrs["model"] = "tiny-model"
        f.attrs["dataset"] = "unit-test queries"
        f.attrs["description"] = "a head with every optional part — ünïcode"
        f.create_dataset("head/weight", data=weight("f8"))
        f.create_dataset("head/bias", data=bias("f8"))
        f.create_dataset("queries/x", data=queries("f8"))
        f.create_dataset("queries/label", data=labels("i4"))
        f.create_dataset("vocab", data=np.array(VOCAB, dtype=object), dtype=h5py.string_dtype())

    # Chunked + gzip + shuffle, fixed-length string attributes and vocab, other integer types, and
    # extra datasets / attributes a later version might add.
    with new_file(out, "good_chunked.h5", fmt=np.bytes_(b"adasoftmax-head"), version=np.int32(1)) as f:
        f.attrs["temperature"] = np.float32(2.0)
        f.attrs["model"] = np.bytes_(b"fixed-model")
        f.attrs["future_attribute"] = [1, 2, 3]
        f.create_dataset("head/weight", data=weight("f4"), chunks=(2, 3), compression="gzip",
                         compression_opts=9, shuffle=True)
        f.create_dataset("queries/x", data=queries("f4"), chunks=(1, 4), compression="gzip", shuffle=True)
        f.create_dataset("queries/label", data=labels("u1"))
        f.create_dataset("vocab", data=np.array([b"a", b"bb", b"ccc", b"dddd", b"eeeee"], dtype="S5"))
        f.create_dataset("extra/stuff", data=np.arange(10))
        f.create_dataset("queries/future", data=np.zeros((M, 2)))

    # Random values, compared bit for bit against NumPy's own bytes.
    rng = np.random.default_rng(7)
    w = rng.standard_normal((13, 37)).astype("f4")
    x = rng.standard_normal((4, 37)).astype("f4")
    with new_file(out, "random.h5") as f:
        f.create_dataset("head/weight", data=w, compression="gzip")
        f.create_dataset("queries/x", data=x, chunks=(3, 5), compression="gzip", shuffle=True)
    w.astype("<f4").tofile(os.path.join(out, "random_weight.bin"))
    x.astype("<f4").tofile(os.path.join(out, "random_queries.bin"))


def write_bad(out):
    with new_file(out, "no_format.h5", fmt=None) as f:
        f.create_dataset("head/weight", data=weight())
    with new_file(out, "wrong_format.h5", fmt="something-else") as f:
        f.create_dataset("head/weight", data=weight())
    with new_file(out, "format_not_string.h5", fmt=5) as f:
        f.create_dataset("head/weight", data=weight())
    with new_file(out, "no_version.h5", version=None) as f:
        f.create_dataset("head/weight", data=weight())
    with new_file(out, "version2.h5", version=2) as f:
        f.create_dataset("head/weight", data=weight())
    with new_file(out, "no_weight.h5") as f:
        f.create_dataset("queries/x", data=queries())
    with new_file(out, "weight_group.h5") as f:
        f.create_group("head/weight")
    with new_file(out, "weight_1d.h5") as f:
        f.create_dataset("head/weight", data=np.ones(7, "f4"))
    with new_file(out, "n1.h5") as f:
        f.create_dataset("head/weight", data=np.ones((1, 4), "f4"))
    with new_file(out, "int_weight.h5") as f:
        f.create_dataset("head/weight", data=np.ones((N, D), "i4"))
    with new_file(out, "string_weight.h5") as f:
        f.create_dataset("head/weight", data=np.array([["a", "b"], ["c", "d"]], dtype=object),
                         dtype=h5py.string_dtype())
    with new_file(out, "bias_length.h5") as f:
        f.create_dataset("head/weight", data=weight())
        f.create_dataset("head/bias", data=bias(n=N - 1))
    with new_file(out, "vocab_length.h5") as f:
        f.create_dataset("head/weight", data=weight())
        f.create_dataset("vocab", data=np.array(VOCAB[:3], dtype=object), dtype=h5py.string_dtype())
    with new_file(out, "vocab_numbers.h5") as f:
        f.create_dataset("head/weight", data=weight())
        f.create_dataset("vocab", data=np.arange(N))
    with new_file(out, "labels_length.h5") as f:
        f.create_dataset("head/weight", data=weight())
        f.create_dataset("queries/x", data=queries())
        f.create_dataset("queries/label", data=labels(m=M - 1))
    with new_file(out, "labels_float.h5") as f:
        f.create_dataset("head/weight", data=weight())
        f.create_dataset("queries/x", data=queries())
        f.create_dataset("queries/label", data=labels("f8"))
    with new_file(out, "queries_d.h5") as f:
        f.create_dataset("head/weight", data=weight())
        f.create_dataset("queries/x", data=queries(d=D - 1))
    with new_file(out, "queries_1d.h5") as f:
        f.create_dataset("head/weight", data=weight())
        f.create_dataset("queries/x", data=np.ones(D, "f4"))
    with new_file(out, "bad_temperature.h5") as f:
        f.attrs["temperature"] = -1.0
        f.create_dataset("head/weight", data=weight())

    w = weight()
    w[3, 6] = np.nan
    with new_file(out, "nan_weight.h5") as f:
        f.create_dataset("head/weight", data=w, chunks=(2, 2), compression="gzip")
    x = queries()
    x[1, 2] = -np.inf
    with new_file(out, "inf_queries.h5") as f:
        f.create_dataset("head/weight", data=weight())
        f.create_dataset("queries/x", data=x)
    b = bias("f2")
    b[2] = np.inf
    with new_file(out, "inf_bias_f16.h5") as f:
        f.create_dataset("head/weight", data=weight("f2"))
        f.create_dataset("head/bias", data=b)
    with new_file(out, "too_big_for_float32.h5") as f:
        w64 = weight("f8")
        w64[1, 2] = 1e300
        f.create_dataset("head/weight", data=w64)

    # Declared shapes far beyond memory; chunked with no chunk written, so the files stay tiny.
    with new_file(out, "huge.h5") as f:
        f.create_dataset("head/weight", shape=(10**6, 10**6), dtype="f4", chunks=(1, 1))
    with new_file(out, "huge_dims.h5") as f:
        f.create_dataset("head/weight", shape=(3 * 10**9, 2), dtype="f4", chunks=(1, 1))
    for name in ("huge.h5", "huge_dims.h5"):
        size = os.path.getsize(os.path.join(out, name))
        assert size < 100_000, f"{name} is {size} bytes on disk"

    # A good file cut short, a text file, an empty file.
    with new_file(out, "truncate_me.h5") as f:
        f.create_dataset("head/weight", data=np.random.default_rng(3).standard_normal((64, 512)).astype("f4"))
    with open(os.path.join(out, "truncate_me.h5"), "rb") as src:
        data = src.read()
    with open(os.path.join(out, "truncated.h5"), "wb") as dst:
        dst.write(data[: len(data) // 2])
    with open(os.path.join(out, "not_hdf5.h5"), "w") as f:
        f.write("this is plain text, not HDF5\n" * 20)
    open(os.path.join(out, "empty.h5"), "wb").close()


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    write_good(out)
    write_bad(out)


if __name__ == "__main__":
    main()
