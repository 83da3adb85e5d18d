// nn.TransformerEncoderLayer, nn.TransformerDecoderLayer, nn.TransformerEncoder,
// nn.TransformerDecoder, nn.Transformer: PyTorch 1.13's modules, submodule names and init.

import type { DType, Device, Tensor } from '@torchlet/tensor';
import { AssertionError, RuntimeError, full, signature, triu } from '@torchlet/tensor';
import { isGradEnabled } from '@torchlet/autograd';
import type { Args, FactoryOptions } from '../args.js';
import { gelu, relu } from '../functional/activation.js';
import { xavierUniform_ } from '../init/init.js';
import { ModuleList } from '../containers/moduleList.js';
import { deepCopy } from '../module/deepcopy.js';
import { Module } from '../module/module.js';
import { GELU, ReLU } from './activation.js';
import { MultiheadAttention } from './attention.js';
import { Dropout } from './dropout.js';
import { Linear } from './linear.js';
import { LayerNorm } from './normalization.js';

/** An activation: `'relu'`, `'gelu'`, a function of a tensor, or a Module. */
export type Activation = 'relu' | 'gelu' | ((x: Tensor) => Tensor) | Module;

interface LayerArgs extends FactoryOptions {
  dModel: number;
  nhead: number;
  dimFeedforward: number;
  dropout: number;
  activation: Activation;
  layerNormEps: number;
  batchFirst: boolean;
  normFirst: boolean;
}
/** Options of the transformer layers. */
export type TransformerLayerOptions = Partial<LayerArgs>;
type LayerPositional = [dModel: number, nhead: number, dimFeedforward: number, dropout: number, activation: Activation, layerNormEps: number, batchFirst: boolean, normFirst: boolean, device: Device | null, dtype: DType | null];
const layerSignature = (name: string) =>
  signature<{ '': Required<LayerArgs> }>(
    `${name}(int d_model, int nhead, int dim_feedforward=2048, float dropout=0.1, Any activation="relu", float layer_norm_eps=1e-05, bool batch_first=False, bool norm_first=False, Device? device=None, ScalarType? dtype=None)`,
  );
const ENCODER_LAYER = layerSignature('TransformerEncoderLayer');
const DECODER_LAYER = layerSignature('TransformerDecoderLayer');
const ENCODER_FORWARD = signature<{ '': { src: Tensor; srcMask: Tensor | null; srcKeyPaddingMask: Tensor | null } }>('forward(Tensor src, Tensor? src_mask=None, Tensor? src_key_padding_mask=None)');
interface DecoderForward {
  tgt: Tensor;
  memory: Tensor;
  tgtMask: Tensor | null;
  memoryMask: Tensor | null;
  tgtKeyPaddingMask: Tensor | null;
  memoryKeyPaddingMask: Tensor | null;
}
/** Options of the decoders' forward. */
export type DecoderForwardOptions = Partial<Omit<DecoderForward, 'tgt' | 'memory'>>;
const DECODER_FORWARD = signature<{ '': DecoderForward }>(
  'forward(Tensor tgt, Tensor memory, Tensor? tgt_mask=None, Tensor? memory_mask=None, Tensor? tgt_key_padding_mask=None, Tensor? memory_key_padding_mask=None)',
);
type DecoderRest = Args<[tgtMask: Tensor | null, memoryMask: Tensor | null, tgtKeyPaddingMask: Tensor | null, memoryKeyPaddingMask: Tensor | null], DecoderForwardOptions>;

/** `_get_activation_fn` and PyTorch's `activation_relu_or_gelu` code (1 relu, 2 gelu, 0 other). */
function activationOf(a: Activation): [Activation, number] {
  if (a === 'relu') return [relu, 1];
  if (a === 'gelu') return [gelu, 2];
  if (typeof a === 'string') throw new RuntimeError(`activation should be relu/gelu, not ${String(a)}`);
  if (a === relu || a instanceof ReLU) return [a, 1];
  if (a === gelu || a instanceof GELU) return [a, 2];
  return [a, 0];
}

/** Applies an activation (a function or a module). */
function activate(a: Activation, x: Tensor): Tensor {
  return a instanceof Module ? (a.call(x) as Tensor) : (a as (t: Tensor) => Tensor)(x);
}

