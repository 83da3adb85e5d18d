// Hook registries keyed by handle id, as PyTorch's OrderedDicts of hooks and its RemovableHandle.

import type { RemovableHandle } from '@torchlet/tensor';

let nextId = 0;

/**
 * What a `register…Hook` call returns: `remove()` unregisters the hook (also `using h = …`),
 * as `torch.utils.hooks.RemovableHandle`.
 * @example const h = model.registerForwardHook(() => {}); h.remove();
 */
export class HookHandle implements RemovableHandle {
  /** The hook's id (unique across all registries). */
  readonly id: number;
  private readonly registries: readonly (Map<number, unknown> | Set<number>)[];

  /** @internal Made by the register functions. */
  constructor(registries: readonly (Map<number, unknown> | Set<number>)[]) {
    this.id = nextId++;
    this.registries = registries;
  }

  /** Unregisters the hook (again: nothing). @example handle.remove() */
  remove(): void {
    for (const r of this.registries) r.delete(this.id);
  }

  /** `using h = model.registerForwardHook(…)` removes it at the end of the block. @example { using h = m.registerForwardHook(f); } */
  [Symbol.dispose](): void {
    this.remove();
  }
}

/**
 * Adds `hook` to `map` (first when `prepend`), returns its handle; `extra` are the id sets
 * (with-kwargs, always-call) the handle also clears.
 * @example addHook(hooks.forward, fn, false, [hooks.forwardWithKwargs])
 */
export function addHook<F>(map: Map<number, F>, hook: F, prepend = false, extra: readonly Set<number>[] = []): HookHandle {
  const handle = new HookHandle([map, ...extra]);
  if (prepend) {
    const rest = [...map];
    map.clear();
    map.set(handle.id, hook);
    for (const [k, v] of rest) map.set(k, v);
  } else map.set(handle.id, hook);
  return handle;
}
