#!/usr/bin/env python3
"""Tests of datasets/export/export_head.py (CTest: export_head_py, label datasets).

Needs only the standard library, numpy and h5py. The mode (a) tests that run a model skip, saying
why, when torch or transformers cannot be imported. If the environment variable ADASOFTMAX_CLI
names the adasoftmax executable, every exported file in InteropTest is also run through
`adasoftmax run`, so the C++ reader is checked against what the script writes.

Run: python3 -B tests/datasets/test_export_head.py -v
"""
import contextlib
import importlib.util
import io
import json
import math
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import types
import unittest

import h5py
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.environ.get("EXPORT_HEAD_SCRIPT") or os.path.normpath(
    os.path.join(HERE, "..", "..", "datasets", "export", "export_head.py"))
FIXTURES = os.path.join(HERE, "make_head_files.py")
PREFIX = "export_head.py: error: "

spec = importlib.util.spec_from_file_location("export_head", SCRIPT)
eh = importlib.util.module_from_spec(spec)
spec.loader.exec_module(eh)

HAVE_TORCH = importlib.util.find_spec("torch") is not None
HAVE_TRANSFORMERS = HAVE_TORCH and importlib.util.find_spec("transformers") is not None


def run_script(args):
    """The script as a command: its exit status, stdout and stderr."""
    return subprocess.run([sys.executable, "-B", SCRIPT, *args], capture_output=True, text=True)


