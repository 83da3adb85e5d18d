// Convolutions (and their gradients), transposed convolutions, pooling and
// padding against PyTorch 1.13. Fixtures: tools/fixtures/conv_pool.py →
// test/fixtures/conv_pool.json (regenerate, never hand-edit). Inputs are
// rebuilt through the public API, non-contiguous ones included. Every case runs
// twice: on the CPU backend (its conv/pooling fast paths) and on a CPU backend
// that declares no fast path (the reference decompositions into primitives).

import { describe, expect, it } from 'vitest';
import * as torch from 'torchlet';
import { decode, loadFixture, valueMismatches, type Encoded } from './fixtureTools.js';

type Transform = ['transpose', number, number] | ['permute', number[]] | ['expand', number[]] | ['slice', number, number | null, number | null, number | null];

interface InputSpec {
  values: Encoded[];
  shape: number[];
  dtype: torch.DType;
  transform: Transform[];
}

interface TensorSpec {
  dtype: torch.DType;
  shape: number[];
  values: Encoded[];
}

type Expected = { tensor: TensorSpec } | { tuple: [TensorSpec, TensorSpec] } | { error: { type: string; message: string } };

interface Case {
  name: string;
  op: string;
  inputs: (InputSpec | null)[];
  args: unknown[];
  kwargs: Record<string, unknown>;
  expected: Expected;
}

const fixture = loadFixture<{ torch: string; cases: Case[] }>('conv_pool.json');

const REFERENCE = 'cpu-reference';
torch.registerBackend({ ...torch.cpu(), device: REFERENCE, supports: {} });

function build(spec: InputSpec | null, device: string): torch.Tensor | null {
  if (spec === null) return null;
  let x = torch.tensor(spec.values.map((v) => Number(decode(v))), { dtype: spec.dtype, device }).reshape(spec.shape);
  for (const step of spec.transform) {
    if (step[0] === 'transpose') x = x.transpose(step[1], step[2]);
    else if (step[0] === 'permute') x = x.permute(step[1]);
    else if (step[0] === 'expand') x = x.expand(step[1]);
    else {
      const [, dim, start, stop, stp] = step;
      x = x.at(...new Array<torch.Index>(dim).fill(':'), [start, stop, stp] as torch.Slice);
    }
  }
  return x;
}

/** PyTorch's keyword arguments as the trailing options object (camelCase). */
function options(kwargs: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(kwargs)) out[k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] = v;
  return out;
}

type Result = torch.Tensor | torch.Tensor[];
type Fn = (...a: unknown[]) => Result;

const CONV: Record<string, Fn> = {
  conv1d: torch.conv1d as Fn, conv2d: torch.conv2d as Fn, conv3d: torch.conv3d as Fn,
  convTranspose1d: torch.convTranspose1d as Fn, convTranspose2d: torch.convTranspose2d as Fn, convTranspose3d: torch.convTranspose3d as Fn,
};
/** Ops called as `op(input, ...positional)` or `op(input, ...positional, options)`. */
const POSITIONAL: Record<string, Fn> = {
  maxPool1d: torch.maxPool1d as Fn, maxPool2d: torch.maxPool2d as Fn, avgPool1d: torch.avgPool1d as Fn, avgPool2d: torch.avgPool2d as Fn,
  unfold: torch.unfold as Fn, fold: torch.fold as Fn, pixelShuffle: torch.pixelShuffle as Fn, pixelUnshuffle: torch.pixelUnshuffle as Fn,
  adaptiveAvgPool1d: torch.adaptiveAvgPool1d as Fn, adaptiveAvgPool2d: torch.adaptiveAvgPool2d as Fn,
  adaptiveMaxPool1d: torch.adaptiveMaxPool1d as Fn, adaptiveMaxPool2d: torch.adaptiveMaxPool2d as Fn,
  interpolate: torch.interpolate as Fn,
};

