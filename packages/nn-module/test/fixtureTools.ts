// Reading the nn fixtures (tools/fixtures/nn_*.py) and comparing with PyTorch's tolerances.
import { readFileSync } from 'node:fs';
import type { DType, Tensor } from '@torchlet/tensor';
import { camelCase, tensor } from '@torchlet/tensor';

export type Encoded = number | string | boolean;
export interface TensorValue {
  dtype: DType;
  shape: number[];
  values: Encoded[];
}

/** A fixture JSON file of this package. */
export function loadFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as T;
}

const SPECIALS: Record<string, number> = { nan: NaN, inf: Infinity, '-inf': -Infinity, '-0': -0 };
/** A fixture number ("nan", "inf", "-inf", "-0" for the specials). */
export const decode = (v: Encoded): number | boolean => (typeof v === 'string' ? SPECIALS[v]! : v);

/** The tensor a fixture value describes. */
export function build(v: TensorValue): Tensor {
  return tensor(v.values.map(decode) as number[], { dtype: v.dtype }).reshape(v.shape);
}

/** PyTorch's assert_close tolerances [rtol, atol] by dtype. */
export const TOL: Record<string, [number, number]> = { float32: [1.3e-6, 1e-5], float64: [1e-7, 1e-7] };

/** '' when `actual` matches the fixture value (dtype, shape, values within tolerance; ints exactly). */
export function compare(actual: Tensor | null | undefined, expected: TensorValue | null, tol?: [number, number]): string {
  if (expected === null || actual === null || actual === undefined) {
    return (actual ?? null) === expected ? '' : `got ${actual ? 'a tensor' : 'null'}, expected ${expected === null ? 'null' : 'a tensor'}`;
  }
  if (actual.dtype !== expected.dtype) return `dtype ${actual.dtype}, expected ${expected.dtype}`;
  if (actual.shape.join() !== expected.shape.join()) return `shape [${actual.shape}], expected [${expected.shape}]`;
  const [rtol, atol] = tol ?? TOL[expected.dtype] ?? [0, 0];
  const data = actual.contiguous().dataSync();
  const bad: string[] = [];
  expected.values.forEach((ev, i) => {
    const e = Number(decode(ev));
    const a = Number(data[i]);
    const ok = Number.isNaN(e) ? Number.isNaN(a) : a === e || Math.abs(a - e) <= atol + rtol * Math.abs(e);
    if (!ok && bad.length < 5) bad.push(`[${i}] ${a} vs ${e}`);
  });
  return bad.join('; ');
}

/** PyTorch keyword arguments as a torchlet options object (camelCased names). */
export function options(kwargs: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(kwargs).map(([k, v]) => [camelCase(k), v]));
}
