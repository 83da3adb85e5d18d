// A size-bucketed pool of GPU buffers. Tensors come and go by the thousand in a
// training loop; creating and destroying a GPUBuffer each time is slow, so freed
// buffers wait here for the next request of the same bucket.

/**
 * Bytes a request of `bytes` is rounded up to: 256 B at least, then four buckets per power of two (≤ 25% waste).
 *
 * @example bucketBytes(1000) // 1024
 */
export function bucketBytes(bytes: number): number {
  if (bytes <= 256) return 256;
  const pow = 2 ** Math.floor(Math.log2(bytes - 1));
  const step = pow / 4;
  return Math.ceil(bytes / step) * step;
}

/** Counts of what the pool holds and what is handed out. */
export interface PoolStats {
  /** Buffers handed out and not yet released. */
  buffers: number;
  /** Bytes of those buffers (bucket sizes). */
  bytesInUse: number;
  /** Bytes held by the pool for reuse. */
  bytesPooled: number;
}

/**
 * The pool of one device and one usage.
 *
 * @example const pool = new BufferPool((size) => device.createBuffer({ size, usage }), 2 ** 29); const b = pool.acquire(4096); pool.release(b);
 */
export class BufferPool {
  private readonly free = new Map<number, GPUBuffer[]>();
  private inUse = 0;
  private inUseBytes = 0;
  private pooledBytes = 0;

  constructor(
    /** Makes a new buffer of `size` bytes (a bucket size). */
    private readonly create: (size: number) => GPUBuffer,
    /** Pooled bytes above this are destroyed instead of kept. */
    private readonly maxPooledBytes: number,
  ) {}

  /** A buffer of at least `bytes` (its `size` is the bucket size). */
  acquire(bytes: number): GPUBuffer {
    const size = bucketBytes(bytes);
    const list = this.free.get(size);
    const reused = list?.pop();
    this.inUse++;
    this.inUseBytes += size;
    if (reused) {
      this.pooledBytes -= size;
      return reused;
    }
    return this.create(size);
  }

  /** Gives `buf` back for reuse; the caller guarantees no queued work still uses it. */
  release(buf: GPUBuffer): void {
    this.inUse--;
    this.inUseBytes -= buf.size;
    if (this.pooledBytes + buf.size > this.maxPooledBytes) {
      buf.destroy();
      return;
    }
    let list = this.free.get(buf.size);
    if (!list) this.free.set(buf.size, (list = []));
    list.push(buf);
    this.pooledBytes += buf.size;
  }

  /** Destroys every pooled buffer (memory handed out stays). */
  trim(): void {
    for (const list of this.free.values()) for (const b of list) b.destroy();
    this.free.clear();
    this.pooledBytes = 0;
  }

  /** Bytes of the buffers handed out (bucket sizes). */
  get bytesInUse(): number {
    return this.inUseBytes;
  }

  stats(): PoolStats {
    return { buffers: this.inUse, bytesInUse: this.inUseBytes, bytesPooled: this.pooledBytes };
  }
}
