#!/usr/bin/env python3
"""Writes the malformed NumPy files of this folder and expected.tsv, the exact message each one
must produce (tst_numpy reads both). Standard library only: the point is bytes numpy would never
write, so they are spelled out here rather than produced by numpy. The files are committed, so the
test needs no Python; rerun this script (from anywhere) only to change them.

Usage: make_bad_numpy.py [OUTPUT_DIR]   (default: the folder of this script)

expected.tsv: file <TAB> call <TAB> message, where the full message is "<path>: <message>". Calls:
  head [tensor=NAME | bias=NAME]   readNumpyHead with those options
  queries                          readNumpyQueries
  vector | integers                readNumpyVector / readNumpyIntegers of a .npy
"""
import os
import struct
import sys
import zipfile

N, D = 5, 7
LIMIT = "more than the limit of 8.00 GiB"
FLOATS = "this reader supports float16, float32, float64"
INTS = "this reader supports int8, int16, int32, int64, uint8, uint16, uint32, uint64"


def header_dict(descr, shape, fortran=False):
    # Exactly numpy's spelling (numpy/lib/format.py): repr of the descr and the shape tuple.
    return "{'descr': %r, 'fortran_order': %s, 'shape': %r, }" % (descr, fortran, tuple(shape))


def npy(descr, shape, data=b"", fortran=False, version=1, header=None, length=None):
    """An .npy file as numpy writes it (header padded to 64 bytes, ending in '\\n'), or with the
    header text and the declared header length overridden."""
    text = (header if header is not None else header_dict(descr, shape, fortran)).encode("latin1")
    fmt = "<H" if version == 1 else "<I"
    pre = 6 + 2 + struct.calcsize(fmt)
    text += b" " * (63 - (pre + len(text)) % 64) + b"\n"
    declared = len(text) if length is None else length
    return b"\x93NUMPY" + bytes([version, 0]) + struct.pack(fmt, declared) + text + data


def floats(fmt, values):
    return struct.pack("<%d%s" % (len(values), fmt), *values)


def weight(n=N, d=D):
    return [i * 0.5 - j * 0.25 for i in range(n) for j in range(d)]


def w_npy(n=N, d=D):
    return npy("<f4", (n, d), floats("f", weight(n, d)))


def zip_bytes(members, compression=zipfile.ZIP_STORED):
    """A zip as np.savez writes it (zip64 extra fields on every member), with a fixed timestamp
    so that rerunning the script gives the same bytes."""
    import io

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=compression) as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = compression
            with zf.open(info, "w", force_zip64=True) as f:
                f.write(data)
    return buf.getvalue()


def local_data_offset(archive, name):
    # Where the first member's data starts: after its 30-byte local header, name and extra field.
    assert archive[:4] == b"PK\x03\x04"
    name_len, extra_len = struct.unpack("<HH", archive[26:30])
    assert archive[30:30 + name_len] == name.encode()
    return 30 + name_len + extra_len


