import type { Element } from './element.js';
import type { ElementFormatter } from './formatter.js';
import { rowMajorStrides, shownIndices } from './indices.js';

/** What the nested-bracket layout needs to know about a tensor. */
export interface LayoutInput {
  values: ArrayLike<Element>;
  shape: readonly number[];
  summarize: boolean;
  edgeitems: number;
  linewidth: number;
}

function vectorText(items: string[], indent: number, elementWidth: number, linewidth: number): string {
  const perLine = Math.max(1, Math.floor((linewidth - indent) / (elementWidth + 2)));
  const lines: string[] = [];
  for (let i = 0; i < items.length; i += perLine) lines.push(items.slice(i, i + perLine).join(', '));
  return `[${lines.join(`,\n${' '.repeat(indent + 1)}`)}]`;
}

/**
 * The bracketed body of a non-empty tensor (PyTorch's
 * `_tensor_str_with_formatter`), with rows indented to `indent`.
 *
 * @example
 * layoutTensor({ values: [1, 2], shape: [2], summarize: false, edgeitems: 3, linewidth: 80 }, 7, f);
 * // '[1, 2]'
 */
export function layoutTensor(input: LayoutInput, indent: number, formatter: ElementFormatter): string {
  const { values, shape, summarize, edgeitems, linewidth } = input;
  const strides = rowMajorStrides(shape);
  const value = (offset: number): Element => values[offset] ?? 0;
  const walk = (dim: number, offset: number, ind: number): string => {
    const rank = shape.length - dim;
    if (rank === 0) return formatter.format(value(offset));
    const stride = strides[dim] ?? 1;
    const indices = shownIndices(shape[dim] ?? 0, summarize, edgeitems);
    if (rank === 1) {
      const items = indices.map((i) => (i === null ? ' ...' : formatter.format(value(offset + i * stride))));
      return vectorText(items, ind, formatter.width, linewidth);
    }
    const slices = indices.map((i) => (i === null ? '...' : walk(dim + 1, offset + i * stride, ind + 1)));
    return `[${slices.join(`,${'\n'.repeat(rank - 1)}${' '.repeat(ind + 1)}`)}]`;
  };
  return walk(0, 0, indent);
}