/** What both layer kinds share: feed-forward block, norms, dropouts, activation. */
abstract class TransformerLayerBase extends Module {
  declare self_attn: MultiheadAttention;
  declare linear1: Linear;
  declare dropout: Dropout;
  declare linear2: Linear;
  declare normFirst: boolean;
  declare norm1: LayerNorm;
  declare norm2: LayerNorm;
  declare dropout1: Dropout;
  declare dropout2: Dropout;
  declare activation: Activation;
  declare activationReluOrGelu: number;
  /**
   * Registers the submodules in PyTorch's order (state_dict keys and initial draws depend on it):
   * self_attn, `afterAttention` (the decoder's multihead_attn), linear1, dropout, linear2, the
   * `norms` layer norms, the `dropouts` dropouts; then the activation.
   */
  protected build(a: Required<LayerArgs>, norms: number, afterAttention: () => void = () => undefined): void {
    const f = { device: a.device, dtype: a.dtype };
    this.self_attn = new MultiheadAttention(a.dModel, a.nhead, { dropout: a.dropout, batchFirst: a.batchFirst, ...f });
    afterAttention();
    this.linear1 = new Linear(a.dModel, a.dimFeedforward, f);
    this.dropout = new Dropout(a.dropout);
    this.linear2 = new Linear(a.dimFeedforward, a.dModel, f);
    this.normFirst = a.normFirst;
    const self = this as unknown as Record<string, Module>;
    for (let i = 1; i <= norms; i++) self[`norm${i}`] = new LayerNorm(a.dModel, { eps: a.layerNormEps, ...f });
    for (let i = 1; i <= norms; i++) self[`dropout${i}`] = new Dropout(a.dropout);
    [this.activation, this.activationReluOrGelu] = activationOf(a.activation);
  }
  protected ffBlock(x: Tensor, out: Dropout): Tensor {
    return out.call(this.linear2.call(this.dropout.call(activate(this.activation, this.linear1.call(x)))));
  }
  protected saBlock(x: Tensor, mask: Tensor | null, keyPaddingMask: Tensor | null): Tensor {
    return this.dropout1.call(this.self_attn.call(x, x, x, { attnMask: mask, keyPaddingMask, needWeights: false })[0]);
  }
}

/**
 * `nn.TransformerEncoderLayer(d_model, nhead, dim_feedforward=2048, dropout=0.1, activation='relu', layer_norm_eps=1e-05, batch_first=False, norm_first=False)`.
 * @example new nn.TransformerEncoderLayer(16, 4, 32).call(torch.randn(5, 2, 16)).shape // [5, 2, 16]
 */
export class TransformerEncoderLayer extends TransformerLayerBase {
  constructor(...args: Args<LayerPositional, TransformerLayerOptions>) {
    super();
    this.build(ENCODER_LAYER.parse(args), 2);
  }
  /** `forward(src, src_mask=None, src_key_padding_mask=None)`. @example layer.forward(x, { srcKeyPaddingMask: pad }) */
  override forward(src: Tensor, ...rest: Args<[srcMask: Tensor | null, srcKeyPaddingMask: Tensor | null], { srcMask?: Tensor | null; srcKeyPaddingMask?: Tensor | null }>): Tensor {
    const a = ENCODER_FORWARD.parse([src, ...rest]);
    let x = a.src;
    if (this.normFirst) {
      x = x.add(this.saBlock(this.norm1.call(x), a.srcMask, a.srcKeyPaddingMask));
      return x.add(this.ffBlock(this.norm2.call(x), this.dropout2));
    }
    x = this.norm1.call(x.add(this.saBlock(x, a.srcMask, a.srcKeyPaddingMask)));
    return this.norm2.call(x.add(this.ffBlock(x, this.dropout2)));
  }
}

/**
 * `nn.TransformerDecoderLayer(d_model, nhead, dim_feedforward=2048, dropout=0.1, activation='relu', layer_norm_eps=1e-05, batch_first=False, norm_first=False)`:
 * self-attention, attention over the memory, feed-forward.
 * @example new nn.TransformerDecoderLayer(16, 4, 32).call(tgt, memory)
 */
