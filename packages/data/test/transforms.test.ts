// Transforms against torchvision 0.14's draws and kernels, re-implemented with PyTorch 1.13 in
// tools/fixtures/transforms.py (torchvision is not installed here): same seed, same outputs.
import { readFileSync } from 'node:fs';
import type { Tensor } from '@torchlet/tensor';
import { arange, manualSeed, rand } from '@torchlet/tensor';
import { describe, expect, it } from 'vitest';
import { transforms } from '../src/index.js';

interface Enc { dtype: string; shape: number[]; values: (number | string)[] }
interface Spec { transform: string; args: unknown[]; kwargs: Record<string, unknown> }
interface Case extends Spec { name: string; seed: number; input: { dtype: string; shape: number[] }; calls: number; outputs: Enc[]; after: number[] }
interface ErrorCase extends Spec { name: string; input?: { dtype: string; shape: number[] }; error: { type: string; message: string } }

const fixture = JSON.parse(readFileSync(new URL('./fixtures/transforms.json', import.meta.url), 'utf8')) as { cases: Case[]; errors: ErrorCase[] };

/** The fixture's image: ((i * 37 + 11) mod 256) as uint8, or that / 255 as float32. */
function image(shape: number[], dtype: string): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const u8 = arange(n).mul(37).add(11).remainder(256).to('uint8').reshape(shape);
  return dtype === 'uint8' ? u8 : u8.to('float32').div(255);
}

/** A transform from its fixture spec (positional args, then the kwargs as options). */
function build(s: Spec): { call(x: Tensor): Tensor } {
  if (s.transform === 'Compose') {
    const inner = (s.args[0] as [string, unknown[], Record<string, unknown>][]).map(([transform, args, kwargs]) => build({ transform, args, kwargs }));
    return new transforms.Compose(inner);
  }
  const Ctor = (transforms as unknown as Record<string, new (...a: unknown[]) => { call(x: Tensor): Tensor }>)[s.transform]!;
  return Object.keys(s.kwargs).length > 0 ? new Ctor(...s.args, s.kwargs) : new Ctor(...s.args);
}

const num = (v: number | string): number => (v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v === '-0' ? -0 : Number(v));

function expectTensor(got: Tensor, want: Enc): void {
  expect(got.dtype).toBe(want.dtype);
  expect(got.shape).toEqual(want.shape);
  const g = Array.from(got.contiguous().dataSync() as ArrayLike<number>, Number);
  const w = want.values.map(num);
  if (want.dtype === 'float32') {
    const bad = g.findIndex((v, i) => !(Math.abs(v - w[i]!) <= 1e-5 + 1.3e-6 * Math.abs(w[i]!)));
    expect(bad, bad >= 0 ? `element ${bad}: ${g[bad]} vs ${w[bad]}` : '').toBe(-1);
  } else expect(g).toEqual(w);
}

describe('transforms (torchvision 0.14 re-implemented with PyTorch)', () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      manualSeed(c.seed);
      const t = build(c);
      const x = image(c.input.shape, c.input.dtype);
      for (let k = 0; k < c.calls; k++) expectTensor(t.call(x), c.outputs[k]!);
      // the transform drew exactly what torchvision draws
      expect(rand(2).tolistSync()).toEqual(c.after.map(Math.fround));
    });
  }
  for (const e of fixture.errors) {
    it(`refuses: ${e.name}`, () => {
      manualSeed(0);
      const run = () => {
        const t = build(e);
        if (e.input !== undefined) t.call(image(e.input.shape, e.input.dtype));
      };
      expect(run).toThrow(e.error.message);
    });
  }
});
