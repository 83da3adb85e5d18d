// Optimizer state dicts in PyTorch's shape: `{ state: { 0: {...} }, param_groups: [{ lr, …,
// params: [0, 1] }] }`. Data keys are PyTorch's (snake_case, `exp_avg`, `weight_decay`); live
// parameter groups use torchlet's option names (camelCase), converted on the way in and out.

import type { Tensor } from '@torchlet/tensor';
import { RuntimeError, ValueError, availableDevices, camelCase, getBackend, isPlainObject, isTensor, tensor } from '@torchlet/tensor';
import type { ParamState } from './types.js';

/** An optimizer's state dict, as `optimizer.state_dict()` returns it in PyTorch. */
export interface OptimizerStateDict {
  /** Per-parameter state by integer id (the parameter's position over all groups). */
  state: Record<number, Record<string, unknown>>;
  /** Each group's hyperparameters under PyTorch's names, `params` as ids. */
  param_groups: Record<string, unknown>[];
}

/**
 * A torchlet option name as PyTorch names it in state dicts.
 * @example snakeCase('weightDecay') // 'weight_decay'
 */
export function snakeCase(name: string): string {
  return name.replace(/(?<=[a-z0-9])([A-Z])/g, (_, c: string) => `_${c.toLowerCase()}`);
}

/** A copy of a plain value (arrays and plain objects copied, tensors by reference). */
function copyValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(copyValue);
  if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, copyValue(x)]));
  return v;
}

/**
 * A group's hyperparameters under PyTorch's names (without `params`).
 * @example packGroup({ params: [w], lr: 0.1, weightDecay: 0 }) // { lr: 0.1, weight_decay: 0 }
 */
export function packGroup(group: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(group)) if (k !== 'params') out[snakeCase(k)] = copyValue(v);
  return out;
}

/**
 * A saved group's hyperparameters under torchlet's names (without `params`).
 * @example unpackGroup({ lr: 0.1, weight_decay: 0, params: [0] }) // { lr: 0.1, weightDecay: 0 }
 */
export function unpackGroup(saved: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(saved)) if (k !== 'params') out[camelCase(k)] = copyValue(v);
  return out;
}

/**
 * A JS number kept in live state as the 0-d float32 CPU tensor PyTorch stores (`step`).
 * @example scalarStateTensor(3) // tensor(3.)
 */
export function scalarStateTensor(v: number): Tensor {
  return tensor(v, { dtype: 'float32', ...(availableDevices().includes('cpu') ? { device: 'cpu' } : {}) });
}

/**
 * The number in a saved scalar (a one-element tensor or a number), read on the host.
 * @example readScalarState(torch.tensor(3.), 'step', 0) // 3
 */
export function readScalarState(v: unknown, key: string, id: number): number {
  if (typeof v === 'number') return v;
  if (!isTensor(v) || v.numel() !== 1) {
    throw new ValueError(`loaded state dict has a '${key}' for parameter ${id} that is not a number or a one-element tensor`);
  }
  if (!getBackend(v.device).readSync) {
    throw new RuntimeError(`loaded state dict has '${key}' of parameter ${id} on device '${v.device}', which cannot be read synchronously: move the state dict's scalars to the CPU first`);
  }
  return Number(v.itemSync());
}

/**
 * A saved tensor made the parameter's: floats to its dtype, moved to its device, always a copy
 * (PyTorch deep-copies the state dict before loading).
 * @example castToParam(savedExpAvg, w)
 */
export function castToParam(v: Tensor, param: Tensor): Tensor {
  const dtype = v.isFloatingPoint() && param.isFloatingPoint() ? param.dtype : v.dtype;
  return v.to({ device: param.device, dtype, copy: true });
}

/**
 * Checks that a per-parameter state tensor has its parameter's shape (beyond PyTorch, which
 * fails later in the step with a broadcasting error).
 * @example checkStateShape(savedExpAvg, w.shape, 'exp_avg', 0)
 */
export function checkStateShape(v: Tensor, expected: readonly number[], key: string, id: number): void {
  if (v.shape.length !== expected.length || v.shape.some((s, i) => s !== expected[i])) {
    throw new ValueError(`loaded state dict has '${key}' of shape [${v.shape.join(', ')}] for parameter ${id}, which expects shape [${expected.join(', ')}]`);
  }
}

/**
 * The default packing of one parameter's state: keys listed in `scalarKeys` hold numbers live
 * and 0-d float32 tensors in the state dict, as PyTorch's `step`; other values as they are.
 * @example packState({ step: 2, exp_avg: m }, ['step']) // { step: tensor(2.), exp_avg: m }
 */
export function packState(state: ParamState, scalarKeys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(state)) {
    out[k] = scalarKeys.includes(k) && typeof v === 'number' ? scalarStateTensor(v) : copyValue(v);
  }
  return out;
}

/**
 * The default unpacking of one parameter's saved state: scalar keys back to numbers, tensors
 * checked against the parameter's shape and cast to its dtype and device.
 * @example unpackState({ step: tensor(2.), exp_avg: m }, w, 0, ['step'])
 */
export function unpackState(saved: unknown, param: Tensor, id: number, scalarKeys: readonly string[]): ParamState {
  if (!isPlainObject(saved)) throw new ValueError(`loaded state dict has a state for parameter ${id} that is not a dict`);
  const out: ParamState = {};
  for (const [k, v] of Object.entries(saved)) {
    if (scalarKeys.includes(k)) out[k] = readScalarState(v, k, id);
    else if (isTensor(v)) {
      checkStateShape(v, param.shape, k, id);
      out[k] = castToParam(v, param);
    } else out[k] = copyValue(v);
  }
  return out;
}
