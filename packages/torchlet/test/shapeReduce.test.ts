// Views, reductions, matmul, cat/stack and softmax against PyTorch 1.13.
// Fixtures: tools/fixtures/shape_reduce.py → test/fixtures/shape_reduce.json
// (regenerate, never hand-edit). Inputs are rebuilt through the public API only.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as torch from 'torchlet';

type Enc = number | string | boolean | null;
type Transform = ['transpose', number, number] | ['permute', number[]] | ['expand', number[]] | ['slice', number, number | null, number | null, number | null];

interface InputSpec {
  values: Enc[];
  shape: number[];
  dtype: torch.DType;
  transform: Transform[];
}

interface TensorSpec {
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
  | { py: boolean }
  | { error: { type: string; message: string } };

interface Case {
  name: string;
  op: string;
  inputs: InputSpec[];
  args: unknown[];
  kwargs: Record<string, unknown>;
  expected: Expected;
}

const fixture = JSON.parse(readFileSync(new URL('./fixtures/shape_reduce.json', import.meta.url), 'utf8')) as {
  torch: string;
  cases: Case[];
};

/** A fixture float: "nan", "inf", "-inf", "-0" or a number. */
function decode(v: unknown): unknown {
  if (v === 'nan') return NaN;
  if (v === 'inf') return Infinity;
  if (v === '-inf') return -Infinity;
  if (v === '-0') return -0;
  if (Array.isArray(v)) return v.map(decode);
  return v;
}

function build(spec: InputSpec): torch.Tensor {
  const values = spec.values.map(decode) as (number | boolean)[];
  let x = torch.tensor(values, { dtype: spec.dtype }).reshape(spec.shape);
  for (const step of spec.transform) {
    switch (step[0]) {
      case 'transpose':
        x = x.transpose(step[1], step[2]);
        break;
      case 'permute':
        x = x.permute(step[1]);
        break;
      case 'expand':
        x = x.expand(step[1]);
        break;
      case 'slice': {
        const [, dim, start, stop, stp] = step;
        x = x.at(...new Array<torch.Index>(dim).fill(':'), [start, stop, stp]);
        break;
      }
    }
  }
  return x;
}

/** PyTorch's keyword arguments as the trailing options object (camelCase). */
function options(kwargs: Record<string, unknown>): Record<string, unknown> | undefined {
  const keys = Object.keys(kwargs);
  if (keys.length === 0) return undefined;
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] = decode(kwargs[k]);
  return out;
}

type Result = torch.Tensor | torch.Tensor[] | torch.ValuesIndices | boolean;

