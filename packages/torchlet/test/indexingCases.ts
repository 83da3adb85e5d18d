// The replay of tools/fixtures/indexing.py's cases (test/fixtures/indexing.json):
// each case runs through the public API, as a method and as a torch.* function.

import { describe, expect, it } from 'vitest';
import * as torch from 'torchlet';
import type { Encoded, ResultSpec, TensorSpec } from './fixtureTools.js';
import { buildTensor, decode, loadFixture, mismatches, thrown } from './fixtureTools.js';

type Arg = Encoded | null | { input: number } | Arg[];

interface Case {
  name: string;
  op: string;
  inputs: TensorSpec[];
  args: Arg[];
  kwargs: Record<string, unknown>;
  inplace: boolean;
  /** Why torchlet deliberately differs from PyTorch 1.13 here (expected is then torchlet's documented result). */
  deviation?: string;
  expected: { tensor: ResultSpec; base?: ResultSpec } | { list: ResultSpec[] } | { error: { type: string; message: string } };
}

const fixture = loadFixture<{ torch: string; cases: Case[] }>('indexing.json');


const isRef = (a: unknown): a is { input: number } => typeof a === 'object' && a !== null && !Array.isArray(a) && 'input' in a;

/** One argument: an input tensor, a float special, or itself. */
function arg(a: Arg, inputs: torch.Tensor[]): unknown {
  if (isRef(a)) return inputs[a.input]!;
  if (a === 'nan' || a === 'inf' || a === '-inf') return decode(a);
  return a;
}

/** An index list of at/setAt: slices stay arrays, refs become tensors. */
function indexList(a: Arg, inputs: torch.Tensor[]): torch.Index[] {
  return (a as Arg[]).map((i) => (isRef(i) ? inputs[i.input]! : (i as torch.Index)));
}

type Run = (x: torch.Tensor, a: unknown[], kw: Record<string, unknown>) => torch.Tensor | torch.Tensor[];
const T = (v: unknown) => v as torch.Tensor;
const N = (v: unknown) => v as number;

/** x.op(...) for every op in the fixture, and torch.op(x, ...) where PyTorch has a function form. */
const METHODS: Record<string, Run> = {
  gather: (x, a) => x.gather(N(a[0]), T(a[1])),
  scatter: (x, a, kw) => x.scatter(N(a[0]), T(a[1]), a[2] as torch.Tensor | number, kw),
  scatter_: (x, a, kw) => x.scatter_(N(a[0]), T(a[1]), a[2] as torch.Tensor | number, kw),
  scatterAdd: (x, a) => x.scatterAdd(N(a[0]), T(a[1]), T(a[2])),
  scatterAdd_: (x, a) => x.scatterAdd_(N(a[0]), T(a[1]), T(a[2])),
  scatterReduce: (x, a, kw) => x.scatterReduce(N(a[0]), T(a[1]), T(a[2]), a[3] as torch.ScatterReduction, kw),
  scatterReduce_: (x, a, kw) => x.scatterReduce_(N(a[0]), T(a[1]), T(a[2]), a[3] as torch.ScatterReduction, kw),
  indexSelect: (x, a) => x.indexSelect(N(a[0]), T(a[1])),
  indexAdd: (x, a, kw) => x.indexAdd(N(a[0]), T(a[1]), T(a[2]), kw),
  indexAdd_: (x, a, kw) => x.indexAdd_(N(a[0]), T(a[1]), T(a[2]), kw),
  indexCopy: (x, a) => x.indexCopy(N(a[0]), T(a[1]), T(a[2])),
  indexCopy_: (x, a) => x.indexCopy_(N(a[0]), T(a[1]), T(a[2])),
  indexFill: (x, a) => x.indexFill(N(a[0]), T(a[1]), a[2] as torch.Tensor | number),
  indexFill_: (x, a) => x.indexFill_(N(a[0]), T(a[1]), a[2] as torch.Tensor | number),
  indexPut: (x, a, kw) => x.indexPut(a[0] as torch.Tensor[], T(a[1]), kw),
  indexPut_: (x, a, kw) => x.indexPut_(a[0] as torch.Tensor[], T(a[1]), kw),
  maskedFill: (x, a) => x.maskedFill(T(a[0]), a[1] as torch.Tensor | number),
  maskedFill_: (x, a) => x.maskedFill_(T(a[0]), a[1] as torch.Tensor | number),
  maskedSelect: (x, a) => x.maskedSelect(T(a[0])),
  maskedScatter: (x, a) => x.maskedScatter(T(a[0]), T(a[1])),
  maskedScatter_: (x, a) => x.maskedScatter_(T(a[0]), T(a[1])),
  nonzero: (x, _a, kw) => x.nonzero(kw),
  argwhere: (x) => x.argwhere(),
  take: (x, a) => x.take(T(a[0])),
  where: (x) => torch.where(x),
};

