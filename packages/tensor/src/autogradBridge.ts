// What Tensor's autograd members (requiresGrad, grad, backward, …) delegate to.
// @torchlet/autograd installs the bridge on import; without it they say so.

import { NotImplementedError } from './errors.js';
import type { Tensor } from './tensor.js';

/** What `remove()`s a registered hook, as PyTorch's RemovableHandle. */
export interface RemovableHandle {
  /** Unregisters the hook. @example const h = x.registerHook((g) => g.mul(2)); h.remove() */
  remove(): void;
}

/** A gradient slot: a tensor, or null where no gradient flows. */
export type MaybeGrad = Tensor | null;

/** A node of the backward graph, as `y.grad_fn` in PyTorch. */
export interface GradFn {
  /** The node's PyTorch name. @example x.mul(2).gradFn!.name() // 'MulBackward0' */
  name(): string;
  /** `[node, inputNr]` per input of the forward op (null where no gradient flows). */
  readonly nextFunctions: readonly (readonly [GradFn | null, number])[];
  /** Free-form data attached to the node (anomaly mode stores the forward trace here). */
  readonly metadata: Record<string, unknown>;
  /**
   * Called after the node ran, with the gradients it computed (per forward input) and the
   * ones it received (per forward output); may return replacement gradients for the inputs.
   */
  registerHook(fn: (gradInputs: readonly MaybeGrad[], gradOutputs: readonly MaybeGrad[]) => readonly MaybeGrad[] | void): RemovableHandle;
  /** Called before the node runs with the gradients it received; may return replacements. */
  registerPrehook(fn: (gradOutputs: readonly MaybeGrad[]) => readonly MaybeGrad[] | void): RemovableHandle;
}

/** Options of `backward()`. */
export interface BackwardOptions {
  /** Keep saved tensors so that backward can run through the graph again. */
  retainGraph?: boolean;
  /** Record the backward pass itself, for higher-order gradients. */
  createGraph?: boolean;
  /** Accumulate only into these tensors' `.grad`. */
  inputs?: Tensor | readonly Tensor[];
}

/** What @torchlet/autograd provides to Tensor. */
export interface AutogradBridge {
  requiresGrad(t: Tensor): boolean;
  setRequiresGrad(t: Tensor, value: boolean): void;
  grad(t: Tensor): Tensor | null;
  setGrad(t: Tensor, g: Tensor | null): void;
  gradFn(t: Tensor): GradFn | null;
  isLeaf(t: Tensor): boolean;
  retainGrad(t: Tensor): void;
  retainsGrad(t: Tensor): boolean;
  backward(t: Tensor, gradient: Tensor | undefined, opts: BackwardOptions | undefined): void;
  registerHook(t: Tensor, fn: (grad: Tensor) => Tensor | void): RemovableHandle;
  registerPostAccumulateGradHook(t: Tensor, fn: (t: Tensor) => void): RemovableHandle;
  detach_(t: Tensor): Tensor;
}

let bridge: AutogradBridge | undefined;

/** @internal Installed by @torchlet/autograd. @example setAutogradBridge(bridge) */
export function setAutogradBridge(b: AutogradBridge | undefined): void {
  bridge = b;
}

/** @internal The installed bridge, or PyTorch-style refusal naming the missing package. */
export function autogradBridge(what: string): AutogradBridge {
  if (!bridge) throw new NotImplementedError(`${what} needs @torchlet/autograd (import '@torchlet/autograd')`);
  return bridge;
}

/** @internal The installed bridge or undefined (for reads that have a natural answer without it). */
export function maybeAutogradBridge(): AutogradBridge | undefined {
  return bridge;
}
