// softmax and log-softmax: a backend fast path, or the reference decomposition.

import type { DType } from './backend/dtype.js';
import { isFloatingPoint } from './backend/dtype.js';
import { reference } from './backend/reference.js';
import type { View } from './backend/types.js';
import { SCALAR_TYPE_NAME } from './dtype.js';
import { RuntimeError } from './errors.js';
import { normalizeDim } from './shape.js';
import type { Tensor } from './tensor.js';
import { emptyTensor } from './tensor.js';
import { cast } from './copy.js';
import { defineOp, traced } from './trace.js';

const SOFTMAX = defineOp('softmax');
const LOG_SOFTMAX = defineOp('logSoftmax');

function run(x: Tensor, dim: number, dtype: DType | undefined, log: boolean): Tensor {
  const d = normalizeDim(dim, x.ndim);
  if (dtype === undefined && !isFloatingPoint(x.dtype)) {
    // PyTorch's kernel names: the last-dim kernel for the last dim (and 0-d), else the generic one
    const lastDim = x.ndim === 0 || d === x.ndim - 1;
    const kernel = lastDim ? `${log ? 'log_' : ''}softmax_lastdim_kernel_impl` : 'softmax_kernel_impl';
    throw new RuntimeError(`"${kernel}" not implemented for '${SCALAR_TYPE_NAME[x.dtype]}'`);
  }
  const target = dtype ?? x.dtype;
  const src = x.dtype === target ? x : cast(x, target);
  const out = emptyTensor(x.shape, target, x.device);
  if (x.numel() === 0) return out;
  const v = asRow(src.backendView);
  const o = asRow(out.backendView);
  const backend = x.storage.backend;
  if (backend.supports.softmax) backend.supports.softmax(v, d, o, log);
  else reference.softmax(backend, v, d, o, log);
  return out;
}

/** A 0-d view as a row of one element (dim 0); other views unchanged. */
function asRow(v: View): View {
  return v.shape.length === 0 ? { ...v, shape: [1], strides: [1] } : v;
}

/** `torch.softmax(x, dim, { dtype })`. @example torch.softmax(torch.tensor([1, 1]), -1, { dtype: 'float32' }) // tensor([0.5000, 0.5000]) */
export function softmax(x: Tensor, dim: number, opts?: { dtype?: DType }): Tensor {
  return traced(SOFTMAX, [x], { dim }, () => run(x, dim, opts?.dtype, false));
}

/** `torch.log_softmax(x, dim, { dtype })`. @example torch.logSoftmax(torch.zeros(2), 0) // tensor([-0.6931, -0.6931]) */
export function logSoftmax(x: Tensor, dim: number, opts?: { dtype?: DType }): Tensor {
  return traced(LOG_SOFTMAX, [x], { dim }, () => run(x, dim, opts?.dtype, true));
}
