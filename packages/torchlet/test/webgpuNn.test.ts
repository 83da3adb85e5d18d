// Every nn layer on WebGPU: the layer cases of nn-module's PyTorch fixtures (nn_layers.json,
// nn_sequence.json) built on the CPU after the seed, moved with model.to('webgpu'), run there in
// float32 (int64 indices as on the CPU), outputs, gradients and buffers compared with PyTorch's,
// dtypes included. Cases whose result depends on random draws in training (dropout, RReLU) are
// checked for shapes only: the WebGPU generator is counter-based, not PyTorch's stream (so is
// LazyLinear, which draws its initial weights on the device of its first input).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { webgpu } from '@torchlet/webgpu-backend';
import * as torch from 'torchlet';

beforeAll(async () => {
  torch.registerBackend(await webgpu());
});

type Encoded = number | string | boolean;
interface TensorValue {
  dtype: torch.DType;
  shape: number[];
  values: Encoded[];
  requires_grad?: boolean;
  upstream?: boolean;
}
interface Case {
  name: string;
  ctor: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
  seed: number;
  call: { args: unknown[]; kwargs: Record<string, unknown> };
  pre_modes: string[];
  mode: string;
  through_mul: boolean;
  inputs: TensorValue[];
  outputs: TensorValue[];
  input_grads: (TensorValue | null)[];
  param_grads: Record<string, TensorValue | null>;
  after: Record<string, TensorValue>;
}
const load = (name: string): Case[] =>
  (JSON.parse(readFileSync(new URL(`../../nn-module/test/fixtures/${name}`, import.meta.url), 'utf8')) as { cases: Case[] }).cases;
const CASES = [...load('nn_layers.json'), ...load('nn_sequence.json')];

const SPECIALS: Record<string, number> = { nan: NaN, inf: Infinity, '-inf': -Infinity, '-0': -0 };
const decode = (v: Encoded): number | boolean => (typeof v === 'string' ? SPECIALS[v]! : v);
/** A fixture tensor on WebGPU. */
const onGpu = (v: TensorValue): torch.Tensor => torch.tensor(v.values.map(decode) as number[], { dtype: v.dtype }).reshape(v.shape).to('webgpu');
const camel = (k: string): string => k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const opts = (kw: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(kw).map(([k, v]) => [camel(k), v]));

type Ctor = new (...args: unknown[]) => torch.nn.Module;
interface ModuleSpec {
  module: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
}
function construct(ctor: string, args: unknown[], kwargs: Record<string, unknown>): torch.nn.Module {
  const C = (torch.nn as unknown as Record<string, Ctor>)[ctor]!;
  const built = args.map((a) => {
    if (typeof a !== 'object' || a === null || !('module' in a)) return a;
    const spec = a as ModuleSpec;
    return construct(spec.module, spec.args, spec.kwargs);
  });
  const o = opts(kwargs);
  return Object.keys(o).length > 0 ? new C(...built, o) : new C(...built);
}
function callArgs(call: Case['call'], inputs: torch.Tensor[]): unknown[] {
  const resolve = (a: unknown): unknown => {
    if (typeof a === 'object' && a !== null && 'input' in a) return inputs[(a as { input: number }).input];
    if (typeof a === 'object' && a !== null && 'tuple' in a) return (a as { tuple: unknown[] }).tuple.map(resolve);
    return a;
  };
  const kw = Object.entries(call.kwargs);
  const args = call.args.map(resolve);
  return kw.length === 0 ? args : [...args, opts(Object.fromEntries(kw.map(([k, v]) => [k, resolve(v)])))];
}
const flatten = (out: unknown): torch.Tensor[] => (out === null ? [] : Array.isArray(out) ? out.flatMap(flatten) : [out as torch.Tensor]);

/** Whether the case's result depends on random draws made in training (or on the device, for LazyLinear's initialisation). */
function random(c: Case): boolean {
  if (c.ctor === 'LazyLinear') return true;
  if (c.mode !== 'train' && c.pre_modes.every((m) => m !== 'train')) return false;
  if (['Dropout', 'Dropout1d', 'Dropout2d', 'AlphaDropout', 'RReLU'].includes(c.ctor)) return c.mode === 'train';
  if (c.ctor.startsWith('Transformer')) return c.mode === 'train' && c.kwargs['dropout'] !== 0;
  return typeof c.kwargs['dropout'] === 'number' && (c.kwargs['dropout'] as number) > 0 && c.mode === 'train';
}

/** float32 on the GPU: the same math in other orders (and SwiftShader's exp/log/tanh) differs by a few ulps more than the CPU. */
const RTOL = 2e-5;
const ATOL = 5e-5;
async function mismatch(actual: torch.Tensor | null, expected: TensorValue | null, valuesToo: boolean): Promise<string> {
  if (expected === null || actual === null) return (actual === null) === (expected === null) ? '' : 'null mismatch';
  if (actual.shape.join() !== expected.shape.join()) return `shape [${actual.shape}] vs [${expected.shape}]`;
  if (actual.dtype !== expected.dtype) return `dtype ${actual.dtype} vs ${expected.dtype}`;
  if (!valuesToo) return '';
  const data = await (await actual.toAsync('cpu')).contiguous().data();
  const bad: string[] = [];
  expected.values.forEach((ev, i) => {
    const e = Number(decode(ev));
    const a = Number(data[i]);
    const ok = Number.isNaN(e) ? Number.isNaN(a) : a === e || Math.abs(a - e) <= ATOL + RTOL * Math.abs(e);
    if (!ok && bad.length < 3) bad.push(`[${i}] ${a} vs ${e}`);
  });
  return bad.join('; ');
}

