// nn.PairwiseDistance and nn.CosineSimilarity.

import type { Tensor } from '@torchlet/tensor';
import { signature } from '@torchlet/tensor';
import type { Args } from '../args.js';
import type { CosineSimilarityOptions, PairwiseDistanceOptions } from '../functional/distance.js';
import { cosineSimilarity, pairwiseDistance } from '../functional/distance.js';
import { Module } from '../module/module.js';

const PAIRWISE_DISTANCE = signature<{ '': { p: number; eps: number; keepdim: boolean } }>('PairwiseDistance(float p=2., float eps=1e-06, bool keepdim=False)');
const COSINE_SIMILARITY = signature<{ '': { dim: number; eps: number } }>('CosineSimilarity(int dim=1, float eps=1e-08)');

/**
 * `nn.PairwiseDistance(p=2.0, eps=1e-6, keepdim=False)`: `F.pairwiseDistance` of its two inputs.
 * @example new nn.PairwiseDistance().call(torch.zeros(2, 3), torch.ones(2, 3)) // tensor([1.7320, 1.7320])
 */
export class PairwiseDistance extends Module {
  declare norm: number;
  declare eps: number;
  declare keepdim: boolean;
  constructor(...args: Args<[p: number, eps: number, keepdim: boolean], PairwiseDistanceOptions>) {
    super();
    const a = PAIRWISE_DISTANCE.parse(args);
    this.norm = a.p; // PyTorch keeps p as `norm`
    this.eps = a.eps;
    this.keepdim = a.keepdim;
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x1, x2) */
  override forward(x1: Tensor, x2: Tensor): Tensor {
    return pairwiseDistance(x1, x2, this.norm, this.eps, this.keepdim);
  }
}

/**
 * `nn.CosineSimilarity(dim=1, eps=1e-8)`: `F.cosineSimilarity` of its two inputs along `dim`.
 * @example new nn.CosineSimilarity().call(torch.ones(2, 3), torch.ones(2, 3)) // tensor([1., 1.])
 */
export class CosineSimilarity extends Module {
  declare dim: number;
  declare eps: number;
  constructor(...args: Args<[dim: number, eps: number], CosineSimilarityOptions>) {
    super();
    const a = COSINE_SIMILARITY.parse(args);
    this.dim = a.dim;
    this.eps = a.eps;
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x1, x2) */
  override forward(x1: Tensor, x2: Tensor): Tensor {
    return cosineSimilarity(x1, x2, this.dim, this.eps);
  }
}
