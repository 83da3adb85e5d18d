// gradcheck (float64) of the composite functional ops nn adds: their gradients come from
// autograd through the ops they are made of, and must equal finite differences.
import './setup.js';
import { describe, expect, it } from 'vitest';
import type { Tensor } from '@torchlet/tensor';
import * as torch from '@torchlet/tensor';
import { gradcheck } from '@torchlet/autograd';
import { F } from '../src/index.js';

/** float64 leaves requiring grad, away from the kinks at 0, ±1, ±3, ±6 of the piecewise functions. */
function leaf(shape: number[], seed: number, scale = 2): Tensor {
  torch.manualSeed(seed);
  const x = torch.randn(shape, { dtype: 'float64' }).mul(scale);
  return x.add(x.sign().mul(0.05)).requiresGrad_();
}
const check = (fn: (...t: Tensor[]) => Tensor, ...inputs: Tensor[]): boolean => gradcheck(fn as never, inputs);

describe('gradcheck of nn.F composites (float64)', () => {
  const unary: Record<string, (x: Tensor) => Tensor> = {
    hardtanh: (x) => F.hardtanh(x, -1.5, 1.5),
    relu6: (x) => F.relu6(x.mul(3)),
    leakyRelu: (x) => F.leakyRelu(x, 0.2),
    elu: (x) => F.elu(x, 0.7),
    selu: (x) => F.selu(x),
    celu: (x) => F.celu(x, 1.3),
    mish: (x) => F.mish(x),
    hardsigmoid: (x) => F.hardsigmoid(x.mul(2)),
    hardswish: (x) => F.hardswish(x.mul(2)),
    softsign: (x) => F.softsign(x),
    threshold: (x) => F.threshold(x, 0.3, -2),
    tanhshrink: (x) => F.tanhshrink(x),
    logsigmoid: (x) => F.logsigmoid(x),
    hardshrink: (x) => F.hardshrink(x, 0.5),
    softshrink: (x) => F.softshrink(x, 0.5),
    softmin: (x) => F.softmin(x, 1),
    rreluEval: (x) => F.rrelu(x),
    glu: (x) => F.glu(x, 1),
    normalize: (x) => F.normalize(x, { p: 3, dim: 1 }),
    layerNorm: (x) => F.layerNorm(x, [6]),
    groupNorm: (x) => F.groupNorm(x.reshape(2, 3, 2), 3),
    rmsNorm: (x) => F.rmsNorm(x, [6]),
    localResponseNorm: (x) => F.localResponseNorm(x.reshape(2, 3, 2), 2),
    batchNormTraining: (x) => F.batchNorm(x, null, null, { training: true }),
    instanceNorm: (x) => F.instanceNorm(x.reshape(2, 2, 3)),
  };
  for (const [name, fn] of Object.entries(unary)) {
    it(name, () => expect(check(fn, leaf([2, 6], name.length))).toBe(true));
  }
  it('prelu (input and weight)', () => {
    const w = torch.tensor([0.25, -0.5, 0.1], { dtype: 'float64', requiresGrad: true });
    expect(check((x, ww) => F.prelu(x, ww!), leaf([2, 3, 2], 1), w)).toBe(true);
  });
  it('linear and bilinear (inputs, weights, biases)', () => {
    expect(check((x, w, b) => F.linear(x, w!, b!), leaf([3, 4], 2), leaf([2, 4], 3), leaf([2], 4))).toBe(true);
    expect(check((x1, x2, w, b) => F.bilinear(x1, x2!, w!, b!), leaf([3, 2], 5), leaf([3, 4], 6), leaf([2, 2, 4], 7), leaf([2], 8))).toBe(true);
  });
  it('pairwise distance, cosine similarity and pdist (both inputs)', () => {
    expect(check((a, b) => F.pairwiseDistance(a, b!), leaf([3, 4], 12), leaf([3, 4], 13))).toBe(true);
    expect(check((a, b) => F.pairwiseDistance(a, b!, 1.5, 1e-6, true), leaf([2, 3, 4], 14), leaf([3, 4], 15))).toBe(true);
    expect(check((a, b) => F.cosineSimilarity(a, b!, { dim: 0 }), leaf([4, 3], 16), leaf([4, 3], 17))).toBe(true);
    expect(check((x) => F.pdist(x), leaf([4, 3], 18))).toBe(true);
    expect(check((x) => F.pdist(x, 3), leaf([4, 3], 19))).toBe(true);
  });
  it('batch norm with affine parameters and running statistics', () => {
    const rm = torch.zeros(3, { dtype: 'float64' });
    const rv = torch.ones(3, { dtype: 'float64' });
    expect(check((x, w, b) => F.batchNorm(x, rm, rv, w!, b!, true), leaf([4, 3, 2], 9), leaf([3], 10), leaf([3], 11))).toBe(true);
    expect(check((x, w, b) => F.batchNorm(x, rm, rv, w!, b!, false), leaf([4, 3], 12), leaf([3], 13), leaf([3], 14))).toBe(true);
  });
  it('embedding and embedding_bag (weights, per-sample weights)', () => {
    const idx = torch.tensor([[0, 2, 2], [3, 1, 0]]);
    // (padding_idx and scale_grad_by_freq change the gradient on purpose; the layer fixtures check them)
    expect(check((w) => F.embedding(idx, w), leaf([4, 3], 15))).toBe(true);
    const flat = torch.tensor([0, 2, 2, 3, 1, 0]);
    const offsets = torch.tensor([0, 2, 2]);
    expect(check((w) => F.embeddingBag(flat, w, offsets, { mode: 'mean', paddingIdx: 2 }), leaf([4, 3], 16))).toBe(true);
    expect(check((w, p) => F.embeddingBag(flat, w, offsets, { mode: 'sum', perSampleWeights: p }), leaf([4, 3], 17), leaf([6], 18))).toBe(true);
    expect(check((w) => F.embeddingBag(flat, w, offsets, { mode: 'max' }), leaf([4, 3], 19))).toBe(true);
  });
  it('alpha dropout and dropout at a fixed seed', () => {
    expect(check((x) => (torch.manualSeed(3), F.alphaDropout(x, 0.3, true)), leaf([3, 4], 20))).toBe(true);
    expect(check((x) => (torch.manualSeed(4), F.dropout2d(x.reshape(2, 3, 2, 1), 0.5)), leaf([3, 4], 21))).toBe(true);
  });
});
