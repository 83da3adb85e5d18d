// Which tile shape each float32 matmul gets on this device: a short measurement
// of every candidate on the first problem of each size class, in the background
// (ops are synchronous; the heuristic choice serves until the measurement is in),
// kept for the life of the process per adapter. Results do not depend on the
// choice: every tile shape sums each output's products in k order.

import { matmul } from './kernels/matmul.js';
import { TILE_CHOICES, defaultTiles, sizeClass, type Tiles } from './kernels/matmulTiles.js';
import type { Runtime } from './runtime.js';

/** Choices measured so far, by adapter and size class (shared by every backend of the process). */
const MEASURED = new Map<string, Tiles>();

/** Milliseconds a candidate's timed runs should take together, so that launch costs do not decide. */
const TIMED_MS = 20;
/** At most this many timed runs (a batch holds 256 dispatches). */
const MAX_REPS = 64;

/**
 * The tile choice of one device.
 *
 * @example const tuner = new MatmulTuner(rt, 'nvidia hopper', true); tuner.tiles(1024, 1024, 1024)
 */
export class MatmulTuner {
  private readonly pending = new Set<string>();

  constructor(
    private readonly rt: Runtime,
    /** Identifies the adapter in the process-wide cache. */
    private readonly adapter: string,
    /** Whether first uses start a measurement (off on CPU fallback adapters, where it would take seconds). */
    private readonly autotune: boolean,
  ) {}

  /** The tiles for an m × k × n product: the measured choice of its size class, or the heuristic one. */
  tiles(m: number, k: number, n: number): Tiles {
    const cls = sizeClass(m, k, n);
    const got = MEASURED.get(`${this.adapter}|${cls}`);
    if (got) return got;
    if (this.autotune && !this.pending.has(cls)) {
      this.pending.add(cls);
      // a failed measurement leaves the heuristic choice in place
      void this.measure(m, k, n).catch(() => undefined);
    }
    return defaultTiles(m, k, n);
  }

  /**
   * Times every candidate on an m × k × n product (dims capped at 1024) and keeps
   * the fastest for the size class; resolves to it.
   *
   * @example await tuner.measure(64, 784, 256) // e.g. TILE_CHOICES['32x32x32']
   */
  async measure(m: number, k: number, n: number): Promise<Tiles> {
    const [cm, ck, cn] = [m, k, n].map((d) => Math.min(d, 1024)) as [number, number, number];
    const rt = this.rt;
    const a = rt.alloc('float32', cm * ck);
    const b = rt.alloc('float32', ck * cn);
    const out = rt.alloc('float32', cm * cn);
    const view = (buf: typeof a, rows: number, cols: number) => ({ buf, dtype: 'float32' as const, shape: [rows, cols], strides: [cols, 1], offset: 0 });
    const time = async (tiles: Tiles, reps: number): Promise<number> => {
      const t0 = performance.now();
      for (let r = 0; r < reps; r++) matmul(rt, view(a, cm, ck), view(b, ck, cn), view(out, cm, cn), tiles);
      await rt.sync();
      return (performance.now() - t0) / reps;
    };
    let best: Tiles | undefined;
    let bestMs = Infinity;
    try {
      for (const tiles of Object.values(TILE_CHOICES)) {
        // an untimed run compiles the kernel and warms the caches; a first timed one sizes the rest
        await time(tiles, 1);
        const once = await time(tiles, 1);
        const ms = await time(tiles, Math.max(1, Math.min(MAX_REPS, Math.ceil(TIMED_MS / Math.max(once, 1e-3)))));
        if (ms < bestMs) [best, bestMs] = [tiles, ms];
      }
    } finally {
      for (const buf of [a, b, out]) rt.free(buf);
    }
    MEASURED.set(`${this.adapter}|${sizeClass(m, k, n)}`, best!);
    return best!;
  }
}
