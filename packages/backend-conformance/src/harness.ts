// A test's workspace: tensors held twice (a backend view and the oracle's copy
// of the same buffer), compared element by element after an op, including the
// elements outside the view, which must be left untouched.

import type { Backend, BackendBuffer, DType, View } from '@torchlet/tensor/backend';
import { forEachIndex, fromStorage, positionOf, toStorage, type OracleView, type Scalar } from './reference/index.js';
import { place, type LayoutKind } from './layout.js';
import { Rng, seedOf } from './rng.js';
import { isSubnormal, optionsOf } from './options.js';
import { within, type Tolerance } from './tolerance.js';
import { drawValue, type Domain } from './values.js';

/** One tensor as the backend sees it and as the oracle sees it (same layout, same buffer contents). */
export interface Pair {
  readonly view: View;
  readonly oracle: OracleView;
}

/** The multi-index of the `k`-th element (row-major) of `shape`. */
function unravel(k: number, shape: readonly number[]): number[] {
  const idx = shape.map(() => 0);
  for (let d = shape.length - 1, r = k; d >= 0; d--) {
    const s = shape[d] ?? 1;
    idx[d] = r % s;
    r = Math.floor(r / s);
  }
  return idx;
}

/**
 * Prints a value so that -0, NaN and int64 are unambiguous.
 *
 * @example show(-0) // '-0'
 */
export function show(v: Scalar | undefined): string {
  if (v === undefined) return 'undefined';
  if (typeof v === 'bigint') return `${v}n`;
  return Object.is(v, -0) ? '-0' : String(v);
}

/**
 * `view`'s layout, for messages.
 *
 * @example describeView(out.oracle) // 'float32[3, 4] strides [1, 3] offset 0'
 */
export function describeView(v: { dtype: DType; shape: readonly number[]; strides: readonly number[]; offset: number }): string {
  return `${v.dtype}[${v.shape.join(', ')}] strides [${v.strides.join(', ')}] offset ${v.offset}`;
}

/**
 * The buffers and random draws of one test; `dispose()` frees the buffers.
 *
 * @example
 * await withHarness(backend, 'exp float32', async (h) => {
 *   const x = h.tensor('float32', [3], 'contiguous', 'any');
 *   ...
 * });
 */
export class Harness {
  readonly rng: Rng;
  private readonly buffers: BackendBuffer[] = [];
  private readonly flush: boolean;

  constructor(readonly backend: Backend, seedName: string) {
    this.rng = new Rng(seedOf(seedName));
    this.flush = optionsOf(backend).subnormals === 'flush';
  }

  /** `v`, or a zero of its sign when it is a subnormal of `dtype` and the backend flushes them. */
  flushed<T extends Scalar>(v: T, dtype: DType): T | number {
    return this.flush && isSubnormal(v, dtype) ? (Number(v) < 0 ? -0 : 0) : v;
  }

  /** A tensor of `shape` placed by `layout` in a buffer filled with random values from `domain`. */
  tensor(dtype: DType, shape: readonly number[], layout: LayoutKind = 'contiguous', domain: Domain = 'any'): Pair {
    const p = place(shape, layout);
    const data = Array.from({ length: p.size }, () => drawValue(this.rng, dtype, domain));
    return this.upload(dtype, shape, p.strides, p.offset, data);
  }

  /** A tensor holding `values` (row-major) placed by `layout`; the rest of its buffer is random. */
  fromValues(dtype: DType, shape: readonly number[], values: readonly Scalar[], layout: LayoutKind = 'contiguous'): Pair {
    const p = place(shape, layout);
    const data = Array.from({ length: p.size }, () => drawValue(this.rng, dtype, 'any'));
    const oracle: OracleView = { data, dtype, shape, strides: p.strides, offset: p.offset };
    let k = 0;
    forEachIndex(shape, (idx) => (data[positionOf(oracle, idx)] = values[k++] ?? 0));
    return this.upload(dtype, shape, p.strides, p.offset, data);
  }

  /** Writes `data` to a new backend buffer and pairs a view of it with the oracle's copy. */
  upload(dtype: DType, shape: readonly number[], strides: readonly number[], offset: number, data: Scalar[]): Pair {
    data = data.map((v) => this.flushed(v, dtype));
    const buf = this.backend.alloc(dtype, data.length);
    this.buffers.push(buf);
    this.backend.write(buf, toStorage(data, dtype));
    return {
      view: { buf, dtype, shape: [...shape], strides: [...strides], offset },
      oracle: { data: [...data], dtype, shape: [...shape], strides: [...strides], offset },
    };
  }

  /** The whole buffer behind `pair`, as the backend holds it now. */
  async readBuffer(pair: Pair): Promise<Scalar[]> {
    const n = pair.oracle.data.length;
    const whole: View = { buf: pair.view.buf, dtype: pair.view.dtype, shape: [n], strides: [1], offset: 0 };
    return fromStorage(await this.backend.read(whole), pair.view.dtype);
  }

  /**
   * Checks the backend's buffer behind `pair` against the oracle's: the view's
   * elements within `tol`, every other element unchanged.
   */
  async expect(pair: Pair, tol: Tolerance, what = 'out', inputs?: (idx: readonly number[]) => string): Promise<void> {
    const actual = await this.readBuffer(pair);
    const expected = pair.oracle.data;
    // position in the buffer → row-major number of the view element there
    const elementAt = new Map<number, number>();
    let k = 0;
    forEachIndex(pair.oracle.shape, (idx) => elementAt.set(positionOf(pair.oracle, idx), k++));
    const lines: string[] = [];
    let bad = 0;
    for (let p = 0; p < expected.length; p++) {
      const e = expected[p];
      const a = actual[p];
      const element = elementAt.get(p);
      const flushedOk = this.flush && element !== undefined && a === 0 && isSubnormal(e, pair.oracle.dtype);
      const ok = flushedOk || (element !== undefined ? within(a ?? NaN, e ?? NaN, tol) : Object.is(a, e) || a === e || (Number.isNaN(a) && Number.isNaN(e)));
      if (ok) continue;
      bad++;
      if (lines.length >= 6) continue;
      const idx = element !== undefined ? unravel(element, pair.oracle.shape) : undefined;
      const where = idx ? `[${idx.join(', ')}]` : `buffer[${p}] (outside the view, must be untouched)`;
      const input = idx && inputs ? ` for ${inputs(idx)}` : '';
      lines.push(`  ${where}${input}: expected ${show(e)}, got ${show(a)}`);
    }
    if (bad > 0) {
      const tolText = tol.rtol === 0 && tol.atol === 0 ? 'exact' : `rtol ${tol.rtol}, atol ${tol.atol}`;
      throw new Error(`${what} ${describeView(pair.oracle)}: ${bad} of ${expected.length} buffer elements wrong (${tolText}${tol.signedZero ? ', signed zeros' : ''})\n${lines.join('\n')}`);
    }
  }

  /** Frees every buffer this harness allocated. */
  dispose(): void {
    for (const buf of this.buffers.splice(0)) this.backend.free(buf);
  }
}

/**
 * Runs `body` with a fresh harness seeded from `seedName`, freeing its buffers afterwards.
 *
 * @example await withHarness(backend, 'add int8 contiguous', async (h) => { ... })
 */
export async function withHarness(backend: Backend, seedName: string, body: (h: Harness) => Promise<void> | void): Promise<void> {
  const h = new Harness(backend, seedName);
  try {
    await body(h);
  } finally {
    h.dispose();
  }
}