export class TransformerDecoderLayer extends TransformerLayerBase {
  declare multihead_attn: MultiheadAttention;
  declare norm3: LayerNorm;
  declare dropout3: Dropout;
  constructor(...args: Args<LayerPositional, TransformerLayerOptions>) {
    super();
    const a = DECODER_LAYER.parse(args);
    this.build(a, 3, () => {
      this.multihead_attn = new MultiheadAttention(a.dModel, a.nhead, { dropout: a.dropout, batchFirst: a.batchFirst, device: a.device, dtype: a.dtype });
    });
  }
  private mhaBlock(x: Tensor, mem: Tensor, mask: Tensor | null, keyPaddingMask: Tensor | null): Tensor {
    return this.dropout2.call(this.multihead_attn.call(x, mem, mem, { attnMask: mask, keyPaddingMask, needWeights: false })[0]);
  }
  /** `forward(tgt, memory, tgt_mask=None, memory_mask=None, tgt_key_padding_mask=None, memory_key_padding_mask=None)`. @example layer.forward(tgt, memory, { tgtMask }) */
  override forward(tgt: Tensor, memory: Tensor, ...rest: DecoderRest): Tensor {
    const a = DECODER_FORWARD.parse([tgt, memory, ...rest]);
    let x = a.tgt;
    if (this.normFirst) {
      x = x.add(this.saBlock(this.norm1.call(x), a.tgtMask, a.tgtKeyPaddingMask));
      x = x.add(this.mhaBlock(this.norm2.call(x), a.memory, a.memoryMask, a.memoryKeyPaddingMask));
      return x.add(this.ffBlock(this.norm3.call(x), this.dropout3));
    }
    x = this.norm1.call(x.add(this.saBlock(x, a.tgtMask, a.tgtKeyPaddingMask)));
    x = this.norm2.call(x.add(this.mhaBlock(x, a.memory, a.memoryMask, a.memoryKeyPaddingMask)));
    return this.norm3.call(x.add(this.ffBlock(x, this.dropout3)));
  }
}

/** `_get_clones(module, N)`: N deep copies in a ModuleList. */
function clones(m: Module, n: number): ModuleList {
  return new ModuleList(Array.from({ length: n }, () => deepCopy(m)));
}

const ENCODER = signature<{ '': { encoderLayer: Module; numLayers: number; norm: Module | null; enableNestedTensor: boolean; maskCheck: boolean } }>(
  'TransformerEncoder(Any encoder_layer, int num_layers, Any? norm=None, bool enable_nested_tensor=True, bool mask_check=True)',
);
const ENCODER_STACK_FORWARD = signature<{ '': { src: Tensor; mask: Tensor | null; srcKeyPaddingMask: Tensor | null } }>('forward(Tensor src, Tensor? mask=None, Tensor? src_key_padding_mask=None)');

/** Whether every row of the "keep" mask (true = a real token) is all its true entries first (PyTorch's left-aligned check; reads values). */
function leftAligned(keep: Tensor): boolean {
  const rows = keep.tolistSync() as boolean[][];
  return rows.every((r) => r.every((v, i) => v || !r.slice(i).some(Boolean)));
}

/**
 * `nn.TransformerEncoder(encoder_layer, num_layers, norm=None, enable_nested_tensor=True, mask_check=True)`:
 * `num_layers` copies of the layer. In inference (eval, no grad) with a left-aligned key padding
 * mask, PyTorch 1.13 runs it on nested tensors, whose padded positions come out as zeros; so do these.
 * @example new nn.TransformerEncoder(new nn.TransformerEncoderLayer(16, 4, 32), 2).call(torch.randn(5, 2, 16))
 */
export class TransformerEncoder extends Module {
  declare layers: ModuleList;
  declare numLayers: number;
  declare norm: Module | null;
  declare enableNestedTensor: boolean;
  declare maskCheck: boolean;
  constructor(...args: Args<[encoderLayer: TransformerEncoderLayer | Module, numLayers: number, norm: Module | null, enableNestedTensor: boolean, maskCheck: boolean], { encoderLayer?: Module; numLayers?: number; norm?: Module | null; enableNestedTensor?: boolean; maskCheck?: boolean }>) {
    super();
    const a = ENCODER.parse(args);
    this.layers = clones(a.encoderLayer, a.numLayers);
    this.numLayers = a.numLayers;
    this.norm = a.norm;
    this.enableNestedTensor = a.enableNestedTensor;
    this.maskCheck = a.maskCheck;
  }
  /** PyTorch 1.13's conditions for its nested-tensor path. */
  private nestedPath(src: Tensor, mask: Tensor | null, kpm: Tensor | null): boolean {
    const first = this.layers.at(0);
    if (!(first instanceof TransformerEncoderLayer) || first.normFirst || first.training || kpm === null || mask !== null) return false;
    const attn = first.self_attn;
    if (!attn.batchFirst || !attn._qkvSameEmbedDim || first.activationReluOrGelu === 0 || first.norm1.eps !== first.norm2.eps) return false;
    if (src.ndim !== 3 || !this.enableNestedTensor || attn.numHeads % 2 === 1 || src.storage.backend.readSync === undefined) return false;
    if (isGradEnabled() && [src, ...first.parameters()].some((t) => t.requiresGrad)) return false;
    return !this.maskCheck || leftAligned(kpm.logicalNot());
  }
  /** `forward(src, mask=None, src_key_padding_mask=None)`. @example enc.forward(x, { srcKeyPaddingMask: pad }) */
  override forward(src: Tensor, ...rest: Args<[mask: Tensor | null, srcKeyPaddingMask: Tensor | null], { mask?: Tensor | null; srcKeyPaddingMask?: Tensor | null }>): Tensor {
    const a = ENCODER_STACK_FORWARD.parse([src, ...rest]);
    const kpm = a.srcKeyPaddingMask;
    if (kpm !== null && kpm.dtype !== 'bool' && !kpm.isFloatingPoint()) throw new AssertionError('only bool and floating types of key_padding_mask are supported');
    const nested = this.nestedPath(a.src, a.mask, kpm);
    let out = a.src;
    for (const layer of this.layers) out = layer.call(out, { srcMask: a.mask, srcKeyPaddingMask: kpm }) as Tensor;
    if (nested) out = out.maskedFill(kpm!.unsqueeze(-1), 0);
    return this.norm === null ? out : (this.norm.call(out) as Tensor);
  }
}

