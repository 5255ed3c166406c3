#!/usr/bin/env python3
"""Writes the committed corpus of malformed safetensors files next to this script, and expected.txt,
which tst_safetensors reads: one line per check, tab-separated,

    FILE <TAB> CALL <TAB> the exact DatasetError message

CALL is "list", "head" or "matrix", then optional key=value words: tensor=NAME, bias=NAME,
maxBytes=N. In the message, {path} is the path the test passes (corpus dir + "/" + FILE) and {dir}
the corpus directory's canonical path (shards resolve next to the index's real file).

The files are committed so the test needs no Python; run this only to change the corpus. It uses
the standard library alone: every file is written byte by byte.
"""
import json
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = []  # (file, call, message)

F16_INF, F16_NAN, BF16_NEG_INF = 0x7C00, 0x7E00, 0xFF80


def raw(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def safetensors(header, data=b"", pad=True):
    """A file with the given header (a dict, or JSON text as bytes) and data section."""
    text = header if isinstance(header, bytes) else json.dumps(header, separators=(",", ":")).encode()
    if pad:
        text += b" " * (-len(text) % 8)
    return struct.pack("<Q", len(text)) + text + data


def entry(dtype, shape, begin, end):
    return {"dtype": dtype, "shape": shape, "data_offsets": [begin, end]}


def f32(*values):
    return struct.pack("<%df" % len(values), *values)


def f16_bits(*bits):
    return struct.pack("<%dH" % len(bits), *bits)


def expect(file, call, message):
    CASES.append((file, call, message))


def one_tensor(name, spec, data=b""):
    """A file holding one tensor 'w' with the given entry spec."""
    raw(name, safetensors({"w": spec}, data))


def header_problems():
    raw("empty.safetensors", b"")
    expect("empty.safetensors", "head", "{path}: truncated: the file has 0 bytes, fewer than the 8-byte "
           "header length that starts a safetensors file")
    raw("short.safetensors", b"\x10\x00\x00")
    expect("short.safetensors", "list", "{path}: truncated: the file has 3 bytes, fewer than the 8-byte "
           "header length that starts a safetensors file")

    # Wrong magic: some other file's first 8 bytes read as an absurd header length.
    zip_like = b"PK\x03\x04\x14\x00\x00\x00 this is a zip archive, not tensors\n"
    raw("not_safetensors.safetensors", zip_like)
    length = struct.unpack("<Q", zip_like[:8])[0]
    expect("not_safetensors.safetensors", "head", "{path}: not a safetensors file: its first 8 bytes give a "
           "header length of %d bytes, more than the 100 MB a safetensors header may have" % length)
    raw("no_brace.safetensors", struct.pack("<Q", 6) + b"[1, 2]")
    expect("no_brace.safetensors", "list", "{path}: not a safetensors file: the header after the 8-byte "
           "length does not start with '{'")
    raw("zero_header.safetensors", struct.pack("<Q", 0))
    expect("zero_header.safetensors", "list", "{path}: not a safetensors file: the header length is 0")

    # A real file cut inside its header, and one cut inside its data.
    good = safetensors({"lm_head.weight": entry("F32", [2, 3], 0, 24)}, f32(*range(6)))
    raw("header_truncated.safetensors", good[:40])
    expect("header_truncated.safetensors", "head", "{path}: truncated: the header length is %d bytes, "
           "but only 32 bytes follow it" % struct.unpack("<Q", good[:8])[0])
    raw("data_truncated.safetensors", good[:-10])
    expect("data_truncated.safetensors", "head", "{path}: tensor 'lm_head.weight' has data_offsets [0, 24] "
           "beyond the end of the data section (14 bytes); the file is truncated or damaged")

    raw("bad_json.safetensors", safetensors(b'{"w": }'))
    expect("bad_json.safetensors", "list", "{path}: the header is not valid JSON (parsing failed at byte 7 "
           "of the header)")
    raw("metadata_not_strings.safetensors",
        safetensors({"__metadata__": {"format": "pt", "step": 1000}, "w": entry("F32", [1], 0, 4)}, f32(1)))
    expect("metadata_not_strings.safetensors", "list", "{path}: \"__metadata__\" must map strings to "
           "strings, but \"step\" is 1000")


def entry_problems():
    raw("entry_not_object.safetensors", safetensors({"w": [1, 2]}))
    expect("entry_not_object.safetensors", "list", "{path}: the header entry for tensor 'w' is [1,2], "
           "not a JSON object")
    one_tensor("no_dtype.safetensors", {"shape": [2], "data_offsets": [0, 8]}, f32(1, 2))
    expect("no_dtype.safetensors", "list", "{path}: tensor 'w' has no \"dtype\"")
    one_tensor("dtype_number.safetensors", {"dtype": 4, "shape": [2], "data_offsets": [0, 8]}, f32(1, 2))
    expect("dtype_number.safetensors", "list", "{path}: tensor 'w' has the invalid \"dtype\" 4; expected "
           "a string")
    one_tensor("no_shape.safetensors", {"dtype": "F32", "data_offsets": [0, 8]}, f32(1, 2))
    expect("no_shape.safetensors", "list", "{path}: tensor 'w' has no \"shape\"")
    one_tensor("negative_shape.safetensors", entry("F32", [2, -3], 0, 24), f32(*range(6)))
    expect("negative_shape.safetensors", "list", "{path}: tensor 'w' has the invalid \"shape\" [2,-3]; "
           "expected a list of non-negative integers")
    one_tensor("fractional_shape.safetensors", entry("F32", [2.5, 2], 0, 20), f32(*range(5)))
    expect("fractional_shape.safetensors", "list", "{path}: tensor 'w' has the invalid \"shape\" [2.5,2]; "
           "expected a list of non-negative integers")
    one_tensor("shape_string.safetensors", entry("F32", "2x3", 0, 24), f32(*range(6)))
    expect("shape_string.safetensors", "list", "{path}: tensor 'w' has the invalid \"shape\" \"2x3\"; "
           "expected a list of non-negative integers")
    one_tensor("no_offsets.safetensors", {"dtype": "F32", "shape": [2]}, f32(1, 2))
    expect("no_offsets.safetensors", "list", "{path}: tensor 'w' has no \"data_offsets\"")
    one_tensor("offsets_not_pair.safetensors", {"dtype": "F32", "shape": [2], "data_offsets": [0]}, f32(1, 2))
    expect("offsets_not_pair.safetensors", "list", "{path}: tensor 'w' has the invalid \"data_offsets\" "
           "[0]; expected [begin, end] with non-negative integers")
    one_tensor("offsets_reversed.safetensors", entry("F32", [1], 8, 4), f32(1, 2))
    expect("offsets_reversed.safetensors", "list", "{path}: tensor 'w' has data_offsets [8, 4] whose begin "
           "is after its end")
    one_tensor("offsets_out_of_bounds.safetensors", entry("F32", [2, 3], 4072, 4096), f32(*range(6)))
    expect("offsets_out_of_bounds.safetensors", "list", "{path}: tensor 'w' has data_offsets [4072, 4096] "
           "beyond the end of the data section (24 bytes); the file is truncated or damaged")
    one_tensor("size_mismatch.safetensors", entry("F32", [2, 3], 0, 20), f32(*range(6)))
    expect("size_mismatch.safetensors", "list", "{path}: tensor 'w' is F32 of shape 2 × 3, which needs 24 "
           "bytes, but its data_offsets [0, 20] span 20 bytes")
    one_tensor("shape_overflow.safetensors", entry("F32", [1 << 32, 1 << 32], 0, 0))
    expect("shape_overflow.safetensors", "list", "{path}: tensor 'w' has the shape 4294967296 × 4294967296, "
           "too large to address (its size in bytes overflows 64 bits)")


def head_problems():
    raw("unsupported_i8.safetensors", safetensors({"lm_head.weight": entry("I8", [3, 4], 0, 12)}, bytes(12)))
    expect("unsupported_i8.safetensors", "head", "{path}: unsupported dtype I8 for tensor 'lm_head.weight'; "
           "this reader supports F32, F16, BF16, F64")
    raw("unknown_dtype.safetensors", safetensors({"lm_head.weight": entry("F4", [2, 4], 0, 4)}, bytes(4)))
    expect("unknown_dtype.safetensors", "matrix tensor=lm_head.weight", "{path}: unsupported dtype F4 for "
           "tensor 'lm_head.weight'; this reader supports F32, F16, BF16, F64")

    raw("no_matrix.safetensors", safetensors({"lm_head.bias": entry("F32", [2], 0, 8),
                                              "norm": entry("F32", [2], 8, 16)}, f32(1, 2, 3, 4)))
    expect("no_matrix.safetensors", "head", "{path}: found no lm_head.weight, no input embedding and no "
           "single 2-D tensor to use as the head; there are no 2-D tensors")
    raw("ambiguous.safetensors", safetensors({"a.weight": entry("F32", [3, 2], 0, 24),
                                              "b.weight": entry("F32", [2, 3], 24, 48),
                                              "c": entry("F32", [3], 48, 60)}, f32(*range(15))))
    listing = "the 2-D tensors are: a.weight (3 × 2), b.weight (2 × 3)"
    expect("ambiguous.safetensors", "head", "{path}: found no lm_head.weight, no input embedding and no "
           "single 2-D tensor to use as the head; " + listing + "; pass the head tensor by name")
    expect("ambiguous.safetensors", "head tensor=c", "{path}: tensor 'c' has shape [3], not 2-D; " + listing)
    expect("ambiguous.safetensors", "head tensor=nope", "{path}: no tensor named 'nope'; " + listing)
    expect("ambiguous.safetensors", "matrix tensor=c", "{path}: tensor 'c' has shape [3], not 2-D")
    expect("ambiguous.safetensors", "matrix tensor=nope", "{path}: no tensor named 'nope'; " + listing)

    raw("one_row.safetensors", safetensors({"lm_head.weight": entry("F32", [1, 4], 0, 16)}, f32(1, 2, 3, 4)))
    expect("one_row.safetensors", "head", "{path}: tensor 'lm_head.weight' has shape 1 × 4; a head needs at "
           "least 2 rows and 1 column")
    raw("bias_length.safetensors", safetensors({"lm_head.weight": entry("F32", [3, 2], 0, 24),
                                                "b": entry("F32", [2], 24, 32)}, f32(*range(8))))
    expect("bias_length.safetensors", "head bias=b", "{path}: the bias tensor 'b' has shape [2], but the "
           "head 'lm_head.weight' has 3 rows, so it must be [3]")
    expect("bias_length.safetensors", "head bias=nope", "{path}: no tensor named 'nope' for the bias")
    expect("bias_length.safetensors", "head maxBytes=20", "{path}: lm_head.weight (3 × 2 as float32) would "
           "need 24 bytes of memory, more than the limit of 20 bytes")
    expect("bias_length.safetensors", "matrix tensor=lm_head.weight maxBytes=23", "{path}: tensor "
           "'lm_head.weight' (3 × 2 as float32) would need 24 bytes of memory, more than the limit of "
           "23 bytes")


def value_problems():
    nan = float("nan")
    raw("nan_f32.safetensors", safetensors({"lm_head.weight": entry("F32", [3, 4], 0, 48)},
                                           f32(*[nan if k == 6 else k for k in range(12)])))
    expect("nan_f32.safetensors", "head", "{path}: tensor 'lm_head.weight' has a non-finite value (nan) at "
           "row 1, column 2")
    half = [0x3C00] * 12
    half[8] = F16_INF
    raw("inf_f16.safetensors", safetensors({"lm_head.weight": entry("F16", [3, 4], 0, 24)}, f16_bits(*half)))
    expect("inf_f16.safetensors", "head", "{path}: tensor 'lm_head.weight' has a non-finite value (inf) at "
           "row 2, column 0")
    brain = [0x3F80] * 12
    brain[3] = BF16_NEG_INF
    raw("neg_inf_bf16.safetensors", safetensors({"lm_head.weight": entry("BF16", [3, 4], 0, 24)},
                                                f16_bits(*brain)))
    expect("neg_inf_bf16.safetensors", "head", "{path}: tensor 'lm_head.weight' has a non-finite value "
           "(-inf) at row 0, column 3")
    raw("nan_f16_bias.safetensors", safetensors({"lm_head.weight": entry("F16", [3, 1], 0, 6),
                                                 "lm_head.bias": entry("F16", [3], 6, 12)},
                                                f16_bits(0x3C00, 0x3C00, 0x3C00, 0, F16_NAN, 0)))
    expect("nan_f16_bias.safetensors", "head", "{path}: tensor 'lm_head.bias' has a non-finite value (nan) "
           "at entry 1")
    raw("too_big_f64.safetensors", safetensors({"lm_head.weight": entry("F64", [2, 2], 0, 32)},
                                               struct.pack("<4d", 1, 2, 3, 1e300)))
    expect("too_big_f64.safetensors", "head", "{path}: tensor 'lm_head.weight' has the value %.17g at row 1, "
           "column 1, outside the float32 range" % 1e300)


def index_problems():
    raw("shard_a.safetensors", safetensors({"a.weight": entry("F32", [2, 2], 0, 16)}, f32(1, 2, 3, 4)))

    def index(name, content):
        raw(name, content if isinstance(content, bytes) else json.dumps(content, indent=1).encode())

    index("missing_shard.index.json", {"weight_map": {"a.weight": "shard_a.safetensors",
                                                      "lm_head.weight": "missing-00002.safetensors",
                                                      "lm_head.bias": "missing-00002.safetensors"}})
    expect("missing_shard.index.json", "list", "{path}: shard 'missing-00002.safetensors' (holding tensor "
           "'lm_head.bias') is missing: no such file {dir}/missing-00002.safetensors")
    index("absent_tensor.index.json", {"weight_map": {"a.weight": "shard_a.safetensors",
                                                      "ghost.weight": "shard_a.safetensors"}})
    expect("absent_tensor.index.json", "head", "{path}: the weight_map puts tensor 'ghost.weight' in shard "
           "'shard_a.safetensors', but that shard has no such tensor")
    index("no_weight_map.index.json", {"metadata": {"total_size": 16}})
    expect("no_weight_map.index.json", "list", "{path}: not a safetensors index: it has no \"weight_map\" "
           "object")
    index("bad_json.index.json", b'{"weight_map": {"a.weight": "shard_a.safetensors"')
    expect("bad_json.index.json", "list", "{path}: not a safetensors index: the file is not valid JSON "
           "(parsing failed at byte 49)")
    index("weight_map_number.index.json", {"weight_map": {"a.weight": 3}})
    expect("weight_map_number.index.json", "list", "{path}: the weight_map entry for tensor 'a.weight' is 3, "
           "not a shard file name")
    # A shard's own problems name the shard, where it really is.
    index("bad_shard.index.json", {"weight_map": {"w": "size_mismatch.safetensors"}})
    expect("bad_shard.index.json", "list", "{dir}/size_mismatch.safetensors: tensor 'w' is F32 of shape "
           "2 × 3, which needs 24 bytes, but its data_offsets [0, 20] span 20 bytes")
    index("nan_shard.index.json", {"weight_map": {"lm_head.weight": "nan_f32.safetensors"}})
    expect("nan_shard.index.json", "head", "{dir}/nan_f32.safetensors: tensor 'lm_head.weight' has a "
           "non-finite value (nan) at row 1, column 2")


def main():
    for name in os.listdir(HERE):  # start clean, so a renamed case leaves nothing behind
        if name.endswith((".safetensors", ".index.json")):
            os.remove(os.path.join(HERE, name))
    header_problems()
    entry_problems()
    head_problems()
    value_problems()
    index_problems()
    with open(os.path.join(HERE, "expected.txt"), "w", encoding="utf-8") as f:
        f.write("# Written by make_bad.py: FILE<TAB>CALL<TAB>exact message ({path}, {dir}: see there)\n")
        for case in CASES:
            assert all("\t" not in part and "\n" not in part for part in case), case
            f.write("\t".join(case) + "\n")


if __name__ == "__main__":
    main()
