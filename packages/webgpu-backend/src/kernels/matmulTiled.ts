// The tiled float32 GEMM core, shared by matmul and the convolutions (as
// implicit GEMMs). A workgroup computes a BM × BN block of an M × N result; per
// step of BK along k it stages a BM × BK tile of a and a BK × BN tile of b in
// workgroup memory (both k-major, as vec4 rows), then every thread accumulates
// its TM × TN register tile (rows ty·TM + i, columns tx·TN + j of the block)
// from vec4 reads. An operand is either a strided view — read as vec4 when its
// inner stride is 1 and its offset and other strides are multiples of 4, else
// element by element — or a gather: a WGSL function of (row, col) that computes
// where the element lives (im2col for the convolutions) and returns 0 for padding.
// Each output element sums its products in k order, whatever the tile shape.

import type { View } from '@torchlet/tensor/backend';
import type { GpuBuffer } from '../runtime.js';
import type { Tiles } from './matmulTiles.js';

/**
 * How a view operand's tile is read: vec4 along its first (`r4`) or second (`c4`)
 * logical dim, or element by element (`s`), consecutive threads along the dim of
 * stride 1 (decided in the kernel, so that one kernel serves both).
 */
export type LoadMode = 'r4' | 'c4' | 's';

/** How one operand's tiles are staged. */
export type TileOperand =
  /** A strided view bound as `src`; `base`, `sr`, `sc` are WGSL names of its offset and row and column strides. */
  | { readonly kind: 'view'; readonly mode: LoadMode; readonly src: string; readonly base: string; readonly sr: string; readonly sc: string }
  /** `fn(row, col) -> f32`, defined in the kernel's declarations; consecutive threads run along `fast`. */
  | { readonly kind: 'gather'; readonly fn: string; readonly fast: 'r' | 'c' };

/** A kernel on the GEMM core. */
export interface TiledSpec {
  readonly tiles: Tiles;
  /** The M × K operand and the K × N operand. */
  readonly a: TileOperand;
  readonly b: TileOperand;
  /** Module-scope WGSL: the bindings and any function the operands or the store call. */
  readonly decls: string;
  /**
   * Statements at the top of `main` (after `M`, `K`, `N` = prm[0..2]) declaring what
   * the operands and the store use, and `kBegin`, `kEnd`: the range of k this
   * workgroup sums (all of it, or its part of a split k).
   */
  readonly prelude: string;
  /** The statement storing `v` at output (r, c), both in range. */
  readonly store: (r: string, c: string, v: string) => string;
}

/**
 * The load mode of a [rows, cols] view: `batchStrides` and `offset` must be
 * multiples of 4 for vec4 reads, and the vec4 dim's size a multiple of 4 (so a
 * vec4 is wholly in range or wholly out).
 *
 * @example loadMode(a, 64, 784, []) // 'c4' for a row-major a with 784 columns
 */
export function loadMode(v: View<GpuBuffer>, rows: number, cols: number, batchStrides: readonly number[]): LoadMode {
  const r = v.shape.length;
  const sr = v.strides[r - 2]!;
  const sc = v.strides[r - 1]!;
  const aligned = v.offset % 4 === 0 && batchStrides.every((s) => s % 4 === 0);
  if (aligned && sc === 1 && sr % 4 === 0 && cols % 4 === 0) return 'c4';
  if (aligned && sr === 1 && sc % 4 === 0 && rows % 4 === 0) return 'r4';
  return 's';
}

