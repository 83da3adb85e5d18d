// The conv2d fast paths as implicit GEMMs on the tiled core (matmulTiled.ts),
// one GEMM per group (the z workgroup index), the im2col matrix never stored:
//   forward      out[o, (n,oh,ow)]  = Σ_(c,kh,kw) w[o, (c,kh,kw)] · x[n, c, oh·s − p + kh·d, …]
//   input grad   dx[c, (n,ih,iw)]   = Σ_(o,kh,kw) w[o, c, kh, kw] · g[n, o, (ih + p − kh·d) / s, …]
//   weight grad  dw[o, (c,kh,kw)]   = Σ_(n,oh,ow) g[n, o, oh, ow] · x[n, c, oh·s − p + kh·d, …]
// The input gradient reads the output gradient where the stride divides the
// offset (zero elsewhere); the weight gradient, whose sum is long and whose
// result is small, splits its sum over several workgroups into partial results
// that one more pass adds in order. Every view is strided (offset and four
// strides in the parameter block), as the contract allows.

import type { Conv2dParams, View } from '@torchlet/tensor/backend';
import type { GpuBuffer, Runtime } from '../runtime.js';
import { tiledSource, type TileOperand } from './matmulTiled.js';
import { tilesName, type Tiles } from './matmulTiles.js';
import { reduce } from './reduce.js';
import { Meta, bindings } from './strided.js';

// prm: 0-2 M K N | 3-8 stride, padding, dilation (h, w) | 9-12 N C H W of x | 13-18 O Cg kH kW OH OW
// | 19 O per group | 20 k per split | 21 split stride of the result | views (offset, 4 strides): 22 in0, 27 in1, 32 out, 37 bias
const IN0 = 22;
const IN1 = 27;
const OUT = 32;
const BIAS = 37;

type Which = 'forward' | 'inputGrad' | 'weightGrad';

/** WGSL of the element at (i0, i1, i2, i3) of the view whose offset is at prm[base]. */
const at = (buf: string, base: number, i: readonly string[]): string =>
  `${buf}[prm[${base}] + ${i.map((x, d) => `(${x}) * prm[${base + 1 + d}]`).join(' + ')}]`;

// the parameters every kernel reads, and the decompositions of its (row, col) indices
const PARAMS = /* wgsl */ `
  let sh = prm[3]; let sw = prm[4]; let ph = i32(prm[5]); let pw = i32(prm[6]); let dh = prm[7]; let dw = prm[8];
  let C = prm[10]; let H = prm[11]; let W = prm[12]; let Cg = prm[14]; let KH = prm[15]; let KW = prm[16];
  let OH = prm[17]; let OW = prm[18]; let og = prm[19];`;

/** (c, kh, kw) of a flat window index over Cg·kH·kW (`win`), and the other index helpers. */
const WINDOW = /* wgsl */ `
fn win(k: u32) -> vec3<u32> {
  let kk = prm[15] * prm[16];
  let r = k % kk;
  return vec3<u32>(k / kk, r / prm[16], r % prm[16]);
}
// (n, y, x) of a flat pixel index over N·h·w
fn pixel(p: u32, h: u32, w: u32) -> vec3<u32> {
  let q = p % (h * w);
  return vec3<u32>(p / (h * w), q / w, q % w);
}
// the input row (or column) a tap reads, or -1 in the padding
fn tap(o: u32, s: u32, k: u32, d: u32, pad: i32, size: u32) -> i32 {
  let v = i32(o * s + k * d) - pad;
  return select(-1, v, v >= 0 && v < i32(size));
}
// the output row (or column) whose window meets input row i through tap k, or -1
fn src_row(i: u32, s: u32, k: u32, d: u32, pad: i32, size: u32) -> i32 {
  let t = i32(i) + pad - i32(k * d);
  if (t < 0 || t % i32(s) != 0 || t / i32(s) >= i32(size)) { return -1; }
  return t / i32(s);
}`;

