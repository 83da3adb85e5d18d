// The oracle checked against PyTorch itself: golden values from
// tools/fixtures/oracle.py (regenerate, never hand-edit), and the Philox
// known-answer vectors of Random123.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { philox4x32, type BinaryOp, type DType, type ReduceOp, type ScanOp, type ScatterReduceOp, type UnaryOp } from '@torchlet/tensor/backend';
import { BINARY_SPECS, UNARY_SPECS } from '../opSpecs.js';
import { approx, composite, exact, within, type Tolerance } from '../tolerance.js';
import {
  avgPool2dOracle, binaryOracle, castScalar, conv2dInputGradOracle, conv2dOracle, conv2dWeightGradOracle, copyOracle, gatherOracle,
  matmulOracle, maxPool2dOracle, nonzeroOracle, philoxBlock, randomBitsOracle, reduceOracle, scanOracle, scatterAddOracle,
  scatterReduceOracle, softmaxOracle, sortOracle, unaryOracle, type OracleView, type Scalar,
} from './index.js';

type Encoded = number | string;
interface Fixture {
  unary: { op: UnaryOp; dtype: DType; outDtype: DType; x: Encoded[]; expected: Encoded[] }[];
  binary: { op: BinaryOp; dtype: DType; outDtype: DType; a: Encoded[]; b: Encoded[]; expected: Encoded[] }[];
  cast: { from: DType; to: DType; x: Encoded[]; expected: Encoded[] }[];
  reduce: { op: ReduceOp; dtype: DType; outDtype: DType; shape: number[]; dims: number[]; x: Encoded[]; expected: Encoded[] }[];
  matmul: { dtype: DType; a: Encoded[]; b: Encoded[]; aShape: number[]; bShape: number[]; expected: Encoded[] }[];
  gather: { dim: number; x: Encoded[]; index: Encoded[]; indexShape: number[]; expected: Encoded[] }[];
  scatterAdd: { dim: number; dtype: DType; out: Encoded[]; index: Encoded[]; indexShape: number[]; src: Encoded[]; expected: Encoded[] }[];
  softmax: { dtype: DType; dim: number; log: boolean; x: Encoded[]; expected: Encoded[] }[];
  scan: { op: ScanOp; dtype: DType; outDtype: DType; dim: number; shape: number[]; x: Encoded[]; expected: Encoded[] }[];
  sort: { dtype: DType; dim: number; descending: boolean; shape: number[]; x: Encoded[]; values: Encoded[]; indices: Encoded[] }[];
  scatterReduce: { op: ScatterReduceOp; dim: number; dtype: DType; out: Encoded[]; index: Encoded[]; indexShape: number[]; src: Encoded[]; expected: Encoded[] }[];
  nonzero: { dtype: DType; shape: number[]; x: Encoded[]; count: number; expected: Encoded[] }[];
  conv2d: {
    dtype: DType; params: { stride: [number, number]; padding: [number, number]; dilation: [number, number]; groups: number };
    xShape: number[]; wShape: number[]; outShape: number[]; x: Encoded[]; w: Encoded[]; bias: Encoded[]; gradOut: Encoded[];
    expected: Encoded[]; gradIn: Encoded[]; gradWeight: Encoded[];
  }[];
  maxPool2d: { params: PoolFixture; xShape: number[]; outShape: number[]; x: Encoded[]; expected: Encoded[]; indices: Encoded[] }[];
  avgPool2d: {
    params: PoolFixture & { count_include_pad: boolean; divisor_override: number | null };
    xShape: number[]; outShape: number[]; x: Encoded[]; expected: Encoded[];
  }[];
}

interface PoolFixture {
  kernel_size: [number, number];
  stride: [number, number];
  padding: [number, number];
  dilation?: [number, number];
}

const fixture = JSON.parse(readFileSync(new URL('../../test/fixtures/oracle.json', import.meta.url), 'utf8')) as Fixture;

