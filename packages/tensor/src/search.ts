// searchsorted and bucketize, built on the sort fast path: the insertion point of
// a value is its position in the stable sort of (values ++ boundaries) — values
// first so that ties go left, boundaries first for `right` — minus its rank among
// the values themselves. O((n + m) log(n + m)) per row and no sync point.

import { isFloatingPoint } from './backend/dtype.js';
import { SCALAR_TYPE_NAME, resultType } from './dtype.js';
import { RuntimeError } from './errors.js';
import type { Scalar } from './operands.js';
import { isTensor } from './operands.js';
import { fmtShape } from './shape.js';
import type { Tensor } from './tensor.js';
import { emptyTensor } from './tensor.js';
import { cast, expandView } from './copy.js';
import { arange, fromValues, full } from './creation.js';
import { binaryOp, unaryOp, where } from './elementwise.js';
import { cat } from './join.js';
import { sortAlong } from './order.js';
import { narrow, reshape } from './views.js';
import { defineOp, traced } from './trace.js';

const SEARCHSORTED = defineOp('searchsorted', false);
const BUCKETIZE = defineOp('bucketize', false);

/** `searchsorted`'s keyword arguments. */
export interface SearchsortedOptions {
  outInt32?: boolean;
  right?: boolean;
  side?: 'left' | 'right';
  /** Indices that sort `sortedSequence` along its last dim (int64). */
  sorter?: Tensor;
}

/** The inverse of permutations `perm` [rows, n] along dim 1: `inv[perm[j]] = j`, through scatter-add. */
function invert(perm: Tensor): Tensor {
  const inv = full(perm.shape, 0, { dtype: 'int64', device: perm.device });
  const iota = arange(perm.shape[1]!, { device: perm.device });
  inv.storage.backend.scatterAdd(inv.backendView, 1, perm.backendView, expandView(iota, perm.shape));
  return inv;
}

/** The sequence reordered by `sorter` along its last dim (take_along_dim). */
function applySorter(seq: Tensor, sorter: Tensor): Tensor {
  if (sorter.dtype !== 'int64') {
    throw new RuntimeError(`torch.searchsorted(): sorter must be a tensor of long dtype but got dtype ${SCALAR_TYPE_NAME[sorter.dtype]}`);
  }
  if (sorter.ndim !== seq.ndim || sorter.shape.some((s, i) => s !== seq.shape[i])) {
    throw new RuntimeError(
      `torch.searchsorted(): boundary and sorter must have the same size, but got boundary tensor ${fmtShape(seq.shape)}and got sorter tensor ${fmtShape(sorter.shape)}`,
    );
  }
  const out = emptyTensor(seq.shape, seq.dtype, seq.device);
  if (out.numel() > 0) seq.storage.backend.gather(seq.backendView, seq.ndim - 1, sorter.backendView, out.backendView);
  return out;
}

function checkShapes(seq: Tensor, values: Tensor | Scalar): void {
  if (seq.ndim === 0) {
    throw new RuntimeError('torch.searchsorted(): boundaries tensor should have positive dimension, but got 0 dimension');
  }
  if (!isTensor(values)) {
    if (seq.ndim !== 1) {
      throw new RuntimeError(
        `torch.searchsorted(): input value can be a scalar only when boundaries tensor dimension is 1, but we got boundaries tensor dim(${seq.ndim}) and input value's dim(0) numel(1)`,
      );
    }
    return;
  }
  if (seq.ndim === 1) return;
  const lead = seq.shape.slice(0, -1);
  if (values.ndim !== seq.ndim || lead.some((s, i) => s !== values.shape[i])) {
    throw new RuntimeError(
      `torch.searchsorted(): boundaries tensor should be 1 dimension or the first N-1 dimensions of boundaries tensor and input value tensor must match, but we got boundaries tensor ${fmtShape(seq.shape)} and input value tensor ${fmtShape(values.shape)}`,
    );
  }
}

function searchImpl(seq: Tensor, values: Tensor | Scalar, opts: SearchsortedOptions | undefined): Tensor {
  const side = opts?.side;
  if (side !== undefined && side !== 'left' && side !== 'right') {
    throw new RuntimeError(`torch.searchsorted(): side can only be 'left' or 'right' but got ${String(side)}`);
  }
  if (side === 'left' && opts?.right === true) {
    throw new RuntimeError('torch.searchsorted(): side and right can\'t be set to opposites, got side of left while right was True');
  }
  const right = side === 'right' || (opts?.right ?? false);
  checkShapes(seq, values);
  const dtype = resultType(seq, values);
  if (dtype === 'bool') throw new RuntimeError('"searchsorted_out_cpu" not implemented for \'Bool\'');
  let s = opts?.sorter ? applySorter(seq, opts.sorter) : seq;
  s = cast(s, dtype);
  const v = isTensor(values) ? cast(values, dtype) : fromValues([values], [], dtype, seq.device);
  const outDtype = opts?.outInt32 ? 'int32' : 'int64';
  const n = s.shape[s.ndim - 1]!;
  const rows = s.ndim === 1 ? 1 : s.numel() / Math.max(n, 1);
  if (v.numel() === 0 || n === 0) return full(v.shape, 0, { dtype: outDtype, device: seq.device });
  const m = v.numel() / rows;
  const s2 = reshape(s, [rows, n]);
  const v2 = reshape(v, [rows, m]);
  const [, perm] = sortAlong(cat(right ? [s2, v2] : [v2, s2], 1), 1, false);
  const pos = narrow(invert(perm), 1, right ? n : 0, m);
  const [, vperm] = sortAlong(v2, 1, false);
  let idx = binaryOp('sub', pos, invert(vperm));
  // NaN sorts last here; PyTorch's binary search sends NaN past the end on both sides
  if (isFloatingPoint(dtype)) idx = where(unaryOp('isnan', v2), n, idx);
  return cast(reshape(idx, v.shape), outDtype);
}

/**
 * `torch.searchsorted(sortedSequence, values, *, out_int32=False, right=False, side=None, sorter=None)`:
 * where each value would be inserted along the last dim to keep it sorted.
 * @example torch.searchsorted(torch.tensor([1, 3, 5]), torch.tensor([3, 6])) // tensor([1, 3])
 */
export function searchsorted(sortedSequence: Tensor, values: Tensor | Scalar, opts?: SearchsortedOptions): Tensor {
  return traced(SEARCHSORTED, [sortedSequence, isTensor(values) ? values : undefined, opts?.sorter], { right: opts?.right, side: opts?.side }, () =>
    searchImpl(sortedSequence, values, opts),
  );
}

/**
 * `torch.bucketize(input, boundaries, *, out_int32=False, right=False)`: the bucket of
 * each element among 1-D `boundaries` (searchsorted with the operands swapped).
 * @example torch.bucketize(torch.tensor([1, 4]), torch.tensor([1, 3, 5])) // tensor([0, 2])
 */
export function bucketize(input: Tensor | Scalar, boundaries: Tensor, opts?: { outInt32?: boolean; right?: boolean }): Tensor {
  return traced(BUCKETIZE, [isTensor(input) ? input : undefined, boundaries], { right: opts?.right }, () => {
    if (boundaries.ndim !== 1) throw new RuntimeError(`boundaries tensor must be 1 dimension, but got dim(${boundaries.ndim})`);
    return searchImpl(boundaries, input, { outInt32: opts?.outInt32, right: opts?.right });
  });
}