/** Calls the camelCase API for one fixture case. */
function apply(c: Case, xs: torch.Tensor[]): Result {
  const [x, y] = xs as [torch.Tensor, torch.Tensor];
  const a = c.args.map(decode) as any[];
  const o = options(c.kwargs) as any;
  switch (c.op) {
    case 'view': return x.view(a[0] as number[]);
    case 'reshape': return x.reshape(...(a[0] as number[]));
    case 'permute': return x.permute(a[0] as number[]);
    case 'transpose': return x.transpose(a[0], a[1]);
    case 't': return x.t();
    case 'T': return x.T;
    case 'mT': return x.mT;
    case 'expand': return x.expand(a[0] as number[]);
    case 'expandAs': return x.expandAs(y);
    case 'squeeze': return a.length ? x.squeeze(a[0]) : x.squeeze();
    case 'unsqueeze': return x.unsqueeze(a[0]);
    case 'flatten': return x.flatten(...(a as number[]));
    case 'unflatten': return x.unflatten(a[0], a[1]);
    case 'narrow': return x.narrow(a[0], a[1], a[2]);
    case 'select': return x.select(a[0], a[1]);
    case 'diagonal': return x.diagonal(...(a as number[]));
    case 'movedim': return x.movedim(a[0], a[1]);
    case 'at': return x.at(...(a as torch.Index[]));
    case 'setAt': return xs.length === 2 ? x.setAt(a[0], y) : x.setAt(a[0], a[1]);
    case 'chunk': return x.chunk(a[0], ...(a.slice(1) as number[]));
    case 'split': return x.split(a[0], ...(a.slice(1) as number[]));
    case 'unbind': return x.unbind(...(a as number[]));
    case 'contiguous': return x.contiguous();
    case 'clone': return x.clone();
    case 'zerosLike': return torch.zerosLike(x);
    case 'isContiguous': return x.isContiguous();
    case 'sum': return x.sum(a[0], o);
    case 'mean': return x.mean(a[0], o);
    case 'prod': return x.prod(a[0], o);
    case 'max':
      if (xs.length === 2) return x.max(y);
      return a.length ? x.max(a[0] as number, o) : x.max();
    case 'min':
      if (xs.length === 2) return x.min(y);
      return a.length ? x.min(a[0] as number, o) : x.min();
    case 'amax': return x.amax(a[0], o);
    case 'amin': return x.amin(a[0], o);
    case 'argmax': return x.argmax(a[0], o);
    case 'argmin': return x.argmin(a[0], o);
    case 'std': return x.std(a[0], o);
    case 'var': return x.var(a[0], o);
    case 'logsumexp': return x.logsumexp(a[0], o);
    case 'norm': return x.norm(a[0], a[1], o);
    case 'all': return x.all(a[0], o);
    case 'any': return x.any(a[0], o);
    case 'cumsum': return x.cumsum(a[0], o);
    case 'cumprod': return x.cumprod(a[0], o);
    case 'softmax': return x.softmax(a[0], o);
    case 'logSoftmax': return torch.logSoftmax(x, a[0], o);
    case 'matmul': return x.matmul(y);
    case 'mm': return x.mm(y);
    case 'bmm': return torch.bmm(x, y);
    case 'mv': return x.mv(y);
    case 'dot': return torch.dot(x, y);
    case 'outer': return x.outer(y);
    case 'cat': return torch.cat(xs, a[0] ?? o?.dim);
    case 'stack': return torch.stack(xs, a[0] ?? o?.dim);
    case 'add': return x.add(y);
    default: throw new Error(`fixture op ${c.op} has no mapping`);
  }
}

const TOL: Partial<Record<torch.DType, { rtol: number; atol: number }>> = {
  float32: { rtol: 1.3e-6, atol: 1e-5 },
  float64: { rtol: 1e-7, atol: 1e-7 },
};

function readValues(t: torch.Tensor): (number | boolean)[] {
  const data = t.dataSync();
  if (t.dtype === 'bool') return Array.from(data as Uint8Array, (v) => v !== 0);
  if (data instanceof BigInt64Array) return Array.from(data, Number);
  return Array.from(data as Float32Array);
}

/** assert_close on one tensor: dtype, shape, layout for views, values within PyTorch's tolerances. */
function checkTensor(actual: unknown, want: TensorSpec, input: torch.Tensor | undefined, what: string): void {
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

function run(c: Case): void {
  const xs = c.inputs.map(build);
  const exp = c.expected;
  if ('error' in exp) {
    let thrown: unknown;
    let result: Result | undefined;
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
  if ('py' in exp) {
    expect(r).toBe(exp.py);
  } else if ('tensor' in exp) {
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
    expect(list.length, 'number of parts').toBe(exp.list.length);
    exp.list.forEach((want, i) => checkTensor(list[i], want, xs[0], `part ${i}`));
  }
}

function describeResult(r: Result | undefined): string {
  if (r === undefined) return 'nothing';
  if (r instanceof torch.Tensor) return `a tensor of shape [${r.shape.join(', ')}] and dtype ${r.dtype}`;
  if (Array.isArray(r)) return `${r.length} results`;
  return String(r);
}

const byOp = new Map<string, Case[]>();
for (const c of fixture.cases) {
  if (!byOp.has(c.op)) byOp.set(c.op, []);
  byOp.get(c.op)!.push(c);
}

describe(`shape and reduction ops against PyTorch ${fixture.torch}`, () => {
  for (const [op, cases] of byOp) {
    describe(op, () => {
      for (const c of cases) it(c.name, () => run(c));
    });
  }
});