function decode(v: Encoded, dtype: DType): Scalar {
  if (dtype === 'int64') return BigInt(v);
  if (v === 'nan') return NaN;
  if (v === 'inf') return Infinity;
  if (v === '-inf') return -Infinity;
  if (v === '-0') return -0;
  // float32 and float16 values are written as the shortest decimal that rounds to them
  return castScalar(Number(v), dtype);
}

function view(values: readonly Encoded[], dtype: DType, shape: readonly number[]): OracleView {
  const strides = shape.map((_, i) => shape.slice(i + 1).reduce((n, s) => n * s, 1));
  return { data: values.map((v) => decode(v, dtype)), dtype, shape, strides, offset: 0 };
}

function empty(dtype: DType, shape: readonly number[]): OracleView {
  const n = shape.reduce((a, s) => a * s, 1);
  return view(Array.from({ length: n }, () => 0), dtype, shape);
}

/** Describes every element of `got` that is not within `tol` of PyTorch's. */
function mismatches(label: string, got: OracleView, expected: readonly Encoded[], tol: Tolerance, inputs?: (i: number) => string): string[] {
  const out: string[] = [];
  expected.forEach((e, i) => {
    const want = decode(e, got.dtype);
    const have = got.data[i] ?? NaN;
    if (!within(have, want, tol)) out.push(`${label} [${i}]${inputs ? ` (${inputs(i)})` : ''}: torch ${String(e)}, oracle ${Object.is(have, -0) ? '-0' : String(have)}`);
  });
  return out;
}