/** The WGSL that stages one tile of `rows` × `cols` from origin (r0, c0), in range below (R, C), into `dst` (k-major). */
function tileLoad(op: TileOperand, dst: string, rows: number, cols: number, threads: number, kIsRows: boolean, g: { r0: string; c0: string; R: string; C: string }): string {
  // vec4 rows of the dim that is not k
  const other = kIsRows ? cols : rows;
  const at = (r: string, c: string): string => {
    const [k, x] = kIsRows ? [r, c] : [c, r];
    return `${dst}[(${k}) * ${other / 4}u + (${x}) / 4u][(${x}) & 3u]`;
  };
  const loop = (count: number, body: string): string => `
    for (var h = 0u; h < ${count}u; h++) {
      let t = lid + h * ${threads}u;${body}
    }`;
  const inRange = `gr < ${g.R} && gc < ${g.C}`;
  const origin = `\n      let gr = ${g.r0} + lr; let gc = ${g.c0} + lc;`;
  if (op.kind === 'view' && (op.mode === 'c4' || op.mode === 'r4')) {
    const alongCols = op.mode === 'c4';
    const fast = (alongCols ? cols : rows) / 4;
    const [ri, ci] = alongCols ? [`t / ${fast}u`, `(t % ${fast}u) * 4u`] : [`(t % ${fast}u) * 4u`, `t / ${fast}u`];
    const index = alongCols ? `${op.base} / 4u + gr * (${op.sr} / 4u) + gc / 4u` : `${op.base} / 4u + gr / 4u + gc * (${op.sc} / 4u)`;
    // a vec4 along k fills four k-rows of the destination, one along the other dim one vec4 of it
    const alongK = alongCols !== kIsRows;
    const store = alongK
      ? [0, 1, 2, 3].map((j) => `\n      ${at(alongCols ? 'lr' : `lr + ${j}u`, alongCols ? `lc + ${j}u` : 'lc')} = v[${j}];`).join('')
      : `\n      ${dst}[(${kIsRows ? 'lr' : 'lc'}) * ${other / 4}u + (${kIsRows ? 'lc' : 'lr'}) / 4u] = v;`;
    return loop(
      (rows * cols) / 4 / threads,
      `\n      let lr = ${ri}; let lc = ${ci};${origin}\n      var v = vec4<f32>();\n      if (${inRange}) { v = ${op.src}[${index}]; }${store}`,
    );
  }
  // a view runs its threads along rows when the rows have stride 1 and the columns not
  const fastRows = op.kind === 'view' ? `(${op.sr} == 1u && ${op.sc} != 1u)` : String(op.fast === 'r');
  const [ri, ci] = [`select(t / ${cols}u, t % ${rows}u, ${fastRows})`, `select(t % ${cols}u, t / ${rows}u, ${fastRows})`];
  const read = op.kind === 'view' ? `${op.src}[${op.base} + gr * ${op.sr} + gc * ${op.sc}]` : `${op.fn}(gr, gc)`;
  return loop((rows * cols) / threads, `\n      let lr = ${ri}; let lc = ${ci};${origin}\n      var v = 0.0f;\n      if (${inRange}) { v = ${read}; }\n      ${at('lr', 'lc')} = v;`);
}

/**
 * The WGSL of a kernel on the GEMM core.
 *
 * @example tiledSource({ tiles, a, b, decls, prelude, store: (r, c, v) => `out[r * N + c] = ${v};` })
 */
export function tiledSource(spec: TiledSpec): string {
  const t = spec.tiles;
  const BM = t.wy * t.tm;
  const BN = t.wx * t.tn;
  const P = t.wx * t.wy;
  const TM4 = t.tm / 4;
  const TN4 = t.tn / 4;
  const rows = [...Array(t.tm).keys()];
  const cols4 = [...Array(TN4).keys()];
  const acc = (i: number, j: number): string => `c${i}_${j}`;
  const loadA = tileLoad(spec.a, 'As', BM, t.bk, P, false, { r0: 'row0', c0: 'k0', R: 'M', C: 'kEnd' });
  const loadB = tileLoad(spec.b, 'Bs', t.bk, BN, P, true, { r0: 'k0', c0: 'col0', R: 'kEnd', C: 'N' });
  const stores = rows.map((i) => {
    const cells = cols4.flatMap((j) => [0, 1, 2, 3].map((c) => `if (cc + ${j * 4 + c}u < N) { ${spec.store('r', `cc + ${j * 4 + c}u`, `${acc(i, j)}[${c}]`)} }`));
    return `{ let r = row0 + ty * ${t.tm}u + ${i}u; let cc = col0 + tx * ${t.tn}u; if (r < M) { ${cells.join(' ')} } }`;
  });
  return /* wgsl */ `
${spec.decls}
var<workgroup> As: array<vec4<f32>, ${(t.bk * BM) / 4}>;
var<workgroup> Bs: array<vec4<f32>, ${(t.bk * BN) / 4}>;
@compute @workgroup_size(${P})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let M = prm[0]; let K = prm[1]; let N = prm[2];
${spec.prelude}
  let tx = lid % ${t.wx}u;
  let ty = lid / ${t.wx}u;
  let row0 = wid.y * ${BM}u;
  let col0 = wid.x * ${BN}u;
  ${rows.map((i) => cols4.map((j) => `var ${acc(i, j)} = vec4<f32>();`).join(' ')).join('\n  ')}
  for (var k0 = kBegin; k0 < kEnd; k0 += ${t.bk}u) {${loadA}${loadB}
    workgroupBarrier();
    for (var kk = 0u; kk < ${t.bk}u; kk++) {
      ${[...Array(TM4).keys()].map((i) => `let a${i} = As[kk * ${BM / 4}u + ty * ${TM4}u + ${i}u];`).join(' ')}
      ${cols4.map((j) => `let b${j} = Bs[kk * ${BN / 4}u + tx * ${TN4}u + ${j}u];`).join(' ')}
      ${rows.map((i) => cols4.map((j) => `${acc(i, j)} = ${acc(i, j)} + a${Math.floor(i / 4)}[${i % 4}] * b${j};`).join(' ')).join('\n      ')}
    }
    workgroupBarrier();
  }
  ${stores.join('\n  ')}
}`;
}
