// F.upsample: the deprecated name of F.interpolate.

import type { Tensor } from '@torchlet/tensor';
import { interpolate } from '@torchlet/tensor';

/**
 * `F.upsample(input, size=None, scale_factor=None, mode='nearest', align_corners=None)`:
 * deprecated in PyTorch (with a warning) in favour of `F.interpolate`, which it calls.
 * @example F.upsample(x, { scaleFactor: 2 })
 */
export function upsample(input: Tensor, ...args: Parameters<typeof interpolate> extends [Tensor, ...infer R] ? R : never): Tensor {
  console.warn('nn.functional.upsample is deprecated. Use nn.functional.interpolate instead.');
  return interpolate(input, ...args);
}
