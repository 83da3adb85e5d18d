import { plainElement, type Element, type ElementKind } from './element.js';
import type { PrintOptions } from './options.js';
import { formatExp, formatFixed } from './pyfloat.js';

/** Formats elements right-aligned to a common width (PyTorch's `_Formatter`). */
export interface ElementFormatter {
  /** Width every element is padded to; some (nan, inf, 0) may exceed it. */
  readonly width: number;
  /** The padded text of one element. */
  format(v: Element): string;
}

type FloatMode = 'int' | 'sci' | 'fixed';

function pad(s: string, width: number): string {
  return s.padStart(width, ' ');
}

/** Pick int/sci/fixed mode and width from the nonzero finite values. */
function floatLayout(values: readonly number[], opts: PrintOptions): { mode: FloatMode; width: number } {
  const finite = values.filter((v) => Number.isFinite(v) && v !== 0);
  if (finite.length === 0) return { mode: 'int', width: 1 };
  let min = Infinity;
  let max = 0;
  for (const v of finite) {
    const a = Math.abs(v);
    if (a < min) min = a;
    if (a > max) max = a;
  }
  const intMode = finite.every((v) => Number.isInteger(v));
  const wide = max / min > 1000 || max > 1e8;
  let mode: FloatMode = intMode ? (wide ? 'sci' : 'int') : wide || min < 1e-4 ? 'sci' : 'fixed';
  const text = (v: number): string =>
    mode === 'sci' ? formatExp(v, opts.precision) : mode === 'int' ? `${formatFixed(v, 0)}.` : formatFixed(v, opts.precision);
  const width = finite.reduce((w, v) => Math.max(w, text(v).length), 1);
  if (opts.sciMode !== null) mode = opts.sciMode ? 'sci' : intMode ? 'int' : 'fixed';
  return { mode, width };
}

function floatText(v: number, mode: FloatMode, precision: number): string {
  if (mode === 'sci') return formatExp(v, precision);
  if (mode === 'fixed') return formatFixed(v, precision);
  return Number.isFinite(v) ? `${formatFixed(v, 0)}.` : formatFixed(v, 0);
}

/**
 * Build the formatter for a tensor from the values that will be shown (the
 * summarised ones when the tensor is summarised).
 *
 * @example
 * const f = createFormatter('float', [1.5, -20], printOptions);
 * f.format(1.5); // '  1.5000'
 */
export function createFormatter(kind: ElementKind, values: readonly Element[], opts: PrintOptions): ElementFormatter {
  if (kind !== 'float') {
    const width = values.reduce<number>((w, v) => Math.max(w, plainElement(v, kind).length), 1);
    return { width, format: (v) => pad(plainElement(v, kind), width) };
  }
  const { mode, width } = floatLayout(values.map(Number), opts);
  const precision = opts.precision;
  return { width, format: (v) => pad(floatText(Number(v), mode, precision), width) };
}
