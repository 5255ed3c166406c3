#!/usr/bin/env python3
"""Export a model head (the last fully connected layer before a softmax) and its queries to the
AdaSoftmax HDF5 head format, version 1 (HEAD_FORMAT.md), or check an existing head file.

Mode (a), a Hugging Face causal LM by name or local directory (needs torch and transformers):

    export_head.py --hf gpt2 --text wiki.test.raw --queries 1000 -o gpt2-wikitext.h5

  W is the lm_head weight (the tied input embedding when the head is tied; the script says which),
  the bias is the lm_head's if it has one, /vocab holds the tokenizer's tokens in a readable form,
  and /queries/x are final-norm hidden states (the input of lm_head) at positions in the second
  half of sliding windows over the text; /queries/label is the next token id. --token-ids IDS.npy
  replaces --text when the tokens are already known (no tokenizer needed).

Mode (b), a tensor file plus hidden states (needs only numpy and h5py):

    export_head.py --weights model.safetensors --queries hidden.npy --labels next.npy -o head.h5

  safetensors (also sharded through *.index.json, or a directory holding them), .npz or .npy.

Check a head file against HEAD_FORMAT.md's rules and print a summary:

    export_head.py --check head.h5

Every input is validated before the output appears: shapes must agree and every value must be
finite. A refusal prints one line "export_head.py: error: ..." on stderr and exits with status 2.
The output is written to a temporary file beside it and renamed into place only when complete.
See README.md beside this script for the details and more examples.
"""
import argparse
import json
import math
import os
import re
import struct
import sys
import tempfile
import unicodedata
import zipfile

PROG = "export_head.py"
FORMAT_NAME = "adasoftmax-head"
FORMAT_VERSION = 1
HF_MISSING = "mode (a) needs torch and transformers: pip install torch transformers"

# safetensors dtypes the script converts, with their little-endian NumPy storage types.
SAFETENSORS_DTYPES = {"F32": "<f4", "F16": "<f2", "BF16": "<u2", "F64": "<f8"}
SAFETENSORS_ITEMSIZE = {"BOOL": 1, "U8": 1, "I8": 1, "F8_E4M3": 1, "F8_E5M2": 1, "I16": 2, "U16": 2,
                        "F16": 2, "BF16": 2, "I32": 4, "U32": 4, "F32": 4, "I64": 8, "U64": 8, "F64": 8}

# Where a checkpoint keeps its head, in the order the C++ reader looks (DESIGN.md "Files and formats").
LM_HEAD = "lm_head.weight"
OUTPUT_LAYERS = (LM_HEAD, "embed_out.weight")   # GPT-NeoX calls its untied output layer embed_out
MODEL_NAME_KEYS = ("model", "model_name", "name", "base_model", "_name_or_path", "model_id")
TIED_EMBEDDINGS = ("model.embed_tokens.weight", "transformer.wte.weight", "token_embd.weight",
                   "model.decoder.embed_tokens.weight", "gpt_neox.embed_in.weight")
TIED_SUFFIXES = ("embed_tokens.weight", "wte.weight", "word_embeddings.weight")
NPZ_WEIGHT = ("weight", "W", "A", "lm_head.weight")
NPZ_QUERIES = ("x", "X", "queries")
NPZ_BIAS = ("bias", "b")
NPZ_LABELS = ("label", "labels", "y")

BLOCK_VALUES = 1 << 22   # values converted and checked at a time (16 MiB as float32)
CHUNK_BYTES = 1 << 20    # target size of one HDF5 chunk
GZIP_LEVEL = 4
MAX_HEADER_BYTES = 100_000_000   # the safetensors format's limit on its JSON header
MAX_DIMENSION = 2**31 - 1   # the C++ reader counts rows and columns in int
DEFAULT_MEMORY_GIB = 8.0    # the C++ reader's default ReadLimits::maxBytes


class ExportError(Exception):
    """A refusal: printed as one line on stderr, exit status 2."""


try:
    import numpy as np
    import h5py
except ImportError as _missing:  # pragma: no cover - depends on the interpreter
    np = h5py = None
    _IMPORT_ERROR = f"{PROG} needs numpy and h5py: pip install numpy h5py ({_missing})"
else:
    _IMPORT_ERROR = None


# --------------------------------------------------------------------------------------------
# Small helpers

def shape_text(shape):
    """"5 × 7" for a matrix, "[5]" for a vector, as the C++ reader writes shapes."""
    shape = tuple(int(s) for s in shape)
    if len(shape) == 1:
        return f"[{shape[0]}]"
    return " × ".join(str(s) for s in shape) if shape else "a scalar"


def byte_text(count):
    if count >= (1 << 30) * 0.01:
        return f"{count / (1 << 30):.2f} GiB"
    if count >= 1 << 20:
        return f"{count / (1 << 20):.2f} MiB"
    return f"{int(count)} bytes"


def value_text(v):
    v = float(v)
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return repr(v)


# --------------------------------------------------------------------------------------------
# Arrays that are written block by block (so a 2 GB head is never copied whole)