def run(args):
    """The same through main() in this process (a new interpreter per call costs a second on a
    busy machine); argparse's usage errors exit with status 2 as on the command line."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = eh.main([str(a) for a in args])
        except SystemExit as e:
            code = e.code
    return types.SimpleNamespace(returncode=code, stdout=out.getvalue(), stderr=err.getvalue())


# Closed-form values that are exact in bfloat16, float16, float32 and float64.
def weight(n=6, d=5, dtype="f4"):
    i, j = np.meshgrid(np.arange(n), np.arange(d), indexing="ij")
    return (i * 0.5 - j * 0.25).astype(dtype)


def embedding(n=6, d=5, dtype="f4"):
    return (weight(n, d) + 8).astype(dtype)


def bias(n=6, dtype="f4"):
    return (np.arange(n) * 0.25 - 1).astype(dtype)


def queries(m=3, d=5, dtype="f4"):
    q, j = np.meshgrid(np.arange(m), np.arange(d), indexing="ij")
    return (q - j * 0.125).astype(dtype)


def labels(m=3, n=6):
    return ((2 * np.arange(m) + 1) % n).astype(np.int64)


ST_CODES = {"F32": "<f4", "F16": "<f2", "F64": "<f8", "I32": "<i4", "I64": "<i8", "I8": "i1"}


def st_bytes(dtype, array):
    if dtype == "BF16":   # the top 16 bits of float32 (exact for the values used here)
        bits = np.ascontiguousarray(array, dtype="<f4").view("<u4") >> 16
        return bits.astype("<u2").tobytes()
    return np.ascontiguousarray(array, dtype=ST_CODES[dtype]).tobytes()


def write_safetensors(path, tensors, metadata=None):
    """tensors: {name: (dtype, array)}. Written the way the safetensors library does: 8-byte
    little-endian header length, JSON header padded with spaces to 8 bytes, then the data."""
    header = {"__metadata__": metadata or {"format": "pt"}}
    blobs, offset = [], 0
    for name, (dtype, array) in tensors.items():
        blob = st_bytes(dtype, array)
        header[name] = {"dtype": dtype, "shape": list(np.shape(array)),
                        "data_offsets": [offset, offset + len(blob)]}
        blobs.append(blob)
        offset += len(blob)
    text = json.dumps(header).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for blob in blobs:
            f.write(blob)


def read_head(path):
    with h5py.File(path, "r") as f:
        out = {"attrs": {k: f.attrs[k] for k in f.attrs}}
        for name in ("head/weight", "head/bias", "queries/x", "queries/label", "vocab",
                     "queries/position", "queries/window_start"):
            if name in f:
                ds = f[name]
                out[name] = ds.asstr()[()].tolist() if name == "vocab" else ds[()]
                out[name + ":dtype"] = ds.dtype
                out[name + ":chunks"] = ds.chunks
                out[name + ":compression"] = ds.compression
        if "queries" in f:
            out["queries:attrs"] = {k: f["queries"].attrs[k] for k in f["queries"].attrs}
    return out


class TempDirTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="export_head_test_")
        self.addCleanup(shutil.rmtree, self.dir, ignore_errors=True)

    def path(self, *names):
        return os.path.join(self.dir, *names)

    def export(self, args):
        out = self.path("out.h5")
        r = run([*args, "-o", out])
        self.assertEqual(r.returncode, 0, f"stdout: {r.stdout}\nstderr: {r.stderr}")
        if "--hf" not in args:   # mode (a) reports progress on stderr
            self.assertEqual(r.stderr, "")
        return read_head(out), r.stdout

    def assertRefused(self, args, message, progress=False):
        """Exit status 2, exactly one line on stderr (the last, after mode (a)'s progress lines),
        and no output (nor temporary) file."""
        out = self.path("refused.h5")
        r = run([*args, "-o", out])
        self.assertEqual(r.returncode, 2, f"stdout: {r.stdout}\nstderr: {r.stderr}")
        if progress:
            self.assertEqual(r.stderr.splitlines()[-1], PREFIX + message)
            self.assertEqual(sum(line.startswith(PREFIX) for line in r.stderr.splitlines()), 1)
        else:
            self.assertEqual(r.stderr, PREFIX + message + "\n")
        self.assertFalse(os.path.exists(out))
        self.assertEqual([f for f in os.listdir(self.dir) if f.endswith(".tmp")], [])

    def assertFormatAttrs(self, head):
        self.assertEqual(head["attrs"]["format"], "adasoftmax-head")
        self.assertEqual(head["attrs"]["version"], 1)
        self.assertTrue(np.issubdtype(type(head["attrs"]["version"]), np.integer))
        self.assertEqual(head["attrs"]["temperature"], 1.0)


class SafetensorsTest(TempDirTest):
    def head_file(self, dtype, name="model.safetensors"):
        path = self.path(name)
        write_safetensors(path, {
            "model.embed_tokens.weight": (dtype, embedding()),
            "lm_head.weight": (dtype, weight()),
            "lm_head.bias": (dtype, bias()),
            "model.norm.weight": (dtype, np.ones(5)),
            "step": ("I64", np.array([7])),
        })
        return path

    def test_each_dtype(self):
        np.save(self.path("x.npy"), queries())
        np.save(self.path("y.npy"), labels())
        for dtype in ("F32", "F16", "BF16", "F64"):
            with self.subTest(dtype=dtype):
                st = self.head_file(dtype)
                head, stdout = self.export(["--weights", st, "--queries", self.path("x.npy"),
                                            "--labels", self.path("y.npy")])
                self.assertFormatAttrs(head)
                self.assertEqual(head["head/weight:dtype"], np.float32)
                np.testing.assert_array_equal(head["head/weight"], weight())
                np.testing.assert_array_equal(head["head/bias"], bias())
                np.testing.assert_array_equal(head["queries/x"], queries())
                np.testing.assert_array_equal(head["queries/label"], labels())
                self.assertEqual(head["queries/label:dtype"], np.int64)
                self.assertEqual(head["head/weight:compression"], "gzip")
                self.assertIsNotNone(head["head/weight:chunks"])
                self.assertIn(f"head: lm_head.weight ({dtype}, 6 × 5), the output layer", stdout)
                self.assertIn("bias: lm_head.bias", stdout)
                self.assertEqual(head["attrs"]["model"], "model.safetensors")
                self.assertEqual(head["attrs"]["dataset"], "x.npy")
                self.assertEqual(head["attrs"]["head_tensor"], "lm_head.weight")

    def test_bf16_conversion_of_arbitrary_values(self):
        # Every bfloat16 bit pattern of a finite value converts to the float32 with the same top half.
        rng = np.random.default_rng(1)
        values = rng.standard_normal((4, 9)).astype("f4")
        bf16 = (values.view("<u4") >> 16).astype("<u2")
        st = self.path("r.safetensors")
        with open(st, "wb") as f:
            text = json.dumps({"lm_head.weight": {"dtype": "BF16", "shape": [4, 9],
                                                  "data_offsets": [0, bf16.nbytes]}}).encode()
            f.write(struct.pack("<Q", len(text)) + text + bf16.tobytes())
        head, _ = self.export(["--weights", st])
        expected = (bf16.astype("<u4") << 16).view("<f4")
        np.testing.assert_array_equal(head["head/weight"], expected)

    def test_float16_storage(self):
        st = self.head_file("F32")
        np.save(self.path("x.npy"), queries())
        head, stdout = self.export(["--weights", st, "--queries", self.path("x.npy"), "--dtype", "float16"])
        self.assertEqual(head["head/weight:dtype"], np.float16)
        self.assertEqual(head["head/bias:dtype"], np.float16)
        self.assertEqual(head["queries/x:dtype"], np.float16)
        np.testing.assert_array_equal(head["head/weight"], weight(dtype="f2"))
        np.testing.assert_array_equal(head["queries/x"], queries(dtype="f2"))
        self.assertIn("6 × 5 head (float16)", stdout)

    def test_no_bias_and_named_bias(self):
        st = self.head_file("F32")
        head, _ = self.export(["--weights", st, "--no-bias"])
        self.assertNotIn("head/bias", head)
        write_safetensors(self.path("b.safetensors"), {"lm_head.weight": ("F32", weight()),
                                                      "extra_bias": ("F32", bias() * 2)})
        head, _ = self.export(["--weights", self.path("b.safetensors"), "--bias", "extra_bias"])
        np.testing.assert_array_equal(head["head/bias"], bias() * 2)
        np.save(self.path("b.npy"), bias(dtype="f8"))
        head, _ = self.export(["--weights", st, "--bias", self.path("b.npy")])
        np.testing.assert_array_equal(head["head/bias"], bias())

    def test_unsupported_dtype(self):
        st = self.path("int.safetensors")
        write_safetensors(st, {"lm_head.weight": ("I32", np.ones((6, 5))), "other": ("F32", weight())})
        self.assertRefused(["--weights", st],
                           f"{st}: tensor lm_head.weight has dtype I32; supported: F32, F16, BF16, F64")
        write_safetensors(st, {"lm_head.weight": ("F32", weight()), "ids": ("I8", np.ones((6, 5)))})
        self.assertRefused(["--weights", st, "--tensor", "ids"],
                           f"{st}: tensor ids has dtype I8; supported: F32, F16, BF16, F64")

    def test_truncated(self):
        st = self.head_file("F32")
        with open(st, "rb") as f:
            data = f.read()
        (header_len,) = struct.unpack("<Q", data[:8])
        cut = self.path("cut.safetensors")

        with open(cut, "wb") as f:
            f.write(data[:5])
        self.assertRefused(["--weights", cut], f"{cut}: truncated safetensors file: 5 bytes, "
                           "shorter than the 8-byte header length")
        with open(cut, "wb") as f:
            f.write(data[:8 + header_len // 2])
        self.assertRefused(["--weights", cut], f"{cut}: truncated safetensors file: the header "
                           f"declares {header_len} bytes but only {header_len // 2} follow")
        with open(cut, "wb") as f:
            f.write(data[:-3])
        header = json.loads(data[8:8 + header_len])
        last = max((n for n in header if n != "__metadata__"), key=lambda n: header[n]["data_offsets"][1])
        self.assertRefused(["--weights", cut], f"{cut}: truncated safetensors file: tensor {last} ends "
                           f"at byte {len(data)} but the file has {len(data) - 3} bytes")

    def test_malformed_header(self):
        bad = self.path("bad.safetensors")
        with open(bad, "wb") as f:
            f.write(struct.pack("<Q", 5) + b"{nope")
        r = run(["--weights", bad, "-o", self.path("o.h5")])
        self.assertEqual(r.returncode, 2)
        self.assertTrue(r.stderr.startswith(f"{PREFIX}{bad}: the safetensors header is not valid JSON ("))
        with open(bad, "wb") as f:
            text = json.dumps({"lm_head.weight": {"dtype": "F32", "shape": [6, 5],
                                                  "data_offsets": [0, 100]}}).encode()
            f.write(struct.pack("<Q", len(text)) + text + bytes(100))
        self.assertRefused(["--weights", bad], f"{bad}: tensor lm_head.weight declares F32 6 × 5 "
                           "(120 bytes) but its data_offsets span 100 bytes")
        with open(bad, "wb") as f:
            text = json.dumps({"w": {"dtype": "F32", "shape": [2.5, 2], "data_offsets": [0, 16]}}).encode()
            f.write(struct.pack("<Q", len(text)) + text + bytes(16))
        self.assertRefused(["--weights", bad], f"{bad}: malformed safetensors header entry for 'w': it "
                           "needs a string dtype, a shape of non-negative integers and data_offsets [begin, end]")
        with open(bad, "wb") as f:
            f.write(b"PK\x03\x04 this is a zip, not safetensors")
        self.assertRefused(["--weights", bad], f"{bad}: not a safetensors file: its first 8 bytes give a "
                           f"header length of {struct.unpack('<Q', b'PK' + bytes([3, 4]) + b' thi')[0]} "
                           "bytes, more than the 100 MB a header may have")

    def test_tensor_choice(self):
        st = self.path("c.safetensors")
        # A tied embedding from the fixed list comes before one found by its suffix.
        write_safetensors(st, {"a.embed_tokens.weight": ("F32", weight()),
                               "transformer.wte.weight": ("F32", embedding()),
                               "h.0.mlp.weight": ("F32", weight(5, 5))})
        head, stdout = self.export(["--weights", st])
        np.testing.assert_array_equal(head["head/weight"], embedding())
        self.assertIn("head: transformer.wte.weight (F32, 6 × 5), the input embedding: no "
                      "lm_head.weight, so the head is tied", stdout)
        # GPT-NeoX's untied output layer, with its bias, and the model named by the metadata.
        write_safetensors(st, {"gpt_neox.embed_in.weight": ("F32", embedding()),
                               "embed_out.weight": ("F32", weight()), "embed_out.bias": ("F32", bias())},
                          metadata={"format": "pt", "_name_or_path": "EleutherAI/pythia-tiny"})
        head, stdout = self.export(["--weights", st])
        np.testing.assert_array_equal(head["head/weight"], weight())
        np.testing.assert_array_equal(head["head/bias"], bias())
        self.assertIn("head: embed_out.weight (F32, 6 × 5), the output layer", stdout)
        self.assertEqual(head["attrs"]["model"], "EleutherAI/pythia-tiny")
        head, _ = self.export(["--weights", st, "--model", "mine"])
        self.assertEqual(head["attrs"]["model"], "mine")
        # By suffix.
        write_safetensors(st, {"encoder.word_embeddings.weight": ("F32", embedding()),
                               "layer.weight": ("F32", weight(5, 5))})
        head, stdout = self.export(["--weights", st])
        np.testing.assert_array_equal(head["head/weight"], embedding())
        self.assertIn("head: encoder.word_embeddings.weight", stdout)
        # The only 2-D tensor; its .bias comes along.
        write_safetensors(st, {"classifier.weight": ("F32", weight()), "classifier.bias": ("F32", bias()),
                               "norm": ("F32", np.ones(5))})
        head, stdout = self.export(["--weights", st])
        np.testing.assert_array_equal(head["head/weight"], weight())
        np.testing.assert_array_equal(head["head/bias"], bias())
        self.assertIn("classifier.weight (F32, 6 × 5), the only 2-D tensor", stdout)
        # --tensor.
        write_safetensors(st, {"p.weight": ("F32", weight()), "q.weight": ("F32", embedding()),
                               "norm": ("F32", np.ones(5))})
        head, stdout = self.export(["--weights", st, "--tensor", "q.weight"])
        np.testing.assert_array_equal(head["head/weight"], embedding())
        self.assertIn("chosen with --tensor", stdout)
        # Refusals.
        self.assertRefused(["--weights", st], f"{st}: cannot tell which tensor is the head (no "
                           "lm_head.weight, no input embedding, and 2 2-D tensors: p.weight (6 × 5), "
                           "q.weight (6 × 5)); pass --tensor NAME")
        self.assertRefused(["--weights", st, "--tensor", "r.weight"], f"{st}: no tensor named "
                           "'r.weight'; the 2-D tensors are: p.weight (6 × 5), q.weight (6 × 5)")
        self.assertRefused(["--weights", st, "--tensor", "norm"],
                           f"{st}: tensor norm has shape [5]; the head must be 2-D")

    def sharded(self):
        shards = self.path("real")
        os.makedirs(shards)
        write_safetensors(os.path.join(shards, "model-00001-of-00002.safetensors"), {
            "model.embed_tokens.weight": ("BF16", embedding()),
            "model.layers.0.mlp.down_proj.weight": ("BF16", weight(5, 5))})
        write_safetensors(os.path.join(shards, "model-00002-of-00002.safetensors"), {
            "model.layers.1.mlp.down_proj.weight": ("BF16", weight(5, 5)),
            "model.norm.weight": ("BF16", np.ones(5))})
        index = {"metadata": {"total_size": 0}, "weight_map": {
            "model.embed_tokens.weight": "model-00001-of-00002.safetensors",
            "model.layers.0.mlp.down_proj.weight": "model-00001-of-00002.safetensors",
            "model.layers.1.mlp.down_proj.weight": "model-00002-of-00002.safetensors",
            "model.norm.weight": "model-00002-of-00002.safetensors"}}
        index_path = os.path.join(shards, "model.safetensors.index.json")
        with open(index_path, "w") as f:
            json.dump(index, f)
        # A snapshot folder that holds only a link to the index (as the Hugging Face cache does):
        # the shards must be found beside the index's real path, not beside the link.
        snapshot = self.path("snapshot")
        os.makedirs(snapshot)
        link = os.path.join(snapshot, "model.safetensors.index.json")
        os.symlink(index_path, link)
        return shards, index, link, snapshot

    def test_sharded_tied_through_symlinked_index(self):
        shards, _, link, snapshot = self.sharded()
        np.save(self.path("x.npy"), queries())
        for source in (link, snapshot):
            with self.subTest(source=source):
                head, stdout = self.export(["--weights", source, "--queries", self.path("x.npy")])
                np.testing.assert_array_equal(head["head/weight"], embedding())
                self.assertNotIn("head/bias", head)
                self.assertIn("head: model.embed_tokens.weight (BF16, 6 × 5), the input embedding: "
                              "no lm_head.weight, so the head is tied", stdout)
                self.assertEqual(head["attrs"]["head_tensor"], "model.embed_tokens.weight")

    def test_sharded_refusals(self):
        shards, index, link, _ = self.sharded()
        os.remove(os.path.join(shards, "model-00002-of-00002.safetensors"))
        missing = os.path.join(shards, "model-00002-of-00002.safetensors")
        self.assertRefused(["--weights", link], f"{link}: shard model-00002-of-00002.safetensors (for "
                           f"model.layers.1.mlp.down_proj.weight) is missing; looked for {missing}")
        index["weight_map"] = {"lm_head.weight": "model-00001-of-00002.safetensors"}
        with open(os.path.join(shards, "model.safetensors.index.json"), "w") as f:
            json.dump(index, f)
        self.assertRefused(["--weights", link], f"{link}: the index puts lm_head.weight in "
                           "model-00001-of-00002.safetensors, but that shard does not declare it")


class NpzTest(TempDirTest):
    def test_savez_short_names(self):
        npz = self.path("h.npz")
        np.savez(npz, W=weight(dtype="f8"), x=queries(), labels=labels().astype(np.int32), b=bias())
        head, stdout = self.export(["--weights", npz])
        np.testing.assert_array_equal(head["head/weight"], weight())
        np.testing.assert_array_equal(head["head/bias"], bias())
        np.testing.assert_array_equal(head["queries/x"], queries())
        np.testing.assert_array_equal(head["queries/label"], labels())
        self.assertIn("head: W (float64, 6 × 5), by its name", stdout)
        self.assertEqual(head["attrs"]["dataset"], "h.npz")

    def test_savez_compressed_long_names(self):
        npz = self.path("c.npz")
        np.savez_compressed(npz, weight=weight(), queries=queries(dtype="f2"), y=labels(), bias=bias())
        head, _ = self.export(["--weights", npz])
        np.testing.assert_array_equal(head["head/weight"], weight())
        np.testing.assert_array_equal(head["head/bias"], bias())
        np.testing.assert_array_equal(head["queries/x"], queries())
        np.testing.assert_array_equal(head["queries/label"], labels())
        # A --queries file replaces the npz's own queries, and the npz's labels go with them.
        np.save(self.path("x2.npy"), queries(m=4))
        head, _ = self.export(["--weights", npz, "--queries", self.path("x2.npy")])
        np.testing.assert_array_equal(head["queries/x"], queries(m=4))
        self.assertNotIn("queries/label", head)

    def test_other_names(self):
        npz = self.path("o.npz")
        np.savez(npz, **{"lm_head.weight": weight(), "X": queries(), "label": labels()})
        head, _ = self.export(["--weights", npz])
        np.testing.assert_array_equal(head["head/weight"], weight())
        np.testing.assert_array_equal(head["queries/x"], queries())
        np.savez(npz, A=weight(), X=queries(), label=labels())
        head, _ = self.export(["--weights", npz])
        np.testing.assert_array_equal(head["head/weight"], weight())

    def test_only_2d_member(self):
        npz = self.path("m.npz")
        np.savez(npz, mat=weight(), x=queries(), scale=np.ones(3))
        head, stdout = self.export(["--weights", npz])
        np.testing.assert_array_equal(head["head/weight"], weight())
        self.assertIn("head: mat (float32, 6 × 5), the only 2-D member", stdout)
        np.savez(npz, mat=weight(), other=embedding())
        self.assertRefused(["--weights", npz], f"{npz}: cannot tell which member is the head (none is "
                           "named weight, W, A, lm_head.weight, and there are 2 other 2-D members: "
                           "mat, other); pass --tensor NAME")
        head, _ = self.export(["--weights", npz, "--tensor", "other"])
        np.testing.assert_array_equal(head["head/weight"], embedding())

    def test_queries_and_labels_npz_files(self):
        np.save(self.path("w.npy"), weight())
        np.savez(self.path("q.npz"), queries=queries())
        np.savez(self.path("l.npz"), y=labels())
        head, _ = self.export(["--weights", self.path("w.npy"), "--queries", self.path("q.npz"),
                               "--labels", self.path("l.npz")])
        np.testing.assert_array_equal(head["queries/x"], queries())
        np.testing.assert_array_equal(head["queries/label"], labels())


class NpyTest(TempDirTest):
    VOCAB = ["zero", "café", "日本語", "", " space", "tab\there"]

    def test_npy_hidden_labels_vocab(self):
        np.save(self.path("w.npy"), weight(dtype="f8"))
        np.save(self.path("hidden.npy"), queries(m=4, dtype="f8"))
        np.save(self.path("next.npy"), labels(m=4).astype(np.uint16))
        with open(self.path("vocab.txt"), "w", encoding="utf-8", newline="") as f:
            f.write("\n".join(self.VOCAB[:5]) + "\r\n" + self.VOCAB[5] + "\n")
        head, stdout = self.export([
            "--weights", self.path("w.npy"), "--queries", self.path("hidden.npy"),
            "--labels", self.path("next.npy"), "--vocab", self.path("vocab.txt"),
            "--temperature", "0.5", "--model", "my-model", "--dataset", "my data",
            "--description", "a test — ünïcode"])
        np.testing.assert_array_equal(head["head/weight"], weight())
        self.assertEqual(head["head/weight:dtype"], np.float32)
        np.testing.assert_array_equal(head["queries/x"], queries(m=4))
        np.testing.assert_array_equal(head["queries/label"], labels(m=4))
        self.assertEqual(head["vocab"], self.VOCAB)
        self.assertEqual(head["attrs"]["temperature"], 0.5)
        self.assertEqual(head["attrs"]["model"], "my-model")
        self.assertEqual(head["attrs"]["dataset"], "my data")
        self.assertEqual(head["attrs"]["description"], "a test — ünïcode")
        self.assertIn("wrote ", stdout)
        self.assertIn("6 × 5 head (float32), 4 queries with labels, vocab", stdout)

    def test_max_queries(self):
        np.save(self.path("w.npy"), weight())
        np.save(self.path("x.npy"), queries(m=5))
        np.save(self.path("y.npy"), labels(m=5))
        head, _ = self.export(["--weights", self.path("w.npy"), "--queries", self.path("x.npy"),
                               "--labels", self.path("y.npy"), "--max-queries", "2"])
        np.testing.assert_array_equal(head["queries/x"], queries(m=2))
        np.testing.assert_array_equal(head["queries/label"], labels(m=2))

    def test_memmapped_head_larger_than_one_block(self):
        # Rows are converted and checked in blocks; a head of several blocks comes out whole.
        rows = eh.BLOCK_VALUES // 64 * 2 + 3
        w = np.random.default_rng(2).standard_normal((rows, 64)).astype("f4")
        np.save(self.path("big.npy"), w)
        head, _ = self.export(["--weights", self.path("big.npy")])
        np.testing.assert_array_equal(head["head/weight"], w)


class RefusalTest(TempDirTest):
    def setUp(self):
        super().setUp()
        self.w = self.path("w.npy")
        self.x = self.path("x.npy")
        np.save(self.w, weight())
        np.save(self.x, queries())

    def test_d_mismatch(self):
        np.save(self.x, queries(d=4))
        self.assertRefused(["--weights", self.w, "--queries", self.x],
                           f"{self.x}: /queries/x has 4 columns but /head/weight has 5")

    def test_nan_names_row_and_column(self):
        x = queries(m=4)
        x[2, 3] = np.nan
        np.save(self.x, x)
        self.assertRefused(["--weights", self.w, "--queries", self.x],
                           f"{self.x}: /queries/x has a non-finite value (nan) at row 2, column 3")

    def test_nan_in_bf16_safetensors(self):
        w = weight()
        w[4, 1] = -np.inf
        st = self.path("m.safetensors")
        write_safetensors(st, {"lm_head.weight": ("BF16", w)})
        self.assertRefused(["--weights", st], f"{st}[lm_head.weight]: /head/weight has a non-finite "
                           "value (-inf) at row 4, column 1")

    def test_inf_in_bias(self):
        b = bias()
        b[3] = np.inf
        np.save(self.path("b.npy"), b)
        self.assertRefused(["--weights", self.w, "--bias", self.path("b.npy")],
                           f"{self.path('b.npy')}: /head/bias has a non-finite value (inf) at entry 3")

    def test_outside_float32_and_float16(self):
        w = weight(dtype="f8")
        w[1, 2] = 1e300
        np.save(self.w, w)
        self.assertRefused(["--weights", self.w], f"{self.w}: /head/weight has the value 1e+300 at "
                           "row 1, column 2, outside the float32 range")
        w[1, 2] = 70000.0
        np.save(self.w, w)
        self.assertRefused(["--weights", self.w, "--dtype", "float16"],
                           f"{self.w}: /head/weight has the value 70000.0 at row 1, column 2, outside "
                           "the float16 range (largest 65504.0)")

    def test_labels(self):
        y = self.path("y.npy")
        np.save(y, labels(m=2))
        self.assertRefused(["--weights", self.w, "--queries", self.x, "--labels", y],
                           f"{y}: /queries/label has 2 entries but there are 3 queries in /queries/x")
        np.save(y, np.array([1, 6, 0]))
        self.assertRefused(["--weights", self.w, "--queries", self.x, "--labels", y],
                           f"{y}: /queries/label has the value 6 at entry 1, outside the 6 classes [0, 6)")
        np.save(y, np.array([1.0, 2.0, 0.0]))
        self.assertRefused(["--weights", self.w, "--queries", self.x, "--labels", y],
                           f"{y}: /queries/label has dtype float64; expected integers")
        np.save(y, labels())
        self.assertRefused(["--weights", self.w, "--labels", y],
                           f"{y}: labels were given without queries")

    def test_vocab_and_shapes(self):
        v = self.path("v.txt")
        with open(v, "w") as f:
            f.write("a\nb\nc\n")
        self.assertRefused(["--weights", self.w, "--vocab", v],
                           f"{v}: /vocab has 3 names but /head/weight has 6 rows")
        with open(v, "wb") as f:
            f.write(b"a\n\xff\n")
        self.assertRefused(["--weights", self.w, "--vocab", v], f"{v}: line 2 is not valid UTF-8")
        np.save(self.w, np.ones((1, 5), "f4"))
        self.assertRefused(["--weights", self.w], f"{self.w}: /head/weight has shape 1 × 5; it needs "
                           "at least 2 rows and 1 column")
        np.save(self.w, np.ones((3, 5), "i4"))
        self.assertRefused(["--weights", self.w], f"{self.w}: /head/weight has dtype int32; expected "
                           "float16, float32 or float64")
        np.save(self.w, np.ones(5, "f4"))
        self.assertRefused(["--weights", self.w], f"{self.w}: /head/weight must be 2-D, but it has shape [5]")

    def test_files_and_options(self):
        missing = self.path("nope.safetensors")
        self.assertRefused(["--weights", missing], f"{missing}: no such file or directory")
        self.assertRefused(["--weights", self.w, "--temperature", "-1"],
                           "--temperature -1.0: must be a positive finite number")
        other = self.path("w.txt")
        open(other, "w").close()
        self.assertRefused(["--weights", other], f"{other}: unknown weights file type; expected "
                           ".safetensors, *.safetensors.index.json, .npz or .npy")
        r = run(["--weights", self.w, "--text", "t.txt", "-o", self.path("o.h5")])
        self.assertEqual(r.returncode, 2)
        self.assertTrue(r.stderr.endswith(PREFIX + "--text applies to --hf only\n"))

    def test_exit_status_from_the_command_line(self):
        x = queries()
        x[1, 0] = np.inf
        np.save(self.x, x)
        r = run_script(["--weights", self.w, "--queries", self.x, "-o", self.path("o.h5")])
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stderr, f"{PREFIX}{self.x}: /queries/x has a non-finite value (inf) at row 1, column 0\n")
        self.assertEqual(r.stdout, "")
        np.save(self.x, queries())
        r = run_script(["--weights", self.w, "--queries", self.x, "-o", self.path("o.h5")])
        self.assertEqual(r.returncode, 0, r.stderr)
        r = run_script(["--check", self.path("o.h5")])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("n = 6, d = 5, m = 3", r.stdout)

    def test_existing_output_is_left_alone(self):
        out = self.path("keep.h5")
        with open(out, "w") as f:
            f.write("old")
        x = queries()
        x[0, 0] = np.nan
        np.save(self.x, x)
        r = run(["--weights", self.w, "--queries", self.x, "-o", out])
        self.assertEqual(r.returncode, 2)
        with open(out) as f:
            self.assertEqual(f.read(), "old")
        self.assertEqual([f for f in os.listdir(self.dir) if f.endswith(".tmp")], [])


class CheckTest(TempDirTest):
    def test_good_export(self):
        np.save(self.path("w.npy"), weight())
        np.save(self.path("x.npy"), queries())
        np.save(self.path("y.npy"), labels())
        out = self.path("good.h5")
        self.assertEqual(run(["--weights", self.path("w.npy"), "--queries", self.path("x.npy"),
                              "--labels", self.path("y.npy"), "-o", out]).returncode, 0)
        r = run(["--check", out])
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = r.stdout.splitlines()
        self.assertEqual(lines[0], f"{out}: OK, adasoftmax-head version 1")
        self.assertEqual(lines[1], "  n = 6, d = 5, m = 3")
        self.assertTrue(lines[2].startswith("  /head/weight    6 × 5          float32  chunks"), lines[2])
        self.assertEqual(lines[3], "  /head/bias      absent")
        self.assertTrue(lines[4].startswith("  /queries/x      3 × 5          float32"), lines[4])
        self.assertTrue(lines[5].startswith("  /queries/label  [3]            int64"), lines[5])
        self.assertEqual(lines[6], "  /vocab          absent")
        self.assertIn("  temperature 1.0", lines)

    def test_bad_file(self):
        bad = self.path("bad.h5")
        with h5py.File(bad, "w") as f:
            f.attrs["format"] = "adasoftmax-head"
            f.attrs["version"] = 1
            w = weight()
            w[2, 4] = np.nan
            f.create_dataset("head/weight", data=w, chunks=(2, 2), compression="gzip")
        r = run(["--check", bad])
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stderr, f"{PREFIX}{bad}: /head/weight has a non-finite value (nan) at row 2, column 4\n")
        self.assertEqual(r.stdout, "")

    def test_project_fixtures(self):
        """The fixtures of the C++ reader's test (make_head_files.py): --check accepts and refuses
        the same files, for the same reasons."""
        fixtures = self.path("fixtures")
        subprocess.run([sys.executable, "-B", FIXTURES, fixtures], check=True)
        refused = {
            "no_format.h5": "the root attribute 'format' is missing; this is not an adasoftmax head file (HEAD_FORMAT.md)",
            "wrong_format.h5": "the root attribute 'format' is 'something-else', expected 'adasoftmax-head'",
            "format_not_string.h5": "the root attribute 'format' must be a single string, but its type is int64",
            "no_version.h5": "the root attribute 'version' is missing",
            "version2.h5": "written by format version 2; this script reads version 1",
            "no_weight.h5": "/head/weight is missing",
            "weight_group.h5": "/head/weight is not a readable dataset",
            "weight_1d.h5": "/head/weight must be 2-D, but it has shape [7]",
            "n1.h5": "/head/weight has shape 1 × 4; it needs at least 2 rows and 1 column",
            "int_weight.h5": "/head/weight has dtype int32; expected float16, float32 or float64",
            "string_weight.h5": "/head/weight has dtype object; expected float16, float32 or float64",
            "bias_length.h5": "/head/bias has 4 entries but /head/weight has 5 rows",
            "vocab_length.h5": "/vocab has 3 names but /head/weight has 5 rows",
            "vocab_numbers.h5": "/vocab has dtype int64; expected strings",
            "labels_length.h5": "/queries/label has 2 entries but there are 3 queries in /queries/x",
            "labels_float.h5": "/queries/label has dtype float64; expected an integer type",
            "queries_d.h5": "/queries/x has 6 columns but /head/weight has 7",
            "queries_1d.h5": "/queries/x must be 2-D, but it has shape [7]",
            "bad_temperature.h5": "the root attribute 'temperature' must be a positive finite number, got -1.0",
            "nan_weight.h5": "/head/weight has a non-finite value (nan) at row 3, column 6",
            "inf_queries.h5": "/queries/x has a non-finite value (-inf) at row 1, column 2",
            "inf_bias_f16.h5": "/head/bias has a non-finite value (inf) at entry 2",
            "too_big_for_float32.h5": "/head/weight has the value 1e+300 at row 1, column 2, outside the float32 range",
            "huge.h5": "/head/weight 1000000 × 1000000 would need 3725.29 GiB of memory, more than the "
                       "limit of 8.00 GiB (--max-memory-gib)",
            "huge_dims.h5": "/head/weight declares the shape 3000000000 × 2; dimensions above 2147483647 "
                            "are not supported",
            "not_hdf5.h5": "not an HDF5 file (HEAD_FORMAT.md describes the expected layout)",
            "empty.h5": "not an HDF5 file (HEAD_FORMAT.md describes the expected layout)",
        }
        good = ["good_f32.h5", "good_f16.h5", "good_f64_full.h5", "good_chunked.h5", "random.h5",
                "truncate_me.h5"]
        for name in good:
            with self.subTest(name=name):
                r = run(["--check", os.path.join(fixtures, name)])
                self.assertEqual(r.returncode, 0, r.stderr)
        for name, message in refused.items():
            with self.subTest(name=name):
                path = os.path.join(fixtures, name)
                r = run(["--check", path])
                self.assertEqual(r.returncode, 2)
                self.assertEqual(r.stderr, f"{PREFIX}{path}: {message}\n")
        r = run(["--check", os.path.join(fixtures, "truncated.h5")])
        self.assertEqual(r.returncode, 2)
        self.assertIn("the file may be truncated or damaged", r.stderr)
        r = run(["--check", os.path.join(fixtures, "good_f64_full.h5")])
        self.assertIn("  /vocab          [5]            strings", r.stdout.splitlines())
        self.assertIn("  temperature 0.5", r.stdout.splitlines())
        self.assertIn("  model: tiny-model", r.stdout.splitlines())


class WindowPlanTest(unittest.TestCase):
    def test_second_halves_tile_the_text(self):
        plan, stride, total = eh.plan_queries(100, 16, None, 10**6, 0)
        self.assertEqual(stride, 8)
        positions = [p for _, p in plan]
        self.assertEqual(positions, list(range(8, 99)))   # every position with a next token, once
        self.assertEqual(total, 91)
        for start, p in plan:
            self.assertEqual(start % 8, 0)
            self.assertTrue(8 <= p - start <= 15, (start, p))

    def test_sample_is_seeded_and_in_text_order(self):
        a, _, total = eh.plan_queries(1000, 32, None, 50, 7)
        b, _, _ = eh.plan_queries(1000, 32, None, 50, 7)
        c, _, _ = eh.plan_queries(1000, 32, None, 50, 8)
        self.assertEqual(a, b)
        self.assertNotEqual(a, c)
        self.assertEqual(len(a), 50)
        self.assertEqual([p for _, p in a], sorted(set(p for _, p in a)))
        self.assertEqual(total, 1000 - 16 - 1)

    def test_small_stride_keeps_the_longest_window(self):
        plan, _, total = eh.plan_queries(60, 16, 3, 10**6, 0)
        positions = [p for _, p in plan]
        self.assertEqual(positions, list(range(8, 59)))
        for start, p in plan:
            self.assertEqual(start, 3 * math.ceil(max(0, p - 15) / 3))

    def test_paper_protocol(self):
        plan, stride, total = eh.plan_queries(1000, 32, None, 50, 0, positions="last")
        self.assertEqual(stride, (1000 - 32) // 50)
        self.assertEqual(plan, [(k * 19, k * 19 + 30) for k in range(50)])
        self.assertEqual(total, len(range(0, 1000 - 32 + 1, 19)))

    def test_short_texts(self):
        with self.assertRaises(eh.ExportError) as e:
            eh.plan_queries(9, 16, None, 10, 0)
        self.assertEqual(str(e.exception), "the text has 9 tokens; a window of 16 needs at least 10 "
                         "for one query; use a smaller --context or a longer text")
        self.assertEqual(len(eh.plan_queries(10, 16, None, 10, 0)[0]), 1)
        with self.assertRaises(eh.ExportError):
            eh.plan_queries(20, 32, None, 10, 0, positions="last")
        with self.assertRaises(eh.ExportError):
            eh.plan_queries(100, 1, None, 10, 0)
        for positions in ("second-half", "last"):
            with self.assertRaises(eh.ExportError) as e:
                eh.plan_queries(100, 16, 0, 10, 0, positions)
            self.assertEqual(str(e.exception), "--stride 0: must be at least 1")

    def test_default_context(self):
        cfg = types.SimpleNamespace
        self.assertEqual(eh.default_context(cfg(model_type="gpt2", n_positions=1024)), (512, 1024))
        self.assertEqual(eh.default_context(cfg(model_type="llama", max_position_embeddings=8192)), (1024, 8192))
        self.assertEqual(eh.default_context(cfg(model_type="mistral", max_position_embeddings=2048)), (512, 2048))
        with self.assertRaises(eh.ExportError):
            eh.default_context(cfg(model_type="x"))


class ReadableTokenTest(unittest.TestCase):
    def test_tokens(self):
        # GPT-2 byte level: "Ġthe" decodes to " the"; "âĢ" is the first two bytes of "…" / "—".
        self.assertEqual(eh.readable_token(" the", "Ġthe"), " the")
        self.assertEqual(eh.readable_token("\ufffd", "âĢ"), "\\xe2\\x80")
        self.assertEqual(eh.readable_token("\n\n", "ĊĊ"), "\\n\\n")
        # SentencePiece: byte fallback, and the word-start space a lone token loses in decoding.
        self.assertEqual(eh.readable_token("\ufffd", "<0xE2>"), "\\xe2")
        self.assertEqual(eh.readable_token("\n", "<0x0A>"), "\\n")
        self.assertEqual(eh.readable_token("the", "\u2581the"), " the")
        # Special tokens and empty decodings.
        self.assertEqual(eh.readable_token("<|endoftext|>", "<|endoftext|>"), "<|endoftext|>")
        self.assertEqual(eh.readable_token("", "<pad>"), "<pad>")
        self.assertEqual(eh.readable_token("a\tb\x1b", None), "a\\tb\\x1b")
        self.assertEqual(eh.readable_token("日本", "æĹ¥æľ¬"), "日本")

    def test_byte_decoder_covers_all_bytes(self):
        decoder = eh.gpt2_byte_decoder()
        self.assertEqual(sorted(decoder.values()), list(range(256)))
        self.assertEqual(decoder["Ġ"], 32)
        self.assertEqual(decoder["Ċ"], 10)


def tiny_causal_lm(vocab=40, d=8, max_len=64, tied=True, with_bias=False):
    """A torch model with the Hugging Face causal-LM surface the script uses
    (get_input_embeddings, get_output_embeddings, forward(input_ids, use_cache) -> .logits)."""
    import torch

    class TinyCausalLM(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.embed = torch.nn.Embedding(vocab, d)
            self.pos = torch.nn.Embedding(max_len, d)
            self.mix = torch.nn.Linear(d, d)
            self.norm = torch.nn.LayerNorm(d)
            self.lm_head = torch.nn.Linear(d, vocab, bias=with_bias)
            if tied:
                self.lm_head.weight = self.embed.weight

        def get_input_embeddings(self):
            return self.embed

        def get_output_embeddings(self):
            return self.lm_head

        def forward(self, input_ids, use_cache=False):
            length = input_ids.shape[1]
            h = self.embed(input_ids) + self.pos(torch.arange(length))
            causal = h.cumsum(1) / torch.arange(1, length + 1).view(1, length, 1)
            h = self.norm(torch.tanh(self.mix(causal)) + h)
            return types.SimpleNamespace(logits=self.lm_head(h), last_hidden_state=h)

    torch.manual_seed(0)
    return TinyCausalLM().eval()


@unittest.skipUnless(HAVE_TORCH, "torch is not importable: the hidden-state extraction of mode (a) "
                     "is not tested here")
class TorchExtractionTest(unittest.TestCase):
    def test_queries_are_the_input_of_the_head(self):
        import torch
        model = tiny_causal_lm()
        tokens = np.random.default_rng(4).integers(0, 40, 150)
        plan, _, _ = eh.plan_queries(len(tokens), 20, None, 60, 1)
        for batch in (1, 3, 64):
            with self.subTest(batch=batch):
                x = eh.hidden_states_at(model, tokens, plan, 20, "cpu", batch)
                self.assertEqual(x.shape, (60, 8))
                self.assertEqual(x.dtype, np.float32)
                for q, (start, p) in enumerate(plan):
                    with torch.no_grad():
                        out = model(torch.from_numpy(tokens[start:p + 1])[None])
                        logits = out.logits[0, -1].numpy()
                        np.testing.assert_allclose(x[q], out.last_hidden_state[0, -1].numpy(),
                                                   rtol=1e-5, atol=1e-6)
                        np.testing.assert_allclose(model.lm_head(torch.from_numpy(x[q])).numpy(),
                                                   logits, rtol=1e-5, atol=1e-5)
        # The hook is removed afterwards: the model computes logits again.
        with torch.no_grad():
            self.assertEqual(model(torch.zeros(1, 3, dtype=torch.long)).logits.shape, (1, 3, 40))

    def test_head_tied_and_untied(self):
        model = tiny_causal_lm()
        w, b, name, what, tied = eh.head_from_model(model)
        self.assertTrue(tied)
        self.assertIsNone(b)
        self.assertEqual(name, "lm_head.weight")
        self.assertEqual(what, "lm_head.weight, tied to the input embedding embed.weight")
        np.testing.assert_array_equal(w, model.embed.weight.detach().numpy())
        model = tiny_causal_lm(tied=False, with_bias=True)
        w, b, name, what, tied = eh.head_from_model(model)
        self.assertFalse(tied)
        self.assertEqual(what, "lm_head.weight (not tied to the input embedding)")
        np.testing.assert_array_equal(b, model.lm_head.bias.detach().numpy())


CHARS = list("abcdefghijklmnopqrstuvwxyz .,\n") + [f"<extra{i}>" for i in range(10)]   # 40 tokens


def fake_transformers(model, with_tokenizer=True):
    """A stand-in for the transformers package: from_pretrained gives `model` and a character
    tokenizer, so export_from_hf runs end to end where transformers is not installed."""

    class CharTokenizer:
        def __len__(self):
            return len(CHARS)

        def __call__(self, text, verbose=True):
            return {"input_ids": [CHARS.index(c) for c in text]}

        def batch_decode(self, ids, skip_special_tokens=False, clean_up_tokenization_spaces=False):
            return ["".join(CHARS[i] for i in seq) for seq in ids]

        def convert_ids_to_tokens(self, ids):
            return [CHARS[i] for i in ids]

    class AutoModelForCausalLM:
        @staticmethod
        def from_pretrained(name, torch_dtype=None, revision=None, trust_remote_code=False):
            if name != "tiny":
                raise OSError(f"{name} is not a model here")
            return model

    class AutoTokenizer:
        @staticmethod
        def from_pretrained(name, revision=None, trust_remote_code=False):
            if not with_tokenizer:
                raise OSError("no tokenizer files")
            return CharTokenizer()

    return types.SimpleNamespace(AutoModelForCausalLM=AutoModelForCausalLM, AutoTokenizer=AutoTokenizer)


@unittest.skipUnless(HAVE_TORCH, "torch is not importable: mode (a) with a stand-in for "
                     "transformers is not tested here")
class FakeTransformersTest(TempDirTest):
    """Mode (a) end to end (loading, tokenizing, windows, hook, head, vocab, attributes) with a
    torch model and tokenizer standing in for a Hugging Face one."""

    def setUp(self):
        super().setUp()
        from unittest import mock
        self.model = tiny_causal_lm()
        self.model.config = types.SimpleNamespace(model_type="tiny", max_position_embeddings=64)
        self.fake = fake_transformers(self.model)
        patcher = mock.patch.dict(sys.modules, {"transformers": self.fake})
        patcher.start()
        self.addCleanup(patcher.stop)
        self.text = self.path("story.txt")
        with open(self.text, "w") as f:
            f.write("the cat sat on the mat.\nthe end, the dog.\n" * 8)

    def check_queries(self, head, tokens):
        import torch
        for q, (start, p) in enumerate(zip(head["queries/window_start"], head["queries/position"])):
            self.assertEqual(head["queries/label"][q], tokens[p + 1])
            with torch.no_grad():
                out = self.model(torch.from_numpy(np.asarray(tokens[start:p + 1]))[None])
            np.testing.assert_allclose(head["queries/x"][q], out.last_hidden_state[0, -1].numpy(),
                                       rtol=1e-5, atol=1e-6)
            np.testing.assert_allclose(head["head/weight"] @ head["queries/x"][q],
                                       out.logits[0, -1].numpy(), rtol=1e-4, atol=1e-5)

    def test_text(self):
        out = self.path("out.h5")
        r = run(["--hf", "tiny", "--text", self.text, "--queries", "30", "--seed", "2", "--device", "cpu",
                 "-o", out])
        self.assertEqual(r.returncode, 0, r.stderr)
        head = read_head(out)
        self.assertFormatAttrs(head)
        self.assertIn("head: lm_head.weight, tied to the input embedding embed.weight, 40 × 8", r.stdout)
        np.testing.assert_array_equal(head["head/weight"], self.model.embed.weight.detach().numpy())
        self.assertEqual(head["vocab"][:3], ["a", "b", "c"])
        self.assertEqual(head["vocab"][29], "\\n")
        self.assertEqual(head["queries/x"].shape, (30, 8))
        attrs = head["queries:attrs"]
        self.assertEqual((attrs["context"], attrs["stride"], attrs["positions"]), (16, 8, "second-half"))
        self.assertEqual(head["attrs"]["model"], "tiny")
        self.assertEqual(head["attrs"]["dataset"], "story.txt")
        self.assertIn("30 final-norm hidden states", head["attrs"]["description"])
        self.assertIn("windows of 16, stride 8; 30 of 327 candidate queries", r.stderr)
        with open(self.text) as f:
            tokens = np.array([CHARS.index(c) for c in f.read()])
        offsets = head["queries/position"] - head["queries/window_start"]
        self.assertTrue(((offsets >= 8) & (offsets <= 15)).all())
        self.check_queries(head, tokens)

    def test_token_ids_paper_protocol_float16(self):
        tokens = np.random.default_rng(9).integers(0, 40, 200)
        np.save(self.path("ids.npy"), tokens)
        out = self.path("out.h5")
        r = run(["--hf", "tiny", "--token-ids", self.path("ids.npy"), "--positions", "last",
                 "--context", "24", "--queries", "10", "--dtype", "float16", "-o", out])
        self.assertEqual(r.returncode, 0, r.stderr)
        head = read_head(out)
        self.assertEqual(head["queries/x:dtype"], np.float16)
        stride = (200 - 24) // 10
        np.testing.assert_array_equal(head["queries/window_start"], np.arange(10) * stride)
        np.testing.assert_array_equal(head["queries/position"], np.arange(10) * stride + 22)
        np.testing.assert_array_equal(head["queries/label"], tokens[np.arange(10) * stride + 23])

    def test_refusals(self):
        np.save(self.path("ids.npy"), np.array([1, 2, 40, 3]))
        self.assertRefused(["--hf", "tiny", "--token-ids", self.path("ids.npy")],
                           f"{self.path('ids.npy')}: token id 40 at entry 2 is outside the model's "
                           "vocabulary of 40", progress=True)
        self.assertRefused(["--hf", "tiny", "--text", self.text, "--context", "65"],
                           "--context 65: the model takes at most 64 positions", progress=True)
        self.assertRefused(["--hf", "tiny", "--text", self.text, "--queries", "many"],
                           "--queries many: with --hf, --queries is the number of queries (an integer)", progress=True)
        self.assertRefused(["--hf", "other", "--text", self.text],
                           "other: cannot load the model (other is not a model here)", progress=True)
        sys.modules["transformers"] = fake_transformers(self.model, with_tokenizer=False)
        self.assertRefused(["--hf", "tiny", "--text", self.text], "tiny: cannot load the tokenizer "
                           "(no tokenizer files); pass --token-ids instead of --text", progress=True)


class HfModeTest(TempDirTest):
    @unittest.skipIf(HAVE_TRANSFORMERS, "torch and transformers are importable")
    def test_missing_packages_message(self):
        r = run_script(["--hf", "gpt2", "--text", self.path("t.txt"), "-o", self.path("o.h5")])
        self.assertEqual(r.returncode, 2)
        self.assertEqual(r.stderr, PREFIX + "mode (a) needs torch and transformers: pip install "
                         "torch transformers\n")

    def tiny_gpt2(self):
        import torch
        import transformers
        torch.manual_seed(0)
        config = transformers.GPT2Config(n_layer=2, n_embd=32, n_head=2, vocab_size=100, n_positions=64)
        model = transformers.GPT2LMHeadModel(config).eval()
        model_dir = self.path("tiny-gpt2")
        model.save_pretrained(model_dir)
        return model, model_dir

    def check_queries(self, model, head, tokens):
        import torch
        w = head["head/weight"]
        x = head["queries/x"]
        for q, (start, p) in enumerate(zip(head["queries/window_start"], head["queries/position"])):
            self.assertEqual(head["queries/label"][q], tokens[p + 1])
            with torch.no_grad():
                out = model(torch.from_numpy(np.asarray(tokens[start:p + 1]))[None], output_hidden_states=True)
                logits = out.logits[0, -1].numpy()
                # x is the final-norm hidden state (the last hidden state, after ln_f) ...
                np.testing.assert_allclose(x[q], out.hidden_states[-1][0, -1].numpy(), rtol=1e-4, atol=1e-5)
                # ... so the head applied to it gives the model's logits.
                np.testing.assert_allclose(model.lm_head(torch.from_numpy(x[q])).numpy(), logits,
                                           rtol=1e-4, atol=1e-5)
                np.testing.assert_allclose(w @ x[q], logits, rtol=1e-4, atol=1e-4)

    @unittest.skipUnless(HAVE_TRANSFORMERS, "torch or transformers cannot be imported: the tiny "
                         "GPT-2 test of mode (a) is skipped")
    def test_tiny_gpt2_from_token_ids(self):
        model, model_dir = self.tiny_gpt2()
        tokens = np.random.default_rng(5).integers(0, 100, 300)
        np.save(self.path("ids.npy"), tokens)
        head, stdout = self.export(["--hf", model_dir, "--token-ids", self.path("ids.npy"),
                                    "--queries", "40", "--seed", "3", "--device", "cpu"])
        self.assertFormatAttrs(head)
        self.assertTrue(model.lm_head.weight is model.transformer.wte.weight)
        self.assertIn("head: lm_head.weight, tied to the input embedding transformer.wte.weight", stdout)
        np.testing.assert_array_equal(head["head/weight"], model.lm_head.weight.detach().numpy())
        self.assertNotIn("head/bias", head)
        self.assertNotIn("vocab", head)    # no tokenizer saved with the model
        self.assertEqual(head["queries/x"].shape, (40, 32))
        self.assertEqual(head["queries:attrs"]["context"], 32)   # GPT-2: n_positions / 2
        self.assertEqual(head["queries:attrs"]["stride"], 16)
        self.assertEqual(head["attrs"]["model"], model_dir)
        self.assertEqual(head["attrs"]["dataset"], "ids.npy")
        offsets = head["queries/position"] - head["queries/window_start"]
        self.assertTrue(((offsets >= 16) & (offsets <= 31)).all())
        self.check_queries(model, head, tokens)

    @unittest.skipUnless(HAVE_TRANSFORMERS, "torch or transformers cannot be imported: the tiny "
                         "GPT-2 test of mode (a) with a tokenizer is skipped")
    def test_tiny_gpt2_from_text(self):
        import transformers
        model, model_dir = self.tiny_gpt2()
        # A byte-level BPE tokenizer of exactly 100 tokens, built here (nothing is downloaded).
        chars = {b: c for c, b in eh.gpt2_byte_decoder().items()}
        vocab = {chars[b]: i for i, b in enumerate(range(32, 127))}
        vocab.update({"Ċ": 95, "Ġt": 96, "he": 97, "Ġthe": 98, "<|endoftext|>": 99})
        with open(self.path("vocab.json"), "w") as f:
            json.dump(vocab, f)
        with open(self.path("merges.txt"), "w") as f:
            f.write("#version: 0.2\nĠ t\nh e\nĠt he\n")
        tokenizer = transformers.GPT2Tokenizer(self.path("vocab.json"), self.path("merges.txt"))
        tokenizer.save_pretrained(model_dir)
        text = "the cat sat on the mat.\nthe end\n" * 12
        with open(self.path("story.txt"), "w") as f:
            f.write(text)
        head, _ = self.export(["--hf", model_dir, "--text", self.path("story.txt"), "--context", "16",
                               "--queries", "25", "--device", "cpu"])
        self.assertEqual(len(head["vocab"]), 100)
        self.assertEqual(head["vocab"][98], " the")
        self.assertEqual(head["vocab"][95], "\\n")
        self.assertEqual(head["vocab"][0], " ")
        self.assertEqual(head["vocab"][99], "<|endoftext|>")
        self.assertEqual(head["attrs"]["dataset"], "story.txt")
        self.assertEqual(head["queries:attrs"]["context"], 16)
        tokens = np.asarray(transformers.AutoTokenizer.from_pretrained(model_dir)(text)["input_ids"])
        self.check_queries(model, head, tokens)


class InteropTest(TempDirTest):
    """The C++ reader reads what the script writes: `adasoftmax run` on exported files."""

    def setUp(self):
        super().setUp()
        self.cli = os.environ.get("ADASOFTMAX_CLI")
        if not self.cli:
            self.skipTest("ADASOFTMAX_CLI is not set (the adasoftmax executable); interop with the "
                          "C++ reader is not checked")

    def run_cli(self, path):
        r = subprocess.run([self.cli, "run", path], capture_output=True, text=True, timeout=300)
        self.assertEqual(r.returncode, 0, f"{self.cli} run {path}\nstdout: {r.stdout}\nstderr: {r.stderr}")
        return r.stdout

    def test_cli_reads_exports(self):
        rng = np.random.default_rng(11)
        w = rng.standard_normal((64, 24)).astype("f4")
        x = rng.standard_normal((12, 24)).astype("f4")
        y = (x @ w.T).argmax(axis=1)
        st = self.path("m.safetensors")
        write_safetensors(st, {"lm_head.weight": ("BF16", w), "lm_head.bias": ("F32", np.zeros(64))})
        np.save(self.path("x.npy"), x)
        np.save(self.path("y.npy"), y)
        with open(self.path("v.txt"), "w") as f:
            f.write("\n".join(f"tok{i} é" for i in range(64)) + "\n")
        for dtype in ("float32", "float16"):
            with self.subTest(dtype=dtype):
                out = self.path(f"{dtype}.h5")
                r = run_script(["--weights", st, "--queries", self.path("x.npy"), "--labels",
                                self.path("y.npy"), "--vocab", self.path("v.txt"), "--dtype", dtype, "-o", out])
                self.assertEqual(r.returncode, 0, r.stderr)
                stdout = self.run_cli(out)
                self.assertRegex(stdout, r"arms n\s+64")
                self.assertRegex(stdout, r"dimension d\s+24")


if __name__ == "__main__":
    unittest.main()
