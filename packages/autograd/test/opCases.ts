// One or more gradcheck cases per differentiable op of @torchlet/tensor's registry (by op name):
// broadcasting, non-contiguous inputs, reduced dims, in-place forms, scalar operands.

import type { Tensor } from '@torchlet/tensor';
import * as torch from '@torchlet/tensor';
import type { GradcheckInput, GradcheckOptions } from '../src/gradcheck.js';
import { leaf, of } from './inputs.js';
import { nnOpCases } from './opCasesNn.js';
import { advancedAtCases, advancedSetAtCases, tensorOpCases } from './opCasesTensorOps.js';

/** A gradcheck case: `fn` applied to fresh `inputs()`; `noGradgrad` where PyTorch's derivative is not differentiable either. */
export interface OpCase {
  readonly name: string;
  readonly fn: (...xs: Tensor[]) => Tensor | readonly Tensor[];
  readonly inputs: () => GradcheckInput[];
  readonly noGradgrad?: boolean;
  /** gradcheck options where the defaults cannot hold (a float32 detour loses the 1e-6 step). */
  readonly opts?: GradcheckOptions;
  /** The error backward raises where PyTorch has no derivative for the op (and raises it too). */
  readonly raises?: string;
}

const c = (name: string, fn: OpCase['fn'], inputs: OpCase['inputs'], noGradgrad = false): OpCase => ({ name, fn, inputs, noGradgrad });
const u = (lo = -1, hi = 1) => () => [leaf([2, 3], { lo, hi })];
const ut = (lo = -1, hi = 1) => () => [leaf([3, 2], { lo, hi, layout: 'transposed' })];

/** Cases of a unary op given by method name, over [lo, hi), with an in-place form on a non-leaf when it has one. */
function unary(method: string, lo = -1, hi = 1, inplace = true): OpCase[] {
  const call = (x: Tensor, m: string) => (x as unknown as Record<string, () => Tensor>)[m]!.call(x);
  const cases = [
    c(`${method} 2x3`, (x) => call(x, method), u(lo, hi)),
    c(`${method} transposed`, (x) => call(x, method), ut(lo, hi)),
    c(`${method} 0-d`, (x) => call(x, method), () => [leaf([], { lo, hi })]),
  ];
  if (inplace) cases.push(c(`${method}_ on a non-leaf`, (x) => call(x.mul(1), `${method}_`), u(lo, hi)));
  return cases;
}

/** Cases of a binary op: same shape, broadcasting, non-contiguous, and tensor-scalar. */
function binary(fn: (a: Tensor, b: Tensor | number) => Tensor, name: string, lo = -1, hi = 1, scalar: number | null = 0.7, blo = lo, bhi = hi): OpCase[] {
  const cases = [
    c(`${name} same shape`, (a, b) => fn(a, b!), () => [leaf([2, 3], { lo, hi }), leaf([2, 3], { lo: blo, hi: bhi })]),
    c(`${name} broadcast`, (a, b) => fn(a, b!), () => [leaf([2, 1, 3], { lo, hi }), leaf([4, 1], { lo: blo, hi: bhi })]),
    c(`${name} non-contiguous`, (a, b) => fn(a, b!), () => [leaf([3, 2], { lo, hi, layout: 'transposed' }), leaf([3, 2], { lo: blo, hi: bhi, layout: 'sliced' })]),
  ];
  if (scalar !== null) cases.push(c(`${name} tensor-scalar`, (a) => fn(a, scalar), () => [leaf([2, 3], { lo, hi })]));
  return cases;
}

const m = (name: string) => (a: Tensor, b: Tensor | number): Tensor => (a as unknown as Record<string, (o: Tensor | number) => Tensor>)[name]!.call(a, b);

