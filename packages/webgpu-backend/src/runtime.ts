// The device side of the backend: command batching, the parameter arena, the
// pipeline cache, buffer pools and the staging reads. Ops encode dispatches
// into one command encoder and one compute pass; the batch is submitted when a
// read or sync needs the results, before a write (queue writes would overtake
// encoded work), or when it grows large. Each dispatch's parameter block is a
// slot of one arena buffer, bound at a dynamic offset, so that bind groups are
// made once per set of buffers (bindGroups.ts); one pair of error scopes covers
// a whole batch.

import type { BackendBuffer, DType } from '@torchlet/tensor/backend';
import { NotImplementedError, RuntimeError } from '@torchlet/tensor/backend';
import { BindGroups, type Layout } from './bindGroups.js';
import { BufferPool, bucketBytes, type PoolStats } from './pool.js';
import { Faults, formatBytes } from './faults.js';
import { GcPressure } from './gcPressure.js';
import { link } from './kernels/wgslLibrary.js';
import { deviceBytes } from './kernels/wgslTypes.js';

/** A storage allocation: one dtype, 4 bytes per element on the device (bool, int8, uint8 widened) or 8 (int64). */
export interface GpuBuffer extends BackendBuffer {
  readonly size: number;
  readonly dtype: DType;
  readonly gpu: GPUBuffer;
  released: boolean;
}

/** Bytes of the parameter arena: the parameter blocks of one batch. */
const ARENA_BYTES = 1 << 18;
/** Bytes of the window bound at each dispatch's parameter offset: the largest parameter block. */
const META_BYTES = 1024;
/** Dispatches per command buffer before it is submitted on its own. */
const MAX_BATCH = 256;

const STORAGE_USAGE = 0x80 /* STORAGE */ | 0x4 /* COPY_SRC */ | 0x8; /* COPY_DST */
const STAGING_USAGE = 0x1 /* MAP_READ */ | 0x8; /* COPY_DST */
const ARENA_USAGE = 0x80 /* STORAGE */ | 0x8; /* COPY_DST */

/** What one `dispatch` needs. */
export interface Dispatch {
  /** Pipeline cache key: the same key must always give the same source. */
  readonly key: string;
  /** The kernel's WGSL; the library helpers it calls are linked in (wgslLibrary.ts). */
  readonly source: () => string;
  /** The written buffer (binding 1). */
  readonly out: GPUBuffer;
  /** Read-only buffers (bindings 2, 3, …). */
  readonly inputs: readonly GPUBuffer[];
  /** The parameter block (binding 0), as u32 words. */
  readonly meta: readonly number[];
  /** Workgroups to launch (split over x and y when above the per-dimension limit); ignored with `grid`. */
  readonly groups: number;
  /**
   * The kernel checks its inputs on the device (indices in range): it binds the
   * fault word after its inputs and sets it on a bad input. The description names
   * the op in the error the next read or sync throws.
   */
  readonly check?: () => string;
  /** An explicit 3-d grid of workgroups instead of `groups`. */
  readonly grid?: readonly [number, number, number];
}

/**
 * The runtime of one device.
 *
 * @example const rt = new Runtime(device); const buf = rt.alloc('float32', 4); await rt.sync();
 */
export class Runtime {
  readonly storage: BufferPool;
  readonly faults: Faults;
  /** Asks for a garbage collection when dropped tensors hold too much device memory; none by default. */
  pressure = new GcPressure(Infinity, undefined);
  private readonly staging: BufferPool;
  private readonly pipelines = new Map<string, { pipeline: GPUComputePipeline; layout: Layout }>();
  private readonly groups: BindGroups;
  private readonly align: number;
  /** Workgroups a dispatch may have along one dimension. */
  readonly maxGroups: number;
  /** Whether kernels may use subgroup operations (the device has the feature; `webgpu({ subgroups: false })` turns them off). */
  subgroups: boolean;
  /** Bytes of the largest storage buffer a kernel can bind. */
  private readonly maxBuffer: number;

  private encoder: GPUCommandEncoder | null = null;
  private pass: GPUComputePassEncoder | null = null;
  private current: GPUComputePipeline | null = null;
  /** Parameter blocks: queue order makes the one buffer safe to rewrite for each batch. */
  private readonly arena: GPUBuffer;
  private readonly arenaData = new Uint32Array(ARENA_BYTES / 4);
  private readonly offsets = new Uint32Array(1);
  private arenaUsed = 0;
  private batched = 0;
  /** The fault word device-side checks set, and the checked ops since it was last read. */
  private faultWord: GPUBuffer | null = null;
  private checked: (() => string)[] = [];
  /** What the current batch holds, for the message of an error found at submit. */
  private batchOps: (() => string)[] = [];