interface Plan {
  readonly a: TileOperand;
  readonly b: TileOperand;
  /** WGSL functions `ga` and `gb` (the gathers) and the store. */
  readonly fns: string;
  readonly store: (r: string, c: string, v: string) => string;
}

function plan(which: Which, bias: boolean): Plan {
  const a: TileOperand = { kind: 'gather', fn: 'ga', fast: 'c' };
  switch (which) {
    case 'forward':
      // in0 = x, in1 = weight, in2 = bias; rows o (in the group), cols (n, oh, ow), k (c, kh, kw)
      return {
        a,
        b: { kind: 'gather', fn: 'gb', fast: 'c' },
        fns: /* wgsl */ `
fn ga(r: u32, k: u32) -> f32 {
  let w = win(k);
  return ${at('in1', IN1, ['g * prm[19] + r', 'w.x', 'w.y', 'w.z'])};
}
fn gb(k: u32, p: u32) -> f32 {
  let w = win(k);
  let q = pixel(p, prm[17], prm[18]);
  let ih = tap(q.y, prm[3], w.y, prm[7], i32(prm[5]), prm[11]);
  let iw = tap(q.z, prm[4], w.z, prm[8], i32(prm[6]), prm[12]);
  if (ih < 0 || iw < 0) { return 0.0f; }
  return ${at('in0', IN0, ['q.x', 'g * prm[14] + w.x', 'u32(ih)', 'u32(iw)'])};
}`,
        store: (r, c, v) => `{ let q = pixel(${c}, OH, OW); let o = g * og + ${r}; ${at('out', OUT, ['q.x', 'o', 'q.y', 'q.z'])} = ${v}${bias ? ` + in2[prm[${BIAS}] + o * prm[${BIAS + 1}]]` : ''}; }`,
      };
    case 'inputGrad':
      // in0 = gradOut, in1 = weight; rows c (in the group), cols (n, ih, iw), k (o in the group, kh, kw)
      return {
        a,
        b: { kind: 'gather', fn: 'gb', fast: 'c' },
        fns: /* wgsl */ `
fn ga(c: u32, k: u32) -> f32 {
  let w = win(k);
  return ${at('in1', IN1, ['g * prm[19] + w.x', 'c', 'w.y', 'w.z'])};
}
fn gb(k: u32, p: u32) -> f32 {
  let w = win(k);
  let q = pixel(p, prm[11], prm[12]);
  let oh = src_row(q.y, prm[3], w.y, prm[7], i32(prm[5]), prm[17]);
  let ow = src_row(q.z, prm[4], w.z, prm[8], i32(prm[6]), prm[18]);
  if (oh < 0 || ow < 0) { return 0.0f; }
  return ${at('in0', IN0, ['q.x', 'g * prm[19] + w.x', 'u32(oh)', 'u32(ow)'])};
}`,
        store: (r, c, v) => `{ let q = pixel(${c}, H, W); ${at('out', OUT, ['q.x', `g * Cg + ${r}`, 'q.y', 'q.z'])} = ${v}; }`,
      };
    case 'weightGrad':
      // in0 = x, in1 = gradOut; rows o (in the group), cols (c, kh, kw), k (n, oh, ow), summed per split
      return {
        a,
        b: { kind: 'gather', fn: 'gb', fast: 'r' },
        fns: /* wgsl */ `
fn ga(r: u32, p: u32) -> f32 {
  let q = pixel(p, prm[17], prm[18]);
  return ${at('in1', IN1, ['q.x', 'g * prm[19] + r', 'q.y', 'q.z'])};
}
fn gb(p: u32, k: u32) -> f32 {
  let w = win(k);
  let q = pixel(p, prm[17], prm[18]);
  let ih = tap(q.y, prm[3], w.y, prm[7], i32(prm[5]), prm[11]);
  let iw = tap(q.z, prm[4], w.z, prm[8], i32(prm[6]), prm[12]);
  if (ih < 0 || iw < 0) { return 0.0f; }
  return ${at('in0', IN0, ['q.x', 'g * prm[14] + w.x', 'u32(ih)', 'u32(iw)'])};
}`,
        store: (r, c, v) => `{ let w = win(${c}); out[prm[${OUT}] + split * prm[21] + (g * og + ${r}) * prm[${OUT + 1}] + w.x * prm[${OUT + 2}] + w.y * prm[${OUT + 3}] + w.z * prm[${OUT + 4}]] = ${v}; }`,
      };
  }
}

