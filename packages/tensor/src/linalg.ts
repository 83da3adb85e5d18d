// Matrix products: matmul with PyTorch's broadcasting rules, mm, bmm, mv, dot, outer.

import { SCALAR_TYPE_NAME } from './dtype.js';
import { RuntimeError } from './errors.js';
import { checkSameDevice } from './operands.js';
import { broadcastShapes } from './shape.js';
import type { Tensor } from './tensor.js';
import { emptyTensor } from './tensor.js';
import { contiguous, expandView } from './copy.js';
import { mul } from './elementwise.js';
import { reshape, squeeze, transpose, unsqueeze } from './views.js';
import { defineOp, traced } from './trace.js';

const MM = defineOp('mm');
const BMM = defineOp('bmm');
const MV = defineOp('mv');
const DOT = defineOp('dot');
/** matmul's broadcast-batch path; its other paths are the mm/mv/dot/view ops above, as in PyTorch. */
const MATMUL = defineOp('matmul');

function sameDtype(a: Tensor, b: Tensor): void {
  if (a.dtype !== b.dtype) {
    throw new RuntimeError(`expected scalar type ${SCALAR_TYPE_NAME[a.dtype]} but found ${SCALAR_TYPE_NAME[b.dtype]}`);
  }
}

/** Runs the backend's batched matmul on [..., M, K] × [..., K, N] with batch dims broadcast. */
function batched(a: Tensor, b: Tensor): Tensor {
  checkSameDevice([a, b]);
  const batch = broadcastShapes(a.shape.slice(0, -2), b.shape.slice(0, -2));
  const m = a.shape[a.ndim - 2]!;
  const k = a.shape[a.ndim - 1]!;
  const n = b.shape[b.ndim - 1]!;
  const out = emptyTensor([...batch, m, n], a.dtype, a.device);
  const av = expandView(a, [...batch, m, k]);
  const bv = expandView(b, [...batch, k, n]);
  out.storage.backend.matmul(av, bv, out.backendView);
  return out;
}

/** `torch.mm(a, b)`: 2-D × 2-D. @example torch.mm(torch.ones(2, 3), torch.ones(3, 4)).shape // [2, 4] */
export function mm(a: Tensor, b: Tensor): Tensor {
  return traced(MM, [a, b], {}, () => mmImpl(a, b));
}

function mmImpl(a: Tensor, b: Tensor): Tensor {
  if (a.ndim !== 2) throw new RuntimeError(`self must be a matrix`);
  if (b.ndim !== 2) throw new RuntimeError(`mat2 must be a matrix`);
  if (a.shape[1] !== b.shape[0]) {
    throw new RuntimeError(`mat1 and mat2 shapes cannot be multiplied (${a.shape[0]}x${a.shape[1]} and ${b.shape[0]}x${b.shape[1]})`);
  }
  sameDtype(a, b);
  return batched(a, b);
}

/** `torch.bmm(a, b)`: 3-D × 3-D with equal batch sizes. @example torch.bmm(torch.ones(5, 2, 3), torch.ones(5, 3, 4)).shape // [5, 2, 4] */
export function bmm(a: Tensor, b: Tensor): Tensor {
  return traced(BMM, [a, b], {}, () => bmmImpl(a, b));
}

function bmmImpl(a: Tensor, b: Tensor): Tensor {
  if (a.ndim !== 3) throw new RuntimeError(`batch1 must be a 3D tensor`);
  if (b.ndim !== 3) throw new RuntimeError(`batch2 must be a 3D tensor`);
  if (b.shape[0] !== a.shape[0] || b.shape[1] !== a.shape[2]) {
    throw new RuntimeError(
      `Expected size for first two dimensions of batch2 tensor to be: [${a.shape[0]}, ${a.shape[2]}] but got: [${b.shape[0]}, ${b.shape[1]}].`,
    );
  }
  sameDtype(a, b);
  return batched(a, b);
}

/** `torch.mv(m, v)`: matrix × vector. @example torch.mv(torch.tensor([[1, 2], [3, 4]]), torch.tensor([1, 1])) // tensor([3, 7]) */
export function mv(m: Tensor, v: Tensor): Tensor {
  return traced(MV, [m, v], {}, () => mvImpl(m, v));
}

function mvImpl(m: Tensor, v: Tensor): Tensor {
  if (m.ndim !== 2 || v.ndim !== 1) {
    throw new RuntimeError(`vector + matrix @ vector expected, got 1, ${m.ndim}, ${v.ndim}`);
  }
  if (m.shape[1] !== v.shape[0]) {
    throw new RuntimeError(`size mismatch, got ${m.shape[0]}, ${m.shape[0]}x${m.shape[1]},${v.shape[0]}`);
  }
  sameDtype(m, v);
  return squeeze(batched(m, unsqueeze(v, 1)), 1);
}

