// @torchlet/tensor: tensors, dtypes, strided views, broadcasting, creation and
// math ops, devices and memory scopes. The Backend contract is at
// '@torchlet/tensor/backend'.
export { Tensor, printHooks } from './tensor.js';
export type { DType } from './dtype.js';
export {
  bfloat16, bool, double, float, float16, float32, float64, getDefaultDtype, half, int, int32, int64, int8, long,
  promoteTypes, resultType, SCALAR_TYPE_NAME, setDefaultDtype, uint8,
} from './dtype.js';
export { AssertionError, AttributeError, IndexError, KeyError, NotImplementedError, RuntimeError, TorchError, TorchTypeError, ValueError } from './errors.js';
export type { Device } from './device.js';
export { availableDevices, getBackend, getDefaultDevice, registerBackend, setDefaultDevice } from './device.js';
export { memory } from './storage.js';
export { keep, tidy } from './scope.js';
export type { NestedArray, TensorData, TensorOptions } from './creation.js';
export {
  arange, empty, emptyLike, eye, full, fullLike, linspace, ones, onesLike, scalarTensor, setRequiresGradHook, tensor, zeros, zerosLike,
} from './creation.js';
export type { Scalar, TensorOrScalar } from './operands.js';
export { isTensor } from './operands.js';
export type { Index, Slice } from './indexing.js';
export type { DataArray, NestedList } from './read.js';
export type { Dims, ReduceOptions, ValuesIndices, VarOptions } from './reduce.js';
export { broadcastShapes } from './shape.js';
export { printOptions, setPrintOptions } from './print/format.js';
export type { PrintOptions } from './print/format.js';
export * from './functional.js';
export type { AutogradHook, OpCall, OpInfo } from './trace.js';
export { defineOp, opRegistry, setAutogradHook, traced, untraced } from './trace.js';
export * from './random/index.js';
export type { SortOptions, TopkOptions } from './order.js';
export type { UniqueOptions } from './unique.js';
export type { SearchsortedOptions } from './search.js';
export type { MeshgridOptions } from './broadcasting.js';
export type { RepeatInterleaveOptions } from './shapeOps.js';
export type { Sublist } from './einsum.js';
export type { ScatterReduceOptions, ScatterReduction } from './gatherScatter.js';
export type { AutogradBridge, BackwardOptions, GradFn, MaybeGrad, RemovableHandle } from './autogradBridge.js';
export { setAutogradBridge } from './autogradBridge.js';
// convolution, pooling and padding (torch.nn.functional; re-exported as nn.F by nn-module)
export type { ConvOptions, ConvTransposeOptions, IntOrTuple } from './nn/convArgs.js';
export { conv1d, conv2d, conv3d } from './nn/conv.js';
export { convTranspose1d, convTranspose2d, convTranspose3d } from './nn/convTranspose.js';
export type { ConvGradOptions } from './nn/convGrad.js';
export { conv2dInputGrad, conv2dWeightGrad, convInputGrad, convWeightGrad } from './nn/convGrad.js';
export type { AvgPoolOptions, MaxPoolOptions } from './nn/pool.js';
export { avgPool1d, avgPool2d, maxPool1d, maxPool2d } from './nn/pool.js';
export type { AvgPoolBackwardOptions } from './nn/poolGrad.js';
export { avgPool2dBackward, maxPool2dBackward } from './nn/poolGrad.js';
export type { PadMode } from './nn/pad.js';
export { pad, padBackward } from './nn/pad.js';
export type { FoldOptions } from './nn/unfold.js';
export { fold, unfold } from './nn/unfold.js';
export { pixelShuffle, pixelUnshuffle } from './nn/pixelShuffle.js';
export type { AdaptiveSize } from './nn/adaptivePool.js';
export { adaptiveAvgPool1d, adaptiveAvgPool2d, adaptiveMaxPool1d, adaptiveMaxPool2d } from './nn/adaptivePool.js';
export { adaptiveAvgPool2dBackward } from './nn/adaptivePoolGrad.js';
export type { InterpolateMode, InterpolateOptions } from './nn/interpolate.js';
export { interpolate } from './nn/interpolate.js';
export type { InterpolateBackwardOptions } from './nn/interpolateGrad.js';
export { interpolateBackward } from './nn/interpolateGrad.js';
export type { MaxUnpoolOptions } from './nn/maxUnpool.js';
export { maxUnpool2d } from './nn/maxUnpool.js';
export type { DeviceMemory } from './storage.js';
// the argument binder every op, layer, loss and optimizer declares its PyTorch signature with
export type { Bound, OverloadSpec, ParamSpec, TypeSpec } from './signature/index.js';
export { Signature, camelCase, describeValue, isPlainObject, parseSchema, signature, signatureRegistry } from './signature/index.js';
