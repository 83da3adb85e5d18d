// gradcheck cases of the indexing, shape and order ops (advanced indexing, gather/scatter,
// index_* along a dim, masked ops, sort-likes, running extremes, flip/roll/repeat, triangles):
// duplicate indices (gradients add up), broadcasting, non-contiguous inputs, in-place forms.

import type { Tensor } from '@torchlet/tensor';
import * as torch from '@torchlet/tensor';
import type { OpCase } from './opCases.js';
import { leaf, of } from './inputs.js';

const c = (name: string, fn: OpCase['fn'], inputs: OpCase['inputs'], noGradgrad = false): OpCase => ({ name, fn, inputs, noGradgrad });
/** An int64 index tensor. */
const ix = (v: number[] | number[][]): Tensor => torch.tensor(v);
/** A bool mask. */
const mk = (v: boolean[] | boolean[][]): Tensor => torch.tensor(v);
const x23 = () => [leaf([2, 3])];
const x34t = () => [leaf([3, 4], { layout: 'transposed' })];
const mask23 = () => mk([[true, false, true], [false, false, true]]);

/** Cases of the advanced forms of `at` and `setAt` (added to the basic ones of opCases.ts). */
export const advancedAtCases: OpCase[] = [
  c('at tensor index with duplicates', (x) => x.at(ix([0, 1, 0])), x23),
  c('at bool mask', (x) => x.at(mask23()), x23),
  c('at slice + tensor index (transposed)', (x) => x.at(':', ix([2, 0, 2])), x34t),
  c('at two broadcast tensor indices', (x) => x.at(ix([[0], [2]]), ix([1, 3, 1])), x34t),
  c('at int + tensor + newaxis', (x) => x.at(1, null, ix([0, 0, 2])), x23),
  c('at empty tensor index', (x) => x.at(':', torch.zeros(0, { dtype: 'int64' })).sum().add(x.sum()), x23),
];
export const advancedSetAtCases: OpCase[] = [
  c('setAt tensor index', (x, v) => x.mul(1).setAt([ix([1, 0])], v!), () => [leaf([2, 3]), leaf([3])]),
  c('setAt mask, scalar', (x) => x.mul(1).setAt([mask23()], 0.5), x23),
  c('setAt tensor index through a view of a non-leaf', (x, v) => {
    const y = x.mul(1);
    y.t().at(1).setAt([ix([1, 0])], v!);
    return y;
  }, () => [leaf([2, 3]), leaf([2])]),
  c('setAt slice + tensor index, broadcast value', (x, v) => x.mul(1).setAt([':', ix([0, 2])], v!), () => [leaf([3, 4], { layout: 'transposed' }), leaf([1, 2])]),
];

