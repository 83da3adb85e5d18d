// How Python values look while a pickle is read and written: dicts keep any key type, tuples are
// arrays remembered as tuples (so a file read and written again keeps them), globals are names.

/** A Python dict (or OrderedDict, Counter) while unpickling: any key type, insertion order. */
export class PyDict {
  readonly map = new Map<unknown, unknown>();
  /** @example new PyDict('OrderedDict') */
  constructor(readonly kind: 'dict' | 'OrderedDict' | 'Counter' = 'dict') {}

  /** Instance attributes BUILD gave an OrderedDict (a state dict's `_metadata`). */
  attrs: PyDict | null = null;

  /** BUILD of an OrderedDict sets its attributes (`state_dict()._metadata`, module versions). */
  build(state: unknown): void {
    if (this.kind === 'dict' || !(state === null || state instanceof PyDict)) throw new TypeError(`cannot BUILD a ${this.kind} from this state`);
    this.attrs = state;
  }
}

/** A reference to a Python global (module + name), pushed by GLOBAL; what it may do is up to the allowlist. */
export interface PyCallable {
  readonly full: string;
  /** REDUCE: the global called with `args`. */
  call?(args: unknown[]): unknown;
  /** NEWOBJ: `cls.__new__(cls, *args)`. */
  newobj?(args: unknown[]): unknown;
}

/** An object BUILD may apply state to (`__setstate__`). */
export interface Buildable {
  build(state: unknown): void;
}

const tuples = new WeakSet<object>();

/** A JS array that came from (or should be written as) a Python tuple. @example isTuple(tuple([1, 2])) // true */
export function tuple<T>(items: T[]): T[] {
  tuples.add(items);
  return items;
}

/** Whether an array was a Python tuple. @example isTuple([1]) // false */
export function isTuple(a: readonly unknown[]): boolean {
  return tuples.has(a);
}

const intKeyed = new WeakSet<object>();

/** Marks an object whose keys were Python ints (an optimizer's `state`), so writing keeps them ints. @example markIntKeys(obj) */
export function markIntKeys(o: object): void {
  intKeyed.add(o);
}

/** Whether an object's keys were Python ints. @example hasIntKeys({}) // false */
export function hasIntKeys(o: object): boolean {
  return intKeyed.has(o);
}