const DECODER = signature<{ '': { decoderLayer: Module; numLayers: number; norm: Module | null } }>('TransformerDecoder(Any decoder_layer, int num_layers, Any? norm=None)');

/**
 * `nn.TransformerDecoder(decoder_layer, num_layers, norm=None)`.
 * @example new nn.TransformerDecoder(new nn.TransformerDecoderLayer(16, 4, 32), 2).call(tgt, memory)
 */
export class TransformerDecoder extends Module {
  declare layers: ModuleList;
  declare numLayers: number;
  declare norm: Module | null;
  constructor(...args: Args<[decoderLayer: TransformerDecoderLayer | Module, numLayers: number, norm: Module | null], { decoderLayer?: Module; numLayers?: number; norm?: Module | null }>) {
    super();
    const a = DECODER.parse(args);
    this.layers = clones(a.decoderLayer, a.numLayers);
    this.numLayers = a.numLayers;
    this.norm = a.norm;
  }
  /** `forward(tgt, memory, tgt_mask=None, memory_mask=None, tgt_key_padding_mask=None, memory_key_padding_mask=None)`. @example dec.forward(tgt, memory) */
  override forward(tgt: Tensor, memory: Tensor, ...rest: DecoderRest): Tensor {
    const a = DECODER_FORWARD.parse([tgt, memory, ...rest]);
    let out = a.tgt;
    for (const layer of this.layers) {
      out = layer.call(out, a.memory, { tgtMask: a.tgtMask, memoryMask: a.memoryMask, tgtKeyPaddingMask: a.tgtKeyPaddingMask, memoryKeyPaddingMask: a.memoryKeyPaddingMask }) as Tensor;
    }
    return this.norm === null ? out : (this.norm.call(out) as Tensor);
  }
}

interface TransformerArgs extends FactoryOptions {
  dModel: number;
  nhead: number;
  numEncoderLayers: number;
  numDecoderLayers: number;
  dimFeedforward: number;
  dropout: number;
  activation: Activation;
  customEncoder: Module | null;
  customDecoder: Module | null;
  layerNormEps: number;
  batchFirst: boolean;
  normFirst: boolean;
}
/** Options of `nn.Transformer`. */
export type TransformerOptions = Partial<TransformerArgs>;
const TRANSFORMER = signature<{ '': Required<TransformerArgs> }>(
  'Transformer(int d_model=512, int nhead=8, int num_encoder_layers=6, int num_decoder_layers=6, int dim_feedforward=2048, float dropout=0.1, Any activation="relu", Any? custom_encoder=None, Any? custom_decoder=None, float layer_norm_eps=1e-05, bool batch_first=False, bool norm_first=False, Device? device=None, ScalarType? dtype=None)',
);
interface TransformerForward {
  src: Tensor;
  tgt: Tensor;
  srcMask: Tensor | null;
  tgtMask: Tensor | null;
  memoryMask: Tensor | null;
  srcKeyPaddingMask: Tensor | null;
  tgtKeyPaddingMask: Tensor | null;
  memoryKeyPaddingMask: Tensor | null;
}
const TRANSFORMER_FORWARD = signature<{ '': TransformerForward }>(
  'forward(Tensor src, Tensor tgt, Tensor? src_mask=None, Tensor? tgt_mask=None, Tensor? memory_mask=None, Tensor? src_key_padding_mask=None, Tensor? tgt_key_padding_mask=None, Tensor? memory_key_padding_mask=None)',
);
const SQUARE_MASK = signature<{ '': { sz: number; device: Device | null } }>('generate_square_subsequent_mask(int sz, Device? device=None)');

