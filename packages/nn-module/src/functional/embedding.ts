// F.embedding, F.embedding_bag, F.one_hot: row lookups as index_select (their gradients are
// index_add), padding_idx rows kept out of the gradient, max_norm renormalising in place.

import type { Tensor } from '@torchlet/tensor';
import { AssertionError, NotImplementedError, RuntimeError, TorchTypeError, ValueError, arange, bucketize, signature, where, zeros } from '@torchlet/tensor';
import type { FunctionCtx } from '@torchlet/autograd';
import { Function, noGrad } from '@torchlet/autograd';
import type { Args } from '../args.js';

interface EmbeddingArgs {
  input: Tensor;
  weight: Tensor;
  paddingIdx: number | null;
  maxNorm: number | null;
  normType: number;
  scaleGradByFreq: boolean;
  sparse: boolean;
}
/** Options of `F.embedding`. */
export type EmbeddingOptions = Partial<Omit<EmbeddingArgs, 'input' | 'weight'>>;
const EMBEDDING = signature<{ '': EmbeddingArgs }>(
  'embedding(Tensor input, Tensor weight, int? padding_idx=None, float? max_norm=None, float norm_type=2.0, bool scale_grad_by_freq=False, bool sparse=False)',
);
interface EmbeddingBagArgs extends Omit<EmbeddingArgs, 'paddingIdx'> {
  offsets: Tensor | null;
  mode: string;
  perSampleWeights: Tensor | null;
  includeLastOffset: boolean;
  paddingIdx: number | null;
}
/** Options of `F.embedding_bag`. */
export type EmbeddingBagOptions = Partial<Omit<EmbeddingBagArgs, 'input' | 'weight'>>;
const EMBEDDING_BAG = signature<{ '': EmbeddingBagArgs }>(
  'embedding_bag(Tensor input, Tensor weight, Tensor? offsets=None, float? max_norm=None, float norm_type=2, bool scale_grad_by_freq=False, str mode="mean", bool sparse=False, Tensor? per_sample_weights=None, bool include_last_offset=False, int? padding_idx=None)',
);
const ONE_HOT = signature<{ '': { tensor: Tensor; numClasses: number } }>('one_hot(Tensor tensor, int num_classes=-1)');

/** Identity forward; backward scales the gradient (scale_grad_by_freq). */
class ScaleGrad extends Function {
  static override forward(ctx: FunctionCtx, x: Tensor, scale: Tensor): Tensor {
    ctx['scale'] = scale;
    return x;
  }
  static override backward(ctx: FunctionCtx, g: Tensor): [Tensor, null] {
    return [g.mul(ctx['scale'] as Tensor), null];
  }
}

/** padding_idx as a row number (negative from the end), with PyTorch's checks; -1 when None. */
function paddingRow(paddingIdx: number | null, rows: number): number {
  if (paddingIdx === null) return -1;
  if (paddingIdx > 0 && paddingIdx >= rows) throw new AssertionError('Padding_idx must be within num_embeddings');
  if (paddingIdx < 0 && paddingIdx < -rows) throw new AssertionError('Padding_idx must be within num_embeddings');
  return paddingIdx < 0 ? rows + paddingIdx : paddingIdx;
}

function checkIndices(input: Tensor): void {
  if (input.dtype !== 'int64' && input.dtype !== 'int32') {
    throw new RuntimeError(`Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got torch.${input.dtype} instead (while checking arguments for embedding)`);
  }
}

/** `embedding_renorm_`: rows looked up by `idx` rescaled in place to norm at most `maxNorm`. */
function renorm(weight: Tensor, idx: Tensor, maxNorm: number, normType: number): void {
  noGrad(() => {
    const rows = weight.indexSelect(0, idx);
    const norms = rows.norm(normType, 1, { keepdim: true });
    const scale = where(norms.gt(maxNorm), norms.add(1e-7).reciprocal().mul(maxNorm), 1);
    weight.indexCopy_(0, idx, rows.mul(scale));
  });
}

