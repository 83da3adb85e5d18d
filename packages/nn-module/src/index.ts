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
export { Sequential } from './containers/sequential.js';
export { ModuleList } from './containers/moduleList.js';
export { ModuleDict } from './containers/moduleDict.js';
export type { ModuleMapping } from './containers/moduleDict.js';
export { ParameterList } from './containers/parameterList.js';
export { ParameterDict } from './containers/parameterDict.js';
export type { ParameterMapping } from './containers/parameterDict.js';
export * as utils from './utils/index.js';
