// Triangles and diagonals: tril, triu (a where over an index mask), diag,
// diagEmbed (a copy into a diagonal view) and trace.

import { RuntimeError, IndexError } from './errors.js';
import { normalizeDim } from './shape.js';
import type { Tensor } from './tensor.js';
import { viewTensor } from './tensor.js';
import { clone } from './copy.js';
import { arange, full } from './creation.js';
import { binaryOp, where } from './elementwise.js';
import { sum } from './reduce.js';
import { diagonal } from './views.js';
import { defineOp, traced } from './trace.js';

const TRIL = defineOp('tril');
const TRIU = defineOp('triu');
const DIAG = defineOp('diag');
const DIAG_EMBED = defineOp('diagEmbed');
const TRACE = defineOp('trace');

/** Keeps the elements on and below (`lower`) or on and above diagonal `k` of the last two dims, zeroing the rest. */
function triangle(x: Tensor, k: number, lower: boolean): Tensor {
  if (x.ndim === 0) throw new IndexError('Dimension specified as -2 but tensor has no dimensions');
  normalizeDim(-2, x.ndim);
  const rows = x.shape[x.ndim - 2]!;
  const cols = x.shape[x.ndim - 1]!;
  const r = arange(rows, { device: x.device });
  const c = arange(cols, { device: x.device });
  // column - row of every element, compared with k
  const offset = binaryOp('sub', viewTensor(c, [1, cols], [0, 1], 0), viewTensor(r, [rows, 1], [1, 0], 0));
  const keep = binaryOp(lower ? 'le' : 'ge', offset, k);
  return where(keep, x, full([], 0, { dtype: x.dtype, device: x.device }));
}

/**
 * `torch.tril(x, diagonal=0)`: the lower triangle of the last two dims, the rest zeroed.
 * @example torch.ones(2, 2).tril() // tensor([[1., 0.], [1., 1.]])
 */
export function tril(x: Tensor, diagonal = 0): Tensor {
  return traced(TRIL, [x], { diagonal }, () => triangle(x, diagonal, true));
}

/**
 * `torch.triu(x, diagonal=0)`: the upper triangle of the last two dims, the rest zeroed.
 * @example torch.ones(2, 2).triu(1) // tensor([[0., 1.], [0., 0.]])
 */
export function triu(x: Tensor, diagonal = 0): Tensor {
  return traced(TRIU, [x], { diagonal }, () => triangle(x, diagonal, false));
}

/** A zero tensor of `shape` whose diagonal (offset, d1, d2) is a copy of `x`. */
function embed(x: Tensor, shape: readonly number[], offset: number, d1: number, d2: number): Tensor {
  const out = full(shape, 0, { dtype: x.dtype, device: x.device });
  const diag = diagonal(out, offset, d1, d2);
  if (diag.numel() > 0) x.storage.backend.copy(x.backendView, diag.backendView);
  return out;
}

/**
 * `torch.diag(x, diagonal=0)`: a 1-D `x` as the diagonal of a square matrix, or the
 * diagonal of a 2-D `x` (as a copy).
 * @example torch.diag(torch.tensor([1, 2])) // tensor([[1, 0], [0, 2]])
 */
export function diag(x: Tensor, diagonalIndex = 0): Tensor {
  return traced(DIAG, [x], { diagonal: diagonalIndex }, () => {
    if (x.ndim === 1) {
      const n = x.shape[0]! + Math.abs(diagonalIndex);
      return embed(x, [n, n], diagonalIndex, 0, 1);
    }
    if (x.ndim === 2) return clone(diagonal(x, diagonalIndex, 0, 1));
    throw new RuntimeError('matrix or a vector expected');
  });
}

/**
 * `torch.diag_embed(x, offset=0, dim1=-2, dim2=-1)`: the last dim of `x` placed on a
 * diagonal of new dims `dim1`, `dim2` (zero elsewhere).
 * @example torch.diagEmbed(torch.tensor([[1, 2]])).shape // [1, 2, 2]
 */
export function diagEmbed(x: Tensor, offset = 0, dim1 = -2, dim2 = -1): Tensor {
  return traced(DIAG_EMBED, [x], { offset, dim1, dim2 }, () => {
    const rank = x.ndim + 1;
    const a = normalizeDim(dim1, rank);
    const b = normalizeDim(dim2, rank);
    if (a === b) throw new RuntimeError(`diagonal dimensions cannot be identical ${dim1}, ${dim2}`);
    const n = x.shape[x.ndim - 1]! + Math.abs(offset);
    const rest = x.shape.slice(0, -1);
    const shape: number[] = [];
    for (let k = 0, r = 0; k < rank; k++) shape.push(k === a || k === b ? n : rest[r++]!);
    return embed(x, shape, offset, a, b);
  });
}

/**
 * `torch.trace(x)`: the sum of the main diagonal of a matrix (integers sum in int64).
 * @example torch.tensor([[1, 2], [3, 4]]).trace() // tensor(5)
 */
export function trace(x: Tensor): Tensor {
  return traced(TRACE, [x], {}, () => {
    if (x.ndim !== 2) throw new RuntimeError(`trace: expected a matrix, but got tensor with dim ${x.ndim}`);
    if (x.dtype === 'bool') throw new RuntimeError('"trace" not implemented for \'Bool\'');
    return sum(diagonal(x, 0, 0, 1));
  });
}
