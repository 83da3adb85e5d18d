/**
 * The indices of a dimension of the given size that are printed: all of
 * them, or `edgeitems` from each end when summarising a long dimension.
 * A null entry marks where the `...` goes.
 *
 * @example
 * shownIndices(10, true, 2); // [0, 1, null, 8, 9]
 */
export function shownIndices(size: number, summarize: boolean, edgeitems: number): (number | null)[] {
  const all = Array.from({ length: size }, (_, i) => i);
  if (!summarize || size <= 2 * edgeitems) return all;
  return [...all.slice(0, edgeitems), null, ...all.slice(size - edgeitems)];
}

/**
 * Row-major strides of a shape.
 *
 * @example
 * rowMajorStrides([2, 3, 4]); // [12, 4, 1]
 */
export function rowMajorStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length).fill(1);
  for (let d = shape.length - 2; d >= 0; d--) strides[d] = (strides[d + 1] ?? 1) * (shape[d + 1] ?? 1);
  return strides;
}
