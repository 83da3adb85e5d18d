// The learning-rate scheduler base (PyTorch's torch/optim/lr_scheduler.py `_LRScheduler`):
// `step()` advances `lastEpoch`, computes each group's lr with `getLr()` and writes it into
// the optimizer's groups. State dicts carry PyTorch's attribute names.

import { KeyError, TorchTypeError, ValueError, camelCase, describeValue, isPlainObject, signature } from '@torchlet/tensor';
import { COUNTED_STEP, Optimizer } from '../optimizer.js';
import type { Hyperparameters, ParamGroup } from '../types.js';

const STEP = signature<{ '': { epoch: number | null } }>('step(float? epoch=None)');

/** PyTorch's warning when `epoch` is passed to `step`. */
export const EPOCH_DEPRECATION_WARNING =
  'The epoch parameter in `scheduler.step()` was not necessary and is being deprecated where possible. ' +
  'Please use `scheduler.step()` to step the scheduler. During the deprecation, if epoch is different from None, ' +
  'the closed form is used instead of the new chainable form, where available. Please open an issue if you are ' +
  'unable to replicate your use case: https://github.com/pytorch/pytorch/issues/new/choose.';

const STEP_ORDER_WARNING =
  'Detected call of `lr_scheduler.step()` before `optimizer.step()`. In PyTorch 1.1.0 and later, you should call them ' +
  'in the opposite order: `optimizer.step()` before `lr_scheduler.step()`.  Failure to do this will result in PyTorch ' +
  'skipping the first value of the learning rate schedule. See more details at ' +
  'https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate';

const STEP_REPLACED_WARNING =
  'Seems like `optimizer.step()` has been overridden after learning rate scheduler initialization. Please, make sure ' +
  'to call `optimizer.step()` before `lr_scheduler.step()`. See more details at ' +
  'https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate';

const GET_LR_WARNING = 'To get the last learning rate computed by the scheduler, please use `getLastLr()`.';

/** The attributes every scheduler's state dict has, under PyTorch's names. */
const BASE_STATE_KEYS = ['base_lrs', 'last_epoch', 'verbose', '_step_count', '_get_lr_called_within_step', '_last_lr'];

/** What every scheduler offers (LRScheduler subclasses, ReduceLROnPlateau, SequentialLR, ChainedScheduler). */
export interface Scheduler {
  readonly optimizer: Optimizer;
  step(...args: never[]): void;
  getLastLr(): number[];
  stateDict(): Record<string, unknown>;
  loadStateDict(stateDict: Record<string, unknown>): void;
}

/** A copy of a plain value (arrays and plain objects copied). */
export function copyPlain(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(copyPlain);
  if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copyPlain(x)]));
  return v;
}

/**
 * Throws PyTorch's TypeError unless `optimizer` is an Optimizer.
 * @example checkOptimizer(opt)
 */
export function checkOptimizer(optimizer: unknown): Optimizer {
  if (!(optimizer instanceof Optimizer)) throw new TorchTypeError(`${describeValue(optimizer)} is not an Optimizer`);
  return optimizer;
}

/**
 * A per-group value given once or as a list with one entry per group (`_format_param`).
 * @example perGroup('max_lr', opt, 0.1) // [0.1, 0.1] for two groups
 */
export function perGroup(name: string, optimizer: Optimizer, value: number | readonly number[]): number[] {
  const n = optimizer.paramGroups.length;
  if (!Array.isArray(value)) return new Array<number>(n).fill(value as number);
  if (value.length !== n) throw new ValueError(`expected ${n} values for ${name}, got ${value.length}`);
  return [...(value as number[])];
}

/**
 * A number as Python's `'{:.4e}'.format(x)`.
 * @example format4e(0.1) // '1.0000e-01'
 */
