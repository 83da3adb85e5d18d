// backend.matmul: shared-memory tiled product. A 16×16 workgroup computes a
// 32×32 block of the output (2×2 per thread) from 32×16 and 16×32 tiles of the
// operands, read through their strides, so transposed operands need no copy.
// Batch dims (already broadcast, 0-strides allowed) are coalesced and walked by
// the z workgroup index.

import { NotImplementedError, coalesce, numel, type View } from '@torchlet/tensor/backend';
import type { GpuBuffer, Runtime } from '../runtime.js';
import { Meta, bindings, offsetsCode } from './strided.js';
import { COMMON_WGSL, elemOf } from './wgslTypes.js';

const T = 16;
const B = 32;

/** `out[..., m, n] = Σ_k a[..., m, k] · b[..., k, n]`. */
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
  const batch = coalesce(batchShape, [a.strides.slice(0, r - 2), b.strides.slice(0, r - 2), out.strides.slice(0, r - 2)]);
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
  const zero = e === 'f32' ? '0.0f' : '0i';
  const key = `matmul:${out.dtype}|b${rb}|${same ? 'same' : 'two'}`;
  const bIn = same ? 'in0' : 'in1';
  const source = (): string => /* wgsl */ `
${COMMON_WGSL}
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
  var c00: ${e} = ${zero}; var c01: ${e} = ${zero}; var c10: ${e} = ${zero}; var c11: ${e} = ${zero};
  for (var k0: u32 = 0u; k0 < K; k0 += ${T}u) {
    // each thread loads two elements of each tile
    for (var h: u32 = 0u; h < 2u; h++) {
      let ar = wid.y * ${B}u + lid.y + h * ${T}u;
      let ak = k0 + lid.x;
      var va: ${e} = ${zero};
      if (ar < M && ak < K) { va = in0[pa + ar * sam + ak * sak]; }
      ta[lid.y + h * ${T}u][lid.x] = va;
      let bk = k0 + lid.y;
      let bc = wid.x * ${B}u + lid.x + h * ${T}u;
      var vb: ${e} = ${zero};
      if (bk < K && bc < N) { vb = ${bIn}[pb + bk * sbk + bc * sbn]; }
      tb[lid.y][lid.x + h * ${T}u] = vb;
    }
    workgroupBarrier();
    for (var kk: u32 = 0u; kk < ${T}u; kk++) {
      let a0 = ta[lid.y][kk];
      let a1 = ta[lid.y + ${T}u][kk];
      let b0 = tb[kk][lid.x];
      let b1 = tb[kk][lid.x + ${T}u];
      c00 += a0 * b0; c01 += a0 * b1; c10 += a1 * b0; c11 += a1 * b1;
    }
    workgroupBarrier();
  }
  let row1 = row0 + ${T}u;
  let col1 = col0 + ${T}u;
  if (row0 < M && col0 < N) { out[po + row0 * som + col0 * son] = c00; }
  if (row0 < M && col1 < N) { out[po + row0 * som + col1 * son] = c01; }
  if (row1 < M && col0 < N) { out[po + row1 * som + col0 * son] = c10; }
  if (row1 < M && col1 < N) { out[po + row1 * som + col1 * son] = c11; }
}`;
  rt.dispatch({
    key, source, out: out.buf.gpu, inputs: same ? [a.buf.gpu] : [a.buf.gpu, b.buf.gpu], meta: meta.words, groups: 1,
    grid: [Math.ceil(n / B), Math.ceil(m / B), nBatch],
  });
}