describe('every nn layer on WebGPU (float32), against PyTorch', () => {
  for (const c of CASES) {
    const float64 = c.inputs.some((i) => i.dtype === 'float64') || c.kwargs['dtype'] === 'float64';
    it.skipIf(float64)(c.name, async () => {
      expect(await run(c)).toEqual([]);
    }, 120_000);
  }
});

/** Runs a case on WebGPU; what differs from PyTorch's fixture. */
async function run(c: Case): Promise<string[]> {
  torch.manualSeed(c.seed);
  const m = construct(c.ctor, c.args, c.kwargs).to('webgpu');
  const inputs = c.inputs.filter((i) => !i.upstream).map((v) => {
    const t = onGpu(v);
    return v.requires_grad ? t.requiresGrad_() : t;
  });
  const upstream = c.inputs.filter((i) => i.upstream).map(onGpu);
  for (const pm of c.pre_modes) {
    m.train(pm === 'train');
    torch.noGrad(() => m.call(...callArgs(c.call, inputs)));
  }
  m.train(c.mode === 'train');
  const fed = inputs.map((x) => (c.through_mul && x.isFloatingPoint() ? x.mul(1) : x));
  const outs = flatten(m.call(...callArgs(c.call, fed)));
  const values = !random(c);
  const problems: string[] = [];
  for (let i = 0; i < outs.length; i++) {
    const expected = c.outputs[i]!;
    const p = await mismatch(outs[i]!, { ...expected, dtype: outs[i]!.dtype }, values);
    if (p) problems.push(`output ${i}: ${p}`);
  }
  let loss: torch.Tensor | null = null;
  let u = 0;
  for (const o of outs) {
    if (!o.isFloatingPoint() || !o.requiresGrad) continue;
    const term = o.mul(upstream[u++]!).sum();
    loss = loss === null ? term : loss.add(term);
  }
  loss?.backward();
  for (let i = 0; i < inputs.length; i++) {
    const p = await mismatch(inputs[i]!.grad, c.input_grads[i]!, values);
    if (p) problems.push(`input grad ${i}: ${p}`);
  }
  const params = new Map(m.namedParameters());
  for (const [k, g] of Object.entries(c.param_grads)) {
    const p = await mismatch(params.get(k)!.grad, g, values);
    if (p) problems.push(`grad ${k}: ${p}`);
  }
  const sd = m.stateDict();
  for (const [k, v] of Object.entries(c.after)) {
    const p = await mismatch(sd[k]!, v, values);
    if (p) problems.push(`after ${k}: ${p}`);
  }
  return problems;
}

describe('model.to(\'webgpu\')', () => {
  const build = (): torch.nn.Sequential =>
    new torch.nn.Sequential(
      new torch.nn.Conv2d(1, 4, 3, { padding: 1 }), new torch.nn.BatchNorm2d(4), new torch.nn.ReLU(), new torch.nn.MaxPool2d(2),
      new torch.nn.Flatten(), new torch.nn.Linear(4 * 4 * 4, 3),
    );
  /** Losses of 5 SGD steps (lr 0.1) on fixed CPU-made batches, the model on `device`. */
  async function train(model: torch.nn.Sequential, device: 'cpu' | 'webgpu'): Promise<number[]> {
    const g = new torch.Generator('cpu').manualSeed(3);
    const losses: torch.Tensor[] = [];
    for (let step = 0; step < 5; step++) {
      const x = torch.randn([6, 1, 8, 8], { generator: g }).to(device);
      const y = torch.randint(0, 3, [6], { generator: g });
      const onehot = torch.zeros([6, 3]).scatter_(1, y.unsqueeze(1), 1).to(device);
      const loss = torch.nn.F.logSoftmax(model.call(x), 1).mul(onehot).sum(1).mean().neg();
      model.zeroGrad();
      loss.backward();
      torch.noGrad(() => {
        for (const p of model.parameters()) p.sub_(p.grad!.mul(0.1));
      });
      losses.push(loss.detach());
    }
    return Promise.all(losses.map(async (l) => Number(await l.item())));
  }
  it('moves parameters in place, trains as on the CPU, and comes back with toAsync', async () => {
    torch.manualSeed(0);
    const cpuModel = build();
    const gpuModel = build();
    gpuModel.loadStateDict(cpuModel.stateDict());
    const params = [...gpuModel.parameters()];
    gpuModel.to('webgpu');
    expect([...gpuModel.parameters()]).toEqual(params);
    expect(params.every((p) => p.device === 'webgpu' && p.requiresGrad)).toBe(true);
    const bn = gpuModel.at(1) as torch.nn.BatchNorm2d;
    expect(bn.num_batches_tracked!.device).toBe('webgpu');
    const cpu = await train(cpuModel, 'cpu');
    const gpu = await train(gpuModel, 'webgpu');
    for (let i = 0; i < cpu.length; i++) expect(Math.abs(gpu[i]! - cpu[i]!)).toBeLessThanOrEqual(1e-5 + 1e-4 * Math.abs(cpu[i]!));
    await gpuModel.toAsync('cpu');
    expect(params.every((p) => p.device === 'cpu')).toBe(true);
    expect(bn.num_batches_tracked!.dtype).toBe('int64');
    expect(bn.num_batches_tracked!.itemSync()).toBe(5);
    const a = cpuModel.stateDict();
    const b = gpuModel.stateDict();
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const k of Object.keys(a)) expect(b[k]!.sub(a[k]!).abs().max().itemSync(), k).toBeLessThan(1e-4);
  }, 120_000);
});