def cases():
    out = []

    def add(name, data, call, message):
        out.append((name, data, call, message))

    # Not NumPy at all, or a broken preamble / header.
    add("not_numpy.npy", b"this is plain text, not a NumPy array\n", "head",
        "not a NumPy file: it starts with neither the .npy magic \\x93NUMPY nor the zip signature of an .npz")
    add("empty.npy", b"", "head", "the file is empty")
    add("short_preamble.npy", b"\x93NUMPY\x01", "head",
        "truncated: 7 bytes, too short for the 10-byte .npy preamble")
    add("version4.npy", npy("<f4", (N, D), floats("f", weight()), version=4),
        "head", "unsupported .npy format version 4.0; this reader supports 1.0, 2.0 and 3.0")
    data = npy("<f4", (2, 2), floats("f", [1, 2, 3, 4]), length=4000)
    add("header_out_of_bounds.npy", data, "head",
        "header out of bounds: the header is declared as 4000 bytes but only %d bytes follow the 10-byte "
        "preamble" % (len(data) - 10))
    data = npy("<f4", (2, 2), floats("f", [1, 2, 3, 4]), version=2, length=0xFFFFFFF0)
    add("header_out_of_bounds_v2.npy", data, "head",
        "header out of bounds: the header is declared as 4294967280 bytes but only %d bytes follow the "
        "12-byte preamble" % (len(data) - 12))
    add("header_not_dict.npy", npy("", (), header="hello world"), "head",
        "the .npy header is not the dict numpy writes (expected '{' at character 1): hello world")
    text = "{'descr': '<f4', 'fortran_order': False, }"
    add("header_no_shape.npy", npy("", (), header=text), "head", "the .npy header has no 'shape' key")
    text = "{'descr': '<f4', 'fortran_order': False, 'shape': (5, 7), 'extra': 1, }"
    add("header_extra_key.npy", npy("", (), header=text, data=floats("f", weight())), "head",
        "the .npy header is not the dict numpy writes (unexpected key 'extra' at character %d): %s"
        % (text.index("'extra'") + 1, text))
    text = "{'descr': '<f4', 'fortran_order': False, 'shape': (5, -7), }"
    add("header_bad_shape.npy", npy("", (), header=text), "head",
        "the .npy header is not the dict numpy writes (expected a dimension or ')' at character %d): %s"
        % (text.index("-") + 1, text))
    text = "{'descr': '<f4', 'fortran_order': Maybe, 'shape': (5, 7), }"
    add("header_bad_bool.npy", npy("", (), header=text), "head",
        "the .npy header is not the dict numpy writes (expected True or False at character %d): %s"
        % (text.index("Maybe") + 1, text))

    # Arrays that are well formed but cannot be a head.
    add("int_head.npy", npy("<i8", (N, D), struct.pack("<35q", *range(35))), "head",
        "unsupported dtype <i8 for a head; " + FLOATS)
    structured = [("a", "<f4"), ("b", "<i4")]
    add("structured.npy", npy(structured, (N,), b"\0" * 40), "head",
        "unsupported dtype [('a', '<f4'), ('b', '<i4')] (a structured dtype) for a head; " + FLOATS)
    add("object.npy", npy("|O", (2, 2), b"\x80\x04N."), "head",
        "unsupported dtype |O (Python objects) for a head; " + FLOATS)
    add("head_3d.npy", npy("<f4", (2, 3, 4), floats("f", [0.5] * 24)), "head",
        "the array is 3-D (2 × 3 × 4); a head must be 2-D")
    add("head_1d.npy", npy("<f4", (D,), floats("f", [0.5] * D)), "head",
        "the array is 1-D (7 entries); a head must be 2-D")
    add("one_row.npy", npy("<f4", (1, 4), floats("f", [0.5] * 4)), "head",
        "the head has shape 1 × 4; it needs at least 2 rows and 1 column")
    add("bias_2d.npy", w_npy(), "vector", "the array is 2-D (5 × 7); a vector must be 1-D")
    add("float_labels.npy", npy("<f8", (3,), floats("d", [1, 2, 3])), "integers",
        "unsupported dtype <f8 for integers; " + INTS)

    # Sizes: truncated data, a shape beyond memory, a dimension beyond int.
    add("truncated.npy", npy("<f4", (3, 4), floats("f", [0.25] * 5)), "head",
        "truncated: the header declares 3 × 4 float32 (48 bytes of data) but only 20 bytes follow")
    add("huge.npy", npy("<f4", (10**6, 10**6)), "head",
        "the array (1000000 × 1000000) would need 3725.29 GiB of memory, " + LIMIT)
    add("huge_dimension.npy", npy("<f2", (3 * 10**9, 2)), "head",
        "the array has shape 3000000000 × 2; dimensions above 2147483647 are not supported")

    # Values: NaN, ±inf (in Fortran order, where file order and row-major order differ), float64
    # beyond float32, an unsigned label beyond int64.
    w = weight()
    w[3 * D + 6] = float("nan")
    add("nan.npy", npy("<f4", (N, D), floats("f", w)), "head",
        "the array has a non-finite value (nan) at row 3, column 6")
    w = weight()
    w[4 * D + 0] = float("-inf")  # first in file (column-major) order
    w[1 * D + 5] = float("inf")   # first in row-major order: the one reported
    fortran = [w[i * D + j] for j in range(D) for i in range(N)]
    add("inf_fortran_f2.npy", npy(">f2", (N, D), struct.pack(">35e", *fortran), fortran=True), "head",
        "the array has a non-finite value (inf) at row 1, column 5")
    w = weight()
    w[1 * D + 2] = 1e300
    add("beyond_float32.npy", npy("<f8", (N, D), floats("d", w)), "head",
        "the array has the value 1.0000000000000001e+300 at row 1, column 2, outside the float32 range")
    add("label_beyond_int64.npy", npy(">u8", (3,), struct.pack(">3Q", 1, 2**64 - 1, 2**63)), "integers",
        "the value 18446744073709551615 at entry 1 does not fit in int64")

    # .npz: damaged zips and members.
    good = zip_bytes([("W.npy", w_npy()), ("b.npy", npy("<f4", (N,), floats("f", [0.0] * N)))],
                     zipfile.ZIP_DEFLATED)
    add("corrupt.npz", good[: len(good) // 2], "head",
        "not a readable zip archive (an .npz is a zip of .npy files): its directory is missing; the archive "
        "is truncated or damaged")
    add("truncated_member.npz", zip_bytes([("W.npy", npy("<f4", (3, 4), floats("f", [0.25] * 5)))]), "head",
        "member 'W.npy': truncated: the header declares 3 × 4 float32 (48 bytes of data) but only 20 bytes "
        "follow")
    stored = bytearray(zip_bytes([("W.npy", w_npy())]))
    stored[local_data_offset(stored, "W.npy") + 128] ^= 0x01  # the lowest mantissa bit of W[0, 0]
    add("crc.npz", bytes(stored), "head",
        "member 'W.npy': CRC error: the data does not match the archive's checksum; the archive is damaged")
    deflated = bytearray(zip_bytes([("W.npy", w_npy())], zipfile.ZIP_DEFLATED))
    deflated[local_data_offset(deflated, "W.npy")] = 0x07  # a final block of the reserved type 3
    add("bad_deflate.npz", bytes(deflated), "head",
        "member 'W.npy': cannot decompress: the deflate data is damaged")
    add("bzip2.npz", zip_bytes([("W.npy", w_npy())], zipfile.ZIP_BZIP2), "head",
        "member 'W.npy': uses zip compression method 12 (bzip2); only stored and deflate members "
        "(np.savez, np.savez_compressed) can be read")
    add("member_not_npy.npz", zip_bytes([("W.npy", b"plain text in a zip\n")]), "head",
        "member 'W.npy': not a .npy array: it does not start with the magic \\x93NUMPY")
    add("empty_archive.npz", zip_bytes([]), "head",
        "has no 2-D float array to use as the head W; its arrays are: none")

    # .npz: which member is what.
    bias = npy("<f4", (N,), floats("f", [0.5] * N))
    labels = npy("<i8", (3,), struct.pack("<3q", 1, 3, 0))
    queries = npy("<f4", (3, D), floats("f", [0.125] * 3 * D))
    add("no_head.npz", zip_bytes([("b.npy", bias), ("y.npy", labels)]), "head",
        "has no 2-D float array to use as the head W; its arrays are: b (<f4, [5]), y (<i8, [3])")
    add("two_candidates.npz", zip_bytes([("F.npy", w_npy()), ("E.npy", w_npy()), ("x.npy", queries)]), "head",
        "has no member weight, W, A or lm_head.weight, and several 2-D float arrays could be the head W "
        "(E, F); name the one to use")
    add("queries_ambiguous.npz", zip_bytes([("A.npy", w_npy()), ("B.npy", w_npy())]), "queries",
        "has no member x, X or queries, and 2 2-D float arrays instead of one; its arrays are: "
        "A (<f4, 5 × 7), B (<f4, 5 × 7)")
    wb = zip_bytes([("W.npy", w_npy()), ("b.npy", bias)])
    add("head_and_bias.npz", wb, "head tensor=V", "has no member 'V.npy'; its members are: W.npy, b.npy")
    add("head_and_bias.npz", None, "head tensor=b",
        "member 'b.npy': the array is 1-D (5 entries); a head must be 2-D; the 2-D float arrays are: W")
    add("head_and_bias.npz", None, "head bias=c", "has no member 'c.npy'; its members are: W.npy, b.npy")
    add("bias_length.npz", zip_bytes([("W.npy", w_npy()), ("b.npy", npy("<f4", (4,), floats("f", [0] * 4)))]),
        "head", "member 'b.npy': has 4 entries but the head W has 5 rows")
    add("queries_columns.npz",
        zip_bytes([("W.npy", w_npy()), ("x.npy", npy("<f4", (3, 6), floats("f", [0] * 18)))]), "head",
        "member 'x.npy': has 6 columns but the head W has 7")
    add("labels_float.npz",
        zip_bytes([("W.npy", w_npy()), ("x.npy", queries), ("y.npy", npy("<f4", (3,), floats("f", [1] * 3)))]),
        "head", "member 'y.npy': unsupported dtype <f4 for labels; " + INTS)
    add("labels_length.npz",
        zip_bytes([("W.npy", w_npy()), ("x.npy", queries), ("y.npy", npy("<i4", (2,), b"\0" * 8))]), "head",
        "member 'y.npy': has 2 entries but there are 3 queries in x")
    b16 = [i * 0.25 - 1 for i in range(N)]
    b16[2] = float("inf")
    add("inf_bias_f2.npz", zip_bytes([("W.npy", w_npy()), ("b.npy", npy("<f2", (N,), struct.pack("<5e", *b16)))],
                                     zipfile.ZIP_DEFLATED), "head",
        "member 'b.npy': the array has a non-finite value (inf) at entry 2")
    add("huge_member.npz", zip_bytes([("W.npy", npy("<f4", (10**6, 10**6))), ("x.npy", npy("<f4", (3, 10**6)))]),
        "head", "W (1000000 × 1000000) and queries x (3 × 1000000) would need %.2f GiB of memory, %s"
        % (4 * (10**12 + 3 * 10**6) / 2**30, LIMIT))
    return out


def main():
    if len(sys.argv) > 2:
        sys.exit(__doc__)
    folder = sys.argv[1] if len(sys.argv) == 2 else os.path.dirname(os.path.abspath(__file__))
    os.makedirs(folder, exist_ok=True)
    rows = []
    for name, data, call, message in cases():
        if data is not None:
            with open(os.path.join(folder, name), "wb") as f:
                f.write(data)
        if message is not None:
            assert "\t" not in message and "\n" not in message
            rows.append("%s\t%s\t%s" % (name, call, message))
    with open(os.path.join(folder, "expected.tsv"), "w", encoding="utf-8") as f:
        f.write("# file\tcall\tmessage after \"<path>: \" (written by make_bad_numpy.py)\n")
        f.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
