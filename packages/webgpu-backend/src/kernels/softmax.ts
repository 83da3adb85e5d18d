// The softmax / log-softmax fast path: one workgroup per row, three passes over
// the row (max, sum of exp(x - max), write), the first two a strided loop and a
// workgroup combine (subgroups where the device has them). The arithmetic is the
// reference decomposition's.

import type { View } from '@torchlet/tensor/backend';
import type { GpuBuffer, Runtime } from '../runtime.js';
import { planRows } from './rows.js';
import { bindings } from './strided.js';
import { SUBGROUP_BUILTINS, combineCode, subgroupOp } from './workgroupCombine.js';

const SWG = 64;

/**
 * softmax (or log-softmax when `log`) of float32 `x` along `dim` into `out`.
 *
 * @example softmax(rt, logits, 1, out, true); // log-softmax
 */
export function softmax(rt: Runtime, x: View<GpuBuffer>, dim: number, out: View<GpuBuffer>, log: boolean): void {
  const p = planRows(x, dim, out);
  if (p.rows === 0 || p.n === 0) return;
  const sg = rt.subgroups;
  const max = combineCode('m', { fn: (a, b) => `max_f(${a}, ${b})`, ...subgroupOp('max', 'float32') }, SWG, sg);
  const sum = combineCode('t', { fn: (a, b) => `${a} + ${b}`, ...subgroupOp('sum', 'float32') }, SWG, sg);
  const source = (): string => /* wgsl */ `
${sg ? 'enable subgroups;\ndiagnostic(off, subgroup_uniformity);' : ''}
${bindings('f32', ['f32'])}
var<workgroup> sv: array<f32, ${SWG}>;
@compute @workgroup_size(${SWG})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32${sg ? SUBGROUP_BUILTINS : ''}) {
  let row = wid.y * nwg.x + wid.x;
  if (row >= prm[0]) { return; }
${p.code('row')}
  var m = -inf_f();
  for (var j: u32 = lid; j < n; j += ${SWG}u) { m = max_f(m, in0[px + j * sx]); }
${max}
  m = sv[0];
  workgroupBarrier();
  var t = 0.0f;
  for (var j: u32 = lid; j < n; j += ${SWG}u) { t += safe_exp(in0[px + j * sx] - m); }
${sum}
  let total = sv[0];
  for (var j: u32 = lid; j < n; j += ${SWG}u) {
    let d = in0[px + j * sx] - m;
    out[po + j * so] = ${log ? 'd - safe_log(total)' : 'safe_exp(d) / total'};
  }
}`;
  const same = x.buf.gpu === out.buf.gpu;
  if (same) throw new Error('webgpu softmax: out must not alias x');
  rt.dispatch({ key: `softmax:${log}|r${p.rank}${sg ? '|sg' : ''}`, source, out: out.buf.gpu, inputs: [x.buf.gpu], meta: p.meta.words, groups: p.rows });
}
