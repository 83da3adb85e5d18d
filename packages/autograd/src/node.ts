// Nodes of the backward graph: the GradFn objects users see as `y.gradFn`.

import type { DType, Device, GradFn, MaybeGrad, RemovableHandle, Tensor } from '@torchlet/tensor';
import type { AutogradMeta } from './meta.js';

/** Where a gradient goes: input `inputNr` of `node` (the forward output index it came from). */
export interface Edge {
  readonly node: Node;
  readonly inputNr: number;
}

/** Shape, dtype and device of a forward tensor, kept to check and shape gradients. */
export interface TensorInfo {
  readonly shape: readonly number[];
  readonly dtype: DType;
  readonly device: Device;
}

/** @internal Shape/dtype/device of `t`. */
export function infoOf(t: Tensor): TensorInfo {
  return { shape: t.shape, dtype: t.dtype, device: t.device };
}

/** A hook registry whose entries are removed by handle, keeping registration order. */
export class HookList<F> {
  private readonly map = new Map<number, F>();
  private static next = 0;
  /** Adds `fn`; the handle removes it. */
  add(fn: F): RemovableHandle {
    const id = HookList.next++;
    this.map.set(id, fn);
    return { remove: () => void this.map.delete(id) };
  }
  /** The hooks in registration order. */
  get list(): F[] {
    return [...this.map.values()];
  }
  get size(): number {
    return this.map.size;
  }
}

type PostHook = (gradInputs: readonly MaybeGrad[], gradOutputs: readonly MaybeGrad[]) => readonly MaybeGrad[] | void;
type PreHook = (gradOutputs: readonly MaybeGrad[]) => readonly MaybeGrad[] | void;
/** A tensor hook (`x.registerHook`): sees the gradient of one output of the node. */
export type TensorHook = (grad: Tensor) => Tensor | void;

let nextSequenceNr = 0;

/**
 * A node: computes the gradients of a forward op's inputs from those of its outputs.
 * Later nodes have larger sequence numbers; the engine runs ready nodes latest first, as PyTorch.
 */
export abstract class Node implements GradFn {
  readonly sequenceNr = nextSequenceNr++;
  /** Per forward input: where its gradient goes (null: nowhere). */
  next: (Edge | null)[] = [];
  /** Per forward input: what its gradient must look like. */
  inputInfo: (TensorInfo | null)[] = [];
  /** Per forward output: what a gradient for it looks like (zeros are made from it). */
  outputInfo: TensorInfo[] = [];
  // hooks and metadata are rare: made on first use (a node is recorded per op call)
  private meta_: Record<string, unknown> | null = null;
  private pre_: HookList<PreHook> | null = null;
  private post_: HookList<PostHook> | null = null;
  private tensorHooks_: Map<number, HookList<TensorHook>> | null = null;
  private retained_: Map<number, AutogradMeta> | null = null;
  /** Whether outputs that got no gradient reach `apply` as zeros (else null: custom Functions may opt out). */
  materializeGrads = true;
  /** Set once saved tensors were freed by a backward without retainGraph. */
  released = false;

  /** The PyTorch node name (`MulBackward0`). @example y.gradFn!.name() */
  abstract name(): string;
  /** Gradients per forward input, from gradients per forward output (missing ones are zeros unless `materializeGrads` is off). */
  abstract apply(grads: readonly MaybeGrad[]): MaybeGrad[];
  /** Frees saved tensors (backward without retainGraph). */
  release(): void {
    this.released = true;
  }

  /** `grad_fn.metadata`: free-form data kept on the node. @example y.gradFn!.metadata['note'] = 1 */
  get metadata(): Record<string, unknown> {
    return (this.meta_ ??= {});
  }
  /** @internal Pre-hooks (registerPrehook). */
  get preHooks(): HookList<PreHook> {
    return (this.pre_ ??= new HookList());
  }
  /** @internal Post-hooks (registerHook). */
  get postHooks(): HookList<PostHook> {
    return (this.post_ ??= new HookList());
  }
  /** @internal Tensor hooks of the node's outputs, by output number (run before the node, in order). */
  get tensorHooks(): Map<number, HookList<TensorHook>> {
    return (this.tensorHooks_ ??= new Map());
  }
  /** @internal Non-leaf outputs that `retainGrad()`: their `.grad` is set from the node's incoming gradient. */
  get retained(): Map<number, AutogradMeta> {
    return (this.retained_ ??= new Map());
  }
  /** @internal Whether any hook or retained grad is registered (the engine skips the hook pass otherwise). */
  get hasHooks(): boolean {
    return this.pre_ !== null || this.post_ !== null || this.tensorHooks_ !== null || this.retained_ !== null;
  }
  /** @internal Anomaly mode's record of where the forward op was called, if any. */
  get forwardTrace(): unknown {
    return this.meta_?.['traceback_'];
  }

  /** `grad_fn.next_functions`. @example y.gradFn!.nextFunctions[0]![0]!.name() */
  get nextFunctions(): readonly (readonly [GradFn | null, number])[] {
    return this.next.map((e) => (e ? ([e.node, e.inputNr] as const) : ([null, 0] as const)));
  }

  /** `grad_fn.register_hook(fn)`: `fn(gradInputs, gradOutputs)` after the node ran. @example y.gradFn!.registerHook((gi) => gi) */
  registerHook(fn: PostHook): RemovableHandle {
    return this.postHooks.add(fn);
  }

  /** `grad_fn.register_prehook(fn)`: `fn(gradOutputs)` before the node runs. @example y.gradFn!.registerPrehook((go) => go) */
  registerPrehook(fn: PreHook): RemovableHandle {
    return this.preHooks.add(fn);
  }

  /** @internal Adds a tensor hook on output `outputNr`. */
  addTensorHook(outputNr: number, fn: TensorHook): RemovableHandle {
    let list = this.tensorHooks.get(outputNr);
    if (!list) this.tensorHooks.set(outputNr, (list = new HookList()));
    return list.add(fn);
  }

  /** What `console.log(gradFn)` prints, as PyTorch's repr. */
  toString(): string {
    return `<${this.name()} object>`;
  }
}
