// GPU buffers are invisible to the JavaScript garbage collector: a training loop
// that drops its temporaries (as PyTorch code does) leaves them to the tensor
// finalizers, but the engine sees only small JS objects and may not collect for
// a long time while device memory fills up. GcPressure asks the engine for a
// collection when the device bytes in use grow well past the level they had
// fallen to, so that the finalizers give the dropped buffers back (they run at
// the program's next await, e.g. reading the loss).

/** What to call for a full collection: `globalThis.gc`, or in Node the same function obtained through `v8`/`vm`. */
export async function hostCollector(): Promise<(() => void) | undefined> {
  const g = (globalThis as { gc?: unknown }).gc;
  if (typeof g === 'function') return g as () => void;
  const proc = (globalThis as { process?: { versions?: { node?: string } } }).process;
  if (!proc?.versions?.node) return undefined; // a browser offers no way to request one
  try {
    // computed specifiers keep bundlers from resolving Node's modules in browser builds
    const v8 = (await import(/* @vite-ignore */ ['node', 'v8'].join(':'))) as { setFlagsFromString(flags: string): void };
    const vm = (await import(/* @vite-ignore */ ['node', 'vm'].join(':'))) as { runInNewContext(code: string): unknown };
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Decides when to collect. A collection happens when the bytes in use exceed
 * `max(floor, 2 × low)`, `low` being the least in use since the previous
 * collection: so at least max(floor / 2, low) bytes are allocated between two
 * collections, which keeps their cost amortized, while memory stays within about
 * twice the working set (or the floor).
 *
 * @example const p = new GcPressure(256 * 2 ** 20, gc); p.allocated(pool.stats().bytesInUse);
 */
export class GcPressure {
  private low = 0;
  /** Collections requested so far. */
  collections = 0;

  constructor(
    private readonly floor: number,
    private readonly collect: (() => void) | undefined,
  ) {}

  /** After an allocation: collects when `inUse` bytes passed the threshold. */
  allocated(inUse: number): void {
    if (this.collect === undefined || inUse <= Math.max(this.floor, 2 * this.low)) return;
    this.collections++;
    this.collect();
    // the buffers this collection frees come back later, when the finalizers run
    this.low = inUse;
  }

  /** After a release: remembers the lowest level since the last collection. */
  released(inUse: number): void {
    if (inUse < this.low) this.low = inUse;
  }
}
