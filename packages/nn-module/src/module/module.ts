// torch.nn.Module: registration by assignment, iteration over members, hooks, train/eval,
// conversion, state_dict and repr, point by point as PyTorch's torch/nn/modules/module.py.

import type { DType, Device, Tensor } from '@torchlet/tensor';
import { AttributeError, NotImplementedError, TorchTypeError, ValueError, signature } from '@torchlet/tensor';
import type { Parameter } from '../parameter.js';
import { Parameter as ParameterClass } from '../parameter.js';
import type { ModuleState } from './attributes.js';
import { MODULE_TRAPS, MemberMap, addModule, brandModule, registerBuffer, registerParameter } from './attributes.js';
import { callWithHooks } from './callHooks.js';
import type { TensorFn } from './convert.js';
import { applyToTensors, toConverter } from './convert.js';
import { HookHandle, addHook } from './handle.js';
import type {
  ForwardHook, ForwardHookOptions, ForwardHookWithKwargs, ForwardPreHook, ForwardPreHookOptions, ForwardPreHookWithKwargs,
  FullBackwardHook, FullBackwardPreHook, LoadStateDictPostHook, LoadStateDictPreHook, StateDictPostHook, StateDictPreHook,
} from './hookTypes.js';
import { HookRegistries, globalHooks } from './hookTypes.js';
import { namedChildren, namedMembers, valuesOf, walkModules } from './members.js';
import { moduleRepr } from './repr.js';
import type { IncompatibleKeys, StateDict } from './stateDict.js';
import { BASE_EXTRA_STATE, loadFromStateDict, loadStateDict, metadataOf, newStateDict, saveToStateDict } from './stateDict.js';

const REGISTER_BUFFER = signature<{ '': { name: unknown; tensor: unknown; persistent: boolean } }>('register_buffer(Any name, Any? tensor, bool persistent=True)');
const REGISTER_PARAMETER = signature<{ '': { name: unknown; param: unknown } }>('register_parameter(Any name, Any? param)');
const ADD_MODULE = signature<{ '': { name: unknown; module: unknown } }>('add_module(Any name, Any? module)');
const TO = signature<{
  '': { device: Device | null; dtype: DType | null; nonBlocking: boolean };
  dtype: { dtype: DType; nonBlocking: boolean };
  other: { tensor: Tensor; nonBlocking: boolean };
}>(
  'to(Device? device=None, ScalarType? dtype=None, bool non_blocking=False)',
  'to.dtype(ScalarType dtype, bool non_blocking=False)',
  'to.other(Tensor tensor, bool non_blocking=False)',
);
const FORWARD_PRE_HOOK = signature<{ '': { hook: ForwardPreHook; prepend: boolean; withKwargs: boolean } }>(
  'register_forward_pre_hook(Callable hook, *, bool prepend=False, bool with_kwargs=False)',
);
const FORWARD_HOOK = signature<{ '': { hook: ForwardHook; prepend: boolean; withKwargs: boolean; alwaysCall: boolean } }>(
  'register_forward_hook(Callable hook, *, bool prepend=False, bool with_kwargs=False, bool always_call=False)',
);
const BACKWARD_HOOK = signature<{ '': { hook: FullBackwardHook; prepend: boolean } }>('register_full_backward_hook(Callable hook, bool prepend=False)');
const BACKWARD_PRE_HOOK = signature<{ '': { hook: FullBackwardPreHook; prepend: boolean } }>('register_full_backward_pre_hook(Callable hook, bool prepend=False)');
const STATE_DICT = signature<{ '': { destination: StateDict | null; prefix: string; keepVars: boolean } }>(
  'state_dict(*, Dict? destination=None, str prefix="", bool keep_vars=False)',
);
const LOAD_STATE_DICT = signature<{ '': { stateDict: Record<string, unknown>; strict: boolean; assign: boolean } }>(
  'load_state_dict(Dict state_dict, bool strict=True, bool assign=False)',
);
const NAMED_MEMBERS = signature<{ '': { prefix: string; recurse: boolean; removeDuplicate: boolean } }>(
  'named_parameters(str prefix="", bool recurse=True, bool remove_duplicate=True)',
);
const NAMED_MODULES = signature<{ '': { memo: Set<Module> | null; prefix: string; removeDuplicate: boolean } }>(
  'named_modules(Any? memo=None, str prefix="", bool remove_duplicate=True)',
);
const RECURSE = signature<{ '': { recurse: boolean } }>('parameters(bool recurse=True)');
const TRAIN = signature<{ '': { mode: unknown } }>('train(Any mode=True)');
const REQUIRES_GRAD = signature<{ '': { requiresGrad: boolean } }>('requires_grad_(bool requires_grad=True)');
const ZERO_GRAD = signature<{ '': { setToNone: boolean } }>('zero_grad(bool set_to_none=True)');

