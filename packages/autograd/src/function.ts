// Custom autograd functions: `class MyFn extends torch.autograd.Function { static forward(ctx, …);
// static backward(ctx, …) }` and `MyFn.apply(…)`, as torch.autograd.Function.

import type { MaybeGrad, Tensor } from '@torchlet/tensor';
import { isFloatingPoint, isTensor, RuntimeError } from '@torchlet/tensor';
import { isAnomalyEnabled } from './anomalyMode.js';
import { gradientEdge } from './edges.js';
import { isGradEnabled, noGrad } from './gradMode.js';
import { ensureMeta, isLeaf, metaOf, requiresGrad } from './meta.js';
import { infoOf, Node } from './node.js';
import { SavedTensor } from './saved.js';
import { rebaseView } from './views.js';

/** The `ctx` of a custom Function: what forward leaves for backward. Other fields may be set freely. */
export class FunctionCtx {
  /** `ctx.needs_input_grad`: per forward argument, whether its gradient is needed. */
  needsInputGrad: readonly boolean[] = [];
  /** @internal */
  saved: SavedTensor[] | null = [];
  /** @internal */
  savedNulls: boolean[] = [];
  /** @internal */
  dirty = new Set<Tensor>();
  /** @internal */
  nonDifferentiable = new Set<Tensor>();
  /** @internal */
  materializeGrads = true;
  [key: string]: unknown;

  /** `ctx.save_for_backward(*tensors)`: tensors backward reads through `savedTensors` (checked for in-place changes). @example ctx.saveForBackward(x, y) */
  saveForBackward(...tensors: (Tensor | null)[]): void {
    this.savedNulls = tensors.map((t) => t === null);
    this.saved = tensors.map((t) => (t === null ? null : new SavedTensor(t))).filter((s): s is SavedTensor => s !== null);
  }

  /** `ctx.saved_tensors`: what `saveForBackward` kept. @example const [x, y] = ctx.savedTensors */
  get savedTensors(): (Tensor | null)[] {
    if (this.saved === null) {
      throw new RuntimeError(
        'Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.',
      );
    }
    let k = 0;
    return this.savedNulls.map((isNull) => (isNull ? null : this.saved![k++]!.unpack()));
  }

  /** `ctx.mark_dirty(*tensors)`: inputs forward modified in place (and returns). @example ctx.markDirty(x) */
  markDirty(...tensors: Tensor[]): void {
    for (const t of tensors) this.dirty.add(t);
  }

  /** `ctx.mark_non_differentiable(*outputs)`: outputs that get no gradient (indices, masks). @example ctx.markNonDifferentiable(idx) */
  markNonDifferentiable(...tensors: Tensor[]): void {
    for (const t of tensors) this.nonDifferentiable.add(t);
  }

  /** `ctx.set_materialize_grads(value)`: false passes null (not zeros) for outputs that got no gradient. @example ctx.setMaterializeGrads(false) */
  setMaterializeGrads(value: boolean): void {
    this.materializeGrads = value;
  }
}

/** A forward argument: tensors and anything else (numbers, options …). */
export type FunctionArg = unknown;

/** The static side of a custom Function subclass. */
interface FunctionClass {
  readonly name: string;
  forward(ctx: FunctionCtx, ...args: never[]): Tensor | readonly Tensor[];
  backward(ctx: FunctionCtx, ...grads: never[]): MaybeGrad | undefined | readonly (MaybeGrad | undefined)[];
}

/** The node of one custom Function call: runs the user's backward. */
class FunctionNode extends Node {
  constructor(private readonly cls: FunctionClass, private readonly ctx: FunctionCtx, private readonly argCount: number, private readonly tensorArg: boolean[]) {
    super();
    this.materializeGrads = ctx.materializeGrads;
  }
  name(): string {
    return `${this.cls.name}Backward`;
  }
  apply(grads: readonly MaybeGrad[]): MaybeGrad[] {
    const backward = this.cls.backward as (ctx: FunctionCtx, ...g: MaybeGrad[]) => MaybeGrad | undefined | readonly (MaybeGrad | undefined)[];
    const r = backward.call(this.cls, this.ctx, ...grads);
    const list = Array.isArray(r) ? (r as readonly (MaybeGrad | undefined)[]) : [r as MaybeGrad | undefined];
    if (list.length !== this.argCount) {
      throw new RuntimeError(`function ${this.name()} returned an incorrect number of gradients (expected ${this.argCount}, got ${list.length})`);
    }
    return list.map((g, i) => {
      if (g === undefined || g === null) return null;
      if (!this.tensorArg[i]) {
        throw new RuntimeError(
          `function ${this.name()} returned a gradient different than None at position ${i + 1}, but the corresponding forward input was not a Variable`,
        );
      }
      return g;
    });
  }
  override release(): void {
    super.release();
    for (const s of this.ctx.saved ?? []) s.release();
    this.ctx.saved = null;
  }
}