/** Calls the camelCase API for one fixture case: positional args as given, kwargs as one options object. */
function apply(c: Case, xs: (torch.Tensor | null)[]): Result {
  const hasKw = Object.keys(c.kwargs).length > 0;
  const opts = options(c.kwargs);
  const [a, b, bias] = xs as [torch.Tensor, torch.Tensor, torch.Tensor | null];
  const conv = CONV[c.op];
  if (conv) return hasKw ? conv(a, b, bias, opts) : conv(a, b, bias, ...c.args);
  const positional = POSITIONAL[c.op];
  if (positional) return hasKw ? positional(a, ...c.args, opts) : positional(a, ...c.args);
  if (c.op === 'maxUnpool2d') {
    const { kernelSize, ...rest } = opts;
    return torch.maxUnpool2d(a, b, (kernelSize ?? c.args[0]) as number, rest);
  }
  const grad = /^conv(\d)d(Input|Weight)Grad$/.exec(c.op);
  if (grad) {
    const size = c.args[0] as number[];
    if (grad[1] === '2') return grad[2] === 'Input' ? torch.conv2dInputGrad(size, a, b, opts) : torch.conv2dWeightGrad(a, size, b, opts);
    return grad[2] === 'Input' ? torch.convInputGrad(size, a, b, opts) : torch.convWeightGrad(a, size, b, opts);
  }
  if (c.op === 'maxPool2dBackward' || c.op === 'adaptiveMaxPool2dBackward') return torch.maxPool2dBackward(a, b, xs[2]!);
  if (c.op === 'avgPool2dBackward') {
    const { kernelSize, ...rest } = opts;
    return torch.avgPool2dBackward(a, b, kernelSize as number, rest);
  }
  if (c.op === 'padBackward') return torch.padBackward(a, c.args[0] as number[], c.args[1] as number[], opts.mode as torch.PadMode);
  if (c.op === 'interpolateBackward') {
    // the forward's output size is the gradient's own
    const { size: _size, ...rest } = opts;
    return torch.interpolateBackward(a, c.args[0] as number[], rest);
  }
  if (c.op === 'adaptiveAvgPool2dBackward') return torch.adaptiveAvgPool2dBackward(a, b);
  if (c.op === 'pad') return torch.pad(a, c.args[0] as number[], opts.mode as torch.PadMode | undefined, opts.value as number | undefined);
  throw new Error(`fixture op ${c.op} has no mapping`);
}

function check(actual: unknown, want: TensorSpec, what: string): void {
  expect(actual, `${what}: a Tensor`).toBeInstanceOf(torch.Tensor);
  const t = actual as torch.Tensor;
  expect(t.dtype, `${what}: dtype`).toBe(want.dtype);
  expect(t.shape, `${what}: shape`).toEqual(want.shape);
  expect(valueMismatches(t.cpu().dataSync(), want.dtype, want.values), `${what}: values`).toBe('');
}

function run(c: Case, device: string): void {
  const xs = c.inputs.map((s) => build(s, device));
  const exp = c.expected;
  if ('error' in exp) {
    let err: unknown;
    try {
      apply(c, xs);
    } catch (e) {
      err = e;
    }
    expect(err, `expected ${exp.error.type}: ${exp.error.message}`).toBeInstanceOf(torch.TorchError);
    const e = err as Error;
    expect(e.name).toBe(exp.error.type);
    // NotImplementedError's message carries torchlet's "not implemented: " prefix
    expect(e.message.replace(/^not implemented: /, '').split('\n')[0]).toBe(exp.error.message);
    return;
  }
  const r = apply(c, xs);
  if ('tensor' in exp) check(r, exp.tensor, 'result');
  else {
    expect(Array.isArray(r), '[output, indices]').toBe(true);
    const [out, indices] = r as torch.Tensor[];
    check(out, exp.tuple[0], 'output');
    check(indices, exp.tuple[1], 'indices');
  }
}

const byOp = new Map<string, Case[]>();
for (const c of fixture.cases) {
  if (!byOp.has(c.op)) byOp.set(c.op, []);
  byOp.get(c.op)!.push(c);
}

for (const device of ['cpu', REFERENCE]) {
  describe(`convolution, pooling and padding vs PyTorch ${fixture.torch} on ${device}`, () => {
    for (const [op, cases] of byOp) {
      describe(op, () => {
        for (const c of cases) it(c.name, () => run(c, device));
      });
    }
  });
}