/** Options of `namedParameters` / `namedBuffers`. */
export interface NamedMembersOptions {
  prefix?: string;
  recurse?: boolean;
  removeDuplicate?: boolean;
}

/**
 * Base class of every layer and model, as `torch.nn.Module`. Assigning a Parameter or a Module
 * to a field registers it (class fields included), in order; `forward` is what you override and
 * `call(...)` runs it with the hooks.
 *
 * JavaScript notes: the constructor returns a Proxy of the module (that is how assignments are
 * seen), so use the object `new` gives, never `this` captured inside the base constructor. A
 * subclass cannot touch `this` before `super()` (the language forbids it), so PyTorch's
 * "cannot assign … before Module.__init__() call" can only arise for an object made without the
 * constructor (`Object.create(Net.prototype)`): its `registerParameter`, `registerBuffer` and
 * `addModule` throw it, and plain assignments to such an object register nothing.
 * @example
 * class Net extends nn.Module {
 *   fc1 = new nn.Linear(4, 8);
 *   fc2 = new nn.Linear(8, 2);
 *   forward(x: Tensor) { return this.fc2.call(this.fc1.call(x).relu()); }
 * }
 * const net = new Net();
 * [...net.namedParameters()].map(([k]) => k) // ['fc1.weight', 'fc1.bias', 'fc2.weight', 'fc2.bias']
 */
export class Module implements ModuleState {
  /** The state_dict format version of this class (`_version`); `_metadata` records it. */
  static _version = 1;
  /** Whether the module is in training mode (`train()` / `eval()`). */
  declare training: boolean;
  /** The module's own parameters by name (null: registered as None). */
  declare readonly _parameters: Map<string, Parameter | null>;
  /** The module's own buffers by name. */
  declare readonly _buffers: Map<string, Tensor | null>;
  /** Names of the buffers left out of the state dict. */
  declare readonly _nonPersistentBuffersSet: Set<string>;
  /** The direct submodules by name. */
  declare readonly _modules: Map<string, Module | null>;
  /** @internal The module's hooks. */
  declare readonly _hooks: HookRegistries;

  constructor() {
    initModuleState(this);
    return new Proxy(this, MODULE_TRAPS as ProxyHandler<this>);
  }

  /** The computation; every subclass overrides it. Call the module with `call(...)`, which runs the hooks too. @example forward(x: Tensor) { return x.relu(); } */
  forward(..._args: unknown[]): unknown {
    throw new NotImplementedError(`Module [${this._getName()}] is missing the required "forward" function`);
  }

  /**
   * `module(*args)`: forward pre-hooks, `forward`, forward hooks and backward-hook setup, in
   * PyTorch's order; with no hook registered it is `forward` itself.
   * @example const y = model.call(x)
   */
  call<M extends Module>(this: M, ...args: Parameters<M['forward']>): ReturnType<M['forward']> {
    if (!this._hooks.active && !globalHooks.active) return this.forward(...args) as ReturnType<M['forward']>;
    return callWithHooks(this, this._hooks, args) as ReturnType<M['forward']>;
  }

  // ---- registration --------------------------------------------------------

