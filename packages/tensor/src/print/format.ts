import type { DType } from '../backend/dtype.js';
import type { ElementKind } from './element.js';
import { createFormatter } from './formatter.js';
import { layoutTensor } from './layout.js';
import { printOptions } from './options.js';
import { shownValues } from './summarize.js';
import { addSuffixes } from './suffixes.js';

export { printOptions, setPrintOptions, type PrintOptions } from './options.js';

/** The dtypes a printable tensor may have: all of them. */
export type PrintableDType = DType;

/** Everything `formatTensor` needs to know about a tensor. */
export interface PrintableTensor {
  shape: readonly number[];
  dtype: PrintableDType;
  /** 'cpu' prints no device suffix; any other prints `device='<name>'`. */
  device: string;
  /** Row-major flat values: bool as 0/1, halves decoded, int64 as bigint or number. */
  values: ArrayLike<number | bigint>;
  requiresGrad?: boolean;
  /** e.g. 'AddBackward0', printed as `grad_fn=<AddBackward0>`. */
  gradFnName?: string;
}

const PREFIX = 'tensor(';

function kindOf(dtype: PrintableDType): ElementKind {
  if (dtype === 'bool') return 'bool';
  return dtype.startsWith('float') || dtype === 'bfloat16' ? 'float' : 'int';
}

function sizeText(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

function body(t: PrintableTensor, numel: number): string {
  if (numel === 0) return '[]';
  const summarize = numel > printOptions.threshold;
  const { edgeitems, linewidth } = printOptions;
  const shown = summarize ? shownValues(t.values, t.shape, true, edgeitems) : Array.from(t.values);
  const formatter = createFormatter(kindOf(t.dtype), shown, printOptions);
  const input = { values: t.values, shape: t.shape, summarize, edgeitems, linewidth };
  return layoutTensor(input, PREFIX.length, formatter);
}

function suffixesOf(t: PrintableTensor, numel: number): string[] {
  const suffixes: string[] = [];
  if (t.device !== 'cpu') suffixes.push(`device='${t.device}'`);
  if (numel === 0) {
    if (t.shape.length !== 1) suffixes.push(`size=${sizeText(t.shape)}`);
    if (t.dtype !== 'float32') suffixes.push(`dtype=torch.${t.dtype}`);
  } else if (!['float32', 'int64', 'bool'].includes(t.dtype)) {
    suffixes.push(`dtype=torch.${t.dtype}`);
  }
  if (t.gradFnName !== undefined) suffixes.push(`grad_fn=<${t.gradFnName}>`);
  else if (t.requiresGrad === true) suffixes.push('requires_grad=True');
  return suffixes;
}

/**
 * Print a tensor exactly as PyTorch 1.13's `str(t)` does, under the current
 * {@link printOptions}.
 *
 * @example
 * formatTensor({ shape: [2], dtype: 'float32', device: 'cpu', values: [1, 2.5] });
 * // 'tensor([1.0000, 2.5000])'
 */
export function formatTensor(t: PrintableTensor): string {
  const numel = t.shape.reduce((n, d) => n * d, 1);
  const text = PREFIX + body(t, numel);
  return addSuffixes(text, suffixesOf(t, numel), PREFIX.length, printOptions.linewidth);
}
