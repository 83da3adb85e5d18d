// Module.__setattr__ / __delattr__ and the registration checks, in JavaScript terms.
//
// Module's constructor returns a Proxy of the module. Every assignment to a field, and every
// class field a subclass declares (class fields are [[Define]]d on `this`, which is the proxy),
// reaches the `defineProperty` trap; `delete m.x` reaches `deleteProperty`. Registered
// parameters, buffers and submodules are kept in their Maps (MemberMap), which mirror every
// entry as a plain own property of the target, so that reading `this.weight` needs no trap and
// writes made straight to `_modules` (as some PyTorch code does) stay visible as fields.

import type { Tensor } from '@torchlet/tensor';
import { AttributeError, KeyError, TorchTypeError, ValueError, isTensor } from '@torchlet/tensor';
import { Parameter } from '../parameter.js';
import { typename } from './typename.js';

/** The registries a module keeps (PyTorch's `_parameters`, `_buffers`, `_modules`, …). */
export interface ModuleState {
  readonly _parameters: Map<string, Parameter | null>;
  readonly _buffers: Map<string, Tensor | null>;
  readonly _nonPersistentBuffersSet: Set<string>;
  readonly _modules: Map<string, ModuleLike | null>;
}
/** What the registration code needs to know about a module. */
export type ModuleLike = Partial<ModuleState> & object;

const MODULE_BRAND: unique symbol = Symbol.for('torchlet.nn.Module');

/** Marks Module.prototype, so that `isModule` works without importing the class here. @example brandModule(Module.prototype) */
export function brandModule(proto: object): void {
  Object.defineProperty(proto, MODULE_BRAND, { value: true });
}

/** Whether `v` is an nn.Module. @example isModule(new nn.Linear(2, 3)) // true */
export function isModule(v: unknown): v is ModuleLike {
  return typeof v === 'object' && v !== null && (v as { [MODULE_BRAND]?: boolean })[MODULE_BRAND] === true;
}

const FIELD = { writable: true, enumerable: true, configurable: true } as const;

/**
 * `_parameters`, `_buffers`, `_modules`: an insertion-ordered Map whose entries are also the
 * module's own fields of the same names.
 * @example module._modules.set('fc', new nn.Linear(2, 2)); module.fc // the Linear
 */
export class MemberMap<V> extends Map<string, V> {
  constructor(private readonly owner: object) {
    super();
  }
  override set(key: string, value: V): this {
    super.set(key, value);
    // during Map's own construction `owner` is not set yet (nothing to mirror then)
    if (this.owner !== undefined) Reflect.defineProperty(this.owner, key, { value, ...FIELD });
    return this;
  }
  override delete(key: string): boolean {
    if (!super.delete(key)) return false;
    Reflect.deleteProperty(this.owner, key);
    return true;
  }
  override clear(): void {
    for (const key of [...this.keys()]) this.delete(key);
  }
}

/** `hasattr(module, name)` apart from the module's own fields: a class member (method, getter). */
function isClassAttribute(target: object, name: string): boolean {
  return Reflect.has(Object.getPrototypeOf(target) as object, name);
}

/** The name checks of register_parameter / register_buffer / add_module. */
export function checkMemberName(kind: 'parameter' | 'buffer' | 'module', target: object, name: unknown, registry: Map<string, unknown>): asserts name is string {
  if (typeof name !== 'string') throw new TorchTypeError(`${kind} name should be a string. Got ${typename(name)}`);
  if (kind === 'module' && Reflect.has(target, name) && !registry.has(name)) throw new KeyError(`attribute '${name}' already exists`);
  if (name.includes('.')) throw new KeyError(kind === 'module' ? `module name can't contain ".", got: ${name}` : `${kind} name can't contain "."`);
  if (name === '') throw new KeyError(`${kind} name can't be empty string ""`);
  if (kind !== 'module' && Reflect.has(target, name) && !registry.has(name)) throw new KeyError(`attribute '${name}' already exists`);
}

function stateOf(target: ModuleLike, what: string): ModuleState {
  if (target._parameters === undefined || target._buffers === undefined || target._modules === undefined || target._nonPersistentBuffersSet === undefined) {
    throw new AttributeError(`cannot assign ${what} before Module.__init__() call`);
  }
  return target as ModuleState;
}

/** `register_parameter(name, param)` on the module's target object. */
export function registerParameter(target: ModuleLike, name: unknown, param: unknown): void {
  const s = stateOf(target, 'parameter');
  checkMemberName('parameter', target, name, s._parameters);
  storeParameter(s, name, param);
}

