// The printing fixtures of tools/fixtures/print.py, decoded; shared by the
// formatter's test here and the Tensor.toString test in the torchlet package.
import { readFileSync } from 'node:fs';
import type { PrintableDType, PrintOptions } from '../src/print/format.js';

interface LcgSpec {
  gen: 'lcg';
  n: number;
  a: number;
  b: number;
  m: number;
  scale: number;
  offset: number;
}

export interface PyOptions {
  precision?: number;
  threshold?: number;
  edgeitems?: number;
  linewidth?: number;
  sci_mode?: boolean;
  profile?: 'default' | 'short' | 'full';
}

export interface PrintCase {
  name: string;
  shape: number[];
  dtype: PrintableDType;
  device: string;
  values: (number | string)[] | LcgSpec;
  requires_grad: boolean;
  grad_fn: string | null;
  options: PyOptions | null;
  expected: string;
}

const fixtureUrl = new URL('./fixtures/print.json', import.meta.url);
export const printCases = JSON.parse(readFileSync(fixtureUrl, 'utf8')) as PrintCase[];

const SPECIALS: Record<string, number> = { nan: NaN, inf: Infinity, '-inf': -Infinity, '-0': -0 };

function isFloat(dtype: PrintableDType): boolean {
  return dtype.startsWith('float') || dtype === 'bfloat16';
}

/** Rebuild the flat values exactly as tools/fixtures/print.py made them. */
export function decodeValues(c: PrintCase): (number | bigint)[] {
  const float = isFloat(c.dtype);
  if (!Array.isArray(c.values)) {
    const { n, a, b, m, scale, offset } = c.values;
    return Array.from({ length: n }, (_, i) => {
      const k = (i * a + b) % m;
      if (!float) return c.dtype === 'bool' ? Number(k + offset !== 0) : k + offset;
      const v = (k / m) * scale + offset;
      return c.dtype === 'float32' ? Math.fround(v) : v;
    });
  }
  return c.values.map((v) => {
    if (typeof v === 'number') return v;
    return float ? (SPECIALS[v] ?? NaN) : BigInt(v);
  });
}

export function toOptions(o: PyOptions): Partial<PrintOptions> & { profile?: 'default' | 'short' | 'full' } {
  const out: Partial<PrintOptions> & { profile?: 'default' | 'short' | 'full' } = {};
  if (o.profile !== undefined) out.profile = o.profile;
  if (o.precision !== undefined) out.precision = o.precision;
  if (o.threshold !== undefined) out.threshold = o.threshold;
  if (o.edgeitems !== undefined) out.edgeitems = o.edgeitems;
  if (o.linewidth !== undefined) out.linewidth = o.linewidth;
  if (o.sci_mode !== undefined) out.sciMode = o.sci_mode;
  return out;
}