export function format4e(x: number): string {
  const [m, e] = x.toExponential(4).split('e') as [string, string];
  const exp = Number(e);
  return `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

/**
 * An epoch as PyTorch's messages print it: `%.5d` for integers, `%.2f` otherwise.
 * @example epochText(3) // '00003'
 */
export function epochText(epoch: number): string {
  return Number.isInteger(epoch) ? String(epoch).padStart(5, '0') : epoch.toFixed(2);
}

/**
 * Base class of the epoch-indexed schedulers. A subclass sets its own fields, then calls
 * `this._initialStep()` at the end of its constructor (PyTorch's `__init__` does that step
 * after the subclass's attributes exist), and implements `getLr()`.
 * @example
 * class Halve extends LRScheduler {
 *   constructor(opt: Optimizer) { super(opt); this._initialStep(); }
 *   override getLr() { return this.optimizer.paramGroups.map((g) => (this.lastEpoch === 0 ? g.lr : g.lr / 2)); }
 * }
 */
export abstract class LRScheduler implements Scheduler {
  readonly optimizer: Optimizer;
  /** Each group's initial lr (`initial_lr`). */
  baseLrs: number[];
  /** The index of the last epoch (step); -1 before the first. */
  lastEpoch: number;
  verbose: boolean;
  /** @internal */
  _stepCount = 0;
  /** @internal */
  _getLrCalledWithinStep = false;
  /** @internal */
  _lastLr: number[] = [];
  /** The subclass's attributes in its state dict, under PyTorch's names (the JS field is the camelCase). */
  protected readonly stateKeys: readonly string[] = [];

  constructor(optimizer: Optimizer, lastEpoch = -1, verbose = false) {
    this.optimizer = checkOptimizer(optimizer);
    const groups = this.groups;
    if (lastEpoch === -1) {
      for (const g of groups) if (!('initialLr' in g)) g['initialLr'] = g['lr'];
    } else {
      groups.forEach((g, i) => {
        if (!('initialLr' in g)) throw new KeyError(`param 'initial_lr' is not specified in param_groups[${i}] when resuming an optimizer`);
      });
    }
    this.baseLrs = groups.map((g) => g['initialLr'] as number);
    this.lastEpoch = lastEpoch;
    this.verbose = verbose;
  }

  /** The optimizer's parameter groups. */
  protected get groups(): ParamGroup<Hyperparameters>[] {
    return this.optimizer.paramGroups;
  }

  /**
   * The learning rates of the next step (PyTorch's `get_lr`); call `getLastLr()` to read them.
   * @example scheduler.getLr()
   */
  abstract getLr(): number[];

  /** The closed form used when `step(epoch)` is given an epoch (PyTorch's `_get_closed_form_lr`), or null. */
  protected closedFormLr(): number[] | null {
    return null;
  }

  /** @internal Resets the step counts and performs the first step (PyTorch's `_initial_step`). */
  _initialStep(): void {
    this.optimizer._stepCount = 0;
    this._stepCount = 0;
    this.step();
  }

  /**
   * Advances one epoch (or, deprecated, jumps to `epoch`) and sets each group's lr.
   * @example optimizer.step(); scheduler.step();
   */
  step(...args: [epoch?: number | null]): void {
    const { epoch } = STEP.parse(args);
    this.checkStepOrder();
    this._stepCount++;
    const values = this.withinStep(() => {
      if (epoch === null) {
        this.lastEpoch++;
        return this.getLr();
      }
      console.warn(EPOCH_DEPRECATION_WARNING);
      this.lastEpoch = epoch;
      return this.closedFormLr() ?? this.getLr();
    });
    this.applyLrs(values, epoch);
  }

  /**
   * The learning rates the last step set, one per group.
   * @example scheduler.getLastLr() // [0.1]
   */
  getLastLr(): number[] {
    return this._lastLr;
  }

  /**
   * The scheduler's state under PyTorch's attribute names (functions are not saved, as PyTorch
   * does not save lambdas).
   * @example const sd = scheduler.stateDict(); sd.last_epoch // 3
   */
  stateDict(): Record<string, unknown> {
    const self = this as unknown as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of [...this.stateKeys, ...BASE_STATE_KEYS]) {
      const v = self[camelCase(key)];
      if (v !== undefined && typeof v !== 'function') out[key] = copyPlain(v);
    }
    return out;
  }

  /**
   * Restores a state from `stateDict()` (or PyTorch's `scheduler.state_dict()`).
   * @example scheduler.loadStateDict(checkpoint.scheduler)
   */
  loadStateDict(stateDict: Record<string, unknown>): void {
    const self = this as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(stateDict)) {
      const field = camelCase(key);
      if (typeof self[field] !== 'function') self[field] = copyPlain(value);
    }
  }

  /** Prints `Adjusting learning rate of group i to …` when verbose, as PyTorch's `print_lr`. */
  printLr(isVerbose: boolean, group: number, lr: number, epoch: number | null = null): void {
    if (!isVerbose) return;
    if (epoch === null) console.log(`Adjusting learning rate of group ${group} to ${format4e(lr)}.`);
    else {
      console.log(`Epoch ${epochText(epoch)}: adjusting learning rate of group ${group} to ${format4e(lr)}.`);
    }
  }

  /** Warns (as PyTorch) when `getLr()` is called outside `step()`. */
  protected warnOutsideStep(): void {
    if (!this._getLrCalledWithinStep) console.warn(GET_LR_WARNING);
  }

  /** Runs `fn` with `getLr()` marked as called from `step()`. */
  protected withinStep<T>(fn: () => T): T {
    this._getLrCalledWithinStep = true;
    try {
      return fn();
    } finally {
      this._getLrCalledWithinStep = false;
    }
  }

  /** Writes the new lrs into the groups and records them as the last. */
  protected applyLrs(values: readonly number[], epoch: number | null): void {
    this.groups.forEach((g, i) => {
      if (i >= values.length) return;
      g['lr'] = values[i]!;
      this.printLr(this.verbose, i, values[i]!, epoch);
    });
    this._lastLr = this.groups.map((g) => g['lr'] as number);
  }

  /** PyTorch's warnings on the first step: `optimizer.step()` replaced, or not called yet. */
  protected checkStepOrder(): void {
    if (this._stepCount !== 1) return;
    if (!(COUNTED_STEP in this.optimizer.step)) console.warn(STEP_REPLACED_WARNING);
    else if (this.optimizer._stepCount < 1) console.warn(STEP_ORDER_WARNING);
  }
}
