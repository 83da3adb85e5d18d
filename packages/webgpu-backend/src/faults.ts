// GPU errors arrive asynchronously (error scopes, `device.lost`); ops are
// synchronous. A fault is recorded when it arrives, with the op and shapes that
// caused it, and thrown as a TorchError by the next op, read or sync, so that a
// failure is never a silent wrong result.

import { RuntimeError } from '@torchlet/tensor/backend';
import type { PoolStats } from './pool.js';

/**
 * Bytes in a human unit, for messages.
 *
 * @example formatBytes(3 * 2 ** 20) // '3.00 MiB'
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(2)} ${units[u]}`;
}

/** Event fired on the backend's `events` target when the device is lost. */
export const DEVICE_LOST_EVENT = 'devicelost';

/**
 * The fault state of one device.
 *
 * @example const faults = new Faults(device, () => pool.stats()); faults.check();
 */
export class Faults {
  /** Fires `devicelost` (a CustomEvent whose detail is the message) when the device is lost. */
  readonly events = new EventTarget();
  private pending: Error | null = null;
  private uncaptured: Error | null = null;
  private lost: Error | null = null;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly device: GPUDevice, private readonly stats: () => PoolStats) {
    void device.lost.then((info) => {
      if (info.reason === 'destroyed' && this.lost) return;
      this.lost = new RuntimeError(`webgpu: the GPU device was lost (${info.reason || 'unknown'}: ${info.message}); tensors on 'webgpu' are gone, create a new backend to continue`);
      this.events.dispatchEvent(new CustomEvent(DEVICE_LOST_EVENT, { detail: this.lost.message }));
    });
    device.addEventListener('uncapturederror', (e) => {
      const err = (e as GPUUncapturedErrorEvent).error;
      // usually the echo of an error a scope already reported with its op; kept only as a fallback
      this.uncaptured ??= new RuntimeError(`webgpu: ${err.message}`);
    });
  }

  /** Throws the first fault recorded since the last check (a lost device throws every time). */
  check(): void {
    if (this.lost) throw this.lost;
    const p = this.pending ?? this.uncaptured;
    if (p) {
      this.pending = null;
      this.uncaptured = null;
      throw p;
    }
  }

  /**
   * Opens validation and out-of-memory error scopes around the GPU calls of one
   * batch of ops (a scope per op would cost a pair of promises per op).
   */
  open(): void {
    this.device.pushErrorScope('out-of-memory');
    this.device.pushErrorScope('validation');
  }

  /** Closes the scopes `open` opened; an error they caught is recorded under `what` (the batch's ops). */
  close(what: () => string): void {
    const validation = this.device.popErrorScope();
    const oom = this.device.popErrorScope();
    this.track(validation.then((err) => err && this.record(new RuntimeError(`webgpu: ${what()}: ${err.message}`))));
    this.track(oom.then((err) => err && this.record(new RuntimeError(`webgpu: ${what()}: out of GPU memory (${err.message}); ${this.usage()}`))));
  }

  /** Creates a buffer of `bytes` in an out-of-memory error scope. */
  allocating(bytes: number, fn: () => GPUBuffer): GPUBuffer {
    this.device.pushErrorScope('out-of-memory');
    try {
      return fn();
    } finally {
      this.track(
        this.device.popErrorScope().then(
          (err) => err && this.record(new RuntimeError(`webgpu: out of GPU memory allocating ${formatBytes(bytes)}; ${this.usage()}`)),
        ),
      );
    }
  }

  /** Records a shader compilation error of the kernel `key` (a bug in a generated kernel), with the offending line. */
  compiled(module: GPUShaderModule, key: string, code: string): void {
    this.track(
      module.getCompilationInfo().then((info) => {
        const errors = info.messages.filter((m) => m.type === 'error');
        if (errors.length === 0) return;
        const lines = code.split('\n');
        const text = errors.map((m) => `${m.lineNum}:${m.linePos} ${m.message}\n  ${lines[m.lineNum - 1] ?? ''}`).join('\n');
        this.record(new RuntimeError(`webgpu: kernel ${key} failed to compile:\n${text}`));
      }),
    );
  }

  /** Resolves when every error scope opened so far has reported. */
  async settled(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  private usage(): string {
    const s = this.stats();
    return `${formatBytes(s.bytesInUse)} in use by ${s.buffers} buffers, ${formatBytes(s.bytesPooled)} pooled`;
  }

  private record(err: Error): void {
    this.pending ??= err;
  }

  private track(p: Promise<unknown>): void {
    const q = p.catch(() => undefined).finally(() => this.inFlight.delete(q));
    this.inFlight.add(q);
  }
}
