// Reading the optim fixtures (tools/fixtures/optim.py and friends) and comparing with PyTorch's tolerances.
import { readFileSync } from 'node:fs';
import type { DType, Tensor } from '@torchlet/tensor';
import { camelCase, isPlainObject, tensor } from '@torchlet/tensor';

export type Encoded = number | string;
export interface TensorValue {
  dtype: DType;
  shape: number[];
  values: Encoded[];
}

/** A fixture file under test/fixtures, parsed. */
export function loadFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as T;
}

const SPECIALS: Record<string, number> = { nan: NaN, inf: Infinity, '-inf': -Infinity, '-0': -0 };
/** An encoded float as a number. */
export const decode = (v: Encoded): number => (typeof v === 'string' ? SPECIALS[v]! : v);

/** The tensor of a fixture value. */
export function toTensor(t: TensorValue): Tensor {
  return tensor(t.values.map(decode), { dtype: t.dtype }).reshape(t.shape);
}

/** A PyTorch state dict from the fixture: `{"__tensor__": …}` → Tensor, `{"__float__": "inf"}` → Infinity. */
export function decodeObject(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decodeObject);
  if (isPlainObject(v)) {
    if ('__tensor__' in v) return toTensor(v['__tensor__'] as TensorValue);
    if ('__float__' in v) return decode(v['__float__'] as string);
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decodeObject(x)]));
  }
  return v;
}

/** A state dict as JSON-able data (the inverse of decodeObject), for round trips through JSON text. */
export function encodeObject(v: unknown): unknown {
  if (v instanceof Map) return encodeObject(Object.fromEntries(v));
  if (Array.isArray(v)) return v.map(encodeObject);
  if (v !== null && typeof v === 'object' && 'dtype' in v && 'shape' in v && typeof (v as Tensor).dataSync === 'function') {
    const t = v as Tensor;
    const values = Array.from(t.contiguous().dataSync() as ArrayLike<number>, (x) => (Number.isFinite(x) ? (Object.is(x, -0) ? '-0' : x) : String(x) === 'NaN' ? 'nan' : x > 0 ? 'inf' : '-inf'));
    return { __tensor__: { dtype: t.dtype, shape: [...t.shape], values } };
  }
  if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encodeObject(x)]));
  if (typeof v === 'number' && !Number.isFinite(v)) return { __float__: Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf' };
  return v;
}

/** PyTorch keyword arguments as torchlet options (snake_case → camelCase). */
export function options(kwargs: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(kwargs).map(([k, v]) => [camelCase(k), v]));
}

export const TOL: Record<string, [number, number]> = { float32: [1.3e-6, 1e-5], float64: [1e-7, 1e-7] };

/** '' when `actual` matches `expected` within rtol/atol, else the first mismatches. */
export function compareValues(actual: ArrayLike<number>, expected: readonly Encoded[], [rtol, atol]: [number, number]): string {
  if (actual.length !== expected.length) return `length ${actual.length}, expected ${expected.length}`;
  const bad: string[] = [];
  for (let i = 0; i < expected.length; i++) {
    const e = decode(expected[i]!);
    const a = Number(actual[i]);
    const ok = Number.isNaN(e) ? Number.isNaN(a) : a === e || Math.abs(a - e) <= atol + rtol * Math.abs(e);
    if (!ok && bad.length < 5) bad.push(`[${i}] ${a} vs ${e}`);
  }
  return bad.join('; ');
}

/** The values of several tensors, concatenated. */
export function flatValues(ts: readonly Tensor[]): number[] {
  return ts.flatMap((t) => Array.from(t.contiguous().dataSync() as ArrayLike<number>, Number));
}
