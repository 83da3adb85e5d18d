// backward() and torch.autograd.grad(): roots and captures for the engine.

import type { MaybeGrad, Tensor } from '@torchlet/tensor';
import { onesLike, RuntimeError, zerosLike } from '@torchlet/tensor';
import { gradientEdge } from './edges.js';
import type { Capture } from './engine.js';
import { runBackward } from './engine.js';
import type { Edge } from './node.js';

const list = (x: Tensor | readonly Tensor[]): readonly Tensor[] => (Array.isArray(x) ? (x as readonly Tensor[]) : [x as Tensor]);

/** The root edges with their gradients (ones for scalar outputs when none are given). */
function roots(outputs: readonly Tensor[], gradOutputs: readonly (Tensor | null | undefined)[] | undefined): { edge: Edge; grad: Tensor }[] {
  if (gradOutputs && gradOutputs.length !== outputs.length) {
    throw new RuntimeError(`grad can be implicitly created only for scalar outputs`);
  }
  return outputs.map((t, i) => {
    const edge = gradientEdge(t);
    if (!edge) throw new RuntimeError(`element ${i} of tensors does not require grad and does not have a grad_fn`);
    let g = gradOutputs?.[i] ?? null;
    if (g === null) {
      if (t.numel() !== 1) throw new RuntimeError('grad can be implicitly created only for scalar outputs');
      g = onesLike(t);
    } else if (g.ndim !== t.ndim || g.shape.some((s, k) => s !== t.shape[k])) {
      throw new RuntimeError(
        `Mismatch in shape: grad_output[${i}] has a shape of torch.Size([${g.shape.join(', ')}]) and output[${i}] has a shape of torch.Size([${t.shape.join(', ')}]).`,
      );
    }
    return { edge, grad: g };
  });
}

/** Options of `torch.autograd.backward` / `tensor.backward`. */
export interface BackwardRunOptions {
  retainGraph?: boolean;
  createGraph?: boolean;
  inputs?: Tensor | readonly Tensor[];
}

/**
 * `torch.autograd.backward(tensors, gradTensors?, { retainGraph, createGraph, inputs })`:
 * accumulates the gradients of `tensors` into the leaves' `.grad` (only `inputs`' when given).
 * @example torch.autograd.backward([loss])
 */
export function backward(tensors: Tensor | readonly Tensor[], gradTensors?: Tensor | readonly (Tensor | null)[] | null, opts?: BackwardRunOptions): void {
  const outs = list(tensors);
  const grads = gradTensors == null ? undefined : Array.isArray(gradTensors) ? (gradTensors as readonly (Tensor | null)[]) : [gradTensors as Tensor];
  const createGraph = opts?.createGraph ?? false;
  let captures: Capture[] | undefined;
  if (opts?.inputs !== undefined) {
    const inputs = list(opts.inputs);
    if (inputs.length === 0) throw new RuntimeError("'inputs' argument to backward() cannot be empty.");
    captures = inputs.map((t) => {
      const edge = gradientEdge(t);
      if (!edge) throw new RuntimeError('One of the differentiated Tensors does not require grad');
      return { edge, accumulateTo: t };
    });
  }
  runBackward(roots(outs, grads), { retainGraph: opts?.retainGraph ?? createGraph, createGraph, captures });
}

/** Options of `torch.autograd.grad`. */
export interface GradOptions {
  gradOutputs?: Tensor | readonly (Tensor | null)[] | null;
  retainGraph?: boolean;
  createGraph?: boolean;
  allowUnused?: boolean;
  /** Zeros instead of null for inputs the outputs do not depend on. */
  materializeGrads?: boolean;
}

/**
 * `torch.autograd.grad(outputs, inputs, { gradOutputs, retainGraph, createGraph, allowUnused, materializeGrads })`:
 * the gradients of `outputs` with respect to `inputs`, returned instead of accumulated.
 * @example const [dx] = torch.autograd.grad(x.pow(2).sum(), [x]) // 2 * x
 */
export function grad(outputs: Tensor | readonly Tensor[], inputs: Tensor | readonly Tensor[], opts?: GradOptions): MaybeGrad[] {
  const outs = list(outputs);
  const ins = list(inputs);
  const go = opts?.gradOutputs;
  const grads = go == null ? undefined : Array.isArray(go) ? (go as readonly (Tensor | null)[]) : [go as Tensor];
  const createGraph = opts?.createGraph ?? false;
  const materialize = opts?.materializeGrads ?? false;
  if (materialize && opts?.allowUnused === false) {
    throw new RuntimeError('Expected allow_unused to be True or not passed when materialize_grads=True, but got: allow_unused=False.');
  }
  const allowUnused = opts?.allowUnused ?? materialize;
  const captures = ins.map((t) => {
    const edge = gradientEdge(t);
    if (!edge) throw new RuntimeError('One of the differentiated Tensors does not require grad');
    return { edge };
  });
  const result = runBackward(roots(outs, grads), { retainGraph: opts?.retainGraph ?? createGraph, createGraph, captures });
  return result.map((g, i) => {
    if (g !== null) return g;
    if (!allowUnused) {
      throw new RuntimeError('One of the differentiated Tensors appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior.');
    }
    return materialize ? zerosLike(ins[i]!) : null;
  });
}
