// The softmax / log-softmax fast path: one workgroup per row, three passes over
// the row (max, sum of exp(x - max), write), each a strided loop plus a
// shared-memory tree. The arithmetic is the reference decomposition's.

import type { View } from '@torchlet/tensor/backend';
import type { GpuBuffer, Runtime } from '../runtime.js';
import { planRows } from './rows.js';
import { bindings } from './strided.js';

const SWG = 64;

/**
 * softmax (or log-softmax when `log`) of float32 `x` along `dim` into `out`.
 *
 * @example softmax(rt, logits, 1, out, true); // log-softmax
 */
export function softmax(rt: Runtime, x: View<GpuBuffer>, dim: number, out: View<GpuBuffer>, log: boolean): void {
  const p = planRows(x, dim, out);
  if (p.rows === 0 || p.n === 0) return;
  const tree = (combine: string): string => `
  workgroupBarrier();
  for (var s: u32 = ${SWG / 2}u; s > 0u; s = s >> 1u) {
    if (lid < s) { sh[lid] = ${combine}; }
    workgroupBarrier();
  }`;
  const source = (): string => /* wgsl */ `
${bindings('f32', ['f32'])}
var<workgroup> sh: array<f32, ${SWG}>;
@compute @workgroup_size(${SWG})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let row = wid.y * nwg.x + wid.x;
  if (row >= prm[0]) { return; }
${p.code('row')}
  var m = -inf_f();
  for (var j: u32 = lid; j < n; j += ${SWG}u) { m = max_f(m, in0[px + j * sx]); }
  sh[lid] = m;
${tree('max_f(sh[lid], sh[lid + s])')}
  m = sh[0];
  workgroupBarrier();
  var t = 0.0f;
  for (var j: u32 = lid; j < n; j += ${SWG}u) { t += safe_exp(in0[px + j * sx] - m); }
  sh[lid] = t;
${tree('sh[lid] + sh[lid + s]')}
  let total = sh[0];
  for (var j: u32 = lid; j < n; j += ${SWG}u) {
    let d = in0[px + j * sx] - m;
    out[po + j * so] = ${log ? 'd - safe_log(total)' : 'safe_exp(d) / total'};
  }
}`;
  const same = x.buf.gpu === out.buf.gpu;
  if (same) throw new Error('webgpu softmax: out must not alias x');
  rt.dispatch({ key: `softmax:${log}|r${p.rank}`, source, out: out.buf.gpu, inputs: [x.buf.gpu], meta: p.meta.words, groups: p.rows });
}
