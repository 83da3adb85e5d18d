// The device side of the backend: command batching, the per-dispatch parameter
// arena, pipeline and bind-group-layout caches, buffer pools and the staging
// reads. Ops encode dispatches into one command encoder; it is submitted when a
// read or sync needs the results, before a write (queue writes would overtake
// encoded work), or when the batch grows large.

import type { BackendBuffer, DType } from '@torchlet/tensor/backend';
import { RuntimeError } from '@torchlet/tensor/backend';
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

/** Bytes of one dispatch's parameter block: a multiple of the storage offset alignment. */
const ARENA_BYTES = 1 << 18;
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
  private readonly pipelines = new Map<string, GPUComputePipeline>();
  private readonly layouts = new Map<number, { group: GPUBindGroupLayout; pipeline: GPUPipelineLayout }>();
  private readonly arenas: GPUBuffer[] = [];
  private readonly align: number;
  private readonly maxGroups: number;

  private encoder: GPUCommandEncoder | null = null;
  private pass: GPUComputePassEncoder | null = null;
  private arena: GPUBuffer | null = null;
  private readonly arenaData = new Uint32Array(ARENA_BYTES / 4);
  private arenaUsed = 0;
  private batched = 0;
  /** The fault word device-side checks set, and the checked ops since it was last read. */
  private faultWord: GPUBuffer | null = null;
  private checked: (() => string)[] = [];
  /** What the current batch holds, for the message of an error found at submit. */
  private batchOps: (() => string)[] = [];

  constructor(readonly device: GPUDevice) {
    this.align = device.limits.minStorageBufferOffsetAlignment;
    this.maxGroups = device.limits.maxComputeWorkgroupsPerDimension;
    this.storage = new BufferPool(device, STORAGE_USAGE, 512 * 2 ** 20);
    this.staging = new BufferPool(device, STAGING_USAGE, 64 * 2 ** 20);
    this.faults = new Faults(device, () => this.storage.stats());
  }

  /** A new buffer for `size` elements of `dtype`. */
  alloc(dtype: DType, size: number): GpuBuffer {
    this.faults.check();
    const bytes = Math.max(size, 1) * deviceBytes(dtype);
    const limit = Math.min(this.device.limits.maxBufferSize, this.device.limits.maxStorageBufferBindingSize);
    if (bucketBytes(bytes) > limit) {
      const s = this.storage.stats();
      throw new RuntimeError(
        `webgpu: cannot allocate ${formatBytes(bytes)} for ${size} ${dtype} elements: the device's largest storage buffer is ${formatBytes(limit)} ` +
          `(${formatBytes(s.bytesInUse)} in use by ${s.buffers} buffers, ${formatBytes(s.bytesPooled)} pooled)`,
      );
    }
    const gpu = this.faults.allocating(bytes, () => this.storage.acquire(bytes));
    this.pressure.allocated(this.storage.stats().bytesInUse);
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
    this.pressure.released(this.storage.stats().bytesInUse);
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
    const checked = d.check !== undefined;
    const pipeline = this.pipeline(d.key, d.source, d.inputs.length, checked);
    const metaBytes = Math.max(this.align, Math.ceil((d.meta.length * 4) / this.align) * this.align);
    if (this.batched >= MAX_BATCH || this.arenaUsed + metaBytes > ARENA_BYTES) this.flush();
    const pass = this.computePass();
    const at = this.arenaUsed;
    for (let i = 0; i < d.meta.length; i++) this.arenaData[at / 4 + i] = d.meta[i]! >>> 0;
    this.arenaUsed += metaBytes;
    const layout = this.layout(d.inputs.length, checked);
    const entries: GPUBindGroupEntry[] = [
      { binding: 0, resource: { buffer: this.arena!, offset: at, size: metaBytes } },
      { binding: 1, resource: { buffer: d.out } },
      ...d.inputs.map((b, i) => ({ binding: i + 2, resource: { buffer: b } })),
    ];
    if (d.check) {
      this.faultWord ??= this.device.createBuffer({ size: 256, usage: STORAGE_USAGE });
      entries.push({ binding: d.inputs.length + 2, resource: { buffer: this.faultWord } });
      this.checked.push(d.check);
    }
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, this.device.createBindGroup({ layout: layout.group, entries }));
    if (d.grid) {
      pass.dispatchWorkgroups(...d.grid);
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
    this.pass?.end();
    this.pass = null;
    const arena = this.arena!;
    const encoder = this.encoder;
    const ops = this.batchOps.splice(0);
    const what = (): string => {
      const names = ops.slice(-8).map((f) => f());
      return `submitting ${ops.length} ops (${ops.length > 8 ? '…, ' : ''}${names.join(', ')})`;
    };
    this.faults.scoped(what, () => {
      if (this.arenaUsed > 0) this.device.queue.writeBuffer(arena, 0, this.arenaData.buffer, 0, this.arenaUsed);
      this.device.queue.submit([encoder.finish()]);
    });
    this.encoder = null;
    this.arena = null;
    this.arenaUsed = 0;
    this.batched = 0;
    // queue order makes the arena safe to rewrite for the next batch
    this.arenas.push(arena);
  }

  /** The `bytes` bytes of `src` from `byteOffset`, after all queued work. */
  async readBytes(src: GPUBuffer, byteOffset: number, bytes: number): Promise<ArrayBuffer> {
    this.faults.check();
    // the fault word of device-side checks comes back with the data
    const checked = this.checked.splice(0);
    const total = bytes + (checked.length > 0 ? 4 : 0);
    const staging = this.staging.acquire(total);
    this.commandEncoder();
    this.pass?.end();
    this.pass = null;
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

  private commandEncoder(): GPUCommandEncoder {
    if (!this.encoder) {
      this.encoder = this.device.createCommandEncoder();
      this.arena = this.arenas.pop() ?? this.device.createBuffer({ size: ARENA_BYTES, usage: ARENA_USAGE });
    }
    return this.encoder;
  }

  private computePass(): GPUComputePassEncoder {
    const encoder = this.commandEncoder();
    this.pass ??= encoder.beginComputePass();
    return this.pass;
  }

  private layout(inputs: number, checked: boolean): { group: GPUBindGroupLayout; pipeline: GPUPipelineLayout } {
    const key = checked ? -1 - inputs : inputs;
    let l = this.layouts.get(key);
    if (!l) {
      const stage = 0x4; /* GPUShaderStage.COMPUTE */
      const entries: GPUBindGroupLayoutEntry[] = [
        { binding: 0, visibility: stage, buffer: { type: 'read-only-storage' } },
        { binding: 1, visibility: stage, buffer: { type: 'storage' } },
      ];
      for (let i = 0; i < inputs; i++) entries.push({ binding: i + 2, visibility: stage, buffer: { type: 'read-only-storage' } });
      if (checked) entries.push({ binding: inputs + 2, visibility: stage, buffer: { type: 'storage' } });
      const group = this.device.createBindGroupLayout({ entries });
      l = { group, pipeline: this.device.createPipelineLayout({ bindGroupLayouts: [group] }) };
      this.layouts.set(key, l);
    }
    return l;
  }

  private pipeline(key: string, source: () => string, inputs: number, checked: boolean): GPUComputePipeline {
    let p = this.pipelines.get(key);
    if (!p) {
      const code = link(source());
      const module = this.device.createShaderModule({ code, label: key });
      this.faults.compiled(module, key, code);
      p = this.device.createComputePipeline({ layout: this.layout(inputs, checked).pipeline, compute: { module, entryPoint: 'main' }, label: key });
      this.pipelines.set(key, p);
    }
    return p;
  }
}
