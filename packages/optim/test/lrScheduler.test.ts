// Learning-rate schedules over 200 steps against PyTorch's (tools/fixtures/lr_scheduler.py):
// every scheduler, momentum/beta cycling, the deprecated closed form, state dicts in PyTorch's
// format that resume identically (PyTorch's own loaded into torchlet), and PyTorch's warnings.
import './setup.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as torch from '@torchlet/tensor';
import type { Optimizer } from '../src/index.js';
import { Adam, SGD, lrScheduler } from '../src/index.js';
import { decodeObject, loadFixture, options } from './fixtureTools.js';

interface Spec {
  type: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
}
interface Case {
  name: string;
  optimizer: 'SGD' | 'Adam';
  lrs: number[];
  scheduler: Spec;
  steps: number;
  lr: number[][];
  momentum: (number | null)[][];
  betas1: (number | null)[][];
  resume_at: number | null;
  state_dict: Record<string, unknown> | null;
  epochs: number[] | null;
  metrics: number[] | null;
}
interface ErrorCase {
  name: string;
  optimizer: 'SGD' | 'Adam';
  lrs: number[];
  scheduler: Spec;
  type: string;
  message: string;
}
const fx = loadFixture<{ cases: Case[]; warnings: { name: string; messages: string[] }[]; errors: ErrorCase[]; verbose: string[] }>('lr_scheduler.json');

/** The functions the generator names (LAMBDAS there). */
const LAMBDAS: Record<string, (e: number) => number> = {
  pow095: (e) => 0.95 ** e,
  inverse: (e) => 1 / (1 + 0.1 * e),
  constant097: () => 0.97,
  halving: (x) => 0.5 ** x,
};

type AnyScheduler = lrScheduler.Scheduler & { step(...args: unknown[]): void };
type Ctor = new (...args: unknown[]) => AnyScheduler;

function value(v: unknown, opt: Optimizer): unknown {
  if (Array.isArray(v)) return v.map((x) => value(x, opt));
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('lambda' in o) return LAMBDAS[o['lambda'] as string];
    if ('scheduler' in o) return build(o['scheduler'] as Spec, opt);
  }
  return v;
}

function build(spec: Spec, opt: Optimizer): AnyScheduler {
  const ctor = (lrScheduler as unknown as Record<string, Ctor>)[spec.type]!;
  const args = spec.args.map((a) => value(a, opt));
  const kwargs = options(Object.fromEntries(Object.entries(spec.kwargs).map(([k, v]) => [k, value(v, opt)])));
  if (spec.type === 'ChainedScheduler') return new ctor(...args);
  return new ctor(opt, ...args, kwargs);
}

function makeOptimizer(name: 'SGD' | 'Adam', lrs: number[]): Optimizer {
  const groups = lrs.map((lr) => ({ params: [torch.zeros(1, { requiresGrad: true })], lr }));
  return name === 'Adam' ? new Adam(groups) : new SGD(groups, lrs[0]!, { momentum: 0.9 });
}

function record(opt: Optimizer): [number[], (number | null)[], (number | null)[]] {
  const g = opt.paramGroups;
  return [g.map((x) => x['lr'] as number), g.map((x) => (x['momentum'] as number | undefined) ?? null), g.map((x) => (x['betas'] as number[] | undefined)?.[0] ?? null)];
}

/** Learning rates agree to 1e-12 (cos/pow may round differently from C's in the last bit). */
function close(a: (number | null)[][], b: (number | null)[][]): string {
  for (let i = 0; i < b.length; i++) {
    for (let j = 0; j < b[i]!.length; j++) {
      const x = a[i]?.[j] ?? null;
      const y = b[i]![j]!;
      if (x === null || y === null ? x !== y : Math.abs(x - y) > 1e-12 * Math.max(1e-3, Math.abs(y))) return `step ${i}, group ${j}: ${x} vs ${y}`;
    }
  }
  return a.length === b.length ? '' : `${a.length} steps, expected ${b.length}`;
}

function run(c: Case, opt: Optimizer, scheduler: AnyScheduler, from: number, values: ReturnType<typeof record>[]): void {
  for (let i = from; i < c.steps; i++) {
    opt.step();
    if (c.epochs) scheduler.step(c.epochs[i]);
    else if (c.metrics) scheduler.step(c.metrics[i]);
    else scheduler.step();
    values.push(record(opt));
  }
}

const check = (c: Case, values: ReturnType<typeof record>[], from = 0) => {
  expect(close(values.map((v) => v[0]), c.lr.slice(from))).toBe('');
  expect(close(values.map((v) => v[1]), c.momentum.slice(from))).toBe('');
  expect(close(values.map((v) => v[2]), c.betas1.slice(from))).toBe('');
};

afterEach(() => vi.restoreAllMocks());

