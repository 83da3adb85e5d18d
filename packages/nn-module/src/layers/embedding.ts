// nn.Embedding and nn.EmbeddingBag: a normal_-initialised table (padding row zeroed) and F's lookups.

import type { DType, Device, Tensor } from '@torchlet/tensor';
import { AssertionError, signature } from '@torchlet/tensor';
import { noGrad } from '@torchlet/autograd';
import type { Args, FactoryOptions } from '../args.js';
import { factoryEmpty } from '../args.js';
import { embedding, embeddingBag } from '../functional/embedding.js';
import { normal_ } from '../init/init.js';
import { Module } from '../module/module.js';
import { pyNumber, pyRepr } from '../module/repr.js';
import { Parameter } from '../parameter.js';

interface EmbeddingArgs extends FactoryOptions {
  numEmbeddings: number;
  embeddingDim: number;
  paddingIdx: number | null;
  maxNorm: number | null;
  normType: number;
  scaleGradByFreq: boolean;
  sparse: boolean;
  _weight: Tensor | null;
}
/** Options of `nn.Embedding`. */
export type EmbeddingOptions = Partial<EmbeddingArgs>;
const EMBEDDING = signature<{ '': Required<EmbeddingArgs> }>(
  'Embedding(int num_embeddings, int embedding_dim, int? padding_idx=None, float? max_norm=None, float norm_type=2.0, bool scale_grad_by_freq=False, bool sparse=False, Tensor? _weight=None, Device? device=None, ScalarType? dtype=None)',
);
interface EmbeddingBagArgs extends Omit<EmbeddingArgs, 'paddingIdx'> {
  mode: 'sum' | 'mean' | 'max';
  includeLastOffset: boolean;
  paddingIdx: number | null;
}
/** Options of `nn.EmbeddingBag`. */
export type EmbeddingBagOptions = Partial<EmbeddingBagArgs>;
const EMBEDDING_BAG = signature<{ '': Required<EmbeddingBagArgs> }>(
  'EmbeddingBag(int num_embeddings, int embedding_dim, float? max_norm=None, float norm_type=2.0, bool scale_grad_by_freq=False, str mode="mean", bool sparse=False, Tensor? _weight=None, bool include_last_offset=False, int? padding_idx=None, Device? device=None, ScalarType? dtype=None)',
);
const FROM_PRETRAINED = signature<{ '': { embeddings: Tensor; freeze: boolean } & Record<string, unknown> }>(
  'from_pretrained(Tensor embeddings, bool freeze=True, int? padding_idx=None, float? max_norm=None, float norm_type=2.0, bool scale_grad_by_freq=False, bool sparse=False)',
);

/** padding_idx made non-negative, with PyTorch's check (`what` is how its message spells the name). */
function paddingIndex(paddingIdx: number | null, rows: number, what: string): number | null {
  if (paddingIdx === null) return null;
  if ((paddingIdx > 0 && paddingIdx >= rows) || (paddingIdx < 0 && paddingIdx < -rows)) throw new AssertionError(`${what} must be within num_embeddings`);
  return paddingIdx < 0 ? rows + paddingIdx : paddingIdx;
}

/** The table: `_weight` as given, or N(0, 1) draws with the padding row zeroed. */
abstract class EmbeddingBase extends Module {
  declare numEmbeddings: number;
  declare embeddingDim: number;
  declare paddingIdx: number | null;
  declare maxNorm: number | null;
  declare normType: number;
  declare scaleGradByFreq: boolean;
  declare sparse: boolean;
  declare weight: Parameter;
  protected init(a: Required<EmbeddingArgs>, what: string): void {
    this.numEmbeddings = a.numEmbeddings;
    this.embeddingDim = a.embeddingDim;
    this.maxNorm = a.maxNorm;
    this.normType = a.normType;
    this.scaleGradByFreq = a.scaleGradByFreq;
    this.paddingIdx = paddingIndex(a.paddingIdx, a.numEmbeddings, what);
    if (a._weight === null) {
      this.weight = new Parameter(factoryEmpty([a.numEmbeddings, a.embeddingDim], a));
      this.resetParameters();
    } else {
      if (a._weight.shape.join() !== [a.numEmbeddings, a.embeddingDim].join()) throw new AssertionError('Shape of weight does not match num_embeddings and embedding_dim');
      this.weight = new Parameter(a._weight);
    }
    this.sparse = a.sparse;
  }
  /** `reset_parameters()`: N(0, 1), padding row 0. @example emb.resetParameters() */
  resetParameters(): void {
    normal_(this.weight);
    if (this.paddingIdx !== null) {
      const w = this.weight;
      const row = this.paddingIdx;
      noGrad(() => w.select(0, row).fill_(0));
    }
  }
  /** `, max_norm=…, norm_type=…, scale_grad_by_freq=…` for the options that differ from the defaults. */
  protected normRepr(): string {
    let s = '';
    if (this.maxNorm !== null) s += `, max_norm=${pyNumber(this.maxNorm, true)}`;
    if (this.normType !== 2) s += `, norm_type=${pyNumber(this.normType, true)}`;
    if (this.scaleGradByFreq) s += `, scale_grad_by_freq=${pyRepr(this.scaleGradByFreq)}`;
    return s;
  }
}

