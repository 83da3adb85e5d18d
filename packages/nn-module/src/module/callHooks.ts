// module.call(...) with hooks, in PyTorch's order (Module._call_impl): global forward pre-hooks,
// the module's, backward-hook setup on the inputs, forward, global forward hooks, the module's,
// backward-hook setup on the outputs; hooks registered with alwaysCall also run when forward throws.

import { RuntimeError, isPlainObject } from '@torchlet/tensor';
import { BackwardHook } from './backwardHook.js';
import type { ForwardHook, ForwardHookWithKwargs, ForwardPreHook, ForwardPreHookWithKwargs, HookRegistries, Kwargs } from './hookTypes.js';
import { globalHooks } from './hookTypes.js';
import type { Module } from './module.js';

/**
 * The positional arguments and the kwargs (a trailing options object) of a call, for the hooks
 * registered `withKwargs`; hooks without it see every argument.
 */
function splitKwargs(args: unknown[]): [unknown[], Kwargs, boolean] {
  const last = args[args.length - 1];
  if (args.length > 0 && isPlainObject(last)) return [args.slice(0, -1), last, true];
  return [args, {}, false];
}

function joinKwargs(positional: unknown[], kwargs: Kwargs, had: boolean): unknown[] {
  return had || Object.keys(kwargs).length > 0 ? [...positional, kwargs] : positional;
}

/** `module.call(...args)` when some hook is registered. */
export function callWithHooks(module: Module, hooks: HookRegistries, input: unknown[]): unknown {
  let args = input;
  const calledAlways = new Set<number>();
  let result: unknown;
  try {
    const backwardHooks = [...globalHooks.backward.values(), ...hooks.backward.values()];
    const backwardPreHooks = [...globalHooks.backwardPre.values(), ...hooks.backwardPre.values()];
    for (const [id, hook] of [...globalHooks.forwardPre, ...hooks.forwardPre]) {
      if (hooks.forwardPreWithKwargs.has(id)) {
        const [pos, kw, had] = splitKwargs(args);
        const r = (hook as ForwardPreHookWithKwargs)(module, pos, kw);
        if (r === undefined || r === null) continue;
        if (!Array.isArray(r) || r.length !== 2) {
          throw new RuntimeError(`forward pre-hook must return None or a tuple of (new_args, new_kwargs), but got ${String(r)}.`);
        }
        args = joinKwargs([...(r[0] as unknown[])], r[1] as Kwargs, had);
      } else {
        const r = (hook as ForwardPreHook)(module, args);
        if (r !== undefined && r !== null) args = Array.isArray(r) ? [...(r as unknown[])] : [r];
      }
    }
    let bwHook: BackwardHook | null = null;
    if (backwardHooks.length > 0 || backwardPreHooks.length > 0) {
      bwHook = new BackwardHook(module, backwardHooks, backwardPreHooks);
      args = bwHook.setupInputHook(args);
    }
    result = module.forward(...args);
    for (const [id, hook] of [...globalHooks.forward, ...hooks.forward]) {
      if (hooks.forwardAlwaysCalled.has(id) || globalHooks.forwardAlwaysCalled.has(id)) calledAlways.add(id);
      const r = runForwardHook(hooks, id, hook, module, args, result);
      if (r !== undefined && r !== null) result = r;
    }
    if (bwHook !== null) result = bwHook.setupOutputHook(result);
    return result;
  } catch (e) {
    for (const registry of [globalHooks, hooks]) {
      for (const [id, hook] of registry.forward) {
        if (!registry.forwardAlwaysCalled.has(id) || calledAlways.has(id)) continue;
        try {
          const r = runForwardHook(hooks, id, hook, module, args, result);
          if (r !== undefined && r !== null) result = r;
        } catch (inner) {
          console.warn(`module forward hook with \`\`always_call=True\`\` raised an exception that was silenced as another error was raised in forward: ${String(inner)}`);
        }
      }
    }
    throw e;
  }
}

function runForwardHook(hooks: HookRegistries, id: number, hook: ForwardHook | ForwardHookWithKwargs, module: Module, args: unknown[], result: unknown): unknown {
  if (hooks.forwardWithKwargs.has(id) || globalHooks.forwardWithKwargs.has(id)) {
    const [pos, kw] = splitKwargs(args);
    return (hook as ForwardHookWithKwargs)(module, pos, kw, result);
  }
  return (hook as ForwardHook)(module, args, result);
}
