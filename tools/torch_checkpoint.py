"""PyTorch's side of torchlet's checkpoint round trips.

The Python `safetensors` package is not installed on these machines, so this script carries a
plain-Python reference reader and writer of the safetensors format (struct + json + torch),
laid out as the Rust implementation lays files out: tensors sorted by dtype alignment (largest
first) then name, `__metadata__` first in the header (keys sorted here; Rust's order is a hash
map's), compact JSON, the header padded with spaces to a multiple of 8 bytes.

Usage (run with /usr/bin/python3, which has PyTorch 1.13):
    python3 tools/torch_checkpoint.py describe FILE...  prints each FILE's manifest (JSON, one line each)
                                                        as PyTorch sees it
    python3 tools/torch_checkpoint.py check FILE        loads FILE with torch.load(weights_only=True)
                                                        (exit status 0 when PyTorch accepts it)

A manifest describes a loaded object: a tensor is {"$tensor": {dtype, shape, stride, offset,
storage, sha256}} (storage numbers storages in order of first appearance, so sharing shows; sha256
is of the tensor's row-major little-endian bytes); a dict is {"$dict": [[key, value], ...]} (keys
keep their type, int or str); lists and tuples are arrays; floats are numbers except NaN/±Inf/-0,
{"$float": "nan" | "inf" | "-inf" | "-0"}; ints beyond 2**53 - 1 are {"$int": "decimal"};
a dtype object is {"$dtype": name}.

.pt files are read with torch.load(weights_only=True). PyTorch 1.13's weights-only unpickler lacks
the BINFLOAT opcode (it refuses every optimizer state dict, PyTorch's own included); when it refuses
a file for that reason only, `describe` retries with pickle's own unpickler restricted to the same
allowlist of globals (which reads BINFLOAT), and says so on stderr.
"""
import hashlib
import io
import json
import math
import pickle
import struct
import sys

import torch

# safetensors dtype name -> (torch dtype or None for raw-only, bytes per element)
ST_DTYPES = {
    "F64": (torch.float64, 8), "F32": (torch.float32, 4), "F16": (torch.float16, 2),
    "BF16": (torch.bfloat16, 2), "I64": (torch.int64, 8), "I32": (torch.int32, 4),
    "I16": (torch.int16, 2), "I8": (torch.int8, 1), "U8": (torch.uint8, 1), "BOOL": (torch.bool, 1),
    "U16": (None, 2), "U32": (None, 4), "U64": (None, 8), "F8_E5M2": (None, 1), "F8_E4M3": (None, 1),
}
ST_NAME = {dt: name for name, (dt, _) in ST_DTYPES.items() if dt is not None}
# Rust's Dtype enum order (declaration order = alignment order); files list the largest first
ST_ORDER = ["BOOL", "U8", "I8", "F8_E5M2", "F8_E4M3", "I16", "U16", "F16", "BF16", "I32", "U32", "F32", "F64", "I64", "U64"]

DTYPE_NAMES = {
    torch.float32: "float32", torch.float64: "float64", torch.float16: "float16", torch.bfloat16: "bfloat16",
    torch.int64: "int64", torch.int32: "int32", torch.int16: "int16", torch.int8: "int8",
    torch.uint8: "uint8", torch.bool: "bool",
}


def tensor_bytes(t):
    """The row-major bytes of t (little-endian, as torch stores them on this machine)."""
    flat = t.detach().contiguous().reshape(-1)
    if flat.numel() == 0:
        return b""
    return bytes(flat.view(torch.uint8).numpy().tobytes())


class Raw:
    """A safetensors entry without a torch dtype (U16, U32, U64, F8_*): dtype name, shape, bytes."""

    def __init__(self, dtype, shape, data):
        self.dtype, self.shape, self.data = dtype, list(shape), bytes(data)


