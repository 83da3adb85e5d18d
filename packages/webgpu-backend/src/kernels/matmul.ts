// backend.matmul. float32 runs the tiled kernel of matmulTiled.ts with the tile
// shape the caller chose (matmulTune.ts); other dtypes a plain kernel, one
// thread per output element. Operands are read through their strides, so
// transposed ones need no copy. Batch dims (already broadcast, 0-strides
// allowed) are coalesced and walked by the z workgroup index.

import { NotImplementedError, coalesce, numel, type View } from '@torchlet/tensor/backend';
import type { GpuBuffer, Runtime } from '../runtime.js';
import { Meta, bindings, offsetsCode, padRank } from './strided.js';
import { arithOf } from './arith.js';
import { loadMode, tiledSource, type LoadMode } from './matmulTiled.js';
import { tilesName, type Tiles } from './matmulTiles.js';
import { elemOf, isNarrow, wrap } from './wgslTypes.js';

/** Threads per workgroup side of the kernel for dtypes other than float32. */
const G = 8;

/**
 * `out[..., m, n] = Σ_k a[..., m, k] · b[..., k, n]`.
 *
 * @example matmul(rt, a, bT, out, defaultTiles(m, k, n)); // bT a transposed view: no copy
 */
export function matmul(rt: Runtime, a: View<GpuBuffer>, b: View<GpuBuffer>, out: View<GpuBuffer>, tiles: Tiles): void {
  if (out.dtype === 'bool') throw new NotImplementedError('matmul of bool tensors (webgpu)');
  const r = out.shape.length;
  const m = out.shape[r - 2]!;
  const n = out.shape[r - 1]!;
  const k = a.shape[r - 1]!;
  const batchShape = out.shape.slice(0, r - 2);
  const nBatch = numel(batchShape);
  if (m === 0 || n === 0 || nBatch === 0) return;
  if (nBatch > rt.maxGroups) throw new NotImplementedError(`matmul with ${nBatch} batches on webgpu (at most ${rt.maxGroups})`);
  const cb = coalesce(batchShape, [a.strides.slice(0, r - 2), b.strides.slice(0, r - 2), out.strides.slice(0, r - 2)]);
  // batch offsets are computed once per workgroup: one kernel for every batch rank up to 4
  const batch = padRank(cb.shape, cb.strides, 4);
  const rb = batch.shape.length;
  const meta = new Meta();
  meta.push(m, k, n);
  meta.push(a.strides[r - 2]!, a.strides[r - 1]!, b.strides[r - 2]!, b.strides[r - 1]!, out.strides[r - 2]!, out.strides[r - 1]!);
  const shapeAt = meta.push(...batch.shape);
  const aBase = meta.push(a.offset, ...batch.strides[0]!);
  const bBase = meta.push(b.offset, ...batch.strides[1]!);
  const oBase = meta.push(out.offset, ...batch.strides[2]!);
  const batchCode = offsetsCode('wid.z', rb, shapeAt, [{ name: 'pa', base: aBase }, { name: 'pb', base: bBase }, { name: 'po', base: oBase }]);
  if (out.dtype === 'float32') {
    const am = loadMode(a, m, k, batch.strides[0]!);
    const bm = loadMode(b, k, n, batch.strides[1]!);
    const vec = (mode: LoadMode): string => (mode.endsWith('4') ? 'vec4<f32>' : 'f32');
    const source = (): string =>
      tiledSource({
        tiles,
        a: { kind: 'view', mode: am, src: 'in0', base: 'pa', sr: 'sam', sc: 'sak' },
        b: { kind: 'view', mode: bm, src: 'in1', base: 'pb', sr: 'sbk', sc: 'sbn' },
        decls: bindings('f32', [vec(am), vec(bm)]),
        prelude: `  let sam = prm[3]; let sak = prm[4]; let sbk = prm[5]; let sbn = prm[6]; let som = prm[7]; let son = prm[8];
${batchCode}
  let kBegin = 0u; let kEnd = K;`,
        store: (row, col, v) => `out[po + ${row} * som + (${col}) * son] = ${v};`,
      });
    rt.dispatch({
      key: `matmul:f32:${tilesName(tiles)}|${am}${bm}|b${rb}`,
      source,
      out: out.buf.gpu, inputs: [a.buf.gpu, b.buf.gpu], meta: meta.words, groups: 1,
      grid: [Math.ceil(n / (tiles.wx * tiles.tn)), Math.ceil(m / (tiles.wy * tiles.tm)), nBatch],
    });
    return;
  }
  // other dtypes (integer products are rare): one thread per output element, k in order
  const e = elemOf(out.dtype);
  const ar = arithOf(out.dtype);
  const store = (c: string): string => (isNarrow(out.dtype) ? wrap(c, out.dtype) : c);
  const source = (): string => /* wgsl */ `
${bindings(e, [e, e])}
@compute @workgroup_size(${G}, ${G})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>) {
  let M = prm[0]; let K = prm[1]; let N = prm[2];
  let sam = prm[3]; let sak = prm[4]; let sbk = prm[5]; let sbn = prm[6]; let som = prm[7]; let son = prm[8];
${batchCode}
  let row = wid.y * ${G}u + lid.y;
  let col = wid.x * ${G}u + lid.x;
  if (row >= M || col >= N) { return; }
  var acc = ${ar.zero};
  for (var k = 0u; k < K; k++) {
    acc = ${ar.add('acc', ar.mul('in0[pa + row * sam + k * sak]', 'in1[pb + k * sbk + col * sbn]'))};
  }
  out[po + row * som + col * son] = ${store('acc')};
}`;
  rt.dispatch({ key: `matmul:${out.dtype}|b${rb}`, source, out: out.buf.gpu, inputs: [a.buf.gpu, b.buf.gpu], meta: meta.words, groups: 1, grid: [Math.ceil(n / G), Math.ceil(m / G), nBatch] });
}
