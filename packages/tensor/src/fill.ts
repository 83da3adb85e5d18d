// In-place fill: x.fill_(v), x.zero_().

import { RuntimeError } from './errors.js';
import type { Scalar } from './operands.js';
import { isTensor } from './operands.js';
import type { Tensor } from './tensor.js';
import { copyInto } from './copy.js';
import { fillTypeValue } from './creation.js';

/** Sets every element of `x` to `value` (a scalar or a 0-d tensor): `x.fill_(value)`. @example torch.zeros(2).fill_(torch.tensor(1.5)) // tensor([1.5000, 1.5000]) */
export function fill(x: Tensor, value: Scalar | Tensor): Tensor {
  if (isTensor(value)) {
    if (value.ndim !== 0) {
      throw new RuntimeError(`fill_ only supports 0-dimension value tensor but got tensor with ${value.ndim} dimensions.`);
    }
    return copyInto(x, value);
  }
  if (x.numel() > 0) x.storage.backend.fill(x.backendView, fillTypeValue(value, x.dtype));
  x.bumpVersion();
  return x;
}
