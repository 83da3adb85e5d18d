// F.multi_head_attention_forward and F.scaled_dot_product_attention, as PyTorch 1.13 computes
// multi-head attention (projections, masks, bias_k/v, zero attention, scaled dot product,
// dropout of the weights, output projection).

import type { Tensor } from '@torchlet/tensor';
import { AssertionError, RuntimeError, cat, ones, pad, signature, zeros, zerosLike } from '@torchlet/tensor';
import type { Args } from '../args.js';
import { dropout } from './dropout.js';
import { linear } from './linear.js';

interface MhaArgs {
  query: Tensor;
  key: Tensor;
  value: Tensor;
  embedDimToCheck: number;
  numHeads: number;
  inProjWeight: Tensor | null;
  inProjBias: Tensor | null;
  biasK: Tensor | null;
  biasV: Tensor | null;
  addZeroAttn: boolean;
  dropoutP: number;
  outProjWeight: Tensor;
  outProjBias: Tensor | null;
  training: boolean;
  keyPaddingMask: Tensor | null;
  needWeights: boolean;
  attnMask: Tensor | null;
  useSeparateProjWeight: boolean;
  qProjWeight: Tensor | null;
  kProjWeight: Tensor | null;
  vProjWeight: Tensor | null;
  staticK: Tensor | null;
  staticV: Tensor | null;
  averageAttnWeights: boolean;
}
/** Options of `F.multiHeadAttentionForward` after its thirteen positional parameters. */
export type MhaOptions = Partial<Pick<MhaArgs, 'training' | 'keyPaddingMask' | 'needWeights' | 'attnMask' | 'useSeparateProjWeight' | 'qProjWeight' | 'kProjWeight' | 'vProjWeight' | 'staticK' | 'staticV' | 'averageAttnWeights'>>;
const MHA = signature<{ '': MhaArgs }>(
  'multi_head_attention_forward(Tensor query, Tensor key, Tensor value, int embed_dim_to_check, int num_heads, Tensor? in_proj_weight, Tensor? in_proj_bias, Tensor? bias_k, Tensor? bias_v, bool add_zero_attn, float dropout_p, Tensor out_proj_weight, Tensor? out_proj_bias, bool training=True, Tensor? key_padding_mask=None, bool need_weights=True, Tensor? attn_mask=None, bool use_separate_proj_weight=False, Tensor? q_proj_weight=None, Tensor? k_proj_weight=None, Tensor? v_proj_weight=None, Tensor? static_k=None, Tensor? static_v=None, bool average_attn_weights=True)',
);
const SDPA = signature<{ '': { query: Tensor; key: Tensor; value: Tensor; attnMask: Tensor | null; dropoutP: number; isCausal: boolean; scale: number | null } }>(
  'scaled_dot_product_attention(Tensor query, Tensor key, Tensor value, Tensor? attn_mask=None, float dropout_p=0.0, bool is_causal=False, *, float? scale=None)',
);

const shapeText = (s: readonly number[]): string => `[${s.join(', ')}]`;

