// Replaying the layer cases of tools/fixtures/nn_cases.py (nn_layers.json, nn_sequence.json):
// build the module after the seed, run the forward the case describes, backpropagate its loss.
// Shared by this package's layer test (CPU) and the umbrella's WebGPU test.
import type { Tensor } from '@torchlet/tensor';
import * as torch from '@torchlet/tensor';
import { noGrad } from '@torchlet/autograd';
import * as nn from '../src/index.js';
import type { TensorValue } from './fixtureTools.js';
import { build, loadFixture, options } from './fixtureTools.js';

/** One case of nn_cases.py's format. */
export interface Case {
  name: string;
  ctor: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
  seed: number;
  call: { args: unknown[]; kwargs: Record<string, unknown> };
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
/** A constructor (and call) that raises PyTorch's error. */
export interface ErrorCase {
  name: string;
  ctor: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
  input_shape: number[] | null;
  type: string;
  message: string;
}
/** The cases and errors of a fixture file. */
export const loadCases = (file: string): { cases: Case[]; errors: ErrorCase[] } => loadFixture(file);

interface ModuleSpec {
  module: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
}
type Ctor = new (...args: unknown[]) => nn.Module;

/** `new nn[ctor](...args, kwargs)`; an argument `{ module, args, kwargs }` is a module built the same way, in order. */
export function construct(ctor: string, args: unknown[], kwargs: Record<string, unknown>): nn.Module {
  const C = (nn as unknown as Record<string, Ctor>)[ctor];
  if (C === undefined) throw new Error(`no nn.${ctor}`);
  const built = args.map((a) => {
    if (typeof a !== 'object' || a === null || !('module' in a)) return a;
    const spec = a as ModuleSpec;
    return construct(spec.module, spec.args, spec.kwargs);
  });
  const opts = options(kwargs);
  return Object.keys(opts).length > 0 ? new C(...built, opts) : new C(...built);
}

/** The call's arguments: `{ input: k }` is input k, `{ tuple: [...] }` an array, others as they are; kwargs last as options. */
function callArgs(call: Case['call'], inputs: Tensor[]): unknown[] {
  const resolve = (a: unknown): unknown => {
    if (typeof a === 'object' && a !== null && 'input' in a) return inputs[(a as { input: number }).input];
    if (typeof a === 'object' && a !== null && 'tuple' in a) return (a as { tuple: unknown[] }).tuple.map(resolve);
    return a;
  };
  const args = call.args.map(resolve);
  const kw = Object.entries(call.kwargs);
  return kw.length === 0 ? args : [...args, options(Object.fromEntries(kw.map(([k, v]) => [k, resolve(v)])))];
}

const flatten = (out: unknown): Tensor[] => (out === null ? [] : Array.isArray(out) ? out.flatMap(flatten) : [out as Tensor]);

/** What a replay leaves: the module (after backward), its repr and state dict (copies) as constructed, the inputs and the outputs. */
export interface Replayed {
  module: nn.Module;
  repr: string;
  initial: nn.StateDict;
  inputs: Tensor[];
  outputs: Tensor[];
}

/**
 * Runs case `c`: seed, construct (then `place` the module: `m.to('webgpu')`), pre-steps, the
 * recorded forward on the inputs (each made by `input`), and the backward of Σ (out·upstream).
 * @example const { outputs } = replay(c);
 */
export function replay(c: Case, place: (m: nn.Module) => nn.Module = (m) => m, input: (t: Tensor) => Tensor = (t) => t): Replayed {
  torch.manualSeed(c.seed);
  const built = construct(c.ctor, c.args, c.kwargs);
  const repr = String(built);
  const initial = Object.fromEntries(Object.entries(built.stateDict()).map(([k, v]) => [k, v.clone()]));
  const m = place(built);
  const inputs = c.inputs.filter((i) => !i.upstream).map((spec) => {
    const t = input(build(spec));
    return spec.requires_grad ? t.requiresGrad_() : t;
  });
  const upstream = c.inputs.filter((i) => i.upstream).map((v) => input(build(v)));
  for (const pm of c.pre_modes) {
    m.train(pm === 'train');
    noGrad(() => m.call(...callArgs(c.call, inputs)));
  }
  m.train(c.mode === 'train');
  const fed = inputs.map((x) => (c.through_mul && x.isFloatingPoint() ? x.mul(1) : x));
  const outputs = flatten(m.call(...callArgs(c.call, fed)));
  let loss: Tensor | null = null;
  let u = 0;
  for (const o of outputs) {
    if (!o.isFloatingPoint() || !o.requiresGrad) continue;
    const term = o.mul(upstream[u++]!).sum();
    loss = loss === null ? term : loss.add(term);
  }
  loss?.backward();
  return { module: m, repr, initial, inputs, outputs };
}

/** [what, actual, expected] for every output, input gradient, parameter gradient and buffer a case records. */
export function checks(c: Case, r: Replayed): [string, Tensor | null, TensorValue | null][] {
  const params = new Map(r.module.namedParameters());
  const after = r.module.stateDict();
  return [
    ...r.outputs.map((o, i): [string, Tensor | null, TensorValue | null] => [`output ${i}`, o, c.outputs[i] ?? null]),
    ...r.inputs.map((x, i): [string, Tensor | null, TensorValue | null] => [`input grad ${i}`, x.grad, c.input_grads[i] ?? null]),
    ...Object.entries(c.param_grads).map(([k, g]): [string, Tensor | null, TensorValue | null] => [`grad ${k}`, params.get(k)?.grad ?? null, g]),
    ...Object.entries(c.after).map(([k, v]): [string, Tensor | null, TensorValue | null] => [`after ${k}`, after[k] ?? null, v]),
  ];
}
