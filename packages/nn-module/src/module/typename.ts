// torch.typename(obj) for messages: `torch.FloatTensor` for tensors, the class name for modules,
// Python's type names for plain values.

import { SCALAR_TYPE_NAME, describeValue, isTensor } from '@torchlet/tensor';

/**
 * The name PyTorch's messages give `v`'s type.
 * @example typename(torch.zeros(1)) // 'torch.FloatTensor'; typename(3) // 'int'
 */
export function typename(v: unknown): string {
  if (isTensor(v)) return `torch.${SCALAR_TYPE_NAME[v.dtype]}Tensor`;
  return describeValue(v);
}
