// Writing a pickle (protocol 2, as torch.save writes) of plain JavaScript values and tensors.
// Tensors become `torch._utils._rebuild_tensor_v2(storage, offset, size, stride, requires_grad,
// OrderedDict())` with the storage as a persistent id, so views keep sharing their storage.
import type { Tensor } from '@torchlet/tensor';
import { isTensor } from '@torchlet/tensor';
import { CheckpointError } from '../errors.js';
import { OP } from '../pickle/opcodes.js';
import { hasIntKeys, isTuple } from '../pickle/values.js';

/** How a tensor's storage is named in the file. */
export interface StorageId {
  key: string;
  storageType: string;
}

const INT_KEY = /^(?:0|[1-9]\d*)$/;
const utf8 = new TextEncoder();

function latin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 4096) s += String.fromCharCode(...b.subarray(i, i + 4096));
  return s;
}

/** A growable byte buffer. */
class Out {
  private buf = new Uint8Array(1024);
  private dv = new DataView(this.buf.buffer);
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.buf.byteLength) return;
    const next = new Uint8Array(Math.max(this.buf.byteLength * 2, this.length + n));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
    this.dv = new DataView(next.buffer);
  }
  op(...codes: number[]): void {
    this.room(codes.length);
    for (const c of codes) this.buf[this.length++] = c;
  }
  bytes(b: Uint8Array): void {
    this.room(b.byteLength);
    this.buf.set(b, this.length);
    this.length += b.byteLength;
  }
  u16(v: number): void { this.room(2); this.dv.setUint16(this.length, v, true); this.length += 2; }
  u32(v: number): void { this.room(4); this.dv.setUint32(this.length, v, true); this.length += 4; }
  i32(v: number): void { this.room(4); this.dv.setInt32(this.length, v, true); this.length += 4; }
  f64be(v: number): void { this.room(8); this.dv.setFloat64(this.length, v, false); this.length += 8; }
  result(): Uint8Array { return this.buf.slice(0, this.length); }
}

/**
 * The pickle of `value`; `storageOf` names each tensor's storage (called once per tensor).
 * @example pickleValue({ w: torch.ones(2) }, (t) => ({ key: '0', storageType: 'FloatStorage' }), 'm.pt')
 */