  constructor(readonly device: GPUDevice) {
    // limits read once: each read of device.limits crosses into the native binding in Node
    const limits = device.limits;
    this.align = limits.minStorageBufferOffsetAlignment;
    this.maxGroups = limits.maxComputeWorkgroupsPerDimension;
    this.subgroups = device.features.has('subgroups');
    this.maxBuffer = Math.min(limits.maxBufferSize, limits.maxStorageBufferBindingSize);
    this.faults = new Faults(device, () => this.storage.stats());
    // new buffers are made in an out-of-memory error scope; reused ones need none
    const create = (usage: GPUBufferUsageFlags) => (size: number): GPUBuffer => this.faults.allocating(size, () => device.createBuffer({ size, usage }));
    this.storage = new BufferPool(create(STORAGE_USAGE), 512 * 2 ** 20);
    this.staging = new BufferPool(create(STAGING_USAGE), 64 * 2 ** 20);
    this.arena = device.createBuffer({ size: ARENA_BYTES, usage: ARENA_USAGE });
    this.groups = new BindGroups(device, META_BYTES);
  }

  /** A new buffer for `size` elements of `dtype`. */
  alloc(dtype: DType, size: number): GpuBuffer {
    this.faults.check();
    const bytes = Math.max(size, 1) * deviceBytes(dtype);
    const limit = this.maxBuffer;
    if (bucketBytes(bytes) > limit) {
      const s = this.storage.stats();
      throw new RuntimeError(
        `webgpu: cannot allocate ${formatBytes(bytes)} for ${size} ${dtype} elements: the device's largest storage buffer is ${formatBytes(limit)} ` +
          `(${formatBytes(s.bytesInUse)} in use by ${s.buffers} buffers, ${formatBytes(s.bytesPooled)} pooled)`,
      );
    }
    const gpu = this.storage.acquire(bytes);
    this.pressure.allocated(this.storage.bytesInUse);
    return { size, dtype, gpu, released: false };
  }

  /**
   * Returns `buf` to the pool at once. Reuse is safe with work still queued:
   * dispatches in one command buffer run in order, and `write` submits the
   * queued work before its queue write can land in a reused buffer.
   */
  free(buf: GpuBuffer): void {
    if (buf.released) return;
    buf.released = true;
    this.storage.release(buf.gpu);
    this.pressure.released(this.storage.bytesInUse);
  }

  /** Writes `data` into `buf` at byte `byteOffset` after the work queued so far. */
  write(buf: GPUBuffer, byteOffset: number, data: ArrayBufferView<ArrayBuffer>): void {
    this.faults.check();
    this.flush();
    this.device.queue.writeBuffer(buf, byteOffset, data.buffer, data.byteOffset, data.byteLength);
  }

  /** Encodes one compute dispatch. */
  dispatch(d: Dispatch): void {
    this.faults.check();
    if (d.groups === 0 || (d.grid && d.grid.includes(0))) return;
    const words = d.meta.length;
    if (words * 4 > META_BYTES) throw new NotImplementedError(`webgpu: a kernel with ${words} parameter words (at most ${META_BYTES / 4}; tensors of very high rank)`);
    const slot = Math.max(this.align, Math.ceil((words * 4) / this.align) * this.align);
    if (this.batched >= MAX_BATCH || this.arenaUsed + slot + META_BYTES > ARENA_BYTES) this.flush();
    // the batch (and its error scopes) first, so that a pipeline made here is in them
    const pass = this.computePass();
    const checked = d.check !== undefined;
    const { pipeline, layout } = this.pipeline(d.key, d.source, d.inputs.length, checked);
    const at = this.arenaUsed;
    const base = at / 4;
    for (let i = 0; i < words; i++) this.arenaData[base + i] = d.meta[i]! >>> 0;
    this.arenaUsed += slot;
    const buffers = [d.out, ...d.inputs];
    if (d.check) {
      this.faultWord ??= this.device.createBuffer({ size: 256, usage: STORAGE_USAGE });
      buffers.push(this.faultWord);
      this.checked.push(d.check);
    }
    if (pipeline !== this.current) {
      pass.setPipeline(pipeline);
      this.current = pipeline;
    }
    this.offsets[0] = at;
    pass.setBindGroup(0, this.groups.group(layout, this.arena, buffers), this.offsets, 0, 1);
    if (d.grid) {
      pass.dispatchWorkgroups(d.grid[0], d.grid[1], d.grid[2]);
    } else {
      const x = Math.min(d.groups, this.maxGroups);
      pass.dispatchWorkgroups(x, Math.ceil(d.groups / x), 1);
    }
    this.batched++;
  }

