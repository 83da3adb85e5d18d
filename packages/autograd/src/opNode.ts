// The node recorded for one call of a tensor op: runs the op's vjp from the table.

import type { MaybeGrad, OpCall, Tensor } from '@torchlet/tensor';
import { RuntimeError } from '@torchlet/tensor';
import type { Derivative, VjpContext } from './derivatives/types.js';
import { Node } from './node.js';
import type { SavedTensor } from './saved.js';
import { freedError } from './saved.js';

/** A recorded op call. */
export class OpNode extends Node {
  constructor(
    private readonly nodeName: string,
    private readonly derivative: Derivative | undefined,
    readonly call: OpCall,
    private readonly inplace: boolean,
    private readonly savedInputs: Map<number, SavedTensor>,
    private readonly savedOutputs: Map<number, SavedTensor>,
  ) {
    super();
  }

  name(): string {
    return this.nodeName;
  }

  apply(grads: readonly MaybeGrad[]): MaybeGrad[] {
    const d = this.derivative;
    if (!d) throw new RuntimeError(`the derivative for '${this.call.op}' is not implemented.`);
    if (this.released && (this.savedInputs.size > 0 || this.savedOutputs.size > 0)) throw freedError();
    // op nodes always get materialized gradients (zeros where none flowed)
    const full = grads as readonly Tensor[];
    const ctx: VjpContext = {
      grads: full,
      grad: full[0]!,
      args: this.call.args,
      inplace: this.inplace,
      input: (i) => this.saved(this.savedInputs, i, 'input'),
      output: (i = 0) => this.saved(this.savedOutputs, i, 'output'),
      has: (i) => this.inputInfo[i] != null,
      inputShape: (i) => this.inputInfo[i]!.shape,
      inputDtype: (i) => this.inputInfo[i]!.dtype,
      needs: (i) => this.next[i] != null,
    };
    const out = d.vjp(ctx);
    return this.next.map((_, i) => out[i] ?? null);
  }

  private saved(map: Map<number, SavedTensor>, i: number, what: string): Tensor {
    const s = map.get(i);
    if (!s) throw new Error(`internal: ${this.nodeName} reads ${what} ${i}, which its derivative does not save`);
    return s.unpack();
  }

  override release(): void {
    super.release();
    for (const s of this.savedInputs.values()) s.release();
    for (const s of this.savedOutputs.values()) s.release();
  }
}
