// Small pieces the derivative families share.

import type { Tensor } from '@torchlet/tensor';
import { asStrided, asStridedScatter, NotImplementedError, zeros } from '@torchlet/tensor';
import type { VjpContext } from './types.js';

/** Input `i` of the forward op: the saved tensor, or the scalar that stood there (from `args.a`/`args.b`). */
export function operandOf(ctx: VjpContext, i: number): Tensor | number {
  const scalar = ctx.args[i === 0 ? 'a' : 'b'];
  return typeof scalar === 'number' ? scalar : ctx.input(i);
}

/** Zeros shaped like forward input `i`, in the gradient's dtype and device. */
export function zerosFor(ctx: VjpContext, i: number, like: Tensor = ctx.grad): Tensor {
  return zeros([...ctx.inputShape(i)], { dtype: like.dtype, device: like.device });
}

/**
 * The gradient of a view op: `g` written into zeros shaped as the view's input, where the view
 * reads. `replay` applies the same view op to a tensor of the input's shape (the geometry is
 * read off a contiguous zeros tensor, so the result stays differentiable through asStridedScatter).
 */
export function embedView(g: Tensor, inputShape: readonly number[], replay: (t: Tensor) => Tensor): Tensor {
  const z = zeros([...inputShape], { dtype: g.dtype, device: g.device });
  const v = viewOf(z, replay);
  return asStridedScatter(z, g.reshape(v.shape), v.shape, v.strides, v.offset);
}

/** The region of `g` (shaped as the view's input) that the view reads, as a differentiable op. */
export function viewOfGrad(g: Tensor, replay: (t: Tensor) => Tensor): Tensor {
  const gc = g.contiguous();
  const z = zeros([...g.shape], { dtype: g.dtype, device: g.device });
  const v = viewOf(z, replay);
  return asStrided(gc, v.shape, v.strides, gc.offset + v.offset);
}

/** `g` with the region the view reads set to zero. */
export function zeroViewOfGrad(g: Tensor, replay: (t: Tensor) => Tensor): Tensor {
  const gc = g.contiguous();
  const z = zeros([...g.shape], { dtype: g.dtype, device: g.device });
  const v = viewOf(z, replay);
  return asStridedScatter(gc, zeros([...v.shape], { dtype: g.dtype, device: g.device }), v.shape, v.strides, v.offset);
}

/** `replay(z)`, which must be a view of `z` (its geometry is what the gradient uses). */
function viewOf(z: Tensor, replay: (t: Tensor) => Tensor): Tensor {
  const v = replay(z);
  if (v.storage !== z.storage) {
    // e.g. indexing with tensors copies: its gradient is a scatter-add, not a strided write
    throw new NotImplementedError('the gradient of an indexing op that copies (this derivative handles views only)');
  }
  return v;
}

/** A dim in [0, rank). */
export function wrapDim(d: number, rank: number): number {
  return d < 0 ? d + rank : d;
}
