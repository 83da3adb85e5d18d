// The hooks a Module runs, their registries, and the global (every-module) registries.

import type { MaybeGrad } from '@torchlet/tensor';
import type { Module } from './module.js';
import type { IncompatibleKeys, StateDict } from './stateDict.js';

/** Keyword arguments of a call: the trailing options object (JavaScript's form of Python kwargs). */
export type Kwargs = Record<string, unknown>;

/** `hook(module, args)`: runs before forward; a returned value (an array, or one value) replaces the arguments. */
export type ForwardPreHook<M extends Module = Module> = (module: M, args: unknown[]) => unknown;
/** `hook(module, args, kwargs)` (`withKwargs`): may return `[args, kwargs]` to replace both. */
export type ForwardPreHookWithKwargs<M extends Module = Module> = (module: M, args: unknown[], kwargs: Kwargs) => readonly [unknown[], Kwargs] | null | undefined | void;
/** `hook(module, args, output)`: runs after forward; a returned value replaces the output. */
export type ForwardHook<M extends Module = Module> = (module: M, args: unknown[], output: unknown) => unknown;
/** `hook(module, args, kwargs, output)` (`withKwargs`). */
export type ForwardHookWithKwargs<M extends Module = Module> = (module: M, args: unknown[], kwargs: Kwargs, output: unknown) => unknown;
/** `hook(module, gradInput, gradOutput)`: when the gradients of the module's inputs are computed; may return new `gradInput`. */
export type FullBackwardHook<M extends Module = Module> = (module: M, gradInput: readonly MaybeGrad[], gradOutput: readonly MaybeGrad[]) => readonly MaybeGrad[] | null | undefined | void;
/** `hook(module, gradOutput)`: when the gradients of the module's outputs are known; may return new `gradOutput`. */
export type FullBackwardPreHook<M extends Module = Module> = (module: M, gradOutput: readonly MaybeGrad[]) => readonly MaybeGrad[] | null | undefined | void;

/** `hook(module, prefix, keepVars)`: before `stateDict()` collects the module's entries. */
export type StateDictPreHook<M extends Module = Module> = (module: M, prefix: string, keepVars: boolean) => void;
/** `hook(module, stateDict, prefix, localMetadata)`: after; may change `stateDict` in place. */
export type StateDictPostHook<M extends Module = Module> = (module: M, stateDict: StateDict, prefix: string, localMetadata: Record<string, unknown>) => void;
/** `hook(module, stateDict, prefix, localMetadata, strict, missingKeys, unexpectedKeys, errorMsgs)`: before the module loads its entries. */
export type LoadStateDictPreHook<M extends Module = Module> = (
  module: M, stateDict: Record<string, unknown>, prefix: string, localMetadata: Record<string, unknown>,
  strict: boolean, missingKeys: string[], unexpectedKeys: string[], errorMsgs: string[],
) => void;
/** `hook(module, incompatibleKeys)`: after the module and its children loaded; may edit the key lists in place. */
export type LoadStateDictPostHook<M extends Module = Module> = (module: M, incompatibleKeys: IncompatibleKeys) => void;

/** Options of `registerForwardPreHook`. */
export interface ForwardPreHookOptions {
  /** Run before the hooks already registered. */
  prepend?: boolean;
  /** The hook also receives and may replace the keyword arguments. */
  withKwargs?: boolean;
}
/** Options of `registerForwardHook`. */
export interface ForwardHookOptions extends ForwardPreHookOptions {
  /** Run even when forward throws. */
  alwaysCall?: boolean;
}

/** The hook registries of one module (or the global ones), in PyTorch's order of entry. */
export class HookRegistries {
  readonly forwardPre = new Map<number, ForwardPreHook | ForwardPreHookWithKwargs>();
  readonly forwardPreWithKwargs = new Set<number>();
  readonly forward = new Map<number, ForwardHook | ForwardHookWithKwargs>();
  readonly forwardWithKwargs = new Set<number>();
  readonly forwardAlwaysCalled = new Set<number>();
  readonly backward = new Map<number, FullBackwardHook>();
  readonly backwardPre = new Map<number, FullBackwardPreHook>();
  readonly stateDictPre = new Map<number, StateDictPreHook>();
  readonly stateDictPost = new Map<number, StateDictPostHook>();
  readonly loadPre = new Map<number, LoadStateDictPreHook>();
  readonly loadPost = new Map<number, LoadStateDictPostHook>();

  /** Every hook of `this` added to `other` (deep copies of modules keep their hooks). */
  copyInto(other: HookRegistries): void {
    for (const key of Object.keys(this) as (keyof HookRegistries)[]) {
      const from = this[key];
      const to = other[key];
      if (from instanceof Map && to instanceof Map) for (const [k, v] of from) (to as Map<number, unknown>).set(k, v);
      else if (from instanceof Set && to instanceof Set) for (const k of from) to.add(k);
    }
  }

  /** Whether any forward or backward hook is registered (`call()` skips the hook logic otherwise). */
  get active(): boolean {
    return this.forwardPre.size + this.forward.size + this.backward.size + this.backwardPre.size > 0;
  }
}

/** The hooks every module runs (`registerModuleForwardHook` …). */
export const globalHooks = new HookRegistries();
