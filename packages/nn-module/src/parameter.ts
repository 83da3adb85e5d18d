// torch.nn.Parameter: a Tensor that a Module registers when it is assigned to a field.

import type { Tensor } from '@torchlet/tensor';
import { Tensor as TensorClass, empty, signature } from '@torchlet/tensor';

const PARAMETER_ARGS = signature<{ '': { data: Tensor | null; requiresGrad: boolean } }>(
  'Parameter(Tensor? data=None, bool requires_grad=True)',
);

/**
 * A tensor that is a module parameter, as `torch.nn.Parameter`: it shares `data`'s storage, is
 * a leaf, and requires grad unless told otherwise. Assigning one to a Module field registers it.
 * @example
 * const w = new nn.Parameter(torch.randn(3, 2));
 * w.requiresGrad // true
 * String(w) // 'Parameter containing:\ntensor([[…]], requires_grad=True)'
 */
export class Parameter extends TensorClass {
  constructor(...args: [data?: Tensor | null, requiresGrad?: boolean, opts?: { requiresGrad?: boolean }] | [opts: { data?: Tensor | null; requiresGrad?: boolean }]) {
    const a = PARAMETER_ARGS.parse(args);
    const d = a.data ?? empty(0);
    super(d.storage, [...d.shape], [...d.strides], d.offset);
    this.requiresGrad = a.requiresGrad;
  }

  /** Prints as PyTorch's `repr(param)`: `Parameter containing:` above the tensor. @example String(new nn.Parameter(torch.zeros(1))) */
  override toString(): string {
    return `Parameter containing:\n${super.toString()}`;
  }
}

/**
 * `torch.nn.parameter.UninitializedParameter`: the placeholder a lazy module (`LazyLinear`)
 * holds until its first forward gives it a shape; `materialize(shape)` turns it into a Parameter.
 * @example const p = new nn.UninitializedParameter(); p.materialize([3, 4]); p instanceof nn.Parameter // true
 */
export class UninitializedParameter extends Parameter {
  constructor(requiresGrad = true) {
    super(empty(0), requiresGrad);
  }

  /** Gives the parameter storage of `shape` (uninitialised values) and makes it a plain Parameter. @example p.materialize([10, 3]) */
  materialize(shape: readonly number[], opts: { device?: Tensor['device']; dtype?: Tensor['dtype'] } = {}): void {
    this.set_(empty([...shape], { device: opts.device ?? this.device, dtype: opts.dtype ?? this.dtype }));
    Object.setPrototypeOf(this, Parameter.prototype);
  }

  /** `<UninitializedParameter>`, as PyTorch prints it. @example String(new nn.UninitializedParameter()) */
  override toString(): string {
    return '<UninitializedParameter>';
  }
}

/**
 * `torch.nn.parameter.is_lazy(param)`: whether `t` is an UninitializedParameter.
 * @example isLazy(new nn.UninitializedParameter()) // true
 */
export function isLazy(t: unknown): t is UninitializedParameter {
  return t instanceof UninitializedParameter;
}