  /** `register_buffer(name, tensor, persistent=True)`: a tensor that is state but not a parameter (`running_mean`). @example this.registerBuffer('running_mean', torch.zeros(4)) */
  registerBuffer(...args: [name: string, tensor: Tensor | null, persistent?: boolean | { persistent?: boolean }]): void {
    const a = REGISTER_BUFFER.parse(args);
    registerBuffer(this, a.name, a.tensor, a.persistent);
  }
  /** `register_parameter(name, param)`: as assigning a Parameter, with the name checks. @example this.registerParameter('scale', new nn.Parameter(torch.ones(1))) */
  registerParameter(name: string, param: Parameter | null): void {
    const a = REGISTER_PARAMETER.parse([name, param]);
    registerParameter(this, a.name, a.param);
  }
  /** `add_module(name, module)`: registers a submodule under `name`. @example seq.addModule('relu', new nn.ReLU()) */
  addModule(name: string, module: Module | null): void {
    const a = ADD_MODULE.parse([name, module]);
    addModule(this, a.name, a.module);
  }
  /** `register_module(name, module)`: alias of `addModule`. @example m.registerModule('fc', new nn.Linear(2, 2)) */
  registerModule(name: string, module: Module | null): void {
    this.addModule(name, module);
  }

  /** `get_submodule(target)`: the submodule at a dotted path (`''` is the module itself). @example net.getSubmodule('block.conv') */
  getSubmodule(target: string): Module {
    if (target === '') return this;
    return target.split('.').reduce<Module>((mod, item) => {
      if (!(item in mod)) throw new AttributeError(`${mod._getName()} has no attribute \`${item}\``);
      const next = (mod as unknown as Record<string, unknown>)[item];
      if (!(next instanceof Module)) throw new AttributeError(`\`${item}\` is not an nn.Module`);
      return next;
    }, this);
  }
  /** `get_parameter(target)`: the parameter at a dotted path. @example net.getParameter('fc.weight') */
  getParameter(target: string): Parameter {
    const [mod, name] = this.splitTarget(target);
    const p = (mod as unknown as Record<string, unknown>)[name];
    if (!(p instanceof ParameterClass)) throw new AttributeError(`\`${name}\` is not an nn.Parameter`);
    return p;
  }
  /** `get_buffer(target)`: the buffer at a dotted path. @example net.getBuffer('bn.running_mean') */
  getBuffer(target: string): Tensor {
    const [mod, name] = this.splitTarget(target);
    if (!mod._buffers.has(name)) throw new AttributeError(`\`${name}\` is not a buffer`);
    return (mod as unknown as Record<string, Tensor>)[name]!;
  }
  private splitTarget(target: string): [Module, string] {
    const dot = target.lastIndexOf('.');
    const mod = this.getSubmodule(dot < 0 ? '' : target.slice(0, dot));
    const name = target.slice(dot + 1);
    if (!(name in mod)) throw new AttributeError(`${mod._getName()} has no attribute \`${name}\``);
    return [mod, name];
  }

  /** `get_extra_state()`: override (with `setExtraState`) to keep non-tensor state in the state dict. @example getExtraState() { return { step: this.step }; } */
  getExtraState(): unknown {
    throw new Error('Reached a code path in Module.get_extra_state() that should never be called.');
  }
  /** `set_extra_state(state)`: receives what `getExtraState` returned, when loading. @example setExtraState(s) { this.step = s.step; } */
  setExtraState(_state: unknown): void {
    throw new Error('Reached a code path in Module.set_extra_state() that should never be called.');
  }

  // ---- iteration -------------------------------------------------------------

