#!/usr/bin/env python3
"""Writes the safetensors fixtures for tst_safetensors: files as Hugging Face's `safetensors` package
lays them out (written by hand here, since that package is not a Debian one): an 8-byte
little-endian header length, a JSON header padded with spaces to a multiple of 8, then the data.

Usage: make_safetensors_files.py OUTPUT_DIR

Closed-form values, exact in every dtype (bfloat16 has 8 significant bits), so the C++ test
compares exactly:
    lm_head.weight[i, j]            = i * 0.5 - j * 0.25     (n = 5, d = 7)
    lm_head.bias[i]                 = i * 0.25 - 1
    model.embed_tokens.weight[i, j] = -(i * 0.5 - j * 0.25)  (never chosen while lm_head exists)
    final_logits_bias[i]            = 8 - i
The sharded checkpoint (ckpt/) has no lm_head:
    model.embed_tokens.weight[i, j] = i - j * 0.5            (6 × 4, F32, shard 1)
    model.layers.0.mlp.weight[i, j] = i * 4 + j              (4 × 4, BF16, shard 1)
    model.layers.0.attn.weight[i, j]= (i - j) / 8            (4 × 4, F16, shard 2)
    model.norm.weight[j]            = 1                      ([4], F32, shard 2)
Files whose values are not closed-form come with their expected float32 bytes (*.f32, from NumPy's
own conversion) for a bit-for-bit comparison.
"""
import json
import os
import struct
import sys

import numpy as np

N, D = 5, 7


def bf16_bytes(a):
    """bfloat16 is the upper half of a float32; refuse values it cannot hold exactly."""
    bits = np.ascontiguousarray(a, dtype="<f4").view("<u4")
    assert not (bits & 0xFFFF).any(), "value not exact in bfloat16"
    return (bits >> 16).astype("<u2").tobytes()


def tensor(name, array, dtype):
    """(name, dtype, shape, bytes) in the given safetensors dtype."""
    array = np.asarray(array)
    if dtype == "BF16":
        data = bf16_bytes(array)
    else:
        numpy_type = {"F16": "<f2", "F32": "<f4", "F64": "<f8"}[dtype]
        converted = array.astype(numpy_type)
        assert (converted.astype("f8") == array.astype("f8")).all() or dtype == "F64", name
        data = np.ascontiguousarray(converted).tobytes()
    return name, dtype, list(array.shape), data


def write(path, tensors, metadata=None, align=True):
    header, blobs, offset = {}, [], 0
    if metadata is not None:
        header["__metadata__"] = metadata
    for name, dtype, shape, data in tensors:
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(",", ":")).encode()
    if align:  # as the reference writer does; unaligned files check that the reader copes
        text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(blobs))


def grid(rows, cols):
    return np.meshgrid(np.arange(rows), np.arange(cols), indexing="ij")


def write_dtypes(out):
    i, j = grid(N, D)
    w = i * 0.5 - j * 0.25
    b = np.arange(N) * 0.25 - 1
    for dtype, align in (("F32", True), ("F16", False), ("BF16", True), ("F64", False)):
        write(os.path.join(out, dtype.lower() + ".safetensors"), [
            tensor("lm_head.weight", w, dtype),
            tensor("lm_head.bias", b, dtype),
            tensor("model.embed_tokens.weight", -w, dtype),
            tensor("model.norm.weight", np.ones(D), dtype),
            tensor("final_logits_bias", 8.0 - np.arange(N), dtype),
        ], metadata={"format": "pt", "model": "tiny-" + dtype.lower()}, align=align)


def write_exhaustive(out):
    # Every finite float16 (exponent field != 31) and every finite bfloat16 (exponent != 255), in
    # bit-pattern order; subnormals and both zeros included.
    bits = np.arange(1 << 16, dtype=np.uint32)
    half = bits[(bits & 0x7C00) != 0x7C00].astype("<u2")
    assert half.size == 248 * 256
    write(os.path.join(out, "all_f16.safetensors"),
          [("all", "F16", [248, 256], half.tobytes())])
    half.view("<f2").astype("<f4").tofile(os.path.join(out, "all_f16.f32"))
    brain = bits[(bits & 0x7F80) != 0x7F80].astype("<u2")
    assert brain.size == 255 * 256
    write(os.path.join(out, "all_bf16.safetensors"),
          [("all", "BF16", [255, 256], brain.tobytes())])
    (brain.astype("<u4") << 16).view("<f4").tofile(os.path.join(out, "all_bf16.f32"))

    # Random float32 (bit for bit) and float64 (rounded to nearest float32, as NumPy rounds).
    rng = np.random.default_rng(11)
    f32 = rng.standard_normal((13, 37)).astype("<f4")
    f64 = rng.standard_normal((13, 37)) * 1e3
    write(os.path.join(out, "random.safetensors"),
          [("f32", "F32", [13, 37], f32.tobytes()), ("f64", "F64", [13, 37], f64.astype("<f8").tobytes())],
          align=False)
    f32.tofile(os.path.join(out, "random_f32.f32"))
    f64.astype("<f4").tofile(os.path.join(out, "random_f64.f32"))


def write_sharded(out):
    ckpt = os.path.join(out, "ckpt")
    os.makedirs(ckpt)
    i, j = grid(6, 4)
    a, c = grid(4, 4)
    shard1 = [tensor("model.embed_tokens.weight", i - j * 0.5, "F32"),
              tensor("model.layers.0.mlp.weight", a * 4.0 + c, "BF16")]
    shard2 = [tensor("model.layers.0.attn.weight", (a - c) / 8.0, "F16"),
              tensor("model.norm.weight", np.ones(4), "F32"),
              tensor("not.in.weight_map", np.ones(2), "F32")]  # ignored: the weight_map decides
    names = ["model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors"]
    write(os.path.join(ckpt, names[0]), shard1, metadata={"format": "pt"})
    write(os.path.join(ckpt, names[1]), shard2, metadata={"format": "pt"})
    weight_map = {t[0]: names[0] for t in shard1}
    weight_map.update({t[0]: names[1] for t in shard2[:2]})
    total = sum(len(t[3]) for t in shard1 + shard2[:2])
    with open(os.path.join(ckpt, "model.safetensors.index.json"), "w") as f:
        json.dump({"metadata": {"total_size": total, "model": "tiny-sharded"}, "weight_map": weight_map},
                  f, indent=2)
    # Reached through a symlink in another directory: shards resolve next to the real file.
    elsewhere = os.path.join(out, "elsewhere")
    os.makedirs(elsewhere)
    os.symlink(os.path.join("..", "ckpt", "model.safetensors.index.json"),
               os.path.join(elsewhere, "linked.index.json"))


def write_not_safetensors(out):
    with open(os.path.join(out, "config.index.json"), "w") as f:
        json.dump({"architectures": ["Tiny"], "hidden_size": 4}, f)
    with open(os.path.join(out, "notes.txt"), "w") as f:
        f.write("plain text, not tensors\n")


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    write_dtypes(out)
    write_exhaustive(out)
    write_sharded(out)
    write_not_safetensors(out)


if __name__ == "__main__":
    main()
