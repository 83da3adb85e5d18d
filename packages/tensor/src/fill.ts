// In-place fill: x.fill_(v), x.zero_().

import { RuntimeError } from './errors.js';
import type { Scalar } from './operands.js';
import { isTensor, scalarValue } from './operands.js';
import type { DType } from './backend/dtype.js';
import type { Tensor } from './tensor.js';
import { copyInto } from './copy.js';
import { defineOp, traced } from './trace.js';

const FILL = defineOp('fill_');
const ZERO = defineOp('zero_');

/** Sets every element of `x` to `value` (a scalar or a 0-d tensor): `x.fill_(value)`. @example torch.zeros(2).fill_(torch.tensor(1.5)) // tensor([1.5000, 1.5000]) */
export function fill(x: Tensor, value: Scalar | Tensor): Tensor {
  return traced(FILL, [x, isTensor(value) ? value : undefined], {}, () => fillImpl(x, value), { inplace: true });
}

/** `x.zero_()`: every element set to 0, in place. @example zero(torch.ones(2)) // tensor([0., 0.]) */
export function zero(x: Tensor): Tensor {
  return traced(ZERO, [x], {}, () => fillImpl(x, 0), { inplace: true });
}

function fillImpl(x: Tensor, value: Scalar | Tensor): Tensor {
  if (isTensor(value)) {
    if (value.ndim !== 0) {
      throw new RuntimeError(`fill_ only supports 0-dimension value tensor but got tensor with ${value.ndim} dimensions.`);
    }
    return copyInto(x, value);
  }
  fillScalar(x, value);
  x.bumpVersion();
  return x;
}

/** @internal Writes `value` (cast as PyTorch casts a Python scalar) into every element of `x`. */
export function fillScalar(x: Tensor, value: Scalar): Tensor {
  if (x.numel() > 0) x.storage.backend.fill(x.backendView, fillValueFor(value, x.dtype));
  return x;
}

/** A fill value as the backend's `fill` takes it: a bigint for int64 (truncated; NaN and ±Inf give 0). */
function fillValueFor(v: Scalar, dtype: DType): number | bigint {
  if (dtype !== 'int64') return scalarValue(v);
  if (typeof v === 'bigint') return v;
  const n = scalarValue(v);
  return BigInt(Number.isFinite(n) ? Math.trunc(n) : 0);
}