  /** `parameters(recurse=True)`: an iterator over the parameters (each once), for an optimizer. @example new torch.optim.SGD(model.parameters(), { lr: 0.1 }) */
  parameters(...args: [recurse?: boolean | { recurse?: boolean }]): IterableIterator<Parameter> {
    return valuesOf(this.namedParameters({ recurse: RECURSE.parse(args).recurse }));
  }
  /** `named_parameters(prefix='', recurse=True, remove_duplicate=True)`: `[name, parameter]` pairs with dotted names. @example [...net.namedParameters()][0][0] // 'fc1.weight' */
  namedParameters(...args: [prefix?: string | NamedMembersOptions, recurse?: boolean, removeDuplicate?: boolean]): IterableIterator<[string, Parameter]> {
    const a = NAMED_MEMBERS.parse(args);
    return namedMembers(this, (m) => m._parameters, a.prefix, a.recurse, a.removeDuplicate);
  }
  /** `buffers(recurse=True)`. @example [...bn.buffers()].length // 3 */
  buffers(...args: [recurse?: boolean | { recurse?: boolean }]): IterableIterator<Tensor> {
    return valuesOf(this.namedBuffers({ recurse: RECURSE.parse(args).recurse }));
  }
  /** `named_buffers(prefix='', recurse=True, remove_duplicate=True)`. @example [...bn.namedBuffers()][0][0] // 'running_mean' */
  namedBuffers(...args: [prefix?: string | NamedMembersOptions, recurse?: boolean, removeDuplicate?: boolean]): IterableIterator<[string, Tensor]> {
    const a = NAMED_MEMBERS.parse(args);
    return namedMembers(this, (m) => m._buffers, a.prefix, a.recurse, a.removeDuplicate);
  }
  /** `children()`: the direct submodules. @example [...seq.children()].length */
  children(): IterableIterator<Module> {
    return valuesOf(namedChildren(this));
  }
  /** `named_children()`. @example [...seq.namedChildren()][0][0] // '0' */
  namedChildren(): IterableIterator<[string, Module]> {
    return namedChildren(this);
  }
  /** `modules()`: this module and every submodule, each once. @example [...net.modules()].length */
  modules(): IterableIterator<Module> {
    return valuesOf(this.namedModules());
  }
  /** `named_modules(memo=None, prefix='', remove_duplicate=True)`. @example [...net.namedModules()].map(([k]) => k) // ['', 'fc1', 'fc2'] */
  namedModules(...args: [memo?: Set<Module> | null | { memo?: Set<Module> | null; prefix?: string; removeDuplicate?: boolean }, prefix?: string, removeDuplicate?: boolean]): IterableIterator<[string, Module]> {
    const a = NAMED_MODULES.parse(args);
    return walkModules(this, a.memo ?? new Set(), a.prefix, a.removeDuplicate);
  }

  // ---- modes and conversion --------------------------------------------------

