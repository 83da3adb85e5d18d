// F.pairwise_distance, F.cosine_similarity and F.pdist, as PyTorch 1.13 computes them.

import type { Tensor } from '@torchlet/tensor';
import { RuntimeError, signature, tensor } from '@torchlet/tensor';
import type { Args } from '../args.js';

const PAIRWISE_DISTANCE = signature<{ '': { x1: Tensor; x2: Tensor; p: number; eps: number; keepdim: boolean } }>(
  'pairwise_distance(Tensor x1, Tensor x2, float p=2, float eps=1e-06, bool keepdim=False)',
);
const COSINE_SIMILARITY = signature<{ '': { x1: Tensor; x2: Tensor; dim: number; eps: number } }>(
  'cosine_similarity(Tensor x1, Tensor x2, int dim=1, float eps=1e-08)',
);
const PDIST = signature<{ '': { input: Tensor; p: number } }>('pdist(Tensor input, float p=2)');

/** Options of `pairwiseDistance`. */
export interface PairwiseDistanceOptions {
  p?: number;
  eps?: number;
  keepdim?: boolean;
}

/** Options of `cosineSimilarity`. */
export interface CosineSimilarityOptions {
  dim?: number;
  eps?: number;
}

/**
 * `F.pairwise_distance(x1, x2, p=2, eps=1e-6, keepdim=False)`: `‖x1 - x2 + eps‖_p` over the last
 * dim of the broadcast pair.
 * @example F.pairwiseDistance(torch.zeros(2, 3), torch.ones(2, 3)) // tensor([1.7320, 1.7320])
 */
export function pairwiseDistance(x1: Tensor, x2: Tensor, ...rest: Args<[p: number, eps: number, keepdim: boolean], PairwiseDistanceOptions>): Tensor {
  const a = PAIRWISE_DISTANCE.parse([x1, x2, ...rest]);
  const innermost = Math.max(a.x1.ndim, a.x2.ndim) - 1;
  return a.x1.sub(a.x2).add(a.eps).norm(a.p, innermost, a.keepdim);
}

/**
 * `F.cosine_similarity(x1, x2, dim=1, eps=1e-8)`: `x1·x2 / √(max(‖x1‖², ε²) · max(‖x2‖², ε²))`
 * along `dim` of the broadcast pair.
 * @example F.cosineSimilarity(torch.tensor([[1, 0]]).float(), torch.tensor([[1, 1]]).float()) // tensor([0.7071])
 */
export function cosineSimilarity(x1: Tensor, x2: Tensor, ...rest: Args<[dim: number, eps: number], CosineSimilarityOptions>): Tensor {
  const a = COSINE_SIMILARITY.parse([x1, x2, ...rest]);
  const eps2 = a.eps * a.eps;
  const n1 = a.x1.mul(a.x1).sum(a.dim, true).clampMin(eps2);
  const n2 = a.x2.mul(a.x2).sum(a.dim, true).clampMin(eps2);
  return a.x1.mul(a.x2).mul(n1.mul(n2).rsqrt()).sum(a.dim);
}

/**
 * `F.pdist(input, p=2)`: the p-norm distances between the rows of an [N, M] input, the upper
 * triangle row by row (N·(N-1)/2 values), as `torch.pdist`.
 * @example F.pdist(torch.tensor([[0, 0], [3, 4], [0, 1]]).float()) // tensor([5.0000, 1.0000, 4.2426])
 */
export function pdist(input: Tensor, ...rest: Args<[p: number], { p?: number }>): Tensor {
  const a = PDIST.parse([input, ...rest]);
  const x = a.input;
  if (x.ndim !== 2) throw new RuntimeError(`pdist only supports 2D tensors, got: ${x.ndim}D`);
  if (!(a.p >= 0)) throw new RuntimeError('pdist only supports non-negative p values');
  const n = x.shape[0]!;
  const rows: number[] = [];
  const cols: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      rows.push(i);
      cols.push(j);
    }
  }
  const at = (idx: number[]) => x.indexSelect(0, tensor(idx, { dtype: 'int64', device: x.device }));
  return at(rows).sub(at(cols)).norm(a.p, 1);
}