  /** Records an op of the current batch (its description is built only for an error message). */
  note(what: () => string): void {
    this.batchOps.push(what);
  }

  /** Submits everything encoded so far. */
  flush(): void {
    if (!this.encoder) {
      this.batchOps.length = 0;
      return;
    }
    this.endPass();
    const encoder = this.encoder;
    const ops = this.batchOps.splice(0);
    if (this.arenaUsed > 0) this.device.queue.writeBuffer(this.arena, 0, this.arenaData.buffer, 0, this.arenaUsed);
    this.device.queue.submit([encoder.finish()]);
    this.faults.close(() => {
      const names = ops.slice(-8).map((f) => f());
      return ops.length === 1 ? names[0]! : `a batch of ${ops.length} ops (${ops.length > 8 ? '…, ' : ''}${names.join(', ')})`;
    });
    this.encoder = null;
    this.arenaUsed = 0;
    this.batched = 0;
  }

  /** The `bytes` bytes of `src` from `byteOffset`, after all queued work. */
  async readBytes(src: GPUBuffer, byteOffset: number, bytes: number): Promise<ArrayBuffer> {
    this.faults.check();
    // the fault word of device-side checks comes back with the data
    const checked = this.checked.splice(0);
    const total = bytes + (checked.length > 0 ? 4 : 0);
    const staging = this.staging.acquire(total);
    this.commandEncoder();
    this.endPass();
    this.encoder!.copyBufferToBuffer(src, byteOffset, staging, 0, bytes);
    if (checked.length > 0) this.encoder!.copyBufferToBuffer(this.faultWord!, 0, staging, bytes, 4);
    this.flush();
    try {
      await staging.mapAsync(0x1 /* GPUMapMode.READ */, 0, total);
    } catch (e) {
      await this.faults.settled();
      this.faults.check();
      throw e;
    }
    await this.faults.settled();
    const range = staging.getMappedRange(0, total);
    const copy = range.slice(0, bytes);
    const fault = checked.length > 0 ? new Uint32Array(range, bytes, 1)[0]! : 0;
    staging.unmap();
    this.staging.release(staging);
    this.faults.check();
    if (fault !== 0) {
      this.device.queue.writeBuffer(this.faultWord!, 0, new Uint32Array(1));
      const names = [...new Set(checked.map((f) => f()))].slice(0, 4).join(', ');
      throw new RuntimeError(`webgpu: an index was out of bounds in ${names} (checked on the device: the elements it addressed were not read or written)`);
    }
    return copy;
  }

  /** Resolves when the device has finished everything submitted (flushing first). */
  async sync(): Promise<void> {
    this.faults.check();
    if (this.checked.length > 0) {
      // reading the fault word waits for the queue and reports a failed check
      await this.readBytes(this.faultWord!, 0, 4);
      return;
    }
    this.flush();
    await this.device.queue.onSubmittedWorkDone();
    await this.faults.settled();
    this.faults.check();
  }

  /** Pool counts of the storage buffers. */
  stats(): PoolStats {
    return this.storage.stats();
  }

  /** The batch's encoder; a new batch opens the error scopes its flush closes. */
  private commandEncoder(): GPUCommandEncoder {
    if (!this.encoder) {
      this.faults.open();
      this.encoder = this.device.createCommandEncoder();
    }
    return this.encoder;
  }

  private computePass(): GPUComputePassEncoder {
    const encoder = this.commandEncoder();
    this.pass ??= encoder.beginComputePass();
    return this.pass;
  }

  private endPass(): void {
    this.pass?.end();
    this.pass = null;
    this.current = null;
  }

  private pipeline(key: string, source: () => string, inputs: number, checked: boolean): { pipeline: GPUComputePipeline; layout: Layout } {
    let p = this.pipelines.get(key);
    if (!p) {
      const code = link(source());
      const module = this.device.createShaderModule({ code, label: key });
      this.faults.compiled(module, key, code);
      const layout = this.groups.layout(inputs, checked);
      p = { pipeline: this.device.createComputePipeline({ layout: layout.pipeline, compute: { module, entryPoint: 'main' }, label: key }), layout };
      this.pipelines.set(key, p);
    }
    return p;
  }
}
