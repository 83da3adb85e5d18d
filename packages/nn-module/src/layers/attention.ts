// nn.MultiheadAttention (and the NonDynamicallyQuantizableLinear its out_proj is, as PyTorch names it).

import type { DType, Device, Tensor } from '@torchlet/tensor';
import { AssertionError, signature } from '@torchlet/tensor';
import type { Args, FactoryOptions } from '../args.js';
import { factoryEmpty } from '../args.js';
import { multiHeadAttentionForward } from '../functional/attention.js';
import { constant_, xavierNormal_, xavierUniform_ } from '../init/init.js';
import { Module } from '../module/module.js';
import { Parameter } from '../parameter.js';
import { Linear } from './linear.js';

/** `NonDynamicallyQuantizableLinear`: a Linear under the name PyTorch gives MultiheadAttention's out_proj. @example String(mha.out_proj) */
export class NonDynamicallyQuantizableLinear extends Linear {}

interface MhaArgs extends FactoryOptions {
  embedDim: number;
  numHeads: number;
  dropout: number;
  bias: boolean;
  addBiasKv: boolean;
  addZeroAttn: boolean;
  kdim: number | null;
  vdim: number | null;
  batchFirst: boolean;
}
/** Options of `nn.MultiheadAttention`. */
export type MultiheadAttentionOptions = Partial<MhaArgs>;
const MHA = signature<{ '': Required<MhaArgs> }>(
  'MultiheadAttention(int embed_dim, int num_heads, float dropout=0.0, bool bias=True, bool add_bias_kv=False, bool add_zero_attn=False, int? kdim=None, int? vdim=None, bool batch_first=False, Device? device=None, ScalarType? dtype=None)',
);
interface ForwardArgs {
  query: Tensor;
  key: Tensor;
  value: Tensor;
  keyPaddingMask: Tensor | null;
  needWeights: boolean;
  attnMask: Tensor | null;
  averageAttnWeights: boolean;
}
/** Options of `MultiheadAttention.forward`. */
export type MultiheadAttentionForwardOptions = Partial<Omit<ForwardArgs, 'query' | 'key' | 'value'>>;
const FORWARD = signature<{ '': ForwardArgs }>(
  'forward(Tensor query, Tensor key, Tensor value, Tensor? key_padding_mask=None, bool need_weights=True, Tensor? attn_mask=None, bool average_attn_weights=True)',
);

/**
 * `nn.MultiheadAttention(embed_dim, num_heads, dropout=0.0, bias=True, add_bias_kv=False, add_zero_attn=False, kdim=None, vdim=None, batch_first=False)`:
 * `forward(query, key, value, key_padding_mask=None, need_weights=True, attn_mask=None, average_attn_weights=True)`
 * → `[output, weights or null]`.
 * @example const mha = new nn.MultiheadAttention(8, 2); const [y, w] = mha.call(x, x, x); // x [L, N, 8]
 */
export class MultiheadAttention extends Module {
  declare embedDim: number;
  declare kdim: number;
  declare vdim: number;
  declare _qkvSameEmbedDim: boolean;
  declare numHeads: number;
  declare dropout: number;
  declare batchFirst: boolean;
  declare headDim: number;
  declare addZeroAttn: boolean;
  declare in_proj_weight: Parameter | null;
  declare q_proj_weight: Parameter | null;
  declare k_proj_weight: Parameter | null;
  declare v_proj_weight: Parameter | null;
  declare in_proj_bias: Parameter | null;
  declare out_proj: NonDynamicallyQuantizableLinear;
  declare bias_k: Parameter | null;
  declare bias_v: Parameter | null;

