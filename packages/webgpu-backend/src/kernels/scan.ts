// The scan fast path (cumsum, cumprod, cummax, cummin): one workgroup per row.
// Each thread scans its own contiguous chunk of the row for the chunk's total;
// the totals are scanned in shared memory; each thread then rescans its chunk
// starting from the total of the chunks before it. max/min propagate NaN.

import { NotImplementedError, type DType, type ScanOp, type View } from '@torchlet/tensor/backend';
import type { GpuBuffer, Runtime } from '../runtime.js';
import { arithOf } from './arith.js';
import { planRows } from './rows.js';
import { bindings } from './strided.js';
import { convert, elemOf, isNarrow, wrap } from './wgslTypes.js';

const SWG = 64;

function combine(op: ScanOp, dtype: DType, a: string, b: string): string {
  const ar = arithOf(dtype);
  const step = op === 'sum' ? ar.add : op === 'prod' ? ar.mul : op === 'max' ? ar.max : ar.min;
  // int8/uint8 run in i32: each step wraps, so every stored prefix is in range
  return isNarrow(dtype) ? wrap(step(a, b), dtype) : step(a, b);
}

/**
 * Inclusive scan of `x` along `dim` into `out`.
 *
 * @example scan(rt, 'sum', x, 0, out); // cumsum
 */
export function scan(rt: Runtime, op: ScanOp, x: View<GpuBuffer>, dim: number, out: View<GpuBuffer>): void {
  if (x.buf.gpu === out.buf.gpu) throw new NotImplementedError('in-place scan on webgpu');
  const p = planRows(x, dim, out);
  if (p.rows === 0 || p.n === 0) return;
  const e = elemOf(out.dtype);
  const load = (j: string): string => convert(`in0[px + ${j} * sx]`, x.dtype, out.dtype);
  const step = (acc: string, v: string): string => combine(op, out.dtype, acc, v);
  const source = (): string => /* wgsl */ `
${bindings(e, [elemOf(x.dtype)])}
var<workgroup> totals: array<${e}, ${SWG}>;
@compute @workgroup_size(${SWG})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let row = wid.y * nwg.x + wid.x;
  if (row >= prm[0]) { return; }
${p.code('row')}
  let chunk = (n + ${SWG - 1}u) / ${SWG}u;
  let first = min(n, lid * chunk);
  let end = min(n, first + chunk);
  // pass 1: the total of this thread's chunk
  if (first < end) {
    var t: ${e} = ${load('first')};
    for (var j: u32 = first + 1u; j < end; j++) { t = ${step('t', load('j'))}; }
    totals[lid] = t;
  }
  workgroupBarrier();
  // the totals, scanned in order (64 steps, by one thread)
  if (lid == 0u) {
    let used = (n + chunk - 1u) / chunk;
    for (var k: u32 = 1u; k < used; k++) { totals[k] = ${step('totals[k - 1u]', 'totals[k]')}; }
  }
  workgroupBarrier();
  // pass 2: rescan the chunk from the total of the chunks before it
  if (first < end) {
    var acc: ${e} = ${load('first')};
    if (lid > 0u) { acc = ${step('totals[lid - 1u]', 'acc')}; }
    out[po + first * so] = acc;
    for (var j: u32 = first + 1u; j < end; j++) {
      acc = ${step('acc', load('j'))};
      out[po + j * so] = acc;
    }
  }
}`;
  rt.dispatch({ key: `scan:${op}:${x.dtype}:${out.dtype}|r${p.rank}`, source, out: out.buf.gpu, inputs: [x.buf.gpu], meta: p.meta.words, groups: p.rows });
}
