// @torchlet/nn-module: torch.nn — Module, Parameter, containers, layers, nn.init, nn.F and nn.utils.
export { Module } from './module/module.js';
export type { NamedMembersOptions } from './module/module.js';
export { Parameter, UninitializedParameter, isLazy } from './parameter.js';
export { HookHandle } from './module/handle.js';
export type {
  ForwardHook, ForwardHookOptions, ForwardHookWithKwargs, ForwardPreHook, ForwardPreHookOptions, ForwardPreHookWithKwargs,
  FullBackwardHook, FullBackwardPreHook, Kwargs, LoadStateDictPostHook, LoadStateDictPreHook, StateDictPostHook, StateDictPreHook,
} from './module/hookTypes.js';
export type { IncompatibleKeys, StateDict, StateDictMetadata } from './module/stateDict.js';
export { metadataOf } from './module/stateDict.js';
export {
  registerModuleForwardHook, registerModuleForwardPreHook, registerModuleFullBackwardHook, registerModuleFullBackwardPreHook,
} from './module/globalHooks.js';
export type { Args, FactoryOptions } from './args.js';
// containers
export { Sequential } from './containers/sequential.js';
export { ModuleList } from './containers/moduleList.js';
export { ModuleDict } from './containers/moduleDict.js';
export type { ModuleMapping } from './containers/moduleDict.js';
export { ParameterList } from './containers/parameterList.js';
export { ParameterDict } from './containers/parameterDict.js';
export type { ParameterMapping } from './containers/parameterDict.js';
// layers
export { Bilinear, Identity, LazyLinear, Linear } from './layers/linear.js';
export type { BilinearOptions, LinearOptions } from './layers/linear.js';
export { Conv1d, Conv2d, Conv3d, ConvNd, ConvTranspose1d, ConvTranspose2d, ConvTranspose3d } from './layers/conv.js';
export type { ConvOptions, ConvTransposeOptions, PaddingMode } from './layers/conv.js';
export { AdaptiveAvgPool1d, AdaptiveAvgPool2d, AdaptiveMaxPool2d, AvgPool1d, AvgPool2d, MaxPool1d, MaxPool2d } from './layers/pooling.js';
export type { AvgPoolOptions, MaxPoolOptions, MaxPoolResult } from './layers/pooling.js';
export { Flatten, Unflatten } from './layers/shape.js';
export { CosineSimilarity, PairwiseDistance } from './layers/distance.js';
export { PixelShuffle, PixelUnshuffle, Upsample } from './layers/resample.js';
export type { UpsampleOptions } from './layers/resample.js';
export { ConstantPad2d, ReflectionPad2d, ZeroPad2d } from './layers/padding.js';
export { BatchNorm1d, BatchNorm2d, BatchNorm3d, InstanceNorm2d, NormBase } from './layers/batchnorm.js';
export type { NormOptions } from './layers/batchnorm.js';
export { GroupNorm, LayerNorm, LocalResponseNorm, RMSNorm } from './layers/normalization.js';
export { AlphaDropout, Dropout, Dropout1d, Dropout2d, Dropout3d } from './layers/dropout.js';
export { Embedding, EmbeddingBag } from './layers/embedding.js';
export type { EmbeddingBagOptions, EmbeddingOptions } from './layers/embedding.js';
export {
  CELU, ELU, GELU, GLU, Hardshrink, Hardsigmoid, Hardswish, Hardtanh, LeakyReLU, LogSigmoid, LogSoftmax, Mish, PReLU, ReLU, ReLU6, RReLU, SELU,
  SiLU, Sigmoid, Softmax, Softmin, Softplus, Softshrink, Softsign, Tanh, Tanhshrink, Threshold,
} from './layers/activation.js';
export { GRU, LSTM, RNN, RNNBase } from './layers/rnn.js';
export type { RnnOptions } from './layers/rnn.js';
export { GRUCell, LSTMCell, RNNCell, RNNCellBase } from './layers/rnnCell.js';
export { MultiheadAttention, NonDynamicallyQuantizableLinear } from './layers/attention.js';
export type { MultiheadAttentionForwardOptions, MultiheadAttentionOptions } from './layers/attention.js';
export { Transformer, TransformerDecoder, TransformerDecoderLayer, TransformerEncoder, TransformerEncoderLayer } from './layers/transformer.js';
export type { Activation, DecoderForwardOptions, TransformerLayerOptions, TransformerOptions } from './layers/transformer.js';
// namespaces
export * as F from './functional/index.js';
export * as init from './init/index.js';
export * as utils from './utils/index.js';
