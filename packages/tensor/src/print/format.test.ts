import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { formatTensor, setPrintOptions, type PrintableDType, type PrintOptions } from './format.js';

interface LcgSpec {
  gen: 'lcg';
  n: number;
  a: number;
  b: number;
  m: number;
  scale: number;
  offset: number;
}

interface PyOptions {
  precision?: number;
  threshold?: number;
  edgeitems?: number;
  linewidth?: number;
  sci_mode?: boolean;
  profile?: 'default' | 'short' | 'full';
}

interface Case {
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

const fixtureUrl = new URL('../../test/fixtures/print.json', import.meta.url);
const cases = JSON.parse(readFileSync(fixtureUrl, 'utf8')) as Case[];

const SPECIALS: Record<string, number> = { nan: NaN, inf: Infinity, '-inf': -Infinity, '-0': -0 };

function isFloat(dtype: PrintableDType): boolean {
  return dtype.startsWith('float') || dtype === 'bfloat16';
}

/** Rebuild the flat values exactly as tools/fixtures/print.py made them. */
function decodeValues(c: Case): (number | bigint)[] {
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

function toOptions(o: PyOptions): Partial<PrintOptions> & { profile?: 'default' | 'short' | 'full' } {
  const out: Partial<PrintOptions> & { profile?: 'default' | 'short' | 'full' } = {};
  if (o.profile !== undefined) out.profile = o.profile;
  if (o.precision !== undefined) out.precision = o.precision;
  if (o.threshold !== undefined) out.threshold = o.threshold;
  if (o.edgeitems !== undefined) out.edgeitems = o.edgeitems;
  if (o.linewidth !== undefined) out.linewidth = o.linewidth;
  if (o.sci_mode !== undefined) out.sciMode = o.sci_mode;
  return out;
}

describe('formatTensor matches PyTorch str(t)', () => {
  afterEach(() => setPrintOptions({ profile: 'default' }));

  it('has fixtures', () => {
    expect(cases.length).toBeGreaterThan(100);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    if (c.options) setPrintOptions(toOptions(c.options));
    const text = formatTensor({
      shape: c.shape,
      dtype: c.dtype,
      device: c.device,
      values: decodeValues(c),
      requiresGrad: c.requires_grad,
      ...(c.grad_fn === null ? {} : { gradFnName: c.grad_fn }),
    });
    expect(text).toBe(c.expected);
  });
});
