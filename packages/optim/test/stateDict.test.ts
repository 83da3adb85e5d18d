// State dicts: PyTorch's format and key names, loading a state dict exported by PyTorch
// (tools/fixtures/optim.py, "resume") and continuing identically, a round trip through JSON
// text that resumes bit for bit, and the checks a load makes.
import './setup.js';
import { describe, expect, it } from 'vitest';
import type { Tensor } from '@torchlet/tensor';
import * as torch from '@torchlet/tensor';
import type { Optimizer, OptimizerStateDict } from '../src/index.js';
import { Adam, NAdam, SGD } from '../src/index.js';
import type { Encoded, TensorValue } from './fixtureTools.js';
import { TOL, compareValues, decodeObject, encodeObject, flatValues, loadFixture, toTensor } from './fixtureTools.js';
import { makeOptimizer, trainStep } from './optimizers.js';
import type { ProblemName, ProblemSpec } from './problems.js';
import { buildProblem, lossOf } from './problems.js';

interface Resume {
  name: string;
  optimizer: string;
  kwargs: Record<string, unknown>;
  problem: ProblemName;
  dtype: 'float32';
  before: number;
  state_dict: unknown;
  params_before: TensorValue[];
  params_after: TensorValue[];
  losses_after: number[];
}
const fx = loadFixture<{ problems: Record<string, Record<ProblemName, ProblemSpec>>; resume: Resume[] }>('optim.json');

/** Options torchlet has beyond PyTorch 1.13 (from PyTorch 2), present in its groups only. */
const LATER_OPTIONS = new Set(['decoupled_weight_decay', 'maximize']);

/** Differences between our state dict value and PyTorch's (tensors within tolerance). */
function diff(ours: unknown, theirs: unknown, path: string, out: string[]): void {
  if (torch.isTensor(theirs)) {
    if (!torch.isTensor(ours)) return void out.push(`${path}: not a tensor (${String(ours)})`);
    if (ours.dtype !== theirs.dtype || ours.shape.join() !== theirs.shape.join()) {
      return void out.push(`${path}: ${ours.dtype}[${ours.shape}] vs ${theirs.dtype}[${theirs.shape}]`);
    }
    const bad = compareValues(flatValues([ours]), flatValues([theirs]) as Encoded[], TOL['float32']!);
    if (bad) out.push(`${path}: ${bad}`);
  } else if (Array.isArray(theirs)) {
    if (!Array.isArray(ours) || ours.length !== theirs.length) return void out.push(`${path}: ${JSON.stringify(ours)} vs a list of ${theirs.length}`);
    theirs.forEach((t, i) => diff(ours[i], t, `${path}[${i}]`, out));
  } else if (theirs !== null && typeof theirs === 'object') {
    const o = ours as Record<string, unknown>;
    for (const [k, t] of Object.entries(theirs)) {
      if (!(k in o)) out.push(`${path}.${k}: missing`);
      else diff(o[k], t, `${path}.${k}`, out);
    }
    for (const k of Object.keys(o)) if (!(k in theirs) && !LATER_OPTIONS.has(k)) out.push(`${path}.${k}: not in PyTorch's`);
  } else if (typeof theirs === 'number' && typeof ours === 'number') {
    if (Math.abs(ours - theirs) > 1e-5 * Math.max(1, Math.abs(theirs))) out.push(`${path}: ${ours} vs ${theirs}`);
  } else if (ours !== theirs) out.push(`${path}: ${JSON.stringify(ours)} vs ${JSON.stringify(theirs)}`);
}

function steps(opt: Optimizer, params: Tensor[], data: Record<string, Tensor>, problem: ProblemName, n: number): number[] {
  return Array.from({ length: n }, () => trainStep(opt, () => lossOf(problem, params, data)));
}

describe('state dicts in PyTorch format', () => {
  it.each(fx.resume.map((r) => [r.name, r] as const))('%s: same keys and values as PyTorch after the same steps', (_, r) => {
    const { params, data } = buildProblem(fx.problems[r.dtype]![r.problem]);
    const opt = makeOptimizer(r.optimizer, r.kwargs, params);
    steps(opt, params, data, r.problem, r.before);
    const problems: string[] = [];
    diff(opt.stateDict(), decodeObject(r.state_dict), 'state_dict', problems);
    expect(problems).toEqual([]);
  });

  it.each(fx.resume.map((r) => [r.name, r] as const))('%s: PyTorch\'s state dict loads and continues as PyTorch', (_, r) => {
    const { data } = buildProblem(fx.problems[r.dtype]![r.problem]);
    const params = r.params_before.map((p) => toTensor(p).requiresGrad_());
    const opt = makeOptimizer(r.optimizer, r.kwargs, params);
    opt.loadStateDict(decodeObject(r.state_dict) as OptimizerStateDict);
    const losses = steps(opt, params, data, r.problem, r.before);
    expect(compareValues(losses, r.losses_after, TOL['float32']!)).toBe('');
    expect(compareValues(flatValues(params), r.params_after.flatMap((p) => p.values), TOL['float32']!)).toBe('');
  });

  it.each(fx.resume.map((r) => [r.name, r] as const))('%s: a round trip through JSON resumes bit for bit', (_, r) => {
    const { params, data } = buildProblem(fx.problems[r.dtype]![r.problem]);
    const opt = makeOptimizer(r.optimizer, r.kwargs, params);
    steps(opt, params, data, r.problem, r.before);
    const text = JSON.stringify(encodeObject(opt.stateDict()));
    const copies = params.map((p) => p.detach().clone().requiresGrad_());
    const uninterrupted = steps(opt, params, data, r.problem, r.before);
    const resumed = makeOptimizer(r.optimizer, r.kwargs, copies);
    resumed.loadStateDict(decodeObject(JSON.parse(text)) as OptimizerStateDict);
    expect(steps(resumed, copies, data, r.problem, r.before)).toEqual(uninterrupted);
    expect(flatValues(copies)).toEqual(flatValues(params));
  });
});

