// Tensors a node keeps for its backward: an alias that holds the storage (so that
// dispose/tidy of the user's tensor does not free it), its version at save time,
// and what the version error must name.

import { keep, RuntimeError } from '@torchlet/tensor';
import type { Tensor } from '@torchlet/tensor';
import { isAnomalyEnabled } from './anomalyMode.js';
import { metaOf } from './meta.js';

const TYPE_NAMES: Record<string, string> = {
  float32: 'FloatTensor', float64: 'DoubleTensor', float16: 'HalfTensor', bfloat16: 'BFloat16Tensor',
  int32: 'IntTensor', int64: 'LongTensor', int8: 'CharTensor', uint8: 'ByteTensor', bool: 'BoolTensor',
};

/** PyTorch's error for a second backward through freed saved tensors. */
export function freedError(): RuntimeError {
  return new RuntimeError(
    'Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.',
  );
}

/** A tensor saved for backward. */
export class SavedTensor {
  private alias: Tensor | null;
  private readonly version: number;
  /** For saved outputs, the node that saved it (named in the version error); inputs name their current node. */
  private readonly savedBy: string | null;
  private readonly typeName: string;
  private readonly shape: readonly number[];

  constructor(t: Tensor, savedBy: string | null = null) {
    // an alias that shares the autograd state, so that the saved value is the same variable
    const alias = keep(t.detach());
    alias.autogradMeta = t.autogradMeta;
    this.alias = alias;
    this.version = t.version;
    this.savedBy = savedBy;
    this.typeName = TYPE_NAMES[t.dtype] ?? t.dtype;
    this.shape = t.shape;
  }

  /** The saved tensor; throws if it was freed or modified in place since it was saved. */
  unpack(): Tensor {
    const a = this.alias;
    if (a === null) throw freedError();
    if (a.version !== this.version) {
      const hint = isAnomalyEnabled()
        ? 'Hint: the backtrace further above shows the operation that failed to compute its gradient. The variable in question was changed in there or anywhere later. Good luck!'
        : 'Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True).';
      // as PyTorch: a saved output names the node that saved it, a saved input its current node
      const m = metaOf(a);
      const node = this.savedBy ?? m?.gradFn?.name();
      const producer = node ? `, which is output ${m?.outputNr ?? 0} of ${node},` : '';
      throw new RuntimeError(
        `one of the variables needed for gradient computation has been modified by an inplace operation: [torch.${this.typeName} [${this.shape.join(', ')}]]${producer} is at version ${a.version}; expected version ${this.version} instead. ${hint}`,
      );
    }
    return a;
  }

  /** Drops the hold on the storage. */
  release(): void {
    this.alias?.dispose();
    this.alias = null;
  }
}
