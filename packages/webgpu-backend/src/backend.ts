// The WebGPU backend: every primitive of the contract for float32, int32 and
// bool, plus the softmax and scan fast paths. There is no readSync: reads are
// asynchronous (the tensor layer then refuses `dataSync()` saying to await).

import { type Backend, type DType, type View } from '@torchlet/tensor/backend';
import { acquireDevice, type WebGpuOptions } from './gpu.js';
import { binary } from './kernels/binary.js';
import { copy, fill, where } from './kernels/copy.js';
import { gather, scatterAdd } from './kernels/indexing.js';
import { matmul } from './kernels/matmul.js';
import { randomBits } from './kernels/random.js';
import { reduce } from './kernels/reduce.js';
import { scan } from './kernels/scan.js';
import { softmax } from './kernels/softmax.js';
import { unary } from './kernels/unary.js';
import { GPU_DTYPES, elemOf } from './kernels/wgslTypes.js';
import type { PoolStats } from './pool.js';
import { Runtime, type GpuBuffer } from './runtime.js';
import { read, write } from './storage.js';

/** The WebGPU backend: the contract plus what only a GPU device has. */
export interface WebGpuBackend extends Backend<GpuBuffer> {
  readonly device: 'webgpu';
  /** The GPUDevice everything runs on. */
  readonly gpuDevice: GPUDevice;
  /** Fires `devicelost` (a CustomEvent; `detail` is the message) when the device is lost. */
  readonly events: EventTarget;
  /**
   * Buffers handed out, their bytes, and the bytes the pool keeps for reuse.
   *
   * @example backend.memory() // { buffers: 3, bytesInUse: 12288, bytesPooled: 4096 }
   */
  memory(): PoolStats;
  /**
   * Destroys the pooled (unused) buffers, as `torch.cuda.empty_cache()`.
   *
   * @example backend.emptyCache(); backend.memory().bytesPooled // 0
   */
  emptyCache(): void;
}

/** `shape` of a view, for messages. */
function describe(v: View | number | undefined): string {
  if (v === undefined) return '-';
  if (typeof v === 'number') return `scalar ${v}`;
  return `${v.dtype}[${v.shape.join(', ')}]`;
}

/**
 * A WebGPU backend (device `'webgpu'`): `navigator.gpu` in the browser, Dawn (the
 * `webgpu` package) in Node. Register it with `registerBackend`.
 *
 * @example
 * import { registerBackend, tensor } from '@torchlet/tensor';
 * registerBackend(await webgpu());
 * const x = tensor([1, 2, 3], { dtype: 'float32' }).to('webgpu');
 * await x.mul(2).data(); // Float32Array [2, 4, 6]
 */
export async function webgpu(options: WebGpuOptions = {}): Promise<WebGpuBackend> {
  const device = await acquireDevice(options);
  const rt = new Runtime(device);
  const f = rt.faults;
  // every op runs under error scopes that name it and its shapes
  const op = (name: string, views: (View | number | undefined)[], fn: () => void): void => {
    f.check();
    const what = (): string => `${name}(${views.map(describe).join(', ')})`;
    rt.note(what);
    f.scoped(what, fn);
  };
  const checkDtype = (dtype: DType): void => void elemOf(dtype);
  return {
    device: 'webgpu',
    gpuDevice: device,
    events: f.events,
    dtypes: GPU_DTYPES,
    supports: {
      softmax: (x, dim, out, log) => op(log ? 'logSoftmax' : 'softmax', [x, out], () => softmax(rt, x, dim, out, log)),
      scan: (o, x, dim, out) => op(`scan ${o}`, [x, out], () => scan(rt, o, x, dim, out)),
    },
    alloc(dtype, size) {
      checkDtype(dtype);
      return rt.alloc(dtype, size);
    },
    free: (buf) => rt.free(buf),
    write: (buf, data, offset) => write(rt, buf, data, offset),
    read: (view) => read(rt, view),
    sync: () => rt.sync(),
    unary: (o, x, out) => op(`unary ${o}`, [x, out], () => unary(rt, o, x, out)),
    binary: (o, a, b, out, dt) => op(`binary ${o}`, [a, b, out], () => binary(rt, o, a, b, out, dt)),
    where: (c, a, b, out) => op('where', [c, a, b, out], () => where(rt, c, a, b, out)),
    reduce: (o, x, dims, out) => op(`reduce ${o}`, [x, out], () => reduce(rt, o, x, dims, out)),
    copy: (src, dst) => op('copy', [src, dst], () => copy(rt, src, dst)),
    fill: (out, value) => op('fill', [out], () => fill(rt, out, value)),
    matmul: (a, b, out) => op('matmul', [a, b, out], () => matmul(rt, a, b, out)),
    gather: (x, dim, index, out) => op('gather', [x, index, out], () => gather(rt, x, dim, index, out)),
    scatterAdd: (out, dim, index, src) => op('scatterAdd', [out, index, src], () => scatterAdd(rt, out, dim, index, src)),
    randomBits: (out, key, counter) => op('randomBits', [out], () => randomBits(rt, out, key, counter)),
    memory: () => rt.stats(),
    pooledBytes: () => rt.stats().bytesPooled,
    emptyCache: () => rt.storage.trim(),
  };
}