/**
 * Base class of custom differentiable functions, as `torch.autograd.Function`.
 * @example
 * class Exp extends torch.autograd.Function {
 *   static forward(ctx: FunctionCtx, x: Tensor) { const y = x.exp(); ctx.saveForBackward(y); return y; }
 *   static backward(ctx: FunctionCtx, g: Tensor) { const [y] = ctx.savedTensors; return g.mul(y!); }
 * }
 * const y = Exp.apply(x);
 */
export class Function {
  /** Computes the outputs (runs without recording); override it. @example static forward(ctx, x) { return x.mul(2); } */
  static forward(_ctx: FunctionCtx, ..._args: never[]): Tensor | readonly Tensor[] {
    throw new RuntimeError('You must implement the forward function for custom autograd.Function.');
  }

  /** Gradients of the forward arguments from those of the outputs (null for non-tensor arguments); override it. @example static backward(ctx, g) { return g.mul(2); } */
  static backward(_ctx: FunctionCtx, ..._grads: never[]): MaybeGrad | undefined | readonly (MaybeGrad | undefined)[] {
    throw new RuntimeError('You must implement either the backward or vjp method for your custom autograd.Function to use it with backward mode AD.');
  }

  /**
   * `MyFn.apply(...args)`: runs `forward` and, when an argument requires grad, records a node
   * whose backward is `MyFn.backward`.
   * @example const y = MyFn.apply(x, 3)
   */
  static apply<C extends FunctionClass>(this: C, ...args: ForwardArgs<C>): ReturnType<C['forward']> {
    const ctx = new FunctionCtx();
    const list = args as readonly FunctionArg[];
    const tensorArg = list.map((a) => isTensor(a));
    ctx.needsInputGrad = list.map((a) => isTensor(a) && requiresGrad(a));
    const forward = this.forward as (ctx: FunctionCtx, ...a: FunctionArg[]) => Tensor | readonly Tensor[];
    const raw = noGrad(() => forward.call(this, ctx, ...list));
    const record = isGradEnabled() && ctx.needsInputGrad.some(Boolean);
    if (!record) return raw as ReturnType<C['forward']>;
    const outs = isTensor(raw) ? [raw] : [...raw];
    const node = new FunctionNode(this, ctx, list.length, tensorArg);
    node.next = list.map((a) => (isTensor(a) ? gradientEdge(a) : null));
    node.inputInfo = list.map((a) => (isTensor(a) ? infoOf(a) : null));
    if (isAnomalyEnabled()) node.metadata['traceback_'] = new Error().stack?.split('\n').slice(2).join('\n');
    const result = outs.map((o, k) => {
      if (ctx.dirty.has(o)) {
        if (isLeaf(o) && requiresGrad(o)) throw new RuntimeError('a leaf Variable that requires grad has been used in an in-place operation.');
        rebaseView(o, node);
        metaOf(o)!.outputNr = k;
        return o;
      }
      // an input returned as is becomes a new tensor of this node (its own history stays intact)
      const out = list.includes(o) ? o.detach() : o;
      if (!ctx.nonDifferentiable.has(o) && isFloatingPoint(out.dtype)) {
        const m = ensureMeta(out);
        m.gradFn = node;
        m.outputNr = k;
      }
      return out;
    });
    node.outputInfo = result.map(infoOf);
    return (isTensor(raw) ? result[0] : result) as ReturnType<C['forward']>;
  }
}

/** The arguments of `C.forward` after `ctx`. */
export type ForwardArgs<C extends FunctionClass> = C['forward'] extends (ctx: FunctionCtx, ...args: infer A) => unknown ? A : never;