  /** `train(mode=True)`: sets training mode here and in every submodule. @example model.train() */
  train(...args: [mode?: boolean | { mode?: boolean }]): this {
    const { mode } = TRAIN.parse(args);
    if (typeof mode !== 'boolean') throw new ValueError('training mode is expected to be boolean');
    this.training = mode;
    for (const m of this.children()) m.train(mode);
    return this;
  }
  /** `eval()`: `train(false)`. @example model.eval() */
  eval(): this {
    return this.train(false);
  }
  /** `requires_grad_(requires_grad=True)`: sets `requiresGrad` on every parameter (freezing). @example encoder.requiresGrad_(false) */
  requiresGrad_(...args: [requiresGrad?: boolean | { requiresGrad?: boolean }]): this {
    const { requiresGrad } = REQUIRES_GRAD.parse(args);
    for (const p of this.parameters()) p.requiresGrad_(requiresGrad);
    return this;
  }
  /** `zero_grad(set_to_none=True)`: drops (or zeroes) every parameter's `.grad`. @example model.zeroGrad() */
  zeroGrad(...args: [setToNone?: boolean | { setToNone?: boolean }]): void {
    const { setToNone } = ZERO_GRAD.parse(args);
    for (const p of this.parameters()) {
      const g = p.grad;
      if (g === null) continue;
      if (setToNone) p.grad = null;
      else {
        if (g.gradFn !== null) g.detach_();
        else g.requiresGrad_(false);
        g.zero_();
      }
    }
  }
  /** `apply(fn)`: `fn` on every submodule (children first), then on this one. @example model.apply((m) => { if (m instanceof nn.Linear) nn.init.zeros_(m.bias!); }) */
  apply(fn: (m: Module) => void): this {
    for (const m of this.children()) m.apply(fn);
    fn(this);
    return this;
  }
  /** `_apply(fn)`: converts every parameter (in place), gradient and buffer with `fn`. @example model._apply((t) => t.float()) */
  _apply(fn: TensorFn): this {
    applyToTensors(this, fn);
    return this;
  }
  /**
   * `to(device)`, `to(dtype)`, `to(device, dtype)`, `to(tensor)`: moves every parameter and
   * buffer, casting the floating ones; parameters are changed in place.
   * @example model.to('webgpu'); model.to('float64')
   */
  to(...args: [device?: Device | null, dtype?: DType | null, nonBlocking?: boolean | { nonBlocking?: boolean }] | [dtype: DType] | [tensor: Tensor] | [opts: { device?: Device; dtype?: DType; nonBlocking?: boolean }]): this {
    const b = TO.bind(args);
    const [device, dtype] = b.overload === '' ? [b.args.device, b.args.dtype] : b.overload === 'dtype' ? [null, b.args.dtype] : [b.args.tensor.device, b.args.tensor.dtype];
    if (dtype !== null && !(dtype.startsWith('float') || dtype === 'bfloat16')) {
      throw new TorchTypeError(`nn.Module.to only accepts floating point or complex dtypes, but got desired dtype=torch.${dtype}`);
    }
    return this._apply(toConverter(device, dtype));
  }
  /** `await model.toAsync(device)`: `to(device)` from a device that is read asynchronously (WebGPU → CPU). @example await model.toAsync('cpu') */
  async toAsync(device: Device): Promise<this> {
    const tensors = new Set<Tensor>();
    applyToTensors(this, (t) => (tensors.add(t), t));
    const moved = new Map<Tensor, Tensor>();
    await Promise.all([...tensors].map(async (t) => moved.set(t, await t.toAsync(device))));
    return this._apply(toConverter(device, null, (t, d) => moved.get(t) ?? t.to(d)));
  }
  /** `cpu()`: `to('cpu')`. @example model.cpu() */
  cpu(): this {
    return this._apply((t) => t.cpu());
  }
  /** `type(dst_type)`: casts every parameter and buffer. @example model.type('float64') */
  type(dstType: DType): this {
    return this._apply((t) => t.type(dstType));
  }
  /** `float()`: floating parameters and buffers to float32. @example model.float() */
  float(): this {
    return this._apply((t) => (t.isFloatingPoint() ? t.float() : t));
  }
  /** `double()`: floating parameters and buffers to float64. @example model.double() */
  double(): this {
    return this._apply((t) => (t.isFloatingPoint() ? t.double() : t));
  }
  /** `half()`: floating parameters and buffers to float16. @example model.half() */
  half(): this {
    return this._apply((t) => (t.isFloatingPoint() ? t.half() : t));
  }
  /** `bfloat16()`: floating parameters and buffers to bfloat16. @example model.bfloat16() */
  bfloat16(): this {
    return this._apply((t) => (t.isFloatingPoint() ? t.bfloat16() : t));
  }

  // ---- hooks -----------------------------------------------------------------