const FUNCTIONS: Record<string, Run> = {
  gather: (x, a) => torch.gather(x, N(a[0]), T(a[1])),
  scatter: (x, a, kw) => torch.scatter(x, N(a[0]), T(a[1]), a[2] as torch.Tensor | number, kw),
  scatterAdd: (x, a) => torch.scatterAdd(x, N(a[0]), T(a[1]), T(a[2])),
  scatterReduce: (x, a, kw) => torch.scatterReduce(x, N(a[0]), T(a[1]), T(a[2]), a[3] as torch.ScatterReduction, kw),
  indexSelect: (x, a) => torch.indexSelect(x, N(a[0]), T(a[1])),
  indexAdd: (x, a, kw) => torch.indexAdd(x, N(a[0]), T(a[1]), T(a[2]), kw),
  indexCopy: (x, a) => torch.indexCopy(x, N(a[0]), T(a[1]), T(a[2])),
  indexFill: (x, a) => torch.indexFill(x, N(a[0]), T(a[1]), a[2] as torch.Tensor | number),
  indexPut: (x, a, kw) => torch.indexPut(x, a[0] as torch.Tensor[], T(a[1]), kw),
  indexPut_: (x, a, kw) => torch.indexPut_(x, a[0] as torch.Tensor[], T(a[1]), kw),
  maskedFill: (x, a) => torch.maskedFill(x, T(a[0]), a[1] as torch.Tensor | number),
  maskedSelect: (x, a) => torch.maskedSelect(x, T(a[0])),
  maskedScatter: (x, a) => torch.maskedScatter(x, T(a[0]), T(a[1])),
  nonzero: (x, _a, kw) => torch.nonzero(x, kw),
  argwhere: (x) => torch.argwhere(x),
  take: (x, a) => torch.take(x, T(a[0])),
};

/** Runs one form of a case on fresh inputs; returns the target (input 0 or its clone), the result and the base. */
function runCase(c: Case, form: Record<string, Run> | 'at'): { target: torch.Tensor; result: torch.Tensor | torch.Tensor[]; base: torch.Tensor } {
  const built = c.inputs.map(buildTensor);
  const inputs = built.map((b) => b.input);
  const inPlace = c.op.endsWith('_') || c.op === 'setAt';
  const target = inPlace && !c.inplace ? inputs[0]!.clone() : inputs[0]!;
  const base = built[0]!.base;
  if (c.op === 'at') return { target, base, result: target.at(...indexList(c.args[0]!, inputs)) };
  if (c.op === 'setAt') return { target, base, result: target.setAt(indexList(c.args[0]!, inputs), arg(c.args[1]!, inputs) as torch.TensorOrScalar) };
  const args = c.args.map((a) => (Array.isArray(a) ? a.map((i) => arg(i, inputs)) : arg(a, inputs)));
  const run = (form as Record<string, Run>)[c.op]!;
  return { target, base, result: run(target, args, c.kwargs) };
}

function check(c: Case, form: Record<string, Run> | 'at'): void {
  const e = c.expected;
  if ('error' in e) {
    expect(thrown(() => runCase(c, form))).toBe(`${e.error.type}: ${e.error.message}`);
    return;
  }
  const { target, result, base } = runCase(c, form);
  if ('list' in e) {
    const list = result as torch.Tensor[];
    expect(list.length).toBe(e.list.length);
    list.forEach((t, k) => expect(mismatches(t, e.list[k]!), `result ${k}`).toBe(''));
    return;
  }
  expect(mismatches(result as torch.Tensor, e.tensor)).toBe('');
  const inPlace = c.op.endsWith('_') || c.op === 'setAt';
  if (inPlace && form !== FUNCTIONS) expect(result).toBe(target);
  if (e.base) expect(mismatches(base, e.base), 'base after the in-place write').toBe('');
}

/**
 * Registers every fixture case under `title` (the tensors are made on the default device).
 *
 * @example describeIndexingFixtures('indexing vs PyTorch')
 */
export function describeIndexingFixtures(title: string): void {
  describe(`${title} ${fixture.torch}`, () => {
  for (const c of fixture.cases) {
    const form = c.op === 'at' || c.op === 'setAt' ? 'at' : METHODS;
    const label = `${c.op}: ${c.name}${c.deviation ? ' (documented deviation)' : ''}`;
    it(label, () => check(c, form));
    if (form !== 'at' && FUNCTIONS[c.op]) it(`torch.${c.op}: ${c.name}`, () => check(c, FUNCTIONS));
  }
});
}
