// The WebGPU backend: every primitive of the contract for float32, int32,
// int64 (pairs of 32-bit words), int8, uint8 and bool (float64 is refused, as
// PyTorch's MPS device refuses it), plus the softmax, scan, conv2d (forward and
// gradients) and 2-D pooling fast paths. There is no readSync: reads are
// asynchronous (the tensor layer then refuses `dataSync()` saying to await).

import { reference, type Backend, type DType, type View } from '@torchlet/tensor/backend';
import { acquireDevice, type WebGpuOptions } from './gpu.js';
import { binary } from './kernels/binary.js';
import { conv2d, conv2dInputGrad, conv2dWeightGrad } from './kernels/conv.js';
import { copy, fill, where } from './kernels/copy.js';
import { gather, scatterAdd } from './kernels/indexing.js';
import { matmul } from './kernels/matmul.js';
import { MatmulTuner } from './matmulTune.js';
import { avgPool2d, maxPool2d } from './kernels/pool2d.js';
import { randomBits } from './kernels/random.js';
import { reduce } from './kernels/reduce.js';
import { scan } from './kernels/scan.js';
import { softmax } from './kernels/softmax.js';
import { unary } from './kernels/unary.js';
import { GPU_DTYPES, elemOf } from './kernels/wgslTypes.js';
import type { PoolStats } from './pool.js';
import { Runtime, type GpuBuffer } from './runtime.js';
import { GcPressure, hostCollector } from './gcPressure.js';
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
   * Garbage collections the backend requested because dropped tensors held device memory.
   *
   * @example backend.gcCollections // 0 in a loop that disposes what it drops
   */
  readonly gcCollections: number;
  /**
   * Destroys the pooled (unused) buffers, as `torch.cuda.empty_cache()`.
   *
   * @example backend.emptyCache(); backend.memory().bytesPooled // 0
   */
  emptyCache(): void;
}

/** Device bytes in use that first prompt a garbage collection (see `WebGpuOptions.gcThresholdBytes`). */
const DEFAULT_GC_THRESHOLD = 256 * 2 ** 20;

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
  rt.subgroups &&= options.subgroups ?? true;
  const threshold = options.gcThresholdBytes ?? DEFAULT_GC_THRESHOLD;
  if (threshold !== Infinity) rt.pressure = new GcPressure(threshold, await hostCollector());
  const f = rt.faults;
  const info = device.adapterInfo as GPUAdapterInfo | undefined;
  const adapterName = info ? [info.vendor, info.architecture, info.device, info.description].join('|') : 'unknown';
  const tuner = new MatmulTuner(rt, adapterName, options.autotune ?? !(info as { isFallbackAdapter?: boolean } | undefined)?.isFallbackAdapter);
  const tiles = (m: number, k: number, n: number) => tuner.tiles(m, k, n);
  // every op is noted with its shapes: a GPU error names the ops of its batch
  const op = (name: string, views: (View | number | undefined)[], fn: () => void): void => {
    f.check();
    rt.note(() => `${name}(${views.map(describe).join(', ')})`);
    fn();
  };
  const checkDtype = (dtype: DType): void => void elemOf(dtype);
  // the conv and pooling kernels are float32; integer dtypes take the reference decomposition
  const float = (v: View): boolean => v.dtype === 'float32';
  const backend: WebGpuBackend = {
    device: 'webgpu',
    gpuDevice: device,
    events: f.events,
    dtypes: GPU_DTYPES,
    supports: {
      softmax: (x, dim, out, log) => op(log ? 'logSoftmax' : 'softmax', [x, out], () => softmax(rt, x, dim, out, log)),
      scan: (o, x, dim, out) => op(`scan ${o}`, [x, out], () => scan(rt, o, x, dim, out)),
      conv2d: (x, w, b, out, p) =>
        float(out) ? op('conv2d', [x, w, b, out], () => conv2d(rt, tiles, x, w, b, out, p)) : reference.conv2d(backend, x, w, b, out, p),
      conv2dInputGrad: (g, w, out, p) =>
        float(out) ? op('conv2dInputGrad', [g, w, out], () => conv2dInputGrad(rt, tiles, g, w, out, p)) : reference.conv2dInputGrad(backend, g, w, out, p),
      conv2dWeightGrad: (x, g, out, p) =>
        float(out) ? op('conv2dWeightGrad', [x, g, out], () => conv2dWeightGrad(rt, tiles, x, g, out, p)) : reference.conv2dWeightGrad(backend, x, g, out, p),
      maxPool2d: (x, out, idx, p) =>
        float(x) ? op('maxPool2d', [x, out, idx], () => maxPool2d(rt, x, out, idx, p)) : reference.maxPool2d(backend, x, out, idx, p),
      avgPool2d: (x, out, p) => (float(x) ? op('avgPool2d', [x, out], () => avgPool2d(rt, x, out, p)) : reference.avgPool2d(backend, x, out, p)),
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
    matmul: (a, b, out) =>
      op('matmul', [a, b, out], () => {
        const r = out.shape.length;
        matmul(rt, a, b, out, tuner.tiles(out.shape[r - 2]!, a.shape[r - 1]!, out.shape[r - 1]!));
      }),
    gather: (x, dim, index, out) => op('gather', [x, index, out], () => gather(rt, x, dim, index, out)),
    scatterAdd: (out, dim, index, src) => op('scatterAdd', [out, index, src], () => scatterAdd(rt, out, dim, index, src)),
    randomBits: (out, key, counter) => op('randomBits', [out], () => randomBits(rt, out, key, counter)),
    memory: () => rt.stats(),
    get gcCollections() {
      return rt.pressure.collections;
    },
    pooledBytes: () => rt.stats().bytesPooled,
    emptyCache: () => rt.storage.trim(),
  };
  return backend;
}
