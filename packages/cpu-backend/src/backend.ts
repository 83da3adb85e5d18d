// The CPU backend: every primitive of the contract plus the softmax, scan,
// sort, scatterReduce and nonzero fast paths, and conv2d (with its gradients) and 2-D pooling.

import { DTYPES } from '@torchlet/tensor/backend';
import type { Backend, FastPaths, StorageArray } from '@torchlet/tensor/backend';
import { binary } from './binary.js';
import { allocBuffer } from './buffer.js';
import type { CpuBuffer } from './buffer.js';
import { convFastPaths } from './conv.js';
import { copy, fill, read, where } from './copy.js';
import { gather, scatterAdd } from './indexing.js';
import { matmul } from './matmul.js';
import { poolFastPaths } from './pool.js';
import { randomBits } from './random.js';
import { reduce } from './reduce.js';
import { scan } from './scan.js';
import { nonzero, scatterReduce } from './scatterReduce.js';
import { softmax } from './softmax.js';
import { sort } from './sort.js';
import { unary } from './unary.js';

/** Storage arrays of a dtype share a constructor; `write` refuses any other. */
function checkWrite(buf: CpuBuffer, data: StorageArray, offset: number): void {
  if (data.constructor !== buf.data.constructor) {
    throw new Error(`cpu: cannot write a ${data.constructor.name} into a ${buf.dtype} buffer`);
  }
  if (offset < 0 || offset + data.length > buf.size) {
    throw new Error(`cpu: write of ${data.length} elements at ${offset} overflows a buffer of ${buf.size}`);
  }
}

/**
 * A new CPU backend (device `'cpu'`, every dtype). Work runs synchronously; `sync()` resolves at once.
 *
 * @example
 * const backend = cpu();
 * const buf = backend.alloc('float32', 3);
 * backend.write(buf, Float32Array.of(1, 2, 3));
 * backend.readSync!({ buf, dtype: 'float32', shape: [3], strides: [1], offset: 0 }); // Float32Array [1, 2, 3]
 */
export function cpu(): Backend<CpuBuffer> {
  // the conv and pooling fast paths fall back to the reference decomposition on this backend for non-float dtypes
  const supports: FastPaths<CpuBuffer> = { softmax, scan, sort, scatterReduce, nonzero };
  const backend: Backend<CpuBuffer> = {
    device: 'cpu',
    dtypes: new Set(DTYPES),
    supports,
    alloc: allocBuffer,
    free: () => {
      // garbage-collected
    },
    write(buf, data, offset = 0) {
      checkWrite(buf, data, offset);
      (buf.data as unknown as { set(a: StorageArray, o: number): void }).set(data, offset);
    },
    read: (view) => Promise.resolve(read(view)),
    readSync: read,
    sync: () => Promise.resolve(),
    unary,
    binary,
    where,
    reduce,
    copy,
    fill,
    matmul,
    gather,
    scatterAdd,
    randomBits,
  };
  Object.assign(supports, convFastPaths(backend), poolFastPaths(backend));
  return backend;
}