  /** `register_forward_pre_hook(hook, *, prepend, with_kwargs)`: `hook(module, args)` before forward. @example m.registerForwardPreHook((m, args) => [args[0].mul(2)]) */
  registerForwardPreHook(hook: ForwardPreHook<this>, opts?: ForwardPreHookOptions & { withKwargs?: false }): HookHandle;
  registerForwardPreHook(hook: ForwardPreHookWithKwargs<this>, opts: ForwardPreHookOptions & { withKwargs: true }): HookHandle;
  registerForwardPreHook(hook: ForwardPreHook<this> | ForwardPreHookWithKwargs<this>, opts?: ForwardPreHookOptions): HookHandle {
    const a = FORWARD_PRE_HOOK.parse(opts === undefined ? [hook] : [hook, opts]);
    const h = this._hooks;
    const handle = addHook(h.forwardPre, a.hook, a.prepend, [h.forwardPreWithKwargs]);
    if (a.withKwargs) h.forwardPreWithKwargs.add(handle.id);
    return handle;
  }
  /** `register_forward_hook(hook, *, prepend, with_kwargs, always_call)`: `hook(module, args, output)` after forward. @example m.registerForwardHook((m, args, out) => out.mul(2)) */
  registerForwardHook(hook: ForwardHook<this>, opts?: ForwardHookOptions & { withKwargs?: false }): HookHandle;
  registerForwardHook(hook: ForwardHookWithKwargs<this>, opts: ForwardHookOptions & { withKwargs: true }): HookHandle;
  registerForwardHook(hook: ForwardHook<this> | ForwardHookWithKwargs<this>, opts?: ForwardHookOptions): HookHandle {
    const a = FORWARD_HOOK.parse(opts === undefined ? [hook] : [hook, opts]);
    const h = this._hooks;
    const handle = addHook(h.forward, a.hook, a.prepend, [h.forwardWithKwargs, h.forwardAlwaysCalled]);
    if (a.withKwargs) h.forwardWithKwargs.add(handle.id);
    if (a.alwaysCall) h.forwardAlwaysCalled.add(handle.id);
    return handle;
  }
  /** `register_full_backward_pre_hook(hook, prepend)`: `hook(module, gradOutput)` when the output gradients are known. @example m.registerFullBackwardPreHook((m, go) => go.map((g) => g?.mul(2) ?? null)) */
  registerFullBackwardPreHook(hook: FullBackwardPreHook<this>, ...rest: [prepend?: boolean | { prepend?: boolean }]): HookHandle {
    const a = BACKWARD_PRE_HOOK.parse([hook, ...rest]);
    return addHook(this._hooks.backwardPre, a.hook, a.prepend);
  }
  /** `register_full_backward_hook(hook, prepend)`: `hook(module, gradInput, gradOutput)` when the input gradients are computed. @example m.registerFullBackwardHook((m, gi, go) => undefined) */
  registerFullBackwardHook(hook: FullBackwardHook<this>, ...rest: [prepend?: boolean | { prepend?: boolean }]): HookHandle {
    const a = BACKWARD_HOOK.parse([hook, ...rest]);
    return addHook(this._hooks.backward, a.hook, a.prepend);
  }
  /** `register_backward_hook` is deprecated in PyTorch and not provided: use `registerFullBackwardHook`. @example m.registerFullBackwardHook(hook) */
  registerBackwardHook(_hook: unknown): never {
    throw new NotImplementedError('register_backward_hook (deprecated in PyTorch): use registerFullBackwardHook');
  }
  /** `register_state_dict_pre_hook(hook)`: `hook(module, prefix, keepVars)` before `stateDict()` collects. @example m.registerStateDictPreHook(() => sync()) */
  registerStateDictPreHook(hook: StateDictPreHook<this>): HookHandle {
    return addHook(this._hooks.stateDictPre, hook as StateDictPreHook);
  }
  /** `register_state_dict_post_hook(hook)`: `hook(module, stateDict, prefix, localMetadata)` after; edits in place. @example m.registerStateDictPostHook((m, sd, p) => { delete sd[p + 'cache']; }) */
  registerStateDictPostHook(hook: StateDictPostHook<this>): HookHandle {
    return addHook(this._hooks.stateDictPost, hook as StateDictPostHook);
  }
  /** `register_load_state_dict_pre_hook(hook)`: runs before the module loads its entries (may rename keys). @example m.registerLoadStateDictPreHook((m, sd, p) => { … }) */
  registerLoadStateDictPreHook(hook: LoadStateDictPreHook<this>): HookHandle {
    return addHook(this._hooks.loadPre, hook as LoadStateDictPreHook);
  }
  /** `register_load_state_dict_post_hook(hook)`: `hook(module, incompatibleKeys)` after loading. @example m.registerLoadStateDictPostHook((m, keys) => { keys.missingKeys.length = 0; }) */
  registerLoadStateDictPostHook(hook: LoadStateDictPostHook<this>): HookHandle {
    return addHook(this._hooks.loadPost, hook as LoadStateDictPostHook);
  }

  // ---- state dict --------------------------------------------------------------