def st_dumps(tensors, metadata=None):
    """The bytes of a safetensors file holding `tensors` (name -> torch.Tensor or Raw)."""
    entries = []
    for name, t in tensors.items():
        if isinstance(t, Raw):
            entries.append((name, t.dtype, t.shape, t.data))
        else:
            entries.append((name, ST_NAME[t.dtype], list(t.shape), tensor_bytes(t)))
    entries.sort(key=lambda e: (-ST_ORDER.index(e[1]), e[0]))
    header = {}
    if metadata is not None:
        header["__metadata__"] = {k: metadata[k] for k in sorted(metadata)}
    offset = 0
    for name, dtype, shape, data in entries:
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
    text = json.dumps(header, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    return struct.pack("<Q", len(text)) + text + b"".join(e[3] for e in entries)


def st_loads(data):
    """(metadata, {name: torch.Tensor or Raw}) of safetensors bytes; checks offsets and sizes."""
    (n,) = struct.unpack("<Q", data[:8])
    if n > 100_000_000 or 8 + n > len(data):
        raise ValueError("bad header length")
    header = json.loads(data[8:8 + n].decode("utf-8"))
    metadata = header.pop("__metadata__", None)
    body = data[8 + n:]
    out, end = {}, 0
    for name, info in sorted(header.items(), key=lambda kv: tuple(kv[1]["data_offsets"])):
        if set(info) != {"dtype", "shape", "data_offsets"}:
            raise ValueError(f"{name}: bad fields")
        begin, stop = info["data_offsets"]
        dtype, size = ST_DTYPES[info["dtype"]]
        if begin != end or stop - begin != math.prod(info["shape"]) * size:
            raise ValueError(f"{name}: bad offsets")
        end = stop
        raw = body[begin:stop]
        if dtype is None:
            out[name] = Raw(info["dtype"], info["shape"], raw)
        else:
            t = torch.frombuffer(bytearray(raw), dtype=torch.uint8) if raw else torch.empty(0, dtype=torch.uint8)
            out[name] = t.view(dtype).reshape(info["shape"]).clone()
    if end != len(body):
        raise ValueError("data not covered exactly")
    return metadata, out


def restricted_load_with_floats(path):
    """torch.load with 1.13's allowlist of globals, enforced by pickle.Unpickler.find_class, which
    also understands BINFLOAT. Used only when 1.13's own weights-only unpickler refuses a file for
    BINFLOAT alone."""
    allowed = torch._weights_only_unpickler._get_allowed_globals()

    class Restricted(pickle.Unpickler):
        def find_class(self, module, name):
            full = f"{module}.{name}"
            if full not in allowed:
                raise pickle.UnpicklingError(f"Unsupported class {full}")
            return allowed[full]

    class Module:
        Unpickler = Restricted
        __name__ = "restricted"

        @staticmethod
        def load(f, **kw):
            return Restricted(f, **kw).load()

    return torch.load(path, pickle_module=Module)


def torch_load(path, note=sys.stderr):
    """torch.load(path, weights_only=True), or restricted_load_with_floats when PyTorch 1.13 refuses
    the file only for its floats (opcode 71, BINFLOAT)."""
    try:
        return torch.load(path, weights_only=True)
    except Exception as e:  # 1.13 wraps the unpickler's error in a generic one
        if "Unsupported operand 71" not in str(e):
            raise
        print(f"{path}: PyTorch {torch.__version__}'s weights_only unpickler lacks BINFLOAT; "
              "retrying with the same allowlist plus BINFLOAT", file=note)
        return restricted_load_with_floats(path)


def describe(obj, storages=None):
    """The manifest of a loaded object (see the module docstring)."""
    if storages is None:
        storages = {}
    if isinstance(obj, torch.Tensor):
        ptr = obj.storage().data_ptr() if obj.numel() > 0 else ("empty", id(obj))
        key = storages.setdefault(ptr, len(storages))
        return {"$tensor": {
            "dtype": DTYPE_NAMES[obj.dtype], "shape": list(obj.shape), "stride": list(obj.stride()),
            "offset": obj.storage_offset(), "storage": key,
            "sha256": hashlib.sha256(tensor_bytes(obj)).hexdigest(),
        }}
    if isinstance(obj, Raw):
        return {"$raw": {"dtype": obj.dtype, "shape": obj.shape, "sha256": hashlib.sha256(obj.data).hexdigest()}}
    if isinstance(obj, dict):
        return {"$dict": [[k, describe(v, storages)] for k, v in obj.items()]}
    if isinstance(obj, (list, tuple)):
        return [describe(v, storages) for v in obj]
    if isinstance(obj, bool) or obj is None or isinstance(obj, str):
        return obj
    if isinstance(obj, int):
        return obj if abs(obj) <= 2**53 - 1 else {"$int": str(obj)}
    if isinstance(obj, float):
        if math.isnan(obj):
            return {"$float": "nan"}
        if math.isinf(obj):
            return {"$float": "inf" if obj > 0 else "-inf"}
        if obj == 0 and math.copysign(1.0, obj) < 0:
            return {"$float": "-0"}
        return obj
    if isinstance(obj, torch.dtype):
        return {"$dtype": DTYPE_NAMES[obj]}
    raise TypeError(f"cannot describe {type(obj).__name__}")


def load_any(path):
    """A file as PyTorch sees it: safetensors through st_loads (metadata under "__metadata__"),
    anything else through torch_load."""
    if path.endswith(".safetensors"):
        with open(path, "rb") as f:
            metadata, tensors = st_loads(f.read())
        return {"__metadata__": metadata, "tensors": tensors}
    return torch_load(path)


def main(argv):
    if len(argv) < 3 or argv[1] not in ("describe", "check") or (argv[1] == "check" and len(argv) != 3):
        print(__doc__, file=sys.stderr)
        return 2
    if argv[1] == "check":
        torch.load(argv[2], weights_only=True)
        return 0
    for path in argv[2:]:
        json.dump(describe(load_any(path)), sys.stdout, separators=(",", ":"))
        sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
