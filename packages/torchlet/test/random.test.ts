// Random streams against PyTorch's CPU generator, bit for bit (test/fixtures/random.json,
// written by tools/fixtures/rng.py): rand/randn over sizes 1..1e5 (both normal paths),
// uniform_/normal_/exponential_/bernoulli_/random_ on contiguous, transposed and sliced
// tensors, randint, randperm, multinomial, the *Like forms, torch.normal, generator
// state bytes and nn.Linear's initial weights.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as torch from 'torchlet';
import type { Encoded } from './fixtureTools.js';
import { decode, loadFixture, thrown } from './fixtureTools.js';

interface TensorArg { tensor: { values: Encoded[]; shape: number[]; dtype: torch.DType; layout?: Layout } }
type Layout = 'contiguous' | 'T' | 'slice' | 'expand';
type Arg = Encoded | null | number[] | TensorArg;
interface Target { shape: number[]; dtype: torch.DType; layout?: Layout }
interface Expected {
  dtype: string;
  shape: number[];
  values?: Encoded[];
  count?: number;
  head?: Encoded[];
  sha256?: string;
  /** false: a float64 result through glibc's log/sin/cos, which JS's Math matches to ~1 ulp only. */
  exact?: boolean;
  sample?: { stride: number; values: Encoded[] };
}
interface Step { op: string; args: Arg[]; kwargs?: { dtype?: torch.DType; replacement?: boolean }; target?: Target; expected: Expected }
interface Stream { name: string; seed: number; generator: 'default' | 'explicit'; steps: Step[] }
interface ErrorCase extends Omit<Step, 'expected'> { name: string; error: { type: string; message: string } }
interface Fixture {
  torch_version: string;
  streams: Stream[];
  errors: ErrorCase[];
  states: { state_hex: string; after: Expected; fresh_sha256: string; default_generator_seed: number };
  linear: { weight: Expected; bias: Expected; bound_weight: number; bound_bias: number };
  dropout: { p: number; input: Expected; output: Expected };
}

const fx = loadFixture<Fixture>('random.json');

/** Positional arity of the in-place methods, so the options object lands after the defaults. */
const ARITY: Record<string, number> = { uniform_: 2, normal_: 2, exponential_: 1, bernoulli_: 1 };

function applyLayout(t: torch.Tensor, layout: Layout | undefined): torch.Tensor {
  if (layout === 'T') return t.ndim === 2 ? t.t().contiguous().t() : t;
  if (layout === 'slice') {
    const wide = torch.zeros([...t.shape.slice(0, -1), t.shape[t.ndim - 1]! * 2], { dtype: t.dtype });
    const view = wide.at('...', [0, null, 2] as unknown as torch.Slice);
    view.copy_(t);
    return view;
  }
  return t;
}

function makeTarget(t: Target): torch.Tensor {
  const [rows, cols] = t.shape as [number, number];
  if (t.layout === 'T') return torch.zeros([cols, rows], { dtype: t.dtype }).t();
  if (t.layout === 'slice') return torch.zeros([...t.shape.slice(0, -1), t.shape[t.shape.length - 1]! * 2], { dtype: t.dtype }).at('...', [0, null, 2] as unknown as torch.Slice);
  if (t.layout === 'expand') return torch.zeros([rows, 1], { dtype: t.dtype }).expand(rows, cols);
  return torch.zeros(t.shape, { dtype: t.dtype });
}

function arg(a: Arg): unknown {
  if (a === null || Array.isArray(a)) return a;
  if (typeof a === 'object') return applyLayout(torch.tensor(a.tensor.values.map(decode), { dtype: a.tensor.dtype }).reshape(a.tensor.shape), a.tensor.layout);
  return decode(a);
}

type Fn = (...a: unknown[]) => torch.Tensor;

function run(step: Omit<Step, 'expected'>, generator: torch.Generator | undefined): torch.Tensor {
  const gen = generator ? { generator } : {};
  const args = step.args.map(arg);
  const { replacement, ...kwargs } = step.kwargs ?? {};
  if (step.target) {
    const t = makeTarget(step.target);
    const pos = step.op in ARITY ? [...args, ...Array<undefined>(ARITY[step.op]! - args.length).fill(undefined)] : args;
    const out = ((t as unknown as Record<string, Fn>)[step.op]!).call(t, ...pos, gen);
    expect(out).toBe(t);
    return t;
  }
  const fn = (torch as unknown as Record<string, Fn>)[step.op]!;
  if (step.op === 'multinomial') return fn(args[0], args[1], replacement ?? false, gen);
  return fn(...args, { ...kwargs, ...gen });
}

/** Raw little-endian bytes of `t` in row-major order (what numpy's tobytes gives). */
function bytesOf(t: torch.Tensor): Uint8Array {
  const d = t.contiguous().dataSync() as ArrayBufferView;
  return new Uint8Array(d.buffer, d.byteOffset, d.byteLength);
}

