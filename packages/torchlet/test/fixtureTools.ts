// Shared helpers for the PyTorch fixture tests: decode values, rebuild inputs
// through the public API, and compare results with torch.testing.assert_close's
// default tolerances.
import { readFileSync } from 'node:fs';
import { describe } from 'vitest';
import * as torch from 'torchlet';

/** A value as the fixtures encode it: specials as strings, big int64 as decimal strings. */
export type Encoded = number | string | boolean;

/** One step applied to `tensor(values).reshape(shape)` to get a non-contiguous input. */
export type Transform = 'T' | { slice: (readonly number[] | ':' | number)[] } | { expand: number[] } | { permute: number[] };

export interface TensorSpec {
  values: Encoded[];
  shape: number[];
  dtype: torch.DType;
  transform: Transform[];
}

export interface ResultSpec {
  dtype: string;
  shape: number[];
  values: Encoded[];
}

export interface ErrorSpec {
  error: { type: string; message: string };
}

export type Expected = ResultSpec | ErrorSpec;

/** Reads a JSON fixture under test/fixtures. */
export function loadFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as T;
}

const SPECIALS: Record<string, number> = { nan: NaN, inf: Infinity, '-inf': -Infinity, '-0': -0 };

/**
 * The float a fixture writes as a string ("nan", "inf", "-inf", "-0"), or `undefined` for any other value.
 *
 * @example special('-inf') // -Infinity
 */
export function special(v: unknown): number | undefined {
  return typeof v === 'string' && Object.hasOwn(SPECIALS, v) ? SPECIALS[v] : undefined;
}

/** A fixture value as a JS number/boolean/bigint (int64 beyond 2**53 as bigint). */
export function decode(v: Encoded): number | boolean | bigint {
  if (typeof v !== 'string') return v;
  return special(v) ?? BigInt(v);
}

/**
 * Cases grouped by op, in fixture order.
 *
 * @example byOp([{ op: 'sum' }, { op: 'mean' }, { op: 'sum' }]) // Map { sum => [2 cases], mean => [1] }
 */
export function byOp<C extends { op: string }>(cases: readonly C[]): Map<string, C[]> {
  const groups = new Map<string, C[]>();
  for (const c of cases) {
    const group = groups.get(c.op);
    if (group) group.push(c);
    else groups.set(c.op, [c]);
  }
  return groups;
}

/**
 * A `describe(title)` holding one `describe(op)` per op of `cases` (fixture order);
 * `register` adds the tests of one case.
 *
 * @example describeByOp('sums vs PyTorch', fixture.cases, (c) => it(c.name, () => runCase(c, apply)));
 */
export function describeByOp<C extends { op: string }>(title: string, cases: readonly C[], register: (c: C) => void): void {
  describe(title, () => {
    for (const [op, group] of byOp(cases)) describe(op, () => group.forEach(register));
  });
}

/** `torch.tensor(values, { dtype }).reshape(shape)` and then the transforms. */
export function buildTensor(spec: TensorSpec): { base: torch.Tensor; input: torch.Tensor } {
  const flat = spec.values.map(decode);
  const base = torch.tensor(flat, { dtype: spec.dtype }).reshape(spec.shape);
  let x = base;
  for (const step of spec.transform) {
    if (step === 'T') x = x.t();
    else if ('slice' in step) x = x.at(...step.slice.map((s) => (Array.isArray(s) ? (s as unknown as torch.Slice) : (s as ':' | number))));
    else if ('expand' in step) x = x.expand(step.expand);
    else x = x.permute(step.permute);
  }
  return { base, input: x };
}

/** torch.testing.assert_close defaults: [rtol, atol] per dtype. */
const TOLERANCE: Partial<Record<string, [number, number]>> = {
  float16: [1e-3, 1e-5],
  bfloat16: [1.6e-2, 1e-5],
  float32: [1.3e-6, 1e-5],
  float64: [1e-7, 1e-7],
};

/** The first few mismatching elements of `actual` against `expected`, as text; '' when all match. */
export function mismatches(actual: torch.Tensor, expected: ResultSpec): string {
  const problems: string[] = [];
  if (actual.dtype !== expected.dtype) problems.push(`dtype ${actual.dtype}, expected ${expected.dtype}`);
  if (actual.shape.length !== expected.shape.length || actual.shape.some((s, i) => s !== expected.shape[i])) {
    problems.push(`shape [${actual.shape.join(', ')}], expected [${expected.shape.join(', ')}]`);
  }
  if (problems.length > 0) return problems.join('; ');
  return valueMismatches(actual.dataSync(), expected.dtype, expected.values);
}

/** Compares read-back data with encoded values of `dtype` (exact for integers and bool). */
export function valueMismatches(data: ArrayLike<number | bigint>, dtype: string, values: Encoded[]): string {
  const bad: string[] = [];
  let count = 0;
  const tol = TOLERANCE[dtype];
  for (let i = 0; i < values.length; i++) {
    const e = decode(values[i]!);
    const a = data[i]!;
    let ok: boolean;
    if (dtype === 'int64') ok = BigInt(a) === BigInt(e as number | bigint);
    else if (dtype === 'bool') ok = Number(a) === Number(e); // true/false, or 1/0 where a fixture writes bools as ints
    else if (tol === undefined) ok = Number(a) === Number(e);
    else {
      const av = Number(a);
      const ev = Number(e);
      if (Number.isNaN(ev) || Number.isNaN(av)) ok = Number.isNaN(ev) && Number.isNaN(av);
      else if (!Number.isFinite(ev) || !Number.isFinite(av)) ok = av === ev;
      else ok = Math.abs(av - ev) <= tol[1] + tol[0] * Math.abs(ev);
    }
    if (!ok) {
      count++;
      if (bad.length < 6) bad.push(`[${i}] got ${String(a)}, expected ${String(e)}`);
    }
  }
  if (data.length !== values.length) bad.unshift(`${data.length} values, expected ${values.length}`);
  return bad.length === 0 ? '' : `${count} of ${values.length} values differ: ${bad.join('; ')}`;
}

/** `Name: first line` of a thrown error, as the fixtures record PyTorch's. */
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return `non-Error thrown: ${String(err)}`;
  return `${err.name}: ${err.message.split('\n')[0]!.trim()}`;
}

/** What `fn` threw, as `Name: first line`, or `null` when it returned. */
export function thrown(fn: () => unknown): string | null {
  try {
    fn();
  } catch (err) {
    return describeError(err);
  }
  return null;
}