describe('oracle vs PyTorch 1.13', () => {
  it('unary: every op × dtype in the fixture', () => {
    const bad = fixture.unary.flatMap((c) => {
      const x = view(c.x, c.dtype, [c.x.length]);
      const out = empty(c.outDtype, [c.x.length]);
      unaryOracle(c.op, x, out);
      const spec = UNARY_SPECS[c.op];
      return mismatches(`${c.op} ${c.dtype}`, out, c.expected, spec.exact ? exact(true) : approx(c.dtype), (i) => `x = ${String(c.x[i])}`);
    });
    expect(bad).toEqual([]);
  });

  it('binary: every op × dtype in the fixture', () => {
    const bad = fixture.binary.flatMap((c) => {
      const n = c.a.length;
      const out = empty(c.outDtype, [n]);
      binaryOracle(c.op, view(c.a, c.dtype, [n]), view(c.b, c.dtype, [n]), out, c.dtype);
      const spec = BINARY_SPECS[c.op];
      return mismatches(`${c.op} ${c.dtype}`, out, c.expected, spec.exact ? exact(true) : approx(c.dtype), (i) => `a = ${String(c.a[i])}, b = ${String(c.b[i])}`);
    });
    expect(bad).toEqual([]);
  });

  it('copy: every dtype pair', () => {
    const bad = fixture.cast.flatMap((c) => {
      const out = empty(c.to, [c.x.length]);
      copyOracle(view(c.x, c.from, [c.x.length]), out);
      return mismatches(`${c.from} → ${c.to}`, out, c.expected, exact(true), (i) => `x = ${String(c.x[i])}`);
    });
    expect(bad).toEqual([]);
  });

  it('reduce: every op × dtype over one, two and all dims', () => {
    const bad = fixture.reduce.flatMap((c) => {
      const outShape = c.shape.map((s, i) => (c.dims.includes(i) ? 1 : s));
      const out = empty(c.outDtype, outShape);
      reduceOracle(c.op, view(c.x, c.dtype, c.shape), c.dims, out);
      const tol = c.op === 'sum' || c.op === 'prod' ? approx(c.outDtype) : exact();
      return mismatches(`${c.op} ${c.dtype} dims [${c.dims.join(', ')}]`, out, c.expected, tol);
    });
    expect(bad).toEqual([]);
  });

  it('matmul, gather, scatterAdd', () => {
    const bad = [
      ...fixture.matmul.flatMap((c) => {
        const [b, m] = c.aShape;
        const n = c.bShape[2] ?? 0;
        const out = empty(c.dtype, [b ?? 0, m ?? 0, n]);
        matmulOracle(view(c.a, c.dtype, c.aShape), view(c.b, c.dtype, c.bShape), out);
        return mismatches(`matmul ${c.dtype}`, out, c.expected, approx(c.dtype));
      }),
      ...fixture.gather.flatMap((c) => {
        const out = empty('float32', c.indexShape);
        gatherOracle(view(c.x, 'float32', [3, 4, 5]), c.dim, view(c.index, 'int64', c.indexShape), out);
        return mismatches(`gather dim ${c.dim}`, out, c.expected, exact(true));
      }),
      ...fixture.scatterAdd.flatMap((c) => {
        const out = view(c.out, c.dtype, [3, 4, 5]);
        scatterAddOracle(out, c.dim, view(c.index, 'int64', c.indexShape), view(c.src, c.dtype, c.indexShape));
        return mismatches(`scatterAdd dim ${c.dim}`, out, c.expected, exact());
      }),
    ];
    expect(bad).toEqual([]);
  });

  it('softmax and log-softmax', () => {
    const bad = fixture.softmax.flatMap((c) => {
      const out = empty(c.dtype, [3, 4, 5]);
      softmaxOracle(view(c.x, c.dtype, [3, 4, 5]), c.dim, out, c.log);
      return mismatches(`${c.log ? 'logSoftmax' : 'softmax'} ${c.dtype} dim ${c.dim}`, out, c.expected, approx(c.dtype));
    });
    expect(bad).toEqual([]);
  });

  it('conv2d and its input and weight gradients (torch.autograd.grad)', () => {
    const bad = fixture.conv2d.flatMap((c) => {
      const [x, w, bias, g] = [view(c.x, c.dtype, c.xShape), view(c.w, c.dtype, c.wShape), view(c.bias, c.dtype, [c.wShape[0]!]), view(c.gradOut, c.dtype, c.outShape)];
      const out = empty(c.dtype, c.outShape);
      const gradIn = empty(c.dtype, c.xShape);
      const gradW = empty(c.dtype, c.wShape);
      conv2dOracle(x, w, bias, out, c.params);
      conv2dInputGradOracle(g, w, gradIn, c.params);
      conv2dWeightGradOracle(x, g, gradW, c.params);
      // PyTorch sums in float32 for float32: a few units of its rounding on sums of ~20 products
      const tol = composite(c.dtype);
      return [
        ...mismatches(`conv2d ${c.dtype}`, out, c.expected, tol),
        ...mismatches(`conv2dInputGrad ${c.dtype}`, gradIn, c.gradIn, tol),
        ...mismatches(`conv2dWeightGrad ${c.dtype}`, gradW, c.gradWeight, tol),
      ];
    });
    expect(bad).toEqual([]);
  });

  it('maxPool2d values and indices (ties, NaN, -Inf windows, ceil mode, dilation)', () => {
    const bad = fixture.maxPool2d.flatMap((c) => {
      const p = c.params;
      const out = empty('float32', c.outShape);
      const indices = empty('int64', c.outShape);
      maxPool2dOracle(view(c.x, 'float32', c.xShape), out, indices, { kernelSize: p.kernel_size, stride: p.stride, padding: p.padding, dilation: p.dilation ?? [1, 1] });
      return [...mismatches('maxPool2d', out, c.expected, exact()), ...mismatches('maxPool2d indices', indices, c.indices, exact())];
    });
    expect(bad).toEqual([]);
  });

  it('avgPool2d (count_include_pad, ceil mode, divisor_override)', () => {
    const bad = fixture.avgPool2d.flatMap((c) => {
      const p = c.params;
      const out = empty('float64', c.outShape);
      avgPool2dOracle(view(c.x, 'float64', c.xShape), out, {
        kernelSize: p.kernel_size, stride: p.stride, padding: p.padding, countIncludePad: p.count_include_pad, divisorOverride: p.divisor_override ?? undefined,
      });
      return mismatches('avgPool2d', out, c.expected, approx('float64'));
    });
    expect(bad).toEqual([]);
  });

  it('scans (cumsum, cumprod, cummax, cummin)', () => {
    const bad = fixture.scan.flatMap((c) => {
      const out = empty(c.outDtype, c.shape);
      scanOracle(c.op, view(c.x, c.dtype, c.shape), c.dim, out);
      return mismatches(`scan ${c.op} ${c.dtype} dim ${c.dim}`, out, c.expected, composite(c.outDtype));
    });
    expect(bad).toEqual([]);
  });

  it('sorts (stable, both directions, NaN largest)', () => {
    const bad = fixture.sort.flatMap((c) => {
      const values = empty(c.dtype, c.shape);
      const indices = empty('int64', c.shape);
      sortOracle(view(c.x, c.dtype, c.shape), c.dim, c.descending, values, indices);
      const label = `sort ${c.dtype} dim ${c.dim}${c.descending ? ' descending' : ''}`;
      return [...mismatches(`${label} values`, values, c.values, exact(true)), ...mismatches(`${label} indices`, indices, c.indices, exact())];
    });
    expect(bad).toEqual([]);
  });
});