function storeParameter(s: ModuleState, name: string, param: unknown): void {
  if (param === null) {
    s._parameters.set(name, null);
  } else if (!(param instanceof Parameter)) {
    throw new TorchTypeError(`cannot assign '${typename(param)}' object to parameter '${name}' (torch.nn.Parameter or None required)`);
  } else if (param.gradFn !== null) {
    throw new ValueError(
      `Cannot assign non-leaf Tensor to parameter '${name}'. Model parameters must be created explicitly. To express '${name}' as a function of another Tensor, compute the value in the forward() method.`,
    );
  } else s._parameters.set(name, param);
}

/** `register_buffer(name, tensor, persistent)` on the module's target object. */
export function registerBuffer(target: ModuleLike, name: unknown, tensor: unknown, persistent: boolean): void {
  const s = stateOf(target, 'buffer');
  checkMemberName('buffer', target, name, s._buffers);
  if (tensor !== null && !isTensor(tensor)) {
    throw new TorchTypeError(`cannot assign '${typename(tensor)}' object to buffer '${name}' (torch Tensor or None required)`);
  }
  s._buffers.set(name, tensor);
  if (persistent) s._nonPersistentBuffersSet.delete(name);
  else s._nonPersistentBuffersSet.add(name);
}

/** `add_module(name, module)` on the module's target object. */
export function addModule(target: ModuleLike, name: unknown, module: unknown): void {
  const s = stateOf(target, 'module');
  if (!isModule(module) && module !== null) throw new TorchTypeError(`${typename(module)} is not a Module subclass`);
  checkMemberName('module', target, name, s._modules);
  s._modules.set(name, module);
}

/**
 * `module.name = value` (Module.__setattr__): a Parameter registers (moving the name out of the
 * buffers and submodules), a Module registers as a submodule, a Tensor or null assigned to a
 * buffer's name replaces the buffer, anything else is a plain field.
 */
function setAttribute(target: ModuleState & object, name: string, value: unknown, desc: PropertyDescriptor): boolean {
  const s = target;
  if (value instanceof Parameter) {
    s._buffers.delete(name);
    s._modules.delete(name);
    s._nonPersistentBuffersSet.delete(name);
    if (!s._parameters.has(name)) {
      if (name.includes('.')) throw new KeyError(`parameter name can't contain "."`);
      if (name === '') throw new KeyError(`parameter name can't be empty string ""`);
      if (isClassAttribute(target, name)) throw new KeyError(`attribute '${name}' already exists`);
    }
    storeParameter(s, name, value);
    return true;
  }
  if (s._parameters.has(name)) {
    if (value !== null) throw new TorchTypeError(`cannot assign '${typename(value)}' as parameter '${name}' (torch.nn.Parameter or None expected)`);
    storeParameter(s, name, null);
    return true;
  }
  if (isModule(value)) {
    s._parameters.delete(name);
    s._buffers.delete(name);
    s._nonPersistentBuffersSet.delete(name);
    s._modules.set(name, value);
    return true;
  }
  if (s._modules.has(name)) {
    if (value !== null) throw new TorchTypeError(`cannot assign '${typename(value)}' as child module '${name}' (torch.nn.Module or None expected)`);
    s._modules.set(name, null);
    return true;
  }
  if (s._buffers.has(name)) {
    if (value !== null && !isTensor(value)) throw new TorchTypeError(`cannot assign '${typename(value)}' as buffer '${name}' (torch.Tensor or None expected)`);
    s._buffers.set(name, value);
    return true;
  }
  return Reflect.defineProperty(target, name, desc);
}

/** `del module.name` (Module.__delattr__): removes it from whichever namespace holds it. */
function deleteAttribute(target: ModuleState & object, name: string): boolean {
  if (target._parameters.delete(name) || target._modules.delete(name)) return true;
  if (target._buffers.delete(name)) {
    target._nonPersistentBuffersSet.delete(name);
    return true;
  }
  return Reflect.deleteProperty(target, name);
}

/** The traps of the Proxy every Module constructor returns. */
export const MODULE_TRAPS: ProxyHandler<ModuleState & object> = {
  defineProperty(target, key, desc) {
    if (typeof key !== 'string' || !('value' in desc)) return Reflect.defineProperty(target, key, desc);
    return setAttribute(target, key, desc.value, desc);
  },
  deleteProperty(target, key) {
    if (typeof key !== 'string') return Reflect.deleteProperty(target, key);
    return deleteAttribute(target, key);
  },
};