export const opCases: Record<string, OpCase[]> = {
  neg: unary('neg'),
  abs: unary('abs', 0.1, 1).concat(c('abs of negatives', (x) => x.abs(), u(-1, -0.1))),
  sign: unary('sign', 0.1, 1),
  sgn: unary('sgn', -1, -0.1, false),
  reciprocal: unary('reciprocal', 0.5, 2),
  square: unary('square'),
  exp: unary('exp'),
  exp2: unary('exp2'),
  expm1: unary('expm1'),
  log: unary('log', 0.5, 2),
  log2: unary('log2', 0.5, 2),
  log10: unary('log10', 0.5, 2),
  log1p: unary('log1p', 0, 1),
  sqrt: unary('sqrt', 0.5, 2),
  rsqrt: unary('rsqrt', 0.5, 2),
  sin: unary('sin'),
  cos: unary('cos'),
  tan: unary('tan'),
  asin: unary('asin', -0.8, 0.8),
  acos: unary('acos', -0.8, 0.8),
  atan: unary('atan'),
  sinh: unary('sinh'),
  cosh: unary('cosh'),
  tanh: unary('tanh'),
  asinh: unary('asinh', -1, 1, false),
  acosh: unary('acosh', 1.5, 3, false),
  atanh: unary('atanh', -0.8, 0.8, false),
  sigmoid: unary('sigmoid'),
  relu: unary('relu', 0.1, 1).concat(c('relu of negatives', (x) => x.relu(), u(-1, -0.1))),
  gelu: unary('gelu', -2, 2, false),
  geluTanh: [c('gelu tanh', (x) => x.gelu({ approximate: 'tanh' }), u(-2, 2))],
  silu: unary('silu', -2, 2, false),
  softplus: [
    c('softplus', (x) => x.softplus(), u(-2, 2)),
    c('softplus beta/threshold', (x) => x.softplus({ beta: 2, threshold: 1 }), u(-1, 1.9)),
  ],
  erf: unary('erf'),
  erfc: unary('erfc'),
  erfinv: unary('erfinv', -0.8, 0.8),
  floor: unary('floor', 0.1, 0.9),
  ceil: unary('ceil', 0.1, 0.9),
  round: unary('round', 0.1, 0.4).concat(c('round decimals', (x) => x.round({ decimals: 1 }), u(0.11, 0.14))),
  trunc: unary('trunc', 0.1, 0.9),
  frac: unary('frac', 0.1, 0.9),

  add: [
    ...binary((a, b) => a.add(b), 'add'),
    c('add alpha', (a, b) => a.add(b!, { alpha: 2.5 }), () => [leaf([2, 3]), leaf([3])]),
    c('add_ on a non-leaf', (a, b) => a.mul(1).add_(b!, { alpha: -2 }), () => [leaf([2, 3]), leaf([3])]),
  ],
  sub: [
    ...binary((a, b) => a.sub(b), 'sub'),
    c('rsub (scalar - tensor)', (a) => torch.sub(2, a), u()),
    c('sub_ on a non-leaf', (a, b) => a.mul(1).sub_(b!), () => [leaf([2, 3]), leaf([2, 3])]),
  ],
  mul: [...binary((a, b) => a.mul(b), 'mul'), c('mul_ on a non-leaf', (a, b) => a.mul(1).mul_(b!), () => [leaf([2, 3]), leaf([2, 3])])],
  div: [
    ...binary((a, b) => a.div(b), 'div', -1, 1, 0.7, 0.5, 2),
    c('scalar / tensor', (a) => torch.div(2, a), u(0.5, 2)),
    c('div_ on a non-leaf', (a, b) => a.mul(1).div_(b!), () => [leaf([2, 3]), leaf([2, 3], { lo: 0.5, hi: 2 })]),
  ],
  floorDiv: [c('div floor', (a, b) => a.div(b!, { roundingMode: 'floor' }), () => [leaf([2, 3], { lo: 0.1, hi: 0.4 }), leaf([2, 3], { lo: 1.1, hi: 1.9 })], true)],
  truncDiv: [c('div trunc', (a, b) => a.div(b!, { roundingMode: 'trunc' }), () => [leaf([2, 3], { lo: 0.1, hi: 0.4 }), leaf([2, 3], { lo: 1.1, hi: 1.9 })], true)],
  pow: [
    ...binary((a, b) => a.pow(b), 'pow', 0.5, 2, 2.5),
    c('pow integer exponent', (a) => a.pow(3), u()),
    c('pow exponent 0', (a) => a.pow(0), u()),
    c('scalar ** tensor', (a) => torch.pow(1.7, a), u()),
    c('pow_ on a non-leaf', (a) => a.mul(1).pow_(2), u()),
  ],
  remainder: binary(m('remainder'), 'remainder', 0.1, 0.9, 1.3, 1.1, 1.9),
  fmod: binary(m('fmod'), 'fmod', 0.1, 0.9, 1.3, 1.1, 1.9),
  maximum: [
    ...binary((a, b) => a.maximum(b as Tensor), 'maximum', -1, 1, null),
    c('maximum with ties', (a, b) => a.maximum(b!), () => [of([1, 2, 3]), of([1, 0, 4])], true),
  ],
  minimum: binary((a, b) => a.minimum(b as Tensor), 'minimum', -1, 1, null),
  fmax: binary((a, b) => a.fmax(b as Tensor), 'fmax', -1, 1, null),
  fmin: binary((a, b) => a.fmin(b as Tensor), 'fmin', -1, 1, null),
  atan2: binary((a, b) => a.atan2(b as Tensor), 'atan2', 0.2, 1, null),
  hypot: binary((a, b) => a.hypot(b as Tensor), 'hypot', 0.2, 1, null),
  copysign: binary(m('copysign'), 'copysign', 0.2, 1, -1, -1, -0.2),
  xlogy: binary(m('xlogy'), 'xlogy', 0.2, 1, 1.5, 0.5, 2),
  where: [
    c('where', (a, b) => torch.where(a.gt(0), a, b!), () => [leaf([2, 3]), leaf([3])]),
    c('where scalar other', (a) => torch.where(a.gt(0), a, 0.5), u()),
  ],
  clamp: [
    c('clamp scalars', (a) => a.clamp(-0.5, 0.5), () => [of([[-0.9, -0.3, 0.2], [0.7, 0.1, -0.6]])]),
    c('clamp min only', (a) => a.clampMin(0), () => [of([-0.9, -0.3, 0.2])]),
    c('clamp tensor bounds', (a, lo, hi) => a.clamp(lo, hi), () => [of([-0.9, -0.1, 0.2, 0.9]), of([-0.5, -0.5, -0.5, -0.5]), of([0.5, 0.5, 0.5, 0.5])]),
    c('clamp_ on a non-leaf', (a) => a.mul(1).clamp_(null, 0.5), () => [of([-0.9, 0.7, 0.2])]),
  ],
  nanToNum: [c('nanToNum', (a) => a.nanToNum(), u())],
  lerp: [
    c('lerp scalar weight', (a, b) => a.lerp(b!, 0.3), () => [leaf([2, 3]), leaf([2, 3])]),
    c('lerp tensor weight', (a, b, w) => a.lerp(b!, w!), () => [leaf([2, 3]), leaf([3]), leaf([2, 1], { lo: 0, hi: 1 })]),
  ],

  sum: [
    c('sum all', (x) => x.sum(), u()),
    c('sum dim', (x) => x.sum(1), ut()),
    c('sum dims keepdim', (x) => x.sum([0, -1], { keepdim: true }), () => [leaf([2, 3, 2])]),
    c('sum 0-d', (x) => x.sum(), () => [leaf([])]),
  ],
  mean: [c('mean all', (x) => x.mean(), u()), c('mean dim -1 keepdim', (x) => x.mean(-1, true), ut())],
  prod: [
    c('prod all', (x) => x.prod(), u(0.5, 1.5)),
    c('prod dim', (x) => x.prod(1), ut(0.5, 1.5)),
    c('prod with one zero', (x) => x.prod(1), () => [of([[0, 2, 3], [1, 2, 3]])], true),
    c('prod with two zeros', (x) => x.prod(), () => [of([[0, 2, 0], [1, 2, 3]])], true),
  ],
  amax: [c('amax dim', (x) => x.amax(1), u()), c('amax all', (x) => x.amax(), ut())],
  amin: [c('amin dims keepdim', (x) => x.amin([0], { keepdim: true }), u())],
  maxAll: [c('max()', (x) => x.max(), u())],
  minAll: [c('min()', (x) => x.min(), ut())],
  maxDim: [c('max(dim)', (x) => x.max(1).values, u()), c('max(dim, keepdim)', (x) => x.max(0, true).values, ut())],
  minDim: [c('min(dim)', (x) => x.min(-1).values, u())],
  var: [c('var all', (x) => x.var(), u()), c('var dim correction 0', (x) => x.var(1, { correction: 0, keepdim: true }), ut())],
  std: [c('std all', (x) => x.std(), u()), c('std dim', (x) => x.std(0), ut())],
  logsumexp: [c('logsumexp', (x) => x.logsumexp(1), u()), c('logsumexp keepdim', (x) => x.logsumexp([0, 1], true), ut())],
  norm: [
    c('norm fro', (x) => x.norm(), u()),
    c('norm 1 dim', (x) => x.norm(1, 1), u(0.1, 1)),
    c('norm 3', (x) => x.norm(3, 0, true), ut(0.1, 1)),
    c('norm inf', (x) => x.norm(Infinity), u()),
  ],
  cumsum: [c('cumsum', (x) => x.cumsum(1), u()), c('cumsum dim 0', (x) => x.cumsum(0), ut())],
  cumprod: [
    c('cumprod', (x) => x.cumprod(1), u(0.5, 1.5)),
    c('cumprod dim 0', (x) => x.cumprod(-2), ut(0.5, 1.5)),
    c('cumprod with zeros', (x) => x.cumprod(1), () => [of([[0.5, 0, 1.5, 2], [0, 1.2, 0, 0.7], [1.1, 0.9, 1.3, 0]])], true),
  ],
  softmax: [c('softmax', (x) => x.softmax(1), u()), c('softmax dim 0', (x) => x.softmax(0), ut())],
  logSoftmax: [c('logSoftmax', (x) => x.logSoftmax(-1), u()), c('logSoftmax dim 0', (x) => x.logSoftmax(0), ut())],

  view: [c('view', (x) => x.view(3, 2), u())],
  reshape: [c('reshape (alias)', (x) => x.reshape(-1), u()), c('reshape (copy)', (x) => x.reshape(6), ut())],
  flatten: [c('flatten', (x) => x.flatten(), () => [leaf([2, 2, 2], { layout: 'transposed' })])],
  squeeze: [c('squeeze', (x) => x.squeeze(), () => [leaf([2, 1, 3])]), c('squeeze dim', (x) => x.squeeze(1), () => [leaf([2, 1, 3])])],
  unsqueeze: [c('unsqueeze', (x) => x.unsqueeze(-1), u())],
  permute: [c('permute', (x) => x.permute(2, 0, 1), () => [leaf([2, 3, 2])]), c('permute negative', (x) => x.permute([-1, 0, 1]), () => [leaf([2, 3, 2], { layout: 'transposed' })])],
  transpose: [c('transpose', (x) => x.transpose(0, -1), u())],
  t: [c('t', (x) => x.t(), ut())],
  expand: [c('expand', (x) => x.expand(2, 3, 4), () => [leaf([3, 1])])],
  narrow: [c('narrow', (x) => x.narrow(1, 1, 2), u()), c('narrow negative start', (x) => x.narrow(0, -2, 2), ut())],
  select: [c('select', (x) => x.select(1, -1), u())],
  diagonal: [c('diagonal', (x) => x.diagonal(), () => [leaf([3, 3])]), c('diagonal offset', (x) => x.diagonal(-1, 1, 0), () => [leaf([3, 4], { layout: 'transposed' })])],
  at: [
    c('at int + slice', (x) => x.at(0, [1, 3]), u()),
    c('at step + newaxis + ellipsis', (x) => x.at(null, '...', [0, null, 2]), ut()),
    ...advancedAtCases,
  ],
  setAt: [
    c('setAt tensor value', (x, v) => x.mul(1).setAt([0, [1, 3]], v!), () => [leaf([2, 3]), leaf([2])]),
    c('setAt broadcast value', (x, v) => x.mul(1).setAt([':', 1], v!), () => [leaf([2, 3]), leaf([1, 1])]),
    c('setAt scalar', (x) => x.mul(1).setAt([1], 0.5), u()),
    ...advancedSetAtCases,
  ],
  asStrided: [c('asStrided', (x) => x.contiguous().asStrided([2, 2], [1, 2], 1), u())],
  asStridedScatter: [c('asStridedScatter', (x, s) => torch.asStridedScatter(x, s!, [2, 2], [3, 1], 1), () => [leaf([2, 3]), leaf([2, 2])])],

  cat: [
    c('cat', (a, b) => torch.cat([a, b!], 1), () => [leaf([2, 3]), leaf([2, 2], { layout: 'transposed' })]),
    c('cat dim 0 with empty legacy', (a, b) => torch.cat([a, torch.zeros(0, { dtype: 'float64' }), b!]), () => [leaf([1, 3]), leaf([2, 3])]),
  ],
  stack: [c('stack', (a, b) => torch.stack([a, b!], -1), () => [leaf([2, 3]), leaf([2, 3], { layout: 'sliced' })])],
  split: [
    c('split', (x) => x.split(2, 1), () => [leaf([2, 5])]),
    c('split sizes, one output used', (x) => x.split([1, 2], 0)[1]!, ut()),
  ],
  unbind: [c('unbind', (x) => x.unbind(1), u()), c('unbind one used', (x) => x.unbind(0)[1]!, u())],

  mm: [c('mm', (a, b) => a.mm(b!), () => [leaf([2, 3]), leaf([3, 4], { layout: 'transposed' })])],
  bmm: [c('bmm', (a, b) => a.bmm(b!), () => [leaf([2, 2, 3]), leaf([2, 3, 2])])],
  mv: [c('mv', (a, b) => a.mv(b!), () => [leaf([2, 3], { layout: 'transposed' }), leaf([3])])],
  dot: [c('dot', (a, b) => a.dot(b!), () => [leaf([3]), leaf([3], { layout: 'sliced' })])],
  matmul: [
    c('matmul broadcast batch', (a, b) => a.matmul(b!), () => [leaf([2, 1, 2, 3]), leaf([3, 3, 2])]),
    c('matmul 3-D @ 2-D (folded: mm + views)', (a, b) => a.matmul(b!), () => [leaf([2, 2, 3]), leaf([3, 2])]),
    c('matmul 1-D @ 3-D', (a, b) => a.matmul(b!), () => [leaf([3]), leaf([2, 3, 2])]),
  ],

  contiguous: [c('contiguous', (x) => x.contiguous(), ut())],
  clone: [c('clone', (x) => x.clone(), ut())],
  cast: [
    { ...c('cast to float32 and back', (x) => x.float().double(), u()), opts: { eps: 1e-2, atol: 1e-4, rtol: 1e-3 } },
    c('cast float64 -> float64 copy', (x) => x.to({ dtype: 'float64', copy: true }), u()),
  ],
  // 'cpu2' is a second CPU backend the tests register
  toDevice: [c('to another device and back', (x) => x.to('cpu2').mul(2).to('cpu'), u())],
  copy_: [
    c('copy_ broadcast into a non-leaf', (x, s) => x.mul(2).copy_(s!), () => [leaf([2, 3]), leaf([3])]),
  ],
  fill_: [
    c('fill_ scalar', (x) => x.mul(2).fill_(1.5), u()),
    c('fill_ 0-d tensor', (x, v) => x.mul(2).fill_(v!), () => [leaf([2, 3]), leaf([])]),
  ],
  zero_: [c('zero_', (x) => x.mul(2).zero_().add(x), u())],
  ...tensorOpCases,
  ...nnOpCases,
};
