// The loss fixtures (tools/fixtures/losses.py): decoding, calling a case through the public
// API, comparing with PyTorch's tolerances.
import { readFileSync } from 'node:fs';
import type { DType, Tensor } from '@torchlet/tensor';
import { camelCase, isTensor, tensor } from '@torchlet/tensor';
import * as losses from '../src/index.js';

export type Encoded = number | string | boolean;

export interface TensorSpec {
  dtype: DType;
  shape: number[];
  values: Encoded[];
}

export type InputSpec = TensorSpec | { list: number[] };

export interface LossCase {
  name: string;
  fn: keyof typeof losses;
  inputs: InputSpec[];
  kwargs: Record<string, Encoded | TensorSpec | null>;
  grad: number[];
  grad_output: TensorSpec | null;
  expected: { value: TensorSpec; grads: (TensorSpec | null)[] } | { error: { type: string; message: string } };
  warnings: string[];
  gradcheck: boolean | null;
  gradcheck_log_softmax?: boolean | null;
}

export const fixture = JSON.parse(readFileSync(new URL('./fixtures/losses.json', import.meta.url), 'utf8')) as { torch: string; cases: LossCase[] };

const SPECIALS: Record<string, number> = { nan: NaN, inf: Infinity, '-inf': -Infinity, '-0': -0 };

/** A fixture value as a number (specials decoded). */
export function decode(v: Encoded): number | boolean {
  return typeof v === 'string' ? SPECIALS[v]! : v;
}

/** The tensor of a fixture spec, in `dtype` when given (float64 for gradcheck). */
export function build(spec: TensorSpec, dtype?: DType): Tensor {
  const t = tensor(spec.values.map(decode), { dtype: spec.dtype }).reshape(spec.shape);
  return dtype !== undefined && spec.dtype.startsWith('float') ? t.to(dtype) : t;
}

function isTensorSpec(v: unknown): v is TensorSpec {
  return typeof v === 'object' && v !== null && 'shape' in v;
}

/** The distance functions the fixtures name (PyTorch's F.pairwise_distance and two others). */
export const DISTANCES: Record<string, (a: Tensor, b: Tensor) => Tensor> = {
  pairwise_distance: (a, b) => a.sub(b).add(1e-6).norm(2, a.ndim - 1),
  pairwise_l1: (a, b) => a.sub(b).add(1e-6).norm(1, a.ndim - 1),
  cosine: (a, b) => a.mul(b).sum(1).div(a.norm(2, 1).mul(b.norm(2, 1)).clampMin(1e-8)).neg().add(1),
};

/** The positional arguments and the options object of a case; tensors converted with `convert`. */
export function argsOf(c: LossCase, convert: (t: Tensor, i: number | null) => Tensor = (t) => t): unknown[] {
  const inputs = c.inputs.map((s, i) => ('list' in s ? s.list : convert(build(s), i)));
  const opts: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c.kwargs)) {
    if (isTensorSpec(v)) opts[camelCase(k)] = convert(build(v), null);
    else if (k === 'distance_function') opts.distanceFunction = DISTANCES[v as string];
    else opts[camelCase(k)] = typeof v === 'string' && v in SPECIALS ? SPECIALS[v] : v;
  }
  return Object.keys(opts).length === 0 ? inputs : [...inputs, opts];
}

/** Calls the case's loss with `args`. */
export function callLoss(c: LossCase, args: unknown[]): Tensor {
  const fn = losses[c.fn] as unknown as (...a: unknown[]) => Tensor;
  return fn(...args);
}

const TOLERANCE: Record<string, [rtol: number, atol: number]> = { float32: [1.3e-6, 1e-5], float64: [1e-7, 1e-7] };

/** '' when `actual` matches the spec (dtype, shape, values within PyTorch's tolerance), else what differs. */
export function mismatch(actual: Tensor, expected: TensorSpec, tolerance = TOLERANCE[expected.dtype]): string {
  if (!isTensor(actual)) return `not a tensor: ${String(actual)}`;
  if (actual.dtype !== expected.dtype) return `dtype ${actual.dtype}, expected ${expected.dtype}`;
  if (actual.shape.join() !== expected.shape.join() || actual.ndim !== expected.shape.length) return `shape [${actual.shape}], expected [${expected.shape}]`;
  const data = Array.from(actual.contiguous().dataSync() as ArrayLike<number>, Number);
  const bad: string[] = [];
  expected.values.forEach((ev, i) => {
    const e = Number(decode(ev));
    const a = data[i]!;
    const ok = Number.isNaN(e) ? Number.isNaN(a) : !Number.isFinite(e) ? a === e : tolerance === undefined ? a === e : Math.abs(a - e) <= tolerance[1] + tolerance[0] * Math.abs(e);
    if (!ok && bad.length < 5) bad.push(`[${i}] got ${a}, expected ${e}`);
  });
  return bad.join('; ');
}

/**
 * Where torchlet deliberately differs from PyTorch 1.13, and what it does instead: PyTorch
 * computes on silently from a negative CTC length (reading outside the inputs); torchlet
 * refuses it with the check later PyTorch versions make.
 */
export const DIVERGENT: Record<string, { type: string; message: string }> = {
  'ctc_loss negative input length': {
    type: 'RuntimeError',
    message: 'Expected input_lengths to have value at least 0, but got value -1 (while checking arguments for ctc_loss_cpu)',
  },
  'ctc_loss negative target length': {
    type: 'RuntimeError',
    message: 'Expected target_lengths to have value at least 0, but got value -1 (while checking arguments for ctc_loss_cpu)',
  },
};
