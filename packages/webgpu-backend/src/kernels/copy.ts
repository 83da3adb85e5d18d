// backend.copy (strided copy with cast), backend.fill and backend.where, all
// through the elementwise generator.

import type { Operand, View } from '@torchlet/tensor/backend';
import type { GpuBuffer, Runtime } from '../runtime.js';
import { dtypeOf, runElementwise } from './elementwise.js';
import { operandInput } from './binary.js';
import { convert, scalarWords } from './wgslTypes.js';

/**
 * `dst[i] = cast(src[i])`.
 *
 * @example copy(rt, x.t(), dense); // x.t().contiguous()
 */
export function copy(rt: Runtime, src: View<GpuBuffer>, dst: View<GpuBuffer>): void {
  runElementwise(rt, {
    name: `copy:${src.dtype}:${dst.dtype}`,
    inputs: [{ view: src }],
    out: dst,
    body: ([x]) => convert(x!, src.dtype, dst.dtype),
  });
}

/**
 * Every element of `out` set to `value` (converted to its dtype on the host).
 *
 * @example fill(rt, out, NaN);
 */
export function fill(rt: Runtime, out: View<GpuBuffer>, value: number | bigint): void {
  runElementwise(rt, {
    name: `fill:${out.dtype}`,
    inputs: [{ scalarWords: scalarWords(value, out.dtype), dtype: out.dtype }],
    out,
    body: ([x]) => x!,
  });
}

/**
 * `out[i] = cond[i] ? a[i] : b[i]`, branches cast to `out`'s dtype.
 *
 * @example where(rt, mask, x, 0, out);
 */
export function where(rt: Runtime, cond: View<GpuBuffer>, a: Operand<GpuBuffer>, b: Operand<GpuBuffer>, out: View<GpuBuffer>): void {
  const inputs = [{ view: cond }, operandInput(a, out.dtype), operandInput(b, out.dtype)];
  runElementwise(rt, {
    name: `where:${cond.dtype}:${out.dtype}`,
    inputs,
    out,
    body: ([c, x, y]) => {
      const truth = convert(c!, cond.dtype, 'bool');
      return `select(${convert(y!, dtypeOf(inputs[2]!), out.dtype)}, ${convert(x!, dtypeOf(inputs[1]!), out.dtype)}, ${truth} != 0u)`;
    },
  });
}