/** `_mha_shape_check`: whether the query is batched, with PyTorch's assertions. */
function isBatched(q: Tensor, k: Tensor, v: Tensor, kpm: Tensor | null, mask: Tensor | null, numHeads: number): boolean {
  const fail = (m: string): never => {
    throw new AssertionError(m);
  };
  if (q.ndim === 3) {
    if (k.ndim !== 3 || v.ndim !== 3) fail(`For batched (3-D) \`query\`, expected \`key\` and \`value\` to be 3-D but found ${k.ndim}-D and ${v.ndim}-D tensors respectively`);
    if (kpm !== null && kpm.ndim !== 2) fail(`For batched (3-D) \`query\`, expected \`key_padding_mask\` to be \`None\` or 2-D but found ${kpm.ndim}-D tensor instead`);
    if (mask !== null && mask.ndim !== 2 && mask.ndim !== 3) fail(`For batched (3-D) \`query\`, expected \`attn_mask\` to be \`None\`, 2-D or 3-D but found ${mask.ndim}-D tensor instead`);
    return true;
  }
  if (q.ndim === 2) {
    if (k.ndim !== 2 || v.ndim !== 2) fail(`For unbatched (2-D) \`query\`, expected \`key\` and \`value\` to be 2-D but found ${k.ndim}-D and ${v.ndim}-D tensors respectively`);
    if (kpm !== null && kpm.ndim !== 1) fail(`For unbatched (2-D) \`query\`, expected \`key_padding_mask\` to be \`None\` or 1-D but found ${kpm.ndim}-D tensor instead`);
    if (mask !== null && mask.ndim !== 2 && mask.ndim !== 3) fail(`For unbatched (2-D) \`query\`, expected \`attn_mask\` to be \`None\`, 2-D or 3-D but found ${mask.ndim}-D tensor instead`);
    if (mask !== null && mask.ndim === 3) {
      const expected = [numHeads, q.shape[0]!, k.shape[0]!];
      if (mask.shape.join() !== expected.join()) fail(`Expected \`attn_mask\` shape to be ${shapeText(expected)} but got ${shapeText(mask.shape)}`);
    }
    return false;
  }
  return fail(`query should be unbatched 2D or batched 3D tensor but received ${q.ndim}-D query tensor`);
}

/** `_in_projection_packed`: q, k, v from one [3E, E] weight (one matmul for self-attention). */
function inProjectionPacked(q: Tensor, k: Tensor, v: Tensor, w: Tensor, b: Tensor | null): [Tensor, Tensor, Tensor] {
  const e = q.shape.at(-1)!;
  if (k === v) {
    if (q === k) return linear(q, w, b).chunk(3, -1) as [Tensor, Tensor, Tensor];
    const [wq, wkv] = w.split([e, 2 * e]) as [Tensor, Tensor];
    const [bq, bkv] = b === null ? [null, null] : (b.split([e, 2 * e]) as [Tensor, Tensor]);
    const [kk, vv] = linear(k, wkv, bkv).chunk(2, -1) as [Tensor, Tensor];
    return [linear(q, wq, bq), kk, vv];
  }
  const [wq, wk, wv] = w.chunk(3) as [Tensor, Tensor, Tensor];
  const [bq, bk, bv] = b === null ? [null, null, null] : (b.chunk(3) as [Tensor, Tensor, Tensor]);
  return [linear(q, wq, bq), linear(k, wk, bk), linear(v, wv, bv)];
}

/**
 * `F.multi_head_attention_forward(query, key, value, embed_dim_to_check, num_heads, in_proj_weight, in_proj_bias, bias_k, bias_v, add_zero_attn, dropout_p, out_proj_weight, out_proj_bias, training=True, key_padding_mask=None, need_weights=True, attn_mask=None, …)`:
 * inputs [L, N, E] (or unbatched [L, E]); returns `[output, weights or null]`.
 * @example F.multiHeadAttentionForward(q, k, v, 8, 2, w, b, null, null, false, 0, ow, ob)
 */