/**
 * `nn.Transformer(d_model=512, nhead=8, num_encoder_layers=6, num_decoder_layers=6, dim_feedforward=2048, dropout=0.1, activation='relu', custom_encoder=None, custom_decoder=None, layer_norm_eps=1e-05, batch_first=False, norm_first=False)`:
 * encoder and decoder stacks with final layer norms; every parameter with more than one dim
 * re-initialised with xavier_uniform_, as PyTorch.
 * @example const t = new nn.Transformer({ dModel: 16, nhead: 4, numEncoderLayers: 1, numDecoderLayers: 1, dimFeedforward: 32 }); t.call(src, tgt)
 */
export class Transformer extends Module {
  declare encoder: Module;
  declare decoder: Module;
  declare dModel: number;
  declare nhead: number;
  declare batchFirst: boolean;
  constructor(...args: Args<[dModel: number, nhead: number, numEncoderLayers: number, numDecoderLayers: number, dimFeedforward: number, dropout: number, activation: Activation, customEncoder: Module | null, customDecoder: Module | null, layerNormEps: number, batchFirst: boolean, normFirst: boolean, device: Device | null, dtype: DType | null], TransformerOptions>) {
    super();
    const a = TRANSFORMER.parse(args);
    const f = { device: a.device, dtype: a.dtype };
    const layer = { dropout: a.dropout, activation: a.activation, layerNormEps: a.layerNormEps, batchFirst: a.batchFirst, normFirst: a.normFirst, ...f };
    this.encoder = a.customEncoder
      ?? new TransformerEncoder(new TransformerEncoderLayer(a.dModel, a.nhead, a.dimFeedforward, layer), a.numEncoderLayers, new LayerNorm(a.dModel, { eps: a.layerNormEps, ...f }));
    this.decoder = a.customDecoder
      ?? new TransformerDecoder(new TransformerDecoderLayer(a.dModel, a.nhead, a.dimFeedforward, layer), a.numDecoderLayers, new LayerNorm(a.dModel, { eps: a.layerNormEps, ...f }));
    for (const p of this.parameters()) if (p.ndim > 1) xavierUniform_(p);
    this.dModel = a.dModel;
    this.nhead = a.nhead;
    this.batchFirst = a.batchFirst;
  }
  /** `forward(src, tgt, src_mask=None, tgt_mask=None, memory_mask=None, src_key_padding_mask=None, tgt_key_padding_mask=None, memory_key_padding_mask=None)`. @example t.forward(src, tgt, { tgtMask: nn.Transformer.generateSquareSubsequentMask(5) }) */
  override forward(src: Tensor, tgt: Tensor, ...rest: Args<[srcMask: Tensor | null, tgtMask: Tensor | null, memoryMask: Tensor | null, srcKeyPaddingMask: Tensor | null, tgtKeyPaddingMask: Tensor | null, memoryKeyPaddingMask: Tensor | null], Partial<Omit<TransformerForward, 'src' | 'tgt'>>>): Tensor {
    const a = TRANSFORMER_FORWARD.parse([src, tgt, ...rest]);
    const batched = a.src.ndim === 3;
    if (!this.batchFirst && batched && a.src.shape[1] !== a.tgt.shape[1]) throw new RuntimeError('the batch number of src and tgt must be equal');
    if (this.batchFirst && batched && a.src.shape[0] !== a.tgt.shape[0]) throw new RuntimeError('the batch number of src and tgt must be equal');
    if (a.src.shape.at(-1) !== this.dModel || a.tgt.shape.at(-1) !== this.dModel) throw new RuntimeError('the feature number of src and tgt must be equal to d_model');
    const memory = this.encoder.call(a.src, { mask: a.srcMask, srcKeyPaddingMask: a.srcKeyPaddingMask }) as Tensor;
    return this.decoder.call(a.tgt, memory, { tgtMask: a.tgtMask, memoryMask: a.memoryMask, tgtKeyPaddingMask: a.tgtKeyPaddingMask, memoryKeyPaddingMask: a.memoryKeyPaddingMask }) as Tensor;
  }
  /**
   * `Transformer.generate_square_subsequent_mask(sz)`: -inf above the diagonal, 0 elsewhere (float32).
   * @example nn.Transformer.generateSquareSubsequentMask(3)
   */
  static generateSquareSubsequentMask(...args: Args<[sz: number, device: Device | null], { sz?: number; device?: Device | null }>): Tensor {
    const a = SQUARE_MASK.parse(args);
    return triu(full([a.sz, a.sz], -Infinity, a.device === null ? {} : { device: a.device }), 1);
  }
}
