// @torchlet/tensor: tensors, dtypes, strided views, broadcasting, creation and
// math ops, devices and memory scopes. The Backend contract is at
// '@torchlet/tensor/backend'.
export { Tensor, printHooks } from './tensor.js';
export type { DType } from './dtype.js';
export {
  bfloat16, bool, double, float, float16, float32, float64, getDefaultDtype, half, int, int32, int64, int8, long,
  promoteTypes, resultType, setDefaultDtype, uint8,
} from './dtype.js';
export { IndexError, NotImplementedError, RuntimeError, TorchError, TorchTypeError, ValueError } from './errors.js';
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
export { indexDtype } from './device.js';
export type { DeviceMemory } from './storage.js';
