// Creation ops against PyTorch: tensor() dtype inference from nested arrays,
// typed arrays and scalars; zeros/ones/full/empty, arange, linspace, eye and
// the *Like forms (the "creation" part of test/fixtures/elementwise.json,
// written by tools/fixtures/elementwise.py).
import { describe, expect, it } from 'vitest';
import * as torch from 'torchlet';
import type { Encoded, Expected } from './fixtureTools.js';
import { decode, loadFixture, mismatches, thrown } from './fixtureTools.js';

type CreationArg = Encoded | CreationArg[] | { typed: string; values: Encoded[] } | { like: { values: Encoded[]; dtype: torch.DType; shape: number[] } };

interface CreationCase {
  name: string;
  fn: string;
  args: CreationArg[];
  kwargs: { dtype?: torch.DType };
  expected: Expected;
  deviation?: string;
  /** Called as a method of the first argument (`x.newZeros(...)`). */
  method?: boolean;
}

const fixture = loadFixture<{ torch_version: string; creation: CreationCase[] }>('elementwise.json');

const TYPED: Record<string, (values: Encoded[]) => ArrayBufferView> = {
  Float32Array: (v) => new Float32Array(v.map((x) => Number(decode(x)))),
  Float64Array: (v) => new Float64Array(v.map((x) => Number(decode(x)))),
  Int32Array: (v) => new Int32Array(v.map((x) => Number(decode(x)))),
  BigInt64Array: (v) => new BigInt64Array(v.map((x) => BigInt(decode(x) as number | bigint))),
  Int8Array: (v) => new Int8Array(v.map((x) => Number(decode(x)))),
  Uint8Array: (v) => new Uint8Array(v.map((x) => Number(decode(x)))),
};

function arg(a: CreationArg): unknown {
  if (Array.isArray(a)) return a.map(arg);
  if (typeof a === 'object') {
    if ('typed' in a) return TYPED[a.typed]!(a.values);
    return torch.tensor(a.like.values.map(decode), { dtype: a.like.dtype }).reshape(a.like.shape);
  }
  return decode(a);
}

function call(c: CreationCase): torch.Tensor {
  const opts = Object.keys(c.kwargs).length > 0 ? [c.kwargs] : [];
  if (c.method) {
    const [self, ...rest] = c.args.map(arg) as [torch.Tensor, ...unknown[]];
    const m = (self as unknown as Record<string, unknown>)[c.fn];
    if (typeof m !== 'function') throw new Error(`torchlet lacks Tensor.${c.fn}()`);
    return (m as (...a: unknown[]) => torch.Tensor).call(self, ...rest, ...opts);
  }
  const fn = (torch as unknown as Record<string, unknown>)[c.fn];
  if (typeof fn !== 'function') throw new Error(`torchlet lacks torch.${c.fn}()`);
  return (fn as (...a: unknown[]) => torch.Tensor)(...c.args.map(arg), ...opts);
}

describe(`creation ops vs PyTorch ${fixture.torch_version}`, () => {
  for (const c of fixture.creation) {
    const dtype = c.kwargs.dtype ? ` dtype=${c.kwargs.dtype}` : '';
    it(`${c.fn}: ${c.name}${dtype}${c.deviation ? ' [deviation]' : ''}`, () => {
      const note = c.deviation ? ` (deviation: ${c.deviation})` : '';
      if ('error' in c.expected) {
        const want = `${c.expected.error.type}: ${c.expected.error.message}`;
        const got = thrown(() => call(c));
        if (got !== want) throw new Error(`expected PyTorch's error «${want}», got ${got === null ? 'no error' : `«${got}»`}${note}`);
        return;
      }
      const t = call(c);
      if (c.fn.startsWith('empty') || c.fn === 'newEmpty') {
        // empty()'s values are uninitialised in PyTorch: only dtype and shape are compared
        expect([t.dtype, t.shape]).toEqual([c.expected.dtype, c.expected.shape]);
        return;
      }
      const bad = mismatches(t, c.expected);
      if (bad) throw new Error(`${bad}${note}`);
    });
  }
});
