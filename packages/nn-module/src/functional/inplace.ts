// The `inplace=True` form of composite activations: the result is written into the input.

import type { Tensor } from '@torchlet/tensor';
import { isGradEnabled } from '@torchlet/autograd';

/**
 * `fn(input)`, or with `inplace` the same values written into `input` (returned). The composite
 * reads a copy when the input is part of a graph, so that its backward never sees the overwritten
 * values (PyTorch's in-place kernels save their result instead).
 * @example applyInplace(x, true, (t) => t.mul(2)) === x // true
 */
export function applyInplace(input: Tensor, inplace: boolean, fn: (t: Tensor) => Tensor): Tensor {
  if (!inplace) return fn(input);
  const src = isGradEnabled() && input.requiresGrad ? input.clone() : input;
  return input.copy_(fn(src));
}
