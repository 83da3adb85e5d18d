// Running op cases in shape_reduce.json's format (tools/fixtures/shape_reduce.py,
// shape_order.py): rebuild the inputs through the public API, call the op, and
// compare with PyTorch's result or error (assert_close's default tolerances).

import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import * as torch from 'torchlet';

export type Enc = number | string | boolean | null;
type Transform = ['transpose', number, number] | ['permute', number[]] | ['expand', number[]] | ['slice', number, number | null, number | null, number | null];

interface InputSpec {
  values: Enc[];
  shape: number[];
  dtype: torch.DType;
  transform: Transform[];
}

export interface TensorSpec {
  dtype: torch.DType;
  shape: number[];
  values: Enc[];
  strides?: number[];
  offset?: number;
  shares?: boolean;
}

type Expected =
  | { tensor: TensorSpec }
  | { list: TensorSpec[] }
  | { tuple: [TensorSpec, TensorSpec] }
  | { error: { type: string; message: string } };

/** One fixture case. */
export interface OpCase {
  name: string;
  op: string;
  inputs: InputSpec[];
  args: unknown[];
  kwargs: Record<string, unknown>;
  expected: Expected;
}

/** What an op call returns. */
export type OpResult = torch.Tensor | torch.Tensor[] | torch.ValuesIndices;

/** Reads `test/fixtures/<name>`. */
export function loadCases(name: string): { torch: string; cases: OpCase[] } {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as { torch: string; cases: OpCase[] };
}

/** A fixture float: "nan", "inf", "-inf", "-0" or a number; lists decoded element-wise. */
export function decode(v: unknown): unknown {
  if (v === 'nan') return NaN;
  if (v === 'inf') return Infinity;
  if (v === '-inf') return -Infinity;
  if (v === '-0') return -0;
  if (Array.isArray(v)) return v.map(decode);
  return v;
}

/** `torch.tensor(values, { dtype }).reshape(shape)` followed by the transform steps. */
export function build(spec: InputSpec): torch.Tensor {
  const values = spec.values.map(decode) as (number | boolean)[];
  let x = torch.tensor(values, { dtype: spec.dtype }).reshape(spec.shape);
  for (const step of spec.transform) {
    if (step[0] === 'transpose') x = x.transpose(step[1], step[2]);
    else if (step[0] === 'permute') x = x.permute(step[1]);
    else if (step[0] === 'expand') x = x.expand(step[1]);
    else x = x.at(...new Array<torch.Index>(step[1]).fill(':'), [step[2], step[3], step[4]]);
  }
  return x;
}

/** PyTorch's keyword arguments as the trailing options object (camelCase keys). */
export function options(kwargs: Record<string, unknown>): Record<string, unknown> | undefined {
  const keys = Object.keys(kwargs);
  if (keys.length === 0) return undefined;
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] = decode(kwargs[k]);
  return out;
}

const TOL: Partial<Record<torch.DType, { rtol: number; atol: number }>> = {
  float32: { rtol: 1.3e-6, atol: 1e-5 },
  float64: { rtol: 1e-7, atol: 1e-7 },
  float16: { rtol: 1e-3, atol: 1e-5 },
  bfloat16: { rtol: 1.6e-2, atol: 1e-5 },
};

function readValues(t: torch.Tensor): (number | boolean)[] {
  const data = t.dataSync();
  if (t.dtype === 'bool') return Array.from(data as Uint8Array, (v) => v !== 0);
  if (data instanceof BigInt64Array) return Array.from(data, Number);
  return Array.from(data as Float32Array);
}

/** assert_close on one tensor: dtype, shape, layout for views, values within PyTorch's tolerances. */
export function checkTensor(actual: unknown, want: TensorSpec, input: torch.Tensor | undefined, what: string): void {
  expect(actual, `${what}: a Tensor`).toBeInstanceOf(torch.Tensor);
  const t = actual as torch.Tensor;
  expect(t.dtype, `${what}: dtype`).toBe(want.dtype);
  expect(t.shape, `${what}: shape`).toEqual(want.shape);
  if (want.strides !== undefined) expect(t.stride(), `${what}: stride()`).toEqual(want.strides);
  if (want.offset !== undefined) expect(t.storageOffset(), `${what}: storageOffset()`).toBe(want.offset);
  if (want.shares !== undefined && input) expect(t.storage === input.storage, `${what}: shares storage with the input`).toBe(want.shares);
  const got = readValues(t);
  const exp = want.values.map(decode) as (number | boolean)[];
  expect(got.length, `${what}: numel`).toBe(exp.length);
  const tol = TOL[want.dtype];
  const bad: string[] = [];
  for (let i = 0; i < exp.length; i++) {
    const e = exp[i]!;
    const g = got[i]!;
    let ok: boolean;
    if (typeof e === 'boolean' || !tol) ok = g === e;
    else if (Number.isNaN(e)) ok = Number.isNaN(g);
    else if (!Number.isFinite(e)) ok = g === e;
    else ok = Math.abs((g as number) - e) <= tol.atol + tol.rtol * Math.abs(e);
    if (!ok) bad.push(`[${i}] got ${String(g)} want ${String(e)}`);
  }
  expect(bad.slice(0, 8), `${what}: ${bad.length} of ${exp.length} values differ`).toEqual([]);
}

function describeResult(r: OpResult | undefined): string {
  if (r === undefined) return 'nothing';
  if (r instanceof torch.Tensor) return `a tensor of shape [${r.shape.join(', ')}] and dtype ${r.dtype}`;
  return `${r.length} results`;
}

/**
 * Runs one case with `apply` (the camelCase call for its op) and checks the result
 * or PyTorch's error (type and first line of the message, a TorchError subclass).
 */
export function runCase(c: OpCase, apply: (c: OpCase, xs: torch.Tensor[]) => OpResult): void {
  const xs = c.inputs.map(build);
  const exp = c.expected;
  if ('error' in exp) {
    let thrown: unknown;
    let result: OpResult | undefined;
    try {
      result = apply(c, xs);
    } catch (e) {
      thrown = e;
    }
    expect(thrown, `expected ${exp.error.type}: ${exp.error.message}; got ${describeResult(result)}`).toBeDefined();
    const err = thrown as Error;
    expect(`${err.name}: ${err.message.split('\n')[0]}`).toBe(`${exp.error.type}: ${exp.error.message}`);
    expect(err, 'a TorchError subclass').toBeInstanceOf(torch.TorchError);
    return;
  }
  const r = apply(c, xs);
  if ('tensor' in exp) {
    checkTensor(r, exp.tensor, xs[0], 'result');
  } else if ('tuple' in exp) {
    const vi = r as torch.ValuesIndices;
    const [values, indices] = vi;
    checkTensor(values, exp.tuple[0], undefined, 'values');
    checkTensor(indices, exp.tuple[1], undefined, 'indices');
    expect(vi.values, '.values is [0]').toBe(values);
    expect(vi.indices, '.indices is [1]').toBe(indices);
  } else {
    expect(Array.isArray(r), 'a list of tensors').toBe(true);
    const list = r as torch.Tensor[];
    expect(list.length, 'number of results').toBe(exp.list.length);
    exp.list.forEach((want, i) => checkTensor(list[i], want, xs[0], `result ${i}`));
  }
}

/** Cases grouped by op, in fixture order. */
export function byOp(cases: readonly OpCase[]): Map<string, OpCase[]> {
  const groups = new Map<string, OpCase[]>();
  for (const c of cases) {
    if (!groups.has(c.op)) groups.set(c.op, []);
    groups.get(c.op)!.push(c);
  }
  return groups;
}
