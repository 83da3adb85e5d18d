// The shapes an optimizer takes and keeps: parameter groups, per-parameter state,
// closures, and the argument tuples of constructors (PyTorch's positional order, then
// one options object).

import type { Tensor } from '@torchlet/tensor';

/** Hyperparameters of an optimizer, by torchlet (camelCase) name. */
export type Hyperparameters = Record<string, unknown>;

/**
 * A parameter group as given to a constructor or `addParamGroup`: `params` plus any
 * hyperparameters that differ from the optimizer's defaults.
 * @example const g: ParamGroupInput<{ lr: number }> = { params: [w], lr: 0.1 };
 */
export type ParamGroupInput<H extends Hyperparameters = Hyperparameters> = { params: Tensor | Iterable<Tensor> } & Partial<H> & {
  [key: string]: unknown;
};

/**
 * What an optimizer takes: an iterable of tensors (`model.parameters()` is consumed once),
 * or an iterable of parameter groups.
 * @example new SGD([w, b], 0.1); new SGD([{ params: [w] }, { params: [b], lr: 0.01 }], 0.1)
 */
export type ParamsLike<H extends Hyperparameters = Hyperparameters> = Iterable<Tensor> | Iterable<ParamGroupInput<H>>;

/**
 * A parameter group as the optimizer keeps it (`optimizer.paramGroups[i]`): every
 * hyperparameter filled in, `params` an array. Schedulers change `lr` here.
 * @example optimizer.paramGroups[0].lr = 0.01
 */
export type ParamGroup<H extends Hyperparameters = Hyperparameters> = H & { params: Tensor[]; [key: string]: unknown };

/** The state an optimizer keeps for one parameter (`optimizer.state.get(p)`), under PyTorch's keys. */
export type ParamState = Record<string, unknown>;

/** A closure that re-evaluates the model (after zeroing and back-propagating) and returns the loss. */
export type Closure = () => Tensor | number;

/** What `step()` returns: the closure's loss, or null when no closure was given. */
export type StepResult = Tensor | number | null;

/** The tuples `[]`, `[a]`, `[a, b]`, … of the leading entries of `T`. */
type Prefixes<T extends unknown[]> = T extends [...infer Init, unknown] ? Prefixes<Init> | T : [];

/**
 * The arguments after `params` of a constructor or function: any leading run of the
 * positional parameters in PyTorch's order, then optionally one options object.
 * @example type A = Args<[lr: number, momentum: number], { nesterov?: boolean }>; // [] | [number] | [number, number] | … with an options object last
 */
export type Args<P extends unknown[], O> = Prefixes<P> extends infer Q ? (Q extends unknown[] ? [...Q, O?] : never) : never;
