// The Optimizer base class, shaped as PyTorch's torch/optim/optimizer.py: parameter
// groups with defaults, per-parameter state, zeroGrad, step with pre/post hooks, and
// state dicts in PyTorch's format.

import type { RemovableHandle, Tensor } from '@torchlet/tensor';
import { NotImplementedError, ValueError, isPlainObject, isTensor, keep, signature, tidy } from '@torchlet/tensor';
import { enableGrad, noGrad } from '@torchlet/autograd';
import { groupParams, paramGroupList } from './params.js';
import { pyStr } from './pyRepr.js';
import type { OptimizerStateDict } from './stateDict.js';
import { packGroup, packState, unpackGroup, unpackState } from './stateDict.js';
import type { Closure, Hyperparameters, ParamGroup, ParamGroupInput, ParamState, ParamsLike, StepResult } from './types.js';

const ADD_PARAM_GROUP = signature<{ '': { paramGroup: Record<string, unknown> } }>('add_param_group(Dict param_group)');
const ZERO_GRAD = signature<{ '': { setToNone: boolean } }>('zero_grad(bool set_to_none=True)');
const STEP = signature<{ '': { closure: Closure | null } }>('step(Callable? closure=None)');
const LOAD_STATE_DICT = signature<{ '': { stateDict: Record<string, unknown> } }>('load_state_dict(Dict state_dict)');

/** Runs before each `step`; may return replacement arguments. */
export type StepPreHook<O> = (optimizer: O, args: readonly unknown[]) => readonly unknown[] | void;
/** Runs after each `step`. */
export type StepPostHook<O> = (optimizer: O, args: readonly unknown[]) => void;

/** Marks the step wrapper, so that a scheduler can tell whether `step` was replaced after it. */
export const COUNTED_STEP: unique symbol = Symbol('counted step');

const DUPLICATE_WARNING =
  'optimizer contains a parameter group with duplicate parameters; in future, this will cause an error; ' +
  'see github.com/pytorch/pytorch/issues/40967 for more information';

let nextHookId = 0;

/**
 * Base class of all optimizers (PyTorch's `torch.optim.Optimizer`). Subclasses implement
 * `updateGroup` (the update of one parameter group, run under `noGrad`) or override `step`.
 * @example
 * const opt = new SGD(model.parameters(), 0.1);
 * opt.zeroGrad(); loss.backward(); opt.step();
 */
export abstract class Optimizer<H extends Hyperparameters = Hyperparameters> {
  /** Hyperparameters used where a group does not set its own. */
  readonly defaults: H;
  /** The parameter groups, each with every hyperparameter filled in. */
  paramGroups: ParamGroup<H>[] = [];
  /** Per-parameter state under PyTorch's keys (`momentum_buffer`, `exp_avg`, `step`, …). */
  state: Map<Tensor, ParamState> = new Map();
  /** @internal How many times `step` ran (PyTorch's `_step_count`, read by lr schedulers). */
  _stepCount = 0;
  /** State keys kept as JS numbers but saved as 0-d float32 tensors, as PyTorch keeps them. */
  protected readonly scalarStateKeys: readonly string[] = [];
  // hooks take `this`; stored without it so that an SGD is still an Optimizer to TypeScript
  private readonly preHooks = new Map<number, StepPreHook<unknown>>();
  private readonly postHooks = new Map<number, StepPostHook<unknown>>();

  constructor(params: ParamsLike<H>, defaults: H) {
    this.defaults = defaults;
    for (const group of paramGroupList(params)) this.addParamGroup(group as ParamGroupInput<H>);
    this.step = this.countedStep(this.step);
    this.stepAsync = this.countedStepAsync(this.stepAsync);
  }

  /**
   * Adds a group of parameters with its own hyperparameters (others from `defaults`).
   * @example opt.addParamGroup({ params: head.parameters(), lr: 0.01 })
   */
  addParamGroup(paramGroup: ParamGroupInput<H>): void {
    const given = ADD_PARAM_GROUP.parse([paramGroup]).paramGroup;
    const params = groupParams(given, this.defaults['differentiable'] === true);
    const group: Record<string, unknown> = { ...given, params };
    for (const [name, value] of Object.entries(this.defaults)) if (!(name in group)) group[name] = value;
    if (new Set(params).size !== params.length) console.warn(DUPLICATE_WARNING);
    const taken = new Set(this.paramGroups.flatMap((g) => g.params));
    if (params.some((p) => taken.has(p))) throw new ValueError('some parameters appear in more than one parameter group');
    this.paramGroups.push(group as ParamGroup<H>);
  }