class Array:
    """A 1-D or 2-D float array read in row blocks. `origin` names where it came from in messages
    ("model.safetensors[lm_head.weight]", "hidden.npy"); `path` is its place in the head file."""

    def __init__(self, path, origin, shape, read_rows, source_dtype):
        self.path = path
        self.origin = origin
        self.shape = tuple(int(s) for s in shape)
        self._read_rows = read_rows
        self.source_dtype = source_dtype   # as the source spells it: "BF16", "float32", ...

    @classmethod
    def from_numpy(cls, path, origin, array):
        array = np.asanyarray(array)   # a memmap stays a memmap: nothing is copied
        if array.dtype.kind != "f" or array.dtype.itemsize not in (2, 4, 8):
            raise ExportError(f"{origin}: {path} has dtype {array.dtype.name}; "
                              "expected float16, float32 or float64")
        return cls(path, origin, array.shape, lambda r0, r1: array[r0:r1], array.dtype.name)

    def rows(self, r0, r1):
        return np.asarray(self._read_rows(r0, r1))

    def limit_rows(self, m):
        """The first m rows (--max-queries)."""
        read = self._read_rows
        shape = (min(m, self.shape[0]),) + self.shape[1:]
        return Array(self.path, self.origin, shape, read, self.source_dtype)

    def block_rows(self):
        per_row = self.shape[1] if len(self.shape) == 2 else 1
        return max(1, BLOCK_VALUES // max(1, per_row))

    def blocks(self, storage):
        """Yields (r0, values as `storage`) and refuses the first non-finite value or one that
        the storage type cannot hold, naming the row and column."""
        storage = np.dtype(storage)
        step = self.block_rows()
        for r0 in range(0, self.shape[0], step):
            r1 = min(self.shape[0], r0 + step)
            block = self.rows(r0, r1)
            bad = ~np.isfinite(block)
            if bad.any():
                where = np.argwhere(bad)[0]
                raise ExportError(f"{self.origin}: {self.path} has a non-finite value "
                                  f"({value_text(block[tuple(where)])}) at {self._where(r0, where)}")
            with np.errstate(over="ignore", invalid="ignore"):
                converted = block.astype(storage, copy=False)
            if converted.dtype.itemsize < block.dtype.itemsize:
                bad = ~np.isfinite(converted)
                if bad.any():
                    where = np.argwhere(bad)[0]
                    limit = f" (largest {value_text(np.finfo(storage).max)})" if storage.itemsize == 2 else ""
                    raise ExportError(f"{self.origin}: {self.path} has the value "
                                      f"{value_text(block[tuple(where)])} at {self._where(r0, where)}, "
                                      f"outside the {storage.name} range{limit}")
            yield r0, converted

    def _where(self, r0, where):
        if len(self.shape) == 2:
            return f"row {r0 + int(where[0])}, column {int(where[1])}"
        return f"entry {r0 + int(where[0])}"


class HeadData:
    """Everything that goes into one head file, before it is validated and written."""

    def __init__(self, weight):
        self.weight = weight          # Array [n, d]
        self.bias = None              # Array [n] or None
        self.queries = None           # Array [m, d] or None
        self.labels = None            # (origin, int array [m]) or None
        self.vocab = None             # (origin, list of str) or None
        self.attrs = {}               # root attributes beyond format and version
        self.extra = {}               # extra datasets: path -> int64 array (ignored by readers)
        self.queries_attrs = {}       # attributes on the /queries group (provenance)
        self.report = []              # lines printed after writing
        self.tied = False             # the head is a tied input embedding


# --------------------------------------------------------------------------------------------
# safetensors, parsed by hand (the safetensors package is not needed)

class TensorInfo:
    def __init__(self, name, dtype, shape, file, begin, end, data_start):
        self.name, self.dtype, self.shape, self.file = name, dtype, tuple(shape), file
        self.begin, self.end, self.data_start = begin, end, data_start

    def origin(self):
        return f"{self.file}[{self.name}]"


def read_safetensors_header(path, metadata=None):
    """The tensors a .safetensors file declares, checked against the file's size. The header's
    __metadata__ strings are added to `metadata` (a dict) when one is given."""
    try:
        size = os.path.getsize(path)
        with open(path, "rb") as f:
            raw = f.read(8)
            if len(raw) < 8:
                raise ExportError(f"{path}: truncated safetensors file: {size} bytes, shorter than "
                                  "the 8-byte header length")
            (header_len,) = struct.unpack("<Q", raw)
            if header_len > MAX_HEADER_BYTES:
                raise ExportError(f"{path}: not a safetensors file: its first 8 bytes give a header "
                                  f"length of {header_len} bytes, more than the 100 MB a header may have")
            if header_len > size - 8:
                raise ExportError(f"{path}: truncated safetensors file: the header declares "
                                  f"{header_len} bytes but only {size - 8} follow")
            text = f.read(header_len)
    except OSError as e:
        raise ExportError(f"{path}: cannot read ({e.strerror or e})") from None
    try:
        header = json.loads(text.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        raise ExportError(f"{path}: the safetensors header is not valid JSON ({e})") from None
    if not isinstance(header, dict):
        raise ExportError(f"{path}: the safetensors header is not a JSON object")
    data_start = 8 + header_len
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__":
            if metadata is not None and isinstance(entry, dict):
                for key, value in entry.items():
                    metadata.setdefault(key, value)
            continue
        def whole(v):
            return isinstance(v, int) and not isinstance(v, bool) and v >= 0

        dtype = entry.get("dtype") if isinstance(entry, dict) else None
        shape = entry.get("shape") if isinstance(entry, dict) else None
        offsets = entry.get("data_offsets") if isinstance(entry, dict) else None
        if (not isinstance(dtype, str) or not isinstance(shape, list) or not all(whole(v) for v in shape)
                or not isinstance(offsets, list) or len(offsets) != 2 or not all(whole(v) for v in offsets)):
            raise ExportError(f"{path}: malformed safetensors header entry for '{name}': it needs a "
                              "string dtype, a shape of non-negative integers and data_offsets [begin, end]")
        begin, end = offsets
        if end < begin:
            raise ExportError(f"{path}: tensor {name} has data_offsets [{begin}, {end}] whose begin "
                              "is after its end")
        if data_start + end > size:
            raise ExportError(f"{path}: truncated safetensors file: tensor {name} ends at byte "
                              f"{data_start + end} but the file has {size} bytes")
        itemsize = SAFETENSORS_ITEMSIZE.get(dtype)
        if itemsize is not None and math.prod(shape) * itemsize != end - begin:
            raise ExportError(f"{path}: tensor {name} declares {dtype} {shape_text(shape)} "
                              f"({math.prod(shape) * itemsize} bytes) but its data_offsets span "
                              f"{end - begin} bytes")
        tensors[name] = TensorInfo(name, dtype, shape, path, begin, end, data_start)
    return tensors


def read_safetensors_index(index_path, metadata=None):
    """The tensors of a sharded checkpoint; shards are found beside the index's real path."""
    try:
        with open(index_path, "rb") as f:
            index = json.loads(f.read().decode("utf-8"))
    except OSError as e:
        raise ExportError(f"{index_path}: cannot read ({e.strerror or e})") from None
    except (UnicodeDecodeError, ValueError) as e:
        raise ExportError(f"{index_path}: not valid JSON ({e})") from None
    weight_map = index.get("weight_map") if isinstance(index, dict) else None
    if not isinstance(weight_map, dict) or not weight_map:
        raise ExportError(f"{index_path}: no 'weight_map' in this safetensors index")
    if metadata is not None and isinstance(index.get("metadata"), dict):
        metadata.update(index["metadata"])
    folder = os.path.dirname(os.path.realpath(index_path))
    headers = {}
    tensors = {}
    for name, shard in weight_map.items():
        if not isinstance(shard, str):
            raise ExportError(f"{index_path}: the weight_map gives {json.dumps(shard)} for {name}; "
                              "expected a shard file name")
        shard_path = os.path.join(folder, str(shard))
        if shard_path not in headers:
            if not os.path.isfile(shard_path):
                raise ExportError(f"{index_path}: shard {shard} (for {name}) is missing; "
                                  f"looked for {shard_path}")
            headers[shard_path] = read_safetensors_header(shard_path, metadata)
        if name not in headers[shard_path]:
            raise ExportError(f"{index_path}: the index puts {name} in {shard}, "
                              "but that shard does not declare it")
        tensors[name] = headers[shard_path][name]
    return tensors


def safetensors_array(info, path):
    if info.dtype not in SAFETENSORS_DTYPES:
        raise ExportError(f"{info.file}: tensor {info.name} has dtype {info.dtype}; "
                          "supported: F32, F16, BF16, F64")
    raw = np.memmap(info.file, dtype=SAFETENSORS_DTYPES[info.dtype], mode="r",
                    offset=info.data_start + info.begin, shape=info.shape)

    if info.dtype == "BF16":
        def read(r0, r1):   # bfloat16 is the top half of a float32
            return (raw[r0:r1].astype(np.uint32) << 16).view(np.float32)
    else:
        def read(r0, r1):
            return raw[r0:r1]
    return Array(path, info.origin(), info.shape, read, info.dtype)


def choose_head_tensor(tensors, requested, where):
    """(name, why, tied) by the C++ reader's rules: --tensor, lm_head.weight, a tied input
    embedding, else the only 2-D tensor."""
    two_d = sorted(name for name, t in tensors.items() if len(t.shape) == 2)
    listing = ", ".join(f"{n} ({shape_text(tensors[n].shape)})" for n in two_d) or "none"
    if requested:
        if requested not in tensors:
            raise ExportError(f"{where}: no tensor named '{requested}'; the 2-D tensors are: {listing}")
        if len(tensors[requested].shape) != 2:
            raise ExportError(f"{where}: tensor {requested} has shape "
                              f"{shape_text(tensors[requested].shape)}; the head must be 2-D")
        return requested, "chosen with --tensor", False
    for name in OUTPUT_LAYERS:
        if name in tensors and len(tensors[name].shape) == 2:
            return name, "the output layer", False
    tied = f"the input embedding: no {LM_HEAD}, so the head is tied"
    for name in TIED_EMBEDDINGS:
        if name in tensors and len(tensors[name].shape) == 2:
            return name, tied, True
    for suffix in TIED_SUFFIXES:
        for name in two_d:
            if name.endswith(suffix):
                return name, tied, True
    if len(two_d) == 1:
        return two_d[0], "the only 2-D tensor", False
    raise ExportError(f"{where}: cannot tell which tensor is the head (no {LM_HEAD}, no input "
                      f"embedding, and {len(two_d)} 2-D tensors: {listing}); pass --tensor NAME")


# --------------------------------------------------------------------------------------------
# NumPy files

def load_npy(path, what):
    try:
        return np.load(path, mmap_mode="r", allow_pickle=False)
    except FileNotFoundError:
        raise ExportError(f"{path}: no such file ({what})") from None
    except (OSError, ValueError, EOFError) as e:
        raise ExportError(f"{path}: not a readable .npy file ({e})") from None


def npz_members(path):
    """{name: (shape, dtype)} of an .npz, read from the member headers only."""
    members = {}
    try:
        with zipfile.ZipFile(path) as z:
            for info in z.infolist():
                if not info.filename.endswith(".npy"):
                    continue
                with z.open(info) as f:
                    version = np.lib.format.read_magic(f)
                    if version == (1, 0):
                        shape, _, dtype = np.lib.format.read_array_header_1_0(f)
                    elif version == (2, 0):
                        shape, _, dtype = np.lib.format.read_array_header_2_0(f)
                    else:
                        shape, _, dtype = np.lib.format._read_array_header(f, version)
                members[info.filename[:-4]] = (tuple(shape), np.dtype(dtype))
    except FileNotFoundError:
        raise ExportError(f"{path}: no such file") from None
    except (OSError, ValueError, zipfile.BadZipFile) as e:
        raise ExportError(f"{path}: not a readable .npz file ({e})") from None
    return members


def load_npz_member(path, name):
    try:
        with np.load(path, allow_pickle=False) as z:
            return z[name]
    except (OSError, ValueError, EOFError, zipfile.BadZipFile) as e:
        raise ExportError(f"{path}: cannot read member '{name}' ({e})") from None


def first_present(names, members):
    return next((n for n in names if n in members), None)


def integer_labels(origin, array):
    array = np.asarray(array)
    if array.ndim != 1:
        raise ExportError(f"{origin}: /queries/label must be 1-D, but it has shape {shape_text(array.shape)}")
    if array.dtype.kind not in "iu":
        raise ExportError(f"{origin}: /queries/label has dtype {array.dtype.name}; expected integers")
    return array


# --------------------------------------------------------------------------------------------
# Mode (b): a tensor file plus hidden states

def resolve_weights_path(path):
    if not os.path.exists(path):
        raise ExportError(f"{path}: no such file or directory")
    if not os.path.isdir(path):
        return path
    for name in ("model.safetensors.index.json", "model.safetensors"):
        if os.path.isfile(os.path.join(path, name)):
            return os.path.join(path, name)
    for pattern in (".safetensors.index.json", ".safetensors"):
        found = sorted(f for f in os.listdir(path) if f.endswith(pattern))
        if len(found) == 1:
            return os.path.join(path, found[0])
    raise ExportError(f"{path}: a directory without model.safetensors(.index.json) or a single "
                      "*.safetensors file; name the file")


def load_weights_file(args):
    """HeadData (weight and bias) from --weights; also queries/labels found inside an .npz."""
    path = resolve_weights_path(args.weights)
    lower = path.lower()
    bias_name = args.bias if args.bias and not is_npy_path(args.bias) else None
    if lower.endswith(".index.json") or lower.endswith(".safetensors"):
        metadata = {}
        tensors = (read_safetensors_index(path, metadata) if lower.endswith(".index.json")
                   else read_safetensors_header(path, metadata))
        name, why, tied = choose_head_tensor(tensors, args.tensor, path)
        head = HeadData(safetensors_array(tensors[name], "/head/weight"))
        head.report.append(f"head: {name} ({tensors[name].dtype}, {shape_text(tensors[name].shape)}), {why}")
        head.attrs["head_tensor"] = name
        head.tied = tied
        named = next((str(metadata[k]) for k in MODEL_NAME_KEYS
                      if isinstance(metadata.get(k), str) and metadata[k]), None)
        if named:
            head.attrs["model"] = named
        if bias_name is None and not args.no_bias:
            # NAME.bias beside NAME.weight; a tied embedding has none of its own, so lm_head.bias
            candidate = ("lm_head.bias" if tied or not name.endswith(".weight")
                         else name[: -len(".weight")] + ".bias")
            n = tensors[name].shape[0]
            if candidate in tensors and tensors[candidate].shape == (n,):
                bias_name = candidate
        if bias_name and not args.no_bias:
            if bias_name not in tensors:
                raise ExportError(f"{path}: no tensor named '{bias_name}' (--bias)")
            head.bias = safetensors_array(tensors[bias_name], "/head/bias")
            head.report.append(f"bias: {bias_name}")
        return head, None, None
    if lower.endswith(".npz"):
        members = npz_members(path)
        two_d = sorted(n for n, (s, _) in members.items() if len(s) == 2)
        if args.tensor:
            if args.tensor not in members:
                raise ExportError(f"{path}: no member named '{args.tensor}'; the members are: "
                                  + ", ".join(f"{n} ({shape_text(s)})" for n, (s, _) in sorted(members.items())))
            name, why = args.tensor, "chosen with --tensor"
        else:
            name = first_present(NPZ_WEIGHT, members)
            why = "by its name"
            if name is None:
                others = [n for n in two_d if n not in NPZ_QUERIES]
                if len(others) != 1:
                    raise ExportError(f"{path}: cannot tell which member is the head (none is named "
                                      f"{', '.join(NPZ_WEIGHT)}, and there are {len(others)} other 2-D "
                                      f"members: {', '.join(others) or 'none'}); pass --tensor NAME")
                name, why = others[0], "the only 2-D member"
        weight = load_npz_member(path, name)
        if weight.ndim != 2:
            raise ExportError(f"{path}[{name}]: /head/weight must be 2-D, but it has shape {shape_text(weight.shape)}")
        head = HeadData(Array.from_numpy("/head/weight", f"{path}[{name}]", weight))
        head.report.append(f"head: {name} ({weight.dtype.name}, {shape_text(weight.shape)}), {why}")
        head.attrs["head_tensor"] = name
        if not args.no_bias:
            bname = bias_name or first_present(NPZ_BIAS, members)
            if bias_name and bias_name not in members:
                raise ExportError(f"{path}: no member named '{bias_name}' (--bias)")
            if bname:
                head.bias = Array.from_numpy("/head/bias", f"{path}[{bname}]", load_npz_member(path, bname))
                head.report.append(f"bias: {bname}")
        queries = labels = None
        qname = first_present(NPZ_QUERIES, members)
        if qname and not args.queries:
            queries = Array.from_numpy("/queries/x", f"{path}[{qname}]", load_npz_member(path, qname))
        lname = first_present(NPZ_LABELS, members)
        if lname and not args.labels and queries is not None:   # labels go with the npz's queries
            labels = (f"{path}[{lname}]", integer_labels(f"{path}[{lname}]", load_npz_member(path, lname)))
        return head, queries, labels
    if lower.endswith(".npy"):
        weight = load_npy(path, "the head")
        head = HeadData(Array.from_numpy("/head/weight", path, weight))
        head.report.append(f"head: {path} ({weight.dtype.name}, {shape_text(weight.shape)})")
        if bias_name and not args.no_bias:
            raise ExportError(f"--bias {bias_name}: with a .npy head, give the bias as a .npy file")
        return head, None, None
    raise ExportError(f"{path}: unknown weights file type; expected .safetensors, "
                      "*.safetensors.index.json, .npz or .npy")


def is_npy_path(text):
    return text.lower().endswith(".npy")


def load_queries_file(path):
    if path.lower().endswith(".npz"):
        members = npz_members(path)
        name = first_present(NPZ_QUERIES, members)
        if name is None:
            two_d = [n for n, (s, _) in members.items() if len(s) == 2]
            if len(two_d) != 1:
                raise ExportError(f"{path}: no member named {', '.join(NPZ_QUERIES)} and "
                                  f"{len(two_d)} 2-D members; cannot tell which holds the queries")
            name = two_d[0]
        return Array.from_numpy("/queries/x", f"{path}[{name}]", load_npz_member(path, name))
    return Array.from_numpy("/queries/x", path, load_npy(path, "the queries"))


def load_labels_file(path):
    if path.lower().endswith(".npz"):
        members = npz_members(path)
        name = first_present(NPZ_LABELS, members)
        if name is None:
            one_d = [n for n, (s, _) in members.items() if len(s) == 1]
            if len(one_d) != 1:
                raise ExportError(f"{path}: no member named {', '.join(NPZ_LABELS)} and "
                                  f"{len(one_d)} 1-D members; cannot tell which holds the labels")
            name = one_d[0]
        origin = f"{path}[{name}]"
        return origin, integer_labels(origin, load_npz_member(path, name))
    return path, integer_labels(path, load_npy(path, "the labels"))


def read_vocab_file(path):
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        raise ExportError(f"{path}: cannot read the vocabulary ({e.strerror or e})") from None
    lines = data.split(b"\n")
    if data.endswith(b"\n"):
        lines.pop()
    names = []
    for number, line in enumerate(lines, 1):
        if line.endswith(b"\r"):
            line = line[:-1]
        try:
            names.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            raise ExportError(f"{path}: line {number} is not valid UTF-8") from None
    return names


def export_from_files(args):
    head, queries, labels = load_weights_file(args)
    if args.bias and is_npy_path(args.bias) and not args.no_bias:
        head.bias = Array.from_numpy("/head/bias", args.bias, load_npy(args.bias, "the bias"))
        head.report.append(f"bias: {args.bias}")
    if args.queries:
        queries = load_queries_file(args.queries)
    if args.labels:
        labels = load_labels_file(args.labels)
    if args.max_queries is not None:
        if queries is not None:
            queries = queries.limit_rows(args.max_queries)
        if labels is not None:
            labels = (labels[0], labels[1][: args.max_queries])
    head.queries, head.labels = queries, labels
    if args.vocab:
        head.vocab = (args.vocab, read_vocab_file(args.vocab))
    weights_name = os.path.basename(os.path.normpath(args.weights))
    if args.model is not None or "model" not in head.attrs:   # else the checkpoint's metadata named it
        head.attrs["model"] = args.model if args.model is not None else weights_name
    if queries is not None:
        head.attrs["dataset"] = (args.dataset if args.dataset is not None
                                 else os.path.basename(queries.origin.split("[")[0]))
    elif args.dataset is not None:
        head.attrs["dataset"] = args.dataset
    tensor = head.attrs.get("head_tensor")
    parts = [("tied input embedding " if head.tied else "") + (f"{tensor} from " if tensor else "")
             + f"{weights_name} ({head.weight.source_dtype})"]
    if queries is not None:
        parts.append(f"{queries.shape[0]} queries from {os.path.basename(queries.origin)}")
    head.attrs["description"] = (args.description if args.description is not None
                                 else "; ".join(parts))
    return head


# --------------------------------------------------------------------------------------------
# Mode (a): a Hugging Face causal LM

def default_context(config):
    """ALGORITHM.md §10.1: GPT-2 n_positions/2 = 512, others min(max_position_embeddings/4, 1024)."""
    max_pos = None
    for attr in ("max_position_embeddings", "n_positions", "n_ctx"):
        value = getattr(config, attr, None)
        if isinstance(value, int) and value > 0:
            max_pos = value
            break
    if max_pos is None:
        raise ExportError("cannot tell the model's context length from its config; pass --context")
    if getattr(config, "model_type", "") == "gpt2":
        return max_pos // 2, max_pos
    return min(max_pos // 4, 1024), max_pos


def plan_queries(num_tokens, context, stride, count, seed, positions="second-half"):
    """Where the queries sit in a token stream t[0..N-1]: a list of (window_start, position).
    The query at `position` sees t[window_start : position + 1] and its label is t[position + 1].

    second-half: windows start at 0, stride, 2·stride, … (stride defaults to context/2, so the
      second halves tile the text); the candidates of a window are its positions from context//2
      on, so each query sees at least context//2 + 1 tokens. A position that falls in the second
      half of two windows (stride < context/2) keeps the earlier, longer window. `count` of the
      candidates are drawn without replacement with `seed` and returned in text order.
    last (ALGORITHM.md §10.1, the paper): one query per window, at its last position;
      stride defaults to ⌊(N − context)/count⌋; the first `count` windows are used.
    Returns (plan, stride, number of candidates)."""
    if context < 2:
        raise ExportError(f"--context {context}: a window needs at least 2 tokens")
    if count < 1:
        raise ExportError(f"--queries {count}: need at least one query")
    if stride is not None and stride < 1:
        raise ExportError(f"--stride {stride}: must be at least 1")
    if positions == "last":
        if num_tokens < context:
            raise ExportError(f"the text has {num_tokens} tokens, fewer than one window of {context}; "
                              "use a smaller --context or a longer text")
        if stride is None:
            stride = max(1, (num_tokens - context) // count)
        starts = np.arange(0, num_tokens - context + 1, stride, dtype=np.int64)
        total = len(starts)
        starts = starts[:count]
        return [(int(s), int(s) + context - 2) for s in starts], stride, total
    half = context // 2
    if stride is None:
        stride = max(1, context - half)
    last_position = num_tokens - 2            # the last position that has a next token
    if last_position < half:
        raise ExportError(f"the text has {num_tokens} tokens; a window of {context} needs at least "
                          f"{half + 2} for one query; use a smaller --context or a longer text")
    starts_list, positions_list = [], []
    for start in range(0, last_position - half + 1, stride):
        p = np.arange(start + half, min(start + context - 1, last_position) + 1, dtype=np.int64)
        starts_list.append(np.full(len(p), start, dtype=np.int64))
        positions_list.append(p)
    all_starts = np.concatenate(starts_list)
    all_positions = np.concatenate(positions_list)
    _, first = np.unique(all_positions, return_index=True)   # earliest window per position
    all_starts, all_positions = all_starts[first], all_positions[first]
    total = len(all_positions)
    if count < total:
        chosen = np.sort(np.random.default_rng(seed).choice(total, size=count, replace=False))
        all_starts, all_positions = all_starts[chosen], all_positions[chosen]
    return list(zip(all_starts.tolist(), all_positions.tolist())), stride, total


GPT2_BYTE_DECODER = None


def gpt2_byte_decoder():
    """The inverse of GPT-2's bytes_to_unicode: the printable character that stands for each byte
    in byte-level BPE tokens ("Ġ" is a space, "Ċ" a newline)."""
    global GPT2_BYTE_DECODER
    if GPT2_BYTE_DECODER is None:
        bs = (list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1))
              + list(range(ord("®"), ord("ÿ") + 1)))
        cs = bs[:]
        extra = 0
        for b in range(256):
            if b not in bs:
                bs.append(b)
                cs.append(256 + extra)
                extra += 1
        GPT2_BYTE_DECODER = {chr(c): b for b, c in zip(bs, cs)}
    return GPT2_BYTE_DECODER


def escape_controls(text):
    """Newlines, tabs and other control characters as visible escapes (\\n, \\t, \\x1b)."""
    out = []
    for ch in text:
        if ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif unicodedata.category(ch) == "Cc" or ch in "\u2028\u2029":
            out.append(f"\\x{ord(ch):02x}" if ord(ch) < 256 else f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return "".join(out)


def readable_token(decoded, token):
    """A display name for one vocabulary entry. `decoded` is tokenizer.decode([id]); `token` is
    convert_ids_to_tokens(id). A byte-level token that is only part of a UTF-8 character decodes
    to U+FFFD; it is shown by its bytes instead ("\\xe2\\x80"). Control characters are escaped."""
    text = decoded if isinstance(decoded, str) else ""
    token = token if isinstance(token, str) else None
    if "\ufffd" in text and token and "\ufffd" not in token:
        byte_fallback = re.fullmatch(r"<0x([0-9A-Fa-f]{2})>", token)
        decoder = gpt2_byte_decoder()
        if byte_fallback:
            text = bytes([int(byte_fallback.group(1), 16)]).decode("utf-8", errors="backslashreplace")
        elif all(c in decoder for c in token):
            text = bytes(decoder[c] for c in token).decode("utf-8", errors="backslashreplace")
        else:
            text = token
    elif text == "" and token:
        text = token
    elif token and token.startswith("\u2581") and not text.startswith(" "):
        text = " " + text   # SentencePiece drops the word-start space of a lone token
    return escape_controls(text)


def hf_vocab(tokenizer, n):
    size = min(n, len(tokenizer))
    ids = list(range(size))
    decoded = tokenizer.batch_decode([[i] for i in ids], skip_special_tokens=False,
                                     clean_up_tokenization_spaces=False)
    tokens = tokenizer.convert_ids_to_tokens(ids)
    names = [readable_token(text, tok) for text, tok in zip(decoded, tokens)]
    names += [f"<unused {i}>" for i in range(size, n)]
    return names


def module_name(model, module):
    for name, candidate in model.named_modules():
        if candidate is module:
            return name
    return "?"


def head_from_model(model):
    """(W, b or None, name, what, tied) of a causal LM: the lm_head weight, which is the input embedding
    itself when the head is tied."""
    out = model.get_output_embeddings()
    if out is None or getattr(out, "weight", None) is None:
        raise ExportError("the model has no output layer (get_output_embeddings() is None); "
                          "is it a causal language model?")
    inp = model.get_input_embeddings()
    out_name = module_name(model, out) + ".weight"
    tied = inp is not None and (out.weight is inp.weight
                                or out.weight.data_ptr() == inp.weight.data_ptr())
    if tied:
        what = f"{out_name}, tied to the input embedding {module_name(model, inp)}.weight"
    else:
        what = f"{out_name} (not tied to the input embedding)"
    weight = out.weight.detach().float().cpu().numpy()
    bias = getattr(out, "bias", None)
    bias = bias.detach().float().cpu().numpy() if bias is not None else None
    return weight, bias, out_name, what, tied


class _Captured(Exception):
    pass


def hidden_states_at(model, tokens, plan, context, device, batch_size=8, progress=None):
    """The input of the model's output layer (the final-norm hidden state) at each planned
    position, as float32 [m, d]. Each window t[start : start + context] runs once; a hook on the
    output layer takes its input and stops the forward pass before the logits are computed."""
    import torch
    tokens = np.asarray(tokens, dtype=np.int64)
    by_window = {}
    for q, (start, position) in enumerate(plan):
        by_window.setdefault(start, []).append((q, position))
    windows = sorted(by_window)
    lengths = {s: min(context, len(tokens) - s) for s in windows}
    out_layer = model.get_output_embeddings()
    captured = {}

    def hook(module, args):
        captured["h"] = args[0]
        raise _Captured

    result = None
    handle = out_layer.register_forward_pre_hook(hook)
    try:
        groups = {}
        for s in windows:
            groups.setdefault(lengths[s], []).append(s)
        done = 0
        for length, starts in sorted(groups.items()):
            for i in range(0, len(starts), batch_size):
                batch = starts[i:i + batch_size]
                ids = torch.from_numpy(np.stack([tokens[s:s + length] for s in batch])).to(device)
                captured.clear()
                with torch.no_grad():
                    try:
                        model(input_ids=ids, use_cache=False)
                    except _Captured:
                        pass
                if "h" not in captured:
                    raise ExportError("the model's forward pass never called its output layer")
                h = captured.pop("h")
                if h.shape[:2] != ids.shape:
                    raise ExportError(f"the output layer saw hidden states of shape {tuple(h.shape)} "
                                      f"for a batch of {tuple(ids.shape)} tokens")
                h = h.detach().float().cpu().numpy()
                if result is None:
                    result = np.empty((len(plan), h.shape[-1]), dtype=np.float32)
                for row, s in enumerate(batch):
                    for q, position in by_window[s]:
                        result[q] = h[row, position - s]
                done += len(batch)
                if progress:
                    progress(done, len(windows))
    finally:
        handle.remove()
    return result


def export_from_hf(args):
    try:
        import torch
        import transformers
    except ImportError:
        raise ExportError(HF_MISSING) from None

    def say(text):
        print(text, file=sys.stderr, flush=True)

    # The inputs first, so that a wrong path fails before a large model loads.
    text = raw_ids = None
    if args.text:
        try:
            with open(args.text, encoding="utf-8") as f:
                text = f.read()
        except OSError as e:
            raise ExportError(f"{args.text}: cannot read ({e.strerror or e})") from None
        except UnicodeDecodeError as e:
            raise ExportError(f"{args.text}: not valid UTF-8 ({e})") from None
    elif args.token_ids:
        raw_ids = load_npy(args.token_ids, "the token ids")
        if raw_ids.ndim != 1 or raw_ids.dtype.kind not in "iu":
            raise ExportError(f"{args.token_ids}: the token ids must be a 1-D integer array, "
                              f"got {raw_ids.dtype.name} {shape_text(raw_ids.shape)}")
    count = parse_count(args.queries, 1000)

    torch_dtype = {"float32": torch.float32, "float16": torch.float16,
                   "bfloat16": torch.bfloat16}[args.torch_dtype]
    device = args.device or ("cuda" if torch.cuda.is_available() else "cpu")
    say(f"loading {args.hf} ({args.torch_dtype}) on {device} ...")
    try:
        model = transformers.AutoModelForCausalLM.from_pretrained(
            args.hf, torch_dtype=torch_dtype, revision=args.revision,
            trust_remote_code=args.trust_remote_code)
    except (OSError, ValueError) as e:
        raise ExportError(f"{args.hf}: cannot load the model ({e})") from None
    model.eval().to(device)

    tokenizer = None
    try:
        tokenizer = transformers.AutoTokenizer.from_pretrained(
            args.hf, revision=args.revision, trust_remote_code=args.trust_remote_code)
    except Exception as e:  # a checkpoint without tokenizer files raises various types
        if args.text:
            raise ExportError(f"{args.hf}: cannot load the tokenizer ({e}); "
                              "pass --token-ids instead of --text") from None
        say(f"note: no tokenizer ({type(e).__name__}); /vocab is not written unless --vocab is given")

    weight, bias, out_name, what, tied = head_from_model(model)
    n = weight.shape[0]
    head = HeadData(Array.from_numpy("/head/weight", f"{args.hf}[{out_name}]", weight))
    head.attrs["head_tensor"] = out_name
    head.report.append(f"head: {what}, {shape_text(weight.shape)}")
    if bias is not None and not args.no_bias:
        head.bias = Array.from_numpy("/head/bias", f"{args.hf}[{out_name[:-len('weight')]}bias]", bias)
        head.report.append("bias: the output layer's bias")
    for attr in ("final_logit_softcapping", "logit_scale", "logits_scaling"):
        value = getattr(model.config, attr, None)
        if value not in (None, 1, 1.0):
            say(f"note: the model's config has {attr} = {value}: its logits are not exactly "
                "W x + b; the head file holds W and b only (set --temperature if it is a scale)")

    if args.vocab:
        head.vocab = (args.vocab, read_vocab_file(args.vocab))
    elif tokenizer is not None:
        head.vocab = (f"{args.hf} tokenizer", hf_vocab(tokenizer, n))

    tokens = None
    if args.text:
        say(f"tokenizing {args.text} ...")
        tokens = np.asarray(tokenizer(text, verbose=False)["input_ids"], dtype=np.int64)
        source = args.text
    elif args.token_ids:
        tokens = np.asarray(raw_ids, dtype=np.int64)
        source = args.token_ids
    vocab_in = model.get_input_embeddings().weight.shape[0]
    if tokens is not None:
        bad = np.flatnonzero((tokens < 0) | (tokens >= min(vocab_in, n)))
        if len(bad):
            raise ExportError(f"{source}: token id {tokens[bad[0]]} at entry {bad[0]} is outside "
                              f"the model's vocabulary of {min(vocab_in, n)}")
        try:
            context, max_pos = default_context(model.config)
        except ExportError:
            if args.context is None:
                raise
            max_pos = None
        if args.context is not None:
            context = args.context
        if max_pos is not None and context > max_pos:
            raise ExportError(f"--context {context}: the model takes at most {max_pos} positions")
        plan, stride, total = plan_queries(len(tokens), context, args.stride, count, args.seed,
                                           args.positions)
        say(f"{len(tokens)} tokens; windows of {context}, stride {stride}; {len(plan)} of "
            f"{total} candidate queries ({args.positions})")
        shown = [0]

        def progress(done, windows):   # about every tenth of the way
            if done == windows or done - shown[0] >= max(1, windows // 10):
                shown[0] = done
                say(f"  {done}/{windows} windows")

        x = hidden_states_at(model, tokens, plan, context, device, args.batch_size, progress)
        starts = np.array([s for s, _ in plan], dtype=np.int64)
        positions = np.array([p for _, p in plan], dtype=np.int64)
        head.queries = Array.from_numpy("/queries/x", f"{args.hf} hidden states", x)
        head.labels = (source, tokens[positions + 1])
        head.extra["queries/position"] = positions
        head.extra["queries/window_start"] = starts
        head.queries_attrs.update({"context": context, "stride": stride, "positions": args.positions,
                                   "seed": args.seed, "candidates": total, "tokens": len(tokens)})
        dataset = os.path.basename(source)
        where = ("at the last position of each window (the ALGORITHM.md §10.1 protocol)"
                 if args.positions == "last" else "in the second halves of the windows")
        description = (f"{args.hf}: head {what}; {len(plan)} final-norm hidden states (the input "
                       f"of the head) {where}, windows of {context} tokens with stride {stride} over "
                       f"{dataset}; label = the next token id")
    else:
        say("note: no --text or --token-ids: writing the head without queries")
        dataset = None
        description = f"{args.hf}: head {what}"
    head.attrs["model"] = args.model if args.model is not None else args.hf
    if args.dataset is not None or dataset is not None:
        head.attrs["dataset"] = args.dataset if args.dataset is not None else dataset
    head.attrs["description"] = args.description if args.description is not None else description
    return head


def parse_count(text, default):
    if text is None:
        return default
    try:
        value = int(text)
    except ValueError:
        raise ExportError(f"--queries {text}: with --hf, --queries is the number of queries "
                          "(an integer)") from None
    if value < 1:
        raise ExportError(f"--queries {text}: need at least one query")
    return value


# --------------------------------------------------------------------------------------------
# Validation and writing

def validate(head):
    """Shape rules of HEAD_FORMAT.md, checked before any value is converted or written."""
    w = head.weight
    if len(w.shape) != 2:
        raise ExportError(f"{w.origin}: /head/weight must be 2-D, but it has shape {shape_text(w.shape)}")
    n, d = w.shape
    if n < 2 or d < 1:
        raise ExportError(f"{w.origin}: /head/weight has shape {shape_text(w.shape)}; "
                          "it needs at least 2 rows and 1 column")
    if head.bias is not None:
        b = head.bias
        if len(b.shape) != 1:
            raise ExportError(f"{b.origin}: /head/bias must be 1-D, but it has shape {shape_text(b.shape)}")
        if b.shape[0] != n:
            raise ExportError(f"{b.origin}: /head/bias has {b.shape[0]} entries but /head/weight "
                              f"has {n} rows")
    m = None
    if head.queries is not None:
        q = head.queries
        if len(q.shape) != 2:
            raise ExportError(f"{q.origin}: /queries/x must be 2-D [m, d], but it has shape "
                              f"{shape_text(q.shape)}")
        if q.shape[1] != d:
            raise ExportError(f"{q.origin}: /queries/x has {q.shape[1]} columns but /head/weight "
                              f"has {d}")
        m = q.shape[0]
    if head.labels is not None:
        origin, labels = head.labels
        if m is None:
            raise ExportError(f"{origin}: labels were given without queries")
        if len(labels) != m:
            raise ExportError(f"{origin}: /queries/label has {len(labels)} entries but there are "
                              f"{m} queries in /queries/x")
        bad = np.flatnonzero((labels < 0) | (labels >= n)) if len(labels) else []
        if len(bad):
            raise ExportError(f"{origin}: /queries/label has the value {labels[bad[0]]} at entry "
                              f"{bad[0]}, outside the {n} classes [0, {n})")
    if head.vocab is not None:
        origin, names = head.vocab
        if len(names) != n:
            raise ExportError(f"{origin}: /vocab has {len(names)} names but /head/weight has {n} rows")
    t = head.attrs.get("temperature", 1.0)
    if not (math.isfinite(t) and t > 0):
        raise ExportError(f"--temperature {t}: must be a positive finite number")
    for key in ("model", "dataset", "description"):
        if key in head.attrs and not isinstance(head.attrs[key], str):
            raise ExportError(f"the attribute '{key}' must be a string")


def chunk_shape(shape, itemsize):
    if len(shape) == 1:
        return (max(1, min(shape[0], CHUNK_BYTES // itemsize)),)
    cols = min(shape[1], CHUNK_BYTES // itemsize)
    rows = max(1, min(shape[0], CHUNK_BYTES // (itemsize * cols)))
    return (rows, cols)


def write_array(f, array, storage):
    storage = np.dtype(storage)
    if 0 in array.shape:
        ds = f.create_dataset(array.path, shape=array.shape, dtype=storage)
    else:
        ds = f.create_dataset(array.path, shape=array.shape, dtype=storage,
                              chunks=chunk_shape(array.shape, storage.itemsize),
                              compression="gzip", compression_opts=GZIP_LEVEL, shuffle=True)
    for r0, block in array.blocks(storage):
        ds[r0:r0 + block.shape[0]] = block


def write_ints(f, path, values):
    values = np.asarray(values, dtype=np.int64)
    if len(values):
        f.create_dataset(path, data=values, chunks=chunk_shape(values.shape, 8),
                         compression="gzip", compression_opts=GZIP_LEVEL, shuffle=True)
    else:
        f.create_dataset(path, data=values)


def write_head_file(head, output, storage="float32"):
    """Validates, then writes to a temporary file beside `output` and renames it into place, so a
    refusal halfway through (a NaN in row 40 000) never leaves a partial file."""
    validate(head)
    folder = os.path.dirname(os.path.abspath(output))
    if os.path.isdir(output):
        raise ExportError(f"{output}: is a directory")
    if not os.path.isdir(folder):
        raise ExportError(f"{output}: the folder {folder} does not exist")
    fd, temp = tempfile.mkstemp(prefix="." + os.path.basename(output) + ".", suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        with h5py.File(temp, "w") as f:
            f.attrs["format"] = FORMAT_NAME
            f.attrs["version"] = np.int64(FORMAT_VERSION)
            f.attrs["temperature"] = float(head.attrs.get("temperature", 1.0))
            for key, value in head.attrs.items():
                if key != "temperature":
                    f.attrs[key] = value
            write_array(f, head.weight, storage)
            if head.bias is not None:
                write_array(f, head.bias, storage)
            if head.queries is not None:
                write_array(f, head.queries, storage)
            if head.labels is not None:
                write_ints(f, "queries/label", head.labels[1])
            for path, values in head.extra.items():
                write_ints(f, path, values)
            for key, value in head.queries_attrs.items():
                f["queries"].attrs[key] = value
            if head.vocab is not None:
                f.create_dataset("vocab", data=np.array(head.vocab[1], dtype=object),
                                 dtype=h5py.string_dtype("utf-8"))
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temp, 0o666 & ~umask)   # mkstemp makes it private; give it a normal file's mode
        os.replace(temp, output)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise


# --------------------------------------------------------------------------------------------
# --check: HEAD_FORMAT.md's reader rules, in Python

def _attr_kind(f, name):
    return f.attrs.get_id(name).dtype


def _string_attr(f, name, path):
    if name not in f.attrs:
        return None
    dtype = _attr_kind(f, name)
    value = np.asarray(f.attrs[name])
    is_string = h5py.check_string_dtype(dtype) is not None or dtype.kind in "SU"
    if not is_string or value.size != 1:
        raise ExportError(f"{path}: the root attribute '{name}' must be a single string, but its "
                          f"type is {dtype}")
    value = value.reshape(-1)[0]
    return value.decode("utf-8", errors="replace") if isinstance(value, bytes) else str(value)


def _number_attr(f, name, path, integer):
    if name not in f.attrs:
        return None
    dtype = _attr_kind(f, name)
    value = np.asarray(f.attrs[name])
    ok = dtype.kind in "iu" or (not integer and dtype.kind == "f")
    if not ok or value.size != 1:
        kind = "integer" if integer else "number"
        raise ExportError(f"{path}: the root attribute '{name}' must be a single {kind}, but its "
                          f"type is {dtype}")
    return value.reshape(-1)[0].item()


def _dataset(f, hdf_path, rank, path):
    if hdf_path not in f:
        return None
    ds = f[hdf_path]
    if not isinstance(ds, h5py.Dataset):
        raise ExportError(f"{path}: {hdf_path} is not a readable dataset")
    if ds.ndim != rank:
        raise ExportError(f"{path}: {hdf_path} must be {rank}-D, but it has shape {shape_text(ds.shape)}")
    if any(dim > MAX_DIMENSION for dim in ds.shape):
        raise ExportError(f"{path}: {hdf_path} declares the shape {shape_text(ds.shape)}; "
                          f"dimensions above {MAX_DIMENSION} are not supported")
    return ds


def _require_float(ds, path):
    if ds.dtype.kind != "f" or ds.dtype.itemsize not in (2, 4, 8):
        raise ExportError(f"{path}: {ds.name} has dtype {ds.dtype}; expected float16, float32 or float64")


def _check_values(ds, path):
    per_row = ds.shape[1] if ds.ndim == 2 else 1
    step = max(1, BLOCK_VALUES // max(1, per_row))
    for r0 in range(0, ds.shape[0], step):
        block = ds[r0:min(ds.shape[0], r0 + step)]
        bad = ~np.isfinite(block)
        if bad.any():
            where = np.argwhere(bad)[0]
            place = (f"row {r0 + where[0]}, column {where[1]}" if ds.ndim == 2 else f"entry {r0 + where[0]}")
            raise ExportError(f"{path}: {ds.name} has a non-finite value ({value_text(block[tuple(where)])}) at {place}")
        if block.dtype.itemsize > 4:
            big = np.abs(block) > np.finfo(np.float32).max
            if big.any():
                where = np.argwhere(big)[0]
                place = (f"row {r0 + where[0]}, column {where[1]}" if ds.ndim == 2 else f"entry {r0 + where[0]}")
                raise ExportError(f"{path}: {ds.name} has the value {value_text(block[tuple(where)])} "
                                  f"at {place}, outside the float32 range")


def _storage_text(ds):
    if ds.chunks is None:
        return "contiguous"
    filters = [name for name in ("gzip", "lzf", "szip") if ds.compression == name]
    if ds.shuffle:
        filters.append("shuffle")
    return f"chunks {shape_text(ds.chunks)}" + (", " + "+".join(filters) if filters else "")


def check_file(path, max_memory_gib=DEFAULT_MEMORY_GIB):
    """Validates a head file by HEAD_FORMAT.md's reader rules; returns the summary lines."""
    try:
        return _check_file(path, max_memory_gib)
    except (OSError, RuntimeError, KeyError, ValueError) as e:   # h5py on a damaged file
        raise ExportError(f"{path}: cannot read; the file may be truncated or damaged ({e})") from None


def _check_file(path, max_memory_gib):
    if not os.path.exists(path):
        raise ExportError(f"{path}: no such file")
    if os.path.isdir(path):
        raise ExportError(f"{path}: is a directory, not an HDF5 file")
    if not h5py.is_hdf5(path):
        raise ExportError(f"{path}: not an HDF5 file (HEAD_FORMAT.md describes the expected layout)")
    try:
        f = h5py.File(path, "r")
    except OSError as e:
        raise ExportError(f"{path}: cannot open as HDF5; the file may be truncated or damaged ({e})") from None
    with f:
        fmt = _string_attr(f, "format", path)
        if fmt is None:
            raise ExportError(f"{path}: the root attribute 'format' is missing; this is not an "
                              "adasoftmax head file (HEAD_FORMAT.md)")
        if fmt != FORMAT_NAME:
            raise ExportError(f"{path}: the root attribute 'format' is '{fmt}', expected '{FORMAT_NAME}'")
        version = _number_attr(f, "version", path, integer=True)
        if version is None:
            raise ExportError(f"{path}: the root attribute 'version' is missing")
        if version > FORMAT_VERSION:
            raise ExportError(f"{path}: written by format version {version}; this script reads "
                              f"version {FORMAT_VERSION}")
        if version < 1:
            raise ExportError(f"{path}: unknown format version {version}; this script reads "
                              f"version {FORMAT_VERSION}")
        temperature = _number_attr(f, "temperature", path, integer=False)
        if temperature is not None and not (math.isfinite(temperature) and temperature > 0):
            raise ExportError(f"{path}: the root attribute 'temperature' must be a positive finite "
                              f"number, got {value_text(temperature)}")
        texts = {key: _string_attr(f, key, path) for key in ("model", "dataset", "description")}

        weight = _dataset(f, "/head/weight", 2, path)
        if weight is None:
            raise ExportError(f"{path}: /head/weight is missing")
        _require_float(weight, path)
        n, d = weight.shape
        if n < 2 or d < 1:
            raise ExportError(f"{path}: /head/weight has shape {shape_text(weight.shape)}; it needs "
                              "at least 2 rows and 1 column")
        bias = _dataset(f, "/head/bias", 1, path)
        if bias is not None:
            _require_float(bias, path)
            if bias.shape[0] != n:
                raise ExportError(f"{path}: /head/bias has {bias.shape[0]} entries but /head/weight "
                                  f"has {n} rows")
        queries = _dataset(f, "/queries/x", 2, path)
        if queries is not None:
            _require_float(queries, path)
            if queries.shape[1] != d:
                raise ExportError(f"{path}: /queries/x has {queries.shape[1]} columns but "
                                  f"/head/weight has {d}")
        m = queries.shape[0] if queries is not None else 0
        labels = _dataset(f, "/queries/label", 1, path)
        if labels is not None:
            if labels.dtype.kind not in "iu":
                raise ExportError(f"{path}: /queries/label has dtype {labels.dtype}; expected an integer type")
            if labels.shape[0] != m:
                raise ExportError(f"{path}: /queries/label has {labels.shape[0]} entries but there "
                                  f"are {m} queries in /queries/x")
        vocab = _dataset(f, "/vocab", 1, path)
        if vocab is not None:
            if h5py.check_string_dtype(vocab.dtype) is None:
                raise ExportError(f"{path}: /vocab has dtype {vocab.dtype}; expected strings")
            if vocab.shape[0] != n:
                raise ExportError(f"{path}: /vocab has {vocab.shape[0]} names but /head/weight has "
                                  f"{n} rows")
        memory = 4 * (n * d + m * d) + (4 * n if bias is not None else 0) + (8 * m if labels is not None else 0)
        limit = max_memory_gib * (1 << 30)
        if memory > limit:
            raise ExportError(f"{path}: /head/weight {shape_text(weight.shape)}"
                              + (f" and /queries/x {shape_text(queries.shape)}" if queries is not None else "")
                              + f" would need {byte_text(memory)} of memory, more than the limit of "
                              f"{byte_text(limit)} (--max-memory-gib)")
        for ds in (weight, bias, queries):
            if ds is not None:
                _check_values(ds, path)

        lines = [f"{path}: OK, {FORMAT_NAME} version {version}",
                 f"  n = {n}, d = {d}, m = {m}"]
        for name, ds in (("/head/weight", weight), ("/head/bias", bias), ("/queries/x", queries),
                         ("/queries/label", labels)):
            if ds is None:
                lines.append(f"  {name:<15} absent")
            else:
                lines.append(f"  {name:<15} {shape_text(ds.shape):<14} {ds.dtype.name:<8} {_storage_text(ds)}")
        lines.append(f"  {'/vocab':<15} " + ("absent" if vocab is None else f"{shape_text(vocab.shape):<14} strings"))
        if labels is not None and m:
            values = labels[()]
            outside = np.flatnonzero((values < 0) | (values >= n))
            if len(outside):
                lines.append(f"  note: {len(outside)} labels are outside [0, {n}), the first "
                             f"{values[outside[0]]} at entry {outside[0]}")
        lines.append(f"  temperature {value_text(temperature if temperature is not None else 1.0)}"
                     + ("" if temperature is not None else " (default)"))
        for key, value in texts.items():
            if value is not None:
                lines.append(f"  {key}: {value}")
        lines.append(f"  memory to load as float32: {byte_text(memory)}")
        return lines


# --------------------------------------------------------------------------------------------
# Command line

def build_parser():
    p = argparse.ArgumentParser(
        prog=PROG, formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Export a model head and its queries to the AdaSoftmax HDF5 head format "
                    "(HEAD_FORMAT.md), or check a head file.",
        epilog="examples:\n"
               "  export_head.py --hf gpt2 --text wiki.test.raw --queries 1000 -o gpt2.h5\n"
               "  export_head.py --weights model.safetensors --queries hidden.npy "
               "--labels next.npy -o head.h5\n"
               "  export_head.py --check head.h5\n"
               "Exit status: 0 done, 2 refused (one line on stderr says why).")
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--hf", metavar="MODEL", help="mode (a): a Hugging Face causal LM, by name or local directory")
    source.add_argument("--weights", metavar="FILE", help="mode (b): .safetensors, *.safetensors.index.json, "
                        "a directory holding them, .npz or .npy")
    source.add_argument("--check", metavar="FILE.h5", help="validate a head file and print a summary")
    p.add_argument("-o", "--output", metavar="OUT.h5", help="the head file to write")
    p.add_argument("--max-memory-gib", type=float, default=DEFAULT_MEMORY_GIB, metavar="GIB",
                   help="--check: refuse a file that needs more memory than this to load "
                   f"(default {DEFAULT_MEMORY_GIB:g}, as the C++ reader)")

    common = p.add_argument_group("both modes")
    common.add_argument("--queries", metavar="M|FILE", help="(a) how many queries to sample (default 1000); "
                        "(b) the hidden states, [m, d] .npy (or .npz with x/X/queries)")
    common.add_argument("--vocab", metavar="FILE", help="one display name per line, one line per head row")
    common.add_argument("--temperature", type=float, default=1.0, help="the attribute temperature (β), default 1")
    common.add_argument("--model", help="the attribute model (default: the model name or weights file)")
    common.add_argument("--dataset", help="the attribute dataset (default: the text or queries file name)")
    common.add_argument("--description", help="the attribute description (default: what was exported)")
    common.add_argument("--dtype", choices=("float32", "float16"), default="float32",
                        help="storage type of the weight, bias and queries (default float32)")
    common.add_argument("--no-bias", action="store_true", help="leave the bias out even where there is one")

    hf = p.add_argument_group("mode (a): --hf")
    text = hf.add_mutually_exclusive_group()
    text.add_argument("--text", metavar="FILE", help="UTF-8 text to run the model over (e.g. the "
                      "wikitext-2-raw-v1 test split joined with blank lines)")
    text.add_argument("--token-ids", metavar="IDS.npy", help="a 1-D integer .npy of token ids, instead of --text")
    hf.add_argument("--context", type=int, help="window length L (default GPT-2 n_positions/2 = 512, "
                    "others min(max_position_embeddings/4, 1024))")
    hf.add_argument("--stride", type=int, help="distance between window starts (default L/2; "
                    "with --positions last, ⌊(N − L)/M⌋)")
    hf.add_argument("--positions", choices=("second-half", "last"), default="second-half",
                    help="second-half: sample among the positions in each window's second half "
                    "(default); last: one query at the last position of each window, as the paper")
    hf.add_argument("--seed", type=int, default=0, help="seed of the query sample (default 0)")
    hf.add_argument("--device", help="torch device (default cuda when available, else cpu)")
    hf.add_argument("--torch-dtype", choices=("float32", "float16", "bfloat16"), default="float32",
                    help="precision the model runs in (default float32)")
    hf.add_argument("--batch-size", type=int, default=8, help="windows per forward pass (default 8)")
    hf.add_argument("--revision", help="model revision (branch, tag or commit)")
    hf.add_argument("--trust-remote-code", action="store_true", help="allow the model's own code")

    files = p.add_argument_group("mode (b): --weights")
    files.add_argument("--tensor", metavar="NAME", help="the head tensor (default: lm_head.weight, "
                       "else a tied input embedding, else the only 2-D tensor)")
    files.add_argument("--bias", metavar="NAME|FILE.npy", help="the bias: a tensor in the weights "
                       "file, or a .npy (default: NAME.bias beside NAME.weight, npz bias/b)")
    files.add_argument("--labels", metavar="FILE", help="the true class / next token of each query, "
                       "1-D integer .npy (or .npz with label/labels/y)")
    files.add_argument("--max-queries", type=int, metavar="M", help="keep the first M queries")
    return p


MODE_B_ONLY = ("tensor", "bias", "labels", "max_queries")
MODE_A_ONLY = ("text", "token_ids", "context", "stride", "device", "revision")


def check_options(p, args):
    def flag(dest):
        return "--" + dest.replace("_", "-")

    if args.check:
        if args.output:
            p.error("--check reads a file; it takes no --output")
        return
    if not args.output:
        p.error("--output OUT.h5 is required to export")
    if args.hf:
        for dest in MODE_B_ONLY:
            if getattr(args, dest) is not None:
                p.error(f"{flag(dest)} applies to --weights only")
        if args.positions != "second-half" and not (args.text or args.token_ids):
            p.error("--positions needs --text or --token-ids")
    else:
        for dest in MODE_A_ONLY:
            if getattr(args, dest) is not None:
                p.error(f"{flag(dest)} applies to --hf only")
        if args.trust_remote_code:
            p.error("--trust-remote-code applies to --hf only")
        if args.positions != "second-half":
            p.error("--positions applies to --hf only")
        if args.max_queries is not None and args.max_queries < 1:
            p.error("--max-queries must be at least 1")
    if args.batch_size < 1:
        p.error("--batch-size must be at least 1")


def main(argv=None):
    parser = build_parser()
    args = parser.parse_args(argv)
    check_options(parser, args)
    try:
        if _IMPORT_ERROR:
            raise ExportError(_IMPORT_ERROR)
        if args.check:
            print("\n".join(check_file(args.check, args.max_memory_gib)))
            return 0
        head = export_from_hf(args) if args.hf else export_from_files(args)
        head.attrs["temperature"] = args.temperature
        write_head_file(head, args.output, args.dtype)
    except ExportError as e:
        print(f"{PROG}: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted; nothing was written", file=sys.stderr)
        return 130
    for line in head.report:
        print(line)
    n, d = head.weight.shape
    parts = [f"{n} × {d} head ({args.dtype})"]
    if head.bias is not None:
        parts.append("bias")
    if head.queries is not None:
        parts.append(f"{head.queries.shape[0]} queries" + (" with labels" if head.labels is not None else ""))
    if head.vocab is not None:
        parts.append("vocab")
    print(f"wrote {args.output}: " + ", ".join(parts) + f" ({byte_text(os.path.getsize(args.output))})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