describe('oracle: indexing fast paths', () => {
  it('scatterReduce (assign keeps the last duplicate, prod wraps, amax/amin propagate NaN)', () => {
    const bad = fixture.scatterReduce.flatMap((c) => {
      const out = view(c.out, c.dtype, [3, 4, 5]);
      scatterReduceOracle(c.op, out, c.dim, view(c.index, 'int64', c.indexShape), view(c.src, c.dtype, c.indexShape));
      return mismatches(`scatterReduce ${c.op} ${c.dtype} dim ${c.dim}`, out, c.expected, exact());
    });
    expect(bad).toEqual([]);
  });

  it('nonzero', () => {
    const bad = fixture.nonzero.flatMap((c) => {
      const out = empty('int64', [c.count, c.shape.length]);
      nonzeroOracle(view(c.x, c.dtype, c.shape), out);
      return mismatches(`nonzero ${c.dtype}`, out, c.expected, exact());
    });
    expect(bad).toEqual([]);
  });
});

describe('oracle: Philox4x32-10', () => {
  // Random123's known-answer vectors (kat_vectors, philox4x32 10 rounds)
  it('matches the Random123 known answers', () => {
    expect(philoxBlock([0, 0, 0, 0], [0, 0])).toEqual([0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8]);
    expect(philoxBlock([0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff], [0xffffffff, 0xffffffff])).toEqual([0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd]);
    expect(philoxBlock([0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344], [0xa4093822, 0x299f31d0])).toEqual([0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1]);
  });

  it('agrees with the contract’s philox4x32 on random blocks', () => {
    for (let i = 0; i < 50; i++) {
      const c: [number, number, number, number] = [i * 0x9e3779b9 >>> 0, i * 7, i ? 0xffffffff - i : 0, i * 13];
      const k: [number, number] = [(i * 0x85ebca6b) >>> 0, (i * 0xc2b2ae35) >>> 0];
      expect(philoxBlock(c, k)).toEqual(philox4x32(c, k));
    }
  });

  it('randomBits numbers blocks counter, counter + 1, … with the high word above 2^32', () => {
    const out = empty('int32', [6]);
    randomBitsOracle(out, [5, 6], 2 ** 32 - 1);
    const first = philoxBlock([0xffffffff, 0, 0, 0], [5, 6]);
    const second = philoxBlock([0, 1, 0, 0], [5, 6]);
    expect(out.data).toEqual([...first, ...second.slice(0, 2)].map((w) => w | 0));
  });
});

describe('oracle: casts', () => {
  it('rounds int64 to float32 once (PyTorch, not via float64)', () => {
    expect(castScalar(2n ** 60n + 2n ** 36n + 1n, 'float32')).toBe(2 ** 60 + 2 ** 37);
    expect(castScalar(2n ** 24n + 1n, 'float32')).toBe(2 ** 24);
  });
  it('wraps integers and truncates floats', () => {
    expect(castScalar(300, 'int8')).toBe(44);
    expect(castScalar(-1, 'uint8')).toBe(255);
    expect(castScalar(-2.7, 'int32')).toBe(-2);
    expect(castScalar(2n ** 63n, 'int64')).toBe(-(2n ** 63n));
    expect(castScalar(NaN, 'bool')).toBe(1);
  });
});
