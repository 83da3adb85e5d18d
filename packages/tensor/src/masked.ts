// Boolean masks: maskedFill(_), maskedSelect, maskedScatter(_), nonzero (asTuple),
// argwhere and torch.where(cond). Ops whose output size depends on the mask
// (maskedSelect, nonzero) read the mask count synchronously, as PyTorch does;
// devices that cannot read synchronously get an error telling to move to the CPU.

import { RuntimeError } from './errors.js';
import type { Scalar } from './operands.js';
import { checkSameDevice, isTensor } from './operands.js';
import { broadcastShapes, fmtShape } from './shape.js';
import type { Tensor } from './tensor.js';
import { emptyTensor } from './tensor.js';
import { clone, contiguous, expandView } from './copy.js';
import { full } from './creation.js';
import { binaryOp, clamp, sub, where } from './elementwise.js';
import { cumsum } from './reduce.js';
import { expand, select } from './views.js';
import { defineOp, traced } from './trace.js';
import { checkIndexValues, countNonzero, nonzeroMatrix, restrided, typeName, unaliased } from './indexKernels.js';

const MASKED_FILL = defineOp('maskedFill');
const MASKED_FILL_ = defineOp('maskedFill_');
const MASKED_SELECT = defineOp('maskedSelect');
const MASKED_SCATTER = defineOp('maskedScatter');
const MASKED_SCATTER_ = defineOp('maskedScatter_');
const NONZERO = defineOp('nonzero', false);
const ARGWHERE = defineOp('argwhere', false);

/**
 * masked_select takes bool (or deprecated uint8) masks; masked_fill and masked_scatter
 * take any dtype in PyTorch 1.13 as long as the values are 0 or 1.
 */
function checkMask(mask: Tensor, op: string): void {
  if (mask.dtype === 'bool') return;
  if (op === 'masked_select') {
    if (mask.dtype === 'uint8') return;
    throw new RuntimeError('masked_select: expected BoolTensor or ByteTensor for mask');
  }
  checkIndexValues(mask, (v) => v === 0 || v === 1, () => new RuntimeError('Mask tensor can take 0 and 1 values only'));
}

/** `mask` as bool (another dtype compared with 0). */
const asBool = (mask: Tensor): Tensor => (mask.dtype === 'bool' ? mask : binaryOp('ne', mask, 0));

/** The in-place ops need the mask to broadcast to `x`'s own shape. */
function checkInplaceBroadcast(x: Tensor, mask: Tensor): void {
  const shape = broadcastShapes(x.shape, mask.shape);
  if (shape.length !== x.ndim || shape.some((s, i) => s !== x.shape[i])) {
    throw new RuntimeError(`output with shape ${fmtShape(x.shape)} doesn't match the broadcast shape ${fmtShape(shape)}`);
  }
}

/** Writes `value` into `x` in place (x's layout kept). */
function assign(x: Tensor, value: Tensor): Tensor {
  x.storage.backend.copy(expandView(value, x.shape), x.backendView);
  x.bumpVersion();
  return x;
}

function maskedFillCore(x: Tensor, mask: Tensor, value: Scalar | Tensor): Tensor {
  checkSameDevice([x, mask]);
  checkMask(mask, 'masked_fill_');
  if (isTensor(value) && value.ndim !== 0) {
    throw new RuntimeError(`masked_fill_ only supports a 0-dimensional value tensor, but got tensor with ${value.ndim} dimension(s).`);
  }
  checkInplaceBroadcast(x, mask);
  const v = isTensor(value) ? value.to(x.dtype) : full([], value, { dtype: x.dtype, device: x.device });
  return assign(x, where(asBool(mask), v, x));
}

/**
 * `x.masked_fill_(mask, value)`: `value` (a scalar or 0-d tensor) where `mask` (bool, broadcast to x) is true.
 * @example torch.zeros(3).maskedFill_(torch.tensor([true, false, true]), 1) // tensor([1., 0., 1.])
 */
export function maskedFill_(x: Tensor, mask: Tensor, value: Scalar | Tensor): Tensor {
  return traced(MASKED_FILL_, [x, mask, isTensor(value) ? value : undefined], { value: isTensor(value) ? undefined : value }, () => maskedFillCore(x, mask, value), { inplace: true });
}

/** `torch.masked_fill(x, mask, value)`: `maskedFill_` on a copy of x broadcast with mask. @example torch.maskedFill(torch.zeros(2), torch.tensor([false, true]), 5) // tensor([0., 5.]) */
export function maskedFill(x: Tensor, mask: Tensor, value: Scalar | Tensor): Tensor {
  return traced(MASKED_FILL, [x, mask, isTensor(value) ? value : undefined], { value: isTensor(value) ? undefined : value }, () =>
    maskedFillCore(broadcastCopy(x, mask), mask, value));
}

/** A copy of `x`, broadcast with `mask` (the out-of-place masked ops broadcast self too). */
function broadcastCopy(x: Tensor, mask: Tensor): Tensor {
  const shape = broadcastShapes(x.shape, mask.shape);
  return clone(expand(x, shape));
}