/** Relative (and absolute) difference allowed where libm makes float64 inexact: a few ulps. */
const LIBM_TOLERANCE = 1e-13;

/**
 * Exact comparison: same dtype, shape, and every value (or the hash of all of
 * them) bit for bit; results marked inexact are compared to within a few ulps.
 */
function check(got: torch.Tensor, want: Expected, what: string): void {
  expect(got.dtype, what).toBe(want.dtype);
  expect(got.shape, what).toEqual(want.shape);
  if (want.exact === false) {
    const all = got.contiguous().dataSync() as Float64Array;
    const { stride, values: sample } = want.sample!;
    const far = sample.map(decode).findIndex((v, i) => !(Math.abs(all[i * stride]! - Number(v)) <= LIBM_TOLERANCE * (1 + Math.abs(Number(v)))));
    expect(far, `${what}: sample ${far} (element ${far * stride}) differs by more than a few ulps`).toBe(-1);
    return;
  }
  const values = Array.from(got.contiguous().dataSync() as ArrayLike<number | bigint>, (v) => (typeof v === 'bigint' ? v : Number(v)));
  const expectedValues = (want.values ?? want.head!).map(decode).map((v) => (typeof v === 'boolean' ? Number(v) : v));
  const head = values.slice(0, expectedValues.length);
  const same = (a: number | bigint | undefined, b: number | bigint): boolean =>
    typeof a === 'bigint' || typeof b === 'bigint' ? a !== undefined && BigInt(a) === BigInt(b) : Object.is(a, b);
  const bad = expectedValues.findIndex((v, i) => !same(head[i], v as number | bigint));
  expect(bad, `${what}: first mismatch at ${bad}: got ${String(head[bad])}, expected ${String(expectedValues[bad])}`).toBe(-1);
  if (want.sha256 !== undefined) {
    expect(createHash('sha256').update(bytesOf(got)).digest('hex'), `${what}: sha256 of all ${want.count} values`).toBe(want.sha256);
  }
}

describe(`random streams vs PyTorch ${fx.torch_version} (bit for bit)`, () => {
  for (const s of fx.streams) {
    it(s.name, () => {
      let generator: torch.Generator | undefined;
      if (s.generator === 'default') torch.manualSeed(s.seed);
      else generator = new torch.Generator().manualSeed(s.seed);
      s.steps.forEach((step, i) => check(run(step, generator), step.expected, `step ${i} ${step.op}(${JSON.stringify(step.args).slice(0, 80)}) ${JSON.stringify(step.kwargs ?? {})}${step.target ? ` on ${JSON.stringify(step.target)}` : ''}`));
    });
  }
});

describe('random op errors vs PyTorch', () => {
  for (const e of fx.errors) {
    it(e.name, () => {
      torch.manualSeed(0);
      expect(thrown(() => run(e, undefined))).toBe(`${e.error.type}: ${e.error.message}`);
    });
  }
});

describe('generator state', () => {
  const hex = fx.states.state_hex;
  const pytorchState = torch.tensor(Uint8Array.from(hex.match(/../g)!, (b) => parseInt(b, 16)));

  it('our state after the same draws is PyTorch\'s, byte for byte (cached normal included)', () => {
    const g = new torch.Generator().manualSeed(1234);
    torch.rand(1000, { generator: g });
    torch.randn(3, { generator: g });
    const st = g.getState();
    expect(st.dtype).toBe('uint8');
    expect(st.shape).toEqual([5056]);
    expect(Buffer.from(bytesOf(st)).toString('hex')).toBe(hex);
  });

  it('a PyTorch state loads and continues PyTorch\'s stream', () => {
    const g = new torch.Generator().setState(pytorchState);
    check(torch.randn(5, { generator: g, dtype: 'float64' }), fx.states.after, 'after setState');
    expect(g.initialSeed()).toBe(1234n);
  });

  it('getState/setState round-trip, and setRNGState/getRNGState drive the default generator', () => {
    torch.manualSeed(5);
    torch.randn(1);
    const s = torch.getRNGState();
    const a = torch.rand(7).dataSync();
    const n1 = torch.randn(1).dataSync();
    torch.setRNGState(s);
    expect(torch.rand(7).dataSync()).toEqual(a);
    expect(torch.randn(1).dataSync()).toEqual(n1);
    expect(createHash('sha256').update(bytesOf(new torch.Generator().manualSeed(7).getState())).digest('hex')).toBe(fx.states.fresh_sha256);
  });

  it('seeds: initialSeed, negative seeds wrap, seed() reseeds, the default Generator() seed', () => {
    expect(new torch.Generator().initialSeed()).toBe(BigInt(fx.states.default_generator_seed));
    torch.manualSeed(42);
    expect(torch.initialSeed()).toBe(42n);
    expect(new torch.Generator().manualSeed(-1).initialSeed()).toBe(2n ** 64n - 1n);
    expect(thrown(() => torch.manualSeed(2n ** 64n))).toBe('RuntimeError: Overflow when unpacking long');
    expect(thrown(() => torch.manualSeed(1.5))).toBe('RuntimeError: manual_seed expected a long, but got float');
    const s = torch.seed();
    expect(torch.initialSeed()).toBe(s);
    expect(torch.manualSeed(3)).toBe(torch.defaultGenerator);
  });

  it('bad states are refused with PyTorch\'s errors', () => {
    const g = new torch.Generator();
    expect(thrown(() => g.setState(torch.zeros(10, { dtype: 'uint8' })))).toBe(
      'RuntimeError: Expected either a CPUGeneratorImplStateLegacy of size 5048 or a CPUGeneratorImplState of size 5056 but found the input RNG state size to be 10',
    );
    expect(thrown(() => g.setState(torch.zeros(5056)))).toBe('TypeError: RNG state must be a torch.ByteTensor');
    const broken = pytorchState.clone();
    broken.at([8, 12]).fill_(0); // left = 0
    expect(thrown(() => g.setState(broken))).toBe('RuntimeError: Invalid mt19937 state');
  });

  it('generators are independent of each other and of the default one', () => {
    const g1 = new torch.Generator().manualSeed(0);
    torch.manualSeed(0);
    const a = torch.rand(4).dataSync();
    torch.rand(100);
    expect(torch.rand(4, { generator: g1 }).dataSync()).toEqual(a);
  });

});

