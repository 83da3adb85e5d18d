import type { Element } from './element.js';
import { rowMajorStrides, shownIndices } from './indices.js';

/**
 * The flat values that a summarised print shows (PyTorch's
 * `get_summarized_data`): the formatter's width is chosen from these only.
 *
 * @example
 * shownValues([0, 1, 2, 3, 4, 5, 6, 7], [8], true, 2); // [0, 1, 6, 7]
 */
export function shownValues(
  values: ArrayLike<Element>,
  shape: readonly number[],
  summarize: boolean,
  edgeitems: number,
): Element[] {
  const strides = rowMajorStrides(shape);
  const out: Element[] = [];
  const walk = (dim: number, offset: number): void => {
    if (dim === shape.length) {
      const v = values[offset];
      if (v !== undefined) out.push(v);
      return;
    }
    const stride = strides[dim] ?? 1;
    for (const i of shownIndices(shape[dim] ?? 0, summarize, edgeitems)) {
      if (i !== null) walk(dim + 1, offset + i * stride);
    }
  };
  walk(0, 0);
  return out;
}