  /**
   * Resets the gradients of all parameters: to null (default, as PyTorch 2), or to zero.
   * @example opt.zeroGrad(); opt.zeroGrad({ setToNone: false })
   */
  zeroGrad(...args: [setToNone?: boolean] | [opts: { setToNone?: boolean }]): void {
    const { setToNone } = ZERO_GRAD.parse(args);
    for (const group of this.paramGroups) {
      for (const p of group.params) {
        const g = p.grad;
        if (g === null) continue;
        if (setToNone) {
          p.grad = null;
          continue;
        }
        if (g.gradFn !== null) g.detach_();
        else g.requiresGrad_(false);
        g.zero_();
      }
    }
  }

  /**
   * One optimization step; `closure` (re-evaluating the loss) is optional for most
   * optimizers. Runs the registered hooks around it. Returns the closure's loss, or null.
   * @example opt.step(); const loss = opt.step(() => { opt.zeroGrad(); const l = f(); l.backward(); return l; })
   */
  step(...args: [closure?: Closure | null]): StepResult {
    const { closure } = STEP.parse(args);
    const loss = closure === null ? null : enableGrad(() => closure());
    const update = () => {
      for (const group of this.paramGroups) this.updateGroup(group);
    };
    if (this.defaults['differentiable'] === true) enableGrad(update);
    else noGrad(update);
    return loss;
  }

  /**
   * `step` for code that also runs optimizers needing host reads on devices without
   * synchronous reads (LBFGS on WebGPU); the same as `step` for the others.
   * @example await opt.stepAsync(closure)
   */
  stepAsync(...args: [closure?: Closure | null]): Promise<StepResult> {
    return Promise.resolve(this.step(...args));
  }

  /**
   * The update of one parameter group (the parameters with a gradient), run by `step`
   * under `noGrad`. Subclasses implement it (or override `step` itself).
   * @example protected override updateGroup(group) { for (const p of group.params) … }
   */
  protected updateGroup(group: ParamGroup<H>): void {
    void group;
    throw new NotImplementedError(`not implemented: ${this.constructor.name}.step() (subclasses implement step() or updateGroup())`);
  }

  /**
   * The state of parameter `p`, created by `init` the first time (PyTorch's lazy initialisation).
   * @example const s = this.stateOf(p, () => ({ step: 0, exp_avg: torch.zerosLike(p) }));
   */
  protected stateOf<S extends ParamState>(p: Tensor, init: () => S): S {
    let s = this.state.get(p);
    if (s === undefined || Object.keys(s).length === 0) {
      s = noGrad(init);
      // state outlives the tidy scope of the update that created it
      for (const v of Object.values(s)) if (isTensor(v)) keep(v);
      this.state.set(p, s);
    }
    return s as S;
  }

  /**
   * Calls `update(p, grad)` for each parameter of `group` that has a gradient, freeing the
   * update's temporaries at once (GPU memory is not garbage-collected), except when the
   * optimizer is differentiable (the graph through the step keeps them).
   * @example this.forEachGrad(group, (p, g) => p.add_(g, { alpha: -group.lr }))
   */
  protected forEachGrad(group: ParamGroup<H>, update: (p: Tensor, grad: Tensor) => void): void {
    const differentiable = this.defaults['differentiable'] === true;
    for (const p of group.params) {
      const g = p.grad;
      if (g === null) continue;
      if (differentiable) update(p, g);
      else tidy(() => update(p, g));
    }
  }

  /**
   * Registers `hook(optimizer, args)` to run before each `step`; it may return new arguments.
   * @example opt.registerStepPreHook((o) => console.log('stepping', o.paramGroups[0].lr))
   */
  registerStepPreHook(hook: StepPreHook<this>): RemovableHandle {
    return this.addHook(this.preHooks, hook as StepPreHook<unknown>);
  }

  /**
   * Registers `hook(optimizer, args)` to run after each `step`.
   * @example opt.registerStepPostHook(() => steps++)
   */
  registerStepPostHook(hook: StepPostHook<this>): RemovableHandle {
    return this.addHook(this.postHooks, hook as StepPostHook<unknown>);
  }

  /**
   * The optimizer's state in PyTorch's format (tensors by reference, as PyTorch): save it
   * with a checkpoint and give it to `loadStateDict` to resume.
   * @example const sd = opt.stateDict(); sd.param_groups[0].lr // 0.1
   */
  stateDict(): OptimizerStateDict {
    const ids = new Map<Tensor, number>();
    let start = 0;
    const param_groups = this.paramGroups.map((g) => {
      const packed = packGroup(g);
      g.params.forEach((p, i) => {
        if (!ids.has(p)) ids.set(p, start + i);
      });
      packed['params'] = g.params.map((p) => ids.get(p)!);
      start += g.params.length;
      return packed;
    });
    const state: Record<number, Record<string, unknown>> = {};
    for (const [p, s] of this.state) {
      const id = ids.get(p);
      if (id !== undefined) state[id] = this.packState(s, p);
    }
    return { state, param_groups };
  }

