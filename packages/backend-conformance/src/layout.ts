// Where a test puts a logical shape inside its buffer: the stride patterns
// every backend must handle.

/** A stride pattern. Inputs may use all of them; outputs never broadcast. */
export type LayoutKind =
  | 'contiguous' // row-major from element 0
  | 'offset' // row-major from element 5 of a larger buffer
  | 'transposed' // dims reversed (a permutation of strides)
  | 'sliced' // every other element along every dim, from index 1 (steps and an offset)
  | 'broadcast' // stride 0 along the even dims
  | 'broadcastOdd' // stride 0 along the odd dims
  | 'broadcastFirst' // stride 0 along dim 0 (a broadcast batch)
  | 'broadcastAll'; // stride 0 along every dim (an expanded scalar)

/** A view's strides and offset, and the buffer size it needs. */
export interface Placement {
  readonly strides: number[];
  readonly offset: number;
  /** Elements the buffer needs (at least 1). */
  readonly size: number;
}

function rowMajor(shape: readonly number[]): number[] {
  const strides = shape.map(() => 1);
  for (let i = shape.length - 2; i >= 0; i--) strides[i] = (strides[i + 1] ?? 1) * (shape[i + 1] ?? 1);
  return strides;
}

function count(shape: readonly number[]): number {
  return shape.reduce((n, s) => n * s, 1);
}

/**
 * The placement of `shape` under a layout.
 *
 * @example place([2, 3], 'transposed') // { strides: [1, 2], offset: 0, size: 6 }
 */
export function place(shape: readonly number[], kind: LayoutKind): Placement {
  const n = count(shape);
  switch (kind) {
    case 'contiguous':
      return { strides: rowMajor(shape), offset: 0, size: Math.max(n, 1) };
    case 'offset':
      return { strides: rowMajor(shape), offset: 5, size: n + 8 };
    case 'transposed': {
      const physical = rowMajor([...shape].reverse());
      return { strides: shape.map((_, i) => physical[shape.length - 1 - i] ?? 1), offset: 0, size: Math.max(n, 1) };
    }
    case 'sliced': {
      const extents = shape.map((s) => 2 * s + 1);
      const physical = rowMajor(extents);
      const offset = 2 + physical.reduce((o, s) => o + s, 0);
      return { strides: physical.map((s) => 2 * s), offset, size: count(extents) + offset + 2 };
    }
    case 'broadcast':
    case 'broadcastOdd':
    case 'broadcastFirst':
    case 'broadcastAll': {
      const zero = (i: number): boolean =>
        kind === 'broadcastAll' || (kind === 'broadcastFirst' ? i === 0 : i % 2 === (kind === 'broadcast' ? 0 : 1));
      const base = shape.map((s, i) => (zero(i) ? Math.min(s, 1) : s));
      const strides = rowMajor(base).map((s, i) => (zero(i) ? 0 : s));
      return { strides, offset: 0, size: Math.max(count(base), 1) };
    }
  }
}
