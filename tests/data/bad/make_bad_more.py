#!/usr/bin/env python3
"""Writes the HDF5, IDX and mixed-file part of the bad-input corpus (hdf5/, idx/, misc/ next to
this script). numpy/ and safetensors/ have their own generators. MANIFEST.tsv lists every bad
file of the corpus with the message the CLI and the studio must show; it is kept by hand.

HDF5 files here are ones the HDF5 library opens without complaint but HEAD_FORMAT.md's rules must
reject (wrong attributes, shapes, dtypes, NaN/Inf, mismatched lengths, absurd declared sizes).
The files are committed, so tests need no Python; run this only to change the corpus.
Needs numpy and h5py (Debian: python3-numpy python3-h5py). Deterministic: no timestamps.
"""
import gzip
import os
import struct

import h5py
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
RNG = np.random.default_rng(9)  # every random choice seeded


def path(*parts):
    p = os.path.join(HERE, *parts)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    return p


def head(name, weight=None, fmt="adasoftmax-head", version=1, **datasets):
    """An HDF5 head file; `weight` None means a valid 5 × 7 float32 W. Extra datasets by path."""
    with h5py.File(path("hdf5", name), "w", track_order=False) as f:
        if fmt is not None:
            f.attrs["format"] = fmt
        if version is not None:
            f.attrs["version"] = version
        w = RNG.standard_normal((5, 7)).astype(np.float32) if weight is None else weight
        if not isinstance(w, str):
            f.create_dataset("head/weight", data=w, track_times=False)
        for key, value in datasets.items():
            hpath = key.replace("__", "/")
            if isinstance(value, tuple) and value[0] == "declare":  # shape only, never written
                f.create_dataset(hpath, shape=value[1], dtype=value[2], chunks=value[3], track_times=False)
            else:
                f.create_dataset(hpath, data=value, track_times=False)


def good_w():
    return RNG.standard_normal((5, 7)).astype(np.float32)


def with_value(value, row, col, dtype=np.float32):
    w = RNG.standard_normal((5, 7)).astype(dtype)
    w[row, col] = value
    return w


def write_hdf5():
    head("no_format.h5", fmt=None)
    head("wrong_format.h5", fmt="keras-model")
    head("version2.h5", version=2)
    head("no_weight.h5", weight="none", head__bias=np.zeros(5, np.float32))
    head("weight_1d.h5", weight=np.ones(7, np.float32))
    head("weight_3d.h5", weight=np.ones((2, 3, 4), np.float32))
    head("one_row.h5", weight=np.ones((1, 7), np.float32))
    head("int_weight.h5", weight=np.arange(35, dtype=np.int32).reshape(5, 7))
    head("string_weight.h5", weight=np.array([[b"a", b"b"], [b"c", b"d"]]))
    head("nan_weight.h5", weight=with_value(np.nan, 3, 6))
    head("inf_weight_f16.h5", weight=with_value(np.inf, 1, 2, np.float16))
    head("beyond_float32.h5", weight=with_value(1e300, 2, 4, np.float64))
    head("inf_query.h5", queries__x=with_value(-np.inf, 4, 0))
    head("query_d_mismatch.h5", queries__x=RNG.standard_normal((4, 6)).astype(np.float32))
    head("bias_length.h5", head__bias=np.zeros(4, np.float32))
    head("nan_bias.h5", head__bias=np.array([0, 0, np.nan, 0, 0], np.float32))
    head("label_length.h5", queries__x=good_w(), queries__label=np.arange(3, dtype=np.int64))
    head("float_labels.h5", queries__x=good_w(), queries__label=np.zeros(5, np.float32))
    head("vocab_length.h5", vocab=np.array([b"a", b"b"], dtype=h5py.string_dtype()))
    # 10^12 elements declared (4 TB of float32), nothing stored: HDF5 allocates chunks lazily, so
    # the file is a few KB. The reader must refuse it from the declared shape alone.
    head("claims_1e12_elements.h5", weight="none",
         head__weight=("declare", (1000000, 1000000), np.float32, (1, 1024)))
    head("absurd_query_rows.h5",
         queries__x=("declare", (2**40, 7), np.float32, (1024, 7)))
    # A valid file cut in half: HDF5 itself refuses it; the error must still name the file.
    head("truncated_source.h5", queries__x=good_w())
    with open(path("hdf5", "truncated_source.h5"), "rb") as f:
        data = f.read()
    os.remove(path("hdf5", "truncated_source.h5"))
    with open(path("hdf5", "truncated.h5"), "wb") as f:
        f.write(data[: len(data) // 2])
    with open(path("hdf5", "text.h5"), "wb") as f:
        f.write(b"this is not an HDF5 file\n")


def idx(name, magic, dims, payload, gz=False):
    data = struct.pack(">I", magic) + b"".join(struct.pack(">I", d) for d in dims) + payload
    if gz:
        data = gzip.compress(data, mtime=0)
    with open(path("idx", name), "wb") as f:
        f.write(data)


def write_idx():
    idx("float_type-idx3-ubyte", 0x00000D03, [2, 3, 4], bytes(96))
    idx("truncated-idx3-ubyte", 0x00000803, [2, 3, 4], bytes(10))
    idx("zero_dim-idx3-ubyte", 0x00000803, [5, 0, 28], b"")
    idx("huge_dims-idx3-ubyte", 0x00000803, [0xFFFFFFFF, 28, 28], bytes(16))
    idx("trailing-idx1-ubyte", 0x00000801, [2], bytes(5))
    idx("short_header-idx3-ubyte", 0x00000803, [2], b"")
    idx("truncated-idx1-ubyte.gz", 0x00000801, [60000], bytes(100), gz=True)
    # A well-formed IDX file is still not a head: the CLI must say what it is and what reads it.
    idx("labels-idx1-ubyte", 0x00000801, [3], bytes([1, 2, 3]))


def write_misc():
    # Support files (valid on their own) and query/label files that do not fit them.
    np.save(path("misc", "head_5x7.npy"), RNG.standard_normal((5, 7)).astype(np.float32))
    np.save(path("misc", "queries_3x7.npy"), RNG.standard_normal((3, 7)).astype(np.float32))
    np.save(path("misc", "queries_d6.npy"), RNG.standard_normal((3, 6)).astype(np.float32))
    np.save(path("misc", "queries_nan.npy"), with_value(np.nan, 2, 5)[:3])
    np.save(path("misc", "queries_1d.npy"), np.ones(7, np.float32))
    np.save(path("misc", "labels_count.npy"), np.arange(2, dtype=np.int64))
    np.save(path("misc", "labels_float.npy"), np.zeros(3, np.float32))
    # A .npy whose header claims 10^12 elements with 16 bytes of data behind it.
    header = "{'descr': '<f4', 'fortran_order': False, 'shape': (1000000, 1000000), }"
    header += " " * (-(10 + len(header) + 1) % 64) + "\n"
    with open(path("misc", "claims_1e12_elements.npy"), "wb") as f:
        f.write(b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode() + bytes(16))
    # Queries of shape (5, 0), big-endian float16 in Fortran order, with bytes after the header: no
    # values, but the reader once read five (found by fuzz_numpy; numpy writes no such trailing data).
    header = "{'descr': '>f2', 'fortran_order': True, 'shape': (5, 0), }"
    header += " " * (-(10 + len(header) + 1) % 64) + "\n"
    with open(path("misc", "queries_no_columns.npy"), "wb") as f:
        f.write(b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode() + b"\x00\x3c" * 20)


if __name__ == "__main__":
    write_hdf5()
    write_idx()
    write_misc()
