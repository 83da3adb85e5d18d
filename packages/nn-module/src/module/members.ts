// named_modules / _named_members: the walks behind parameters(), buffers(), modules(), children().
// Shared modules and tensors are yielded once (a memo), in registration order.

import type { Module } from './module.js';

/** `module.named_modules(memo, prefix, remove_duplicate)`. */
export function* walkModules(module: Module, memo: Set<Module>, prefix: string, removeDuplicate: boolean): Generator<[string, Module]> {
  if (memo.has(module)) return;
  if (removeDuplicate) memo.add(module);
  yield [prefix, module];
  for (const [name, child] of module._modules) {
    if (child === null) continue;
    yield* walkModules(child, memo, prefix + (prefix ? '.' : '') + name, removeDuplicate);
  }
}

/** `module._named_members(get_members_fn, prefix, recurse, remove_duplicate)`. */
export function* namedMembers<T extends object>(
  module: Module,
  members: (m: Module) => Iterable<[string, T | null]>,
  prefix: string,
  recurse: boolean,
  removeDuplicate: boolean,
): Generator<[string, T]> {
  const memo = new Set<T>();
  const modules: Iterable<[string, Module]> = recurse ? walkModules(module, new Set(), prefix, removeDuplicate) : [[prefix, module]];
  for (const [modulePrefix, m] of modules) {
    for (const [k, v] of members(m)) {
      if (v === null || memo.has(v)) continue;
      if (removeDuplicate) memo.add(v);
      yield [modulePrefix + (modulePrefix ? '.' : '') + k, v];
    }
  }
}

/** `module.named_children()`: direct submodules, each once. */
export function* namedChildren(module: Module): Generator<[string, Module]> {
  const memo = new Set<Module>();
  for (const [name, child] of module._modules) {
    if (child !== null && !memo.has(child)) {
      memo.add(child);
      yield [name, child];
    }
  }
}

/** The values of a `[name, value]` iterator. */
export function* valuesOf<T>(it: Iterable<[string, T]>): Generator<T> {
  for (const [, v] of it) yield v;
}