/** The looked-up rows of `idx` (flat), with padding rows out of the gradient and scale_grad_by_freq. */
function lookup(weight: Tensor, idx: Tensor, padding: number, scaleGradByFreq: boolean): Tensor {
  let rows = weight.indexSelect(0, idx);
  if (scaleGradByFreq) {
    const counts = zeros([weight.shape[0]!], { dtype: weight.dtype, device: weight.device }).indexAdd(0, idx, idx.newOnes([idx.numel()], { dtype: weight.dtype }));
    rows = ScaleGrad.apply(rows, counts.indexSelect(0, idx).reciprocal().unsqueeze(1));
  }
  if (padding >= 0) rows = where(idx.eq(padding).unsqueeze(1), rows.detach(), rows);
  return rows;
}

/**
 * `F.embedding(input, weight, padding_idx=None, max_norm=None, norm_type=2.0, scale_grad_by_freq=False, sparse=False)`:
 * `weight[input]` (int64 or int32 indices; int32 on WebGPU today). The `padding_idx` row gets no
 * gradient; `max_norm` renormalises the rows used, in place.
 * @example F.embedding(torch.tensor([[0, 2]]), torch.randn(3, 4)).shape // [1, 2, 4]
 */
export function embedding(input: Tensor, weight: Tensor, ...rest: Args<[paddingIdx: number | null, maxNorm: number | null, normType: number, scaleGradByFreq: boolean, sparse: boolean], EmbeddingOptions>): Tensor {
  const a = EMBEDDING.parse([input, weight, ...rest]);
  if (a.sparse) throw new NotImplementedError('sparse gradients (embedding with sparse=True): torchlet has no sparse tensors');
  checkIndices(a.input);
  const padding = paddingRow(a.paddingIdx, a.weight.shape[0]!);
  const idx = a.input.reshape(-1);
  if (a.maxNorm !== null) renorm(a.weight, idx, a.maxNorm, a.normType);
  return lookup(a.weight, idx, padding, a.scaleGradByFreq).view(...a.input.shape, a.weight.shape[1]!);
}

/**
 * `F.embedding_bag(input, weight, offsets=None, max_norm=None, norm_type=2, scale_grad_by_freq=False, mode='mean', sparse=False, per_sample_weights=None, include_last_offset=False, padding_idx=None)`:
 * sums, means or maxima of bags of embeddings: rows of a 2-D `input`, or the slices of a 1-D
 * `input` that `offsets` starts. Empty bags give zeros; padding entries are left out.
 * @example F.embeddingBag(torch.tensor([1, 2, 4, 5]), w, torch.tensor([0, 2])).shape // [2, D]
 */
