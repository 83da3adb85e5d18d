// The narrow hook through which @torchlet/autograd observes ops (DESIGN.md):
// every public op runs inside `traced(...)`; without autograd, or when nothing
// requires grad, that is a plain call. Autograd installs the hook and keeps the
// derivative table; tensor knows nothing of graphs.

import type { Tensor } from './tensor.js';

/** One op call as autograd sees it. */
export interface OpCall {
  /** The op's name in the registry and in autograd's derivative table (`'add'`, `'mm'`, `'conv2d'`). */
  readonly op: string;
  /** Tensor operands in the op's positional order; `undefined` where an operand is a scalar or absent. */
  readonly inputs: readonly (Tensor | undefined)[];
  /** The non-tensor arguments the derivative needs (dims, alpha, keepdim, …). */
  readonly args: Readonly<Record<string, unknown>>;
}

/** What autograd installs with `setAutogradHook`. */
export interface AutogradHook {
  /** Whether this call must be recorded: grad mode is on and some input requires grad. */
  wants(call: OpCall): boolean;
  /** Called before an in-place op overwrites `call.inputs[0]`; what it returns is handed to `record`. */
  beforeInplace?(call: OpCall): unknown;
  /** Called after the op ran, with its outputs (for in-place ops, outputs[0] is inputs[0]). */
  record(call: OpCall, outputs: readonly Tensor[], inplace: boolean, beforeState: unknown): void;
}

/** A registered op: autograd's coverage test enumerates these. */
export interface OpInfo {
  readonly name: string;
  /** False for ops with no derivative (comparisons, argmax, integer-only ops …). */
  readonly differentiable: boolean;
}

/** Every op that goes through `traced`, by name. */
export const opRegistry = new Map<string, OpInfo>();

/**
 * @internal Declares an op once, at module scope; returns its name for `traced`.
 * @example const ADD = defineOp('add');
 */
export function defineOp(name: string, differentiable = true): string {
  if (opRegistry.has(name)) throw new Error(`op '${name}' is defined twice`);
  opRegistry.set(name, { name, differentiable });
  return name;
}

let hook: AutogradHook | undefined;
/** >0 while a recorded op runs: the ops it calls are its implementation and are not recorded. */
let depth = 0;

/** @internal Installed by @torchlet/autograd. @example setAutogradHook(engineHook) */
export function setAutogradHook(h: AutogradHook | undefined): void {
  hook = h;
}

/**
 * @internal Runs an op, letting autograd record it. `run` computes the result
 * without autograd; ops it calls inside are not recorded separately. With
 * `{ inplace: true }`, `inputs[0]` is the tensor written, and its version counter
 * is bumped (once) if `run` did not.
 * @example traced(ADD, [a, b], { alpha }, () => addImpl(a, b, alpha))
 */
export function traced<T extends Tensor | readonly Tensor[]>(
  op: string,
  inputs: readonly (Tensor | undefined)[],
  args: Readonly<Record<string, unknown>>,
  run: () => T,
  opts?: { inplace?: boolean },
): T {
  const inplace = opts?.inplace ?? false;
  // an in-place op always bumps its target's version counter (autograd's check of saved tensors
  // depends on it), even when its implementation does not do it itself
  const runOp = inplace && depth === 0 ? () => bumpingVersion(inputs[0], run) : run;
  if (hook === undefined || depth > 0) return runOp();
  const call: OpCall = { op, inputs, args };
  if (!hook.wants(call)) return runOp();
  const before = inplace && hook.beforeInplace ? hook.beforeInplace(call) : undefined;
  depth++;
  let out: T;
  try {
    out = runOp();
  } finally {
    depth--;
  }
  hook.record(call, Array.isArray(out) ? (out as readonly Tensor[]) : [out as Tensor], inplace, before);
  return out;
}

function bumpingVersion<T>(target: Tensor | undefined, run: () => T): T {
  const before = target?.version;
  const out = run();
  if (target !== undefined && target.version === before) target.bumpVersion();
  return out;
}

/**
 * @internal Runs `fn` with recording off, as inside an op (autograd's own
 * bookkeeping, derivative code that must not be recorded).
 * @example untraced(() => grad.sum())
 */
export function untraced<T>(fn: () => T): T {
  depth++;
  try {
    return fn();
  } finally {
    depth--;
  }
}
