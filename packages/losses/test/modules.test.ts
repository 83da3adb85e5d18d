// The loss Modules against PyTorch (tools/fixtures/losses.py, loss_modules.json): constructor
// arguments (positional and by name, legacy flags with their warning), attributes, repr,
// state_dict (the weight / pos_weight buffers) and one forward call.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Tensor } from '@torchlet/tensor';
import { camelCase, isTensor, registerBackend } from '@torchlet/tensor';
import { cpu } from '@torchlet/cpu-backend';
import '@torchlet/autograd';
import * as losses from '../src/index.js';
import { resetWarnings } from '../src/warnings.js';
import type { InputSpec, TensorSpec } from './fixtureCases.js';
import { DISTANCES, build, mismatch } from './fixtureCases.js';

beforeAll(() => registerBackend(cpu()));

interface ModuleCase {
  name: string;
  cls: keyof typeof losses;
  args: (TensorSpec | number | string | boolean | null)[];
  kwargs: Record<string, TensorSpec | number | string | boolean | null>;
  warnings: string[];
  expected:
    | { error: { type: string; message: string } }
    | { repr: string; state_dict: Record<string, TensorSpec>; attrs: Record<string, unknown>; inputs: InputSpec[]; value: TensorSpec | { error: { type: string; message: string } } };
}

const fixture = JSON.parse(readFileSync(new URL('./fixtures/loss_modules.json', import.meta.url), 'utf8')) as { torch: string; cases: ModuleCase[] };

const isSpec = (v: unknown): v is TensorSpec => typeof v === 'object' && v !== null && 'shape' in v;
const value = (v: unknown): unknown => (isSpec(v) ? build(v) : v);

function construct(c: ModuleCase): losses._Loss {
  const args: unknown[] = c.args.map(value);
  const opts: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c.kwargs)) opts[camelCase(k)] = k === 'distance_function' ? DISTANCES[v as string] : value(v);
  if (Object.keys(opts).length > 0) args.push(opts);
  const Ctor = losses[c.cls] as unknown as new (...a: unknown[]) => losses._Loss;
  return new Ctor(...args);
}

describe(`loss modules vs PyTorch ${fixture.torch}`, () => {
  for (const c of fixture.cases) {
    it(c.name, () => {
      resetWarnings();
      const spy = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      let m: losses._Loss | undefined;
      let error: Error | undefined;
      try {
        m = construct(c);
      } catch (e) {
        error = e as Error;
      }
      const warnings = spy.mock.calls.map((call) => String(call[0]).replace(/^UserWarning: /, ''));
      spy.mockRestore();
      expect(warnings).toEqual(c.warnings);
      const expected = c.expected;
      if ('error' in expected) {
        expect(error && `${error.name}: ${error.message}`).toBe(`${expected.error.type}: ${expected.error.message}`);
        return;
      }
      if (error) throw error;
      const module = m!;
      expect(String(module)).toBe(expected.repr);
      const state = module.stateDict();
      expect(Object.keys(state)).toEqual(Object.keys(expected.state_dict));
      for (const [k, spec] of Object.entries(expected.state_dict)) expect(mismatch(state[k] as Tensor, spec), k).toBe('');
      for (const [k, v] of Object.entries(expected.attrs)) expect((module as unknown as Record<string, unknown>)[camelCase(k)], k).toEqual(v);
      const inputs = expected.inputs.map((s) => ('list' in s ? s.list : build(s)));
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      try {
        if ('error' in expected.value) {
          const e = expected.value.error;
          expect(() => (module.call as (...a: unknown[]) => Tensor)(...inputs)).toThrow(`${e.message}`);
        } else {
          const out = (module.call as (...a: unknown[]) => Tensor)(...inputs);
          expect(isTensor(out)).toBe(true);
          expect(mismatch(out, expected.value)).toBe('');
        }
      } finally {
        warn.mockRestore();
      }
    });
  }

  it('registers weight as a buffer that follows the module (state_dict, to, loadStateDict)', () => {
    const loss = new losses.CrossEntropyLoss({ weight: build({ dtype: 'float32', shape: [2], values: [1, 2] }) });
    expect([...loss.namedBuffers()].map(([k]) => k)).toEqual(['weight']);
    loss.double();
    expect(loss.weight!.dtype).toBe('float64');
    loss.loadStateDict({ weight: build({ dtype: 'float64', shape: [2], values: [3, 4] }) });
    expect(Array.from(loss.weight!.dataSync() as Float64Array)).toEqual([3, 4]);
    expect([...new losses.BCEWithLogitsLoss().namedBuffers()]).toEqual([]);
  });

  it('reads its options at every call, as PyTorch does', () => {
    const loss = new losses.L1Loss();
    const x = build({ dtype: 'float32', shape: [2], values: [1, 4] });
    const y = build({ dtype: 'float32', shape: [2], values: [0, 0] });
    expect(loss.call(x, y).itemSync()).toBe(2.5);
    loss.reduction = 'sum';
    expect(loss.call(x, y).itemSync()).toBe(5);
  });
});
