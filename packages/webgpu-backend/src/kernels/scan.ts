// The scan fast path (cumsum, cumprod, cummax, cummin): one thread per row
// walks it in order, accumulating in the out dtype; max/min propagate NaN.

import { NotImplementedError, type DType, type ScanOp, type View } from '@torchlet/tensor/backend';
import type { GpuBuffer, Runtime } from '../runtime.js';
import { FLOAT_MATH } from './mathWgsl.js';
import { planRows } from './rows.js';
import { WG, bindings } from './strided.js';
import { COMMON_WGSL, convert, elemOf } from './wgslTypes.js';

function combine(op: ScanOp, dtype: DType, a: string, b: string): string {
  const e = elemOf(dtype);
  if (e === 'u32') {
    if (op === 'sum' || op === 'max') return `(${a} | ${b})`;
    return `(${a} & ${b})`;
  }
  if (op === 'sum') return `${a} + ${b}`;
  if (op === 'prod') return `${a} * ${b}`;
  if (e === 'f32') return `${op}_f(${a}, ${b})`;
  return `${op}(${a}, ${b})`;
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
  const source = (): string => /* wgsl */ `
${COMMON_WGSL}
${FLOAT_MATH}
${bindings(e, [elemOf(x.dtype)])}
@compute @workgroup_size(${WG})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let row = (wid.y * nwg.x + wid.x) * ${WG}u + lid;
  if (row >= prm[0]) { return; }
${p.code('row')}
  var acc: ${e} = ${convert('in0[px]', x.dtype, out.dtype)};
  out[po] = acc;
  for (var j: u32 = 1u; j < n; j++) {
    acc = ${combine(op, out.dtype, 'acc', convert('in0[px + j * sx]', x.dtype, out.dtype))};
    out[po + j * so] = acc;
  }
}`;
  rt.dispatch({ key: `scan:${op}:${x.dtype}:${out.dtype}|r${p.rank}`, source, out: out.buf.gpu, inputs: [x.buf.gpu], meta: p.meta.words, groups: Math.ceil(p.rows / WG) });
}