  constructor(...args: Args<[embedDim: number, numHeads: number, dropout: number, bias: boolean, addBiasKv: boolean, addZeroAttn: boolean, kdim: number | null, vdim: number | null, batchFirst: boolean, device: Device | null, dtype: DType | null], MultiheadAttentionOptions>) {
    super();
    const a = MHA.parse(args);
    const e = a.embedDim;
    this.embedDim = e;
    this.kdim = a.kdim ?? e;
    this.vdim = a.vdim ?? e;
    this._qkvSameEmbedDim = this.kdim === e && this.vdim === e;
    this.numHeads = a.numHeads;
    this.dropout = a.dropout;
    this.batchFirst = a.batchFirst;
    this.headDim = Math.floor(e / a.numHeads);
    if (this.headDim * a.numHeads !== e) throw new AssertionError('embed_dim must be divisible by num_heads');
    if (!this._qkvSameEmbedDim) {
      this.q_proj_weight = new Parameter(factoryEmpty([e, e], a));
      this.k_proj_weight = new Parameter(factoryEmpty([e, this.kdim], a));
      this.v_proj_weight = new Parameter(factoryEmpty([e, this.vdim], a));
      this.registerParameter('in_proj_weight', null);
    } else {
      this.in_proj_weight = new Parameter(factoryEmpty([3 * e, e], a));
      this.registerParameter('q_proj_weight', null);
      this.registerParameter('k_proj_weight', null);
      this.registerParameter('v_proj_weight', null);
    }
    if (a.bias) this.in_proj_bias = new Parameter(factoryEmpty([3 * e], a));
    else this.registerParameter('in_proj_bias', null);
    this.out_proj = new NonDynamicallyQuantizableLinear(e, e, { bias: a.bias, device: a.device, dtype: a.dtype });
    if (a.addBiasKv) {
      this.bias_k = new Parameter(factoryEmpty([1, 1, e], a));
      this.bias_v = new Parameter(factoryEmpty([1, 1, e], a));
    } else {
      // plain attributes, as PyTorch's `self.bias_k = self.bias_v = None`
      this.bias_k = null;
      this.bias_v = null;
    }
    this.addZeroAttn = a.addZeroAttn;
    this.resetParameters();
  }
  /** `_reset_parameters()`: xavier_uniform_ projections, zero biases, xavier_normal_ bias_k/v. @example mha.resetParameters() */
  resetParameters(): void {
    if (this._qkvSameEmbedDim) xavierUniform_(this.in_proj_weight!);
    else for (const w of [this.q_proj_weight!, this.k_proj_weight!, this.v_proj_weight!]) xavierUniform_(w);
    if (this.in_proj_bias !== null) {
      constant_(this.in_proj_bias, 0);
      constant_(this.out_proj.bias!, 0);
    }
    if (this.bias_k !== null) xavierNormal_(this.bias_k);
    if (this.bias_v !== null) xavierNormal_(this.bias_v);
  }
  /** The computation (run it with `call(...)`, which also runs the hooks). @example layer.call(x) */
  override forward(query: Tensor, key: Tensor, value: Tensor, ...rest: Args<[keyPaddingMask: Tensor | null, needWeights: boolean, attnMask: Tensor | null, averageAttnWeights: boolean], MultiheadAttentionForwardOptions>): [Tensor, Tensor | null] {
    const a = FORWARD.parse([query, key, value, ...rest]);
    let { query: q, key: k, value: v } = a;
    const batched = q.ndim === 3;
    if (this.batchFirst && batched) {
      // keep self-attention recognisable (q === k === v) through the transposes
      if (k === v) {
        if (q === k) q = k = v = q.transpose(1, 0);
        else {
          q = q.transpose(1, 0);
          k = v = k.transpose(1, 0);
        }
      } else [q, k, v] = [q.transpose(1, 0), k.transpose(1, 0), v.transpose(1, 0)];
    }
    const [out, weights] = multiHeadAttentionForward(
      q, k, v, this.embedDim, this.numHeads, this.in_proj_weight, this.in_proj_bias, this.bias_k, this.bias_v, this.addZeroAttn, this.dropout,
      this.out_proj.weight, this.out_proj.bias,
      {
        training: this.training, keyPaddingMask: a.keyPaddingMask, needWeights: a.needWeights, attnMask: a.attnMask, averageAttnWeights: a.averageAttnWeights,
        ...(this._qkvSameEmbedDim ? {} : { useSeparateProjWeight: true, qProjWeight: this.q_proj_weight, kProjWeight: this.k_proj_weight, vProjWeight: this.v_proj_weight }),
      },
    );
    return this.batchFirst && batched ? [out.transpose(1, 0), weights] : [out, weights];
  }
}
