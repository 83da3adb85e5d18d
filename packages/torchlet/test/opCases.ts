// Running op cases in shape_reduce.json's format (tools/fixtures/shape_reduce.py,
// shape_order.py, conv_pool.py): rebuild the inputs through the public API, call the op, and
// compare with PyTorch's result or error (assert_close's default tolerances).

import { expect } from 'vitest';
import * as torch from 'torchlet';
import { loadFixture, special, valueMismatches, type Encoded } from './fixtureTools.js';

export type Enc = number | string | boolean | null;
/** One step applied to `tensor(values).reshape(shape)` to get a non-contiguous input. */
export type Transform = ['transpose', number, number] | ['permute', number[]] | ['expand', number[]] | ['slice', number, number | null, number | null, number | null];

/** An input tensor: `torch.tensor(values, { dtype }).reshape(shape)` and then `transform`. */
export interface InputSpec {
  values: Enc[];
  shape: number[];
  dtype: torch.DType;
  transform: Transform[];
}

/** An expected tensor; strides/offset/shares are recorded for views only. */
export interface TensorSpec {
  dtype: torch.DType;
  shape: number[];
  values: Enc[];
  strides?: number[];
  offset?: number;
  shares?: boolean;
}

/** A case's outcome: a tensor, a list, a (values, indices) pair, a plain value, or PyTorch's error. */
export type Expected =
  | { tensor: TensorSpec }
  | { list: TensorSpec[] }
  | { tuple: [TensorSpec, TensorSpec] }
  | { py: boolean }
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

/** What a case's call may return: an op's tensors, or a plain value (`isContiguous()`). */
export type CaseResult = OpResult | boolean;

/** Reads `test/fixtures/<name>`. */
export function loadCases(name: string): { torch: string; cases: OpCase[] } {
  return loadFixture<{ torch: string; cases: OpCase[] }>(name);
}

/** A fixture float: "nan", "inf", "-inf", "-0" or a number; lists decoded element-wise. */
export function decode(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decode);
  return special(v) ?? v;
}

/** `torch.tensor(values, { dtype, device }).reshape(shape)` followed by the transform steps. */
export function build(spec: InputSpec, device?: string): torch.Tensor {
  const values = spec.values.map(decode) as (number | boolean)[];
  let x = torch.tensor(values, device === undefined ? { dtype: spec.dtype } : { dtype: spec.dtype, device }).reshape(spec.shape);
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

/** assert_close on one tensor: dtype, shape, layout for views, values within PyTorch's tolerances. */
export function checkTensor(actual: unknown, want: TensorSpec, input: torch.Tensor | undefined, what: string): void {
  expect(actual, `${what}: a Tensor`).toBeInstanceOf(torch.Tensor);
  const t = actual as torch.Tensor;
  expect(t.dtype, `${what}: dtype`).toBe(want.dtype);
  expect(t.shape, `${what}: shape`).toEqual(want.shape);
  if (want.strides !== undefined) expect(t.stride(), `${what}: stride()`).toEqual(want.strides);
  if (want.offset !== undefined) expect(t.storageOffset(), `${what}: storageOffset()`).toBe(want.offset);
  if (want.shares !== undefined && input) expect(t.storage === input.storage, `${what}: shares storage with the input`).toBe(want.shares);
  expect(valueMismatches(t.dataSync(), want.dtype, want.values as Encoded[]), `${what}: values`).toBe('');
}

function describeResult(r: CaseResult | undefined): string {
  if (r === undefined) return 'nothing';
  if (r instanceof torch.Tensor) return `a tensor of shape [${r.shape.join(', ')}] and dtype ${r.dtype}`;
  if (typeof r === 'boolean') return String(r);
  return `${r.length} results`;
}

/**
 * Checks what `call` returns, or PyTorch's error it must throw (type and first line of
 * the message, a TorchError subclass). `input` is the tensor views must share storage
 * with; `namedPair: false` accepts a plain `[a, b]` for a `tuple` (pooling's
 * `[output, indices]`), else its parts must also be `.values` and `.indices`.
 *
 * @example checkOutcome(c.expected, () => x.max(0), x);
 */
export function checkOutcome(exp: Expected, call: () => CaseResult, input: torch.Tensor | undefined, { namedPair = true } = {}): void {
  if ('error' in exp) {
    let thrown: unknown;
    let result: CaseResult | undefined;
    try {
      result = call();
    } catch (e) {
      thrown = e;
    }
    expect(thrown, `expected ${exp.error.type}: ${exp.error.message}; got ${describeResult(result)}`).toBeDefined();
    const err = thrown as Error;
    // NotImplementedError's message carries torchlet's "not implemented: " prefix
    expect(`${err.name}: ${err.message.replace(/^not implemented: /, '').split('\n')[0]}`).toBe(`${exp.error.type}: ${exp.error.message}`);
    expect(err, 'a TorchError subclass').toBeInstanceOf(torch.TorchError);
    return;
  }
  const r = call();
  if ('py' in exp) {
    expect(r).toBe(exp.py);
  } else if ('tensor' in exp) {
    checkTensor(r, exp.tensor, input, 'result');
  } else if ('tuple' in exp) {
    expect(Array.isArray(r) && r.length === 2, 'a pair of tensors').toBe(true);
    const [values, indices] = r as torch.ValuesIndices;
    checkTensor(values, exp.tuple[0], undefined, 'values');
    checkTensor(indices, exp.tuple[1], undefined, 'indices');
    if (namedPair) {
      expect((r as torch.ValuesIndices).values, '.values is [0]').toBe(values);
      expect((r as torch.ValuesIndices).indices, '.indices is [1]').toBe(indices);
    }
  } else {
    expect(Array.isArray(r), 'a list of tensors').toBe(true);
    const list = r as torch.Tensor[];
    expect(list.length, 'number of results').toBe(exp.list.length);
    exp.list.forEach((want, i) => checkTensor(list[i], want, input, `result ${i}`));
  }
}

/**
 * Runs one case with `apply` (the camelCase call for its op) on inputs built on the
 * default device, and checks the outcome.
 *
 * @example runCase(c, (k, [x]) => x!.sum(k.args[0] as number));
 */
export function runCase(c: OpCase, apply: (c: OpCase, xs: torch.Tensor[]) => CaseResult): void {
  const xs = c.inputs.map((s) => build(s));
  checkOutcome(c.expected, () => apply(c, xs), xs[0]);
}