export function multiHeadAttentionForward(
  query: Tensor, key: Tensor, value: Tensor, embedDimToCheck: number, numHeads: number, inProjWeight: Tensor | null, inProjBias: Tensor | null,
  biasK: Tensor | null, biasV: Tensor | null, addZeroAttn: boolean, dropoutP: number, outProjWeight: Tensor, outProjBias: Tensor | null, opts: MhaOptions = {},
): [Tensor, Tensor | null] {
  const a = MHA.parse([query, key, value, embedDimToCheck, numHeads, inProjWeight, inProjBias, biasK, biasV, addZeroAttn, dropoutP, outProjWeight, outProjBias, opts]);
  let { query: q0, key: k0, value: v0, keyPaddingMask: kpm, attnMask: mask } = a;
  const batched = isBatched(q0, k0, v0, kpm, mask, a.numHeads);
  if (!batched) {
    const sameKV = k0 === v0;
    const sameQK = q0 === k0;
    q0 = q0.unsqueeze(1);
    k0 = sameQK ? q0 : k0.unsqueeze(1);
    v0 = sameKV ? k0 : v0.unsqueeze(1);
    if (kpm !== null) kpm = kpm.unsqueeze(0);
  }
  const [tgtLen, bsz, embedDim] = q0.shape as [number, number, number];
  if (kpm !== null && kpm.dtype !== 'bool' && !kpm.isFloatingPoint()) throw new AssertionError('only bool and floating types of key_padding_mask are supported');
  if (embedDim !== a.embedDimToCheck) throw new AssertionError(`was expecting embedding dimension of ${a.embedDimToCheck}, but got ${embedDim}`);
  const heads = a.numHeads;
  const headDim = Math.floor(embedDim / heads);
  if (headDim * heads !== embedDim) throw new AssertionError(`embed_dim ${embedDim} not divisible by num_heads ${heads}`);
  let q: Tensor;
  let k: Tensor;
  let v: Tensor;
  if (!a.useSeparateProjWeight) {
    if (k0.shape.join() !== v0.shape.join()) throw new AssertionError(`key shape ${shapeText(k0.shape)} does not match value shape ${shapeText(v0.shape)}`);
    if (a.inProjWeight === null) throw new AssertionError('use_separate_proj_weight is False but in_proj_weight is None');
    [q, k, v] = inProjectionPacked(q0, k0, v0, a.inProjWeight, a.inProjBias);
  } else {
    if (a.qProjWeight === null || a.kProjWeight === null || a.vProjWeight === null) throw new AssertionError('use_separate_proj_weight is True but q_proj_weight is None');
    const [bq, bk, bv] = a.inProjBias === null ? [null, null, null] : (a.inProjBias.chunk(3) as [Tensor, Tensor, Tensor]);
    [q, k, v] = [linear(q0, a.qProjWeight, bq), linear(k0, a.kProjWeight, bk), linear(v0, a.vProjWeight, bv)];
  }
  const srcLen0 = k0.shape[0]!;
  if (mask !== null) {
    if (mask.dtype === 'uint8') mask = mask.to('bool');
    else if (!mask.isFloatingPoint() && mask.dtype !== 'bool') throw new AssertionError(`Only float, byte, and bool types are supported for attn_mask, not torch.${mask.dtype}`);
    if (mask.ndim === 2) {
      if (mask.shape.join() !== [tgtLen, srcLen0].join()) throw new RuntimeError(`The shape of the 2D attn_mask is ${shapeText(mask.shape)}, but should be (${tgtLen}, ${srcLen0}).`);
      mask = mask.unsqueeze(0);
    } else if (mask.ndim === 3) {
      if (mask.shape.join() !== [bsz * heads, tgtLen, srcLen0].join()) throw new RuntimeError(`The shape of the 3D attn_mask is ${shapeText(mask.shape)}, but should be (${bsz * heads}, ${tgtLen}, ${srcLen0}).`);
    } else throw new RuntimeError(`attn_mask's dimension ${mask.ndim} is not supported`);
  }
  if (a.biasK !== null && a.biasV !== null) {
    if (a.staticK !== null || a.staticV !== null) throw new AssertionError('bias cannot be added to static key.');
    k = cat([k, a.biasK.repeat(1, bsz, 1)]);
    v = cat([v, a.biasV.repeat(1, bsz, 1)]);
    if (mask !== null) mask = pad(mask, [0, 1]);
    if (kpm !== null) kpm = pad(kpm, [0, 1]);
  }
  q = q.contiguous().view(tgtLen, bsz * heads, headDim).transpose(0, 1);
  k = a.staticK ?? k.contiguous().view(k.shape[0]!, bsz * heads, headDim).transpose(0, 1);
  v = a.staticV ?? v.contiguous().view(v.shape[0]!, bsz * heads, headDim).transpose(0, 1);
  if (a.addZeroAttn) {
    k = cat([k, zeros([bsz * heads, 1, headDim], { dtype: k.dtype, device: k.device })], 1);
    v = cat([v, zeros([bsz * heads, 1, headDim], { dtype: v.dtype, device: v.device })], 1);
    if (mask !== null) mask = pad(mask, [0, 1]);
    if (kpm !== null) kpm = pad(kpm, [0, 1]);
  }
  const srcLen = k.shape[1]!;
  if (kpm !== null) {
    if (kpm.shape.join() !== [bsz, srcLen].join()) throw new AssertionError(`expecting key_padding_mask shape of (${bsz}, ${srcLen}), but got ${shapeText(kpm.shape)}`);
    kpm = kpm.view(bsz, 1, 1, srcLen).expand(-1, heads, -1, -1).reshape(bsz * heads, 1, srcLen);
    if (mask === null) mask = kpm;
    else if (mask.dtype === 'bool') mask = mask.logicalOr(kpm);
    else mask = mask.maskedFill(kpm, -Infinity);
  }
  if (mask !== null && mask.dtype === 'bool') mask = zerosLike(mask, { dtype: q.dtype }).maskedFill_(mask, -Infinity);
  const p = a.training ? a.dropoutP : 0;
  const scores = q.div(Math.sqrt(q.shape[2]!)).bmm(k.transpose(-2, -1));
  let weights = (mask === null ? scores : mask.add(scores)).softmax(-1);
  if (p > 0) weights = dropout(weights, p);
  let out = weights.bmm(v).transpose(0, 1).contiguous().view(tgtLen * bsz, embedDim);
  out = linear(out, a.outProjWeight, a.outProjBias);
  out = out.view(tgtLen, bsz, out.shape[1]!);
  if (!a.needWeights) return [batched ? out : out.squeeze(1), null];
  let w = weights.view(bsz, heads, tgtLen, srcLen);
  if (a.averageAttnWeights) w = w.sum(1).div(heads);
  return batched ? [out, w] : [out.squeeze(1), w.squeeze(0)];
}

