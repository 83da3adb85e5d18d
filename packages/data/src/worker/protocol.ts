// The messages between the DataLoader and its workers.

import type { Encoded } from './spec.js';

/** Where a worker starts: what to import, what to rebuild, how to seed itself. */
export interface InitMessage {
  readonly type: 'init';
  readonly modules: readonly string[];
  readonly workerId: number;
  readonly numWorkers: number;
  /** The loader's base seed plus the worker id (PyTorch's `base_seed + worker_id`). */
  readonly seed: bigint;
  readonly iterable: boolean;
  readonly dataset: Encoded;
  readonly autoCollation: boolean;
  readonly collateFn: Encoded;
  readonly dropLast: boolean;
  readonly initFn: Encoded;
}

/** Load batch `idx` from `index` (indices, one index, or null for a stream); `discard` loads without sending it back (resuming). */
export interface TaskMessage {
  readonly type: 'task';
  readonly idx: number;
  readonly index: number | number[] | null;
  readonly discard: boolean;
}

export type ToWorker = InitMessage | TaskMessage | { readonly type: 'resume' } | { readonly type: 'stop' };

/** An error as it crosses threads. */
export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly stack: string | undefined;
}

export type FromWorker =
  | { readonly type: 'result'; readonly idx: number; readonly workerId: number; readonly data: Encoded }
  | { readonly type: 'discarded'; readonly idx: number; readonly workerId: number }
  | { readonly type: 'error'; readonly idx: number; readonly workerId: number; readonly index: number | number[] | null; readonly error: SerializedError }
  | { readonly type: 'end'; readonly idx: number; readonly workerId: number }
  | { readonly type: 'resumed'; readonly workerId: number };

/** An error as a message. @example serializeError(new TypeError('bad')) // { name: 'TypeError', message: 'bad', stack } */
export function serializeError(e: unknown): SerializedError {
  if (e instanceof Error) return { name: e.name, message: e.message, stack: e.stack };
  return { name: 'Error', message: String(e), stack: undefined };
}

/** The error of a message: same name, message and stack as the original. @example throw deserializeError(m.error) */
export function deserializeError(s: SerializedError): Error {
  const e = new Error(s.message);
  e.name = s.name;
  if (s.stack !== undefined) e.stack = s.stack;
  return e;
}
