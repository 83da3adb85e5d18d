// What each declared parameter type accepts, and the value the op receives:
// PyTorch's PythonArgParser rules in JavaScript terms (an int is an integer
// number, `int[2]` takes one int for both entries, `ScalarType` is a dtype name).

import type { TypeSpec } from './schema.js';
import { isTensor } from '../operands.js';
import { isDTypeName, toDType } from '../dtype.js';

/** Returned by a converter when the value does not fit the type. */
export const NO_MATCH: unique symbol = Symbol('no match');
/** Checks a value against a type and returns what the op receives, or NO_MATCH. */
export type Converter = (v: unknown) => unknown;

const isInt = (v: unknown): boolean =>
  (typeof v === 'number' && Number.isInteger(v)) || (typeof v === 'bigint' && v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER));
const toInt = (v: unknown): number => (typeof v === 'bigint' ? Number(v) : (v as number));

/** Whether `v` is a plain `{ … }` object (the options object), not a class instance or array. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Scalar and element converters by base type name. */
const ELEMENT: Record<string, Converter> = {
  Tensor: (v) => (isTensor(v) ? v : NO_MATCH),
  Scalar: (v) => (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' ? v : NO_MATCH),
  int: (v) => (isInt(v) ? toInt(v) : NO_MATCH),
  SymInt: (v) => (isInt(v) ? toInt(v) : NO_MATCH),
  float: (v) => (typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : NO_MATCH),
  bool: (v) => (typeof v === 'boolean' ? v : NO_MATCH),
  str: (v) => (typeof v === 'string' ? v : NO_MATCH),
  ScalarType: (v) => (typeof v === 'string' && isDTypeName(v) ? toDType(v) : NO_MATCH),
  Device: (v) => (typeof v === 'string' && !isDTypeName(v) ? v : NO_MATCH),
  Layout: (v) => (typeof v === 'string' ? v : NO_MATCH),
  MemoryFormat: (v) => (typeof v === 'string' ? v : NO_MATCH),
  Generator: (v) => (typeof v === 'object' && v !== null && typeof (v as { manualSeed?: unknown }).manualSeed === 'function' ? v : NO_MATCH),
  Callable: (v) => (typeof v === 'function' ? v : NO_MATCH),
  Dict: (v) => (isPlainObject(v) || v instanceof Map ? v : NO_MATCH),
  Any: (v) => v,
};

/** PyTorch's names for types in its messages (`tuple of ints`, `torch.dtype`). */
const TYPE_NAME: Record<string, [one: string, many: string]> = {
  Tensor: ['Tensor', 'Tensors'], Scalar: ['Number', 'Numbers'], int: ['int', 'ints'], SymInt: ['SymInt', 'SymInts'],
  float: ['float', 'floats'], bool: ['bool', 'bools'], str: ['str', 'strs'], ScalarType: ['torch.dtype', 'torch.dtypes'],
  Device: ['torch.device', 'torch.devices'], Layout: ['torch.layout', 'torch.layouts'], MemoryFormat: ['torch.memory_format', 'torch.memory_formats'],
  Generator: ['torch.Generator', 'torch.Generators'], Callable: ['callable', 'callables'], Dict: ['dict', 'dicts'], Any: ['object', 'objects'],
};

/** Whether a base type name is one the binder knows. @example isKnownType('Tensor') // true */
export function isKnownType(base: string): boolean {
  return base in ELEMENT;
}

/**
 * The type as PyTorch's messages print it.
 * @example typeName(parseSchema('f(int[2] stride)').params[0].type) // 'tuple of ints'
 */
export function typeName(t: TypeSpec): string {
  if (t.union) return t.union.map(typeName).join(' or ');
  const names = TYPE_NAME[t.base] ?? [t.base, `${t.base}s`];
  return t.list ? `tuple of ${names[1]}` : names[0];
}

/**
 * Builds the converter of a declared type: lists accept arrays (and, for a sized list such as
 * `int[2]` or `int[1]`, one element for every entry); `?` types accept `null`.
 * @example converterFor(parseSchema('f(int[2] s)').params[0].type)(3) // [3, 3]
 */
export function converterFor(t: TypeSpec): Converter {
  if (t.union) {
    const alternatives = t.union.map(converterFor);
    return (v) => {
      for (const c of alternatives) {
        const r = c(v);
        if (r !== NO_MATCH) return r;
      }
      return NO_MATCH;
    };
  }
  const element = ELEMENT[t.base];
  if (element === undefined) throw new Error(`unknown parameter type '${t.base}'`);
  const one: Converter = t.list ? listConverter(element, t) : element;
  if (!t.optional) return one;
  return (v) => (v === null ? null : one(v));
}

function listConverter(element: Converter, t: TypeSpec): Converter {
  const size = t.size;
  return (v) => {
    if (Array.isArray(v)) {
      const out = new Array<unknown>(v.length);
      for (let i = 0; i < v.length; i++) {
        const e: unknown = v[i];
        const c = e === null && t.elementOptional ? null : element(e);
        if (c === NO_MATCH) return NO_MATCH;
        out[i] = c;
      }
      return out;
    }
    // PyTorch's IntArrayRef[N] takes a single int for all N entries
    if (size !== undefined && (t.base === 'int' || t.base === 'SymInt' || t.base === 'float')) {
      const c = element(v);
      return c === NO_MATCH ? NO_MATCH : new Array<unknown>(size).fill(c);
    }
    return NO_MATCH;
  };
}

/**
 * The Python type name of a JS value, as PyTorch's messages print what they got.
 * @example describeValue('a') // 'str'
 */
export function describeValue(v: unknown): string {
  if (v === null) return 'NoneType';
  if (v === undefined) return 'undefined';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'string') return 'str';
  if (typeof v === 'function') return 'function';
  if (Array.isArray(v)) return 'list';
  if (isTensor(v)) return 'Tensor';
  if (isPlainObject(v)) return 'dict';
  const ctor = (v as { constructor?: { name?: string } }).constructor?.name;
  return ctor ?? 'object';
}
