// Convolutions (and their gradients), transposed convolutions, pooling and
// padding against PyTorch 1.13. Fixtures: tools/fixtures/conv_pool.py →
// test/fixtures/conv_pool.json (regenerate, never hand-edit). Inputs are
// rebuilt through the public API, non-contiguous ones included. Every case runs
// twice: on the CPU backend (its conv/pooling fast paths) and on a CPU backend
// that declares no fast path (the reference decompositions into primitives).

import { it } from 'vitest';
import * as torch from 'torchlet';
import { describeByOp, loadFixture } from './fixtureTools.js';
import { build, checkOutcome, options, type InputSpec, type OpCase } from './opCases.js';

/** A case of conv_pool.json: shape_reduce.json's format, with `null` for an absent operand (bias). */
interface Case extends Omit<OpCase, 'inputs'> {
  inputs: (InputSpec | null)[];
}

const fixture = loadFixture<{ torch: string; cases: Case[] }>('conv_pool.json');

const REFERENCE = 'cpu-reference';
torch.registerBackend({ ...torch.cpu(), device: REFERENCE, supports: {} });

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
  const opts = options(c.kwargs) ?? {};
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

function run(c: Case, device: string): void {
  const xs = c.inputs.map((s) => (s === null ? null : build(s, device)));
  // pooling's return_indices result is a plain [output, indices]
  checkOutcome(c.expected, () => apply(c, xs), xs[0] ?? undefined, { namedPair: false });
}

for (const device of ['cpu', REFERENCE]) {
  describeByOp(`convolution, pooling and padding vs PyTorch ${fixture.torch} on ${device}`, fixture.cases, (c) => it(c.name, () => run(c, device)));
}
