// Every layer against PyTorch (tools/fixtures/nn_layers.py): initial parameters after the same
// seed, repr, state_dict keys, forward, input and parameter gradients, buffers after training
// steps (batch-norm running statistics, num_batches_tracked), dropout masks, and errors.
import './setup.js';
import { describe, expect, it } from 'vitest';
import type { Tensor } from '@torchlet/tensor';
import * as torch from '@torchlet/tensor';
import { noGrad } from '@torchlet/autograd';
import * as nn from '../src/index.js';
import type { TensorValue } from './fixtureTools.js';
import { build, compare, loadFixture, options } from './fixtureTools.js';

interface Case {
  name: string;
  ctor: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
  seed: number;
  call_args: unknown[];
  pre_modes: string[];
  mode: string;
  through_mul: boolean;
  lazy: boolean;
  repr: string;
  keys: string[];
  init?: Record<string, TensorValue>;
  inputs: (TensorValue & { requires_grad?: boolean; upstream?: boolean })[];
  outputs: TensorValue[];
  input_grads: (TensorValue | null)[];
  param_grads: Record<string, TensorValue | null>;
  after: Record<string, TensorValue>;
}
interface ErrorCase {
  name: string;
  ctor: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
  input_shape: number[] | null;
  type: string;
  message: string;
}
const fx = loadFixture<{ cases: Case[]; errors: ErrorCase[] }>('nn_layers.json');

type Ctor = new (...args: unknown[]) => nn.Module;
/** `new nn[ctor](...args, kwargs)` as the fixture gives them. */
export function construct(ctor: string, args: unknown[], kwargs: Record<string, unknown>): nn.Module {
  const C = (nn as unknown as Record<string, Ctor>)[ctor];
  if (C === undefined) throw new Error(`no nn.${ctor}`);
  const opts = options(kwargs);
  return Object.keys(opts).length > 0 ? new C(...args, opts) : new C(...args);
}

function flatten(out: unknown): Tensor[] {
  if (Array.isArray(out)) return out.flatMap(flatten);
  return [out as Tensor];
}

function expectClose(actual: Tensor | null | undefined, expected: TensorValue | null, what: string): void {
  const msg = compare(actual, expected);
  expect(msg, what).toBe('');
}

describe('layers against PyTorch', () => {
  for (const c of fx.cases) {
    it(c.name, () => {
      torch.manualSeed(c.seed);
      const m = construct(c.ctor, c.args, c.kwargs);
      expect(String(m)).toBe(c.repr);
      const sd = m.stateDict();
      expect(Object.keys(sd)).toEqual(c.keys);
      // initial values bit for bit
      if (c.init) for (const [k, v] of Object.entries(c.init)) expect(compare(sd[k], v, [0, 0]), `init ${k}`).toBe('');
      const inputs = c.inputs.filter((i) => !i.upstream).map((spec) => {
        const t = build(spec);
        return spec.requires_grad ? t.requiresGrad_() : t;
      });
      const upstream = c.inputs.filter((i) => i.upstream).map(build);
      for (const pm of c.pre_modes) {
        m.train(pm === 'train');
        noGrad(() => m.call(...inputs, ...c.call_args));
      }
      m.train(c.mode === 'train');
      const fed = inputs.map((x) => (c.through_mul && x.isFloatingPoint() ? x.mul(1) : x));
      const outs = flatten(m.call(...fed, ...c.call_args));
      expect(outs.length).toBe(c.outputs.length);
      outs.forEach((o, i) => expectClose(o, c.outputs[i]!, `output ${i}`));
      let loss: Tensor | null = null;
      let u = 0;
      for (const o of outs) {
        if (!o.isFloatingPoint() || !o.requiresGrad) continue;
        const term = o.mul(upstream[u++]!).sum();
        loss = loss === null ? term : loss.add(term);
      }
      loss?.backward();
      inputs.forEach((x, i) => expectClose(x.grad, c.input_grads[i]!, `input grad ${i}`));
      const params = new Map(m.namedParameters());
      for (const [k, g] of Object.entries(c.param_grads)) expectClose(params.get(k)!.grad, g, `grad ${k}`);
      const after = m.stateDict();
      for (const [k, v] of Object.entries(c.after)) expectClose(after[k], v, `after ${k}`);
    });
  }
});

describe('layer errors with PyTorch\'s wording', () => {
  for (const e of fx.errors) {
    it(e.name, () => {
      const run = (): void => {
        const m = construct(e.ctor, e.args, e.kwargs);
        if (e.input_shape !== null) m.call(torch.zeros(e.input_shape));
      };
      // shapes print as torchlet prints them ([2, 5]), not torch.Size([2, 5])
      const message = e.message.replace(/torch\.Size\((\[[^\]]*\])\)/g, '$1');
      expect(run).toThrow(expect.objectContaining({ name: e.type, message }));
    });
  }
});
