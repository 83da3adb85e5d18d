// The shape of one entry of the derivative table.

import type { DType, MaybeGrad, OpCall, Tensor } from '@torchlet/tensor';

/** What a vjp sees: the incoming gradients, the saved tensors and the op's arguments. */
export interface VjpContext {
  /** Gradient of each forward output (zeros where none flowed). */
  readonly grads: readonly Tensor[];
  /** `grads[0]`. */
  readonly grad: Tensor;
  /** The op's non-tensor arguments. */
  readonly args: Readonly<Record<string, unknown>>;
  /** Forward input `i` as saved (its original value for in-place ops); must be listed in `save.inputs`. */
  input(i: number): Tensor;
  /** Forward output `i` as saved; must be listed in `save.outputs`. */
  output(i?: number): Tensor;
  /** Whether forward input `i` was a tensor (not a scalar or absent). */
  has(i: number): boolean;
  /** Shape of forward input `i`. */
  inputShape(i: number): readonly number[];
  /** Dtype of forward input `i`. */
  inputDtype(i: number): DType;
  /** Whether input `i` needs a gradient (ctx.needs_input_grad). */
  needs(i: number): boolean;
  /** Whether the forward op was in-place. */
  readonly inplace: boolean;
}

/** One derivative: the PyTorch node name, what to save in forward, and the vjp. */
export interface Derivative {
  /** The node name PyTorch gives (`MulBackward0`); a function where it depends on the call. */
  readonly node: string | ((call: OpCall, outputs: readonly Tensor[]) => string);
  /** Forward inputs and outputs the vjp reads. */
  readonly save?: { readonly inputs?: readonly number[]; readonly outputs?: readonly number[] };
  /** Gradients of the forward inputs (in order; null/undefined where none), written with tensor ops. */
  vjp(ctx: VjpContext): readonly (MaybeGrad | undefined)[];
}

/** The derivative table: op name → derivative. */
export type DerivativeTable = ReadonlyMap<string, Derivative>;