describe('loadStateDict checks', () => {
  const make = () => {
    const w = torch.ones([2, 2], { requiresGrad: true });
    const b = torch.zeros([2], { requiresGrad: true });
    const opt = new Adam([w, b], 0.1);
    w.sum().add(b.sum()).backward();
    opt.step();
    return { w, b, opt };
  };

  it('refuses a different number of groups or group sizes (PyTorch\'s messages)', () => {
    const { opt } = make();
    const sd = opt.stateDict();
    const other = new Adam([{ params: [torch.ones(1, { requiresGrad: true })] }, { params: [torch.ones(1, { requiresGrad: true })] }]);
    expect(() => other.loadStateDict(sd)).toThrow('loaded state dict has a different number of parameter groups');
    const smaller = new Adam([torch.ones(1, { requiresGrad: true })]);
    expect(() => smaller.loadStateDict(sd)).toThrow("loaded state dict contains a parameter group that doesn't match the size of optimizer's group");
  });

  it('checks each state tensor against its parameter\'s shape, naming the id, and a failed load changes nothing', () => {
    const { opt } = make();
    const sd = opt.stateDict();
    const w2 = torch.ones([4], { requiresGrad: true });
    const b2 = torch.zeros([2], { requiresGrad: true });
    const target = new Adam([w2, b2], 0.5);
    expect(() => target.loadStateDict(sd)).toThrow("loaded state dict has 'exp_avg' of shape [2, 2] for parameter 0, which expects shape [4]");
    expect(target.state.size).toBe(0);
    expect(target.paramGroups[0]!.lr).toBe(0.5);
  });

  it('casts state tensors to the parameters\' dtype, copies them, and keeps step a number', () => {
    const { opt } = make();
    const sd = opt.stateDict();
    const w64 = torch.ones([2, 2], { dtype: 'float64', requiresGrad: true });
    const b64 = torch.zeros([2], { dtype: 'float64', requiresGrad: true });
    const target = new Adam([w64, b64]);
    target.loadStateDict(sd);
    const s = target.state.get(w64)!;
    expect((s['exp_avg'] as Tensor).dtype).toBe('float64');
    expect(s['step']).toBe(1);
    expect(target.paramGroups[0]!.lr).toBe(0.1);
    // a deep copy: changing the loaded state leaves the saved one alone
    (s['exp_avg'] as Tensor).add_(1);
    expect((sd.state[0]!['exp_avg'] as Tensor).dtype).toBe('float32');
    expect(flatValues([sd.state[0]!['exp_avg'] as Tensor])).not.toEqual(flatValues([(s['exp_avg'] as Tensor).float()]));
  });

  it('writes group options under PyTorch\'s names and reads them back under torchlet\'s', () => {
    const w = torch.ones(2, { requiresGrad: true });
    const opt = new SGD([w], 0.1, { momentum: 0.9, weightDecay: 1e-4 });
    const sd = opt.stateDict();
    expect(sd.param_groups).toEqual([
      { lr: 0.1, momentum: 0.9, dampening: 0, weight_decay: 1e-4, nesterov: false, maximize: false, foreach: null, differentiable: false, params: [0] },
    ]);
    expect(sd.state).toEqual({});
    const other = new SGD([torch.ones(2, { requiresGrad: true })], 0.5);
    other.loadStateDict(sd);
    expect(other.paramGroups[0]).toMatchObject({ lr: 0.1, momentum: 0.9, weightDecay: 1e-4 });
  });

  it('fills options a PyTorch 1.13 state dict lacks from the defaults (NAdam decoupledWeightDecay)', () => {
    const w = torch.ones(2, { requiresGrad: true });
    const opt = new NAdam([w], { decoupledWeightDecay: true });
    const { decoupled_weight_decay: _, ...older } = opt.stateDict().param_groups[0]!;
    opt.loadStateDict({ state: {}, param_groups: [older] });
    expect(opt.paramGroups[0]!.decoupledWeightDecay).toBe(true);
  });
});