describe('nn.Linear(3, 4) initialisation after torch.manual_seed(0)', () => {
  it('kaiming_uniform_ and the bias uniform_ give PyTorch\'s weights', () => {
    torch.manualSeed(0);
    const w = torch.empty(4, 3).uniform_(-fx.linear.bound_weight, fx.linear.bound_weight);
    const b = torch.empty(4).uniform_(-fx.linear.bound_bias, fx.linear.bound_bias);
    check(w, fx.linear.weight, 'weight');
    check(b, fx.linear.bias, 'bias');
  });
});

describe('F.dropout after torch.manual_seed(0)', () => {
  it('is input * bernoulli_(1 - p) / (1 - p), with PyTorch\'s mask', () => {
    torch.manualSeed(0);
    const { p, input, output } = fx.dropout;
    const x = torch.tensor(input.values!.map(decode), { dtype: 'float32' }).reshape(input.shape);
    const mask = torch.emptyLike(x).bernoulli_(1 - p).div_(1 - p);
    check(x.mul(mask), output, 'dropout');
  });
});

describe('random ops: shapes, options and edge cases', () => {
  it('zero-size and rank-0 tensors', () => {
    expect(torch.rand(0).shape).toEqual([0]);
    expect(torch.randn(2, 0).shape).toEqual([2, 0]);
    expect(torch.rand([]).shape).toEqual([]);
    torch.manualSeed(0);
    const r0 = torch.randn([]).itemSync();
    torch.manualSeed(0);
    expect(torch.randn(1).itemSync()).toBe(r0);
    expect(torch.randperm(0).shape).toEqual([0]);
  });

  it('random_ bounds must be integers (PyTorch\'s TypeError, first line)', () => {
    expect(thrown(() => torch.zeros(3).random_(0.5, 3))).toMatch(/^TypeError: random_\(\) received an invalid combination of arguments - got \(float, int\)/);
    expect(thrown(() => torch.randint(0.5, 3, [2]))).toMatch(/^TypeError: random_\(\) received an invalid combination of arguments - got \(float, int\)/);
  });

  it('a generator passed positionally is refused, not ignored', () => {
    const g = new torch.Generator();
    expect(thrown(() => (torch.rand as (...a: unknown[]) => torch.Tensor)(2, g))).toBe('TypeError: the generator is a keyword argument: pass { generator }');
  });

  it('dtype and varargs-size options', () => {
    expect(torch.rand(2, 3, { dtype: 'float64' }).dtype).toBe('float64');
    expect(torch.randn([2, 3]).shape).toEqual([2, 3]);
    expect(torch.randint(0, 5, [3]).dtype).toBe('int64');
    expect(torch.randperm(3, { dtype: 'int32' }).dtype).toBe('int32');
    expect(torch.randLike(torch.zeros(2), { dtype: 'float64' }).dtype).toBe('float64');
  });

  it('multinomial on a transposed input samples each logical row', () => {
    torch.manualSeed(0);
    const p = torch.tensor([[0, 1], [1, 0], [0, 1]], { dtype: 'float32' }).t();
    expect(p.multinomial(1).tolistSync()).toEqual([[1], [0]]);
  });
});