/** `torch.dot(a, b)`: 1-D · 1-D → 0-d. @example torch.dot(torch.tensor([1, 2]), torch.tensor([3, 4])) // tensor(11) */
export function dot(a: Tensor, b: Tensor): Tensor {
  return traced(DOT, [a, b], {}, () => dotImpl(a, b));
}

function dotImpl(a: Tensor, b: Tensor): Tensor {
  if (a.ndim !== 1 || b.ndim !== 1) throw new RuntimeError(`1D tensors expected, but got ${a.ndim}D and ${b.ndim}D tensors`);
  if (a.dtype !== b.dtype) {
    throw new RuntimeError(`dot : expected both vectors to have same dtype, but found ${SCALAR_TYPE_NAME[a.dtype]} and ${SCALAR_TYPE_NAME[b.dtype]}`);
  }
  if (a.shape[0] !== b.shape[0]) {
    throw new RuntimeError(
      `inconsistent tensor size, expected tensor [${a.shape[0]}] and src [${b.shape[0]}] to have the same number of elements, but got ${a.shape[0]} and ${b.shape[0]} elements respectively`,
    );
  }
  return squeeze(batched(unsqueeze(a, 0), unsqueeze(b, 1)));
}

/**
 * `torch.outer(a, b)`: 1-D ⊗ 1-D, with type promotion (PyTorch computes it as a broadcast product).
 * @example torch.outer(torch.tensor([1, 2]), torch.tensor([0.5])).dtype // 'float32'
 */
export function outer(a: Tensor, b: Tensor): Tensor {
  if (a.ndim !== 1) throw new RuntimeError(`outer: Expected 1-D argument self, but got ${a.ndim}-D`);
  if (b.ndim !== 1) throw new RuntimeError(`outer: Expected 1-D argument vec2, but got ${b.ndim}-D`);
  return mul(unsqueeze(a, 1), unsqueeze(b, 0));
}

/**
 * PyTorch's `should_fold`: a ≥3-D operand times a 1-D/2-D one is computed as one
 * mm/mv over the folded batch (which also decides the error messages), except a
 * 3-D @ 2-D whose last two dims are transposed.
 */
function shouldFold(t1: Tensor, otherRank: number): boolean {
  if (t1.ndim < 3 || (otherRank !== 1 && otherRank !== 2)) return false;
  if (t1.ndim === 3 && otherRank === 2 && t1.strides[2] !== 1 && t1.strides[0] === t1.shape[1]! * t1.shape[2]!) return false;
  return true;
}

/**
 * `torch.matmul(a, b)` with PyTorch's rules: 1-D·1-D dot, 2-D mm, 1-D operands
 * promoted to matrices and the added dim removed, batch dims broadcast.
 * @example torch.matmul(torch.ones([5, 2, 3]), torch.ones([3, 4])).shape // [5, 2, 4]
 */
export function matmul(a: Tensor, b: Tensor): Tensor {
  if (a.ndim === 0 || b.ndim === 0) {
    throw new RuntimeError(`both arguments to matmul need to be at least 1D, but they are ${a.ndim}D and ${b.ndim}D`);
  }
  if (a.ndim === 1 && b.ndim === 1) return dot(a, b);
  if (a.ndim === 2 && b.ndim === 1) return mv(a, b);
  if (a.ndim === 1 && b.ndim === 2) return squeeze(mm(unsqueeze(a, 0), b), 0);
  if (a.ndim === 2 && b.ndim === 2) return mm(a, b);
  if (shouldFold(a, b.ndim) || shouldFold(b, a.ndim)) {
    // as PyTorch: (…, n, k) @ (k[, p]) is one mm/mv on (prod(…)·n, k); with the
    // ≥3-D operand on the right, the product is transposed: (b^T @ a^T)^T
    const flip = b.ndim > a.ndim;
    const t1 = flip ? transpose(b, -2, -1) : a;
    const t2 = !flip ? b : a.ndim === 2 ? transpose(a, 0, 1) : a;
    const outShape = t1.shape.slice(0, -1);
    const rows = outShape.reduce((x, y) => x * y, 1);
    const folded = reshape(t1, [rows, t1.shape[t1.ndim - 1]!]);
    if (t2.ndim === 1) return reshape(mv(folded, t2), outShape);
    const r = reshape(mm(folded, t2), [...outShape, t2.shape[1]!]);
    return flip ? contiguous(transpose(r, -2, -1)) : r;
  }
  // both ≥ 2-D here: broadcast the batch dims, then a batched mm
  const batch = broadcastShapes(a.shape.slice(0, -2), b.shape.slice(0, -2));
  const count = batch.reduce((x, y) => x * y, 1);
  const k1 = a.shape[a.ndim - 1]!;
  const k2 = b.shape[b.ndim - 2]!;
  if (k1 !== k2) {
    throw new RuntimeError(`Expected size for first two dimensions of batch2 tensor to be: [${count}, ${k1}] but got: [${count}, ${k2}].`);
  }
  sameDtype(a, b);
  return traced(MATMUL, [a, b], {}, () => batched(a, b));
}