describe('learning-rate schedules match PyTorch', () => {
  it.each(fx.cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const opt = makeOptimizer(c.optimizer, c.lrs);
    const scheduler = build(c.scheduler, opt);
    const values = [record(opt)];
    run(c, opt, scheduler, 0, values);
    check(c, values);
    for (const [i, g] of scheduler.getLastLr().entries()) expect(g).toBe(values[values.length - 1]![0][i]);
  });

  const resumable = fx.cases.filter((c) => c.state_dict !== null);
  it.each(resumable.map((c) => [c.name, c] as const))('%s: state dict has PyTorch\'s keys and values', (_, c) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const opt = makeOptimizer(c.optimizer, c.lrs);
    const scheduler = build(c.scheduler, opt);
    run({ ...c, steps: c.resume_at! }, opt, scheduler, 0, []);
    const ours = JSON.parse(JSON.stringify(scheduler.stateDict(), (_k, v: unknown) => (v === Infinity ? 'inf' : v === -Infinity ? '-inf' : v))) as unknown;
    const theirs = JSON.parse(JSON.stringify(decodeObject(c.state_dict), (_k, v: unknown) => (v === Infinity ? 'inf' : v === -Infinity ? '-inf' : v))) as unknown;
    expect(deepClose(stripUnsaved(ours), stripUnsaved(theirs), 'state_dict')).toEqual([]);
  });

  it.each(resumable.map((c) => [c.name, c] as const))('%s: PyTorch\'s state dict loads and the schedule goes on identically', (_, c) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const opt = makeOptimizer(c.optimizer, c.lrs);
    const scheduler = build(c.scheduler, opt);
    // the optimizer's groups as a loaded optimizer state dict would leave them
    const at = c.resume_at!;
    opt.paramGroups.forEach((g, i) => {
      g['lr'] = c.lr[at]![i]!;
      if (c.momentum[at]![i] !== null) g['momentum'] = c.momentum[at]![i];
      if (c.betas1[at]![i] !== null) g['betas'] = [c.betas1[at]![i], (g['betas'] as number[])[1]];
    });
    scheduler.loadStateDict(decodeObject(c.state_dict) as Record<string, unknown>);
    const values: ReturnType<typeof record>[] = [];
    run(c, opt, scheduler, at, values);
    check(c, values, at + 1);
  });
});

/** Differences between two plain values (numbers to 1e-12). */
function deepClose(a: unknown, b: unknown, path: string, out: string[] = []): string[] {
  if (typeof b === 'number' && typeof a === 'number') {
    if (Math.abs(a - b) > 1e-12 * Math.max(1, Math.abs(b))) out.push(`${path}: ${a} vs ${b}`);
  } else if (Array.isArray(b) && Array.isArray(a) && a.length === b.length) b.forEach((x, i) => deepClose(a[i], x, `${path}[${i}]`, out));
  else if (b !== null && typeof b === 'object' && a !== null && typeof a === 'object' && !Array.isArray(a)) {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    if (ka.join() !== kb.join()) out.push(`${path}: keys ${ka.join()} vs ${kb.join()}`);
    for (const k of kb) deepClose((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, out);
  } else if (a !== b) out.push(`${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  return out;
}

/** PyTorch's CyclicLR saves a weak method reference (`_scale_fn_ref`) torchlet has no use for. */
function stripUnsaved(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripUnsaved);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).filter(([k]) => k !== '_scale_fn_ref').map(([k, x]) => [k, stripUnsaved(x)]));
  }
  return v;
}

describe('scheduler warnings (PyTorch\'s)', () => {
  const messages = (name: string) => fx.warnings.find((w) => w.name === name)!.messages;
  const warned = (fn: () => void): string[] => {
    const spy = vi.spyOn(console, 'warn').mockImplementation(() => {});
    fn();
    return spy.mock.calls.map((c) => String(c[0]));
  };
  const opt = () => makeOptimizer('SGD', [0.1]);

  it('warns when scheduler.step() comes before optimizer.step()', () => {
    expect(warned(() => new lrScheduler.StepLR(opt(), 2).step())).toEqual(messages('scheduler.step() before optimizer.step()'));
  });
  it('does not warn in the right order', () => {
    const o = opt();
    const s = new lrScheduler.StepLR(o, 2);
    expect(warned(() => (o.step(), s.step()))).toEqual(messages('optimizer.step() then scheduler.step()'));
  });
  it('warns when optimizer.step was replaced after the scheduler was made', () => {
    const o = opt();
    const s = new lrScheduler.StepLR(o, 2);
    o.step = () => null;
    expect(warned(() => s.step())).toEqual(messages('optimizer.step replaced after the scheduler'));
  });
  it('warns when getLr() is called outside step()', () => {
    const o = opt();
    const s = new lrScheduler.StepLR(o, 2);
    o.step();
    // PyTorch names get_last_lr(); torchlet's method is getLastLr()
    expect(warned(() => s.getLr())).toEqual(messages('get_lr() outside step()').map((m) => m.replace('get_last_lr()', 'getLastLr()')));
  });
  it('warns that step(epoch) is deprecated', () => {
    const o = opt();
    const s = new lrScheduler.StepLR(o, 2);
    o.step();
    expect(warned(() => s.step(3))).toEqual([lrScheduler.EPOCH_DEPRECATION_WARNING]);
  });
});

describe('scheduler errors (PyTorch\'s type and message)', () => {
  it.each(fx.errors.map((e) => [e.name, e] as const))('%s', (_, e) => {
    const opt = makeOptimizer(e.optimizer, e.lrs);
    let thrown: unknown;
    try {
      build(e.scheduler, opt);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect([(thrown as Error).name, (thrown as Error).message]).toEqual([e.type, e.message]);
  });
});

describe('verbose schedulers print as PyTorch', () => {
  it('prints each adjustment with {:.4e} and epochs as %.5d', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const opt = makeOptimizer('SGD', [0.1]);
    const s = new lrScheduler.ExponentialLR(opt, 0.5, { verbose: true });
    opt.step();
    s.step();
    const p = new lrScheduler.ReduceLROnPlateau(opt, { patience: 0, verbose: true });
    p.step(1);
    p.step(2);
    expect(log.mock.calls.map((c) => c[0])).toEqual(fx.verbose);
  });
});
