// Reading the autograd fixtures (tools/fixtures/autograd.py) and comparing with PyTorch's tolerances.
import { readFileSync } from 'node:fs';
import type { DType, Tensor } from '@torchlet/tensor';
import { tensor } from '@torchlet/tensor';

export type Encoded = number | string;
export interface TensorValue {
  dtype: DType;
  shape: number[];
  values: Encoded[];
}
export interface InputSpec {
  values?: Encoded[];
  formula?: boolean;
  scale?: number;
  shape: number[];
  dtype: DType;
  requires_grad: boolean;
  transpose: boolean;
}
export interface FixtureCase {
  name: string;
  inputs: InputSpec[];
  out: TensorValue;
  grad_fn: string | null;
  grads: (TensorValue | null)[];
  extra: Record<string, TensorValue | null>;
}
export interface FixtureError {
  name: string;
  type: string;
  message: string;
}

export function loadFixture(): { cases: FixtureCase[]; errors: FixtureError[] } {
  return JSON.parse(readFileSync(new URL('./fixtures/autograd.json', import.meta.url), 'utf8')) as { cases: FixtureCase[]; errors: FixtureError[] };
}

const SPECIALS: Record<string, number> = { nan: NaN, inf: Infinity, '-inf': -Infinity, '-0': -0 };
const decode = (v: Encoded): number => (typeof v === 'string' ? SPECIALS[v]! : v);

/** The fixture's input as a leaf (transposed when the fixture says so). */
export function buildInput(spec: InputSpec, k: number): Tensor {
  let t: Tensor;
  if (spec.formula) {
    // the same sin-based values autograd.py computes (float64, then scaled and cast)
    const n = spec.shape.reduce((a, b) => a * b, 1);
    const v = Array.from({ length: n }, (_, i) => Math.sin(0.37 * i + k));
    t = tensor(v, { dtype: 'float64' }).reshape(spec.shape).mul(spec.scale ?? 1).to(spec.dtype);
  } else {
    t = tensor(spec.values!.map(decode), { dtype: spec.dtype }).reshape(spec.shape);
    if (spec.transpose) t = t.t();
  }
  const leaf = t.detach();
  return spec.requires_grad ? leaf.requiresGrad_() : leaf;
}

const TOL: Record<string, [number, number]> = { float32: [1.3e-6, 1e-5], float64: [1e-7, 1e-7] };

/** '' when `actual` matches PyTorch's value (dtype, shape, values within assert_close's tolerances). */
export function compare(actual: Tensor | null, expected: TensorValue | null, tol?: [number, number]): string {
  if (expected === null || actual === null) return actual === expected ? '' : `got ${actual === null ? 'null' : 'a tensor'}, expected ${expected === null ? 'null' : 'a tensor'}`;
  if (actual.dtype !== expected.dtype) return `dtype ${actual.dtype}, expected ${expected.dtype}`;
  if (actual.shape.join() !== expected.shape.join()) return `shape [${actual.shape}], expected [${expected.shape}]`;
  const [rtol, atol] = tol ?? TOL[expected.dtype]!;
  const data = actual.contiguous().dataSync();
  const bad: string[] = [];
  expected.values.forEach((ev, i) => {
    const e = decode(ev);
    const a = Number(data[i]);
    const ok = Number.isNaN(e) ? Number.isNaN(a) : Math.abs(a - e) <= atol + rtol * Math.abs(e);
    if (!ok && bad.length < 5) bad.push(`[${i}] ${a} vs ${e}`);
  });
  return bad.join('; ');
}