interface Run {
  readonly which: Which;
  readonly x: readonly number[];
  readonly w: readonly number[];
  readonly outHW: readonly number[];
  readonly p: Conv2dParams;
  /** Rows, cols and k of one group's GEMM. */
  readonly gemm: readonly [number, number, number];
  readonly inputs: readonly View<GpuBuffer>[];
  readonly result: View<GpuBuffer>;
  readonly splits: number;
  readonly chunk: number;
  /** Elements between the partial results of two splits (0 without splitting). */
  readonly splitStride: number;
}

/** The tile shape for an m × k × n GEMM. */
export type TilesFor = (m: number, k: number, n: number) => Tiles;

function dispatch(rt: Runtime, tilesFor: TilesFor, r: Run): void {
  const [M, N, K] = r.gemm;
  const tiles = tilesFor(M, K, N);
  const groups = r.p.groups;
  if (M === 0 || N === 0 || groups === 0) return;
  const m = new Meta();
  m.push(M, K, N, ...r.p.stride, ...r.p.padding, ...r.p.dilation, ...r.x, ...r.w, r.outHW[0]!, r.outHW[1]!, r.w[0]! / groups, r.chunk, r.splitStride);
  const views = [r.inputs[0], r.inputs[1], r.result];
  for (const v of views) m.push(v!.offset, ...v!.strides);
  const bias = r.inputs[2];
  m.push(bias?.offset ?? 0, bias?.strides[0] ?? 0);
  const pl = plan(r.which, bias !== undefined);
  const source = (): string =>
    tiledSource({
      tiles,
      a: pl.a,
      b: pl.b,
      decls: `${bindings('f32', r.inputs.map(() => 'f32'))}\n${WINDOW}\nvar<private> g: u32;\n${pl.fns}`,
      prelude: `${PARAMS}
  let split = wid.z % ${r.splits}u;
  g = wid.z / ${r.splits}u;
  let kBegin = split * prm[20];
  let kEnd = min(K, kBegin + prm[20]);`,
      store: pl.store,
    });
  rt.dispatch({
    key: `conv2d:${r.which}:${bias !== undefined}:${tilesName(tiles)}:s${r.splits}`,
    source,
    out: r.result.buf.gpu,
    inputs: r.inputs.map((v) => v.buf.gpu),
    meta: m.words,
    groups: 1,
    grid: [Math.ceil(N / (tiles.wx * tiles.tn)), Math.ceil(M / (tiles.wy * tiles.tm)), groups * r.splits],
  });
}

/**
 * `out` = conv2d(`x`, `weight`) + `bias`, float32.
 *
 * @example conv2d(rt, () => TILE_CHOICES['32x32x32'], x, w, b, out, { stride: [1, 1], padding: [1, 1], dilation: [1, 1], groups: 1 });
 */
export function conv2d(rt: Runtime, tiles: TilesFor, x: View<GpuBuffer>, weight: View<GpuBuffer>, bias: View<GpuBuffer> | undefined, out: View<GpuBuffer>, p: Conv2dParams): void {
  const [n, , oh, ow] = out.shape as [number, number, number, number];
  const [o, cg, kh, kw] = weight.shape as [number, number, number, number];
  const inputs = bias ? [x, weight, bias] : [x, weight];
  dispatch(rt, tiles, { which: 'forward', x: x.shape, w: weight.shape, outHW: [oh, ow], p, gemm: [o / p.groups, n * oh * ow, cg * kh * kw], inputs, result: out, splits: 1, chunk: cg * kh * kw, splitStride: 0 });
}

