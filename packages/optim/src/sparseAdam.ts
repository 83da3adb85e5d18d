// SparseAdam needs sparse gradients, which torchlet does not have.

import { NotImplementedError, signature } from '@torchlet/tensor';
import type { Args, ParamsLike } from './types.js';

/** Options of `SparseAdam` (PyTorch's keyword arguments, camelCased). */
export interface SparseAdamOptions {
  lr?: number;
  betas?: readonly [number, number];
  eps?: number;
  maximize?: boolean;
}

const SPARSE_ADAM_ARGS = signature<{ '': { params: unknown } & Required<SparseAdamOptions> }>(
  'SparseAdam(Any params, float lr=0.001, float[] betas=(0.9, 0.999), float eps=1e-08, bool maximize=False)',
);

/**
 * PyTorch's `torch.optim.SparseAdam` updates only the rows a sparse gradient touches;
 * torchlet has no sparse tensors, so constructing one throws `not implemented`.
 * @example new SparseAdam(embedding.parameters()) // throws: use Adam with dense gradients
 */
export class SparseAdam {
  constructor(params: ParamsLike, ...args: Args<[lr: number, betas: readonly [number, number], eps: number, maximize: boolean], SparseAdamOptions>) {
    SPARSE_ADAM_ARGS.parse([params, ...args]);
    throw new NotImplementedError(
      'not implemented: SparseAdam (torchlet has no sparse tensors, so no sparse gradients); use Adam, which takes dense gradients',
    );
  }
}
