// Shape arguments, dim normalisation and broadcasting, with PyTorch's messages.

import { IndexError, RuntimeError, TorchTypeError } from './errors.js';

/** Sizes given as varargs or one array: `view(2, 3)` and `view([2, 3])`. */
export type SizeArgs = [readonly number[]] | number[];

/** Sizes from varargs or one array, as a new array. @example parseSizes([[2, 3]]) // [2, 3] */
export function parseSizes(args: SizeArgs | readonly (number | readonly number[])[]): number[] {
  if (args.length === 1 && Array.isArray(args[0])) return [...(args[0] as readonly number[])];
  return (args as readonly number[]).map((v) => v);
}

/** Checks creation sizes: non-negative integers. @example checkSizes([2, -1]) // throws RuntimeError */
export function checkSizes(shape: readonly number[]): void {
  for (const s of shape) {
    if (!Number.isInteger(s)) throw new TorchTypeError(`sizes must be integers, got ${s}`);
    if (s < 0) throw new RuntimeError(`Trying to create tensor with negative dimension ${s}: [${shape.join(', ')}]`);
  }
}

/** A dim in [-rank, rank) made non-negative; rank 0 accepts -1 and 0 as PyTorch does. @example normalizeDim(-1, 3) // 2 */
export function normalizeDim(dim: number, rank: number): number {
  const r = Math.max(rank, 1);
  if (!Number.isInteger(dim) || dim < -r || dim >= r) {
    throw new IndexError(`Dimension out of range (expected to be in range of [${-r}, ${r - 1}], but got ${dim})`);
  }
  return dim < 0 ? dim + r : dim;
}

/** Normalises a dim list (every dim when none or `[]` is given) and refuses repeats. @example normalizeDims([-1, 0], 3) // [2, 0] */
export function normalizeDims(dims: number | readonly number[] | undefined | null, rank: number): number[] {
  if (dims === undefined || dims === null) return Array.from({ length: rank }, (_, i) => i);
  const list = typeof dims === 'number' ? [dims] : dims;
  if (list.length === 0) return Array.from({ length: rank }, (_, i) => i);
  const out = list.map((d) => normalizeDim(d, rank));
  const seen = new Set<number>();
  for (const d of out) {
    if (seen.has(d)) throw new RuntimeError(`dim ${d} appears multiple times in the list of dims`);
    seen.add(d);
  }
  return rank === 0 ? [] : out;
}

/**
 * `torch.broadcast_shapes(...shapes)`: the broadcast of shapes, or PyTorch's error naming the first
 * mismatch from the trailing dim.
 * @example torch.broadcastShapes([2, 1], [3]) // [2, 3]
 */
export function broadcastShapes(...shapes: (readonly number[])[]): number[] {
  const rank = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(rank).fill(1);
  for (let d = rank - 1; d >= 0; d--) {
    for (let si = 0; si < shapes.length; si++) {
      const s = shapes[si]!;
      const size = s[d - rank + s.length];
      if (size === undefined || size === out[d] || size === 1) continue;
      if (out[d] === 1) {
        out[d] = size;
        continue;
      }
      if (shapes.length === 2) {
        throw new RuntimeError(`The size of tensor a (${out[d]}) must match the size of tensor b (${size}) at non-singleton dimension ${d}`);
      }
      throw new RuntimeError(`shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg ${si - 1} and arg ${si}.`);
    }
  }
  return out;
}

/** Formats a shape as PyTorch does in messages. @example fmtShape([2, 3]) // '[2, 3]' */
export function fmtShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}
