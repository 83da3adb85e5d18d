// The hooks every module runs: register_module_forward_pre_hook and friends.

import { signature } from '@torchlet/tensor';
import { addHook } from './handle.js';
import type { HookHandle } from './handle.js';
import type { ForwardHook, ForwardHookWithKwargs, ForwardPreHook, FullBackwardHook, FullBackwardPreHook } from './hookTypes.js';
import { globalHooks } from './hookTypes.js';

const FORWARD_HOOK = signature<{ '': { hook: ForwardHook; withKwargs: boolean; alwaysCall: boolean } }>(
  'register_module_forward_hook(Callable hook, *, bool with_kwargs=False, bool always_call=False)',
);

/**
 * `torch.nn.modules.module.register_module_forward_pre_hook(hook)`: `hook(module, args)` before
 * every module's forward (before the module's own pre-hooks).
 * @example const h = nn.registerModuleForwardPreHook((m, args) => console.log(m._getName())); h.remove()
 */
export function registerModuleForwardPreHook(hook: ForwardPreHook): HookHandle {
  return addHook(globalHooks.forwardPre, hook);
}

/**
 * `register_module_forward_hook(hook, *, with_kwargs, always_call)`: `hook(module, args, output)`
 * after every module's forward (before the module's own forward hooks).
 * @example nn.registerModuleForwardHook((m, args, out) => undefined)
 */
export function registerModuleForwardHook(hook: ForwardHook, opts?: { withKwargs?: false; alwaysCall?: boolean }): HookHandle;
export function registerModuleForwardHook(hook: ForwardHookWithKwargs, opts: { withKwargs: true; alwaysCall?: boolean }): HookHandle;
export function registerModuleForwardHook(hook: ForwardHook | ForwardHookWithKwargs, opts?: { withKwargs?: boolean; alwaysCall?: boolean }): HookHandle {
  const a = FORWARD_HOOK.parse(opts === undefined ? [hook] : [hook, opts]);
  const handle = addHook(globalHooks.forward, a.hook, false, [globalHooks.forwardWithKwargs, globalHooks.forwardAlwaysCalled]);
  if (a.withKwargs) globalHooks.forwardWithKwargs.add(handle.id);
  if (a.alwaysCall) globalHooks.forwardAlwaysCalled.add(handle.id);
  return handle;
}

/**
 * `register_module_full_backward_hook(hook)`: `hook(module, gradInput, gradOutput)` for every module.
 * @example nn.registerModuleFullBackwardHook((m, gi, go) => undefined)
 */
export function registerModuleFullBackwardHook(hook: FullBackwardHook): HookHandle {
  return addHook(globalHooks.backward, hook);
}

/**
 * `register_module_full_backward_pre_hook(hook)`: `hook(module, gradOutput)` for every module.
 * @example nn.registerModuleFullBackwardPreHook((m, go) => undefined)
 */
export function registerModuleFullBackwardPreHook(hook: FullBackwardPreHook): HookHandle {
  return addHook(globalHooks.backwardPre, hook);
}
