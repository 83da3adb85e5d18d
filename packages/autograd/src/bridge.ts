// The AutogradBridge Tensor's autograd members delegate to.

import type { AutogradBridge, Tensor } from '@torchlet/tensor';
import { isFloatingPoint, RuntimeError } from '@torchlet/tensor';
import { accumulatorOf } from './edges.js';
import { backward } from './backward.js';
import { ensureMeta, isLeaf, metaOf, requiresGrad } from './meta.js';
import { refreshView } from './views.js';

const NON_LEAF_GRAD_WARNING =
  "UserWarning: The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad attribute won't be populated during autograd.backward(). If you indeed want the .grad field to be populated for a non-leaf Tensor, use .retain_grad() on the non-leaf Tensor. If you access the non-leaf Tensor by mistake, make sure you access the leaf Tensor instead. See github.com/pytorch/pytorch/pull/30531 for more informations.";

/** @internal The `requiresGrad` creation option (PyTorch words its dtype refusal differently there). */
export function requireGradOnCreation(t: Tensor): void {
  if (!isFloatingPoint(t.dtype)) throw new RuntimeError('Only Tensors of floating point and complex dtype can require gradients');
  setRequiresGrad(t, true);
}

/** @internal `requiresGrad_()` and the `requiresGrad` setter. */
export function setRequiresGrad(t: Tensor, value: boolean): void {
  if (!isLeaf(t)) {
    if (value) return;
    throw new RuntimeError(
      "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().",
    );
  }
  if (value && !isFloatingPoint(t.dtype)) throw new RuntimeError('only Tensors of floating point dtype can require gradients');
  ensureMeta(t).requiresGrad = value;
}

/** The bridge object. */
export const bridge: AutogradBridge = {
  requiresGrad,
  setRequiresGrad,
  grad(t) {
    const m = metaOf(t);
    if (!m) return null;
    if (!isLeaf(t) && !m.retainsGrad && m.grad === null) console.warn(NON_LEAF_GRAD_WARNING);
    return m.grad;
  },
  setGrad(t, g) {
    if (g !== null) {
      if (g.dtype !== t.dtype) throw new RuntimeError('assigned grad has data of a different type');
      if (g.device !== t.device) throw new RuntimeError('assigned grad has data located on a different device');
      if (g.ndim !== t.ndim || g.shape.some((s, i) => s !== t.shape[i])) throw new RuntimeError('assigned grad has data of a different size');
    }
    ensureMeta(t).grad = g;
  },
  gradFn(t) {
    refreshView(t);
    return metaOf(t)?.gradFn ?? null;
  },
  isLeaf,
  retainGrad(t) {
    if (!requiresGrad(t)) throw new RuntimeError("can't retain_grad on Tensor that has requires_grad=False");
    if (isLeaf(t)) return;
    const m = metaOf(t)!;
    m.retainsGrad = true;
    m.gradFn!.retained.set(m.outputNr, m);
  },
  retainsGrad(t) {
    return metaOf(t)?.retainsGrad ?? false;
  },
  backward(t, gradient, opts) {
    backward([t], gradient === undefined ? undefined : [gradient], opts);
  },
  registerHook(t, fn) {
    if (!requiresGrad(t)) throw new RuntimeError("cannot register a hook on a tensor that doesn't require gradient");
    refreshView(t);
    const m = metaOf(t)!;
    return m.gradFn ? m.gradFn.addTensorHook(m.outputNr, fn) : accumulatorOf(t).addTensorHook(0, fn);
  },
  registerPostAccumulateGradHook(t, fn) {
    if (!isLeaf(t)) throw new RuntimeError('post accumulate grad hooks cannot be registered on non-leaf tensors');
    if (!requiresGrad(t)) throw new RuntimeError("cannot register a hook on a tensor that doesn't require gradient");
    return accumulatorOf(t).postAccumulateHooks.add(fn);
  },
  detach_(t) {
    const m = metaOf(t);
    if (t.viewBase) {
      throw new RuntimeError(
        "Can't detach views in-place. Use detach() instead. If you are using DistributedDataParallel (DDP) for training, and gradient_as_bucket_view is set as True, gradients are views of DDP buckets, and hence detach_() cannot be called on these gradients. To fix this error, please refer to the Optimizer.zero_grad() function in torch/optim/optimizer.py as the solution.",
      );
    }
    if (m) {
      m.gradFn = null;
      m.requiresGrad = false;
      m.outputNr = 0;
    }
    return t;
  },
};
