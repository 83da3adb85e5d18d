// Turning what a user passes as `params` into parameter groups, with PyTorch's checks
// (torch/optim/optimizer.py: __init__ and add_param_group).

import type { DType, Tensor } from '@torchlet/tensor';
import { TorchTypeError, ValueError, describeValue, isPlainObject, isTensor } from '@torchlet/tensor';

const LEGACY_NAME: Record<DType, string> = {
  float32: 'FloatTensor', float64: 'DoubleTensor', float16: 'HalfTensor', bfloat16: 'BFloat16Tensor',
  int32: 'IntTensor', int64: 'LongTensor', int8: 'CharTensor', uint8: 'ByteTensor', bool: 'BoolTensor',
};

/**
 * `torch.typename(x)`: `torch.FloatTensor` for a float32 tensor, the Python type name otherwise.
 * @example typename(torch.zeros(2)) // 'torch.FloatTensor'
 */
export function typename(x: unknown): string {
  return isTensor(x) ? `torch.${LEGACY_NAME[x.dtype]}` : describeValue(x);
}

/**
 * The groups of a constructor's `params`: consumed once into a list (an iterator such as
 * `model.parameters()` can be read only once); a list of tensors is one group.
 * @example paramGroupList([w, b]) // [{ params: [w, b] }]
 */
export function paramGroupList(params: unknown): Record<string, unknown>[] {
  if (isTensor(params)) {
    throw new TorchTypeError(`params argument given to the optimizer should be an iterable of Tensors or dicts, but got ${typename(params)}`);
  }
  if (params === null || typeof params !== 'object' || !(Symbol.iterator in params)) {
    throw new TorchTypeError(`params argument given to the optimizer should be an iterable of Tensors or dicts, but got ${describeValue(params)}`);
  }
  const list = [...(params as Iterable<unknown>)];
  if (list.length === 0) throw new ValueError('optimizer got an empty parameter list');
  if (!isPlainObject(list[0])) return [{ params: list }];
  return list.map((g) => {
    if (!isPlainObject(g)) throw new TorchTypeError('param group must be a dict');
    return g;
  });
}

/**
 * A group's `params` as an array of tensors that an optimizer can update: leaves (or
 * tensors that retain grad) unless the optimizer is differentiable.
 * @example groupParams({ params: w }, false) // [w]
 */
export function groupParams(group: Record<string, unknown>, differentiable: boolean): Tensor[] {
  const given = group['params'];
  if (given === undefined) throw new TorchTypeError("param group must have a 'params' entry");
  const params: unknown[] = isTensor(given)
    ? [given]
    : given !== null && typeof given === 'object' && Symbol.iterator in given
      ? [...(given as Iterable<unknown>)]
      : [given];
  for (const p of params) {
    if (!isTensor(p)) throw new TorchTypeError(`optimizer can only optimize Tensors, but one of the params is ${typename(p)}`);
    if (!differentiable && !(p.isLeaf || p.retainsGrad)) throw new ValueError("can't optimize a non-leaf Tensor");
  }
  return params as Tensor[];
}
