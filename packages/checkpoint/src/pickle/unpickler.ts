// A pickle reader that executes nothing. It understands the data opcodes of protocols 0-5; a
// global is only a name handed to `resolveGlobal`, which answers with what that name may do
// (an allowlist), and REDUCE/NEWOBJ/BUILD only ever run those answers.
import { CheckpointError } from '../errors.js';
import { OP, REFUSED } from './opcodes.js';
import type { Buildable, PyCallable } from './values.js';
import { PyDict, tuple } from './values.js';

/** What the reader asks its caller. */
export interface UnpicklerHooks {
  /** The file, for errors. */
  file: string;
  /** What GLOBAL module.name pushes; throws to refuse the name. */
  resolveGlobal(module: string, name: string): unknown;
  /** What a persistent id (BINPERSID) stands for; throws to refuse it. */
  persistentLoad(pid: unknown): unknown;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function isCallable(x: unknown): x is PyCallable {
  return typeof x === 'object' && x !== null && typeof (x as PyCallable).full === 'string';
}

/**
 * Reads one pickle from `bytes` at `start`; returns the value and where the pickle ended.
 * @example unpickle(Uint8Array.of(0x80, 2, 0x4b, 7, 0x2e), 0, hooks).value // 7
 */
export function unpickle(bytes: Uint8Array, start: number, hooks: UnpicklerHooks): { value: unknown; end: number } {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const stack: unknown[] = [];
  const marks: number[] = [];
  const memo = new Map<number, unknown>();
  let i = start;
  let op = 0;
  let opAt = start;
  const fail = (what: string): never => {
    throw new CheckpointError(hooks.file, `malformed pickle at byte ${opAt} (opcode 0x${op.toString(16).padStart(2, '0')}): ${what}`);
  };
  const need = (n: number) => {
    if (i + n > bytes.byteLength) fail(`needs ${n} more bytes but the pickle ends`);
  };
  const readBytes = (n: number): Uint8Array => {
    if (!Number.isSafeInteger(n) || n < 0) fail(`bad length ${n}`);
    need(n);
    i += n;
    return bytes.subarray(i - n, i);
  };
  const u8 = () => (need(1), bytes[i++]!);
  const u16 = () => (need(2), (i += 2), dv.getUint16(i - 2, true));
  const u32 = () => (need(4), (i += 4), dv.getUint32(i - 4, true));
  const u64 = () => {
    need(8);
    i += 8;
    const v = dv.getBigUint64(i - 8, true);
    return v > BigInt(Number.MAX_SAFE_INTEGER) ? fail(`length ${v} is too large`) : Number(v);
  };
  const text = (b: Uint8Array): string => {
    try {
      return utf8.decode(b);
    } catch {
      return fail('string is not valid UTF-8');
    }
  };
  const line = (): string => {
    const end = bytes.indexOf(0x0a, i);
    if (end < 0) fail('unterminated line');
    const s = text(bytes.subarray(i, end));
    i = end + 1;
    return s;
  };
  const pop = (): unknown => {
    if (stack.length === 0 || (marks.length > 0 && stack.length <= marks[marks.length - 1]!)) fail('stack underflow');
    return stack.pop();
  };
  const top = (): unknown => {
    if (stack.length === 0 || (marks.length > 0 && stack.length <= marks[marks.length - 1]!)) fail('stack underflow');
    return stack[stack.length - 1];
  };
  const popMark = (): unknown[] => {
    const m = marks.pop();
    if (m === undefined) fail('no MARK to pop to');
    return stack.splice(m!);
  };
  const long = (b: Uint8Array): number | bigint => {
    let v = 0n;
    for (let k = b.byteLength - 1; k >= 0; k--) v = (v << 8n) | BigInt(b[k]!);
    if (b.byteLength > 0 && b[b.byteLength - 1]! & 0x80) v -= 1n << BigInt(8 * b.byteLength);
    return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  };
  // the allowlist's handlers refuse bad arguments with a TypeError; that is a malformed file here
  const guarded = <T>(f: () => T): T => {
    try {
      return f();
    } catch (e) {
      if (e instanceof TypeError) return fail(e.message);
      throw e;
    }
  };
  const setItem = (d: unknown, k: unknown, v: unknown) => {
    if (!(d instanceof PyDict)) fail('SETITEM on something that is not a dict');
    (d as PyDict).map.set(k, v);
  };
  const list = (l: unknown): unknown[] => {
    if (!Array.isArray(l) || Object.isFrozen(l)) fail('APPEND to something that is not a list');
    return l as unknown[];
  };

  for (;;) {
    opAt = i;
    if (i >= bytes.byteLength) fail('the pickle ends without STOP');
    op = bytes[i++]!;
    switch (op) {
      case OP.PROTO:
        if (u8() > 5) fail('unknown protocol');
        break;
      case OP.FRAME:
        u64();
        break;
      case OP.STOP:
        if (marks.length > 0) fail('STOP inside a MARK');
        return { value: pop(), end: i };
      case OP.MARK:
        marks.push(stack.length);
        break;
      case OP.POP:
        if (marks.length > 0 && stack.length === marks[marks.length - 1]) marks.pop();
        else pop();
        break;
      case OP.POP_MARK:
        popMark();
        break;
      case OP.DUP:
        stack.push(top());
        break;
      case OP.NONE: stack.push(null); break;
      case OP.NEWTRUE: stack.push(true); break;
      case OP.NEWFALSE: stack.push(false); break;
      case OP.BININT: need(4); stack.push(dv.getInt32(i, true)); i += 4; break;
      case OP.BININT1: stack.push(u8()); break;
      case OP.BININT2: stack.push(u16()); break;
      case OP.LONG1: stack.push(long(readBytes(u8()))); break;
      case OP.LONG4: {
        need(4);
        const n = dv.getInt32(i, true);
        i += 4;
        if (n < 0) fail('negative LONG4 length');
        stack.push(long(readBytes(n)));
        break;
      }
      case OP.BINFLOAT: need(8); stack.push(dv.getFloat64(i, false)); i += 8; break;
      case OP.SHORT_BINUNICODE: stack.push(text(readBytes(u8()))); break;
      case OP.BINUNICODE: stack.push(text(readBytes(u32()))); break;
      case OP.BINUNICODE8: stack.push(text(readBytes(u64()))); break;
      // Python 2 str: decoded as text, as torch.load's default encoding does
      case OP.SHORT_BINSTRING: stack.push(text(readBytes(u8()))); break;
      case OP.BINSTRING: {
        need(4);
        const n = dv.getInt32(i, true);
        i += 4;
        stack.push(text(readBytes(n)));
        break;
      }
      case OP.SHORT_BINBYTES: stack.push(readBytes(u8()).slice()); break;
      case OP.BINBYTES: stack.push(readBytes(u32()).slice()); break;
      case OP.BINBYTES8:
      case OP.BYTEARRAY8: stack.push(readBytes(u64()).slice()); break;
      case OP.EMPTY_TUPLE: stack.push(Object.freeze(tuple([]))); break;
      case OP.TUPLE: stack.push(Object.freeze(tuple(popMark()))); break;
      case OP.TUPLE1: { const a = pop(); stack.push(Object.freeze(tuple([a]))); break; }
      case OP.TUPLE2: { const b = pop(); const a = pop(); stack.push(Object.freeze(tuple([a, b]))); break; }
      case OP.TUPLE3: { const c = pop(); const b = pop(); const a = pop(); stack.push(Object.freeze(tuple([a, b, c]))); break; }
      case OP.EMPTY_LIST: stack.push([]); break;
      case OP.LIST: stack.push(popMark()); break;
      case OP.APPEND: { const v = pop(); list(top()).push(v); break; }
      case OP.APPENDS: { const items = popMark(); const l = list(top()); for (const v of items) l.push(v); break; }
      case OP.EMPTY_DICT: stack.push(new PyDict()); break;
      case OP.DICT: {
        const items = popMark();
        if (items.length % 2) fail('DICT with an odd number of items');
        const d = new PyDict();
        for (let k = 0; k < items.length; k += 2) d.map.set(items[k], items[k + 1]);
        stack.push(d);
        break;
      }
      case OP.SETITEM: { const v = pop(); const k = pop(); setItem(top(), k, v); break; }
      case OP.SETITEMS: {
        const items = popMark();
        if (items.length % 2) fail('SETITEMS with an odd number of items');
        const d = top();
        for (let k = 0; k < items.length; k += 2) setItem(d, items[k], items[k + 1]);
        break;
      }
      case OP.EMPTY_SET: stack.push(new Set()); break;
      case OP.ADDITEMS: {
        const items = popMark();
        const s = top();
        if (!(s instanceof Set)) fail('ADDITEMS to something that is not a set');
        for (const v of items) (s as Set<unknown>).add(v);
        break;
      }
      case OP.FROZENSET: stack.push(new Set(popMark())); break;
      case OP.GLOBAL: { const module = line(); const name = line(); stack.push(hooks.resolveGlobal(module, name)); break; }
      case OP.STACK_GLOBAL: {
        const name = pop();
        const module = pop();
        if (typeof module !== 'string' || typeof name !== 'string') fail('STACK_GLOBAL needs two strings');
        stack.push(hooks.resolveGlobal(module as string, name as string));
        break;
      }
      case OP.REDUCE: {
        const args = pop();
        const f = pop();
        if (!Array.isArray(args)) fail('REDUCE arguments are not a tuple');
        if (!isCallable(f) || !f.call) fail(`REDUCE of ${isCallable(f) ? `'${f.full}', which cannot be called` : 'something that is not a callable global'}`);
        stack.push(guarded(() => (f as PyCallable).call!(args as unknown[])));
        break;
      }
      case OP.NEWOBJ: {
        const args = pop();
        const cls = pop();
        if (!Array.isArray(args)) fail('NEWOBJ arguments are not a tuple');
        if (!isCallable(cls) || !cls.newobj) fail(`NEWOBJ of ${isCallable(cls) ? `'${cls.full}', which cannot be instantiated` : 'something that is not a class'}`);
        stack.push(guarded(() => (cls as PyCallable).newobj!(args as unknown[])));
        break;
      }
      case OP.BUILD: {
        const state = pop();
        const obj = top();
        if (typeof obj !== 'object' || obj === null || typeof (obj as Partial<Buildable>).build !== 'function') {
          fail('BUILD of something other than a tensor, a Parameter or an OrderedDict');
        }
        guarded(() => (obj as Buildable).build(state));
        break;
      }
      case OP.BINPERSID: stack.push(hooks.persistentLoad(pop())); break;
      case OP.BINGET:
      case OP.LONG_BINGET: {
        const k = op === OP.BINGET ? u8() : u32();
        if (!memo.has(k)) fail(`memo entry ${k} was never stored`);
        stack.push(memo.get(k));
        break;
      }
      case OP.BINPUT: memo.set(u8(), top()); break;
      case OP.LONG_BINPUT: memo.set(u32(), top()); break;
      case OP.MEMOIZE: memo.set(memo.size, top()); break;
      default: {
        const why = REFUSED[op];
        if (why !== undefined) throw new CheckpointError(hooks.file, `the pickle uses opcode ${why}, which torch.load(weights_only=True) does not allow`);
        fail('unknown or unsupported opcode');
      }
    }
  }
}