  /**
   * Loads a state dict from `stateDict()` (or PyTorch's `optimizer.state_dict()`): checks the
   * number and sizes of groups and the shape of each state tensor; a failed load changes nothing.
   * @example opt.loadStateDict(checkpoint.optimizer)
   */
  loadStateDict(stateDict: OptimizerStateDict | Record<string, unknown>): void {
    const sd = LOAD_STATE_DICT.parse([stateDict]).stateDict;
    const saved = sd['param_groups'];
    const savedState = sd['state'] ?? {};
    if (!Array.isArray(saved) || !isPlainObject(savedState) && !(savedState instanceof Map)) {
      throw new ValueError("loaded state dict must have 'state' (a dict) and 'param_groups' (a list)");
    }
    if (saved.length !== this.paramGroups.length) throw new ValueError('loaded state dict has a different number of parameter groups');
    const savedIds: unknown[] = [];
    saved.forEach((g: unknown, i) => {
      const ids = isPlainObject(g) ? g['params'] : undefined;
      if (!Array.isArray(ids) || ids.length !== this.paramGroups[i]!.params.length) {
        throw new ValueError("loaded state dict contains a parameter group that doesn't match the size of optimizer's group");
      }
      savedIds.push(...ids);
    });
    const idMap = new Map<string, Tensor>();
    const current = this.paramGroups.flatMap((g) => g.params);
    savedIds.forEach((id, i) => idMap.set(String(id), current[i]!));
    const entries = savedState instanceof Map ? [...savedState.entries()] : Object.entries(savedState);
    const state = new Map<Tensor, ParamState>();
    for (const [key, value] of entries) {
      const p = idMap.get(String(key));
      if (p !== undefined) state.set(p, this.unpackState(value, p, Number(key)));
    }
    const groups = this.paramGroups.map((g, i) => {
      const restored: Record<string, unknown> = { ...unpackGroup(saved[i] as Record<string, unknown>), params: g.params };
      for (const [name, value] of Object.entries(this.defaults)) if (!(name in restored)) restored[name] = value;
      return restored as ParamGroup<H>;
    });
    this.state = state;
    this.paramGroups = groups;
  }

  /**
   * What `String(optimizer)` prints, as PyTorch's `repr(optimizer)`.
   * @example String(new SGD([w], 0.1)) // 'SGD (\nParameter Group 0\n    dampening: 0\n …)'
   */
  toString(): string {
    let out = `${this.constructor.name} (`;
    this.paramGroups.forEach((g, i) => {
      out += `\nParameter Group ${i}\n`;
      const packed = packGroup(g);
      for (const key of Object.keys(packed).sort()) out += `    ${key}: ${pyStr(packed[key])}\n`;
    });
    return `${out})`;
  }

  /** One parameter's state as saved (override for state that is not per-parameter tensors). */
  protected packState(state: ParamState, param: Tensor): Record<string, unknown> {
    void param;
    return packState(state, this.scalarStateKeys);
  }

  /** One parameter's saved state as kept live (the inverse of `packState`, with checks). */
  protected unpackState(saved: unknown, param: Tensor, id: number): ParamState {
    return unpackState(saved, param, id, this.scalarStateKeys);
  }

  private addHook<F>(hooks: Map<number, F>, hook: F): RemovableHandle {
    const id = nextHookId++;
    hooks.set(id, hook);
    return { remove: () => void hooks.delete(id) };
  }

  private runPreHooks(args: readonly unknown[]): readonly unknown[] {
    let current = args;
    for (const hook of [...this.preHooks.values()]) {
      const replaced = hook(this, current);
      if (replaced !== undefined) current = replaced;
    }
    return current;
  }

  private runPostHooks(args: readonly unknown[]): void {
    for (const hook of [...this.postHooks.values()]) hook(this, args);
  }

  /** `step` wrapped with the hooks and the step count (as PyTorch patches `step`). */
  private countedStep(inner: (...args: [closure?: Closure | null]) => StepResult): (...args: [closure?: Closure | null]) => StepResult {
    const counted = (...args: [closure?: Closure | null]): StepResult => {
      const actual = this.runPreHooks(args) as [closure?: Closure | null];
      this._stepCount++;
      const result = inner.apply(this, actual);
      this.runPostHooks(actual);
      return result;
    };
    return Object.assign(counted, { [COUNTED_STEP]: true });
  }

  private countedStepAsync(
    inner: (...args: [closure?: Closure | null]) => Promise<StepResult>,
  ): (...args: [closure?: Closure | null]) => Promise<StepResult> {
    // the base stepAsync goes through the counted step already
    if (inner === Optimizer.prototype.stepAsync) return inner;
    return async (...args: [closure?: Closure | null]): Promise<StepResult> => {
      const actual = this.runPreHooks(args) as [closure?: Closure | null];
      this._stepCount++;
      const result = await inner.apply(this, actual);
      this.runPostHooks(actual);
      return result;
    };
  }
}
