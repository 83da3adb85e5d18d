// The hook tensor's `traced` calls: decides what to record and builds the nodes.

import type { AutogradHook, OpCall, Tensor } from '@torchlet/tensor';
import { isFloatingPoint, opRegistry, RuntimeError } from '@torchlet/tensor';
import { isAnomalyEnabled } from './anomalyMode.js';
import { derivatives } from './derivatives/index.js';
import type { Derivative } from './derivatives/types.js';
import { gradientEdge } from './edges.js';
import { isGradEnabled } from './gradMode.js';
import { ensureMeta, isLeaf, metaOf, requiresGrad } from './meta.js';
import { infoOf } from './node.js';
import { OpNode } from './opNode.js';
import { SavedTensor } from './saved.js';
import { markViewCurrent, rebaseView } from './views.js';

/** An in-place op without a derivative on a tensor that requires grad: no gradient flows to `self` any more. */
const ZERO_GRAD: Derivative = {
  node: (call) => `${call.op[0]!.toUpperCase()}${call.op.slice(1)}Backward0`,
  vjp: (ctx) => [ctx.grad.mul(0)],
};

/** PyTorch's refusals of in-place writes autograd cannot handle. */
function checkInplace(self: Tensor): void {
  const base = self.viewBase;
  if (base && isLeaf(base) && requiresGrad(base)) {
    throw new RuntimeError('a view of a leaf Variable that requires grad is being used in an in-place operation.');
  }
  const m = metaOf(self);
  if (!m) return;
  if (isLeaf(self) && m.requiresGrad && !base) {
    throw new RuntimeError('a leaf Variable that requires grad is being used in an in-place operation.');
  }
  if (m.multiOutputViewOf) {
    throw new RuntimeError(
      `Output ${m.outputNr} of ${m.multiOutputViewOf} is a view and is being modified inplace. This view is the output of a function that returns multiple views. Such functions do not allow the output views to be modified inplace. You should replace the inplace operation by an out-of-place one.`,
    );
  }
}

function nodeName(d: Derivative, call: OpCall, outputs: readonly Tensor[]): string {
  return typeof d.node === 'string' ? d.node : d.node(call, outputs);
}

/** Captures where the op was called from (anomaly mode). */
function forwardTrace(): string {
  const stack = new Error().stack ?? '';
  return stack.split('\n').slice(1).filter((l) => !/[/\\](autograd|tensor)[/\\]src[/\\]/.test(l)).join('\n');
}

/** The hook @torchlet/autograd installs in tensor's `traced`. */
export const recordingHook: AutogradHook = {
  wants(call: OpCall): boolean {
    if (!isGradEnabled()) return false;
    return call.inputs.some((t) => t !== undefined && requiresGrad(t));
  },

  beforeInplace(call: OpCall): unknown {
    const self = call.inputs[0]!;
    checkInplace(self);
    // the vjp reads self as it was before the op: keep a copy, recorded so that it stays
    // connected to self's history (double backward differentiates through it)
    return derivatives.get(call.op)?.save?.inputs?.includes(0) ? self.clone() : undefined;
  },

  record(call: OpCall, outputs: readonly Tensor[], inplace: boolean, before: unknown): void {
    const info = opRegistry.get(call.op);
    let d = derivatives.get(call.op);
    if (info && !info.differentiable) {
      if (!inplace || !requiresGrad(call.inputs[0]!)) return;
      d = ZERO_GRAD;
    }
    const floatOut = outputs.map((o) => isFloatingPoint(o.dtype));
    if (!floatOut.some(Boolean)) return;
    const name = d ? nodeName(d, call, outputs) : `${call.op}Backward`;
    const savedInputs = new Map<number, SavedTensor>();
    const savedOutputs = new Map<number, SavedTensor>();
    const node = new OpNode(name, d, call, inplace, savedInputs, savedOutputs);
    node.next = call.inputs.map((t) => (t ? gradientEdge(t) : null));
    node.inputInfo = call.inputs.map((t) => (t ? infoOf(t) : null));
    node.outputInfo = outputs.map(infoOf);
    if (isAnomalyEnabled()) node.metadata['traceback_'] = forwardTrace();
    for (const i of d?.save?.inputs ?? []) {
      const t = inplace && i === 0 ? (before as Tensor | undefined) : call.inputs[i];
      if (t) savedInputs.set(i, new SavedTensor(t));
    }
    const self = call.inputs[0];
    if (inplace && self) {
      rebaseView(self, node);
    } else {
      outputs.forEach((o, k) => {
        if (!floatOut[k]) return;
        const m = ensureMeta(o);
        m.gradFn = node;
        m.outputNr = k;
        // views: in-place writes through them later rebase their base (views.ts)
        if (o.viewBase) {
          if (outputs.length > 1) m.multiOutputViewOf = name;
          markViewCurrent(o);
        }
      });
    }
    for (const i of d?.save?.outputs ?? []) savedOutputs.set(i, new SavedTensor(outputs[i]!, name));
  },
};