export function embeddingBag(input: Tensor, weight: Tensor, ...rest: Args<[offsets: Tensor | null, maxNorm: number | null, normType: number, scaleGradByFreq: boolean, mode: 'sum' | 'mean' | 'max', sparse: boolean, perSampleWeights: Tensor | null, includeLastOffset: boolean, paddingIdx: number | null], EmbeddingBagOptions>): Tensor {
  const a = EMBEDDING_BAG.parse([input, weight, ...rest]);
  if (a.sparse) throw new NotImplementedError('sparse gradients (embedding_bag with sparse=True): torchlet has no sparse tensors');
  checkIndices(a.input);
  if (a.perSampleWeights !== null && a.input.shape.join() !== a.perSampleWeights.shape.join()) {
    throw new ValueError(`embedding_bag: If per_sample_weights (${a.perSampleWeights.shape.join(', ')}) is not None, then it must have the same shape as the input (${a.input.shape.join(', ')})`);
  }
  let idx = a.input;
  let offsets = a.offsets;
  let psw = a.perSampleWeights;
  if (idx.ndim === 2) {
    if (offsets !== null) {
      throw new ValueError('if input is 2D, then offsets has to be None, as input is treated is a mini-batch of fixed length sequences. However, found offsets of type Tensor');
    }
    offsets = arange(0, idx.numel(), idx.shape[1]!, { dtype: idx.dtype, device: idx.device });
    idx = idx.reshape(-1);
    psw = psw?.reshape(-1) ?? null;
  } else if (idx.ndim === 1) {
    if (offsets === null) throw new ValueError('offsets has to be a 1D Tensor but got None');
    if (offsets.ndim !== 1) throw new ValueError('offsets has to be a 1D Tensor');
  } else throw new ValueError(`input has to be 1D or 2D Tensor, but got Tensor of dimension ${idx.ndim}`);
  if (!['sum', 'mean', 'max'].includes(a.mode)) throw new ValueError(`mode has to be one of sum, mean or max`);
  if (a.mode === 'max' && a.scaleGradByFreq) throw new ValueError('max mode does not support scaling the gradient by the frequency');
  if (psw !== null && a.mode !== 'sum') throw new NotImplementedError(`embedding_bag: per_sample_weights was not None. per_sample_weights is only supported for mode='sum' (got mode='${a.mode}'). Please open a feature request on the Pytorch GitHub.`);
  const padding = paddingRow(a.paddingIdx, a.weight.shape[0]!);
  if (a.maxNorm !== null) renorm(a.weight, idx, a.maxNorm, a.normType);
  const starts = a.includeLastOffset ? offsets.at([0, -1]) : offsets;
  const bags = starts.shape[0]!;
  const dim = a.weight.shape[1]!;
  // the bag of each entry: the last start at or before its position
  const bag = bucketize(arange(idx.numel(), { device: idx.device, dtype: starts.dtype }), starts, { right: true }).sub(1);
  let rows = lookup(a.weight, idx, padding, a.scaleGradByFreq);
  const keep = padding >= 0 ? idx.ne(padding) : null;
  if (psw !== null) rows = rows.mul(psw.unsqueeze(1));
  const out = zeros([bags, dim], { dtype: a.weight.dtype, device: a.weight.device });
  if (a.mode === 'max') {
    const masked = keep === null ? rows : where(keep.unsqueeze(1), rows, -Infinity);
    const maxed = out.scatterReduce(0, bag.unsqueeze(1).expand(-1, dim), masked, 'amax', { includeSelf: false });
    return where(maxed.isneginf(), 0, maxed);
  }
  if (keep !== null) rows = where(keep.unsqueeze(1), rows, 0);
  const sums = out.indexAdd(0, bag, rows);
  if (a.mode === 'sum') return sums;
  const ones = keep === null ? idx.newOnes([idx.numel()], { dtype: a.weight.dtype }) : keep.to(a.weight.dtype);
  const counts = zeros([bags], { dtype: a.weight.dtype, device: a.weight.device }).indexAdd(0, bag, ones);
  return sums.div(counts.clampMin(1).unsqueeze(1));
}

/**
 * `F.one_hot(tensor, num_classes=-1)`: int64 one-hot vectors of class indices (the count is the
 * largest index + 1 when -1, which reads values).
 * @example F.oneHot(torch.tensor([0, 2])) // tensor([[1, 0, 0], [0, 0, 1]])
 */
export function oneHot(tensor: Tensor, ...rest: Args<[numClasses: number], { numClasses?: number }>): Tensor {
  const a = ONE_HOT.parse([tensor, ...rest]);
  const t = a.tensor;
  if (t.dtype !== 'int64' && t.dtype !== 'int32') throw new TorchTypeError('one_hot is only applicable to index tensor.');
  let n = a.numClasses;
  const readable = t.storage.backend.readSync !== undefined;
  if (readable && t.numel() > 0) {
    if ((t.min().itemSync() as number) < 0) throw new RuntimeError('Class values must be non-negative.');
    const max = t.max().itemSync() as number;
    if (n === -1) n = max + 1;
    else if (max >= n) throw new RuntimeError('Class values must be smaller than num_classes.');
  } else if (n === -1) {
    if (t.numel() === 0) throw new RuntimeError('Can not infer total number of classes from empty tensor.');
    throw new RuntimeError(`one_hot with num_classes=-1 reads the values: move the tensor to the CPU first (device '${t.device}')`);
  }
  return zeros([...t.shape, n], { dtype: 'int64', device: t.device }).scatter_(-1, t.unsqueeze(-1), 1);
}
