// Full backward hooks, as torch.utils.hooks.BackwardHook: the module's tensor inputs and outputs
// pass through an identity autograd Function, whose nodes see the gradients of both.

import type { MaybeGrad, Tensor } from '@torchlet/tensor';
import { RuntimeError, isTensor } from '@torchlet/tensor';
import type { FunctionCtx } from '@torchlet/autograd';
import { Function, isGradEnabled } from '@torchlet/autograd';
import type { FullBackwardHook, FullBackwardPreHook } from './hookTypes.js';
import type { Module } from './module.js';

/** The identity whose backward node (`BackwardHookFunctionBackward`) carries the module's hooks. */
class BackwardHookFunction extends Function {
  static override forward(ctx: FunctionCtx, ...args: Tensor[]): Tensor[] {
    ctx.markNonDifferentiable(...args.filter((a) => !a.requiresGrad));
    return args;
  }
  static override backward(_ctx: FunctionCtx, ...grads: MaybeGrad[]): MaybeGrad[] {
    return grads;
  }
}

/** One forward call's backward hooks (PyTorch makes one per call, too). */
export class BackwardHook {
  private gradOutputs: MaybeGrad[] | null = null;
  private inputIndex: number[] | null = null;
  private outputIndex: number[] | null = null;
  private nInputs = 0;
  private nOutputs = 0;

  constructor(
    private readonly module: Module,
    private readonly hooks: readonly FullBackwardHook[],
    private readonly preHooks: readonly FullBackwardPreHook[],
  ) {}

  /** The arguments with their tensors passed through the identity; the input node gets the user hooks. */
  setupInputHook(args: unknown[]): unknown[] {
    this.nInputs = args.length;
    const [res, index] = this.applyOnTensors(args, (node) =>
      node.registerHook((gradInput) => {
        if (this.gradOutputs === null) return undefined; // the output's gradient was not computed
        let res = this.packWithNone(this.inputIndex!, gradInput, this.nInputs);
        for (const hook of this.hooks) {
          const out = hook(this.module, res, this.gradOutputs);
          if (out === undefined || out === null) continue;
          if (out.length !== res.length) {
            throw new RuntimeError(`Backward hook returned an invalid number of grad_input, got ${out.length}, but expected ${res.length}`);
          }
          res = [...out];
        }
        this.gradOutputs = null;
        return this.inputIndex!.map((i) => res[i] ?? null);
      }),
    );
    this.inputIndex = index;
    return res;
  }

  /** The result with its tensors passed through the identity; the output node records gradOutput and runs the pre-hooks. */
  setupOutputHook(result: unknown): unknown {
    const isTuple = Array.isArray(result);
    const outs: unknown[] = isTuple ? result : [result];
    this.nOutputs = outs.length;
    const [res, index] = this.applyOnTensors(outs, (node) =>
      node.registerPrehook((gradOutput) => {
        this.gradOutputs = this.packWithNone(this.outputIndex!, gradOutput, this.nOutputs);
        for (const pre of this.preHooks) {
          const r = pre(this.module, this.gradOutputs);
          if (r === undefined || r === null) continue;
          if (r.length !== this.gradOutputs.length) {
            throw new RuntimeError(`Backward pre hook returned an invalid number of grad_output, got ${r.length}, but expected ${this.gradOutputs.length}`);
          }
          this.gradOutputs = [...r];
        }
        const local = this.gradOutputs;
        if (this.inputIndex === null) {
          // no input requires grad: the hooks run here, with None for every input
          const gradInputs = new Array<MaybeGrad>(this.nInputs).fill(null);
          for (const hook of this.hooks) {
            const r = hook(this.module, gradInputs, this.gradOutputs);
            if (r !== undefined && r !== null && !r.every((g) => g === null)) {
              throw new RuntimeError('Backward hook for Modules where no input requires gradient should always return None or None for all gradients.');
            }
          }
          this.gradOutputs = null;
        }
        return this.outputIndex!.map((i) => local[i] ?? null);
      }),
    );
    this.outputIndex = index;
    return isTuple ? res : res[0];
  }

  private packWithNone(index: readonly number[], values: readonly MaybeGrad[], size: number): MaybeGrad[] {
    const out = new Array<MaybeGrad>(size).fill(null);
    index.forEach((i, k) => (out[i] = values[k] ?? null));
    return out;
  }

  /** Passes the tensors of `args` through the identity when one requires grad; null index otherwise. */
  private applyOnTensors(args: unknown[], attach: (node: NonNullable<Tensor['gradFn']>) => void): [unknown[], number[] | null] {
    const index: number[] = [];
    const tensors: Tensor[] = [];
    args.forEach((a, i) => {
      if (isTensor(a)) {
        index.push(i);
        tensors.push(a);
      }
    });
    if (!(tensors.some((t) => t.requiresGrad) && isGradEnabled())) return [args, null];
    const wrapped = BackwardHookFunction.apply(...tensors);
    const node = wrapped.map((t) => t.gradFn).find((g) => g !== null && g.name() === 'BackwardHookFunctionBackward');
    if (node === undefined || node === null) throw new RuntimeError('Error while setting up backward hooks. Please open an issue with a code sample to reproduce this.');
    attach(node);
    const out = [...args];
    index.forEach((i, k) => (out[i] = wrapped[k]));
    return [out, index];
  }
}
