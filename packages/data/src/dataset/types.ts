// What the loader and the samplers accept as data: any object with a `length`
// and `get(i)` (sync or async), an array, or an async/sync iterable stream.

/** Something with a size: what `len()` reads (`Sized` in PyTorch). */
export interface Sized {
  readonly length: number;
}

/**
 * A map-style dataset: `length` samples, `get(i)` returns sample `i` (or a Promise of it).
 * @example const squares: MapDataset<number> = { length: 4, get: (i) => i * i };
 */
export interface MapDataset<T> extends Sized {
  get(index: number): T | Promise<T>;
}

/**
 * What serves as a map-style dataset: a {@link MapDataset} or any array-like (`ds[i]`).
 * @example const ds: DatasetLike<number> = [1, 2, 3];
 */
export type DatasetLike<T> = MapDataset<T> | ArrayLike<T>;

/**
 * An iterable-style dataset: a stream of samples, async or sync.
 * @example const stream: IterableDatasetLike<number> = { async *[Symbol.asyncIterator]() { yield 1; } };
 */
export type IterableDatasetLike<T> = AsyncIterable<T> | Iterable<T>;

/**
 * Sample `index` of a dataset: `ds.get(index)` when it has `get`, else `ds[index]`.
 * @example getItem([5, 6], 1) // 6
 */
export function getItem<T>(dataset: DatasetLike<T>, index: number): T | Promise<T> {
  const get = (dataset as { get?: unknown }).get;
  if (typeof get === 'function') return (get as (i: number) => T | Promise<T>).call(dataset, index);
  return (dataset as ArrayLike<T>)[index] as T;
}

/**
 * `len(x)`: the `length` of a dataset or sampler, or Python's TypeError when it has none.
 * @example lengthOf([1, 2, 3]) // 3
 */
export function lengthOf(x: unknown): number {
  const n = (x as { length?: unknown } | null)?.length;
  if (typeof n !== 'number') throw new TypeError(`object of type '${typeName(x)}' has no len()`);
  return n;
}

/** A value's class name for messages (`RandomSampler`, `list`). */
export function typeName(x: unknown): string {
  if (x === null) return 'NoneType';
  if (Array.isArray(x)) return 'list';
  if (typeof x !== 'object') return typeof x;
  return (x as { constructor?: { name?: string } }).constructor?.name ?? 'object';
}

/**
 * Whether a dataset is iterable-style (a stream) rather than map-style: it is iterable
 * and has no `get` method and no numeric indexing (arrays are map-style).
 * @example isIterableStyle({ async *[Symbol.asyncIterator]() {} }) // true
 */
export function isIterableStyle(dataset: unknown): boolean {
  if (dataset === null || typeof dataset !== 'object') return false;
  if (typeof (dataset as { get?: unknown }).get === 'function') return false;
  if (ArrayBuffer.isView(dataset) || Array.isArray(dataset)) return false;
  return Symbol.asyncIterator in dataset || Symbol.iterator in dataset;
}

/**
 * Arguments for a signature whose first parameter is data: a plain-object dataset
 * (`{ length, get }`) given last would be read as the options object, so an empty one is added.
 * @example SIG.parse(dataArgs([{ length: 2, get: (i) => i }])) // the object binds as the dataset
 */
export function dataArgs(args: readonly unknown[]): unknown[] {
  const last = args[args.length - 1];
  const plain = last !== null && typeof last === 'object' && Object.getPrototypeOf(last) === Object.prototype;
  const datasetLike = plain && (typeof (last as { length?: unknown }).length === 'number' || typeof (last as { get?: unknown }).get === 'function' || Symbol.asyncIterator in last || Symbol.iterator in last);
  return datasetLike ? [...args, {}] : [...args];
}