/**
 * `F.scaled_dot_product_attention(query, key, value, attn_mask=None, dropout_p=0.0, is_causal=False, *, scale=None)`
 * (PyTorch 2.0): softmax(q kᵀ · scale + mask) v over [..., L, E] inputs; a bool mask keeps the
 * positions where it is true.
 * @example F.scaledDotProductAttention(q, k, v, { isCausal: true })
 */
export function scaledDotProductAttention(query: Tensor, key: Tensor, value: Tensor, ...rest: Args<[attnMask: Tensor | null, dropoutP: number, isCausal: boolean], { attnMask?: Tensor | null; dropoutP?: number; isCausal?: boolean; scale?: number | null }>): Tensor {
  const a = SDPA.parse([query, key, value, ...rest]);
  const l = a.query.shape.at(-2)!;
  const s = a.key.shape.at(-2)!;
  const scale = a.scale ?? 1 / Math.sqrt(a.query.shape.at(-1)!);
  let bias = zeros([l, s], { dtype: a.query.dtype, device: a.query.device });
  if (a.isCausal) {
    if (a.attnMask !== null) throw new RuntimeError('_scaled_dot_product_attention: Explicit attn_mask should not be set when is_causal=True');
    bias = bias.maskedFill(ones([l, s], { dtype: 'bool', device: a.query.device }).tril().logicalNot(), -Infinity);
  }
  if (a.attnMask !== null) bias = a.attnMask.dtype === 'bool' ? bias.maskedFill(a.attnMask.logicalNot(), -Infinity) : bias.add(a.attnMask);
  let w = a.query.matmul(a.key.transpose(-2, -1)).mul(scale).add(bias).softmax(-1);
  if (a.dropoutP > 0) w = dropout(w, a.dropoutP, true);
  return w.matmul(a.value);
}
