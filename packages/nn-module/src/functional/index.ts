// nn.F: torch.nn.functional for layers. The convolution, pooling, padding, interpolation and
// pixel-shuffle ops live in @torchlet/tensor and are re-exported here; the losses' functions are
// in @torchlet/losses (the umbrella's torch.nn.F has both).
export {
  adaptiveAvgPool1d, adaptiveAvgPool2d, adaptiveMaxPool1d, adaptiveMaxPool2d, avgPool1d, avgPool2d, conv1d, conv2d, conv3d, convTranspose1d,
  convTranspose2d, convTranspose3d, fold, interpolate, maxPool1d, maxPool2d, maxUnpool2d, pad, pixelShuffle, pixelUnshuffle, unfold,
} from '@torchlet/tensor';
export {
  celu, celu_, elu, elu_, gelu, glu, hardshrink, hardsigmoid, hardswish, hardtanh, hardtanh_, leakyRelu, leakyRelu_, logsigmoid, mish, prelu, relu,
  relu6, relu_, rrelu, rrelu_, selu, selu_, sigmoid, silu, softplus, softshrink, softsign, tanh, tanhshrink, threshold, threshold_,
} from './activation.js';
export { logSoftmax, softmax, softmin } from './softmax.js';
export { bilinear, linear } from './linear.js';
export { cosineSimilarity, pairwiseDistance, pdist } from './distance.js';
export type { CosineSimilarityOptions, PairwiseDistanceOptions } from './distance.js';
export { alphaDropout, dropout, dropout1d, dropout2d, dropout3d, featureAlphaDropout } from './dropout.js';
export type { DropoutOptions } from './dropout.js';
export { batchNorm, groupNorm, instanceNorm, layerNorm, localResponseNorm, normalize, rmsNorm } from './normalization.js';
export { embedding, embeddingBag, oneHot } from './embedding.js';
export type { EmbeddingBagOptions, EmbeddingOptions } from './embedding.js';
export { upsample } from './upsample.js';
export { multiHeadAttentionForward, scaledDotProductAttention } from './attention.js';
export type { MhaOptions } from './attention.js';