/**
 * `nn.Embedding(num_embeddings, embedding_dim, padding_idx=None, max_norm=None, norm_type=2.0, scale_grad_by_freq=False, sparse=False)`:
 * a lookup table of embeddings (indices int64, or int32 on WebGPU today).
 * @example new nn.Embedding(10, 3).call(torch.tensor([[1, 2], [4, 5]])).shape // [2, 2, 3]
 */
export class Embedding extends EmbeddingBase {
  constructor(...args: Args<[numEmbeddings: number, embeddingDim: number, paddingIdx: number | null, maxNorm: number | null, normType: number, scaleGradByFreq: boolean, sparse: boolean, _weight: Tensor | null, device: Device | null, dtype: DType | null], EmbeddingOptions>) {
    super();
    this.init(EMBEDDING.parse(args), 'Padding_idx');
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(input: Tensor): Tensor {
    return embedding(input, this.weight, this.paddingIdx, this.maxNorm, this.normType, this.scaleGradByFreq, this.sparse);
  }
  /** What PyTorch's `extra_repr` gives: the text inside the repr's parentheses. @example String(layer) */
  override extraRepr(): string {
    const padding = this.paddingIdx === null ? '' : `, padding_idx=${this.paddingIdx}`;
    return `${this.numEmbeddings}, ${this.embeddingDim}${padding}${this.normRepr()}${this.sparse ? ', sparse=True' : ''}`;
  }
  /**
   * `Embedding.from_pretrained(embeddings, freeze=True, …)`: an Embedding holding `embeddings`
   * (frozen unless `freeze` is false).
   * @example nn.Embedding.fromPretrained(torch.randn(5, 3)).weight.requiresGrad // false
   */
  static fromPretrained(embeddings: Tensor, opts?: Omit<EmbeddingOptions, 'numEmbeddings' | 'embeddingDim' | '_weight' | 'device' | 'dtype'> & { freeze?: boolean }): Embedding {
    const a = FROM_PRETRAINED.parse(opts === undefined ? [embeddings] : [embeddings, opts]);
    if (a.embeddings.ndim !== 2) throw new AssertionError('Embeddings parameter is expected to be 2-dimensional');
    const { freeze, embeddings: e, ...rest } = a;
    const m = new Embedding({ ...(rest as EmbeddingOptions), numEmbeddings: e.shape[0]!, embeddingDim: e.shape[1]!, _weight: e });
    m.weight.requiresGrad = !freeze;
    return m;
  }
}

/**
 * `nn.EmbeddingBag(num_embeddings, embedding_dim, max_norm=None, norm_type=2.0, scale_grad_by_freq=False, mode='mean', sparse=False, include_last_offset=False, padding_idx=None)`:
 * sums, means or maxima of bags of embeddings without materialising the lookups per entry.
 * @example new nn.EmbeddingBag(10, 3, { mode: 'sum' }).call(torch.tensor([1, 2, 4, 5]), torch.tensor([0, 2])).shape // [2, 3]
 */
export class EmbeddingBag extends EmbeddingBase {
  declare mode: 'sum' | 'mean' | 'max';
  declare includeLastOffset: boolean;
  constructor(...args: Args<[numEmbeddings: number, embeddingDim: number, maxNorm: number | null, normType: number, scaleGradByFreq: boolean, mode: 'sum' | 'mean' | 'max', sparse: boolean, _weight: Tensor | null, includeLastOffset: boolean, paddingIdx: number | null, device: Device | null, dtype: DType | null], EmbeddingBagOptions>) {
    super();
    const a = EMBEDDING_BAG.parse(args);
    this.init(a, 'padding_idx');
    this.mode = a.mode;
    this.includeLastOffset = a.includeLastOffset;
  }
  /** `forward(input, offsets=None, per_sample_weights=None)`. @example bag.forward(idx, offsets) */
  override forward(input: Tensor, offsets: Tensor | null = null, perSampleWeights: Tensor | null = null): Tensor {
    return embeddingBag(input, this.weight, {
      offsets, maxNorm: this.maxNorm, normType: this.normType, scaleGradByFreq: this.scaleGradByFreq, mode: this.mode, sparse: this.sparse,
      perSampleWeights, includeLastOffset: this.includeLastOffset, paddingIdx: this.paddingIdx,
    });
  }
  /** What PyTorch's `extra_repr` gives: the text inside the repr's parentheses. @example String(layer) */
  override extraRepr(): string {
    const padding = this.paddingIdx === null ? '' : `, padding_idx=${this.paddingIdx}`;
    return `${this.numEmbeddings}, ${this.embeddingDim}${this.normRepr()}, mode=${this.mode}${padding}`;
  }
}