export function pickleValue(value: unknown, storageOf: (t: Tensor) => StorageId, file: string): Uint8Array {
  const o = new Out();
  const open = new Set<object>();
  const global = (module: string, name: string) => {
    o.op(OP.GLOBAL);
    o.bytes(utf8.encode(`${module}\n${name}\n`));
  };
  const str = (s: string, path: string) => {
    if (/\p{Cs}/u.test(s)) throw new CheckpointError(file, 'strings must be valid Unicode (this one has an unpaired surrogate)', { tensor: path });
    const b = utf8.encode(s);
    o.op(OP.BINUNICODE);
    o.u32(b.byteLength);
    o.bytes(b);
  };
  const int = (v: number | bigint) => {
    if (typeof v === 'number' && v >= 0 && v < 256) o.op(OP.BININT1, v);
    else if (typeof v === 'number' && v >= 0 && v < 65536) {
      o.op(OP.BININT2);
      o.u16(v);
    } else if (typeof v === 'number' && v >= -(2 ** 31) && v < 2 ** 31) {
      o.op(OP.BININT);
      o.i32(v);
    } else {
      let b = BigInt(v);
      const bytes: number[] = [];
      while (true) {
        const byte = Number(b & 0xffn);
        bytes.push(byte);
        b >>= 8n;
        if ((b === 0n && (byte & 0x80) === 0) || (b === -1n && (byte & 0x80) !== 0)) break;
      }
      o.op(OP.LONG1, bytes.length, ...bytes);
    }
  };
  const tuple = (items: (() => void)[]) => {
    if (items.length === 0) return o.op(OP.EMPTY_TUPLE);
    if (items.length > 3) o.op(OP.MARK);
    for (const f of items) f();
    o.op(items.length === 1 ? OP.TUPLE1 : items.length === 2 ? OP.TUPLE2 : items.length === 3 ? OP.TUPLE3 : OP.TUPLE);
  };
  const tensor = (t: Tensor) => {
    const { key, storageType } = storageOf(t);
    global('torch._utils', '_rebuild_tensor_v2');
    o.op(OP.MARK);
    tuple([() => str('storage', ''), () => global('torch', storageType), () => str(key, ''), () => str('cpu', ''), () => int(t.storage.size)]);
    o.op(OP.BINPERSID);
    int(t.offset);
    tuple(t.shape.map((d) => () => int(d)));
    tuple(t.strides.map((s) => () => int(s)));
    o.op(t.requiresGrad ? OP.NEWTRUE : OP.NEWFALSE);
    global('collections', 'OrderedDict');
    o.op(OP.EMPTY_TUPLE, OP.REDUCE, OP.TUPLE, OP.REDUCE);
  };
  const dictItems = (items: [unknown, unknown, boolean?][], path: string, empty = true) => {
    if (empty) o.op(OP.EMPTY_DICT);
    if (items.length === 0) return;
    o.op(OP.MARK);
    for (const [k, v, intKeys] of items) {
      write(k, path);
      write(v, path === '' ? String(k) : `${path}.${String(k)}`, intKeys);
    }
    o.op(OP.SETITEMS);
  };
  const write = (v: unknown, path: string, intKeys = false): void => {
    if (v === null || v === undefined) return o.op(OP.NONE);
    if (typeof v === 'boolean') return o.op(v ? OP.NEWTRUE : OP.NEWFALSE);
    if (typeof v === 'bigint') return int(v);
    if (typeof v === 'number') {
      if (Number.isSafeInteger(v) && !Object.is(v, -0)) return int(v);
      o.op(OP.BINFLOAT);
      return o.f64be(v);
    }
    if (typeof v === 'string') return str(v, path);
    if (isTensor(v)) return tensor(v);
    if (typeof v !== 'object') throw new CheckpointError(file, `cannot save a value of type ${typeof v}`, { tensor: path });
    if (open.has(v)) throw new CheckpointError(file, 'cannot save an object that contains itself', { tensor: path });
    open.add(v);
    if (v instanceof Uint8Array) {
      global('_codecs', 'encode');
      tuple([() => str(latin1(v), path), () => str('latin1', path)]);
      o.op(OP.REDUCE);
    } else if (Array.isArray(v)) {
      if (isTuple(v)) tuple(v.map((x, i) => () => write(x, `${path}[${i}]`)));
      else {
        o.op(OP.EMPTY_LIST);
        if (v.length > 0) {
          o.op(OP.MARK);
          v.forEach((x, i) => write(x, `${path}[${i}]`));
          o.op(OP.APPENDS);
        }
      }
    } else if (v instanceof Map) {
      dictItems([...v], path);
    } else if (v instanceof Set) {
      global('builtins', 'set');
      o.op(OP.MARK);
      write([...v], path);
      o.op(OP.TUPLE, OP.REDUCE);
    } else if (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null) {
      const obj = v as Record<string, unknown>;
      const asInts = intKeys || hasIntKeys(obj);
      // an optimizer state dict: its `state` is keyed by parameter index (ints), as PyTorch's
      const optimizer = 'state' in obj && 'param_groups' in obj;
      const items = Object.keys(obj).map((k): [unknown, unknown, boolean] => [asInts && INT_KEY.test(k) && Number.isSafeInteger(Number(k)) ? Number(k) : k, obj[k], optimizer && k === 'state']);
      const meta = Object.getOwnPropertyDescriptor(obj, '_metadata');
      if (meta && !meta.enumerable && typeof meta.value === 'object' && meta.value !== null) {
        // nn.Module's state dict: an OrderedDict with its `_metadata` attribute, as PyTorch pickles it
        global('collections', 'OrderedDict');
        o.op(OP.EMPTY_TUPLE, OP.REDUCE);
        dictItems(items, path, false);
        dictItems([['_metadata', meta.value]], path);
        o.op(OP.BUILD);
      } else dictItems(items, path);
    } else {
      throw new CheckpointError(file, `cannot save an object of class ${(v as object).constructor?.name ?? 'unknown'} (save plain objects, arrays, Maps, numbers, strings and tensors)`, { tensor: path });
    }
    open.delete(v);
  };
  o.op(OP.PROTO, 2);
  write(value, '');
  o.op(OP.STOP);
  return o.result();
}