export const tensorOpCases: Record<string, OpCase[]> = {
  indexPut: [
    c('indexPut accumulate, duplicates', (x, v) => torch.indexPut(x, [ix([0, 1, 0])], v!, { accumulate: true }), () => [leaf([2, 3]), leaf([3, 3])]),
    c('indexPut two indices, broadcast values', (x, v) => x.indexPut([ix([0, 2]), ix([1, 3])], v!), () => [leaf([3, 4], { layout: 'transposed' }), leaf([1])]),
  ],
  indexPut_: [c('indexPut_ on a non-leaf', (x, v) => x.mul(1).indexPut_([ix([1])], v!), () => [leaf([2, 3]), leaf([3])])],
  gather: [
    c('gather dim 1, duplicates', (x) => x.gather(1, ix([[0, 0], [1, 3], [2, 1]])), x34t),
    c('gather dim 0', (x) => x.gather(0, ix([[1, 0, 1]])), x23),
  ],
  scatter: [
    c('scatter src (sliced)', (x, s) => x.scatter(0, ix([[1, 0, 1]]), s!), () => [leaf([2, 3]), leaf([1, 3], { layout: 'sliced' })]),
    c('scatter value', (x) => x.scatter(1, ix([[2], [0]]), 0.5), x23),
  ],
  scatter_: [c('scatter_ on a non-leaf', (x, s) => x.mul(1).scatter_(1, ix([[2, 0], [1, 2]]), s!), () => [leaf([2, 3]), leaf([2, 2])])],
  scatterAdd: [c('scatterAdd duplicates', (x, s) => x.scatterAdd(0, ix([[1, 1, 0], [1, 0, 0]]), s!), () => [leaf([2, 3]), leaf([2, 3])])],
  scatterAdd_: [c('scatterAdd_ on a non-leaf', (x, s) => x.mul(1).scatterAdd_(1, ix([[0, 0]]), s!), () => [leaf([2, 3]), leaf([1, 2])])],
  scatterReduce: [
    c('scatterReduce sum', (x, s) => x.scatterReduce(0, ix([[1, 1, 0], [1, 0, 0]]), s!, 'sum'), () => [leaf([2, 3]), leaf([2, 3])]),
    c('scatterReduce mean, includeSelf false', (x, s) => x.scatterReduce(1, ix([[0, 0, 2]]), s!, 'mean', { includeSelf: false }), () => [leaf([2, 3]), leaf([1, 3])]),
    c('scatterReduce amax', (x, s) => x.scatterReduce(0, ix([[1, 1, 0], [0, 1, 0]]), s!, 'amax'), () => [leaf([2, 3]), leaf([2, 3])]),
    c('scatterReduce prod', (x, s) => x.scatterReduce(0, ix([[1, 1, 0], [1, 0, 0]]), s!, 'prod'), () => [leaf([2, 3], { lo: 0.5, hi: 1.5 }), leaf([2, 3], { lo: 0.5, hi: 1.5 })]),
    c('scatterReduce prod with zeros, includeSelf false', (x, s) => x.scatterReduce(1, ix([[0, 0, 2, 2], [1, 1, 1, 0]]), s!, 'prod', { includeSelf: false }), () => [
      of([[0, 2, 0.5], [1.5, 0, 0.7]]), of([[0, 1.2, 0.8, 0], [0.9, 0, 1.1, 1.3]]),
    ]),
    c('scatterReduce amin, includeSelf false', (x, s) => x.scatterReduce(0, ix([[1, 1, 0]]), s!, 'amin', { includeSelf: false }), () => [leaf([2, 3]), leaf([1, 3])]),
  ],
  scatterReduce_: [c('scatterReduce_ sum on a non-leaf', (x, s) => x.mul(1).scatterReduce_(1, ix([[2, 2]]), s!, 'sum'), () => [leaf([2, 3]), leaf([1, 2])])],
  indexSelect: [
    c('indexSelect duplicates', (x) => x.indexSelect(1, ix([3, 0, 3])), x34t),
    c('indexSelect dim 0', (x) => x.indexSelect(-2, ix([1])), x23),
  ],
  indexAdd: [c('indexAdd duplicates, alpha', (x, s) => x.indexAdd(0, ix([1, 1, 0]), s!, { alpha: 2 }), () => [leaf([2, 3]), leaf([3, 3])])],
  indexAdd_: [c('indexAdd_ on a non-leaf', (x, s) => x.mul(1).indexAdd_(1, ix([2]), s!), () => [leaf([2, 3]), leaf([2, 1])])],
  indexCopy: [c('indexCopy', (x, s) => x.indexCopy(1, ix([2, 0]), s!), () => [leaf([3, 4], { layout: 'transposed' }), leaf([3, 2])])],
  indexCopy_: [c('indexCopy_ on a non-leaf', (x, s) => x.mul(1).indexCopy_(0, ix([1]), s!), () => [leaf([2, 3]), leaf([1, 3])])],
  indexFill: [
    c('indexFill scalar', (x) => x.indexFill(1, ix([0, 2, 0]), 0.5), x23),
    c('indexFill 0-d tensor value', (x, v) => x.indexFill(0, ix([1]), v!), () => [leaf([2, 3]), leaf([])]),
  ],
  indexFill_: [c('indexFill_ on a non-leaf', (x) => x.mul(1).indexFill_(1, ix([1]), -1), x23)],
  take: [c('take negative and duplicate indices', (x) => x.take(ix([[0, -1], [5, 0]])), x34t), c('take from 0-d', (x) => x.take(ix([0, 0])), () => [leaf([])])],
  maskedFill: [
    c('maskedFill scalar', (x) => x.maskedFill(mask23(), 0.5), x23),
    c('maskedFill 0-d tensor value, x broadcast', (x, v) => x.maskedFill(mask23(), v!), () => [leaf([3]), leaf([])]),
  ],
  maskedFill_: [
    c('maskedFill_ on a non-leaf', (x) => x.mul(1).maskedFill_(mk([false, true, true]), 2), x23),
    c('maskedFill_ through a transposed view', (x, v) => {
      const y = x.mul(1);
      y.t().maskedFill_(mk([[true, false], [false, false], [false, true]]), v!);
      return y;
    }, () => [leaf([2, 3]), leaf([])]),
  ],
  maskedSelect: [
    c('maskedSelect', (x) => x.maskedSelect(mask23()), () => [leaf([2, 3], { layout: 'sliced' })]),
    c('maskedSelect x broadcast', (x) => x.maskedSelect(mask23()), () => [leaf([1, 3])]),
  ],
  maskedScatter: [c('maskedScatter, source longer', (x, s) => x.maskedScatter(mask23(), s!), () => [leaf([2, 3]), leaf([2, 3])])],
  maskedScatter_: [c('maskedScatter_ on a non-leaf', (x, s) => x.mul(1).maskedScatter_(mask23(), s!), () => [leaf([2, 3]), leaf([3])])],

  unique: [
    { ...c('unique (PyTorch has no derivative)', (x) => x.unique(), x23), raises: "the derivative for '_unique2' is not implemented." },
    { ...c('unique dim', (x) => x.unique({ dim: 0 }), x23), raises: "the derivative for 'unique_dim' is not implemented." },
  ],
  sort: [
    c('sort', (x) => x.sort().values, x23),
    c('sort dim 0 descending', (x) => x.sort(0, true).values, x34t),
    c('msort (composite: sort)', (x) => torch.msort(x), x34t),
    c('sort 0-d', (x) => x.sort().values, () => [leaf([])]),
  ],
  topk: [c('topk', (x) => x.topk(2).values, x34t), c('topk smallest dim 0', (x) => x.topk(1, 0, false).values, x23)],
  kthvalue: [c('kthvalue', (x) => x.kthvalue(2).values, x34t), c('kthvalue 0-d', (x) => x.kthvalue(1).values, () => [leaf([])]), c('kthvalue keepdim', (x) => x.kthvalue(1, 0, true).values, x23)],
  cummax: [c('cummax', (x) => x.cummax(1).values, x34t), c('cummax 0-d', (x) => x.cummax(0).values, () => [leaf([])])],
  cummin: [c('cummin', (x) => x.cummin(0).values, x23)],
  logcumsumexp: [c('logcumsumexp', (x) => x.logcumsumexp(1), x34t), c('logcumsumexp dim 0', (x) => x.logcumsumexp(-2), () => [leaf([3, 2], { lo: -3, hi: 3 })])],
  flip: [c('flip', (x) => x.flip(0, 1), x34t), c('flip negative dim', (x) => x.flip(-1), x23)],
  roll: [c('roll flattened', (x) => x.roll(2), x23), c('roll dims', (x) => x.roll([1, -1], [0, 1]), x34t)],
  repeat: [
    c('repeat', (x) => x.repeat(2, 1, 3), x23),
    c('tile (composite: repeat)', (x) => x.tile(2), x34t),
  ],
  repeatInterleave: [
    c('repeatInterleave flattened', (x) => x.repeatInterleave(2), x23),
    c('repeatInterleave tensor repeats dim 1', (x) => x.repeatInterleave(ix([1, 0, 2, 1]), 1), x34t),
  ],
  tril: [c('tril', (x) => x.tril(), x34t), c('tril -1', (x) => x.tril(-1), x23)],
  triu: [c('triu 1', (x) => x.triu(1), x34t)],
  diag: [
    c('diag of a vector, offset 1', (x) => x.diag(1), () => [leaf([3])]),
    c('diag of a matrix, offset -1', (x) => x.diag(-1), x34t),
  ],
  diagEmbed: [c('diagEmbed', (x) => x.diagEmbed(1, 0, 2), x23)],
  trace: [c('trace', (x) => x.trace(), x34t)],
};
