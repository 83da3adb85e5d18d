// backend.matmul: shared-memory tiled product. A 16×16 workgroup computes a
// 64×64 block of the output (4×4 per thread) from 64×16 and 16×64 tiles of the
// operands, read through their strides, so transposed operands need no copy.
// Batch dims (already broadcast, 0-strides allowed) are coalesced and walked by
// the z workgroup index.

import { NotImplementedError, coalesce, numel, type View } from '@torchlet/tensor/backend';
import type { GpuBuffer, Runtime } from '../runtime.js';
import { Meta, bindings, offsetsCode, padRank } from './strided.js';
import { arithOf } from './arith.js';
import { elemOf, isNarrow, wrap } from './wgslTypes.js';

/** Threads per workgroup side, outputs per thread per side, and the output tile side. */
const T = 16;
const R = 4;
const B = T * R;

/**
 * `out[..., m, n] = Σ_k a[..., m, k] · b[..., k, n]`.
 *
 * @example matmul(rt, a, bT, out); // bT a transposed view: no copy
 */
export function matmul(rt: Runtime, a: View<GpuBuffer>, b: View<GpuBuffer>, out: View<GpuBuffer>): void {
  if (out.dtype === 'bool') throw new NotImplementedError('matmul of bool tensors (webgpu)');
  const r = out.shape.length;
  const m = out.shape[r - 2]!;
  const n = out.shape[r - 1]!;
  const k = a.shape[r - 1]!;
  const batchShape = out.shape.slice(0, r - 2);
  const nBatch = numel(batchShape);
  if (m === 0 || n === 0 || nBatch === 0) return;
  if (nBatch > rt.device.limits.maxComputeWorkgroupsPerDimension) {
    throw new NotImplementedError(`matmul with ${nBatch} batches on webgpu (at most ${rt.device.limits.maxComputeWorkgroupsPerDimension})`);
  }
  const cb = coalesce(batchShape, [a.strides.slice(0, r - 2), b.strides.slice(0, r - 2), out.strides.slice(0, r - 2)]);
  const batch = padRank(cb.shape, cb.strides);
  const rb = batch.shape.length;
  const meta = new Meta();
  meta.push(m, k, n);
  meta.push(a.strides[r - 2]!, a.strides[r - 1]!, b.strides[r - 2]!, b.strides[r - 1]!, out.strides[r - 2]!, out.strides[r - 1]!);
  const shapeAt = meta.push(...batch.shape);
  const aBase = meta.push(a.offset, ...batch.strides[0]!);
  const bBase = meta.push(b.offset, ...batch.strides[1]!);
  const oBase = meta.push(out.offset, ...batch.strides[2]!);
  const same = a.buf.gpu === b.buf.gpu;
  const e = elemOf(out.dtype);
  const ar = arithOf(out.dtype);
  const zero = ar.zero;
  const store = (c: string): string => (isNarrow(out.dtype) ? wrap(c, out.dtype) : c);
  const key = `matmul:${out.dtype}|b${rb}|${same ? 'same' : 'two'}`;
  const bIn = same ? 'in0' : 'in1';
  const idx = [...Array(R).keys()];
  const source = (): string => /* wgsl */ `
${bindings(e, same ? [e] : [e, e])}
var<workgroup> ta: array<array<${e}, ${T}>, ${B}>;
var<workgroup> tb: array<array<${e}, ${B}>, ${T}>;
@compute @workgroup_size(${T}, ${T})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>) {
  let M = prm[0]; let K = prm[1]; let N = prm[2];
  let sam = prm[3]; let sak = prm[4]; let sbk = prm[5]; let sbn = prm[6]; let som = prm[7]; let son = prm[8];
${offsetsCode('wid.z', rb, shapeAt, [{ name: 'pa', base: aBase }, { name: 'pb', base: bBase }, { name: 'po', base: oBase }])}
  let row0 = wid.y * ${B}u + lid.y;
  let col0 = wid.x * ${B}u + lid.x;
  ${idx.map((i) => idx.map((j) => `var c${i}${j}: ${e} = ${zero};`).join(' ')).join('\n  ')}
  for (var k0: u32 = 0u; k0 < K; k0 += ${T}u) {
    // each thread loads ${R} elements of each tile (rows lid.y + h·${T} of a, columns lid.x + h·${T} of b)
    for (var h: u32 = 0u; h < ${R}u; h++) {
      let ar = row0 + h * ${T}u;
      let ak = k0 + lid.x;
      var va: ${e} = ${zero};
      if (ar < M && ak < K) { va = in0[pa + ar * sam + ak * sak]; }
      ta[lid.y + h * ${T}u][lid.x] = va;
      let bk = k0 + lid.y;
      let bc = col0 + h * ${T}u;
      var vb: ${e} = ${zero};
      if (bk < K && bc < N) { vb = ${bIn}[pb + bk * sbk + bc * sbn]; }
      tb[lid.y][lid.x + h * ${T}u] = vb;
    }
    workgroupBarrier();
    for (var kk: u32 = 0u; kk < ${T}u; kk++) {
      ${idx.map((i) => `let a${i} = ta[lid.y + ${i * T}u][kk];`).join(' ')}
      ${idx.map((j) => `let b${j} = tb[kk][lid.x + ${j * T}u];`).join(' ')}
      ${idx.map((i) => idx.map((j) => `c${i}${j} = ${ar.add(`c${i}${j}`, ar.mul(`a${i}`, `b${j}`))};`).join(' ')).join('\n      ')}
    }
    workgroupBarrier();
  }
  ${idx.map((i) => idx.map((j) => `if (row0 + ${i * T}u < M && col0 + ${j * T}u < N) { out[po + (row0 + ${i * T}u) * som + (col0 + ${j * T}u) * son] = ${store(`c${i}${j}`)}; }`).join('\n  ')).join('\n  ')}
}`;
  rt.dispatch({
    key, source, out: out.buf.gpu, inputs: same ? [a.buf.gpu] : [a.buf.gpu, b.buf.gpu], meta: meta.words, groups: 1,
    grid: [Math.ceil(n / B), Math.ceil(m / B), nBatch],
  });
}
