// How the threads of a 1-D workgroup combine their partial results: a
// shared-memory tree (log2 steps, a barrier each), or, on a device with
// subgroups, one subgroup operation, the subgroups' results written to
// workgroup memory and combined in order by one thread. Subgroups are taken to
// be runs of consecutive invocation indices, as GPUs form them for 1-D compute
// workgroups (tfjs and onnxruntime's WebGPU kernels assume the same).

import type { DType } from '@torchlet/tensor/backend';
import { elemOf } from './wgslTypes.js';

/** A commutative, associative combine and the subgroup operation that computes it, if any. */
export interface Combine {
  readonly fn: (a: string, b: string) => string;
  /** `subgroupAdd`, `subgroupMul`, `subgroupMax`, …, or undefined where none computes `fn`. */
  readonly subgroup?: string;
  /** The subgroup operation may drop NaN (float max/min): a NaN anywhere in the subgroup makes the result NaN. */
  readonly nanWins?: boolean;
}

/**
 * The combine of a reduction op on accumulators of `dtype`, with its subgroup
 * operation where one exists (f32, i32 and bool accumulators; int64 has none).
 *
 * @example subgroupOp('sum', 'float32') // 'subgroupAdd'
 */
export function subgroupOp(op: string, dtype: DType): { subgroup?: string; nanWins?: boolean } {
  const e = elemOf(dtype);
  if (e === 'vec2<u32>') return {};
  if (e === 'u32') return op === 'sum' || op === 'max' || op === 'any' ? { subgroup: 'subgroupOr' } : { subgroup: 'subgroupAnd' };
  const name = { sum: 'subgroupAdd', prod: 'subgroupMul', max: 'subgroupMax', min: 'subgroupMin' }[op];
  return name ? { subgroup: name, nanWins: e === 'f32' && (op === 'max' || op === 'min') } : {};
}

/** The entry point's subgroup builtins (empty without subgroups). */
export const SUBGROUP_BUILTINS = ', @builtin(subgroup_invocation_id) sid: u32, @builtin(subgroup_size) ssize: u32';

/**
 * WGSL that leaves the combine of every thread's `value` in `sv[0]` (after a
 * barrier, for every thread to read), `sv` being a workgroup array of `wg`
 * elements. With `subgroups` the kernel must `enable subgroups;` and declare
 * SUBGROUP_BUILTINS.
 *
 * @example combineCode('v', { fn: (a, b) => `${a} + ${b}`, subgroup: 'subgroupAdd' }, 64, true)
 */
export function combineCode(value: string, c: Combine, wg: number, subgroups: boolean): string {
  if (subgroups && c.subgroup) {
    const r = c.nanWins ? `select(${c.subgroup}(${value}), nan_f(), subgroupAny(is_nan(${value})))` : `${c.subgroup}(${value})`;
    return `
  {
    let r = ${r};
    if (sid == 0u) { sv[lid / ssize] = r; }
    workgroupBarrier();
    if (lid == 0u) {
      var t = sv[0];
      for (var k = 1u; k < max(1u, ${wg}u / ssize); k++) { t = ${c.fn('t', 'sv[k]')}; }
      sv[0] = t;
    }
    workgroupBarrier();
  }`;
  }
  return `
  sv[lid] = ${value};
  workgroupBarrier();
  for (var s: u32 = ${wg / 2}u; s > 0u; s = s >> 1u) {
    if (lid < s) { sv[lid] = ${c.fn('sv[lid]', 'sv[lid + s]')}; }
    workgroupBarrier();
  }`;
}
