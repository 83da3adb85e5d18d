// F.softmax, F.softmin, F.log_softmax: the tensor package's softmax, with PyTorch's implicit dim.

import type { DType, Tensor } from '@torchlet/tensor';
import { signature } from '@torchlet/tensor';
import type { Args } from '../args.js';

interface SoftmaxArgs {
  input: Tensor;
  dim: number | null;
  _stacklevel: number;
  dtype: DType | null;
}
type SoftmaxRest = Args<[dim: number | null, _stacklevel: number, dtype: DType | null], { dim?: number | null; dtype?: DType | null }>;
const sig = (name: string) => signature<{ '': SoftmaxArgs }>(`${name}(Tensor input, int? dim=None, int _stacklevel=3, ScalarType? dtype=None)`);
const SOFTMAX = sig('softmax');
const SOFTMIN = sig('softmin');
const LOG_SOFTMAX = sig('log_softmax');

/** `_get_softmax_dim`: the deprecated implicit dim (0 for 0-, 1- and 3-D input, else 1), with PyTorch's warning. */
export function softmaxDim(name: string, ndim: number): number {
  console.warn(`Implicit dimension choice for ${name} has been deprecated. Change the call to include dim=X as an argument.`);
  return ndim === 0 || ndim === 1 || ndim === 3 ? 0 : 1;
}

function run(a: SoftmaxArgs, name: string, x: Tensor, log: boolean): Tensor {
  const dim = a.dim ?? softmaxDim(name, x.ndim);
  const opts = a.dtype === null ? {} : { dtype: a.dtype };
  return log ? x.logSoftmax(dim, opts) : x.softmax(dim, opts);
}

/** `F.softmax(input, dim=None, dtype=None)`. @example F.softmax(torch.tensor([[0, 1]]).float(), 1) // tensor([[0.2689, 0.7311]]) */
export function softmax(input: Tensor, ...rest: SoftmaxRest): Tensor {
  const a = SOFTMAX.parse([input, ...rest]);
  return run(a, 'softmax', a.input, false);
}

/** `F.softmin(input, dim=None, dtype=None)`: softmax(−x). @example F.softmin(torch.tensor([[0, 1]]).float(), 1) // tensor([[0.7311, 0.2689]]) */
export function softmin(input: Tensor, ...rest: SoftmaxRest): Tensor {
  const a = SOFTMIN.parse([input, ...rest]);
  return run(a, 'softmin', a.input.neg(), false);
}

/** `F.log_softmax(input, dim=None, dtype=None)`. @example F.logSoftmax(torch.tensor([[0, 1]]).float(), 1) // tensor([[-1.3133, -0.3133]]) */
export function logSoftmax(input: Tensor, ...rest: SoftmaxRest): Tensor {
  const a = LOG_SOFTMAX.parse([input, ...rest]);
  return run(a, 'log_softmax', a.input, true);
}