/**
 * `gradIn` = the gradient of conv2d with respect to its input, from `gradOut`.
 *
 * @example conv2dInputGrad(rt, tiles, gradOut, w, gradIn, params);
 */
export function conv2dInputGrad(rt: Runtime, tiles: TilesFor, gradOut: View<GpuBuffer>, weight: View<GpuBuffer>, gradIn: View<GpuBuffer>, p: Conv2dParams): void {
  const [n, , h, w] = gradIn.shape as [number, number, number, number];
  const [o, cg, kh, kw] = weight.shape as [number, number, number, number];
  const k = (o / p.groups) * kh * kw;
  dispatch(rt, tiles, { which: 'inputGrad', x: gradIn.shape, w: weight.shape, outHW: gradOut.shape.slice(2), p, gemm: [cg, n * h * w, k], inputs: [gradOut, weight], result: gradIn, splits: 1, chunk: k, splitStride: 0 });
}

/** Workgroups a split sum aims to keep busy. */
const SPLIT_TARGET = 256;

/**
 * `gradWeight` = the gradient of conv2d with respect to its weight, from `x` and `gradOut`.
 *
 * @example conv2dWeightGrad(rt, tiles, x, gradOut, gradW, params);
 */
export function conv2dWeightGrad(rt: Runtime, tilesFor: TilesFor, x: View<GpuBuffer>, gradOut: View<GpuBuffer>, gradWeight: View<GpuBuffer>, p: Conv2dParams): void {
  const [n, , oh, ow] = gradOut.shape as [number, number, number, number];
  const [o, cg, kh, kw] = gradWeight.shape as [number, number, number, number];
  const [M, N, K] = [o / p.groups, cg * kh * kw, n * oh * ow];
  const tiles = tilesFor(M, K, N);
  const fixed: TilesFor = () => tiles;
  // enough splits to fill the GPU, each at least four steps of the k tile long
  const blocks = Math.ceil(M / (tiles.wy * tiles.tm)) * Math.ceil(N / (tiles.wx * tiles.tn)) * p.groups;
  const wanted = Math.max(1, Math.min(Math.ceil(SPLIT_TARGET / blocks), Math.floor(K / (4 * tiles.bk)), 65535 / p.groups));
  const chunk = Math.ceil(K / wanted / tiles.bk) * tiles.bk;
  const splits = K === 0 ? 1 : Math.ceil(K / chunk);
  const run = { which: 'weightGrad' as const, x: x.shape, w: gradWeight.shape, outHW: [oh, ow], p, gemm: [M, N, K] as const, inputs: [x, gradOut] };
  if (splits === 1) {
    dispatch(rt, fixed, { ...run, result: gradWeight, splits, chunk: Math.max(K, 1), splitStride: 0 });
    return;
  }
  // partial results [splits, O, Cg, kH, kW], then their sum in split order
  const size = o * cg * kh * kw;
  const scratch = rt.alloc('float32', splits * size);
  try {
    const strides = [cg * kh * kw, kh * kw, kw, 1];
    dispatch(rt, fixed, { ...run, result: { buf: scratch, dtype: 'float32', shape: gradWeight.shape, strides, offset: 0 }, splits, chunk, splitStride: size });
    const partials: View<GpuBuffer> = { buf: scratch, dtype: 'float32', shape: [splits, ...gradWeight.shape], strides: [size, ...strides], offset: 0 };
    reduce(rt, 'sum', partials, [0], { ...gradWeight, shape: [1, ...gradWeight.shape], strides: [0, ...gradWeight.strides] });
  } finally {
    rt.free(scratch);
  }
}