/**
 * `torch.masked_select(x, mask)`: the elements where `mask` (broadcast with x) is true, as a 1-d tensor.
 * Reads the mask count synchronously (CPU).
 * @example torch.tensor([1, 2, 3]).maskedSelect(torch.tensor([true, false, true])) // tensor([1, 3])
 */
export function maskedSelect(x: Tensor, mask: Tensor): Tensor {
  return traced(MASKED_SELECT, [x, mask], {}, () => {
    checkSameDevice([x, mask]);
    checkMask(mask, 'masked_select');
    const shape = broadcastShapes(x.shape, mask.shape);
    const n = shape.reduce((a, b) => a * b, 1);
    const flatMask = contiguous(expand(asBool(mask), shape));
    const rows = nonzeroMatrix(flatMask.view([n]), 'masked_select');
    const count = rows.shape[0]!;
    const out = emptyTensor([count], x.dtype, x.device);
    if (count === 0) return out;
    const flatX = contiguous(expand(x, shape));
    x.storage.backend.gather(restrided(flatX, [n], [1]), 0, restrided(rows, [count], [1]), out.backendView);
    return out;
  });
}

function maskedScatterCore(x: Tensor, mask: Tensor, source: Tensor): Tensor {
  checkSameDevice([x, mask, source]);
  checkMask(mask, 'masked_scatter_');
  if (x.dtype !== source.dtype) {
    throw new RuntimeError(`masked_scatter: expected self and source to have same dtypes but got${typeName(x.dtype)} and ${typeName(source.dtype)}`);
  }
  checkInplaceBroadcast(x, mask);
  const m = contiguous(expand(asBool(mask), x.shape));
  const n = x.numel();
  const srcN = source.numel();
  if (x.storage.backend.readSync) {
    if (countNonzero(m, 'masked_scatter_') > srcN) throw new RuntimeError('Number of elements of source < number of ones in mask');
  }
  if (n === 0 || srcN === 0) return x;
  // the k-th true element of the mask (row-major) takes the k-th element of source
  const pos = clamp(sub(cumsum(m.view([n]), 0), 1), 0, srcN - 1);
  const picked = emptyTensor([n], x.dtype, x.device);
  const src = contiguous(unaliased(source, x));
  x.storage.backend.gather(restrided(src, [srcN], [1]), 0, pos.backendView, picked.backendView);
  return assign(x, where(m, picked.view(x.shape), x));
}

/**
 * `x.masked_scatter_(mask, source)`: the true positions of `mask` (row-major) take the elements of `source` in order.
 * @example torch.zeros(3).maskedScatter_(torch.tensor([true, false, true]), torch.tensor([1, 2]).float()) // tensor([1., 0., 2.])
 */
export function maskedScatter_(x: Tensor, mask: Tensor, source: Tensor): Tensor {
  return traced(MASKED_SCATTER_, [x, mask, source], {}, () => maskedScatterCore(x, mask, source), { inplace: true });
}

/** `torch.masked_scatter(x, mask, source)`: `maskedScatter_` on a copy of x broadcast with mask. @example torch.maskedScatter(torch.zeros(2), torch.tensor([false, true]), torch.tensor([4]).float()) // tensor([0., 4.]) */
export function maskedScatter(x: Tensor, mask: Tensor, source: Tensor): Tensor {
  return traced(MASKED_SCATTER, [x, mask, source], {}, () => maskedScatterCore(broadcastCopy(x, mask), mask, source));
}

/**
 * `torch.nonzero(x)`: the indices of the nonzero elements as int64 [count, ndim], row-major;
 * `{ asTuple: true }` gives one 1-d tensor per dim instead. Reads the count synchronously (CPU).
 * @example torch.tensor([[0, 1], [2, 0]]).nonzero() // tensor([[0, 1], [1, 0]])
 */
export function nonzero(x: Tensor): Tensor;
export function nonzero(x: Tensor, opts: { asTuple: true }): Tensor[];
export function nonzero(x: Tensor, opts?: { asTuple?: boolean }): Tensor | Tensor[];
export function nonzero(x: Tensor, opts?: { asTuple?: boolean }): Tensor | Tensor[] {
  return traced(NONZERO, [x], { asTuple: opts?.asTuple ?? false }, () => {
    if (!opts?.asTuple) return nonzeroMatrix(x);
    // as PyTorch: a 0-d input counts as 1-d
    const m = nonzeroMatrix(x.ndim === 0 ? x.view([1]) : x);
    return Array.from({ length: m.shape[1]! }, (_, k) => select(m, 1, k));
  });
}

/** `torch.argwhere(x)`: `nonzero(x)`. @example torch.argwhere(torch.tensor([0, 3])) // tensor([[1]]) */
export function argwhere(x: Tensor): Tensor {
  return traced(ARGWHERE, [x], {}, () => nonzeroMatrix(x, 'argwhere'));
}