  /**
   * `state_dict(*, destination, prefix, keep_vars)`: parameters and persistent buffers (detached
   * unless `keepVars`) by dotted name, with a non-enumerable `_metadata` of versions.
   * @example Object.keys(new nn.BatchNorm1d(4).stateDict()) // ['weight', 'bias', 'running_mean', 'running_var', 'num_batches_tracked']
   */
  stateDict(opts?: { destination?: StateDict; prefix?: string; keepVars?: boolean }): StateDict {
    const a = STATE_DICT.parse(opts === undefined ? [] : [opts]);
    const destination = a.destination ?? newStateDict();
    for (const hook of this._hooks.stateDictPre.values()) hook(this, a.prefix, a.keepVars);
    const localMetadata: Record<string, unknown> = { version: (this.constructor as typeof Module)._version };
    const metadata = metadataOf(destination);
    if (metadata !== undefined) metadata[a.prefix.slice(0, -1)] = localMetadata;
    this.saveToStateDict(destination, a.prefix, a.keepVars);
    for (const [name, m] of this._modules) if (m !== null) m.stateDict({ destination, prefix: `${a.prefix}${name}.`, keepVars: a.keepVars });
    for (const hook of this._hooks.stateDictPost.values()) hook(this, destination, a.prefix, localMetadata);
    return destination;
  }
  /** `_save_to_state_dict(destination, prefix, keep_vars)`: this module's own entries; override for custom layouts. @example saveToStateDict(d, p, k) { super.saveToStateDict(d, p, k); } */
  saveToStateDict(destination: StateDict, prefix: string, keepVars: boolean): void {
    saveToStateDict(this, destination, prefix, keepVars);
  }
  /**
   * `load_state_dict(state_dict, strict=True, assign=False)`: copies matching entries into the
   * parameters and buffers (or, with `assign`, takes the given tensors); with `strict`, missing
   * or unexpected keys are an error. A load that fails changes nothing.
   * @example const { missingKeys, unexpectedKeys } = model.loadStateDict(sd, { strict: false })
   */
  loadStateDict(...args: [stateDict: Record<string, unknown> | Map<string, unknown>, strict?: boolean | { strict?: boolean; assign?: boolean }, assign?: boolean]): IncompatibleKeys {
    const a = LOAD_STATE_DICT.parse(args);
    return loadStateDict(this, a.stateDict, a.strict, a.assign);
  }
  /**
   * `_load_from_state_dict(...)`: loads this module's own entries. Override it to migrate old
   * checkpoints (`localMetadata.version`), then call `super.loadFromStateDict(...)`.
   * @example loadFromStateDict(sd, prefix, meta, ...rest) { if ((meta.version ?? 0) < 2) delete sd[prefix + 'old']; super.loadFromStateDict(sd, prefix, meta, ...rest); }
   */
  loadFromStateDict(
    stateDict: Record<string, unknown>, prefix: string, localMetadata: Record<string, unknown>, strict: boolean,
    missingKeys: string[], unexpectedKeys: string[], errorMsgs: string[],
  ): void {
    for (const hook of this._hooks.loadPre.values()) hook(this, stateDict, prefix, localMetadata, strict, missingKeys, unexpectedKeys, errorMsgs);
    loadFromStateDict(this, stateDict, prefix, localMetadata, strict, missingKeys, unexpectedKeys, errorMsgs);
  }

  // ---- printing ----------------------------------------------------------------

  /** `_get_name()`: the class name, as printed. @example new nn.ReLU()._getName() // 'ReLU' */
  _getName(): string {
    return this.constructor.name;
  }
  /** `extra_repr()`: what goes inside the parentheses; layers override it. @example extraRepr() { return `in_features=${this.inFeatures}`; } */
  extraRepr(): string {
    return '';
  }
  /** `repr(module)`, exactly as PyTorch prints it. @example String(new nn.Linear(2, 3)) // 'Linear(in_features=2, out_features=3, bias=True)' */
  toString(): string {
    return moduleRepr(this);
  }
  /** What `console.log(model)` prints in Node: `toString()`. @example console.log(model) */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

/**
 * What Module's constructor gives `target` before wrapping it: `training` and the registries
 * (non-enumerable). Copies of modules (`deepCopy`) start from it too.
 * @example initModuleState(Object.create(Linear.prototype))
 */
export function initModuleState(target: object, training = true): void {
  const hidden = (name: string, value: unknown): void => void Object.defineProperty(target, name, { value, writable: true, configurable: true });
  hidden('training', training);
  hidden('_parameters', new MemberMap(target));
  hidden('_buffers', new MemberMap(target));
  hidden('_nonPersistentBuffersSet', new Set());
  hidden('_modules', new MemberMap(target));
  hidden('_hooks', new HookRegistries());
}

brandModule(Module.prototype);
BASE_EXTRA_STATE.add(Module.prototype.getExtraState);
BASE_EXTRA_STATE.add(Module.prototype.setExtraState);
